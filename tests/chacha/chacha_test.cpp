// ChaCha20, Poly1305 and ChaCha20-Poly1305 tests (crypto/chacha/), every ChaCha20 and every
// Poly1305 implementation of the build (the AEAD: every pair):
//  - RFC 8439 examples, typed in from the RFC text with their section numbers: 2.3.2 (block
//    function), 2.4.2 (encryption), 2.5.2 (Poly1305), 2.6.2 (Poly1305 key generation), 2.8.2
//    (AEAD), and the Poly1305 vectors of appendix A.3 (the edge cases of the final reduction);
//  - BoringSSL's and OpenSSL's ChaCha20-Poly1305 test data (pyca's copies, vectors/chacha20poly1305/),
//    parsed as published, every field read, OpenSSL's "Result = CIPHERFINAL_ERROR" case refused;
//  - streaming in pieces of every size, tampering (wiped output), in-place operation, argument
//    errors, the counter limit, the RFC 7905 nonce, agreement between Poly1305 implementations;
//  - the vector files again with misaligned input and output buffers (the assembly variants
//    have a word path and a byte path), and the callee-saved registers of the assembly entry
//    points (the patterned call harness of tests/bignum, ARM builds).
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/chacha/poly1305.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::check_all_read;
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

std::vector<uint8_t> H(const char* hex) { return from_hex(hex); }

std::vector<Poly1305Impl> poly_impls() {
  Poly1305Impl impls[8];
  const size_t n = poly1305_impls_available(impls, 8);
  return std::vector<Poly1305Impl>(impls, impls + n);
}

std::vector<ChaCha20Impl> chacha_impls() {
  ChaCha20Impl impls[8];
  const size_t n = chacha20_impls_available(impls, 8);
  return std::vector<ChaCha20Impl>(impls, impls + n);
}

std::vector<uint8_t> random_bytes(std::mt19937& rng, size_t n) {
  std::vector<uint8_t> v(n);
  for (uint8_t& b : v) {
    b = static_cast<uint8_t>(rng());
  }
  return v;
}

// RFC 8439 key 00:01:...:1f of sections 2.3.2 and 2.4.2.
std::vector<uint8_t> key_00_1f() {
  std::vector<uint8_t> k(32);
  for (size_t i = 0; i < 32; i++) {
    k[i] = static_cast<uint8_t>(i);
  }
  return k;
}

const char kSunscreenHex[] =
    "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
    "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
    "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
    "637265656e20776f756c642062652069742e";

// ---- ChaCha20 -----------------------------------------------------------------------------------

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

struct PolyVector {
  int number;  // 0: section 2.5.2; n: appendix A.3 test vector #n
  const char* key;
  const char* msg;
  const char* tag;
};

const PolyVector kPolyVectors[] = {
    // Section 2.5.2: "Cryptographic Forum Research Group".
    {0, "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b",
     "43727970746f6772617068696320466f72756d2052657365617263682047726f7570",
     "a8061dc1305136c6c22b8baf0c0127a9"},
    // Appendix A.3, test vectors #1 to #11 (#5-#11 give r and s separately: key = r || s).
    {1,
     "0000000000000000000000000000000000000000000000000000000000000000",
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000",
     "00000000000000000000000000000000"},
    {2,
     "0000000000000000000000000000000036e5f6b5c5e06070f0efca96227a863e",
     "416e79207375626d697373696f6e20746f20746865204945544620696e74656e"
     "6465642062792074686520436f6e7472696275746f7220666f72207075626c69"
     "636174696f6e20617320616c6c206f722070617274206f6620616e2049455446"
     "20496e7465726e65742d4472616674206f722052464320616e6420616e792073"
     "746174656d656e74206d6164652077697468696e2074686520636f6e74657874"
     "206f6620616e204945544620616374697669747920697320636f6e7369646572"
     "656420616e20224945544620436f6e747269627574696f6e222e205375636820"
     "73746174656d656e747320696e636c756465206f72616c2073746174656d656e"
     "747320696e20494554462073657373696f6e732c2061732077656c6c20617320"
     "7772697474656e20616e6420656c656374726f6e696320636f6d6d756e696361"
     "74696f6e73206d61646520617420616e792074696d65206f7220706c6163652c"
     "207768696368206172652061646472657373656420746f",
     "36e5f6b5c5e06070f0efca96227a863e"},
    {3,
     "36e5f6b5c5e06070f0efca96227a863e00000000000000000000000000000000",
     "416e79207375626d697373696f6e20746f20746865204945544620696e74656e"
     "6465642062792074686520436f6e7472696275746f7220666f72207075626c69"
     "636174696f6e20617320616c6c206f722070617274206f6620616e2049455446"
     "20496e7465726e65742d4472616674206f722052464320616e6420616e792073"
     "746174656d656e74206d6164652077697468696e2074686520636f6e74657874"
     "206f6620616e204945544620616374697669747920697320636f6e7369646572"
     "656420616e20224945544620436f6e747269627574696f6e222e205375636820"
     "73746174656d656e747320696e636c756465206f72616c2073746174656d656e"
     "747320696e20494554462073657373696f6e732c2061732077656c6c20617320"
     "7772697474656e20616e6420656c656374726f6e696320636f6d6d756e696361"
     "74696f6e73206d61646520617420616e792074696d65206f7220706c6163652c"
     "207768696368206172652061646472657373656420746f",
     "f3477e7cd95417af89a6b8794c310cf0"},
    {4,
     "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
     "2754776173206272696c6c69672c20616e642074686520736c6974687920746f"
     "7665730a446964206779726520616e642067696d626c6520696e207468652077"
     "6162653a0a416c6c206d696d737920776572652074686520626f726f676f7665"
     "732c0a416e6420746865206d6f6d65207261746873206f757467726162652e",
     "4541669a7eaaee61e708dc7cbcc5eb62"},
    {5,
     "0200000000000000000000000000000000000000000000000000000000000000",
     "ffffffffffffffffffffffffffffffff",
     "03000000000000000000000000000000"},
    {6,
     "02000000000000000000000000000000ffffffffffffffffffffffffffffffff",
     "02000000000000000000000000000000",
     "03000000000000000000000000000000"},
    {7,
     "0100000000000000000000000000000000000000000000000000000000000000",
     "fffffffffffffffffffffffffffffffff0ffffffffffffffffffffffffffffff"
     "11000000000000000000000000000000",
     "05000000000000000000000000000000"},
    {8,
     "0100000000000000000000000000000000000000000000000000000000000000",
     "fffffffffffffffffffffffffffffffffbfefefefefefefefefefefefefefefe"
     "01010101010101010101010101010101",
     "00000000000000000000000000000000"},
    {9,
     "0200000000000000000000000000000000000000000000000000000000000000",
     "fdffffffffffffffffffffffffffffff",
     "faffffffffffffffffffffffffffffff"},
    {10,
     "0100000000000000040000000000000000000000000000000000000000000000",
     "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
     "0000000000000000000000000000000001000000000000000000000000000000",
     "14000000000000005500000000000000"},
    {11,
     "0100000000000000040000000000000000000000000000000000000000000000",
     "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
     "00000000000000000000000000000000",
     "13000000000000000000000000000000"},
};

TEST(Poly1305, Rfc8439Section2_5_2AndAppendixA3) {
  size_t n = 0;
  for (Poly1305Impl impl : poly_impls()) {
    for (const PolyVector& v : kPolyVectors) {
      const std::vector<uint8_t> key = H(v.key);
      const std::vector<uint8_t> msg = H(v.msg);
      uint8_t tag[16];
      ASSERT_EQ(poly1305(MutableBytes(tag), ByteView(key), ByteView(msg), impl), Status::ok);
      EXPECT_EQ(to_hex(tag, 16), v.tag) << poly1305_impl_name(impl) << " vector " << v.number;
      // Streaming in pieces of every length 1..17.
      for (size_t piece = 1; piece <= 17; piece++) {
        Poly1305 p;
        ASSERT_EQ(p.init(ByteView(key), impl), Status::ok);
        for (size_t off = 0; off < msg.size(); off += piece) {
          const size_t len = std::min(piece, msg.size() - off);
          ASSERT_EQ(p.update(ByteView(msg.data() + off, len)), Status::ok);
        }
        ASSERT_EQ(p.final(MutableBytes(tag)), Status::ok);
        EXPECT_EQ(to_hex(tag, 16), v.tag)
            << poly1305_impl_name(impl) << " vector " << v.number << " piece " << piece;
      }
      n++;
    }
  }
  report_cases("RFC 8439 2.5.2 + A.3 Poly1305 (x implementations)", n);
}

TEST(Poly1305, Implementations) {
  const std::vector<Poly1305Impl> impls = poly_impls();
  ASSERT_FALSE(impls.empty());
  EXPECT_EQ(impls[0], Poly1305Impl::donna32);  // the portable one is in every build
#if defined(PETREL_TEST_POLY1305_ARMV4)
  EXPECT_TRUE(poly1305_impl_available(Poly1305Impl::armv4));  // every little-endian ARM build
  EXPECT_EQ(kPoly1305DefaultImpl, Poly1305Impl::armv4);
#endif
  EXPECT_TRUE(poly1305_impl_available(kPoly1305DefaultImpl));
  for (Poly1305Impl impl : impls) {
    EXPECT_TRUE(poly1305_impl_is_constant_time(impl));
    Poly1305Impl back;
    EXPECT_EQ(poly1305_impl_from_name(&back, poly1305_impl_name(impl)), Status::ok);
    EXPECT_EQ(back, impl);
  }
  Poly1305Impl x;
  EXPECT_EQ(poly1305_impl_from_name(&x, "nonesuch"), Status::unsupported);
  if (!poly1305_impl_available(Poly1305Impl::donna64)) {
    EXPECT_EQ(poly1305_impl_from_name(&x, "donna64"), Status::not_available);
    Poly1305 p;
    const std::vector<uint8_t> key = H(kPolyVectors[0].key);
    EXPECT_EQ(p.init(ByteView(key), Poly1305Impl::donna64), Status::not_available);
  }
  std::printf("[ impls    ] poly1305: %zu (default %s)\n", impls.size(),
              poly1305_impl_name(kPoly1305DefaultImpl));
}

// Random keys and messages: every implementation gives the same tag (the RFC vectors above are
// the known answers; this covers limb patterns they do not), including all-0xff keys and data.
TEST(Poly1305, ImplementationsAgree) {
  const std::vector<Poly1305Impl> impls = poly_impls();
  std::mt19937 rng(8439);
  for (int i = 0; i < 300; i++) {
    std::vector<uint8_t> key = random_bytes(rng, 32);
    std::vector<uint8_t> msg = random_bytes(rng, rng() % 300);
    if (i % 10 == 0) {
      std::fill(key.begin(), key.end(), 0xff);
    }
    if (i % 7 == 0) {
      std::fill(msg.begin(), msg.end(), 0xff);
    }
    std::string first;
    for (Poly1305Impl impl : impls) {
      uint8_t tag[16];
      // The message at offset i % 4 (the assembly has a word path and an unaligned one).
      std::vector<uint8_t> buf(msg.size() + 4);
      std::copy(msg.begin(), msg.end(), buf.begin() + i % 4);
      ASSERT_EQ(poly1305(MutableBytes(tag), ByteView(key), ByteView(buf.data() + i % 4, msg.size()),
                         impl),
                Status::ok);
      if (first.empty()) {
        first = to_hex(tag, 16);
      } else {
        EXPECT_EQ(to_hex(tag, 16), first) << poly1305_impl_name(impl) << " case " << i;
      }
    }
  }
  report_cases("Poly1305 random keys and messages, implementations agree (x impls)",
               300 * impls.size());
}

TEST(Poly1305, ArgumentErrors) {
  Poly1305 p;
  uint8_t tag[16];
  uint8_t key[32] = {};
  EXPECT_EQ(p.update(ByteView(key)), Status::invalid_argument);
  EXPECT_EQ(p.final(MutableBytes(tag)), Status::invalid_argument);
  EXPECT_EQ(p.init(ByteView(key, 16)), Status::bad_key_length);
  ASSERT_EQ(p.init(ByteView(key)), Status::ok);
  EXPECT_EQ(p.final(MutableBytes(tag, 15)), Status::invalid_argument);
  EXPECT_EQ(p.final(MutableBytes(tag)), Status::ok);
  EXPECT_FALSE(p.is_set());  // final() ends the message
}

// ---- ChaCha20-Poly1305 --------------------------------------------------------------------------

TEST(ChaCha20Poly1305, Rfc8439Section2_6_2KeyGen) {
  const std::vector<uint8_t> key = H("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  const std::vector<uint8_t> nonce = H("000000000001020304050607");
  uint8_t otk[32];
  poly1305_key_gen(otk, key.data(), nonce.data());
  EXPECT_EQ(to_hex(otk, 32), "8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646");
}

TEST(ChaCha20Poly1305, Rfc8439Section2_8_2) {
  const std::vector<uint8_t> key = H("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  // Nonce: the 32-bit fixed-common part 07:00:00:00, then the IV 40:41:...:47.
  const std::vector<uint8_t> nonce = H("070000004041424344454647");
  const std::vector<uint8_t> aad = H("50515253c0c1c2c3c4c5c6c7");
  const std::vector<uint8_t> pt = H(kSunscreenHex);
  const std::string want_ct =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
    "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
    "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116";
  const std::string want_tag = "1ae10b594f09e26a7e902ecbd0600691";
  // The section's intermediate values: the one-time key and the Poly1305 input.
  uint8_t otk[32];
  poly1305_key_gen(otk, key.data(), nonce.data());
  EXPECT_EQ(to_hex(otk, 32), "7bac2b252db447af09b67a55a4e955840ae1d6731075d9eb2a9375783ed553ff");
  const std::vector<uint8_t> mac_data = H(
      "50515253c0c1c2c3c4c5c6c700000000d31a8d34648e60db7b86afbc53ef7ec2"
      "a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
      "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58"
      "fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b"
      "611600000000000000000000000000000c000000000000007200000000000000");
  for (Poly1305Impl impl : poly_impls()) {
  for (ChaCha20Impl cimpl : chacha_impls()) {
    SCOPED_TRACE(std::string(poly1305_impl_name(impl)) + "/" + chacha20_impl_name(cimpl));
    uint8_t tag[16];
    ASSERT_EQ(poly1305(MutableBytes(tag), ByteView(otk, 32), ByteView(mac_data), impl), Status::ok);
    EXPECT_EQ(to_hex(tag, 16), want_tag);

    ChaCha20Poly1305 aead;
    ASSERT_EQ(aead.init(ByteView(key), impl, cimpl), Status::ok);
    std::vector<uint8_t> ct(pt.size());
    ASSERT_EQ(aead.seal(MutableBytes(ct), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                        ByteView(pt)),
              Status::ok);
    EXPECT_EQ(to_hex(ct), want_ct);
    EXPECT_EQ(to_hex(tag, 16), want_tag);
    std::vector<uint8_t> back(ct.size());
    ASSERT_EQ(aead.open(MutableBytes(back), ByteView(nonce), ByteView(aad), ByteView(ct),
                        ByteView(tag, 16)),
              Status::ok);
    EXPECT_EQ(back, pt);
    // In place, both ways.
    std::vector<uint8_t> buf = pt;
    ASSERT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                        ByteView(buf)),
              Status::ok);
    EXPECT_EQ(to_hex(buf), want_ct);
    ASSERT_EQ(aead.open(MutableBytes(buf), ByteView(nonce), ByteView(aad), ByteView(buf),
                        ByteView(tag, 16)),
              Status::ok);
    EXPECT_EQ(buf, pt);
  }
  }
}

// Every single-bit change of the tag, and changes to the ciphertext, the AAD and the nonce, are
// refused with auth_failed and a wiped output.
TEST(ChaCha20Poly1305, TamperingIsRefusedAndOutputWiped) {
  std::mt19937 rng(7905);
  const std::vector<uint8_t> key = random_bytes(rng, 32);
  const std::vector<uint8_t> nonce = random_bytes(rng, 12);
  const std::vector<uint8_t> aad = random_bytes(rng, 13);
  const std::vector<uint8_t> pt = random_bytes(rng, 77);
  for (Poly1305Impl impl : poly_impls()) {
  for (ChaCha20Impl cimpl : chacha_impls()) {
    ChaCha20Poly1305 aead;
    ASSERT_EQ(aead.init(ByteView(key), impl, cimpl), Status::ok);
    std::vector<uint8_t> ct(pt.size());
    uint8_t tag[16];
    ASSERT_EQ(aead.seal(MutableBytes(ct), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                        ByteView(pt)),
              Status::ok);
    auto expect_refused = [&](const std::vector<uint8_t>& n, const std::vector<uint8_t>& a,
                              const std::vector<uint8_t>& c, const uint8_t* t, const char* what) {
      std::vector<uint8_t> out(c.size(), 0xa5);
      EXPECT_EQ(aead.open(MutableBytes(out), ByteView(n), ByteView(a), ByteView(c), ByteView(t, 16)),
                Status::auth_failed)
          << what;
      EXPECT_EQ(out, std::vector<uint8_t>(c.size(), 0)) << what << ": output not wiped";
    };
    for (int bit = 0; bit < 128; bit++) {
      uint8_t bad[16];
      std::memcpy(bad, tag, 16);
      bad[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
      expect_refused(nonce, aad, ct, bad, "tag bit");
    }
    for (size_t i = 0; i < ct.size(); i += 7) {
      std::vector<uint8_t> c = ct;
      c[i] ^= 0x40;
      expect_refused(nonce, aad, c, tag, "ciphertext");
    }
    std::vector<uint8_t> a = aad;
    a[5] ^= 1;
    expect_refused(nonce, a, ct, tag, "aad");
    expect_refused(nonce, std::vector<uint8_t>(aad.begin(), aad.end() - 1), ct, tag, "short aad");
    std::vector<uint8_t> n = nonce;
    n[11] ^= 0x80;
    expect_refused(n, aad, ct, tag, "nonce");
    expect_refused(nonce, aad, std::vector<uint8_t>(ct.begin(), ct.end() - 1), tag, "truncated");
  }
  }
}

TEST(ChaCha20Poly1305, ArgumentErrorsAndTlsNonce) {
  ChaCha20Poly1305 aead;
  uint8_t key[32] = {};
  uint8_t nonce[12] = {};
  uint8_t buf[32] = {};
  uint8_t tag[16] = {};
  EXPECT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag), ByteView(nonce), ByteView(), ByteView(buf)),
            Status::invalid_argument);  // no key
  EXPECT_EQ(aead.init(ByteView(key, 31)), Status::bad_key_length);
  ASSERT_EQ(aead.init(ByteView(key)), Status::ok);
  EXPECT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag), ByteView(nonce, 8), ByteView(), ByteView(buf)),
            Status::bad_iv_length);
  EXPECT_EQ(aead.seal(MutableBytes(buf, 31), MutableBytes(tag), ByteView(nonce), ByteView(), ByteView(buf)),
            Status::invalid_argument);
  EXPECT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag, 15), ByteView(nonce), ByteView(), ByteView(buf)),
            Status::invalid_argument);
  EXPECT_EQ(aead.open(MutableBytes(buf), ByteView(nonce), ByteView(), ByteView(buf), ByteView(tag, 15)),
            Status::invalid_argument);
  EXPECT_EQ(aead.open(MutableBytes(buf), ByteView(nonce, 13), ByteView(), ByteView(buf), ByteView(tag)),
            Status::bad_iv_length);
  // Empty message and AAD: a tag all the same.
  ASSERT_EQ(aead.seal(MutableBytes(), MutableBytes(tag), ByteView(nonce), ByteView(), ByteView()),
            Status::ok);
  EXPECT_EQ(aead.open(MutableBytes(), ByteView(nonce), ByteView(), ByteView(), ByteView(tag)), Status::ok);

  // RFC 7905 section 2: the sequence number, big-endian and left-padded, xored into the IV.
  const std::vector<uint8_t> iv = H("a0a1a2a3a4a5a6a7a8a9aaab");
  uint8_t n[12];
  chacha20_poly1305_tls_nonce(n, iv.data(), 0x0102030405060708ull);
  EXPECT_EQ(to_hex(n, 12), "a0a1a2a3a5a7a5a3adafada3");
  chacha20_poly1305_tls_nonce(n, iv.data(), 0);
  EXPECT_EQ(to_hex(n, 12), to_hex(iv));
}

// A value of the pyca copies of the BoringSSL file: hex, or a "quoted string" taken as its bytes.
std::vector<uint8_t> value_bytes(VectorCase& c, const char* name) {
  const std::string v = c.get(name);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    return std::vector<uint8_t>(v.begin() + 1, v.end() - 1);
  }
  bool ok = false;
  std::vector<uint8_t> b = from_hex(v, &ok);
  EXPECT_TRUE(ok) << c.where() << ": " << name << " is neither hex nor a quoted string";
  return b;
}

void check_aead_case(VectorCase& c, const std::vector<uint8_t>& key, const std::vector<uint8_t>& nonce,
                     const std::vector<uint8_t>& pt, const std::vector<uint8_t>& aad,
                     const std::vector<uint8_t>& ct, const std::vector<uint8_t>& tag, bool must_fail) {
  for (Poly1305Impl impl : poly_impls()) {
  for (ChaCha20Impl cimpl : chacha_impls()) {
    SCOPED_TRACE(std::string(poly1305_impl_name(impl)) + "/" + chacha20_impl_name(cimpl));
    ChaCha20Poly1305 aead;
    ASSERT_EQ(aead.init(ByteView(key), impl, cimpl), Status::ok) << c.where();
    std::vector<uint8_t> out(ct.size(), 0x5a);
    const Status s = aead.open(MutableBytes(out), ByteView(nonce), ByteView(aad), ByteView(ct), ByteView(tag));
    if (must_fail) {
      EXPECT_EQ(s, Status::auth_failed) << c.where();
      EXPECT_EQ(out, std::vector<uint8_t>(ct.size(), 0)) << c.where();
      continue;
    }
    EXPECT_EQ(s, Status::ok) << c.where();
    EXPECT_EQ(to_hex(out), to_hex(pt)) << c.where();
    std::vector<uint8_t> sealed(pt.size());
    uint8_t t[16];
    ASSERT_EQ(aead.seal(MutableBytes(sealed), MutableBytes(t), ByteView(nonce), ByteView(aad), ByteView(pt)),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(sealed), to_hex(ct)) << c.where();
    EXPECT_EQ(to_hex(t, 16), to_hex(tag)) << c.where();
    // Again with the input at offset 1 and the output at offset 2 (the byte paths).
    std::vector<uint8_t> in1(pt.size() + 1), out2(pt.size() + 2);
    if (!pt.empty()) {
      std::memcpy(in1.data() + 1, pt.data(), pt.size());
    }
    ASSERT_EQ(aead.seal(MutableBytes(out2.data() + 2, pt.size()), MutableBytes(t), ByteView(nonce),
                        ByteView(aad), ByteView(in1.data() + 1, pt.size())),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(out2.data() + 2, pt.size()), to_hex(ct)) << c.where() << " misaligned";
    EXPECT_EQ(to_hex(t, 16), to_hex(tag)) << c.where() << " misaligned";
    if (!ct.empty()) {
      std::memcpy(out2.data() + 2, ct.data(), ct.size());
    }
    ASSERT_EQ(aead.open(MutableBytes(in1.data() + 1, ct.size()), ByteView(nonce), ByteView(aad),
                        ByteView(out2.data() + 2, ct.size()), ByteView(tag)),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(in1.data() + 1, ct.size()), to_hex(pt)) << c.where() << " misaligned open";
  }
  }
}

// BoringSSL's chacha20_poly1305 test data as pyca ships it: COUNT, KEY, NONCE, IN, AD, CT, TAG.
TEST(ChaCha20Poly1305, BoringSslFile) {
  VectorFile f;
  ASSERT_TRUE(f.load("chacha20poly1305/boringssl.txt"));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    c.number("COUNT");
    const std::vector<uint8_t> key = value_bytes(c, "KEY");
    const std::vector<uint8_t> nonce = value_bytes(c, "NONCE");
    const std::vector<uint8_t> pt = value_bytes(c, "IN");
    const std::vector<uint8_t> aad = value_bytes(c, "AD");
    const std::vector<uint8_t> ct = value_bytes(c, "CT");
    const std::vector<uint8_t> tag = value_bytes(c, "TAG");
    check_all_read(c);
    ASSERT_EQ(ct.size(), pt.size()) << c.where();
    ASSERT_EQ(tag.size(), 16u) << c.where();
    check_aead_case(c, key, nonce, pt, aad, ct, tag, false);
    n++;
  }
  report_cases("BoringSSL chacha20_poly1305 (pyca boringssl.txt)", n);
}

// OpenSSL's evpciph.txt cases as pyca ships them: COUNT, Key, IV, AAD, Tag, Plaintext,
// Ciphertext, and "Result = CIPHERFINAL_ERROR" on a case whose tag must be refused.
TEST(ChaCha20Poly1305, OpenSslFile) {
  VectorFile f;
  ASSERT_TRUE(f.load("chacha20poly1305/openssl.txt"));
  size_t n = 0;
  size_t failures = 0;
  for (VectorCase& c : f.cases()) {
    c.number("COUNT");
    const std::vector<uint8_t> key = c.bytes("Key");
    const std::vector<uint8_t> nonce = c.bytes("IV");
    const std::vector<uint8_t> aad = c.bytes("AAD");
    const std::vector<uint8_t> tag = c.bytes("Tag");
    const std::vector<uint8_t> pt = c.bytes("Plaintext");
    const std::vector<uint8_t> ct = c.bytes("Ciphertext");
    bool must_fail = false;
    if (c.has("Result")) {
      const std::string r = c.get("Result");
      ASSERT_EQ(r, "CIPHERFINAL_ERROR") << c.where();
      must_fail = true;
      failures++;
    }
    check_all_read(c);
    check_aead_case(c, key, nonce, pt, aad, ct, tag, must_fail);
    n++;
  }
  EXPECT_GT(failures, 0u) << "the OpenSSL file's failure case was not seen";
  report_cases("OpenSSL chacha20-poly1305 (pyca openssl.txt)", n);
}

}  // namespace

#if defined(PETREL_TEST_CALL_HARNESS_ARM)
#include "crypto/chacha/chacha20_internal.h"
#include "crypto/chacha/poly1305_internal.h"

// tests/bignum/call_harness_arm.S: calls fn with r4-r11 patterned and reports them after.
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t out[9]);

namespace {

// The assembly entry point called through the harness, on the RFC 8439 section 2.4.2 message
// (two whole blocks of it, aligned and not): the output is the RFC's ciphertext and r4-r11 and
// sp are as before the call.
TEST(ChaCha20, AssemblyKeepsCalleeSavedRegisters) {
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce = H("000000000000004a00000000");
  const std::vector<uint8_t> pt = H(kSunscreenHex);
  const std::string want =
      "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
      "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
      "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
      "5af90bbf74a35be6b40b8eedf2785e42874d";
  uint32_t state[16] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u};
  for (int i = 0; i < 8; i++) {
    state[4 + i] = static_cast<uint32_t>(key[4 * i]) | (static_cast<uint32_t>(key[4 * i + 1]) << 8) |
                   (static_cast<uint32_t>(key[4 * i + 2]) << 16) |
                   (static_cast<uint32_t>(key[4 * i + 3]) << 24);
  }
  state[12] = 1;
  for (int i = 0; i < 3; i++) {
    state[13 + i] = static_cast<uint32_t>(nonce[4 * i]) |
                    (static_cast<uint32_t>(nonce[4 * i + 1]) << 8) |
                    (static_cast<uint32_t>(nonce[4 * i + 2]) << 16) |
                    (static_cast<uint32_t>(nonce[4 * i + 3]) << 24);
  }
  size_t n = 0;
  for (size_t off = 0; off < 4; off += 3) {
    alignas(4) uint8_t in[132] = {};
    alignas(4) uint8_t out[132] = {};
    std::memcpy(in + off, pt.data(), 112);
    const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(out + off)),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(in + off)), 2,
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(state)), 0, 0, 0};
    uint32_t regs[9] = {};
    petrel_test_call_patterned(reinterpret_cast<const void*>(petrel_chacha20_blocks_armv4), args,
                               regs);
    for (uint32_t r = 0; r < 8; r++) {
      EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << "r" << (4 + r);
    }
    EXPECT_EQ(regs[8], 0u) << "sp moved";
    EXPECT_EQ(to_hex(out + off, 112), want.substr(0, 224)) << "offset " << off;
    EXPECT_EQ(state[12], 1u) << "state is read only";
    n++;
  }
  report_cases("armv4 ChaCha20 through the call harness", n);
}

// The Poly1305 block function through the harness on the RFC 8439 section 2.5.2 example (two
// whole blocks at offsets 0 and 1, then the padded last one): the tag is the RFC's and r4-r11
// and sp are as before each call.
TEST(Poly1305, AssemblyKeepsCalleeSavedRegisters) {
  const std::vector<uint8_t> key =
      H("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
  const std::string msg = "Cryptographic Forum Research Group";
  ASSERT_EQ(msg.size(), 34u);
  size_t n = 0;
  for (size_t off = 0; off < 2; off++) {
    Poly1305::State st = {};
    petrel_poly1305_init_armv4(&st, key.data());
    alignas(4) uint8_t buf[40] = {};
    std::memcpy(buf + off, msg.data(), 32);
    alignas(4) uint8_t last[16] = {};
    std::memcpy(last, msg.data() + 32, 2);
    last[2] = 1;
    for (int call = 0; call < 2; call++) {
      const uint8_t* m = call == 0 ? buf + off : last;
      const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&st)),
                                static_cast<uint32_t>(reinterpret_cast<uintptr_t>(m)),
                                call == 0 ? 2u : 1u, call == 0 ? 0u : 1u, 0, 0, 0};
      uint32_t regs[9] = {};
      petrel_test_call_patterned(reinterpret_cast<const void*>(petrel_poly1305_blocks_armv4), args,
                                 regs);
      for (uint32_t r = 0; r < 8; r++) {
        EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << "r" << (4 + r);
      }
      EXPECT_EQ(regs[8], 0u) << "sp moved";
      n++;
    }
    uint8_t tag[16];
    petrel_poly1305_finish_armv4(&st, tag);
    EXPECT_EQ(to_hex(tag, 16), "a8061dc1305136c6c22b8baf0c0127a9") << "offset " << off;
  }
  report_cases("armv4 Poly1305 through the call harness", n);
}

}  // namespace
#endif

#if defined(PETREL_TEST_CALL_HARNESS_NEON)
#include "crypto/chacha/chacha20_internal.h"

// tests/chacha/call_harness_neon.S: calls fn with r4-r11 and d8-d15 patterned, reports them after.
extern "C" uint32_t petrel_test_call_patterned_neon(const void* fn, const uint32_t args[4],
                                                    uint32_t out[25]);

namespace {

// The NEON entry point through the harness, on the RFC 8439 section 2.4.2 keystream (counter 1,
// zeros in): 1, 2, 3, 4 and 7 blocks (the one-block path, the three-block path and both), the
// first 114 bytes are the RFC's keystream; r4-r11, d8-d15 and sp are as before the call.
TEST(ChaCha20, NeonKeepsCalleeSavedRegisters) {
  if (!chacha20_impl_available(ChaCha20Impl::armv7_neon)) {
    GTEST_SKIP() << "no NEON on this CPU";
  }
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce = H("000000000000004a00000000");
  const std::string keystream =
      "224f51f3401bd9e12fde276fb8631ded8c131f823d2c06e27e4fcaec9ef3cf78"
      "8a3b0aa372600a92b57974cded2b9334794cba40c63e34cdea212c4cf07d41b7"
      "69a6749f3f630f4122cafe28ec4dc47e26d4346d70b98c73f3e9c53ac40c5945"
      "398b6eda1a832c89c167eacd901d7e2bf363";
  uint32_t state[16] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u};
  for (int i = 0; i < 8; i++) {
    state[4 + i] = static_cast<uint32_t>(key[4 * i]) | (static_cast<uint32_t>(key[4 * i + 1]) << 8) |
                   (static_cast<uint32_t>(key[4 * i + 2]) << 16) |
                   (static_cast<uint32_t>(key[4 * i + 3]) << 24);
  }
  state[12] = 1;
  for (int i = 0; i < 3; i++) {
    state[13 + i] = static_cast<uint32_t>(nonce[4 * i]) |
                    (static_cast<uint32_t>(nonce[4 * i + 1]) << 8) |
                    (static_cast<uint32_t>(nonce[4 * i + 2]) << 16) |
                    (static_cast<uint32_t>(nonce[4 * i + 3]) << 24);
  }
  size_t n = 0;
  for (uint32_t nblocks : {1u, 2u, 3u, 4u, 7u}) {
    std::vector<uint8_t> in(64 * nblocks + 1, 0), out(64 * nblocks + 1, 0);
    const uint32_t args[4] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(out.data() + 1)),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(in.data() + 1)),
                              nblocks, static_cast<uint32_t>(reinterpret_cast<uintptr_t>(state))};
    uint32_t regs[25] = {};
    petrel_test_call_patterned_neon(reinterpret_cast<const void*>(petrel_chacha20_blocks_armv7_neon),
                                    args, regs);
    for (uint32_t r = 0; r < 8; r++) {
      EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << "r" << (4 + r);
    }
    for (uint32_t d = 8; d < 16; d++) {
      EXPECT_EQ(regs[8 + 2 * (d - 8)], 0x5a3c0000u + d * 0x101u) << "d" << d << " low";
      EXPECT_EQ(regs[9 + 2 * (d - 8)], 0x5a3c8000u + d * 0x101u) << "d" << d << " high";
    }
    EXPECT_EQ(regs[24], 0u) << "sp moved";
    const size_t check = nblocks * 64 < 114 ? nblocks * 64 : 114;
    EXPECT_EQ(to_hex(out.data() + 1, check), keystream.substr(0, 2 * check)) << nblocks;
    EXPECT_EQ(state[12], 1u) << "state is read only";
    n++;
  }
  report_cases("armv7-neon ChaCha20 through the NEON call harness", n);
}

}  // namespace
#endif
