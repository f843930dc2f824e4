// ChaCha20 (crypto/chacha/chacha20.h) on every implementation of the build: RFC 8439 2.3.2
// (block function) and 2.4.2 (encryption), typed in from the RFC text; streaming in pieces of
// every size, in-place operation, the counter limit, argument errors, and every length 0..700
// against the portable row (the NEON stride's remainders), aligned and not.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "tests/chacha/chacha_test_util.h"

using namespace petrel;
using namespace petrel_chacha_test;
using petrel_test::check_all_read;
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

TEST(ChaCha20, Rfc8439Section2_3_2Block) {
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce = H("000000090000004a00000000");
  const char* want =
      "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
      "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e";
  uint8_t out[64];
  chacha20_block(out, key.data(), 1, nonce.data());
  EXPECT_EQ(to_hex(out, 64), want);
  size_t n = 0;
  for (ChaCha20Impl impl : chacha_impls()) {
    std::memset(out, 0xa5, sizeof(out));
    ASSERT_EQ(chacha20_block_impl(out, key.data(), 1, nonce.data(), impl), Status::ok);
    EXPECT_EQ(to_hex(out, 64), want) << chacha20_impl_name(impl);
    n++;
  }
  report_cases("RFC 8439 2.3.2 ChaCha20 block (x implementations)", n);
}

TEST(ChaCha20, Rfc8439Section2_4_2Encryption) {
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce = H("000000000000004a00000000");
  const std::vector<uint8_t> pt = H(kSunscreenHex);
  const std::string want =
      "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
    "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
    "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
    "5af90bbf74a35be6b40b8eedf2785e42874d";
  const std::string keystream =
      "224f51f3401bd9e12fde276fb8631ded8c131f823d2c06e27e4fcaec9ef3cf78"
    "8a3b0aa372600a92b57974cded2b9334794cba40c63e34cdea212c4cf07d41b7"
    "69a6749f3f630f4122cafe28ec4dc47e26d4346d70b98c73f3e9c53ac40c5945"
    "398b6eda1a832c89c167eacd901d7e2bf363";
  ASSERT_EQ(pt.size(), 114u);
  size_t cases = 0;
  for (ChaCha20Impl impl : chacha_impls()) {
  SCOPED_TRACE(chacha20_impl_name(impl));
  std::vector<uint8_t> out(pt.size());
  ASSERT_EQ(chacha20_xor(MutableBytes(out), ByteView(key), ByteView(nonce), 1, ByteView(pt), impl),
            Status::ok);
  EXPECT_EQ(to_hex(out), want);
  // The keystream figure of the same section: encrypt zeros.
  std::vector<uint8_t> zeros(114, 0);
  ASSERT_EQ(chacha20_xor(MutableBytes(out), ByteView(key), ByteView(nonce), 1, ByteView(zeros),
                         impl),
            Status::ok);
  EXPECT_EQ(to_hex(out), keystream);
  // Misaligned input and output, every pair of offsets 0..3.
  for (size_t oi = 0; oi < 4; oi++) {
    for (size_t oo = 0; oo < 4; oo++) {
      std::vector<uint8_t> inbuf(pt.size() + 4), outbuf(pt.size() + 4);
      std::memcpy(inbuf.data() + oi, pt.data(), pt.size());
      ASSERT_EQ(chacha20_xor(MutableBytes(outbuf.data() + oo, pt.size()), ByteView(key),
                             ByteView(nonce), 1, ByteView(inbuf.data() + oi, pt.size()), impl),
                Status::ok);
      EXPECT_EQ(to_hex(outbuf.data() + oo, pt.size()), want) << "offsets " << oi << " " << oo;
    }
  }
  // Streaming: every split of the message into two calls, and byte by byte.
  for (size_t cut = 0; cut <= pt.size(); cut++) {
    ChaCha20 c;
    ASSERT_EQ(c.init(ByteView(key), ByteView(nonce), 1, impl), Status::ok);
    std::vector<uint8_t> o(pt.size());
    ASSERT_EQ(c.crypt(MutableBytes(o.data(), cut), ByteView(pt.data(), cut)), Status::ok);
    ASSERT_EQ(c.crypt(MutableBytes(o.data() + cut, pt.size() - cut),
                      ByteView(pt.data() + cut, pt.size() - cut)),
              Status::ok);
    EXPECT_EQ(to_hex(o), want) << "cut " << cut;
  }
  ChaCha20 c;
  ASSERT_EQ(c.init(ByteView(key), ByteView(nonce), 1, impl), Status::ok);
  EXPECT_STREQ(c.impl_name(), chacha20_impl_name(impl));
  std::vector<uint8_t> o = pt;  // in place
  for (size_t i = 0; i < o.size(); i++) {
    ASSERT_EQ(c.crypt(MutableBytes(&o[i], 1), ByteView(&o[i], 1)), Status::ok);
  }
  EXPECT_EQ(to_hex(o), want);
  o = pt;  // in place, whole
  ASSERT_EQ(chacha20_xor(MutableBytes(o), ByteView(key), ByteView(nonce), 1, ByteView(o), impl),
            Status::ok);
  EXPECT_EQ(to_hex(o), want);
  cases++;
  }
  report_cases("RFC 8439 2.4.2 ChaCha20 encryption (x implementations)", cases);
}

TEST(ChaCha20, CounterLimit) {
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce(12, 0);
  for (ChaCha20Impl impl : chacha_impls()) {
  SCOPED_TRACE(chacha20_impl_name(impl));
  uint8_t buf[130] = {};
  ChaCha20 c;
  ASSERT_EQ(c.init(ByteView(key), ByteView(nonce), 0xffffffffu, impl), Status::ok);
  // One block is left: 64 bytes are fine, the 65th would wrap the counter.
  EXPECT_EQ(c.crypt(MutableBytes(buf, 65), ByteView(buf, 65)), Status::invalid_argument);
  EXPECT_EQ(c.crypt(MutableBytes(buf, 60), ByteView(buf, 60)), Status::ok);
  EXPECT_EQ(c.crypt(MutableBytes(buf, 4), ByteView(buf, 4)), Status::ok);
  EXPECT_EQ(c.crypt(MutableBytes(buf, 1), ByteView(buf, 1)), Status::invalid_argument);
  EXPECT_EQ(c.crypt(MutableBytes(buf, 0), ByteView(buf, 0)), Status::ok);
  // The block with counter 0xffffffff is the block function's.
  uint8_t want[64];
  chacha20_block(want, key.data(), 0xffffffffu, nonce.data());
  std::memset(buf, 0, sizeof(buf));
  ASSERT_EQ(chacha20_xor(MutableBytes(buf, 64), ByteView(key), ByteView(nonce), 0xffffffffu,
                         ByteView(buf, 64), impl),
            Status::ok);
  EXPECT_EQ(to_hex(buf, 64), to_hex(want, 64));
  }
}

TEST(ChaCha20, Implementations) {
  const std::vector<ChaCha20Impl> impls = chacha_impls();
  ASSERT_FALSE(impls.empty());
  EXPECT_EQ(impls[0], ChaCha20Impl::portable);  // in every build
  EXPECT_TRUE(chacha20_impl_available(chacha20_default_impl()));
  EXPECT_EQ(chacha20_default_impl(), impls.back());
  std::string names;
  for (ChaCha20Impl impl : impls) {
    EXPECT_TRUE(chacha20_impl_is_constant_time(impl));
    ChaCha20Impl back;
    EXPECT_EQ(chacha20_impl_from_name(&back, chacha20_impl_name(impl)), Status::ok);
    EXPECT_EQ(back, impl);
    names += std::string(names.empty() ? "" : " ") + chacha20_impl_name(impl);
  }
  // What the target must have, from the toolchain (tests/chacha/tests.cmake): an assembly
  // variant that silently dropped out of an ARM build fails here.
  EXPECT_EQ(names, PETREL_TEST_CHACHA_IMPLS);
  ChaCha20Impl x;
  EXPECT_EQ(chacha20_impl_from_name(&x, "nonesuch"), Status::unsupported);
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce(12, 0);
  if (!chacha20_impl_available(ChaCha20Impl::armv4)) {
    EXPECT_EQ(chacha20_impl_from_name(&x, "armv4"), Status::not_available);
    ChaCha20 c;
    EXPECT_EQ(c.init(ByteView(key), ByteView(nonce), 0, ChaCha20Impl::armv4), Status::not_available);
    ChaCha20Poly1305 aead;
    EXPECT_EQ(aead.init(ByteView(key), kPoly1305DefaultImpl, ChaCha20Impl::armv4),
              Status::not_available);
  }
  std::printf("[ impls    ] chacha20: %s (default %s)\n", names.c_str(),
              chacha20_impl_name(chacha20_default_impl()));
}

TEST(ChaCha20, ArgumentErrors) {
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce(12, 0);
  uint8_t buf[16] = {};
  ChaCha20 c;
  EXPECT_EQ(c.crypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);  // no key
  EXPECT_EQ(c.init(ByteView(key.data(), 16), ByteView(nonce)), Status::bad_key_length);
  EXPECT_EQ(c.init(ByteView(key), ByteView(nonce.data(), 8)), Status::bad_iv_length);
  ASSERT_EQ(c.init(ByteView(key), ByteView(nonce)), Status::ok);
  EXPECT_EQ(c.crypt(MutableBytes(buf, 8), ByteView(buf, 16)), Status::invalid_argument);
  c.clear();
  EXPECT_FALSE(c.is_set());
}

// Every implementation against the portable one (a consistency check beside the vectors above
// and the AEAD files, which reach 576 bytes): every length 0..700 (every remainder of the
// three-block NEON stride), offsets 0 and 1, whole and in pieces of 1..191 bytes, and a counter
// that ends just below 2^32.
TEST(ChaCha20, ImplementationsAgree) {
  std::mt19937 rng(8439);
  const std::vector<uint8_t> key = random_bytes(rng, 32);
  const std::vector<uint8_t> nonce = random_bytes(rng, 12);
  const std::vector<uint8_t> msg = random_bytes(rng, 701);
  size_t n = 0;
  for (ChaCha20Impl impl : chacha_impls()) {
    SCOPED_TRACE(chacha20_impl_name(impl));
    for (size_t len = 0; len <= 700; len++) {
      const uint32_t counter = len % 7 == 0 ? 0xffffffffu - 11u : static_cast<uint32_t>(len);
      std::vector<uint8_t> want(len), got(len + 1);
      ASSERT_EQ(chacha20_xor(MutableBytes(want), ByteView(key), ByteView(nonce), counter,
                             ByteView(msg.data(), len), ChaCha20Impl::portable),
                Status::ok);
      ASSERT_EQ(chacha20_xor(MutableBytes(got.data() + (len & 1), len), ByteView(key),
                             ByteView(nonce), counter, ByteView(msg.data() + 0, len), impl),
                Status::ok);
      ASSERT_EQ(to_hex(got.data() + (len & 1), len), to_hex(want)) << "len " << len;
      ChaCha20 c;
      ASSERT_EQ(c.init(ByteView(key), ByteView(nonce), counter, impl), Status::ok);
      const size_t piece = 1 + len % 191;
      std::vector<uint8_t> o(len);
      for (size_t at = 0; at < len; at += piece) {
        const size_t m = len - at < piece ? len - at : piece;
        ASSERT_EQ(c.crypt(MutableBytes(o.data() + at, m), ByteView(msg.data() + at, m)),
                  Status::ok);
      }
      ASSERT_EQ(to_hex(o), to_hex(want)) << "pieces of " << piece << ", len " << len;
      n++;
    }
  }
  report_cases("ChaCha20 lengths 0..700 against portable (x implementations)", n);
}

// ---- Poly1305 -----------------------------------------------------------------------------------

}  // namespace
