// Internal interface between crypto/chacha/chacha20.cpp (the variant table and the streaming
// front end) and each ChaCha20 implementation file. Not part of the public API.
//
// The entry point is a plain C symbol over the 16 input words, so that an assembly variant
// implements it without knowing ChaCha20's layout. Calling contract (AAPCS on ARM, O32 on MIPS,
// the platform ABI elsewhere; no state kept between calls):
//
//   void petrel_chacha20_blocks_<v>(uint8_t* out, const uint8_t* in, size_t nblocks,
//                                   const uint32_t state[16])
//       state: the RFC 8439 section 2.3 input words (constants, key, counter in state[12],
//       nonce), read only. For k = 0 .. nblocks-1, out[64k .. 64k+64) = in[64k .. 64k+64) xor
//       the block function of state with counter state[12] + k. nblocks may be 0. The caller
//       guarantees state[12] + nblocks <= 2^32 (no wrap) and advances state[12] itself.
//       out == in is allowed (otherwise no overlap); no alignment is required of out and in.
//       Leaves no key material elsewhere (wipes its stack copies).
#ifndef PETREL_CRYPTO_CHACHA_CHACHA20_INTERNAL_H
#define PETREL_CRYPTO_CHACHA_CHACHA20_INTERNAL_H

#include <cstddef>
#include <cstdint>

extern "C" {
void petrel_chacha20_blocks_portable(uint8_t* out, const uint8_t* in, size_t nblocks,
                                     const uint32_t state[16]) noexcept;
// crypto/chacha/arm/chacha20_armv4.S (ARM builds only).
void petrel_chacha20_blocks_armv4(uint8_t* out, const uint8_t* in, size_t nblocks,
                                  const uint32_t state[16]) noexcept;
// crypto/chacha/arm/neon/chacha20_armv7_neon.S (ARMv7-A builds only; needs NEON at run time).
void petrel_chacha20_blocks_armv7_neon(uint8_t* out, const uint8_t* in, size_t nblocks,
                                       const uint32_t state[16]) noexcept;
}

namespace petrel {
namespace chacha_detail {

struct ChaCha20Ops {
  void (*blocks)(uint8_t* out, const uint8_t* in, size_t nblocks,
                 const uint32_t state[16]) noexcept;
};

}  // namespace chacha_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_CHACHA_CHACHA20_INTERNAL_H
