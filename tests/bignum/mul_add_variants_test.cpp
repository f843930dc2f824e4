// The multiply-accumulate kernels (crypto/bignum/mul_add.cpp, the kKernels table): every assembly
// variant the build has against the portable C++ on the same inputs (random limbs and the extreme ones),
// the assembly variants' calling convention (callee-saved registers, sp) through a patterned
// call harness (tests/bignum/call_harness_<arch>.S), and the name table. The published vectors
// (bignum and RSA) run once per kernel as separate CTest runs (tests/bignum/tests.cmake,
// tests/rsa/tests.cmake; tests/common/bn_impl_env.cc selects the kernel).
#include <gtest/gtest.h>

#include <cstdio>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "crypto/bignum/bn_kernel.h"
#include "tests/common/bn_kernels.h"

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
  bn::BnKernel id;
  uint32_t (*mul_add)(uint32_t*, const uint32_t*, size_t, uint32_t) noexcept;
  uint32_t (*mont_step)(uint32_t*, const uint32_t*, uint32_t, const uint32_t*, uint32_t, size_t,
                        uint32_t) noexcept;
  void (*mont_mul)(uint32_t*, const uint32_t*, const uint32_t*, const uint32_t*, uint32_t,
                   size_t) noexcept;
};

[[maybe_unused]] bool is_portable(bn::BnKernel k) {
  return k == bn::BnKernel::c32 || k == bn::BnKernel::c64;
}

// The assembly kernels of the table that are available, with their raw entry points (the ops
// record kernel_select installs, bn_kernel.h). Only with 32-bit limbs (every assembly kernel is
// 32-bit; the host has none).
std::vector<Kernel> asm_kernels() {
  std::vector<Kernel> out;
#if PETREL_BN_LIMB_BITS == 32
  const bn::BnKernel saved = bn::kernel_active();
  for (bn::BnKernel k : petrel_test::all_bn_kernels()) {
    if (is_portable(k)) {
      continue;
    }
    EXPECT_EQ(bn::kernel_select(k), Status::ok) << bn::kernel_name(k);
    out.push_back(
        {k, bn::kernel_ops().mul_add, bn::kernel_ops().mont_step, bn::kernel_ops().mont_mul});
  }
  EXPECT_EQ(bn::kernel_select(saved), Status::ok);
#endif
  return out;
}

// Restores the kernel in use when a test that switches it ends.
struct KeepImpl {
  bn::BnKernel saved = bn::kernel_active();
  ~KeepImpl() { EXPECT_EQ(bn::kernel_select(saved), Status::ok); }
};

// The assembly kernels this target must have, from the toolchain (tests/bignum/tests.cmake,
// PETREL_TEST_ASM_KERNELS, e.g. "armv6 armv4"), against what the table says is available: a
// kernel that silently went missing from a build, or one that appeared where it must not run
// (armv6 on ARMv5TE), fails here.
TEST(MulAddVariants, NameTable) {
  std::string list;
  for (const Kernel& k : asm_kernels()) {
    list += std::string(list.empty() ? "" : " ") + bn::kernel_name(k.id);
  }
  std::printf("[ bn kernel] assembly kernels available: '%s' (expected '%s'); in use: %s\n",
              list.c_str(), PETREL_TEST_ASM_KERNELS, bn::mul_add_impl_name());
  EXPECT_EQ(list, std::string(PETREL_TEST_ASM_KERNELS));
  bn::BnKernel x{};
  EXPECT_EQ(bn::kernel_from_name(&x, "no-such-kernel"), Status::unsupported);
  EXPECT_EQ(bn::kernel_from_name(nullptr, "armv4"), Status::invalid_argument);
  // A known name the build lacks: not_available, and kernel_select refuses it too.
  for (bn::BnKernel k : {bn::BnKernel::armv4, bn::BnKernel::armv6, bn::BnKernel::mips32r2,
                         bn::BnKernel::armv7_neon}) {
    if (!bn::kernel_available(k)) {
      EXPECT_EQ(bn::kernel_from_name(&x, bn::kernel_name(k)), Status::not_available);
      EXPECT_EQ(bn::kernel_select(k), Status::not_available);
    } else {
      EXPECT_EQ(bn::kernel_from_name(&x, bn::kernel_name(k)), Status::ok);
      EXPECT_EQ(x, k);
    }
  }
}

// Every kernel gives the portable kernel's results, through the public entry points (the
// dispatch) and through the raw symbols alike, for n = 1 .. 70 limbs.
TEST(MulAddVariants, MatchPortable) {
  if (bn::kLimbBits != 32) {
    GTEST_SKIP() << "64-bit limbs: no assembly kernel serves Limb (the portable widths are "
                    "compared in bignum_test)";
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
        std::vector<uint32_t> acc_ref = acc, t_ref = t;
        const uint32_t c_ref = bn::mul_add_limbs(acc_ref.data(), a.data(), n, b);
        const uint32_t top_ref =
            bn::mont_step_limbs(t_ref.data(), a.data(), b, m.data(), m0inv, n, top);
        // Raw symbol.
        std::vector<uint32_t> acc1 = acc, t1 = t;
        EXPECT_EQ(k.mul_add(acc1.data(), a.data(), n, b), c_ref) << n;
        EXPECT_EQ(acc1, acc_ref) << bn::kernel_name(k.id) << " mul_add n=" << n;
        EXPECT_EQ(k.mont_step(t1.data(), a.data(), b, m.data(), m0inv, n, top), top_ref) << n;
        EXPECT_EQ(t1, t_ref) << bn::kernel_name(k.id) << " mont_step n=" << n;
        // Through the dispatch.
        ASSERT_EQ(bn::kernel_select(k.id), Status::ok);
        std::vector<bn::Limb> acc2(acc.begin(), acc.end()), t2(t.begin(), t.end());
        std::vector<bn::Limb> a2(a.begin(), a.end()), m2(m.begin(), m.end());
        EXPECT_EQ(bn::mul_add(acc2.data(), a2.data(), n, b), c_ref);
        EXPECT_TRUE(std::equal(acc2.begin(), acc2.end(), acc_ref.begin()));
        EXPECT_EQ(bn::mont_step(t2.data(), a2.data(), b, m2.data(), m0inv, n, top), top_ref);
        EXPECT_TRUE(std::equal(t2.begin(), t2.end(), t_ref.begin()));
        // The whole multiplication against the portable one (petrel_bn_mont_mul_c32), for a of
        // any value below 2^(32n) and b < m; rep 1 takes a = b = m - 1 (the largest product).
        std::vector<uint32_t> mm = m, bv(n), r_ref(n), r1(n);
        mm[n - 1] |= 2;
        for (size_t i = 0; i < n; i++) {
          bv[i] = g.limb();
        }
        bv[n - 1] = mm[n - 1] >> 1;
        std::vector<uint32_t> av = a;
        if (rep == 1) {
          av = mm;
          av[0] -= 1;
          bv = av;
        }
        petrel_bn_mont_mul_c32(r_ref.data(), av.data(), bv.data(), mm.data(), m0inv, n);
        k.mont_mul(r1.data(), av.data(), bv.data(), mm.data(), m0inv, n);
        EXPECT_EQ(r1, r_ref) << bn::kernel_name(k.id) << " mont_mul n=" << n;
        bool below = false;  // r < m
        for (size_t i = n; i > 0; i--) {
          if (r_ref[i - 1] != mm[i - 1]) {
            below = r_ref[i - 1] < mm[i - 1];
            break;
          }
        }
        EXPECT_TRUE(below) << "mont_mul n=" << n;
        cases++;
      }
    }
    // mul_add over zero limbs: no access, carry 0.
    EXPECT_EQ(k.mul_add(nullptr, nullptr, 0, 0xffffffffu), 0u);
  }
  std::printf("[ bn kernel] %zu kernel(s) x %zu cases matched the portable kernel\n",
              asm_kernels().size(), cases);
}

// r < m, as limbs.
bool below(const std::vector<uint32_t>& r, const std::vector<uint32_t>& m) {
  for (size_t i = r.size(); i > 0; i--) {
    if (r[i - 1] != m[i - 1]) {
      return r[i - 1] < m[i - 1];
    }
  }
  return false;
}

// The whole multiplication over the lengths and the extreme values: every n from 1 to 70 and
// 96, 128, 192, 256 (armv7-neon takes the multiples of 8 from 8 to 256 in NEON and hands the
// others to armv6, so both sides of each boundary are here), moduli all ones (2^32n - 1), just
// above 2^(32n - 1), with a top limb of 1 (n limbs but near 2^(32n - 32)), with low limbs 1 and
// 0xffffffff (m0inv = -1 and 1), and random ones; operands m - 1 (the largest, all ones when m
// is), 0, 1, and random ones below m. Each result against the portable kernel, below m, with r
// first filled with garbage (a kernel must not read it) and a guard limb after it.
TEST(MulAddVariants, MontMulLengthsAndExtremes) {
  if (bn::kLimbBits != 32) {
    GTEST_SKIP() << "64-bit limbs: no assembly kernel serves Limb";
  }
  Gen g{2026};
  std::vector<size_t> lengths;
  for (size_t n = 1; n <= 70; n++) {
    lengths.push_back(n);
  }
  for (size_t n : {96u, 128u, 192u, 256u}) {
    lengths.push_back(n);
  }
  size_t cases = 0;
  const std::vector<Kernel> kernels = asm_kernels();
  for (const Kernel& k : kernels) {
    size_t kc = 0;
    for (size_t n : lengths) {
      for (int shape = 0; shape < 6; shape++) {
        std::vector<uint32_t> m(n);
        for (size_t i = 0; i < n; i++) {
          m[i] = shape == 0 ? 0xffffffffu : shape == 5 ? g.next() : g.limb();
        }
        if (shape == 1) {  // 2^(32n - 1) + 1
          std::fill(m.begin(), m.end(), 0u);
          m[n - 1] = 0x80000000u;
          m[0] |= 1;
        } else if (shape == 2) {  // top limb 1
          m[n - 1] = 1;
        } else if (shape == 3) {
          m[0] = 1;
        } else if (shape == 4) {
          m[0] = 0xffffffffu;
        }
        m[0] |= 1;
        if (m[n - 1] == 0) {
          m[n - 1] = 1;
        }
        if (n == 1 && m[0] == 1) {
          m[0] = 3;
        }
        const uint32_t m0inv = neg_inv32(m[0]);
        std::vector<uint32_t> mm1 = m;  // m - 1 (m is odd)
        mm1[0] -= 1;
        for (int ops = 0; ops < 5; ops++) {
          std::vector<uint32_t> a(n, 0), b(n, 0);
          if (ops == 0) {
            a = mm1;
            b = mm1;
          } else if (ops == 1) {
            a = mm1;
            b[0] = 1;
          } else if (ops == 2) {
            b = mm1;  // a = 0
          } else {
            for (size_t i = 0; i < n; i++) {
              a[i] = ops == 3 ? g.limb() : g.next();
              b[i] = ops == 3 ? g.limb() : g.next();
            }
            a[n - 1] = m[n - 1] > 0 ? g.next() % m[n - 1] : 0;
            b[n - 1] = m[n - 1] > 0 ? g.next() % m[n - 1] : 0;
          }
          std::vector<uint32_t> ref(n);
          petrel_bn_mont_mul_c32(ref.data(), a.data(), b.data(), m.data(), m0inv, n);
          std::vector<uint32_t> r(n + 1);
          for (size_t i = 0; i <= n; i++) {
            r[i] = g.next();
          }
          const uint32_t guard = r[n];
          k.mont_mul(r.data(), a.data(), b.data(), m.data(), m0inv, n);
          EXPECT_EQ(r[n], guard) << bn::kernel_name(k.id) << " wrote past r, n=" << n;
          r.resize(n);
          EXPECT_EQ(r, ref) << bn::kernel_name(k.id) << " n=" << n << " modulus shape " << shape
                            << " operands " << ops;
          EXPECT_TRUE(below(ref, m)) << "n=" << n;
          kc++;
        }
      }
    }
    std::printf("[ bn kernel] %s: %zu whole multiplications (n = 1..70, 96, 128, 192, 256) "
                "matched the portable kernel\n",
                bn::kernel_name(k.id), kc);
    cases += kc;
  }
  EXPECT_EQ(cases, kernels.size() * lengths.size() * 30);
}

#if defined(PETREL_TEST_CALL_HARNESS_NEON)
extern "C" uint32_t petrel_test_call_patterned_neon(const void* fn, const uint32_t args[7],
                                                    uint32_t* out);

// armv7-neon's mont_mul through the harness that also fills d8-d15 (tests/aes/
// call_harness_neon_arm.S): r4-r11, d8-d15 (AAPCS-VFP callee-saved) and sp come back unchanged,
// the results those of a plain call of the portable kernel; NEON lengths (8 to 256) and ones
// handed to armv6 (1, 3, 12, 33, 264).
TEST(MulAddVariants, NeonCalleeSavedRegisters) {
  if (!bn::kernel_available(bn::BnKernel::armv7_neon)) {
    GTEST_SKIP() << "no NEON on this CPU";
  }
  Gen g{11};
  size_t calls = 0;
  for (size_t n : {8u, 16u, 32u, 64u, 256u, 1u, 3u, 12u, 33u, 264u}) {
    std::vector<uint32_t> a(n), b(n), m(n), ref(n), r(n);
    for (size_t i = 0; i < n; i++) {
      a[i] = g.next();
      b[i] = g.next();
      m[i] = g.next();
    }
    m[0] |= 1;
    m[n - 1] |= 0x80000000u;
    a[n - 1] &= 0x7fffffffu;
    b[n - 1] &= 0x7fffffffu;
    const uint32_t m0inv = neg_inv32(m[0]);
    petrel_bn_mont_mul_c32(ref.data(), a.data(), b.data(), m.data(), m0inv, n);
    const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(r.data())),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(a.data())),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(b.data())),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(m.data())),
                              m0inv, static_cast<uint32_t>(n), 0};
    uint32_t out[8 + 16 + 1];
    std::memset(out, 0, sizeof(out));
    (void)petrel_test_call_patterned_neon(
        reinterpret_cast<const void*>(petrel_bn_mont_mul_armv7_neon), args, out);
    EXPECT_EQ(r, ref) << "n=" << n;
    for (size_t i = 0; i < 8; i++) {
      EXPECT_EQ(out[i], 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1))
          << "n=" << n << " clobbered r" << 4 + i;
    }
    for (size_t d = 0; d < 8; d++) {
      const uint32_t p = 0x0101u * static_cast<uint32_t>(d + 1);
      EXPECT_EQ(out[8 + 2 * d], 0x5ac30000u + p) << "n=" << n << " clobbered d" << 8 + d;
      EXPECT_EQ(out[9 + 2 * d], 0x3c5a0000u + p) << "n=" << n << " clobbered d" << 8 + d;
    }
    EXPECT_EQ(out[24], 0u) << "n=" << n << ": sp moved";
    calls++;
  }
  std::printf("[ bn kernel] armv7-neon mont_mul: %zu patterned calls (r4-r11, d8-d15, sp)\n",
              calls);
}
#endif

#if defined(PETREL_TEST_CALL_HARNESS_ARM) || defined(PETREL_TEST_CALL_HARNESS_MIPS)
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t* out);
#if defined(PETREL_TEST_CALL_HARNESS_ARM)
constexpr size_t kSaved = 8;  // r4-r11, then the sp difference
const char* const kSavedNames[kSaved] = {"r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"};
#else
constexpr size_t kSaved = 10;  // s0-s7, fp, gp, then the sp difference
const char* const kSavedNames[kSaved] = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "fp", "gp"};
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
      std::vector<uint32_t> bv = a, mm = m, r_ref(n), rv(n);
      bv[n - 1] = 0;  // b < m
      mm[n - 1] |= 1;
      k.mont_mul(r_ref.data(), a.data(), bv.data(), mm.data(), m0inv, n);
      for (int fn = 0; fn < 3; fn++) {
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
        } else if (fn == 2) {
          const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(rv.data())),
                                    static_cast<uint32_t>(reinterpret_cast<uintptr_t>(a.data())),
                                    static_cast<uint32_t>(reinterpret_cast<uintptr_t>(bv.data())),
                                    static_cast<uint32_t>(reinterpret_cast<uintptr_t>(mm.data())),
                                    m0inv, static_cast<uint32_t>(n), 0};
          (void)petrel_test_call_patterned(reinterpret_cast<const void*>(k.mont_mul), args, out);
          EXPECT_EQ(rv, r_ref);
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
          EXPECT_EQ(out[i], want) << bn::kernel_name(k.id)
                                  << (fn == 0 ? " mul_add" : fn == 1 ? " mont_step" : " mont_mul") << " n=" << n
                                  << " clobbered " << kSavedNames[i];
        }
        EXPECT_EQ(out[kSaved], 0u) << bn::kernel_name(k.id) << " moved sp";
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
