// The inner loops of every big-number product, where the hand-written assembly plugs in (ARM
// UMLAL/UMAAL in crypto/bignum/arm/, MIPS MADDU in crypto/bignum/mips/, mul_add_impls.h):
// - mul_add_limbs, acc[0..n) += a[0..n) * b returning the carry limb: the schoolbook product
//   (bignum.cpp);
// - mont_step_limbs, one outer step of CIOS Montgomery multiplication (Koc, Acar, Kaliski 1996):
//   t = (t + a * b + q * m) / 2^w in one pass over the limbs, both products and the one-limb
//   shift fused, so that mont_mul (montgomery.cpp) needs only n limbs of accumulator.
//
// Portable C++: 32-bit limbs with 64-bit products, and 64-bit limbs with unsigned __int128 where
// the compiler has it. Constant-time provided the CPU's multiplier takes a fixed time (some
// ARM9-family cores end multiplies early on small operands; each assembly variant must state
// what its instruction choice guarantees).
//
// The 32-bit entry points dispatch through a table of kernels chosen by MulAddImpl; the 64-bit
// ones are the portable C++ only.
#include "crypto/bignum/bignum.h"
#include "crypto/bignum/bn_test_hooks.h"
#include "crypto/bignum/mul_add_impls.h"

#include <cstring>

namespace petrel {
namespace bn {

namespace {

uint32_t mul_add_portable32(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept {
  uint32_t carry = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t t = static_cast<uint64_t>(a[i]) * b + acc[i] + carry;
    acc[i] = static_cast<uint32_t>(t);
    carry = static_cast<uint32_t>(t >> 32);
  }
  return carry;
}

}  // namespace

#if defined(__SIZEOF_INT128__)
uint64_t mul_add_limbs(uint64_t* acc, const uint64_t* a, size_t n, uint64_t b) noexcept {
  uint64_t carry = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned __int128 t = static_cast<unsigned __int128>(a[i]) * b + acc[i] + carry;
    acc[i] = static_cast<uint64_t>(t);
    carry = static_cast<uint64_t>(t >> 64);
  }
  return carry;
}
#endif

namespace {

template <typename L, typename D>
L mont_step(L* t, const L* a, L b, const L* m, L m0inv, size_t n, L top) noexcept {
  constexpr unsigned kW = sizeof(L) * 8;
  // Limb 0: q makes the low limb of t + a * b + q * m zero; it is dropped (the shift).
  D s1 = static_cast<D>(a[0]) * b + t[0];
  const L q = static_cast<L>(static_cast<L>(s1) * m0inv);
  D s2 = static_cast<D>(q) * m[0] + static_cast<L>(s1);
  L c1 = static_cast<L>(s1 >> kW);
  L c2 = static_cast<L>(s2 >> kW);
  for (size_t j = 1; j < n; j++) {
    // Each sum is at most (2^w - 1)^2 + 2 * (2^w - 1) = 2^(2w) - 1: no overflow.
    s1 = static_cast<D>(a[j]) * b + t[j] + c1;
    c1 = static_cast<L>(s1 >> kW);
    s2 = static_cast<D>(q) * m[j] + static_cast<L>(s1) + c2;
    c2 = static_cast<L>(s2 >> kW);
    t[j - 1] = static_cast<L>(s2);
  }
  const D s = static_cast<D>(top) + c1 + c2;
  t[n - 1] = static_cast<L>(s);
  return static_cast<L>(s >> kW);
}

}  // namespace

namespace {

uint32_t mont_step_portable32(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                              uint32_t m0inv, size_t n, uint32_t top) noexcept {
  return mont_step<uint32_t, uint64_t>(t, a, b, m, m0inv, n, top);
}

// ---- the kernel table ---------------------------------------------------------------------------
// One row per MulAddImpl, in its order. A variant the build lacks has available = false and the
// portable functions in its place (never called: it cannot be selected).
using MulAdd32 = uint32_t (*)(uint32_t*, const uint32_t*, size_t, uint32_t) noexcept;
using MontStep32 = uint32_t (*)(uint32_t*, const uint32_t*, uint32_t, const uint32_t*, uint32_t,
                                size_t, uint32_t) noexcept;
struct Kernel32 {
  MulAddImpl impl;
  const char* name;
  bool available;
  MulAdd32 mul_add;
  MontStep32 mont_step;
};

#if PETREL_BN_HAVE_ARMV4
constexpr MulAdd32 kArmv4MulAdd = petrel_bn_mul_add_armv4;
constexpr MontStep32 kArmv4MontStep = petrel_bn_mont_step_armv4;
#else
constexpr MulAdd32 kArmv4MulAdd = mul_add_portable32;
constexpr MontStep32 kArmv4MontStep = mont_step_portable32;
#endif
#if PETREL_BN_HAVE_ARMV6
constexpr MulAdd32 kArmv6MulAdd = petrel_bn_mul_add_armv6;
constexpr MontStep32 kArmv6MontStep = petrel_bn_mont_step_armv6;
#else
constexpr MulAdd32 kArmv6MulAdd = mul_add_portable32;
constexpr MontStep32 kArmv6MontStep = mont_step_portable32;
#endif
#if PETREL_BN_HAVE_MIPS32R2
constexpr MulAdd32 kMipsMulAdd = petrel_bn_mul_add_mips32r2;
constexpr MontStep32 kMipsMontStep = petrel_bn_mont_step_mips32r2;
#else
constexpr MulAdd32 kMipsMulAdd = mul_add_portable32;
constexpr MontStep32 kMipsMontStep = mont_step_portable32;
#endif

constexpr Kernel32 kKernels[] = {
    {MulAddImpl::portable, kLimbBits == 64 ? "portable-c64" : "portable-c32", true,
     mul_add_portable32, mont_step_portable32},
    {MulAddImpl::armv4, "armv4", PETREL_BN_HAVE_ARMV4 != 0, kArmv4MulAdd, kArmv4MontStep},
    {MulAddImpl::armv6, "armv6", PETREL_BN_HAVE_ARMV6 != 0, kArmv6MulAdd, kArmv6MontStep},
    {MulAddImpl::mips32r2, "mips32r2", PETREL_BN_HAVE_MIPS32R2 != 0, kMipsMulAdd, kMipsMontStep},
};
constexpr size_t kKernelCount = sizeof(kKernels) / sizeof(kKernels[0]);
static_assert(static_cast<size_t>(MulAddImpl::mips32r2) + 1 == kKernelCount, "kernel table");

// The best kernel of the build (a constant), for 32-bit limbs.
constexpr MulAddImpl kDefaultImpl =
    kLimbBits != 32            ? MulAddImpl::portable
    : PETREL_BN_HAVE_ARMV6     ? MulAddImpl::armv6
    : PETREL_BN_HAVE_ARMV4     ? MulAddImpl::armv4
    : PETREL_BN_HAVE_MIPS32R2  ? MulAddImpl::mips32r2
                               : MulAddImpl::portable;

// The kernel in use: the default, or what a test chose (bn_use_mul_add_impl_for_testing).
// Constant-initialized; written only by that test hook.
const Kernel32* g_kernel = &kKernels[static_cast<size_t>(kDefaultImpl)];

const Kernel32* find(MulAddImpl impl) noexcept {
  const size_t i = static_cast<size_t>(impl);
  return i < kKernelCount ? &kKernels[i] : nullptr;
}

}  // namespace

uint32_t mul_add_limbs(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept {
  return g_kernel->mul_add(acc, a, n, b);
}

uint32_t mont_step_limbs(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                         uint32_t m0inv, size_t n, uint32_t top) noexcept {
  return g_kernel->mont_step(t, a, b, m, m0inv, n, top);
}

#if defined(__SIZEOF_INT128__)
uint64_t mont_step_limbs(uint64_t* t, const uint64_t* a, uint64_t b, const uint64_t* m,
                         uint64_t m0inv, size_t n, uint64_t top) noexcept {
  return mont_step<uint64_t, unsigned __int128>(t, a, b, m, m0inv, n, top);
}
#endif

const char* mul_add_impl_name(MulAddImpl impl) noexcept {
  const Kernel32* k = find(impl);
  return k != nullptr ? k->name : "unknown";
}

bool mul_add_impl_available(MulAddImpl impl) noexcept {
  const Kernel32* k = find(impl);
  // With 64-bit limbs only the portable C++ serves Limb.
  return k != nullptr && k->available && (kLimbBits == 32 || impl == MulAddImpl::portable);
}

Status mul_add_impl_from_name(MulAddImpl* out, const char* name) noexcept {
  if (out == nullptr || name == nullptr) {
    return Status::invalid_argument;
  }
  for (const Kernel32& k : kKernels) {
    const bool match = std::strcmp(name, k.name) == 0 ||
                       (k.impl == MulAddImpl::portable && std::strcmp(name, "portable") == 0);
    if (match) {
      if (!mul_add_impl_available(k.impl)) {
        return Status::not_available;
      }
      *out = k.impl;
      return Status::ok;
    }
  }
  return Status::invalid_argument;
}

size_t mul_add_impls_available(MulAddImpl* out, size_t max) noexcept {
  size_t count = 0;
  for (const Kernel32& k : kKernels) {
    if (mul_add_impl_available(k.impl)) {
      if (out != nullptr && count < max) {
        out[count] = k.impl;
      }
      count++;
    }
  }
  return count;
}

MulAddImpl mul_add_impl() noexcept { return g_kernel->impl; }

const char* mul_add_impl_name() noexcept { return g_kernel->name; }

Status bn_use_mul_add_impl_for_testing(MulAddImpl impl) noexcept {
  if (!mul_add_impl_available(impl)) {
    return Status::not_available;
  }
  g_kernel = find(impl);
  return Status::ok;
}

}  // namespace bn
}  // namespace petrel
