// Block cipher mode tests (crypto/modes/modes.h), run against every AES implementation:
// NIST AESAVS CBC KAT/MMT/MCT files through the streaming AesCbc, CFB128 and OFB KAT/MMT files
// through the streaming AesCfb128 and AesOfb (whole, and in place in odd pieces), PKCS#7 padding (good and every
// kind of bad), CTR against the NIST SP 800-38A F.5 examples and against `openssl enc` output for
// counters that wrap 2^128 and carry across 32- and 64-bit boundaries (vectors/openssl/
// aes_ctr_wrap.txt), each whole and in place in odd pieces, and length/argument errors.
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

using namespace petrel;
using petrel_test::check_all_read;
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

// (in, out) byte offsets from an aligned allocation: both misaligned, out only, in only.
constexpr size_t kCbcOffsets[3][2] = {{1, 1}, {0, 3}, {2, 0}};

std::string label(const std::string& name, AesImpl impl) {
  return name + " [" + aes_impl_name(impl) + "]";
}

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

std::vector<uint8_t> random_bytes(std::mt19937& rng, size_t n) {
  std::vector<uint8_t> v(n);
  for (uint8_t& b : v) {
    b = static_cast<uint8_t>(rng());
  }
  return v;
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

// pkcs7_pad and the one-shot CBC/PKCS#7 against `openssl enc -aes-128-cbc` (the padding as
// openssl writes it, seen through `-nopad` decryption; vectors/openssl/pkcs7_pad.txt, 0..40-byte
// plaintexts, every pad length).
TEST(Pkcs7, PadMatchesOpenssl) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    VectorFile f;
    ASSERT_TRUE(f.load("openssl/pkcs7_pad.txt"));
    size_t n = 0;
    for (VectorCase& c : f.cases()) {
      ASSERT_TRUE(c.has_header("PAD")) << c.where();
      c.number("COUNT");
      const std::vector<uint8_t> k = c.bytes("KEY");
      const std::vector<uint8_t> iv = c.bytes("IV");
      const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
      const std::vector<uint8_t> padded = c.bytes("PADDED");
      const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
      check_all_read(c);
      ASSERT_EQ(padded.size(), pkcs7_padded_size(pt.size())) << c.where();
      ASSERT_EQ(ct.size(), padded.size()) << c.where();
      // The last block, with its data in front and junk behind.
      const size_t tail = pt.size() % kAesBlockSize;
      std::vector<uint8_t> block(kAesBlockSize, 0xa5);
      std::copy(pt.end() - static_cast<std::ptrdiff_t>(tail), pt.end(), block.begin());
      ASSERT_EQ(pkcs7_pad(MutableBytes(block), tail), Status::ok) << c.where();
      EXPECT_EQ(to_hex(block), to_hex(std::vector<uint8_t>(padded.end() - 16, padded.end())))
          << c.where();
      AesKey key;
      ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
      std::vector<uint8_t> out(padded.size(), 0xee);
      size_t out_len = 0;
      ASSERT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(out), &out_len, ByteView(pt)),
                Status::ok)
          << c.where();
      EXPECT_EQ(to_hex(out), to_hex(ct)) << c.where();
      std::vector<uint8_t> back(ct.size(), 0xee);
      ASSERT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(back), &out_len, ByteView(ct)),
                Status::ok)
          << c.where();
      back.resize(out_len);
      EXPECT_EQ(to_hex(back), to_hex(pt)) << c.where();
      n++;
    }
    EXPECT_EQ(n, 41u);
    report_cases(std::string("openssl/pkcs7_pad.txt ") + aes_impl_name(impl), n);
  }
}

TEST(Pkcs7, PadErrors) {
  uint8_t block[17] = {};
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 16), 16), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 15), 0), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 17), 0), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(nullptr, 16), 0), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 16), 15), Status::ok);
  EXPECT_EQ(block[15], 1);
}

TEST(Pkcs7, RoundTripAllLengths) {
  std::mt19937 rng(11);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    const std::vector<uint8_t> k = random_bytes(rng, 32);
    const std::vector<uint8_t> iv = random_bytes(rng, 16);
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    for (size_t len = 0; len <= 50; len++) {
      const std::vector<uint8_t> pt = random_bytes(rng, len);
      const size_t padded = pkcs7_padded_size(len);
      EXPECT_EQ(padded, (len / 16 + 1) * 16);
      std::vector<uint8_t> ct(padded);
      size_t ct_len = 0;
      ASSERT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(ct), &ct_len, ByteView(pt)),
                Status::ok);
      ASSERT_EQ(ct_len, padded);
      // The padding really is PKCS#7: decrypting raw shows 'n' bytes of value n.
      AesCbc raw;
      ASSERT_EQ(raw.init(&key, ByteView(iv)), Status::ok);
      std::vector<uint8_t> plain(padded);
      ASSERT_EQ(raw.decrypt(MutableBytes(plain), ByteView(ct)), Status::ok);
      EXPECT_TRUE(std::equal(pt.begin(), pt.end(), plain.begin()));
      for (size_t i = len; i < padded; i++) {
        EXPECT_EQ(plain[i], padded - len);
      }
      std::vector<uint8_t> back(padded, 0xAA);
      size_t back_len = 0;
      ASSERT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(back), &back_len, ByteView(ct)),
                Status::ok);
      ASSERT_EQ(back_len, len);
      EXPECT_TRUE(std::equal(pt.begin(), pt.end(), back.begin()));
      // In place both ways.
      std::vector<uint8_t> buf(padded);
      std::copy(pt.begin(), pt.end(), buf.begin());
      size_t n = 0;
      ASSERT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &n, ByteView(buf.data(), len)),
                Status::ok);
      EXPECT_EQ(buf, ct);
      ASSERT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &n, ByteView(buf)),
                Status::ok);
      EXPECT_EQ(n, len);
      EXPECT_TRUE(std::equal(pt.begin(), pt.end(), buf.begin()));
    }
  }
}

// Every kind of bad padding gives Status::bad_padding, *out_len = 0 and a wiped output.
TEST(Pkcs7, BadPaddingVariants) {
  struct Variant {
    const char* what;
    std::vector<uint8_t> last_block;
  };
  auto block = [](uint8_t fill, std::initializer_list<std::pair<size_t, uint8_t>> set) {
    std::vector<uint8_t> b(16, fill);
    for (const auto& p : set) {
      b[p.first] = p.second;
    }
    return b;
  };
  const std::vector<Variant> variants = {
      {"pad byte 0", block(0x41, {{15, 0x00}})},
      {"pad byte 17", block(0x11, {{15, 0x11}})},
      {"pad byte 0xff", block(0xFF, {})},
      {"pad byte 0x80", block(0x80, {})},
      {"pad 2, second byte wrong", block(0x41, {{15, 2}, {14, 3}})},
      {"pad 4, middle byte wrong", block(0x41, {{15, 4}, {14, 4}, {13, 5}, {12, 4}})},
      {"pad 4, first byte wrong", block(0x41, {{15, 4}, {14, 4}, {13, 4}, {12, 0}})},
      {"pad 16, first byte wrong", block(0x10, {{0, 0x11}})},
      {"pad 16, one bit off in the middle", block(0x10, {{7, 0x18}})},
      {"pad 15, byte 1 wrong", block(0x0F, {{0, 0x00}, {1, 0x0E}})},
  };
  std::mt19937 rng(5);
  size_t n = 0;
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    const std::vector<uint8_t> k = random_bytes(rng, 16);
    const std::vector<uint8_t> iv = random_bytes(rng, 16);
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    for (const Variant& v : variants) {
      for (size_t nblocks : {1, 3}) {
        std::vector<uint8_t> plain = random_bytes(rng, 16 * (nblocks - 1));
        plain.insert(plain.end(), v.last_block.begin(), v.last_block.end());
        size_t len = 12345;
        EXPECT_EQ(pkcs7_unpad(ByteView(plain), &len), Status::bad_padding) << v.what;
        EXPECT_EQ(len, 0u);
        AesCbc raw;
        ASSERT_EQ(raw.init(&key, ByteView(iv)), Status::ok);
        std::vector<uint8_t> ct(plain.size());
        ASSERT_EQ(raw.encrypt(MutableBytes(ct), ByteView(plain)), Status::ok);
        std::vector<uint8_t> out(plain.size() + 7, 0xAA);
        size_t out_len = 999;
        EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(out), &out_len, ByteView(ct)),
                  Status::bad_padding)
            << v.what << " " << aes_impl_name(impl);
        EXPECT_EQ(out_len, 0u);
        EXPECT_EQ(out, std::vector<uint8_t>(out.size(), 0)) << v.what << ": output not wiped";
        n++;
      }
    }
  }
  report_cases("PKCS#7 bad padding variants (all impls)", n);
  // And the good extremes.
  size_t len = 0;
  const std::vector<uint8_t> full_pad = block(0x10, {});
  const std::vector<uint8_t> one_pad = block(0x41, {{15, 1}});
  EXPECT_EQ(pkcs7_unpad(ByteView(full_pad), &len), Status::ok);
  EXPECT_EQ(len, 0u);
  EXPECT_EQ(pkcs7_unpad(ByteView(one_pad), &len), Status::ok);
  EXPECT_EQ(len, 15u);
}

TEST(Pkcs7, Errors) {
  uint8_t k[16] = {};
  uint8_t iv[16] = {};
  uint8_t buf[64] = {};
  size_t len = 0;
  EXPECT_EQ(pkcs7_unpad(ByteView(), &len), Status::invalid_argument);
  EXPECT_EQ(pkcs7_unpad(ByteView(buf, 15), &len), Status::invalid_argument);
  EXPECT_EQ(pkcs7_unpad(ByteView(buf, 16), nullptr), Status::invalid_argument);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv, 8), MutableBytes(buf), &len, ByteView(buf, 5)),
              Status::bad_iv_length);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf, 16), &len, ByteView(buf, 16)),
              Status::buffer_too_small);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf, 15), &len, ByteView()),
              Status::buffer_too_small);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), nullptr, ByteView()),
              Status::invalid_argument);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &len, ByteView()),
              Status::invalid_argument);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &len, ByteView(buf, 20)),
              Status::invalid_argument);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf, 16), &len, ByteView(buf, 32)),
              Status::buffer_too_small);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv, 17), MutableBytes(buf), &len, ByteView(buf, 32)),
              Status::bad_iv_length);
  }
}

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
