// The multiply-accumulate inner loop of every big-number product: acc[0..n) += a[0..n) * b,
// returning the carry limb. Montgomery multiplication (montgomery.cpp) and the schoolbook
// product (bignum.cpp) are built on it, so this is the one place where hand-written assembly
// plugs in later: ARM UMLAL/UMAAL (crypto/bignum/arm/), MIPS MULTU/MADDU (crypto/bignum/mips/).
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

const char* mul_add_impl_name() noexcept {
  return kLimbBits == 64 ? "portable-c64" : "portable-c32";
}

}  // namespace bn
}  // namespace petrel
