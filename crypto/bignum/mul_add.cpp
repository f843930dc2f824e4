// The multiply-accumulate kernels of crypto/bignum and their table (crypto/util/variant.h): the
// inner loops of every big-number product, where hand-written assembly plugs in (ARM UMLAL/UMAAL
// in crypto/bignum/arm/, MIPS MADDU in crypto/bignum/mips/r2/), over the extern "C" contract
// of crypto/bignum/bn_kernel.h:
// - mul_add, acc[0..n) += a[0..n) * b returning the carry limb: the schoolbook product
//   (bignum.cpp);
// - mont_step, one outer step of CIOS Montgomery multiplication (Koc, Acar, Kaliski 1996):
//   t = (t + a * b + q * m) / 2^w in one pass over the limbs, both products and the one-limb
//   shift fused, so that mont_mul (montgomery.cpp) needs only n limbs of accumulator;
// - mont_mul, the whole multiplication: n mont_steps from zero and the masked final
//   subtraction, in one call (mont_mul_loop below for the portable kernels; the assembly
//   kernels have their own loop, armv6 taking two limbs of b per pass, armv7-neon eight, with
//   VMLAL.U32 in crypto/bignum/arm/neon/).
//
// Portable C++ ("c32", "c64"): 32-bit limbs with 64-bit products, and 64-bit limbs with
// unsigned __int128 where the compiler has it. Constant-time provided the CPU's multiplier takes
// a fixed time (some ARM9-family cores end multiplies early on small operands; each assembly
// variant must state what its instruction choice guarantees).
//
// Adding a kernel: its file (crypto/bignum/<isa>/mul_add_<variant>.S, picked up for that target by
// cmake/PetrelSources.cmake), its extern "C" declarations in bn_kernel.h, an ops getter below
// (a stub returning nullptr where the build lacks the file), one BnKernel value in bignum.h and
// one row in kKernels (fastest first: the first available row is the default).
#include <atomic>

#include "crypto/bignum/bignum.h"
#include "crypto/bignum/bn_kernel.h"
#include "crypto/cpu/cpu.h"
#include "crypto/util/ct.h"
#include "crypto/util/variant.h"

extern "C" {

uint32_t petrel_bn_mul_add_c32(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept {
  uint32_t carry = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t t = static_cast<uint64_t>(a[i]) * b + acc[i] + carry;
    acc[i] = static_cast<uint32_t>(t);
    carry = static_cast<uint32_t>(t >> 32);
  }
  return carry;
}

#if defined(__SIZEOF_INT128__)
uint64_t petrel_bn_mul_add_c64(uint64_t* acc, const uint64_t* a, size_t n, uint64_t b) noexcept {
  uint64_t carry = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned __int128 t = static_cast<unsigned __int128>(a[i]) * b + acc[i] + carry;
    acc[i] = static_cast<uint64_t>(t);
    carry = static_cast<uint64_t>(t >> 64);
  }
  return carry;
}
#endif

}  // extern "C"

namespace {

template <typename L, typename D>
L mont_step_portable(L* t, const L* a, L b, const L* m, L m0inv, size_t n, L top) noexcept {
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

inline uint32_t opaque(uint32_t x) noexcept { return petrel::ct::value_barrier(x); }
inline uint64_t opaque(uint64_t x) noexcept { return petrel::ct::value_barrier64(x); }

// A whole Montgomery multiplication over a kernel's mont_step (the contract of
// petrel_bn_mont_mul_<v>, bn_kernel.h): n steps from r = 0, then r -= m, masked, when the last
// top is 1 or r >= m (a borrow chain over all limbs decides, a second chain subtracts).
template <typename L, L (*Step)(L*, const L*, L, const L*, L, size_t, L) noexcept>
void mont_mul_loop(L* r, const L* a, const L* b, const L* m, L m0inv, size_t n) noexcept {
  constexpr unsigned kW = sizeof(L) * 8;
  for (size_t i = 0; i < n; i++) {
    r[i] = 0;
  }
  L top = 0;
  for (size_t i = 0; i < n; i++) {
    top = Step(r, a, b[i], m, m0inv, n, top);
  }
  L borrow = 0;
  for (size_t j = 0; j < n; j++) {
    const L x = r[j];
    const L y = m[j];
    const L d = static_cast<L>(x - y - borrow);
    borrow = static_cast<L>(((~x & y) | (~(x ^ y) & d)) >> (kW - 1));
  }
  const L take = opaque(static_cast<L>(static_cast<L>(0) - (top | (borrow ^ 1u))));
  borrow = 0;
  for (size_t j = 0; j < n; j++) {
    const L x = r[j];
    const L y = static_cast<L>(m[j] & take);
    const L d = static_cast<L>(x - y - borrow);
    borrow = static_cast<L>(((~x & y) | (~(x ^ y) & d)) >> (kW - 1));
    r[j] = d;
  }
}

}  // namespace

extern "C" {

uint32_t petrel_bn_mont_step_c32(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                                 uint32_t m0inv, size_t n, uint32_t top) noexcept {
  return mont_step_portable<uint32_t, uint64_t>(t, a, b, m, m0inv, n, top);
}

void petrel_bn_mont_mul_c32(uint32_t* r, const uint32_t* a, const uint32_t* b, const uint32_t* m,
                            uint32_t m0inv, size_t n) noexcept {
  mont_mul_loop<uint32_t, petrel_bn_mont_step_c32>(r, a, b, m, m0inv, n);
}

#if defined(__SIZEOF_INT128__)
uint64_t petrel_bn_mont_step_c64(uint64_t* t, const uint64_t* a, uint64_t b, const uint64_t* m,
                                 uint64_t m0inv, size_t n, uint64_t top) noexcept {
  return mont_step_portable<uint64_t, unsigned __int128>(t, a, b, m, m0inv, n, top);
}

void petrel_bn_mont_mul_c64(uint64_t* r, const uint64_t* a, const uint64_t* b, const uint64_t* m,
                            uint64_t m0inv, size_t n) noexcept {
  mont_mul_loop<uint64_t, petrel_bn_mont_step_c64>(r, a, b, m, m0inv, n);
}
#endif

}  // extern "C"

namespace petrel {
namespace bn {

uint32_t mul_add_limbs(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept {
  return petrel_bn_mul_add_c32(acc, a, n, b);
}
uint32_t mont_step_limbs(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                         uint32_t m0inv, size_t n, uint32_t top) noexcept {
  return petrel_bn_mont_step_c32(t, a, b, m, m0inv, n, top);
}
#if defined(__SIZEOF_INT128__)
uint64_t mul_add_limbs(uint64_t* acc, const uint64_t* a, size_t n, uint64_t b) noexcept {
  return petrel_bn_mul_add_c64(acc, a, n, b);
}
uint64_t mont_step_limbs(uint64_t* t, const uint64_t* a, uint64_t b, const uint64_t* m,
                         uint64_t m0inv, size_t n, uint64_t top) noexcept {
  return petrel_bn_mont_step_c64(t, a, b, m, m0inv, n, top);
}
#endif

namespace {

// ---- the ops of each variant: the record, or nullptr (a stub) where this build lacks it ------
// A kernel works on this build's Limb only, so the portable kernel of the other width is a stub.
#if PETREL_BN_LIMB_BITS == 32
constexpr KernelOps kC32Ops = {petrel_bn_mul_add_c32, petrel_bn_mont_step_c32,
                               petrel_bn_mont_mul_c32};
constexpr const KernelOps* c32_ops() noexcept { return &kC32Ops; }
constexpr const KernelOps* c64_ops() noexcept { return nullptr; }
#else
constexpr KernelOps kC64Ops = {petrel_bn_mul_add_c64, petrel_bn_mont_step_c64,
                               petrel_bn_mont_mul_c64};
constexpr const KernelOps* c32_ops() noexcept { return nullptr; }
constexpr const KernelOps* c64_ops() noexcept { return &kC64Ops; }
#endif

// The assembly kernels: built where cmake/PetrelSources.cmake adds their folder (PETREL_ASM_*)
// and, within it, where the compiler's target level has their instructions; each condition is
// the guard at the top of its .S file (a file whose guard is false assembles to nothing).
#if defined(PETREL_ASM_ARM) && PETREL_BN_LIMB_BITS == 32 && defined(__ARM_ARCH_ISA_ARM)
constexpr KernelOps kArmv4Ops = {petrel_bn_mul_add_armv4, petrel_bn_mont_step_armv4,
                                 petrel_bn_mont_mul_armv4};
constexpr const KernelOps* armv4_ops() noexcept { return &kArmv4Ops; }
#else
constexpr const KernelOps* armv4_ops() noexcept { return nullptr; }
#endif
#if defined(PETREL_ASM_ARM) && PETREL_BN_LIMB_BITS == 32 && defined(__ARM_ARCH_ISA_ARM) && \
    defined(__ARM_ARCH) && __ARM_ARCH >= 6
constexpr KernelOps kArmv6Ops = {petrel_bn_mul_add_armv6, petrel_bn_mont_step_armv6,
                                 petrel_bn_mont_mul_armv6};
constexpr const KernelOps* armv6_ops() noexcept { return &kArmv6Ops; }
#else
constexpr const KernelOps* armv6_ops() noexcept { return nullptr; }  // e.g. armel (ARMv5TE)
#endif
// The NEON row: built where cmake/PetrelSources.cmake adds crypto/bignum/arm/neon/ (ARMv7-A,
// PETREL_ASM_ARM_NEON; the guard of mont_armv7_neon.S), run where cpu::arm_neon() (Debian armhf
// does not guarantee NEON). Its mul_add and mont_step, and mont_mul for n not a multiple of 8
// in 8..256, are the armv6 functions (ARMv7-A has UMAAL).
#if defined(PETREL_ASM_ARM_NEON) && PETREL_BN_LIMB_BITS == 32 && defined(__ARM_ARCH_ISA_ARM) && \
    defined(__ARM_ARCH) && __ARM_ARCH >= 7 && !defined(__ARMEB__)
constexpr KernelOps kArmv7NeonOps = {petrel_bn_mul_add_armv6, petrel_bn_mont_step_armv6,
                                     petrel_bn_mont_mul_armv7_neon};
constexpr const KernelOps* armv7_neon_ops() noexcept { return &kArmv7NeonOps; }
#else
constexpr const KernelOps* armv7_neon_ops() noexcept { return nullptr; }
#endif
bool neon_ok() noexcept { return cpu::arm_neon(); }
#if defined(PETREL_ASM_MIPS32R2) && PETREL_BN_LIMB_BITS == 32 && defined(__mips_isa_rev) && \
    __mips_isa_rev >= 2 && __mips_isa_rev < 6 && defined(_ABIO32) && _MIPS_SIM == _ABIO32
constexpr KernelOps kMips32r2Ops = {petrel_bn_mul_add_mips32r2, petrel_bn_mont_step_mips32r2,
                                    petrel_bn_mont_mul_mips32r2};
constexpr const KernelOps* mips32r2_ops() noexcept { return &kMips32r2Ops; }
#else
constexpr const KernelOps* mips32r2_ops() noexcept { return nullptr; }
#endif

using KernelVariant = Variant<BnKernel, KernelOps>;

// The table: name, the old name still accepted, constant-time, ops, CPU check. Fastest first.
// The assembly rows but armv7-neon need no CPU check: the build level guarantees them (see
// above). Measured (scripts/perf-table, RSA-2048 sign): armv7-neon < armv6 < armv4 < c32 on
// armhf, armv4 < c32 on armel, mips32r2 < c32 on mipsel; figures in the .S headers and the README.
constexpr KernelVariant kKernels[] = {
    {BnKernel::armv7_neon, "armv7-neon", nullptr, true, armv7_neon_ops(), neon_ok},
    {BnKernel::armv6, "armv6", nullptr, true, armv6_ops(), nullptr},
    {BnKernel::armv4, "armv4", nullptr, true, armv4_ops(), nullptr},
    {BnKernel::mips32r2, "mips32r2", nullptr, true, mips32r2_ops(), nullptr},
    {BnKernel::c64, "c64", "portable-c64", true, c64_ops(), nullptr},
    {BnKernel::c32, "c32", "portable-c32", true, c32_ops(), nullptr},
};

const KernelVariant* first_available() noexcept {
  for (const KernelVariant& v : kKernels) {
    if (v.available()) {
      return &v;
    }
  }
  return nullptr;  // unreachable: the portable kernel of this build's width is always there
}

// The selected kernel; null until first use or kernel_select(). Relaxed loads and stores of one
// pointer: every thread that races on the first use stores the same value.
std::atomic<const KernelVariant*> g_active{nullptr};

const KernelVariant& active() noexcept {
  const KernelVariant* v = g_active.load(std::memory_order_relaxed);
  if (v == nullptr) {
    v = first_available();
    g_active.store(v, std::memory_order_relaxed);
  }
  return *v;
}

}  // namespace

const char* kernel_name(BnKernel k) noexcept { return variant::name(kKernels, k); }
bool kernel_is_constant_time(BnKernel k) noexcept {
  return variant::is_constant_time(kKernels, k);
}
bool kernel_available(BnKernel k) noexcept { return variant::available(kKernels, k); }
Status kernel_from_name(BnKernel* out, const char* name) noexcept {
  return variant::from_name(kKernels, out, name);
}
size_t kernels_available(BnKernel* out, size_t max) noexcept {
  return variant::list_available(kKernels, out, max);
}
size_t kernels_listed(BnKernel* out, size_t max) noexcept {
  return variant::list_all(kKernels, out, max);
}

Status kernel_select(BnKernel k) noexcept {
  const KernelVariant* v = variant::find(kKernels, k);
  if (v == nullptr) {
    return Status::invalid_argument;
  }
  if (!v->available()) {
    return Status::not_available;
  }
  g_active.store(v, std::memory_order_relaxed);
  return Status::ok;
}

BnKernel kernel_active() noexcept { return active().id; }
const char* mul_add_impl_name() noexcept { return active().name; }
const KernelOps& kernel_ops() noexcept { return *active().ops; }

Limb mul_add(Limb* acc, const Limb* a, size_t n, Limb b) noexcept {
  return kernel_ops().mul_add(acc, a, n, b);
}

Limb mont_step(Limb* t, const Limb* a, Limb b, const Limb* m, Limb m0inv, size_t n,
               Limb top) noexcept {
  return kernel_ops().mont_step(t, a, b, m, m0inv, n, top);
}

}  // namespace bn
}  // namespace petrel
