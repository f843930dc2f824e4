// Tests of crypto/rsa against published vectors: NIST CAVP SigVer15 / SigGen15 (FIPS 186-2 and
// 186-3 files) and the RSA Laboratories PKCS#1 v1.5 signature and encryption vectors; plus key
// generation relations, round trips of every scheme, and negative cases (malformed keys, bad
// signature lengths, every kind of bad v1.5 padding, injected CRT faults).
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_keys.h"
#include "crypto/rsa/rsa_test_hooks.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"
#include "tests/rsa/test_rng.h"

namespace petrel {
namespace {

using petrel_test::from_hex;
using petrel_test::SplitMixRng;
using petrel_test::to_hex;
using Bytes = std::vector<uint8_t>;

ByteView bv(const Bytes& b) { return ByteView(b.data(), b.size()); }

Bytes digest_of(HashAlg alg, const Bytes& msg) {
  Bytes d(hash_digest_size(alg));
  EXPECT_EQ(hash(alg, MutableBytes(d.data(), d.size()), bv(msg)), Status::ok);
  return d;
}

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
  // The dispatcher (rsa_keys.h) picks the smallest class that holds n.
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

void load_labs_key(petrel_test::RsaLabsItem& k, RsaPrivateKey* key) {
  const Bytes n = k.take("Modulus");
  const Bytes e = k.take("Public exponent");
  const Bytes d = k.take("Exponent");
  const Bytes p = k.take("Prime 1");
  const Bytes q = k.take("Prime 2");
  const Bytes dp = k.take("Prime exponent 1");
  const Bytes dq = k.take("Prime exponent 2");
  const Bytes qinv = k.take("Coefficient");
  k.check_all_taken();
  RsaPrivateParts parts;
  parts.n = bv(n);
  parts.e = bv(e);
  parts.d = bv(d);
  parts.p = bv(p);
  parts.q = bv(q);
  parts.dp = bv(dp);
  parts.dq = bv(dq);
  parts.qinv = bv(qinv);
  ASSERT_EQ(key->set(parts), Status::ok) << k.name;
  // Export gives back the published values.
  uint8_t buf[1024];
  size_t len = 0;
  ASSERT_EQ(key->export_part(RsaPart::qinv, MutableBytes(buf, sizeof(buf)), &len), Status::ok);
  Bytes qi(qinv.begin(), qinv.end());
  while (!qi.empty() && qi[0] == 0) {
    qi.erase(qi.begin());
  }
  EXPECT_EQ(to_hex(buf, len), to_hex(qi)) << k.name;
}

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

// ---- key generation and round trips ----------------------------------------------------------

void round_trips(const RsaPrivateKey& key, Rng& rng) {
  const RsaPublicKey& pub = key.public_key();
  const Bytes msg = from_hex("54686520717569636b2062726f776e20666f78");
  for (HashAlg alg : {HashAlg::sha1, HashAlg::sha256, HashAlg::sha512}) {
    const Bytes dg = digest_of(alg, msg);
    Bytes sig(key.size());
    ASSERT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), key, alg, bv(dg), rng),
              Status::ok);
    EXPECT_EQ(rsa_pkcs1_verify(pub, alg, bv(dg), bv(sig)), Status::ok);
    // The default salt (hLen) does not fit SHA-512 in a 1024-bit key: that must be refused.
    const size_t h_len = hash_digest_size(alg);
    const size_t em_len = (key.bits() - 1 + 7) / 8;
    const size_t salt = (em_len >= 2 * h_len + 2) ? kPssSaltHashLen : 20;
    if (salt != kPssSaltHashLen) {
      EXPECT_EQ(rsa_pss_sign(MutableBytes(sig.data(), sig.size()), key, alg, bv(dg), rng),
                Status::invalid_argument);
    }
    ASSERT_EQ(rsa_pss_sign(MutableBytes(sig.data(), sig.size()), key, alg, bv(dg), rng, salt),
              Status::ok);
    EXPECT_EQ(rsa_pss_verify(pub, alg, bv(dg), bv(sig)), Status::ok);
    EXPECT_EQ(rsa_pss_verify(pub, alg, bv(dg), bv(sig), salt), Status::ok);
    EXPECT_EQ(rsa_pss_verify(pub, alg, bv(dg), bv(sig), 0), Status::auth_failed);
    sig[10] ^= 0x80;
    EXPECT_EQ(rsa_pss_verify(pub, alg, bv(dg), bv(sig)), Status::auth_failed);
  }
  Bytes ct(key.size()), out(key.size());
  size_t out_len = 0;
  ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), pub, bv(msg), rng), Status::ok);
  ASSERT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, key, bv(ct), rng),
            Status::ok);
  EXPECT_EQ(to_hex(out.data(), out_len), to_hex(msg));
  for (HashAlg alg : {HashAlg::sha1, HashAlg::sha256}) {
    const Bytes label = from_hex("6c6162656c");
    ASSERT_EQ(rsa_oaep_encrypt(MutableBytes(ct.data(), ct.size()), pub, alg, bv(msg), bv(label),
                               rng),
              Status::ok);
    ASSERT_EQ(rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, key, alg, bv(ct),
                               bv(label), rng),
              Status::ok);
    EXPECT_EQ(to_hex(out.data(), out_len), to_hex(msg));
    EXPECT_EQ(rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, key, alg, bv(ct),
                               ByteView(), rng),
              Status::bad_padding);
    // Empty message, and the longest one.
    const Bytes longest(key.size() - 2 * hash_digest_size(alg) - 2, 0xa5);
    for (const Bytes* m : {&longest}) {
      ASSERT_EQ(rsa_oaep_encrypt(MutableBytes(ct.data(), ct.size()), pub, alg, bv(*m), ByteView(),
                                 rng),
                Status::ok);
      ASSERT_EQ(rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, key, alg,
                                 bv(ct), ByteView(), rng),
                Status::ok);
      EXPECT_EQ(to_hex(out.data(), out_len), to_hex(*m));
    }
    ASSERT_EQ(rsa_oaep_encrypt(MutableBytes(ct.data(), ct.size()), pub, alg, ByteView(),
                               ByteView(), rng),
              Status::ok);
    ASSERT_EQ(rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, key, alg, bv(ct),
                               ByteView(), rng),
              Status::ok);
    EXPECT_EQ(out_len, 0u);
    const Bytes too_long(longest.size() + 1, 1);
    EXPECT_EQ(rsa_oaep_encrypt(MutableBytes(ct.data(), ct.size()), pub, alg, bv(too_long),
                               ByteView(), rng),
              Status::invalid_argument);
  }
}

using Num = std::vector<bn::Limb>;

Num part_num(const RsaPrivateKey& key, RsaPart part, size_t limbs) {
  uint8_t buf[1024];
  size_t len = 0;
  EXPECT_EQ(key.export_part(part, MutableBytes(buf, sizeof(buf)), &len), Status::ok);
  Num x(limbs);
  EXPECT_EQ(bn::from_bytes(x.data(), limbs, ByteView(buf, len)), Status::ok);
  return x;
}

Num mod(const Num& x, const Num& m) {
  Num r(m.size());
  bn::div_ct(nullptr, r.data(), x.data(), x.size(), m.data(), m.size());
  return r;
}

Num mulv(const Num& a, const Num& b) {
  Num r(a.size() + b.size());
  bn::mul(r.data(), a.data(), a.size(), b.data(), b.size());
  return r;
}

bool is_one(const Num& x) { return bn::eq_word_mask(x.data(), x.size(), 1) != 0; }

void check_keygen(size_t bits, uint64_t seed) {
  SplitMixRng rng(seed);
  RsaPrivateKey key;
  ASSERT_EQ(rsa_generate_key(&key, bits, rng), Status::ok);
  EXPECT_EQ(key.bits(), bits);
  const size_t L = bn::limbs_for_bits(bits) + 1;
  const Num n = part_num(key, RsaPart::n, L);
  const Num e = part_num(key, RsaPart::e, L);
  const Num d = part_num(key, RsaPart::d, L);
  const Num p = part_num(key, RsaPart::p, L);
  const Num q = part_num(key, RsaPart::q, L);
  const Num dp = part_num(key, RsaPart::dp, L);
  const Num dq = part_num(key, RsaPart::dq, L);
  const Num qinv = part_num(key, RsaPart::qinv, L);
  // n = p q
  Num pq = mulv(p, q);
  pq.resize(L);
  EXPECT_EQ(pq, n);
  // p, q sizes and primality (independent rounds)
  EXPECT_EQ(bn::bit_length_vartime(p.data(), L), bits / 2);
  EXPECT_EQ(bn::bit_length_vartime(q.data(), L), bits / 2);
  bool prime = false;
  ASSERT_EQ(bn::miller_rabin(&prime, p.data(), L, 8, rng), Status::ok);
  EXPECT_TRUE(prime);
  ASSERT_EQ(bn::miller_rabin(&prime, q.data(), L, 8, rng), Status::ok);
  EXPECT_TRUE(prime);
  // e d = 1 mod (p-1) and mod (q-1) (hence mod lcm), d < lcm: check d mod (p-1) = dp etc.
  Num pm1 = p, qm1 = q;
  (void)bn::sub_word(pm1.data(), L, 1);
  (void)bn::sub_word(qm1.data(), L, 1);
  EXPECT_TRUE(is_one(mod(mulv(e, d), pm1)));
  EXPECT_TRUE(is_one(mod(mulv(e, d), qm1)));
  EXPECT_EQ(mod(d, pm1), dp);
  EXPECT_EQ(mod(d, qm1), dq);
  EXPECT_TRUE(is_one(mod(mulv(qinv, q), p)));
  // d < lcm(p-1, q-1) = (p-1)(q-1)/gcd: d * gcd < (p-1)(q-1), using gcd >= 2 as a lower bound
  // check: 2 d < (p-1)(q-1).
  Num two(1, 2);
  Num d2 = mulv(d, two);
  Num phi = mulv(pm1, qm1);
  d2.resize(phi.size());
  EXPECT_NE(bn::lt_mask(d2.data(), phi.data(), phi.size()), 0u);
  round_trips(key, rng);
}

TEST(RsaKeygen, Generate1024) { check_keygen(1024, 1001); }

TEST(RsaKeygen, Generate2048) {
  if (petrel_test::vector_sample_step() > 1) {
    GTEST_SKIP() << "2048-bit key generation skipped on slow targets (PETREL_VECTOR_SAMPLE > 1)";
  }
  check_keygen(2048, 2002);
}

TEST(RsaKeygen, RejectsBadParameters) {
  SplitMixRng rng(3);
  RsaPrivateKey key;
  EXPECT_EQ(rsa_generate_key(&key, 512, rng), Status::bad_key_length);
  EXPECT_EQ(rsa_generate_key(&key, 1025, rng), Status::bad_key_length);
  EXPECT_EQ(rsa_generate_key(&key, 8192, rng), Status::bad_key_length);
  EXPECT_EQ(rsa_generate_key(&key, 1024, rng, 3), Status::invalid_argument);
  EXPECT_EQ(rsa_generate_key(&key, 1024, rng, 65536), Status::invalid_argument);
  petrel_test::FailingRng bad;
  EXPECT_EQ(rsa_generate_key(&key, 1024, bad), Status::rng_failure);
  EXPECT_FALSE(key.is_set());
}

// ---- negative cases on a published key ------------------------------------------------------

class RsaNegative : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ex = petrel_test::load_rsalabs("rsa-pkcs1/pkcs1v15crypt-vectors.txt");
    ASSERT_FALSE(ex.empty());
    m_labs = ex[0];
    load_labs_key(m_labs.key, &m_key);
    for (auto& it : m_labs.items) {
      (void)it.take("Message");
      (void)it.take("Seed");
      (void)it.take("Encryption");
    }
    auto& k = m_labs.key;
    m_n = k.fields["Modulus"];
    m_e = k.fields["Public exponent"];
  }
  // Raw-encrypts a hand-made encoded block (the public operation has no padding).
  Bytes raw_encrypt(const Bytes& em) {
    Bytes c(m_key.size());
    EXPECT_EQ(m_key.public_key().raw(MutableBytes(c.data(), c.size()), bv(em)), Status::ok);
    return c;
  }
  petrel_test::RsaLabsExample m_labs;
  RsaPrivateKey m_key;
  Bytes m_n, m_e;
};

TEST_F(RsaNegative, PublicKeyValidation) {
  RsaPublicKey k;
  EXPECT_EQ(k.set(bv(m_n), bv(m_e)), Status::ok);
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("01"))), Status::invalid_argument);     // e = 1
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("010000"))), Status::invalid_argument); // even e
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("00"))), Status::invalid_argument);     // e = 0
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("0003"))), Status::ok);                 // e = 3
  EXPECT_EQ(k.set(bv(m_n), bv(m_n)), Status::invalid_argument);                // e = n
  // e is bounded to 64 bits (rsa.h kRsaMaxPublicExponentBits): 2^64 - 1 is the largest.
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("FFFFFFFFFFFFFFFF"))), Status::ok);
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("00FFFFFFFFFFFFFFFF"))), Status::ok);
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("010000000000000001"))), Status::unsupported);  // 2^64+1
  Bytes n_minus_2 = m_n;
  n_minus_2.back() = static_cast<uint8_t>(n_minus_2.back() - 2);  // n is odd: its last byte >= 1
  if (m_n.back() >= 3) {
    EXPECT_EQ(k.set(bv(m_n), bv(n_minus_2)), Status::unsupported);
  }
  Bytes lead = m_n;
  lead.insert(lead.begin(), 0x00);
  EXPECT_EQ(k.set(bv(lead), bv(m_e)), Status::invalid_argument);  // leading zero byte
  Bytes even = m_n;
  even.back() ^= 1;
  EXPECT_EQ(k.set(bv(even), bv(m_e)), Status::invalid_argument);
  Bytes small(m_n.begin(), m_n.begin() + 64);  // 512 bits
  small.back() |= 1;
  EXPECT_EQ(k.set(bv(small), bv(m_e)), Status::bad_key_length);
  EXPECT_EQ(k.set(bv(small), bv(m_e), kRsaAllowSmallModulus), Status::ok);
  EXPECT_EQ(k.set(ByteView(), bv(m_e)), Status::invalid_argument);
}

TEST_F(RsaNegative, PrivateKeyValidation) {
  auto& k = m_labs.key;
  RsaPrivateParts parts;
  parts.n = bv(k.fields["Modulus"]);
  parts.e = bv(k.fields["Public exponent"]);
  parts.p = bv(k.fields["Prime 1"]);
  parts.q = bv(k.fields["Prime 2"]);
  parts.dp = bv(k.fields["Prime exponent 1"]);
  parts.dq = bv(k.fields["Prime exponent 2"]);
  parts.qinv = bv(k.fields["Coefficient"]);
  RsaPrivateKey key;
  EXPECT_EQ(key.set(parts), Status::ok);  // d is optional
  parts.p = bv(k.fields["Prime 2"]);      // p = q: n != p q
  EXPECT_EQ(key.set(parts), Status::invalid_argument);
  EXPECT_FALSE(key.is_set());
  parts.p = bv(k.fields["Prime 1"]);
  Bytes badqinv = k.fields["Coefficient"];
  badqinv.back() ^= 2;
  parts.qinv = bv(badqinv);
  EXPECT_EQ(key.set(parts), Status::invalid_argument);
}

TEST_F(RsaNegative, SignatureLengthAndRange) {
  SplitMixRng rng(9);
  const Bytes dg = digest_of(HashAlg::sha256, from_hex("00"));
  Bytes sig(m_key.size());
  ASSERT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key, HashAlg::sha256, bv(dg),
                           rng),
            Status::ok);
  const RsaPublicKey& pub = m_key.public_key();
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(sig)), Status::ok);
  Bytes longer = sig;
  longer.insert(longer.begin(), 0x00);  // same value, one byte longer
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(longer)), Status::auth_failed);
  Bytes shorter(sig.begin() + 1, sig.end());
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(shorter)), Status::auth_failed);
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(m_n)), Status::auth_failed);  // s = n
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg), bv(sig)), Status::invalid_argument);
  // Wrong hash algorithm with a right-sized digest.
  const Bytes dg384 = digest_of(HashAlg::sha384, from_hex("00"));
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha384, bv(dg384), bv(sig)), Status::auth_failed);
  // Output buffer too small.
  Bytes tiny(m_key.size() - 1);
  EXPECT_EQ(rsa_pkcs1_sign(MutableBytes(tiny.data(), tiny.size()), m_key, HashAlg::sha256,
                           bv(dg), rng),
            Status::buffer_too_small);
}

// The verifier compares the whole block: signatures over blocks that a lenient parser would
// accept (DigestInfo without NULL, trailing garbage, short padding) must fail.
TEST_F(RsaNegative, VerifyRejectsNearMissEncodings) {
  const size_t k = m_key.size();
  const Bytes dg = digest_of(HashAlg::sha1, from_hex("616263"));
  const Bytes prefix = from_hex("3021300906052b0e03021a05000414");
  const Bytes prefix_nonull = from_hex("301f300706052b0e03021a0414");
  SplitMixRng rng(10);
  auto sign_block = [&](const Bytes& em) {
    Bytes s(k);
    EXPECT_EQ(m_key.raw(MutableBytes(s.data(), s.size()), bv(em), rng), Status::ok);
    return s;
  };
  auto block = [&](const Bytes& t, size_t ff_len, uint8_t bt) {
    Bytes em;
    em.push_back(0x00);
    em.push_back(bt);
    em.insert(em.end(), ff_len, 0xff);
    em.push_back(0x00);
    em.insert(em.end(), t.begin(), t.end());
    em.resize(k, 0x00);
    return em;
  };
  Bytes t = prefix;
  t.insert(t.end(), dg.begin(), dg.end());
  const RsaPublicKey& pub = m_key.public_key();
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg), bv(sign_block(block(t, k - 3 - t.size(),
                                                                            1)))),
            Status::ok);
  // digest moved left, garbage at the end
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg),
                             bv(sign_block(block(t, k - 3 - t.size() - 4, 1)))),
            Status::auth_failed);
  // block type 2
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg),
                             bv(sign_block(block(t, k - 3 - t.size(), 2)))),
            Status::auth_failed);
  // DigestInfo without the NULL parameters
  Bytes t2 = prefix_nonull;
  t2.insert(t2.end(), dg.begin(), dg.end());
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg),
                             bv(sign_block(block(t2, k - 3 - t2.size(), 1)))),
            Status::auth_failed);
}

TEST_F(RsaNegative, Md5Sha1SignatureForm) {
  SplitMixRng rng(11);
  Bytes digest36(36);
  for (size_t i = 0; i < 36; i++) {
    digest36[i] = static_cast<uint8_t>(i * 7 + 1);
  }
  Bytes sig(m_key.size());
  ASSERT_EQ(rsa_pkcs1_sign_md5sha1(MutableBytes(sig.data(), sig.size()), m_key, bv(digest36), rng),
            Status::ok);
  EXPECT_EQ(rsa_pkcs1_verify_md5sha1(m_key.public_key(), bv(digest36), bv(sig)), Status::ok);
  // The recovered block is 00 01 FF.. 00 || the 36 bytes, with no DigestInfo.
  Bytes em(m_key.size());
  ASSERT_EQ(m_key.public_key().raw(MutableBytes(em.data(), em.size()), bv(sig)), Status::ok);
  Bytes want(m_key.size(), 0xff);
  want[0] = 0x00;
  want[1] = 0x01;
  want[m_key.size() - 37] = 0x00;
  std::memcpy(want.data() + m_key.size() - 36, digest36.data(), 36);
  EXPECT_EQ(to_hex(em), to_hex(want));
  digest36[35] ^= 1;
  EXPECT_EQ(rsa_pkcs1_verify_md5sha1(m_key.public_key(), bv(digest36), bv(sig)),
            Status::auth_failed);
  EXPECT_EQ(rsa_pkcs1_verify_md5sha1(m_key.public_key(), bv(Bytes(35)), bv(sig)),
            Status::invalid_argument);
}

// Every kind of bad PKCS#1 v1.5 encryption padding gives the same status and no output.
TEST_F(RsaNegative, EveryBadV15PaddingSameStatus) {
  const size_t k = m_key.size();
  SplitMixRng rng(12);
  auto good_block = [&](size_t msg_len) {
    Bytes em(k);
    em[0] = 0x00;
    em[1] = 0x02;
    for (size_t i = 2; i < k - msg_len - 1; i++) {
      em[i] = static_cast<uint8_t>(0x11 + i % 200);
    }
    em[k - msg_len - 1] = 0x00;
    for (size_t i = k - msg_len; i < k; i++) {
      em[i] = 0x5a;
    }
    return em;
  };
  Bytes out(k);
  size_t out_len = 99;
  // Valid baselines: a 16-byte message, the longest (k-11) and an empty message.
  for (size_t len : {size_t{16}, k - 11, size_t{0}}) {
    ASSERT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key,
                                bv(raw_encrypt(good_block(len))), rng),
              Status::ok)
        << len;
    EXPECT_EQ(out_len, len);
  }
  std::vector<std::pair<std::string, Bytes>> bad;
  {
    Bytes em = good_block(16);
    em[0] = 0x01;
    bad.emplace_back("first byte not zero", em);
  }
  {
    Bytes em = good_block(16);
    em[1] = 0x01;
    bad.emplace_back("block type 1", em);
  }
  {
    Bytes em = good_block(16);
    em[1] = 0x00;
    bad.emplace_back("block type 0", em);
  }
  {
    Bytes em = good_block(16);
    em[k - 17] = 0x01;  // no zero separator anywhere
    bad.emplace_back("no separator", em);
  }
  for (size_t ps = 0; ps < 8; ps++) {
    Bytes em = good_block(16);
    em[2 + ps] = 0x00;
    bad.emplace_back("PS of " + std::to_string(ps) + " bytes", em);
  }
  for (const auto& b : bad) {
    out_len = 99;
    std::memset(out.data(), 0xee, out.size());
    EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key,
                                bv(raw_encrypt(b.second)), rng),
              Status::bad_padding)
        << b.first;
    EXPECT_EQ(out_len, 0u) << b.first;
    EXPECT_EQ(out[0], 0u) << b.first << ": output not wiped";
  }
  std::printf("[ negative ] %zu kinds of bad v1.5 padding\n", bad.size());
  // Public problems are reported as such.
  EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key,
                              bv(Bytes(k - 1, 1)), rng),
            Status::invalid_argument);
  EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key, bv(m_n), rng),
            Status::invalid_argument);
  EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), k - 12), &out_len, m_key,
                              bv(raw_encrypt(good_block(16))), rng),
            Status::buffer_too_small);
}

TEST_F(RsaNegative, TlsPremasterImplicitRejection) {
  const size_t k = m_key.size();
  Bytes pms(48);
  pms[0] = 0x03;
  pms[1] = 0x03;
  for (size_t i = 2; i < 48; i++) {
    pms[i] = static_cast<uint8_t>(i);
  }
  SplitMixRng enc_rng(13);
  Bytes ct(k);
  ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), m_key.public_key(), bv(pms),
                              enc_rng),
            Status::ok);
  Bytes out(48);
  SplitMixRng rng(14);
  ASSERT_EQ(rsa_pkcs1_decrypt_tls_premaster(MutableBytes(out.data(), 48), m_key, bv(ct), 0x0303,
                                            rng),
            Status::ok);
  EXPECT_EQ(to_hex(out), to_hex(pms));
  // Wrong version, wrong length, bad padding: ok status, and the 48 random bytes drawn first.
  std::vector<Bytes> bad_cts;
  {
    Bytes v = pms;
    v[1] = 0x01;
    ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), m_key.public_key(), bv(v),
                                enc_rng),
              Status::ok);
    bad_cts.push_back(ct);
    Bytes v47(pms.begin(), pms.begin() + 47);
    ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), m_key.public_key(), bv(v47),
                                enc_rng),
              Status::ok);
    bad_cts.push_back(ct);
    Bytes em(k, 0x33);
    em[0] = 0x00;
    em[1] = 0x01;  // wrong block type
    em[k - 49] = 0x00;
    bad_cts.push_back(raw_encrypt(em));
  }
  for (size_t i = 0; i < bad_cts.size(); i++) {
    SplitMixRng r1(100 + i), r2(100 + i);
    Bytes expect(48);
    ASSERT_EQ(r2.generate(MutableBytes(expect.data(), 48)), Status::ok);
    ASSERT_EQ(rsa_pkcs1_decrypt_tls_premaster(MutableBytes(out.data(), 48), m_key,
                                              bv(bad_cts[i]), 0x0303, r1),
              Status::ok)
        << i;
    EXPECT_EQ(to_hex(out), to_hex(expect)) << i;
  }
}

// A fault injected into the CRT result is caught by the verify-after-sign check.
int g_faults = 0;
void flip_bit(uint8_t* data, size_t len) {
  if (len > 3) {
    data[3] ^= 0x10;
    g_faults++;
  }
}

TEST_F(RsaNegative, CrtFaultIsCaught) {
  SplitMixRng rng(15);
  const Bytes dg = digest_of(HashAlg::sha256, from_hex("0102"));
  Bytes sig(m_key.size(), 0xcc);
  rsa_set_fault_hook_for_testing(flip_bit);
  const Status st = rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key, HashAlg::sha256,
                                   bv(dg), rng);
  rsa_set_fault_hook_for_testing(nullptr);
  EXPECT_EQ(g_faults, 1);
  EXPECT_EQ(st, Status::internal_error);
  EXPECT_EQ(sig, Bytes(m_key.size(), 0)) << "faulty output not wiped";
  // Without the hook the same call succeeds.
  EXPECT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key, HashAlg::sha256, bv(dg),
                           rng),
            Status::ok);
}

TEST_F(RsaNegative, RngFailurePropagates) {
  petrel_test::FailingRng bad;
  const Bytes dg = digest_of(HashAlg::sha256, from_hex("0102"));
  Bytes sig(m_key.size());
  EXPECT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key, HashAlg::sha256, bv(dg),
                           bad),
            Status::rng_failure);
  EXPECT_EQ(rsa_pkcs1_encrypt(MutableBytes(sig.data(), sig.size()), m_key.public_key(),
                              bv(from_hex("00")), bad),
            Status::rng_failure);
}

TEST_F(RsaNegative, SetFromNedMatchesCrt) {
  auto& k = m_labs.key;
  RsaPrivateKey key;
  ASSERT_EQ(key.set_from_ned(bv(k.fields["Modulus"]), bv(k.fields["Public exponent"]),
                             bv(k.fields["Exponent"])),
            Status::ok);
  uint8_t a[512], b[512];
  size_t la = 0, lb = 0;
  for (RsaPart part : {RsaPart::p, RsaPart::q, RsaPart::dp, RsaPart::dq, RsaPart::qinv}) {
    ASSERT_EQ(key.export_part(part, MutableBytes(a, sizeof(a)), &la), Status::ok);
    ASSERT_EQ(m_key.export_part(part, MutableBytes(b, sizeof(b)), &lb), Status::ok);
    EXPECT_EQ(to_hex(a, la), to_hex(b, lb)) << static_cast<int>(part);
  }
  // A wrong d cannot be factored.
  Bytes badd = k.fields["Exponent"];
  badd.back() ^= 4;
  EXPECT_NE(key.set_from_ned(bv(k.fields["Modulus"]), bv(k.fields["Public exponent"]), bv(badd)),
            Status::ok);
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
