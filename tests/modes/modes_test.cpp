// Block cipher mode tests (crypto/modes/modes.h), run against every AES implementation:
// NIST AESAVS CBC KAT/MMT/MCT files through the streaming AesCbc, CFB128 and OFB KAT/MMT files
// through the streaming AesCfb128 and AesOfb (whole, and in place in odd pieces), ECB, and
// length/argument errors. PKCS#7 padding is pkcs7_test.cpp, CTR ctr_test.cpp (the same
// executable, modes_test).
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
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::label;
using petrel_test::random_bytes;

namespace {

// (in, out) byte offsets from an aligned allocation: both misaligned, out only, in only.
constexpr size_t kCbcOffsets[3][2] = {{1, 1}, {0, 3}, {2, 0}};

const char* const kKatTypes[] = {"GFSbox", "KeySbox", "VarKey", "VarTxt"};
const char* const kBits[] = {"128", "192", "256"};

// CBC through AesCbc, the multi-block files also in two uneven calls; checks iv() chaining.
void run_cbc_file(const std::string& name, AesImpl impl) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/aes/" + name));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const bool encrypt = c.has_header("ENCRYPT");
    ASSERT_TRUE(encrypt || c.has_header("DECRYPT")) << c.where();
    c.number("COUNT");
    const std::vector<uint8_t> k = c.bytes("KEY");
    const std::vector<uint8_t> iv = c.bytes("IV");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    ASSERT_EQ(pt.size(), ct.size());
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
    const std::vector<uint8_t>& in = encrypt ? pt : ct;
    const std::vector<uint8_t>& want = encrypt ? ct : pt;
    // One call.
    {
      AesCbc cbc;
      ASSERT_EQ(cbc.init(&key, ByteView(iv)), Status::ok);
      std::vector<uint8_t> out(in.size());
      ASSERT_EQ(encrypt ? cbc.encrypt(MutableBytes(out), ByteView(in))
                        : cbc.decrypt(MutableBytes(out), ByteView(in)),
                Status::ok);
      EXPECT_EQ(to_hex(out), to_hex(want)) << c.where();
      EXPECT_EQ(to_hex(cbc.iv(), 16), to_hex(ct.data() + ct.size() - 16, 16)) << c.where();
    }
    // In place, one block first and then the rest.
    {
      AesCbc cbc;
      ASSERT_EQ(cbc.init(&key, ByteView(iv)), Status::ok);
      std::vector<uint8_t> buf = in;
      MutableBytes all(buf);
      MutableBytes first = all.first(16);
      MutableBytes rest = all.subspan(16);
      if (encrypt) {
        ASSERT_EQ(cbc.encrypt(first, ByteView(first)), Status::ok);
        ASSERT_EQ(cbc.encrypt(rest, ByteView(rest)), Status::ok);
      } else {
        ASSERT_EQ(cbc.decrypt(first, ByteView(first)), Status::ok);
        ASSERT_EQ(cbc.decrypt(rest, ByteView(rest)), Status::ok);
      }
      EXPECT_EQ(to_hex(buf), to_hex(want)) << c.where() << " (in place, split)";
    }
    // Buffers at odd byte offsets (in, out), so that an assembly chain's word-aligned and
    // byte-wise paths both run: both misaligned, out only, in only.
    for (const size_t* off : {kCbcOffsets[0], kCbcOffsets[1], kCbcOffsets[2]}) {
      AesCbc cbc;
      ASSERT_EQ(cbc.init(&key, ByteView(iv)), Status::ok);
      std::vector<uint8_t> in_buf(in.size() + 8);
      std::vector<uint8_t> out_buf(in.size() + 8);
      std::memcpy(in_buf.data() + off[0], in.data(), in.size());
      const ByteView src(in_buf.data() + off[0], in.size());
      const MutableBytes dst(out_buf.data() + off[1], in.size());
      ASSERT_EQ(encrypt ? cbc.encrypt(dst, src) : cbc.decrypt(dst, src), Status::ok);
      EXPECT_EQ(to_hex(dst.data(), dst.size()), to_hex(want))
          << c.where() << " (offsets " << off[0] << ", " << off[1] << ")";
      EXPECT_EQ(to_hex(cbc.iv(), 16), to_hex(ct.data() + ct.size() - 16, 16)) << c.where();
    }
    n++;
  }
  report_cases(label(name, impl), n);
}

// CFB128 (SP 800-38A 6.3) and OFB (6.4) through the library's streaming AesCfb128 / AesOfb:
// each case once whole, once in place in pieces of 1, 5, 16 and 27 bytes (so the position in the
// keystream block carries across calls).
Status feedback_crypt(const AesKey& key, const std::vector<uint8_t>& iv, bool ofb, bool encrypt,
                      MutableBytes out, ByteView in, bool pieces) {
  AesCfb128 cfb;
  AesOfb o;
  Status s = ofb ? o.init(&key, ByteView(iv)) : cfb.init(&key, ByteView(iv));
  if (s != Status::ok) {
    return s;
  }
  static const size_t kPieces[] = {1, 5, 16, 27};
  size_t at = 0;
  for (size_t k = 0; at < in.size(); k++) {
    size_t len = pieces ? kPieces[k % 4] : in.size();
    if (len > in.size() - at) {
      len = in.size() - at;
    }
    MutableBytes dst(out.data() + at, len);
    ByteView src(in.data() + at, len);
    s = ofb ? o.crypt(dst, src) : (encrypt ? cfb.encrypt(dst, src) : cfb.decrypt(dst, src));
    if (s != Status::ok) {
      return s;
    }
    at += len;
  }
  return Status::ok;
}

void run_feedback_file(const std::string& name, AesImpl impl, bool ofb) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/aes/" + name));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const bool encrypt = c.has_header("ENCRYPT");
    ASSERT_TRUE(encrypt || c.has_header("DECRYPT")) << c.where();
    c.number("COUNT");
    const std::vector<uint8_t> k = c.bytes("KEY");
    const std::vector<uint8_t> iv = c.bytes("IV");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    ASSERT_EQ(pt.size(), ct.size());
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
    const std::vector<uint8_t>& in = encrypt ? pt : ct;
    const std::vector<uint8_t>& want = encrypt ? ct : pt;
    std::vector<uint8_t> out(in.size(), 0xee);
    ASSERT_EQ(feedback_crypt(key, iv, ofb, encrypt, MutableBytes(out), ByteView(in), false),
              Status::ok);
    EXPECT_EQ(to_hex(out), to_hex(want)) << c.where();
    std::vector<uint8_t> buf = in;
    ASSERT_EQ(feedback_crypt(key, iv, ofb, encrypt, MutableBytes(buf), ByteView(buf), true),
              Status::ok);
    EXPECT_EQ(to_hex(buf), to_hex(want)) << c.where() << " (in place, in pieces)";
    n++;
  }
  report_cases(label(name, impl), n);
}

std::vector<uint8_t> mct_next_key(const std::vector<uint8_t>& key, const uint8_t* prev,
                                  const uint8_t* last) {
  uint8_t tail[32];
  std::memcpy(tail, prev, 16);
  std::memcpy(tail + 16, last, 16);
  std::vector<uint8_t> next = key;
  const uint8_t* src = tail + 32 - key.size();
  for (size_t i = 0; i < key.size(); i++) {
    next[i] ^= src[i];
  }
  return next;
}

// AESAVS 6.4.2 CBC Monte Carlo test. Encrypt (decrypt is the same with PT and CT exchanged):
//   for j in 0..999: CT[j] = CBC-Encrypt(Key[i], chained, PT[j]);
//                    PT[j+1] = (j == 0) ? IV[i] : CT[j-1]
//   Key[i+1] = Key[i] xor tail(CT[998] || CT[999]); IV[i+1] = CT[999]; PT[0] = CT[998].
// Each outer round is a case of the file, so rounds can be sampled; the derived next round is
// compared with the next case.
void run_cbc_mct(const std::string& name, AesImpl impl) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/aes/MCT/" + name));
  const size_t step = petrel_test::vector_sample_step();
  f.skip_sampled(step);  // PETREL_VECTOR_SAMPLE: the cases stepped over are not run
  std::vector<VectorCase>& cases = f.cases();
  size_t n = 0;
  for (size_t idx = 0; idx < cases.size(); idx += step) {
    VectorCase& c = cases[idx];
    const bool encrypt = c.has_header("ENCRYPT");
    ASSERT_TRUE(encrypt || c.has_header("DECRYPT")) << c.where();
    c.number("COUNT");
    const std::vector<uint8_t> k = c.bytes("KEY");
    const std::vector<uint8_t> iv = c.bytes("IV");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
    AesCbc cbc;
    ASSERT_EQ(cbc.init(&key, ByteView(iv)), Status::ok);
    uint8_t input[16];
    uint8_t output[16] = {};
    uint8_t prev[16] = {};
    std::memcpy(input, encrypt ? pt.data() : ct.data(), 16);
    for (int j = 0; j < 1000; j++) {
      std::memcpy(prev, output, 16);
      ASSERT_EQ(encrypt ? cbc.encrypt(MutableBytes(output), ByteView(input))
                        : cbc.decrypt(MutableBytes(output), ByteView(input)),
                Status::ok);
      if (j == 0) {
        std::memcpy(input, iv.data(), 16);
      } else {
        std::memcpy(input, prev, 16);
      }
    }
    EXPECT_EQ(to_hex(output, 16), to_hex(encrypt ? ct : pt)) << c.where();
    if (idx + 1 < cases.size() && cases[idx + 1].has_header(encrypt ? "ENCRYPT" : "DECRYPT")) {
      VectorCase& next = cases[idx + 1];
      EXPECT_EQ(next.get("KEY"), to_hex(mct_next_key(k, prev, output))) << next.where();
      EXPECT_EQ(next.get("IV"), to_hex(output, 16)) << next.where();
      EXPECT_EQ(next.get(encrypt ? "PLAINTEXT" : "CIPHERTEXT"), to_hex(prev, 16)) << next.where();
    }
    n++;
  }
  report_cases(label(name, impl) + " (every " + std::to_string(step) + ")", n);
}

}  // namespace

TEST(CbcVectors, Kat) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (const char* type : kKatTypes) {
      for (const char* bits : kBits) {
        run_cbc_file(std::string("KAT/CBC") + type + bits + ".rsp", impl);
      }
    }
  }
}

TEST(CbcVectors, Mmt) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (const char* bits : kBits) {
      run_cbc_file(std::string("MMT/CBCMMT") + bits + ".rsp", impl);
    }
  }
}

TEST(CbcVectors, Mct) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (const char* bits : kBits) {
      run_cbc_mct(std::string("CBCMCT") + bits + ".rsp", impl);
    }
  }
}

TEST(FeedbackVectors, Cfb128AndOfbKatMmt) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (const char* bits : kBits) {
      for (const char* type : kKatTypes) {
        run_feedback_file(std::string("KAT/CFB128") + type + bits + ".rsp", impl, false);
        run_feedback_file(std::string("KAT/OFB") + type + bits + ".rsp", impl, true);
      }
      run_feedback_file(std::string("MMT/CFB128MMT") + bits + ".rsp", impl, false);
      run_feedback_file(std::string("MMT/OFBMMT") + bits + ".rsp", impl, true);
    }
  }
}

TEST(Feedback, Errors) {
  AesKey unset;
  AesKey key;
  const uint8_t k[16] = {1};
  const uint8_t iv[16] = {2};
  ASSERT_EQ(key.init(ByteView(k, 16)), Status::ok);
  AesCfb128 cfb;
  AesOfb ofb;
  uint8_t buf[32] = {};
  // Not initialised, an unset key, a short IV, a short output.
  EXPECT_EQ(cfb.encrypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);
  EXPECT_EQ(ofb.crypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);
  EXPECT_EQ(cfb.init(&unset, ByteView(iv, 16)), Status::invalid_argument);
  EXPECT_EQ(ofb.init(nullptr, ByteView(iv, 16)), Status::invalid_argument);
  EXPECT_EQ(cfb.init(&key, ByteView(iv, 15)), Status::bad_iv_length);
  EXPECT_EQ(ofb.init(&key, ByteView(iv, 17)), Status::bad_iv_length);
  ASSERT_EQ(cfb.init(&key, ByteView(iv, 16)), Status::ok);
  ASSERT_EQ(ofb.init(&key, ByteView(iv, 16)), Status::ok);
  EXPECT_EQ(cfb.decrypt(MutableBytes(buf, 8), ByteView(buf, 9)), Status::buffer_too_small);
  EXPECT_EQ(ofb.crypt(MutableBytes(buf, 8), ByteView(buf, 9)), Status::buffer_too_small);
  EXPECT_EQ(cfb.encrypt(MutableBytes(), ByteView()), Status::ok);
  EXPECT_EQ(ofb.crypt(MutableBytes(), ByteView()), Status::ok);
}

TEST(Ecb, Errors) {
  AesKey unset;
  uint8_t buf[48] = {};
  EXPECT_EQ(aes_ecb_encrypt(unset, MutableBytes(buf), ByteView(buf, 16)), Status::invalid_argument);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(buf, 16), impl), Status::ok);
    EXPECT_EQ(aes_ecb_encrypt(key, MutableBytes(buf), ByteView(buf, 15)), Status::invalid_argument);
    EXPECT_EQ(aes_ecb_decrypt(key, MutableBytes(buf), ByteView(buf, 17)), Status::invalid_argument);
    EXPECT_EQ(aes_ecb_encrypt(key, MutableBytes(buf, 16), ByteView(buf, 32)), Status::buffer_too_small);
    EXPECT_EQ(aes_ecb_decrypt(key, MutableBytes(buf, 31), ByteView(buf, 32)), Status::buffer_too_small);
    EXPECT_EQ(aes_ecb_encrypt(key, MutableBytes(buf), ByteView()), Status::ok);
  }
}

TEST(Cbc, Errors) {
  uint8_t k[16] = {};
  uint8_t buf[64] = {};
  AesCbc cbc;
  EXPECT_EQ(cbc.encrypt(MutableBytes(buf), ByteView(buf, 16)), Status::invalid_argument);
  AesKey unset;
  EXPECT_EQ(cbc.init(&unset, ByteView(k)), Status::invalid_argument);
  EXPECT_EQ(cbc.init(nullptr, ByteView(k)), Status::invalid_argument);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    EXPECT_EQ(cbc.init(&key, ByteView(k, 15)), Status::bad_iv_length);
    EXPECT_EQ(cbc.init(&key, ByteView(buf, 17)), Status::bad_iv_length);
    ASSERT_EQ(cbc.init(&key, ByteView(k)), Status::ok);
    EXPECT_EQ(cbc.encrypt(MutableBytes(buf), ByteView(buf, 20)), Status::invalid_argument);
    EXPECT_EQ(cbc.decrypt(MutableBytes(buf), ByteView(buf, 1)), Status::invalid_argument);
    EXPECT_EQ(cbc.encrypt(MutableBytes(buf, 16), ByteView(buf, 32)), Status::buffer_too_small);
    EXPECT_EQ(cbc.decrypt(MutableBytes(buf, 16), ByteView(buf, 32)), Status::buffer_too_small);
  }
}

// Streaming CBC in uneven whole-block chunks equals one call, for both directions.
TEST(Cbc, StreamingEqualsOneShot) {
  std::mt19937 rng(7);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (int iter = 0; iter < 20; iter++) {
      const std::vector<uint8_t> k = random_bytes(rng, 16 + 8 * (iter % 3));
      const std::vector<uint8_t> iv = random_bytes(rng, 16);
      const std::vector<uint8_t> pt = random_bytes(rng, 16 * (1 + rng() % 40));
      AesKey key;
      ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
      AesCbc one;
      ASSERT_EQ(one.init(&key, ByteView(iv)), Status::ok);
      std::vector<uint8_t> ct(pt.size());
      ASSERT_EQ(one.encrypt(MutableBytes(ct), ByteView(pt)), Status::ok);
      AesCbc enc;
      AesCbc dec;
      ASSERT_EQ(enc.init(&key, ByteView(iv)), Status::ok);
      ASSERT_EQ(dec.init(&key, ByteView(iv)), Status::ok);
      std::vector<uint8_t> ct2(pt.size());
      std::vector<uint8_t> back(pt.size());
      size_t off = 0;
      const size_t chunks[] = {1, 3, 2, 9, 1, 5, 11};
      for (size_t ci = 0; off < pt.size(); ci++) {
        size_t len = 16 * chunks[ci % 7];
        if (len > pt.size() - off) {
          len = pt.size() - off;
        }
        ASSERT_EQ(enc.encrypt(MutableBytes(ct2.data() + off, len), ByteView(pt.data() + off, len)),
                  Status::ok);
        ASSERT_EQ(dec.decrypt(MutableBytes(back.data() + off, len), ByteView(ct.data() + off, len)),
                  Status::ok);
        off += len;
      }
      EXPECT_EQ(ct2, ct);
      EXPECT_EQ(back, pt);
    }
  }
}
