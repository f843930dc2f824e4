// Tests of crypto/bignum. The reference values are independent of Petrel: the RSA Laboratories
// PKCS#1 keys (n, e, d, p, q, dp, dq, qinv published together), mathematical identities that
// tie different algorithms together (Montgomery product vs schoolbook product plus bit-serial
// division, Fermat's little theorem on published primes, q * qinv = 1 mod p), and known primes,
// Carmichael numbers and strong pseudoprimes for Miller-Rabin. The modular inverse and
// Miller-Rabin tests are in bignum_number_theory_test.cpp; the helpers both use in
// bignum_test_util.h.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "tests/common/bn_kernels.h"
#include "tests/bignum/bignum_test_util.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"
#include "tests/rsa/test_rng.h"

namespace petrel {
namespace {

// The build says which multiply loop this target must get (tests/bignum/tests.cmake, from the
// toolchain's processor and pointer size, not from the library's own #if): a target that
// silently fell back to another loop, or a name that no longer tells the limb width, fails.
// The per-kernel reruns (bignum.kernel.<k>) select another kernel by PETREL_TEST_BN_IMPL
// (tests/common/bn_impl_env.cc): there the kernel in use must be the one named, and the default
// (the first available row of the table) must still be the expected one.
TEST(Bignum, ReportsLimbImplementation) {
  const char* chosen = std::getenv("PETREL_TEST_BN_IMPL");
  const bool rerun = chosen != nullptr && chosen[0] != '\0';
  std::printf("[ bignum   ] limb %zu bits, mul_add %s (expected for %s: %s%s%s)\n", bn::kLimbBits,
              bn::mul_add_impl_name(), PETREL_TEST_PROCESSOR, PETREL_EXPECT_MUL_ADD,
              rerun ? " by default, selected: " : "", rerun ? chosen : "");
  EXPECT_STREQ(bn::mul_add_impl_name(), rerun ? chosen : PETREL_EXPECT_MUL_ADD);
  bn::BnKernel avail[16];
  ASSERT_GE(bn::kernels_available(avail, 16), 1u);
  EXPECT_STREQ(bn::kernel_name(avail[0]), PETREL_EXPECT_MUL_ADD);
  EXPECT_EQ(bn::kLimbBits, static_cast<size_t>(PETREL_EXPECT_LIMB_BITS));
  // The limb type really has that width: a carry out of the top bit of one limb.
  bn::Limb acc[2] = {0, 0};
  const bn::Limb a[1] = {~static_cast<bn::Limb>(0)};
  EXPECT_EQ(bn::mul_add_limbs(acc, a, 1, 2), static_cast<bn::Limb>(1));
  EXPECT_EQ(acc[0], static_cast<bn::Limb>(~static_cast<bn::Limb>(0) - 1));
}

// The kernel table: every listed kernel has a name that looks it up, the old names still work,
// the default is available, a kernel of the other limb width is a stub that says so.
TEST(BnKernel, Table) {
  bn::BnKernel listed[16];
  const size_t nl = bn::kernels_listed(listed, 16);
  ASSERT_GE(nl, 2u);
  ASSERT_LE(nl, 16u);
  EXPECT_EQ(bn::kernels_listed(nullptr, 0), nl);
  size_t avail = 0;
  for (size_t i = 0; i < nl; i++) {
    const bn::BnKernel k = listed[i];
    const std::string name = bn::kernel_name(k);
    bn::BnKernel back{};
    const Status s = bn::kernel_from_name(&back, name.c_str());
    std::printf("[ bignum   ] kernel %s: %s, %s\n", name.c_str(),
                bn::kernel_available(k) ? "available" : "not available",
                bn::kernel_is_constant_time(k) ? "constant-time" : "not constant-time");
    if (bn::kernel_available(k)) {
      avail++;
      EXPECT_EQ(s, Status::ok) << name;
      EXPECT_EQ(back, k) << name;
    } else {
      EXPECT_EQ(s, Status::not_available) << name;
      EXPECT_EQ(bn::kernel_select(k), Status::not_available) << name;
    }
  }
  EXPECT_EQ(bn::kernels_available(nullptr, 0), avail);
  EXPECT_GE(avail, 1u);
  EXPECT_TRUE(bn::kernel_available(bn::kernel_active()));
  // The portable kernel of this build's width is there, the other one is a stub.
  const bn::BnKernel mine = bn::kLimbBits == 64 ? bn::BnKernel::c64 : bn::BnKernel::c32;
  const bn::BnKernel other = bn::kLimbBits == 64 ? bn::BnKernel::c32 : bn::BnKernel::c64;
  EXPECT_TRUE(bn::kernel_available(mine));
  EXPECT_FALSE(bn::kernel_available(other));
  // Old names (`portable-c32`, `portable-c64`) are accepted, never reported.
  bn::BnKernel k{};
  EXPECT_EQ(bn::kernel_from_name(&k, bn::kLimbBits == 64 ? "portable-c64" : "portable-c32"),
            Status::ok);
  EXPECT_EQ(k, mine);
  EXPECT_EQ(bn::kernel_from_name(&k, "no-such-kernel"), Status::unsupported);
  EXPECT_EQ(bn::kernel_from_name(nullptr, "c32"), Status::invalid_argument);
  EXPECT_EQ(bn::kernel_from_name(&k, nullptr), Status::invalid_argument);
  EXPECT_EQ(bn::kernel_select(static_cast<bn::BnKernel>(200)), Status::invalid_argument);
  EXPECT_STREQ(bn::kernel_name(static_cast<bn::BnKernel>(200)), "unknown");
}

// Every kernel through the dispatching entry points, on the values of MulAddKnownValues scaled
// to the limb width: (2^w-1)^2 + (2^w-1) = 2^2w - 2^w (low limb 0, carry 2^w - 1).
TEST(BnKernel, KnownValuesEveryKernel) {
  for (bn::BnKernel kern : petrel_test::all_bn_kernels()) {
    petrel_test::BnKernelScope scope(kern);
    const Limb ones = ~static_cast<Limb>(0);
    Limb acc[1] = {ones};
    const Limb a[1] = {ones};
    EXPECT_EQ(bn::mul_add(acc, a, 1, ones), ones) << bn::kernel_name(kern);
    EXPECT_EQ(acc[0], 0u);
    Limb acc2[3] = {1, 2, 3};
    const Limb a2[3] = {0x10, 0x20, 0x30};
    EXPECT_EQ(bn::mul_add(acc2, a2, 3, 2u), 0u);
    EXPECT_EQ(acc2[0], 0x21u);
    EXPECT_EQ(acc2[1], 0x42u);
    EXPECT_EQ(acc2[2], 0x63u);
    // mont_step with m = 2^w - 1 (m0inv = 1: -m^-1 = 1 mod 2^w), t = 0, a = 1, b = 1, top = 0:
    // q = 1, (1 + m) / 2^w = 1.
    Limb t[1] = {0};
    const Limb one[1] = {1};
    const Limb m[1] = {ones};
    EXPECT_EQ(bn::mont_step(t, one, 1, m, 1, 1, 0), 0u) << bn::kernel_name(kern);
    EXPECT_EQ(t[0], 1u) << bn::kernel_name(kern);
  }
}

#if defined(__SIZEOF_INT128__)
// The 32-bit and 64-bit multiply-accumulate loops must agree when the 64-bit multiplier fits in
// 32 bits (a 64-bit limb array is a 32-bit one read in pairs).
TEST(Bignum, MulAdd32Matches64) {
  SplitMixRng rng(1);
  for (size_t n = 1; n < 20; n++) {
    std::vector<uint64_t> a64(n), acc64(n);
    for (size_t i = 0; i < n; i++) {
      a64[i] = rng.next();
      acc64[i] = rng.next();
    }
    const uint32_t b = static_cast<uint32_t>(rng.next()) | 1u;
    std::vector<uint32_t> a32(2 * n), acc32(2 * n);
    for (size_t i = 0; i < n; i++) {
      a32[2 * i] = static_cast<uint32_t>(a64[i]);
      a32[2 * i + 1] = static_cast<uint32_t>(a64[i] >> 32);
      acc32[2 * i] = static_cast<uint32_t>(acc64[i]);
      acc32[2 * i + 1] = static_cast<uint32_t>(acc64[i] >> 32);
    }
    const uint64_t c64 = bn::mul_add_limbs(acc64.data(), a64.data(), n, static_cast<uint64_t>(b));
    const uint32_t c32 = bn::mul_add_limbs(acc32.data(), a32.data(), 2 * n, b);
    EXPECT_EQ(c64, static_cast<uint64_t>(c32));
    for (size_t i = 0; i < n; i++) {
      EXPECT_EQ(acc64[i], (static_cast<uint64_t>(acc32[2 * i + 1]) << 32) | acc32[2 * i]);
    }
  }
}
#endif

TEST(Bignum, MulAddKnownValues) {
  // (2^32-1) * (2^32-1) + (2^32-1) + 0 = 2^64 - 2^32: low word 0, carry 2^32-1.
  uint32_t acc[1] = {0xffffffffu};
  const uint32_t a[1] = {0xffffffffu};
  EXPECT_EQ(bn::mul_add_limbs(acc, a, 1, 0xffffffffu), 0xffffffffu);
  EXPECT_EQ(acc[0], 0u);
  uint32_t acc2[3] = {1, 2, 3};
  const uint32_t a2[3] = {0x10, 0x20, 0x30};
  EXPECT_EQ(bn::mul_add_limbs(acc2, a2, 3, 2u), 0u);
  EXPECT_EQ(acc2[0], 0x21u);
  EXPECT_EQ(acc2[1], 0x42u);
  EXPECT_EQ(acc2[2], 0x63u);
}

TEST(Bignum, BytesRoundTripAndRange) {
  const std::vector<uint8_t> v = from_hex("00000102030405060708090a0b0c0d0e0f10");
  Num x(bn::limbs_for_bytes(16));
  ASSERT_EQ(bn::from_bytes(x.data(), x.size(), ByteView(v.data(), v.size())), Status::ok);
  std::vector<uint8_t> out(20);
  ASSERT_EQ(bn::to_bytes(MutableBytes(out.data(), out.size()), x.data(), x.size()), Status::ok);
  EXPECT_EQ(petrel_test::to_hex(out), "000000000102030405060708090a0b0c0d0e0f10");
  std::vector<uint8_t> small(15);
  EXPECT_EQ(bn::to_bytes(MutableBytes(small.data(), small.size()), x.data(), x.size()),
            Status::buffer_too_small);
  std::vector<uint8_t> exact(16);
  EXPECT_EQ(bn::to_bytes(MutableBytes(exact.data(), exact.size()), x.data(), x.size()),
            Status::ok);
  // 17 significant bytes do not fit in 16 bytes' worth of limbs.
  const std::vector<uint8_t> big = from_hex("0100000000000000000000000000000000");
  Num y(bn::limbs_for_bytes(16));
  EXPECT_EQ(bn::from_bytes(y.data(), y.size(), ByteView(big.data(), big.size())),
            Status::invalid_argument);
}

TEST(Bignum, AddSubCompare) {
  SplitMixRng rng(2);
  for (size_t n = 1; n < 12; n++) {
    for (int k = 0; k < 20; k++) {
      const Num a = random_num(rng, n);
      const Num b = random_num(rng, n);
      Num s(n), d(n);
      const Limb c = bn::add(s.data(), a.data(), b.data(), n);
      const Limb br = bn::sub(d.data(), s.data(), b.data(), n);
      EXPECT_EQ(d, a);
      EXPECT_EQ(c, br);  // the carry out of a + b is the borrow of (a + b mod R) - b
      const Limb lt = bn::lt_mask(a.data(), b.data(), n);
      Num t(n);
      const Limb borrow = bn::sub(t.data(), a.data(), b.data(), n);
      EXPECT_EQ(lt, borrow ? ~static_cast<Limb>(0) : 0);
      EXPECT_EQ(bn::lt_mask(a.data(), a.data(), n), 0u);
      EXPECT_EQ(bn::eq_mask(a.data(), a.data(), n), ~static_cast<Limb>(0));
      Num a2 = a;
      EXPECT_EQ(bn::cond_sub(0, a2.data(), b.data(), n), 0u);
      EXPECT_EQ(a2, a);
      Num a3 = a;
      bn::cond_swap(~static_cast<Limb>(0), a3.data(), t.data(), n);
      EXPECT_EQ(t, a);
    }
  }
}

TEST(Bignum, DivisionIdentity) {
  SplitMixRng rng(3);
  for (size_t nx = 1; nx < 10; nx++) {
    for (size_t nd = 1; nd <= nx + 1; nd++) {
      Num x = random_num(rng, nx);
      Num d = random_num(rng, nd);
      d[nd - 1] >>= (rng.next() % bn::kLimbBits);  // varied divisor lengths
      if (bn::is_zero_mask(d.data(), nd) != 0) {
        d[0] = 3;
      }
      Num q(nx), r(nd);
      bn::div_ct(q.data(), r.data(), x.data(), nx, d.data(), nd);
      EXPECT_NE(bn::lt_mask(r.data(), d.data(), nd), 0u) << "remainder not below divisor";
      Num prod(nx + nd);
      bn::mul(prod.data(), q.data(), nx, d.data(), nd);
      Num rr = resized(r, nx + nd);
      Num sum(nx + nd);
      (void)bn::add(sum.data(), prod.data(), rr.data(), nx + nd);
      EXPECT_TRUE(equal(sum, x)) << "q*d + r != x for nx=" << nx << " nd=" << nd;
    }
  }
}

TEST(Bignum, RsaLabsKeyRelations) {
  // Every kernel runs every key (the fields are read once; the test is repeated per kernel).
  size_t cases = 0;
  for (auto& ex : labs_keys()) {
    auto& k = ex.key;
    const Num n = num(k.take("Modulus"));
    const Num e = num(k.take("Public exponent"));
    const Num d = num(k.take("Exponent"));
    const Num p = num(k.take("Prime 1"));
    const Num q = num(k.take("Prime 2"));
    const Num dp = num(k.take("Prime exponent 1"));
    const Num dq = num(k.take("Prime exponent 2"));
    const Num qinv = num(k.take("Coefficient"));
    k.check_all_taken();
    for (bn::BnKernel kern : petrel_test::all_bn_kernels()) {
      petrel_test::BnKernelScope scope(kern);
      SCOPED_TRACE(bn::kernel_name(kern));
      // n = p * q.
      Num pq(p.size() + q.size());
      bn::mul(pq.data(), p.data(), p.size(), q.data(), q.size());
      EXPECT_TRUE(equal(pq, n)) << k.name;
      // dp = d mod (p-1), dq = d mod (q-1).
      Num pm1 = p, qm1 = q;
      (void)bn::sub_word(pm1.data(), pm1.size(), 1);
      (void)bn::sub_word(qm1.data(), qm1.size(), 1);
      EXPECT_TRUE(equal(mod_div(d, pm1), dp)) << k.name;
      EXPECT_TRUE(equal(mod_div(d, qm1), dq)) << k.name;
      // qinv = q^-1 mod p by the binary extended GCD.
      const size_t np = p.size();
      Num qmodp = mod_div(q, p);
      Num inv(np), g(np);
      EXPECT_NE(bn::mod_inv_odd(inv.data(), g.data(), qmodp.data(), p.data(), np), 0u) << k.name;
      EXPECT_TRUE(equal(inv, qinv)) << k.name;
      // Montgomery: q * qinv = 1 mod p; and reduce() agrees with the division.
      bn::Modulus mp;
      ASSERT_EQ(mp.set(p.data(), p.size()), Status::ok);
      Num t(mp.n), u(mp.n);
      Num qinv_r = resized(qinv, mp.n);
      bn::reduce(t.data(), q.data(), q.size(), mp);
      EXPECT_TRUE(equal(t, qmodp)) << k.name;
      bn::to_mont(u.data(), t.data(), mp);
      bn::mont_mul(u.data(), u.data(), qinv_r.data(), mp);
      Num one(mp.n);
      bn::set_word(one.data(), mp.n, 1);
      EXPECT_TRUE(equal(u, one)) << k.name;
      // Fermat: a^(p-1) = 1 and a^p = a (mod p), constant-time and public exponentiation.
      SplitMixRng rng(cases + 10);
      Num a = mod_div(random_num(rng, mp.n), p);
      Num pm1r = resized(pm1, mp.n);
      ASSERT_EQ(bn::modexp_ct(t.data(), a.data(), pm1r.data(), mp.n, mp), Status::ok);
      EXPECT_TRUE(equal(t, one)) << k.name;
      Num pr = resized(p, mp.n);
      ASSERT_EQ(bn::modexp_ct(t.data(), a.data(), pr.data(), mp.n, mp), Status::ok);
      EXPECT_TRUE(equal(t, a)) << k.name;
      bn::modexp_public(t.data(), a.data(), pm1r.data(), mp.n, mp);
      EXPECT_TRUE(equal(t, one)) << k.name;
      // RSA round trip: (m^e)^d = m mod n, and the CRT halves agree.
      bn::Modulus mn;
      ASSERT_EQ(mn.set(n.data(), n.size()), Status::ok);
      Num m = mod_div(random_num(rng, mn.n), n);
      Num c(mn.n), m2(mn.n);
      bn::modexp_public(c.data(), m.data(), e.data(), e.size(), mn);
      Num dr = resized(d, mn.n);
      ASSERT_EQ(bn::modexp_ct(m2.data(), c.data(), dr.data(), mn.n, mn), Status::ok);
      EXPECT_TRUE(equal(m2, m)) << k.name;
      Num cp(mp.n), mpp(mp.n);
      bn::reduce(cp.data(), c.data(), mn.n, mp);
      Num dpr = resized(dp, mp.n);
      ASSERT_EQ(bn::modexp_ct(mpp.data(), cp.data(), dpr.data(), mp.n, mp), Status::ok);
      EXPECT_TRUE(equal(mpp, mod_div(m, p))) << k.name;
      cases++;
    }
  }
  petrel_test::report_cases("RSA Labs key relations (pkcs1v15crypt-vectors.txt), every kernel",
                            cases);
}

TEST(Bignum, MontgomeryMatchesSchoolbook) {
  // Random odd moduli of 1 to 9 limbs with varied top-limb lengths.
  SplitMixRng rng(4);
  size_t cases = 0;
  for (size_t n = 1; n <= 9; n++) {
    for (int k = 0; k < 10; k++) {
      Num m = random_num(rng, n);
      m[n - 1] >>= (rng.next() % (bn::kLimbBits - 1));
      m[0] |= 1;
      if (bn::bit_length_vartime(m.data(), n) < 2) {
        m[0] = 0x1d;
      }
      bn::Modulus mod;
      ASSERT_EQ(mod.set(m.data(), n), Status::ok);
      const size_t nl = mod.n;
      Num mr = resized(m, nl);
      Num a = mod_div(random_num(rng, nl), mr);
      Num b = mod_div(random_num(rng, nl), mr);
      // schoolbook: a * b mod m
      Num prod(2 * nl);
      bn::mul(prod.data(), a.data(), nl, b.data(), nl);
      const Num expect = mod_div(prod, mr);
      Num am(nl), bm(nl), r(nl);
      bn::to_mont(am.data(), a.data(), mod);
      bn::to_mont(bm.data(), b.data(), mod);
      bn::mont_mul(r.data(), am.data(), bm.data(), mod);
      bn::from_mont(r.data(), r.data(), mod);
      EXPECT_TRUE(equal(r, expect)) << "n=" << n << " m=" << hex_of(mr);
      // reduce() of a long random value agrees with the division.
      for (size_t nx = 1; nx < 3 * nl + 2; nx++) {
        Num x = random_num(rng, nx);
        Num rx(nl);
        bn::reduce(rx.data(), x.data(), nx, mod);
        EXPECT_TRUE(equal(rx, mod_div(x, mr))) << "reduce nx=" << nx;
      }
      // modexp_ct agrees with modexp_public.
      Num e = random_num(rng, nl);
      Num r1(nl), r2(nl);
      ASSERT_EQ(bn::modexp_ct(r1.data(), a.data(), e.data(), nl, mod), Status::ok);
      bn::modexp_public(r2.data(), a.data(), e.data(), nl, mod);
      EXPECT_EQ(r1, r2);
      cases++;
    }
  }
  petrel_test::report_cases("Montgomery vs schoolbook", cases);
}

}  // namespace
}  // namespace petrel
