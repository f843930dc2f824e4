// AES-GCM tests (crypto/modes/gcm.h), run against every AES implementation (and so both GHASH
// multipliers): NIST CAVP gcmEncryptExtIV and gcmDecrypt files for 128- and 256-bit keys,
// including the FAIL cases and the 8- and 1024-bit IVs; tamper detection with wiped output;
// in-place operation; argument errors; and agreement between implementations on random inputs.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/modes/gcm.h"
#include "tests/common/aes_impls.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

std::vector<uint8_t> random_bytes(std::mt19937& rng, size_t n) {
  std::vector<uint8_t> v(n);
  for (uint8_t& b : v) {
    b = static_cast<uint8_t>(rng());
  }
  return v;
}

size_t header_bits(const VectorCase& c, const char* name) {
  return static_cast<size_t>(std::stoul(c.header(name)));
}

// gcmEncryptExtIV: Count, Key, IV, PT, AAD -> CT, Tag. Also opens the result again.
void run_encrypt_file(const std::string& name, AesImpl impl, GhashImpl ghash) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/aes/GCM/" + name));
  const size_t step = petrel_test::vector_sample_step();
  f.skip_sampled(step);  // PETREL_VECTOR_SAMPLE: the cases stepped over are not run
  std::vector<VectorCase>& cases = f.cases();
  size_t n = 0;
  size_t odd_iv = 0;
  for (size_t idx = 0; idx < cases.size(); idx += step) {
    VectorCase& c = cases[idx];
    c.number("Count");
    const std::vector<uint8_t> k = c.bytes("Key");
    const std::vector<uint8_t> iv = c.bytes("IV");
    const std::vector<uint8_t> pt = c.bytes("PT");
    const std::vector<uint8_t> aad = c.bytes("AAD");
    const std::vector<uint8_t> ct = c.bytes("CT");
    const std::vector<uint8_t> tag = c.bytes("Tag");
    check_all_read(c);
    ASSERT_EQ(header_bits(c, "IVlen"), iv.size() * 8) << c.where();
    ASSERT_EQ(header_bits(c, "Taglen"), tag.size() * 8) << c.where();
    ASSERT_EQ(header_bits(c, "PTlen"), pt.size() * 8) << c.where();
    ASSERT_EQ(header_bits(c, "AADlen"), aad.size() * 8) << c.where();
    ASSERT_EQ(header_bits(c, "Keylen"), k.size() * 8) << c.where();
    odd_iv += iv.size() != 12;
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    AesGcm gcm;
    ASSERT_EQ(gcm.init(&key, ghash), Status::ok);
    std::vector<uint8_t> out(pt.size());
    std::vector<uint8_t> t(tag.size());
    ASSERT_EQ(gcm.seal(MutableBytes(out), MutableBytes(t), ByteView(iv), ByteView(aad), ByteView(pt)),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(out), to_hex(ct)) << c.where();
    EXPECT_EQ(to_hex(t), to_hex(tag)) << c.where();
    std::vector<uint8_t> back(ct.size());
    EXPECT_EQ(gcm.open(MutableBytes(back), ByteView(iv), ByteView(aad), ByteView(ct), ByteView(tag)),
              Status::ok)
        << c.where();
    EXPECT_EQ(back, pt) << c.where();
    n++;
  }
  EXPECT_GT(odd_iv, 0u) << name << ": no non-96-bit IV was exercised";
  report_cases(name + " [" + aes_impl_name(impl) + ", GHASH " + ghash_impl_name(ghash) + "] (every " + std::to_string(step) + ")", n);
}

// gcmDecrypt: Count, Key, IV, CT, AAD, Tag, then PT or FAIL.
void run_decrypt_file(const std::string& name, AesImpl impl, GhashImpl ghash) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/aes/GCM/" + name));
  const size_t step = petrel_test::vector_sample_step();
  f.skip_sampled(step);  // PETREL_VECTOR_SAMPLE: the cases stepped over are not run
  std::vector<VectorCase>& cases = f.cases();
  size_t n = 0;
  size_t fails = 0;
  for (size_t idx = 0; idx < cases.size(); idx += step) {
    VectorCase& c = cases[idx];
    c.number("Count");
    const std::vector<uint8_t> k = c.bytes("Key");
    const std::vector<uint8_t> iv = c.bytes("IV");
    const std::vector<uint8_t> ct = c.bytes("CT");
    const std::vector<uint8_t> aad = c.bytes("AAD");
    const std::vector<uint8_t> tag = c.bytes("Tag");
    const bool fail = c.has("FAIL");
    std::vector<uint8_t> pt;
    if (fail) {
      EXPECT_EQ(c.get("FAIL"), "");
      EXPECT_FALSE(c.has("PT")) << c.where();
    } else {
      pt = c.bytes("PT");
    }
    check_all_read(c);
    ASSERT_EQ(header_bits(c, "IVlen"), iv.size() * 8) << c.where();
    ASSERT_EQ(header_bits(c, "Taglen"), tag.size() * 8) << c.where();
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    AesGcm gcm;
    ASSERT_EQ(gcm.init(&key, ghash), Status::ok);
    std::vector<uint8_t> out(ct.size() + 3, 0xAA);
    const Status s = gcm.open(MutableBytes(out), ByteView(iv), ByteView(aad), ByteView(ct), ByteView(tag));
    if (fail) {
      EXPECT_EQ(s, Status::auth_failed) << c.where();
      EXPECT_EQ(out, std::vector<uint8_t>(out.size(), 0)) << c.where() << ": output not wiped";
      fails++;
    } else {
      EXPECT_EQ(s, Status::ok) << c.where();
      EXPECT_EQ(to_hex(out.data(), pt.size()), to_hex(pt)) << c.where();
    }
    n++;
  }
  EXPECT_GT(fails, 0u) << name << ": no FAIL case was exercised";
  report_cases(name + " [" + aes_impl_name(impl) + ", GHASH " + ghash_impl_name(ghash) + "] (every " + std::to_string(step) + ", " +
                   std::to_string(fails) + " FAIL)",
               n);
}

}  // namespace

TEST(GcmVectors, Encrypt128) {
  for (const auto& c : petrel_test::all_gcm_configs()) {
    run_encrypt_file("gcmEncryptExtIV128.rsp", c.aes, c.ghash);
  }
}

TEST(GcmVectors, Encrypt256) {
  for (const auto& c : petrel_test::all_gcm_configs()) {
    run_encrypt_file("gcmEncryptExtIV256.rsp", c.aes, c.ghash);
  }
}

TEST(GcmVectors, Decrypt128) {
  for (const auto& c : petrel_test::all_gcm_configs()) {
    run_decrypt_file("gcmDecrypt128.rsp", c.aes, c.ghash);
  }
}

TEST(GcmVectors, Decrypt256) {
  for (const auto& c : petrel_test::all_gcm_configs()) {
    run_decrypt_file("gcmDecrypt256.rsp", c.aes, c.ghash);
  }
}

TEST(Gcm, GhashFollowsImpl) {
  const uint8_t k[16] = {};
  AesKey ct_key;
  AesKey table_key;
  ASSERT_EQ(ct_key.init(ByteView(k), AesImpl::ct), Status::ok);
  ASSERT_EQ(table_key.init(ByteView(k), AesImpl::table), Status::ok);
  AesGcm a;
  AesGcm b;
  ASSERT_EQ(a.init(&ct_key), Status::ok);
  ASSERT_EQ(b.init(&table_key), Status::ok);
  // The ct AES keeps a constant-time GHASH ("ct" or "armv4-ct", or "armv7-neon" where the CPU
  // has NEON); the table AES takes the fastest GHASH of the build (ghash_asm_test.cpp checks
  // the order).
  EXPECT_TRUE(a.ghash_is_constant_time());
  EXPECT_EQ(a.ghash_impl(), ghash_default_for(AesImpl::ct));
  EXPECT_EQ(b.ghash_impl(), ghash_default_for(AesImpl::table));
  if (!ghash_impl_available(GhashImpl::armv7_neon)) {
    // "armv4-ct" (constant-time ARM assembly) where the build has it, else the portable "ct".
    EXPECT_STREQ(a.ghash_impl_name(),
                 ghash_impl_available(GhashImpl::armv4_ct) ? "armv4-ct" : "ct");
    EXPECT_FALSE(b.ghash_is_constant_time());
  }
}

// GHASH by its own name, whatever the AES: the table's names look up, a bad name or a stub is
// refused with a status, and a refused init leaves the object unusable rather than half set.
TEST(Gcm, GhashByName) {
  const uint8_t k[16] = {};
  AesKey key;
  ASSERT_EQ(key.init(ByteView(k), AesImpl::table), Status::ok);
  GhashImpl listed[16];
  const size_t nl = ghash_impls_listed(listed, 16);
  ASSERT_GE(nl, 2u);
  for (size_t i = 0; i < nl && i < 16; i++) {
    GhashImpl back{};
    const Status s = ghash_impl_from_name(&back, ghash_impl_name(listed[i]));
    AesGcm g;
    if (ghash_impl_available(listed[i])) {
      EXPECT_EQ(s, Status::ok);
      EXPECT_EQ(back, listed[i]);
      ASSERT_EQ(g.init(&key, listed[i]), Status::ok);
      EXPECT_EQ(g.ghash_impl(), listed[i]);
      EXPECT_EQ(g.ghash_is_constant_time(), ghash_impl_is_constant_time(listed[i]));
    } else {
      EXPECT_EQ(s, Status::not_available);
      EXPECT_EQ(g.init(&key, listed[i]), Status::not_available);
    }
  }
  GhashImpl g{};
  EXPECT_EQ(ghash_impl_from_name(&g, "no-such-ghash"), Status::unsupported);
  EXPECT_EQ(ghash_impl_from_name(nullptr, "ct"), Status::invalid_argument);
  AesGcm bad;
  EXPECT_EQ(bad.init(&key, static_cast<GhashImpl>(200)), Status::invalid_argument);
  uint8_t out[4], tag[16];
  const uint8_t iv[12] = {};
  EXPECT_NE(bad.seal(MutableBytes(out, 4), MutableBytes(tag, 16), ByteView(iv, 12), ByteView(),
                     ByteView(out, 4)),
            Status::ok);
  // The ct GHASH with the table AES, and table4 with the ct AES: both explicit, both allowed.
  AesGcm mixed;
  ASSERT_EQ(mixed.init(&key, GhashImpl::ct), Status::ok);
  EXPECT_TRUE(mixed.ghash_is_constant_time());
  EXPECT_TRUE(ghash_impl_is_constant_time(ghash_default_for(AesImpl::ct)));
  EXPECT_TRUE(ghash_impl_available(ghash_default_for(AesImpl::table)));
}

// Any change to the IV, AAD, ciphertext or tag is rejected, with the output wiped.
TEST(Gcm, TamperingFails) {
  std::mt19937 rng(3);
  size_t n = 0;
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    for (size_t iv_len : {1, 12, 13, 64}) {
      for (size_t tag_len : {4, 8, 12, 16}) {
        const std::vector<uint8_t> k = random_bytes(rng, 16);
        const std::vector<uint8_t> iv = random_bytes(rng, iv_len);
        const std::vector<uint8_t> aad = random_bytes(rng, 1 + rng() % 40);
        const std::vector<uint8_t> pt = random_bytes(rng, 1 + rng() % 70);
        AesKey key;
        ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
        AesGcm gcm;
        ASSERT_EQ(gcm.init(&key), Status::ok);
        std::vector<uint8_t> ct(pt.size());
        std::vector<uint8_t> tag(tag_len);
        ASSERT_EQ(gcm.seal(MutableBytes(ct), MutableBytes(tag), ByteView(iv), ByteView(aad), ByteView(pt)),
                  Status::ok);
        for (int what = 0; what < 4; what++) {
          std::vector<uint8_t> iv2 = iv;
          std::vector<uint8_t> aad2 = aad;
          std::vector<uint8_t> ct2 = ct;
          std::vector<uint8_t> tag2 = tag;
          std::vector<uint8_t>& victim = what == 0 ? iv2 : what == 1 ? aad2 : what == 2 ? ct2 : tag2;
          victim[rng() % victim.size()] ^= static_cast<uint8_t>(1u << (rng() % 8));
          std::vector<uint8_t> out(ct.size(), 0xAA);
          EXPECT_EQ(gcm.open(MutableBytes(out), ByteView(iv2), ByteView(aad2), ByteView(ct2), ByteView(tag2)),
                    Status::auth_failed)
              << "tampered field " << what;
          EXPECT_EQ(out, std::vector<uint8_t>(out.size(), 0));
          n++;
        }
        // The untouched inputs still verify.
        std::vector<uint8_t> out(ct.size());
        EXPECT_EQ(gcm.open(MutableBytes(out), ByteView(iv), ByteView(aad), ByteView(ct), ByteView(tag)),
                  Status::ok);
        EXPECT_EQ(out, pt);
      }
    }
  }
  report_cases("GCM tampering (all impls)", n);
}

TEST(Gcm, InPlace) {
  std::mt19937 rng(17);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    const std::vector<uint8_t> k = random_bytes(rng, 32);
    const std::vector<uint8_t> iv = random_bytes(rng, 12);
    const std::vector<uint8_t> aad = random_bytes(rng, 20);
    const std::vector<uint8_t> pt = random_bytes(rng, 200);
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    AesGcm gcm;
    ASSERT_EQ(gcm.init(&key), Status::ok);
    std::vector<uint8_t> ct(pt.size());
    uint8_t tag[16];
    ASSERT_EQ(gcm.seal(MutableBytes(ct), MutableBytes(tag), ByteView(iv), ByteView(aad), ByteView(pt)),
              Status::ok);
    std::vector<uint8_t> buf = pt;
    uint8_t tag2[16];
    ASSERT_EQ(gcm.seal(MutableBytes(buf), MutableBytes(tag2), ByteView(iv), ByteView(aad), ByteView(buf)),
              Status::ok);
    EXPECT_EQ(buf, ct);
    EXPECT_EQ(to_hex(tag2, 16), to_hex(tag, 16));
    ASSERT_EQ(gcm.open(MutableBytes(buf), ByteView(iv), ByteView(aad), ByteView(buf), ByteView(tag)),
              Status::ok);
    EXPECT_EQ(buf, pt);
  }
}

TEST(Gcm, Errors) {
  uint8_t k[16] = {};
  uint8_t iv[12] = {};
  uint8_t buf[64] = {};
  uint8_t tag[17] = {};
  AesGcm gcm;
  EXPECT_EQ(gcm.seal(MutableBytes(buf), MutableBytes(tag, 16), ByteView(iv), ByteView(), ByteView(buf, 16)),
            Status::invalid_argument);  // not initialised
  AesKey unset;
  EXPECT_EQ(gcm.init(&unset), Status::invalid_argument);
  EXPECT_EQ(gcm.init(nullptr), Status::invalid_argument);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    ASSERT_EQ(gcm.init(&key), Status::ok);
    for (size_t tl : {0, 1, 3, 17}) {
      EXPECT_EQ(gcm.seal(MutableBytes(buf), MutableBytes(tag, tl), ByteView(iv), ByteView(), ByteView(buf, 16)),
                Status::invalid_argument)
          << tl;
      EXPECT_EQ(gcm.open(MutableBytes(buf), ByteView(iv), ByteView(), ByteView(buf, 16), ByteView(tag, tl)),
                Status::invalid_argument)
          << tl;
    }
    EXPECT_EQ(gcm.seal(MutableBytes(buf), MutableBytes(tag, 16), ByteView(), ByteView(), ByteView(buf, 16)),
              Status::bad_iv_length);
    EXPECT_EQ(gcm.open(MutableBytes(buf), ByteView(), ByteView(), ByteView(buf, 16), ByteView(tag, 16)),
              Status::bad_iv_length);
    EXPECT_EQ(gcm.seal(MutableBytes(buf, 15), MutableBytes(tag, 16), ByteView(iv), ByteView(), ByteView(buf, 16)),
              Status::buffer_too_small);
    EXPECT_EQ(gcm.open(MutableBytes(buf, 15), ByteView(iv), ByteView(), ByteView(buf, 16), ByteView(tag, 16)),
              Status::buffer_too_small);
    // Empty plaintext and AAD are fine.
    EXPECT_EQ(gcm.seal(MutableBytes(), MutableBytes(tag, 16), ByteView(iv), ByteView(), ByteView()), Status::ok);
    EXPECT_EQ(gcm.open(MutableBytes(), ByteView(iv), ByteView(), ByteView(), ByteView(tag, 16)), Status::ok);
  }
}

// Every implementation gives the same ciphertext and tag on random inputs of every shape,
// including IV lengths other than 12.
TEST(GcmDifferential, RandomInputs) {
  std::mt19937 rng(2024);
  size_t n = 0;
  for (int iter = 0; iter < 200; iter++) {
    const std::vector<uint8_t> k = random_bytes(rng, 16 + 8 * (iter % 3));
    const std::vector<uint8_t> iv = random_bytes(rng, 1 + rng() % 40);
    const std::vector<uint8_t> aad = random_bytes(rng, rng() % 50);
    const std::vector<uint8_t> pt = random_bytes(rng, rng() % 300);
    std::string ref;
    for (const petrel_test::GcmConfig& c : petrel_test::all_aes_ghash_pairs()) {
      const AesImpl impl = c.aes;
      AesKey key;
      ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
      AesGcm gcm;
      ASSERT_EQ(gcm.init(&key, c.ghash), Status::ok);
      std::vector<uint8_t> ct(pt.size());
      uint8_t tag[16];
      ASSERT_EQ(gcm.seal(MutableBytes(ct), MutableBytes(tag), ByteView(iv), ByteView(aad), ByteView(pt)),
                Status::ok);
      const std::string got = to_hex(ct) + "/" + to_hex(tag, 16);
      if (ref.empty()) {
        ref = got;
      } else {
        EXPECT_EQ(got, ref) << aes_impl_name(impl) << "/" << ghash_impl_name(c.ghash) << " iter "
                            << iter;
      }
    }
    n++;
  }
  report_cases("GCM differential (random shapes, every AES x GHASH pair)", n);
}
