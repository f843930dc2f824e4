// AES block cipher tests, run against every implementation in the build:
// NIST AESAVS ECB known-answer (GFSbox, KeySbox, VarKey, VarTxt), multi-block (MMT) and Monte
// Carlo (MCT) files, the implementation name table, key-length errors, key wiping, and a
// differential test between implementations on random inputs.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/aes/aes_test_hooks.h"
#include "tests/common/aes_impls.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

std::vector<uint8_t> ecb(const AesKey& key, bool encrypt, const std::vector<uint8_t>& in) {
  std::vector<uint8_t> out(in.size());
  if (encrypt) {
    key.encrypt_blocks(out.data(), in.data(), in.size() / kAesBlockSize);
  } else {
    key.decrypt_blocks(out.data(), in.data(), in.size() / kAesBlockSize);
  }
  return out;
}

// (in, out) byte offsets from an aligned allocation: both misaligned, out only, in only.
constexpr size_t kOffsets[3][2] = {{1, 1}, {0, 3}, {2, 0}};

// KAT and MMT files: [ENCRYPT]/[DECRYPT] sections of COUNT, KEY, PLAINTEXT, CIPHERTEXT.
void run_ecb_file(const std::string& name, AesImpl impl) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/aes/" + name));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const bool encrypt = c.has_header("ENCRYPT");
    ASSERT_TRUE(encrypt || c.has_header("DECRYPT")) << c.where();
    c.number("COUNT");
    const std::vector<uint8_t> k = c.bytes("KEY");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    ASSERT_EQ(pt.size(), ct.size()) << c.where();
    ASSERT_EQ(pt.size() % kAesBlockSize, 0u) << c.where();
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
    EXPECT_EQ(key.key_bits(), k.size() * 8);
    if (encrypt) {
      EXPECT_EQ(to_hex(ecb(key, true, pt)), to_hex(ct)) << c.where();
    } else {
      EXPECT_EQ(to_hex(ecb(key, false, ct)), to_hex(pt)) << c.where();
    }
    // In place, the same result.
    std::vector<uint8_t> buf = encrypt ? pt : ct;
    if (encrypt) {
      key.encrypt_blocks(buf.data(), buf.data(), buf.size() / kAesBlockSize);
    } else {
      key.decrypt_blocks(buf.data(), buf.data(), buf.size() / kAesBlockSize);
    }
    EXPECT_EQ(to_hex(buf), to_hex(encrypt ? ct : pt)) << c.where() << " (in place)";
    // Buffers at odd byte offsets (in, out): the assembly variants move word-aligned blocks
    // with word loads and others byte by byte; both paths, and the mixed case, must agree.
    for (const size_t* off : {kOffsets[0], kOffsets[1], kOffsets[2]}) {
      const std::vector<uint8_t>& src = encrypt ? pt : ct;
      std::vector<uint8_t> in_buf(src.size() + 8);
      std::vector<uint8_t> out_buf(src.size() + 8);
      std::memcpy(in_buf.data() + off[0], src.data(), src.size());
      if (encrypt) {
        key.encrypt_blocks(out_buf.data() + off[1], in_buf.data() + off[0], src.size() / 16);
      } else {
        key.decrypt_blocks(out_buf.data() + off[1], in_buf.data() + off[0], src.size() / 16);
      }
      EXPECT_EQ(to_hex(out_buf.data() + off[1], src.size()), to_hex(encrypt ? ct : pt))
          << c.where() << " (offsets " << off[0] << ", " << off[1] << ")";
    }
    n++;
  }
  report_cases(name + " [" + aes_impl_name(impl) + "]", n);
}

// AESAVS 6.4.1 key update: Key[i+1] = Key[i] xor (the last keylen bits of CT[j-1] || CT[j]).
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

// AESAVS 6.4.1 ECB Monte Carlo test. Every outer round is a case of the file, with its starting
// key and text, so rounds can be sampled; the chaining to the next round's key and text is
// checked against the next case.
void run_ecb_mct(const std::string& name, AesImpl impl) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/aes/MCT/" + name));
  const size_t step = petrel_test::vector_sample_step();
  f.skip_sampled(step);  // PETREL_VECTOR_SAMPLE: the cases stepped over are not run
  size_t n = 0;
  std::vector<VectorCase>& cases = f.cases();
  for (size_t idx = 0; idx < cases.size(); idx += step) {
    VectorCase& c = cases[idx];
    const bool encrypt = c.has_header("ENCRYPT");
    ASSERT_TRUE(encrypt || c.has_header("DECRYPT")) << c.where();
    c.number("COUNT");
    const std::vector<uint8_t> k = c.bytes("KEY");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    ASSERT_EQ(pt.size(), kAesBlockSize);
    ASSERT_EQ(ct.size(), kAesBlockSize);
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
    uint8_t text[16];
    uint8_t prev[16] = {};
    std::memcpy(text, encrypt ? pt.data() : ct.data(), 16);
    for (int j = 0; j < 1000; j++) {
      std::memcpy(prev, text, 16);
      if (encrypt) {
        key.encrypt_blocks(text, text, 1);
      } else {
        key.decrypt_blocks(text, text, 1);
      }
    }
    EXPECT_EQ(to_hex(text, 16), to_hex(encrypt ? ct : pt)) << c.where();
    // Next round: Key[i+1] from the last two outputs, and the input is the last output.
    if (idx + 1 < cases.size() && cases[idx + 1].has_header(encrypt ? "ENCRYPT" : "DECRYPT")) {
      VectorCase& next = cases[idx + 1];
      std::vector<uint8_t> nk = mct_next_key(k, prev, text);
      EXPECT_EQ(next.get("KEY"), to_hex(nk)) << next.where();
      EXPECT_EQ(next.get(encrypt ? "PLAINTEXT" : "CIPHERTEXT"), to_hex(text, 16)) << next.where();
    }
    n++;
  }
  report_cases(name + " [" + std::string(aes_impl_name(impl)) + "] (every " +
                   std::to_string(step) + ")",
               n);
}

const char* const kKatTypes[] = {"GFSbox", "KeySbox", "VarKey", "VarTxt"};
const char* const kBits[] = {"128", "192", "256"};

}  // namespace

TEST(AesImpl, NameTable) {
  std::vector<AesImpl> impls = petrel_test::all_aes_impls();
  ASSERT_GE(impls.size(), 2u);
  EXPECT_EQ(impls[0], AesImpl::ct);
  EXPECT_EQ(std::string(aes_impl_name(AesImpl::ct)), "ct");
  EXPECT_EQ(std::string(aes_impl_name(AesImpl::table)), "table");
  EXPECT_TRUE(aes_impl_is_constant_time(AesImpl::ct));
  EXPECT_FALSE(aes_impl_is_constant_time(AesImpl::table));
  for (AesImpl impl : impls) {
    EXPECT_TRUE(aes_impl_available(impl));
    AesImpl back = static_cast<AesImpl>(200);
    ASSERT_EQ(aes_impl_from_name(&back, aes_impl_name(impl)), Status::ok);
    EXPECT_EQ(back, impl);
  }
  AesImpl dummy = AesImpl::ct;
  EXPECT_EQ(aes_impl_from_name(&dummy, "no-such-impl"), Status::unsupported);
  EXPECT_EQ(aes_impl_from_name(nullptr, "ct"), Status::invalid_argument);
  EXPECT_EQ(aes_impl_from_name(&dummy, nullptr), Status::invalid_argument);
  EXPECT_FALSE(aes_impl_available(static_cast<AesImpl>(200)));
  EXPECT_EQ(aes_impls_available(nullptr, 0), impls.size());
  // The default is the fastest constant-time variant: armv7-neon where it runs, else
  // fixslice-armv4 (ARM), else fixslice.
  EXPECT_EQ(kAesDefaultImpl, aes_default_impl());
  EXPECT_TRUE(aes_impl_is_constant_time(kAesDefaultImpl));
  EXPECT_EQ(kAesDefaultImpl, aes_impl_available(AesImpl::armv7_neon)       ? AesImpl::armv7_neon
                             : aes_impl_available(AesImpl::fixslice_armv4) ? AesImpl::fixslice_armv4
                                                                           : AesImpl::fixslice);
}

TEST(AesKey, BadKeyLengths) {
  const uint8_t k[64] = {};
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (size_t len : {0, 1, 8, 15, 17, 20, 23, 25, 31, 33, 48, 64}) {
      AesKey key;
      EXPECT_EQ(key.init(ByteView(k, len), impl), Status::bad_key_length)
          << len << " " << aes_impl_name(impl);
      EXPECT_FALSE(key.is_set());
    }
    for (size_t len : {16, 24, 32}) {
      AesKey key;
      EXPECT_EQ(key.init(ByteView(k, len), impl), Status::ok);
      EXPECT_TRUE(key.is_set());
      EXPECT_EQ(key.rounds(), 6 + len / 4);
      EXPECT_EQ(key.impl(), impl);
    }
  }
  AesKey key;
  EXPECT_EQ(key.init(ByteView(k, 16), static_cast<AesImpl>(200)), Status::invalid_argument);
  EXPECT_FALSE(key.is_set());
  // A failed init leaves no usable key behind, even after a good one.
  ASSERT_EQ(key.init(ByteView(k, 16)), Status::ok);
  EXPECT_EQ(key.init(ByteView(k, 17)), Status::bad_key_length);
  EXPECT_FALSE(key.is_set());
}

TEST(AesKey, ClearWipesSchedule) {
  uint8_t k[32];
  for (size_t i = 0; i < sizeof(k); i++) {
    k[i] = static_cast<uint8_t>(0xA5 ^ i);
  }
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k, 32), impl), Status::ok);
    size_t nonzero = 0;
    for (size_t i = 0; i < AesKey::kScheduleWords; i++) {
      nonzero += aes_key_schedule_for_testing(key)[i] != 0;
    }
    EXPECT_GT(nonzero, 50u);
    key.clear();
    EXPECT_FALSE(key.is_set());
    for (size_t i = 0; i < AesKey::kScheduleWords; i++) {
      ASSERT_EQ(aes_key_schedule_for_testing(key)[i], 0u) << i;
    }
  }
}

TEST(AesVectors, EcbKat) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (const char* type : kKatTypes) {
      for (const char* bits : kBits) {
        run_ecb_file(std::string("KAT/ECB") + type + bits + ".rsp", impl);
      }
    }
  }
}

TEST(AesVectors, EcbMmt) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (const char* bits : kBits) {
      run_ecb_file(std::string("MMT/ECBMMT") + bits + ".rsp", impl);
    }
  }
}

TEST(AesVectors, EcbMct) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (const char* bits : kBits) {
      run_ecb_mct(std::string("ECBMCT") + bits + ".rsp", impl);
    }
  }
}

// The implementations agree on random keys and inputs, for every block count from 1 to 9 (odd
// counts exercise the ct implementation's unpaired last block) and in place.
TEST(AesDifferential, RandomInputs) {
  std::vector<AesImpl> impls = petrel_test::all_aes_impls();
  std::mt19937 rng(12345);
  size_t n = 0;
  for (int iter = 0; iter < 300; iter++) {
    const size_t key_len = 16 + 8 * (iter % 3);
    const size_t nblocks = 1 + static_cast<size_t>(iter % 9);
    std::vector<uint8_t> k(key_len);
    std::vector<uint8_t> in(nblocks * kAesBlockSize);
    for (uint8_t& b : k) {
      b = static_cast<uint8_t>(rng());
    }
    for (uint8_t& b : in) {
      b = static_cast<uint8_t>(rng());
    }
    std::vector<uint8_t> ref_enc;
    std::vector<uint8_t> ref_dec;
    for (AesImpl impl : impls) {
      AesKey key;
      ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
      std::vector<uint8_t> enc = ecb(key, true, in);
      std::vector<uint8_t> dec = ecb(key, false, in);
      EXPECT_EQ(to_hex(ecb(key, false, enc)), to_hex(in)) << aes_impl_name(impl);
      std::vector<uint8_t> inplace = in;
      key.encrypt_blocks(inplace.data(), inplace.data(), nblocks);
      EXPECT_EQ(inplace, enc) << aes_impl_name(impl);
      if (ref_enc.empty()) {
        ref_enc = enc;
        ref_dec = dec;
      } else {
        EXPECT_EQ(to_hex(enc), to_hex(ref_enc)) << aes_impl_name(impl) << " iter " << iter;
        EXPECT_EQ(to_hex(dec), to_hex(ref_dec)) << aes_impl_name(impl) << " iter " << iter;
      }
    }
    n++;
  }
  report_cases("differential ct vs table (random keys and blocks)", n);
}
