// Tests of crypto/rsa against published vectors: NIST CAVP SigVer15 / SigGen15 (FIPS 186-2 and
// 186-3 files), the RSA Laboratories PKCS#1 v1.5 signature and encryption vectors, and MGF1.
// Key generation and round trips: rsa_keygen_test.cpp; negative cases: rsa_negative_test.cpp
// (one rsa_test program).
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/rsa/rsa_test_hooks.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"
#include "tests/rsa/test_rng.h"
#include "tests/rsa/rsa_test_util.h"

namespace petrel {
namespace {

using petrel_test::from_hex;
using petrel_test::SplitMixRng;
using petrel_test::to_hex;
using namespace rsa_test;  // tests/rsa/rsa_test_util.h

// NIST files print values as unpadded hex integers (README: a leading zero nibble is dropped, so
// a 128-byte message or signature may have 255 digits). Restore the even digit count, and for
// signatures the modulus length k.
Bytes nist_hex(petrel_test::VectorCase& c, const std::string& name, size_t min_len = 0) {
  std::string h = c.get(name);
  if (h.size() % 2 != 0) {
    h.insert(h.begin(), '0');
  }
  bool ok = false;
  Bytes b = from_hex(h, &ok);
  EXPECT_TRUE(ok) << c.where() << ": " << name << " is not hex";
  if (b.size() < min_len) {
    b.insert(b.begin(), min_len - b.size(), 0);
  }
  return b;
}

HashAlg alg_from(const std::string& name) {
  HashAlg alg = HashAlg::sha256;
  EXPECT_EQ(hash_from_name(&alg, name.c_str()), Status::ok) << name;
  return alg;
}

// ---- NIST CAVP -------------------------------------------------------------------------------

// SigVer15: every case, Result P must verify and Result F must not (a key that fails to load,
// e.g. an even "changed" e, counts as a failed verification).
// Verifies with a key in one storage size class; the status of set() if it fails.
template <size_t kBits>
Status verify_in_class(ByteView n, ByteView e, HashAlg alg, ByteView digest, ByteView sig) {
  RsaPublicKeyOf<kBits> key;
  const Status st = key.set(n, e);
  if (st != Status::ok) {
    return st;
  }
  EXPECT_EQ(key.max_bits(), kBits);
  return rsa_pkcs1_verify(key, alg, digest, sig);
}

// Runs the verification in the 2048- and 4096-bit size classes when their storage holds n and
// expects `want` (the verdict of RsaPublicKey, the 8192-bit class); a class too small must
// refuse the key with bad_key_length. Then through with_rsa_public_key, which must pick the
// smallest class that holds n. Returns the number of verifications run.
size_t check_size_classes(ByteView n, ByteView e, HashAlg alg, ByteView digest, ByteView sig,
                          Status want, const std::string& where) {
  size_t runs = 0;
  // (The 8192-bit class is RsaPublicKey itself, which gave `want`.)
  const Status s2048 = verify_in_class<2048>(n, e, alg, digest, sig);
  const Status s4096 = verify_in_class<4096>(n, e, alg, digest, sig);
  if (n.size() <= 4096 / 8) {
    EXPECT_EQ(s4096, want) << where;
    runs++;
  } else {
    EXPECT_EQ(s4096, Status::bad_key_length) << where;
  }
  if (n.size() <= 2048 / 8) {
    EXPECT_EQ(s2048, want) << where;
    runs++;
  } else {
    EXPECT_EQ(s2048, Status::bad_key_length) << where;
  }
  // The dispatcher (rsa_key_files.h) picks the smallest class that holds n.
  RsaPublicKey full;
  if (full.set(n, e) == Status::ok) {
    uint8_t spki[kRsaMaxPublicKeyDerLen];
    size_t len = 0;
    EXPECT_EQ(rsa_public_key_to_spki(MutableBytes(spki, sizeof(spki)), &len, full), Status::ok);
    size_t chosen = 0;
    const Status d = with_rsa_public_key_spki(ByteView(spki, len), 0,
                                              [&](const RsaPublicKeyBase& k) {
                                                chosen = k.max_bits();
                                                return rsa_pkcs1_verify(k, alg, digest, sig);
                                              });
    EXPECT_EQ(d, want) << where;
    EXPECT_EQ(chosen, n.size() <= 256 ? 2048u : n.size() <= 512 ? 4096u : 8192u) << where;
    runs++;
  }
  return runs;
}

void run_sigver(const std::string& file, const std::string& label) {
  petrel_test::VectorFile vf;
  ASSERT_TRUE(vf.load(file));
  Bytes n, p, q;
  size_t cases = 0;
  size_t passes = 0;
  size_t ems = 0;
  size_t classes = 0;
  for (auto& c : vf.cases()) {
    if (c.has("n")) {
      n = nist_hex(c, "n");
    }
    if (c.has("p")) {
      p = nist_hex(c, "p");
    }
    if (c.has("q")) {
      q = nist_hex(c, "q");
    }
    if (!p.empty() && !q.empty()) {
      // The file's own consistency: n = p * q.
      std::vector<bn::Limb> lp(bn::limbs_for_bytes(p.size())), lq(bn::limbs_for_bytes(q.size()));
      std::vector<bn::Limb> ln(lp.size() + lq.size()), prod(lp.size() + lq.size());
      ASSERT_EQ(bn::from_bytes(lp.data(), lp.size(), bv(p)), Status::ok);
      ASSERT_EQ(bn::from_bytes(lq.data(), lq.size(), bv(q)), Status::ok);
      ASSERT_EQ(bn::from_bytes(ln.data(), ln.size(), bv(n)), Status::ok);
      bn::mul(prod.data(), lp.data(), lp.size(), lq.data(), lq.size());
      EXPECT_EQ(prod, ln) << c.where();
      p.clear();
      q.clear();
    }
    if (!c.has("SHAAlg")) {
      petrel_test::check_all_read(c);
      continue;
    }
    const HashAlg alg = alg_from(c.get("SHAAlg"));
    const Bytes e = nist_hex(c, "e");
    (void)c.get("d");  // the private exponent is not needed to verify
    if (c.has("SaltVal")) {
      EXPECT_EQ(c.get("SaltVal"), "00") << c.where();  // PKCS#1 v1.5 has no salt
    }
    const Bytes msg = nist_hex(c, "Msg");
    const Bytes sig = nist_hex(c, "S", n.size());
    const std::string result = c.get("Result");
    ASSERT_FALSE(result.empty()) << c.where();
    const bool expect_pass = result[0] == 'P';
    RsaPublicKey key;
    Status st = key.set(bv(n), bv(e));
    // Some failing cases also print the malformed block that was signed: the raw public
    // operation must recover exactly that block.
    for (const char* em_name : {"EM with hash moved", "EM with trailer wrong"}) {
      if (c.has(em_name)) {
        const Bytes em = nist_hex(c, em_name, n.size());
        ASSERT_EQ(st, Status::ok) << c.where();
        Bytes got(key.size());
        ASSERT_EQ(key.raw(MutableBytes(got.data(), got.size()), bv(sig)), Status::ok);
        EXPECT_EQ(to_hex(got), to_hex(em)) << c.where();
        ems++;
      }
    }
    if (st == Status::ok) {
      st = rsa_pkcs1_verify(key, alg, bv(digest_of(alg, msg)), bv(sig));
    }
    // Every storage size class that holds n gives the same verdict (rsa.h RsaPublicKeyOf).
    classes += check_size_classes(bv(n), bv(e), alg, bv(digest_of(alg, msg)), bv(sig), st,
                                  c.where());
    if (expect_pass) {
      EXPECT_EQ(st, Status::ok) << c.where();
      passes++;
    } else {
      EXPECT_NE(st, Status::ok) << c.where() << " " << result;
    }
    petrel_test::check_all_read(c);
    cases++;
  }
  std::printf("[ vectors  ] %s: %zu must pass, %zu must fail, %zu recovered EM checked, "
              "%zu more verifications in the 2048/4096-bit size classes and the dispatcher\n",
              label.c_str(), passes, cases - passes, ems, classes);
  EXPECT_GE(classes, cases);  // at least the dispatcher's, for every case
  petrel_test::report_cases(label, cases);
}

TEST(RsaNist, SigVer15_186_3) {
  run_sigver("nist/rsa/fips186-3/SigVer15_186-3.rsp", "SigVer15_186-3 (fips186-3)");
}

TEST(RsaNist, SigVer15_186_2_folder) {
  run_sigver("nist/rsa/fips186-2_folder/SigVer15_186-3.rsp", "SigVer15_186-3 (fips186-2 folder)");
}

// SigGen15 with d: load the key from (n, e, d) (recovering p and q), sign, compare exactly.
TEST(RsaNist, SigGen15_186_3_WithD) {
  petrel_test::VectorFile vf;
  ASSERT_TRUE(vf.load("nist/rsa/fips186-3/SigGen15_186-3.txt"));
  Bytes n, e, d;
  RsaPrivateKey key;
  bool loaded = false;
  SplitMixRng rng(42);
  size_t cases = 0;
  const size_t step = petrel_test::vector_sample_step();
  for (auto& c : vf.cases()) {
    if (c.has("n")) {
      n = nist_hex(c, "n");
      loaded = false;
    }
    if (c.has("e")) {
      e = nist_hex(c, "e");
      loaded = false;
    }
    if (c.has("d")) {
      d = nist_hex(c, "d");
      loaded = false;
    }
    if (!c.has("SHAAlg")) {
      petrel_test::check_all_read(c);
      continue;
    }
    if (!loaded) {
      ASSERT_EQ(key.set_from_ned(bv(n), bv(e), bv(d)), Status::ok) << c.where();
      loaded = true;
    }
    const HashAlg alg = alg_from(c.get("SHAAlg"));
    const Bytes msg = nist_hex(c, "Msg");
    const Bytes want = nist_hex(c, "S", n.size());
    petrel_test::check_all_read(c);
    if (cases++ % step != 0) {
      continue;
    }
    Bytes sig(key.size());
    ASSERT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), key, alg,
                             bv(digest_of(alg, msg)), rng),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(sig), to_hex(want)) << c.where();
    EXPECT_EQ(rsa_pkcs1_verify(key.public_key(), alg, bv(digest_of(alg, msg)), bv(sig)),
              Status::ok);
  }
  petrel_test::report_cases("SigGen15_186-3.txt (sign with d, exact match)", cases);
}

// SigGen15 without d: the published signatures must verify.
TEST(RsaNist, SigGen15_186_2_folder_Verify) {
  petrel_test::VectorFile vf;
  ASSERT_TRUE(vf.load("nist/rsa/fips186-2_folder/SigGen15_186-3.rsp"));
  Bytes n, e;
  size_t cases = 0;
  for (auto& c : vf.cases()) {
    if (c.has("n")) {
      n = nist_hex(c, "n");
    }
    if (c.has("e")) {
      e = nist_hex(c, "e");
    }
    if (!c.has("SHAAlg")) {
      petrel_test::check_all_read(c);
      continue;
    }
    const HashAlg alg = alg_from(c.get("SHAAlg"));
    const Bytes msg = nist_hex(c, "Msg");
    const Bytes sig = nist_hex(c, "S", n.size());
    RsaPublicKey key;
    ASSERT_EQ(key.set(bv(n), bv(e)), Status::ok) << c.where();
    EXPECT_EQ(rsa_pkcs1_verify(key, alg, bv(digest_of(alg, msg)), bv(sig)), Status::ok)
        << c.where();
    // A flipped message bit must fail.
    Bytes bad = msg;
    bad[0] ^= 1;
    EXPECT_EQ(rsa_pkcs1_verify(key, alg, bv(digest_of(alg, bad)), bv(sig)), Status::auth_failed);
    petrel_test::check_all_read(c);
    cases++;
  }
  petrel_test::report_cases("SigGen15_186-3.rsp (fips186-2 folder, verify)", cases);
}

// ---- RSA Laboratories PKCS#1 v1.5 vectors ----------------------------------------------------

TEST(RsaLabs, Pkcs1v15Sign) {
  auto examples = petrel_test::load_rsalabs("rsa-pkcs1/pkcs1v15sign-vectors.txt");
  SplitMixRng rng(7);
  size_t cases = 0;
  const size_t step = petrel_test::vector_sample_step();
  for (auto& ex : examples) {
    RsaPrivateKey key;
    load_labs_key(ex.key, &key);
    for (auto& item : ex.items) {
      const Bytes msg = item.take("Message to be signed");
      const Bytes want = item.take("Signature");
      item.check_all_taken();
      const Bytes dg = digest_of(HashAlg::sha1, msg);
      EXPECT_EQ(rsa_pkcs1_verify(key.public_key(), HashAlg::sha1, bv(dg), bv(want)), Status::ok)
          << item.name;
      if (cases++ % step == 0) {
        Bytes sig(key.size());
        ASSERT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), key, HashAlg::sha1, bv(dg),
                                 rng),
                  Status::ok);
        EXPECT_EQ(to_hex(sig), to_hex(want)) << item.name;
      }
    }
  }
  petrel_test::report_cases("pkcs1v15sign-vectors.txt", cases);
}

TEST(RsaLabs, Pkcs1v15Crypt) {
  auto examples = petrel_test::load_rsalabs("rsa-pkcs1/pkcs1v15crypt-vectors.txt");
  SplitMixRng rng(8);
  size_t cases = 0;
  const size_t step = petrel_test::vector_sample_step();
  for (auto& ex : examples) {
    RsaPrivateKey key;
    load_labs_key(ex.key, &key);
    for (auto& item : ex.items) {
      const Bytes msg = item.take("Message");
      const Bytes seed = item.take("Seed");
      const Bytes want = item.take("Encryption");
      item.check_all_taken();
      // Encryption with the published padding seed is deterministic.
      petrel_test::ScriptedRng seeded(seed);
      Bytes ct(key.size());
      ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), key.public_key(), bv(msg),
                                  seeded),
                Status::ok)
          << item.name;
      EXPECT_EQ(seeded.remaining(), 0u) << item.name;
      EXPECT_EQ(to_hex(ct), to_hex(want)) << item.name;
      if (cases++ % step == 0) {
        Bytes out(key.size());
        size_t out_len = 0;
        ASSERT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, key, bv(want),
                                    rng),
                  Status::ok)
            << item.name;
        out.resize(out_len);
        EXPECT_EQ(to_hex(out), to_hex(msg)) << item.name;
      }
    }
  }
  petrel_test::report_cases("pkcs1v15crypt-vectors.txt", cases);
}

TEST(RsaMgf1, KnownAnswer) {
  // RFC 8017 lists no MGF1 outputs; these are the examples of the Wikipedia article "Mask
  // generation function" (re-checked with Python's hashlib, an independent implementation):
  // MGF1("foo", 3) = 1ac907, MGF1("foo", 5) = 1ac9075cd4, MGF1("bar", 5) = bc0c655e01.
  Bytes out(5, 0);
  ASSERT_EQ(mgf1_xor(MutableBytes(out.data(), 3), HashAlg::sha1, bv(from_hex("666f6f"))),
            Status::ok);
  EXPECT_EQ(to_hex(out.data(), 3), "1ac907");
  std::fill(out.begin(), out.end(), 0);
  ASSERT_EQ(mgf1_xor(MutableBytes(out.data(), 5), HashAlg::sha1, bv(from_hex("666f6f"))),
            Status::ok);
  EXPECT_EQ(to_hex(out), "1ac9075cd4");
  std::fill(out.begin(), out.end(), 0);
  ASSERT_EQ(mgf1_xor(MutableBytes(out.data(), 5), HashAlg::sha1, bv(from_hex("626172"))),
            Status::ok);
  EXPECT_EQ(to_hex(out), "bc0c655e01");
}

}  // namespace
}  // namespace petrel
