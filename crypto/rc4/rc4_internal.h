// Internal interface between crypto/rc4/rc4.cpp (the variant table, the key schedule and the
// dispatch) and each RC4 keystream implementation. Not part of the public API.
//
// The keystream entry points are plain C symbols over the state bytes, so that an assembly
// variant implements them without knowing Rc4's layout. Calling contract (O32 on MIPS, the
// platform ABI elsewhere (AAPCS on ARM); no state kept between calls):
//
//   void petrel_rc4_crypt_<v>(uint8_t* state, uint8_t* out, const uint8_t* in, size_t len)
//       state: 258 bytes, the permutation S[0..255], then i at state[256] and j at state[257];
//       read and written back. out[k] = in[k] ^ the next keystream byte, k < len (len may be 0);
//       in and out may be equal but must not otherwise overlap; no alignment required.
//
// The key schedule (KSA) is the portable C++ of rc4.cpp for every variant.
#ifndef PETREL_CRYPTO_RC4_RC4_INTERNAL_H
#define PETREL_CRYPTO_RC4_RC4_INTERNAL_H

#include <cstddef>
#include <cstdint>

extern "C" {
void petrel_rc4_crypt_c(uint8_t* state, uint8_t* out, const uint8_t* in, size_t len) noexcept;
// "mips32r2": crypto/rc4/mips/r2/rc4_mips32r2.S, MIPS32r2 O32 builds only.
void petrel_rc4_crypt_mips32r2(uint8_t* state, uint8_t* out, const uint8_t* in,
                               size_t len) noexcept;
// "armv4": crypto/rc4/arm/rc4_armv4.S, little-endian 32-bit ARM builds only.
void petrel_rc4_crypt_armv4(uint8_t* state, uint8_t* out, const uint8_t* in, size_t len) noexcept;
}

namespace petrel {
namespace rc4_detail {

constexpr size_t kStateBytes = 258;  // S[256], i, j

struct Rc4Ops {
  void (*crypt)(uint8_t* state, uint8_t* out, const uint8_t* in, size_t len) noexcept;
};

}  // namespace rc4_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_RC4_RC4_INTERNAL_H
