// The inner loops of every big-number product, the places where hand-written assembly plugs in
// later (ARM UMLAL/UMAAL in crypto/bignum/arm/, MIPS MULTU/MADDU in crypto/bignum/mips/):
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
#include "crypto/bignum/bignum.h"

namespace petrel {
namespace bn {

uint32_t mul_add_limbs(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept {
  uint32_t carry = 0;
  for (size_t i = 0; i < n; i++) {
    const uint64_t t = static_cast<uint64_t>(a[i]) * b + acc[i] + carry;
    acc[i] = static_cast<uint32_t>(t);
    carry = static_cast<uint32_t>(t >> 32);
  }
  return carry;
}

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

uint32_t mont_step_limbs(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                         uint32_t m0inv, size_t n, uint32_t top) noexcept {
  return mont_step<uint32_t, uint64_t>(t, a, b, m, m0inv, n, top);
}

#if defined(__SIZEOF_INT128__)
uint64_t mont_step_limbs(uint64_t* t, const uint64_t* a, uint64_t b, const uint64_t* m,
                         uint64_t m0inv, size_t n, uint64_t top) noexcept {
  return mont_step<uint64_t, unsigned __int128>(t, a, b, m, m0inv, n, top);
}
#endif

const char* mul_add_impl_name() noexcept {
  return kLimbBits == 64 ? "portable-c64" : "portable-c32";
}

}  // namespace bn
}  // namespace petrel
