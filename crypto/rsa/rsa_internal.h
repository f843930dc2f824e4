// Internal helpers shared by the RSA padding files.
#ifndef PETREL_CRYPTO_RSA_RSA_INTERNAL_H
#define PETREL_CRYPTO_RSA_RSA_INTERNAL_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/ct.h"

namespace petrel {
namespace rsa_internal {

// Moves buf[shift..len) to buf[0..len - shift) and zero-fills the end, in time that depends only
// on len (a logarithmic shifter: one masked pass per bit of the secret shift; shift < len).
inline void ct_shift_left(uint8_t* buf, size_t len, size_t shift) noexcept {
  const uint32_t s = static_cast<uint32_t>(shift);
  for (size_t j = 1; j < len; j <<= 1) {
    const uint32_t mask = ct::neq(s & static_cast<uint32_t>(j), 0);
    for (size_t i = 0; i < len; i++) {
      const uint8_t moved = (i + j < len) ? buf[i + j] : 0;  // i, j public
      buf[i] = ct::select8(mask, moved, buf[i]);
    }
  }
}

}  // namespace rsa_internal
}  // namespace petrel

#endif  // PETREL_CRYPTO_RSA_RSA_INTERNAL_H
