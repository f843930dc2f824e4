// The GHASH seam of crypto/modes/gcm.cpp: the functions a GHASH variant implements, as plain C
// symbols over the state words (no C++ object layout). Internal to the library.
//
// Calling contract (AAPCS on ARM, O32 on MIPS, the platform ABI elsewhere; no state kept):
//
//   void petrel_ghash_init_<v>(uint64_t* table, const uint8_t* h)
//       h is the 16-byte hash subkey H = AES_K(0^128). Writes the variant's own precomputation
//       into table[0..AesGcm::kTableWords) (16-byte aligned); wipes its stack copies.
//
//   void petrel_ghash_blocks_<v>(uint8_t* y, const uint64_t* table, const uint8_t* data,
//                                size_t nblocks)
//       For each of the nblocks whole 16-byte blocks X of data: Y = (Y xor X) * H in GF(2^128)
//       with the GCM bit order (SP 800-38D 6.3, 6.4); y is the 16-byte Y, read and written in
//       place; nblocks may be 0; data need not be aligned.
#ifndef PETREL_CRYPTO_MODES_GCM_INTERNAL_H
#define PETREL_CRYPTO_MODES_GCM_INTERNAL_H

#include <cstddef>
#include <cstdint>

#include "crypto/modes/gcm.h"

extern "C" {
void petrel_ghash_init_ct(uint64_t* table, const uint8_t* h) noexcept;
void petrel_ghash_blocks_ct(uint8_t* y, const uint64_t* table, const uint8_t* data,
                            size_t nblocks) noexcept;
void petrel_ghash_init_table4(uint64_t* table, const uint8_t* h) noexcept;
void petrel_ghash_blocks_table4(uint8_t* y, const uint64_t* table, const uint8_t* data,
                                size_t nblocks) noexcept;
// Assembly variants (declared everywhere, defined where their folder is built).
void petrel_ghash_init_armv4(uint64_t* table, const uint8_t* h) noexcept;
void petrel_ghash_blocks_armv4(uint8_t* y, const uint64_t* table, const uint8_t* data,
                               size_t nblocks) noexcept;
// "armv4-ct": crypto/modes/arm/ghash_armv4_ct.S (generated; constant-time), over the "ct"
// table (petrel_ghash_init_ct).
void petrel_ghash_blocks_armv4_ct(uint8_t* y, const uint64_t* table, const uint8_t* data,
                                  size_t nblocks) noexcept;
void petrel_ghash_init_mips32r2(uint64_t* table, const uint8_t* h) noexcept;
void petrel_ghash_blocks_mips32r2(uint8_t* y, const uint64_t* table, const uint8_t* data,
                                  size_t nblocks) noexcept;
void petrel_ghash_init_armv7_neon(uint64_t* table, const uint8_t* h) noexcept;
void petrel_ghash_blocks_armv7_neon(uint8_t* y, const uint64_t* table, const uint8_t* data,
                                    size_t nblocks) noexcept;
}

namespace petrel {
namespace ghash_detail {

struct GhashOps {
  void (*init)(uint64_t* table, const uint8_t* h) noexcept;
  void (*blocks)(uint8_t* y, const uint64_t* table, const uint8_t* data, size_t nblocks) noexcept;
};

}  // namespace ghash_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_MODES_GCM_INTERNAL_H
