// Internal interface between crypto/chacha/poly1305.cpp (the variant table and the streaming
// front end: buffering, the padded last block) and each Poly1305 implementation. Not part of
// the public API.
//
// The entry points are plain C symbols over an opaque state, so that an assembly variant
// implements them without knowing the C++ types. Calling contract (AAPCS on ARM, O32 on MIPS,
// the platform ABI elsewhere):
//
//   state: a Poly1305::State (sizeof 120 bytes, 8-byte aligned), which each variant lays out as
//   it likes between init and finish (donna32: r, h, pad in its 32-bit words; donna64: in its
//   64-bit words); the front end only wipes it.
//
//   void petrel_poly1305_init_<v>(void* state, const uint8_t key[32])
//       key = r || s (RFC 8439 section 2.5); clamps r, sets the accumulator to 0.
//   void petrel_poly1305_blocks_<v>(void* state, const uint8_t* m, size_t nblocks,
//                                   uint32_t last)
//       absorbs nblocks 16-byte blocks (nblocks may be 0; m needs no alignment). last = 0:
//       whole message blocks (2^128 added to each); last = 1: one final block the caller has
//       already padded with 0x01 and zeros (nothing added).
//   void petrel_poly1305_finish_<v>(void* state, uint8_t tag[16])
//       the fully reduced accumulator plus s, mod 2^128, little-endian.
// All constant time in the key and the message: no branch and no address depends on them.
#ifndef PETREL_CRYPTO_CHACHA_POLY1305_INTERNAL_H
#define PETREL_CRYPTO_CHACHA_POLY1305_INTERNAL_H

#include <cstddef>
#include <cstdint>

extern "C" {
// "donna32": 5 limbs of 26 bits, in every build.
void petrel_poly1305_init_donna32(void* state, const uint8_t key[32]) noexcept;
void petrel_poly1305_blocks_donna32(void* state, const uint8_t* m, size_t nblocks,
                                    uint32_t last) noexcept;
void petrel_poly1305_finish_donna32(void* state, uint8_t tag[16]) noexcept;
// "donna64": 3 limbs of 44/44/42 bits, unsigned __int128 (64-bit hosts only).
void petrel_poly1305_init_donna64(void* state, const uint8_t key[32]) noexcept;
void petrel_poly1305_blocks_donna64(void* state, const uint8_t* m, size_t nblocks,
                                    uint32_t last) noexcept;
void petrel_poly1305_finish_donna64(void* state, uint8_t tag[16]) noexcept;
// "armv4": radix 2^32 (ARM builds only): the block function in crypto/chacha/arm/
// poly1305_armv4.S, init and finish in crypto/chacha/arm/poly1305_armv4_glue.cpp.
void petrel_poly1305_init_armv4(void* state, const uint8_t key[32]) noexcept;
void petrel_poly1305_blocks_armv4(void* state, const uint8_t* m, size_t nblocks,
                                  uint32_t last) noexcept;
void petrel_poly1305_finish_armv4(void* state, uint8_t tag[16]) noexcept;
}

namespace petrel {
namespace poly1305_detail {

struct Poly1305Ops {
  void (*init)(void* state, const uint8_t key[32]) noexcept;
  void (*blocks)(void* state, const uint8_t* m, size_t nblocks, uint32_t last) noexcept;
  void (*finish)(void* state, uint8_t tag[16]) noexcept;
};

}  // namespace poly1305_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_CHACHA_POLY1305_INTERNAL_H
