// The multiply-accumulate kernels (crypto/bignum/mul_add.cpp, MulAddImpl): every variant the
// build has against the portable C++ on the same inputs (random limbs and the extreme ones),
// the assembly variants' calling convention (callee-saved registers, sp) through a patterned
// call harness (tests/bignum/call_harness_<arch>.S), and the name table. The published vectors
// (bignum and RSA) run once per kernel as separate CTest runs (tests/bignum/tests.cmake,
// tests/rsa/tests.cmake; tests/common/bn_impl_env.cc selects the kernel).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "crypto/bignum/bn_test_hooks.h"
#include "crypto/bignum/mul_add_impls.h"

namespace {

using petrel::Status;
namespace bn = petrel::bn;

struct Gen {
  uint64_t s;
  uint32_t next() {
    s += 0x9e3779b97f4a7c15ull;
    uint64_t z = s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return static_cast<uint32_t>(z ^ (z >> 31));
  }
  // Mostly random limbs, often the extremes (carries run the whole length on all-ones).
  uint32_t limb() {
    const uint32_t k = next() % 8;
    return k == 0 ? 0u : k == 1 ? 0xffffffffu : k == 2 ? 1u : k == 3 ? 0xfffffffeu : next();
  }
};

uint32_t neg_inv32(uint32_t m) {  // -m^-1 mod 2^32, m odd (Newton)
  uint32_t x = m;
  for (int i = 0; i < 5; i++) {
    x *= 2 - m * x;
  }
  return 0u - x;
}

struct Kernel {
  bn::MulAddImpl impl;
  uint32_t (*mul_add)(uint32_t*, const uint32_t*, size_t, uint32_t) noexcept;
  uint32_t (*mont_step)(uint32_t*, const uint32_t*, uint32_t, const uint32_t*, uint32_t, size_t,
                        uint32_t) noexcept;
};

// The assembly entry points this build has, by name (the table in mul_add.cpp is what is being
// tested, so these come from the declarations, not from it).
std::vector<Kernel> asm_kernels() {
  std::vector<Kernel> k;
#if PETREL_BN_HAVE_ARMV4
  k.push_back({bn::MulAddImpl::armv4, petrel_bn_mul_add_armv4, petrel_bn_mont_step_armv4});
#endif
#if PETREL_BN_HAVE_ARMV6
  k.push_back({bn::MulAddImpl::armv6, petrel_bn_mul_add_armv6, petrel_bn_mont_step_armv6});
#endif
#if PETREL_BN_HAVE_MIPS32R2
  k.push_back({bn::MulAddImpl::mips32r2, petrel_bn_mul_add_mips32r2,
               petrel_bn_mont_step_mips32r2});
#endif
  return k;
}

// Restores the kernel in use when a test that switches it ends.
struct KeepImpl {
  bn::MulAddImpl saved = bn::mul_add_impl();
  ~KeepImpl() { EXPECT_EQ(bn::bn_use_mul_add_impl_for_testing(saved), Status::ok); }
};

TEST(MulAddVariants, NameTable) {
  bn::MulAddImpl impls[8];
  const size_t n = bn::mul_add_impls_available(impls, 8);
  ASSERT_GE(n, 1u);
  EXPECT_EQ(impls[0], bn::MulAddImpl::portable);
  std::string list;
  for (size_t i = 0; i < n; i++) {
    bn::MulAddImpl back = bn::MulAddImpl::portable;
    EXPECT_EQ(bn::mul_add_impl_from_name(&back, bn::mul_add_impl_name(impls[i])), Status::ok);
    EXPECT_EQ(back, impls[i]);
    list += std::string(i ? " " : "") + bn::mul_add_impl_name(impls[i]);
  }
  std::printf("[ bn kernel] available: %s; in use: %s\n", list.c_str(), bn::mul_add_impl_name());
  EXPECT_EQ(n, 1 + asm_kernels().size());
  bn::MulAddImpl x = bn::MulAddImpl::portable;
  EXPECT_EQ(bn::mul_add_impl_from_name(&x, "portable"), Status::ok);
  EXPECT_EQ(bn::mul_add_impl_from_name(&x, "no-such-kernel"), Status::invalid_argument);
  EXPECT_EQ(bn::mul_add_impl_from_name(nullptr, "armv4"), Status::invalid_argument);
  // A known name the build lacks: not_available, and the test hook refuses it too.
  for (bn::MulAddImpl k : {bn::MulAddImpl::armv4, bn::MulAddImpl::armv6, bn::MulAddImpl::mips32r2}) {
    if (!bn::mul_add_impl_available(k)) {
      EXPECT_EQ(bn::mul_add_impl_from_name(&x, bn::mul_add_impl_name(k)), Status::not_available);
      EXPECT_EQ(bn::bn_use_mul_add_impl_for_testing(k), Status::not_available);
    }
  }
}

// Every kernel gives the portable kernel's results, through the public entry points (the
// dispatch) and through the raw symbols alike, for n = 1 .. 70 limbs.
TEST(MulAddVariants, MatchPortable) {
  if (bn::kLimbBits != 32) {
    GTEST_SKIP() << "64-bit limbs: only the portable kernel serves Limb";
  }
  KeepImpl keep;
  Gen g{42};
  size_t cases = 0;
  for (const Kernel& k : asm_kernels()) {
    for (size_t n = 1; n <= 70; n++) {
      for (int rep = 0; rep < 6; rep++) {
        std::vector<uint32_t> a(n), m(n), acc(n), t(n);
        for (size_t i = 0; i < n; i++) {
          a[i] = g.limb();
          m[i] = g.limb();
          acc[i] = g.limb();
          t[i] = g.limb();
        }
        m[0] |= 1;
        const uint32_t b = rep == 0 ? 0xffffffffu : g.limb();
        const uint32_t top = g.next() & 1;
        const uint32_t m0inv = neg_inv32(m[0]);
        // Reference: the portable kernel.
        ASSERT_EQ(bn::bn_use_mul_add_impl_for_testing(bn::MulAddImpl::portable), Status::ok);
        std::vector<uint32_t> acc_ref = acc, t_ref = t;
        const uint32_t c_ref = bn::mul_add_limbs(acc_ref.data(), a.data(), n, b);
        const uint32_t top_ref =
            bn::mont_step_limbs(t_ref.data(), a.data(), b, m.data(), m0inv, n, top);
        // Raw symbol.
        std::vector<uint32_t> acc1 = acc, t1 = t;
        EXPECT_EQ(k.mul_add(acc1.data(), a.data(), n, b), c_ref) << n;
        EXPECT_EQ(acc1, acc_ref) << bn::mul_add_impl_name(k.impl) << " mul_add n=" << n;
        EXPECT_EQ(k.mont_step(t1.data(), a.data(), b, m.data(), m0inv, n, top), top_ref) << n;
        EXPECT_EQ(t1, t_ref) << bn::mul_add_impl_name(k.impl) << " mont_step n=" << n;
        // Through the dispatch.
        ASSERT_EQ(bn::bn_use_mul_add_impl_for_testing(k.impl), Status::ok);
        std::vector<uint32_t> acc2 = acc, t2 = t;
        EXPECT_EQ(bn::mul_add_limbs(acc2.data(), a.data(), n, b), c_ref);
        EXPECT_EQ(acc2, acc_ref);
        EXPECT_EQ(bn::mont_step_limbs(t2.data(), a.data(), b, m.data(), m0inv, n, top), top_ref);
        EXPECT_EQ(t2, t_ref);
        cases++;
      }
    }
    // mul_add over zero limbs: no access, carry 0.
    EXPECT_EQ(k.mul_add(nullptr, nullptr, 0, 0xffffffffu), 0u);
  }
  std::printf("[ bn kernel] %zu kernel(s) x %zu cases matched the portable kernel\n",
              asm_kernels().size(), cases);
}

#if PETREL_BN_HAVE_ARMV4 || PETREL_BN_HAVE_MIPS32R2
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t* out);
#if PETREL_BN_HAVE_ARMV4
constexpr size_t kSaved = 8;  // r4-r11, then the sp difference
const char* const kSavedNames[kSaved] = {"r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"};
#else
constexpr size_t kSaved = 9;  // s0-s7, fp, then the sp difference
const char* const kSavedNames[kSaved] = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "fp"};
#endif

// The kernels, called with the callee-saved registers full of patterns, must hand them back
// unchanged and give the same results as a plain call.
TEST(MulAddVariants, CalleeSavedRegisters) {
  Gen g{7};
  size_t calls = 0;
  for (const Kernel& k : asm_kernels()) {
    for (size_t n : {1u, 2u, 3u, 32u, 33u}) {
      std::vector<uint32_t> a(n), m(n), acc(n), t(n);
      for (size_t i = 0; i < n; i++) {
        a[i] = g.next();
        m[i] = g.next();
        acc[i] = g.next();
        t[i] = g.next();
      }
      m[0] |= 1;
      const uint32_t b = g.next();
      const uint32_t m0inv = neg_inv32(m[0]);
      std::vector<uint32_t> acc_ref = acc, t_ref = t;
      const uint32_t c_ref = k.mul_add(acc_ref.data(), a.data(), n, b);
      const uint32_t top_ref = k.mont_step(t_ref.data(), a.data(), b, m.data(), m0inv, n, 1);
      for (int fn = 0; fn < 2; fn++) {
        uint32_t out[kSaved + 1];
        std::memset(out, 0, sizeof(out));
        uint32_t r;
        if (fn == 0) {
          const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(acc.data())),
                                    static_cast<uint32_t>(reinterpret_cast<uintptr_t>(a.data())),
                                    static_cast<uint32_t>(n), b, 0, 0, 0};
          r = petrel_test_call_patterned(reinterpret_cast<const void*>(k.mul_add), args, out);
          EXPECT_EQ(r, c_ref);
          EXPECT_EQ(acc, acc_ref);
        } else {
          const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(t.data())),
                                    static_cast<uint32_t>(reinterpret_cast<uintptr_t>(a.data())),
                                    b,
                                    static_cast<uint32_t>(reinterpret_cast<uintptr_t>(m.data())),
                                    m0inv, static_cast<uint32_t>(n), 1};
          r = petrel_test_call_patterned(reinterpret_cast<const void*>(k.mont_step), args, out);
          EXPECT_EQ(r, top_ref);
          EXPECT_EQ(t, t_ref);
        }
        for (size_t i = 0; i < kSaved; i++) {
          const uint32_t want = 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1);
          EXPECT_EQ(out[i], want) << bn::mul_add_impl_name(k.impl)
                                  << (fn == 0 ? " mul_add" : " mont_step") << " n=" << n
                                  << " clobbered " << kSavedNames[i];
        }
        EXPECT_EQ(out[kSaved], 0u) << bn::mul_add_impl_name(k.impl) << " moved sp";
        calls++;
      }
    }
  }
  std::printf("[ bn kernel] %zu patterned calls, %zu callee-saved registers checked each\n",
              calls, kSaved);
  EXPECT_GT(calls, 0u);
}
#endif

}  // namespace
