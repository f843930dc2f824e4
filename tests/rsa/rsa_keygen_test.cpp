// Tests of crypto/rsa key generation (the relations between the generated parts, checked with
// crypto/bignum) and round trips of every scheme on generated keys. Part of the rsa_test program.
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

}  // namespace
}  // namespace petrel
