// Number-theory tests of crypto/bignum: modular inverses (against Fermat's little theorem on a
// Mersenne prime, Euclid's gcd, q * qinv = 1 mod p of the RSA Laboratories keys) and
// Miller-Rabin (known primes, Carmichael numbers, strong pseudoprimes, the published RSA primes).
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "tests/bignum/bignum_test_util.h"
#include "tests/common/bn_kernels.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"
#include "tests/rsa/test_rng.h"

namespace petrel {
namespace {

TEST(Bignum, ModularInverse) {
  SplitMixRng rng(5);
  const Num p = num_hex(  // the 2^127 - 1 Mersenne prime
      "7fffffffffffffffffffffffffffffff");
  for (int k = 0; k < 50; k++) {
    Num x = mod_div(random_num(rng, p.size()), p);
    if (bn::is_zero_mask(x.data(), x.size()) != 0) {
      continue;
    }
    Num inv(p.size());
    ASSERT_NE(bn::mod_inv_odd(inv.data(), nullptr, x.data(), p.data(), p.size()), 0u);
    Num prod(2 * p.size());
    bn::mul(prod.data(), x.data(), p.size(), inv.data(), p.size());
    Num one(p.size());
    bn::set_word(one.data(), p.size(), 1);
    EXPECT_TRUE(equal(mod_div(prod, p), one));
  }
  // Not invertible: gcd(6, 15) = 3.
  Num m15(1), x6(1), inv(1), g(1);
  m15[0] = 15;
  x6[0] = 6;
  EXPECT_EQ(bn::mod_inv_odd(inv.data(), g.data(), x6.data(), m15.data(), 1), 0u);
  EXPECT_EQ(g[0], 3u);
  // gcd(0, m) = m.
  Num zero(1);
  EXPECT_EQ(bn::mod_inv_odd(inv.data(), g.data(), zero.data(), m15.data(), 1), 0u);
  EXPECT_EQ(g[0], 15u);
}

// gcd by Euclid's algorithm over the bit-serial division (an independent route to the value).
Num euclid_gcd(Num a, Num b) {
  while (bn::is_zero_mask(b.data(), b.size()) == 0) {
    Num r = mod_div(a, b);
    a = b;
    b = r;
  }
  return a;
}

// The inverse over many lengths and shapes of odd modulus (Pornin's binary GCD works on 64-bit
// approximations of the top bits, so moduli with short and full top limbs, x at the edges, and
// x sharing a factor with m are all exercised): when the result says invertible, x * out = 1
// (mod m) through the schoolbook product and the division; the gcd divides x and m and, for the
// short lengths, equals Euclid's.
TEST(Bignum, ModularInverseShapes) {
  SplitMixRng rng(51);
  size_t cases = 0;
  const size_t lens[] = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 32, 33, 64};
  for (size_t n : lens) {
    for (int k = 0; k < 12; k++) {
      Num m = random_num(rng, n);
      if (k % 4 == 1) {
        m[n - 1] >>= (rng.next() % bn::kLimbBits);  // a short top limb
      } else if (k % 4 == 2) {
        m[n - 1] |= static_cast<Limb>(1) << (bn::kLimbBits - 1);
      } else if (k % 4 == 3) {
        for (auto& l : m) {
          l = ~static_cast<Limb>(0);  // 2^(n w) - 1
        }
      }
      m[0] |= 1;
      if (bn::eq_word_mask(m.data(), n, 1) != 0) {
        m[0] = 3;
      }
      std::vector<Num> xs;
      xs.push_back(mod_div(random_num(rng, n), m));
      xs.push_back(mod_div(random_num(rng, n), m));
      Num x1(n);
      bn::set_word(x1.data(), n, 1);
      xs.push_back(x1);
      Num xm1 = m;
      xm1[0] -= 1;  // m - 1 (m is odd)
      xs.push_back(xm1);
      Num x2k(n);
      x2k[(n - 1) / 2] = static_cast<Limb>(1) << (rng.next() % bn::kLimbBits);
      xs.push_back(mod_div(x2k, m));
      // x sharing the factor 3 with m when 3 | m: x = 3 * y mod m.
      Num x3 = mod_div(random_num(rng, n), m);
      Num x3t(n + 1);
      x3t[n] = bn::mul_add(x3t.data(), x3.data(), n, 3);
      xs.push_back(mod_div(x3t, m));
      for (const Num& x : xs) {
        Num inv(n), g(n);
        const Limb ok = bn::mod_inv_odd(inv.data(), g.data(), x.data(), m.data(), n);
        Num one(n);
        bn::set_word(one.data(), n, 1);
        EXPECT_EQ(ok != 0, equal(g, one)) << "n=" << n << " k=" << k;
        EXPECT_TRUE(bn::is_zero_mask(g.data(), n) == 0) << "n=" << n;
        if (bn::is_zero_mask(g.data(), n) != 0) {
          continue;
        }
        EXPECT_TRUE(bn::is_zero_mask(mod_div(m, g).data(), n) != 0) << "gcd divides m, n=" << n;
        EXPECT_TRUE(bn::is_zero_mask(mod_div(x, g).data(), n) != 0) << "gcd divides x, n=" << n;
        if (n <= 4) {
          EXPECT_TRUE(equal(g, euclid_gcd(m, x))) << "n=" << n << " k=" << k;
        }
        if (ok != 0) {
          Num prod(2 * n);
          bn::mul(prod.data(), x.data(), n, inv.data(), n);
          EXPECT_TRUE(equal(mod_div(prod, m), one)) << "n=" << n << " k=" << k;
        }
        cases++;
      }
    }
  }
  petrel_test::report_cases("modular inverse shapes", cases);
}

bool mr(const Num& w, size_t rounds = 20, uint64_t seed = 7) {
  SplitMixRng rng(seed);
  bool prime = false;
  EXPECT_EQ(bn::miller_rabin(&prime, w.data(), w.size(), rounds, rng), Status::ok);
  return prime;
}

Num from_u64(uint64_t v) {
  std::vector<uint8_t> b(8);
  for (int i = 0; i < 8; i++) {
    b[7 - i] = static_cast<uint8_t>(v >> (8 * i));
  }
  return num(b);
}

TEST(Bignum, MillerRabinKnownPrimesAndComposites) {
  size_t cases = 0;
  // Primes: small, Mersenne M61, M89, M127, and the published RSA Labs primes.
  for (uint64_t p : {5ull, 7ull, 7919ull, 104729ull, 2305843009213693951ull}) {
    EXPECT_TRUE(mr(from_u64(p))) << p;
    cases++;
  }
  EXPECT_TRUE(mr(num_hex("01ffffffffffffffffffffff")));              // 2^89 - 1
  EXPECT_TRUE(mr(num_hex("7fffffffffffffffffffffffffffffff")));      // 2^127 - 1
  cases += 2;
  // Carmichael numbers, strong pseudoprimes to base 2 (2047, 3277, 4033, 4681, 8321), to bases
  // 2,3,5,7 (3215031751), to all prime bases up to 37 below 2^64 (318665857834031151167461
  // is beyond; 3825123056546413051 is a strong pseudoprime to bases 2..23), and 2^67 - 1.
  for (uint64_t c : {9ull, 15ull, 561ull, 1105ull, 1729ull, 2465ull, 2821ull, 6601ull, 8911ull,
                     2047ull, 3277ull, 4033ull, 4681ull, 8321ull, 3215031751ull,
                     3825123056546413051ull, 25326001ull}) {
    if (c == 0) {
      continue;
    }
    EXPECT_FALSE(mr(from_u64(c))) << c;
    cases++;
  }
  EXPECT_FALSE(mr(num_hex("07ffffffffffffffff")));  // 2^67 - 1 = 193707721 * 761838257287
  // 318665857834031151167461: strong pseudoprime to every prime base up to 37.
  EXPECT_FALSE(mr(num_hex("437ae92817f9fc85b7e5")));
  cases += 2;
  for (auto& ex : labs_keys()) {
    auto& k = ex.key;
    const Num p = num(k.take("Prime 1"));
    const Num q = num(k.take("Prime 2"));
    const Num n = num(k.take("Modulus"));
    k.skip();  // p, q and n only: the key's other fields are Bignum.RsaLabsKeyRelations'
    EXPECT_TRUE(mr(p, bn::miller_rabin_rounds(512))) << k.name;
    EXPECT_TRUE(mr(q, bn::miller_rabin_rounds(512))) << k.name;
    EXPECT_FALSE(mr(n, 2)) << k.name;
    EXPECT_NE(bn::trial_division_mask(p.data(), p.size()), 0u);
    Num p3(p.size() + 1);
    Num three(1);
    three[0] = 3;
    bn::mul(p3.data(), p.data(), p.size(), three.data(), 1);
    EXPECT_EQ(bn::trial_division_mask(p3.data(), p3.size()), 0u);
    cases += 3;
  }
  // Trial division catches every small factor, including 2039 (the largest below 2048).
  Num big = num_hex("7fffffffffffffffffffffffffffffff");
  for (Limb f : {3u, 5u, 7u, 11u, 2039u}) {
    Num prod(big.size() + 1);
    Num ff(1);
    ff[0] = f;
    bn::mul(prod.data(), big.data(), big.size(), ff.data(), 1);
    EXPECT_EQ(bn::trial_division_mask(prod.data(), prod.size()), 0u) << f;
  }
  EXPECT_NE(bn::trial_division_mask(big.data(), big.size()), 0u);
  petrel_test::report_cases("Miller-Rabin known primes and composites", cases);
}

TEST(Bignum, MillerRabinPropagatesRngFailure) {
  petrel_test::FailingRng bad;
  const Num p = num_hex("7fffffffffffffffffffffffffffffff");
  bool prime = true;
  EXPECT_EQ(bn::miller_rabin(&prime, p.data(), p.size(), 3, bad), Status::rng_failure);
}

TEST(Bignum, ModulusRejectsEvenAndTiny) {
  Num m(2);
  m[0] = 10;
  bn::Modulus mod;
  EXPECT_EQ(mod.set(m.data(), 2), Status::invalid_argument);
  m[0] = 1;
  EXPECT_EQ(mod.set(m.data(), 2), Status::invalid_argument);
  m[0] = 3;
  EXPECT_EQ(mod.set(m.data(), 2), Status::ok);
  EXPECT_EQ(mod.n, 1u);
  EXPECT_EQ(mod.bits, 2u);
}

}  // namespace
}  // namespace petrel
