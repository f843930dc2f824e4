// Internal helpers of crypto/bignum: limb-width masks that the optimizer cannot turn into
// branches (crypto/util/ct.h has the 32-bit versions).
#ifndef PETREL_CRYPTO_BIGNUM_BN_INTERNAL_H
#define PETREL_CRYPTO_BIGNUM_BN_INTERNAL_H

#include "crypto/bignum/bignum.h"
#include "crypto/util/ct.h"

namespace petrel {
namespace bn {

inline uint32_t barrier(uint32_t x) noexcept { return ct::value_barrier(x); }
inline uint64_t barrier(uint64_t x) noexcept { return ct::value_barrier64(x); }

// All-ones if bit0 (0 or 1) is 1.
inline Limb mask_of(Limb bit0) noexcept { return barrier(static_cast<Limb>(0u - (bit0 & 1u))); }
inline Limb limb_is_zero(Limb a) noexcept {
  return mask_of((~a & (a - 1)) >> (kLimbBits - 1));
}
inline Limb limb_lt(Limb a, Limb b) noexcept {
  return mask_of((a ^ ((a ^ b) | ((a - b) ^ a))) >> (kLimbBits - 1));
}
inline Limb limb_eq(Limb a, Limb b) noexcept { return limb_is_zero(a ^ b); }

}  // namespace bn
}  // namespace petrel

#endif  // PETREL_CRYPTO_BIGNUM_BN_INTERNAL_H
