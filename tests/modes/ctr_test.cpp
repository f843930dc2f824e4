// CTR mode (crypto/modes/modes.h AesCtr), run against every AES implementation: the NIST
// SP 800-38A F.5 examples and `openssl enc` output for counters that wrap 2^128 and carry across
// 32- and 64-bit boundaries (vectors/openssl/aes_ctr_wrap.txt), each whole and in place in odd
// pieces, and length/argument errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/modes/modes.h"
#include "tests/common/aes_impls.h"
#include "tests/common/file_test.h"
#include "tests/modes/mode_helpers.h"

using namespace petrel;
using petrel_test::check_all_read;
using petrel_test::label;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

// AesCtr over a vector file: each case once in one call and once in place in odd pieces (the
// position inside the keystream block carries across calls, and a 0-byte call is in the list).
void run_ctr_file(const std::string& name, AesImpl impl) {
  VectorFile f;
  ASSERT_TRUE(f.load(name));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const bool encrypt = !c.has_header("DECRYPT");
    ASSERT_TRUE(c.has_header("ENCRYPT") || c.has_header("DECRYPT") || c.has_header("WRAP"))
        << c.where();
    c.number("COUNT");
    const std::vector<uint8_t> k = c.bytes("KEY");
    const std::vector<uint8_t> iv = c.bytes("IV");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    ASSERT_EQ(pt.size(), ct.size()) << c.where();
    ASSERT_FALSE(pt.empty()) << c.where();
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
    const std::vector<uint8_t>& in = encrypt ? pt : ct;
    const std::vector<uint8_t>& want = encrypt ? ct : pt;
    // One call.
    AesCtr one;
    ASSERT_EQ(one.init(&key, ByteView(iv)), Status::ok) << c.where();
    std::vector<uint8_t> out(in.size(), 0xee);
    ASSERT_EQ(one.crypt(MutableBytes(out), ByteView(in)), Status::ok) << c.where();
    EXPECT_EQ(to_hex(out), to_hex(want)) << c.where();
    // In place, in odd pieces.
    AesCtr st;
    ASSERT_EQ(st.init(&key, ByteView(iv)), Status::ok) << c.where();
    std::vector<uint8_t> buf = in;
    static const size_t kChunks[] = {1, 15, 2, 31, 17, 0, 3, 64, 5, 13, 33};
    size_t off = 0;
    for (size_t ci = 0; off < buf.size(); ci++) {
      size_t len = kChunks[ci % 11];
      if (len > buf.size() - off) {
        len = buf.size() - off;
      }
      MutableBytes part(buf.data() + off, len);
      ASSERT_EQ(st.crypt(part, ByteView(part)), Status::ok) << c.where();
      off += len;
    }
    EXPECT_EQ(to_hex(buf), to_hex(want)) << c.where() << " (in place, in pieces)";
    n++;
  }
  report_cases(label(name, impl), n);
}

// NIST SP 800-38A F.5.1-F.5.6 (CTR-AES128/192/256 Encrypt and Decrypt).
}  // namespace

TEST(CtrVectors, Sp800_38a) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    run_ctr_file("nist/aes/sp800-38a/ctr.txt", impl);
  }
}

// Counters that wrap 2^128 to zero and carry out of the low 32 and 64 bits, 12 blocks and 7 bytes
// each, with the expected output computed by `openssl enc -aes-<bits>-ctr` (file header).
TEST(CtrVectors, CounterWrapOpenssl) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    run_ctr_file("openssl/aes_ctr_wrap.txt", impl);
  }
}

// GCM's 32-bit counter (AesKey::ctr32_blocks, which GCTR and AesCtr run on) across its wrap:
// 20 blocks from NONCE || fffffffb, so the wrap falls inside the first eight-block batch of the
// implementations that work in batches ("armv7-neon"'s assembly), then a full batch and a tail
// of four; once out of place and once in place. `openssl enc` output (file header).
TEST(CtrVectors, Ctr32WrapInsideABatch) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    VectorFile f;
    ASSERT_TRUE(f.load("openssl/aes_ctr32_wrap.txt"));
    size_t n = 0;
    for (VectorCase& c : f.cases()) {
      ASSERT_TRUE(c.has_header("CTR32")) << c.where();
      c.number("COUNT");
      const std::vector<uint8_t> k = c.bytes("KEY");
      const std::vector<uint8_t> counter = c.bytes("COUNTER");
      const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
      const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
      check_all_read(c);
      ASSERT_EQ(counter.size(), 16u) << c.where();
      ASSERT_EQ(pt.size(), 20u * 16) << c.where();
      ASSERT_EQ(ct.size(), pt.size()) << c.where();
      AesKey key;
      ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
      std::vector<uint8_t> want_counter = counter;
      want_counter[12] = want_counter[13] = want_counter[14] = 0;
      want_counter[15] = 0x0f;  // fffffffb + 20 mod 2^32
      uint8_t cb[16];
      std::memcpy(cb, counter.data(), 16);
      std::vector<uint8_t> out(pt.size() + 16, 0xee);
      key.ctr32_blocks(cb, out.data(), pt.data(), 20);
      EXPECT_EQ(to_hex(out.data(), pt.size()), to_hex(ct)) << c.where();
      EXPECT_EQ(out[pt.size()], 0xee) << c.where() << ": wrote past the blocks";
      EXPECT_EQ(to_hex(cb, 16), to_hex(want_counter)) << c.where();
      std::vector<uint8_t> buf = ct;
      std::memcpy(cb, counter.data(), 16);
      key.ctr32_blocks(cb, buf.data(), buf.data(), 20);
      EXPECT_EQ(to_hex(buf), to_hex(pt)) << c.where() << " (in place)";
      n++;
    }
    report_cases(label("openssl/aes_ctr32_wrap.txt", impl), n);
  }
}

// The wrap itself, spelled out: after ff..ff comes 00..00.
TEST(Ctr, WrapsTo128BitZero) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    const uint8_t k[16] = {1, 2, 3};
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    uint8_t ff[16];
    std::memset(ff, 0xFF, 16);
    const uint8_t zero[16] = {};
    uint8_t e_ff[16];
    uint8_t e_zero[16];
    ASSERT_EQ(aes_ecb_encrypt(key, MutableBytes(e_ff), ByteView(ff)), Status::ok);
    ASSERT_EQ(aes_ecb_encrypt(key, MutableBytes(e_zero), ByteView(zero)), Status::ok);
    AesCtr ctr;
    ASSERT_EQ(ctr.init(&key, ByteView(ff)), Status::ok);
    uint8_t in[32] = {};
    uint8_t out[32];
    ASSERT_EQ(ctr.crypt(MutableBytes(out), ByteView(in)), Status::ok);
    EXPECT_EQ(to_hex(out, 16), to_hex(e_ff, 16));
    EXPECT_EQ(to_hex(out + 16, 16), to_hex(e_zero, 16));
  }
}

TEST(Ctr, Errors) {
  uint8_t k[16] = {};
  uint8_t buf[32] = {};
  AesCtr ctr;
  EXPECT_EQ(ctr.crypt(MutableBytes(buf), ByteView(buf, 4)), Status::invalid_argument);
  AesKey key;
  EXPECT_EQ(ctr.init(&key, ByteView(k)), Status::invalid_argument);
  ASSERT_EQ(key.init(ByteView(k)), Status::ok);
  EXPECT_EQ(ctr.init(&key, ByteView(k, 12)), Status::bad_iv_length);
  ASSERT_EQ(ctr.init(&key, ByteView(k)), Status::ok);
  EXPECT_EQ(ctr.crypt(MutableBytes(buf, 3), ByteView(buf, 4)), Status::buffer_too_small);
  EXPECT_EQ(ctr.crypt(MutableBytes(buf, 0), ByteView()), Status::ok);
}
