// Internal interface between crypto/aes/aes.cpp (the variant table and dispatch) and each AES
// implementation file. Not part of the public API.
//
// The entry points are plain C symbols over the schedule words and the round count, so that an
// assembly variant implements them without knowing AesKey's layout. Calling contract (AAPCS on
// ARM, O32 on MIPS, the platform ABI elsewhere; no state kept between calls):
//
//   void petrel_aes_expand_<v>(uint32_t* schedule, const uint8_t* key, size_t key_len,
//                              unsigned rounds)
//       key_len 16/24/32 and rounds 10/12/14 (checked by the caller). Writes the variant's own
//       schedule layout into schedule[0..AesKey::kScheduleWords) (120 words, 16-byte aligned),
//       both directions. Leaves no key material elsewhere (wipes its stack copies).
//
//   void petrel_aes_encrypt_blocks_<v>(const uint32_t* schedule, unsigned rounds, uint8_t* out,
//                                      const uint8_t* in, size_t nblocks)
//   void petrel_aes_decrypt_blocks_<v>(...the same...)
//       ECB on nblocks whole 16-byte blocks (nblocks may be 0); in and out may be equal but
//       must not otherwise overlap; no alignment required of in and out.
//
//   void petrel_aes_cbc_encrypt_<v>(const uint32_t* schedule, unsigned rounds, uint8_t* out,
//                                   const uint8_t* in, size_t nblocks, uint8_t iv[16])
//       Optional (AesOps::cbc_encrypt, nullptr where a variant has none: AesKey then chains
//       encrypt_blocks one block at a time): the CBC encryption chain over nblocks blocks from
//       iv, which is replaced by the last ciphertext block. Same aliasing rules.
//
//   void petrel_aes_ctr32_<v>(const uint32_t* schedule, unsigned rounds, uint8_t* out,
//                             const uint8_t* in, size_t nblocks, uint8_t counter[16])
//       Optional (AesOps::ctr32; nullptr: AesKey::ctr32_blocks encrypts counter blocks in
//       batches): out = in ^ E(counter), E(counter + 1), ... over nblocks whole blocks, the
//       counter being the big-endian 32-bit word counter[12..16) (GCM's inc32, wrapping modulo
//       2^32; bytes 0..11 never change); counter is advanced by nblocks. Same aliasing rules.
#ifndef PETREL_CRYPTO_AES_AES_INTERNAL_H
#define PETREL_CRYPTO_AES_AES_INTERNAL_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"

extern "C" {
void petrel_aes_expand_ct(uint32_t* schedule, const uint8_t* key, size_t key_len,
                          unsigned rounds) noexcept;
void petrel_aes_encrypt_blocks_ct(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                  const uint8_t* in, size_t nblocks) noexcept;
void petrel_aes_decrypt_blocks_ct(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                  const uint8_t* in, size_t nblocks) noexcept;
// The "ct" schedule (AesKey::kScheduleWords words) from the FIPS 197 key-expansion words
// words[0..4*(rounds+1)) (little-endian byte order): for a variant that keeps plain round keys
// and runs a serial chain (CBC encryption) through "ct" one block at a time.
void petrel_aes_schedule_from_words_ct(uint32_t* schedule, const uint32_t* words,
                                       unsigned rounds) noexcept;
// "fixslice": crypto/aes/aes_fixslice.cpp (portable C++, every build).
void petrel_aes_expand_fixslice(uint32_t* schedule, const uint8_t* key, size_t key_len,
                                unsigned rounds) noexcept;
void petrel_aes_encrypt_blocks_fixslice(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                        const uint8_t* in, size_t nblocks) noexcept;
void petrel_aes_decrypt_blocks_fixslice(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                        const uint8_t* in, size_t nblocks) noexcept;
// "fixslice-armv4": crypto/aes/arm/aes_fixslice_armv4.S (generated): the encryption rounds on
// the bitsliced state q[8] (after ortho) and the two-block ECB loop around them; expansion and
// decryption are the "fixslice" functions. ARM builds only (PETREL_ASM_ARM).
void petrel_aes_fixslice_encrypt_armv4(uint32_t* q, const uint32_t* schedule,
                                       unsigned rounds) noexcept;
void petrel_aes_encrypt_blocks_fixslice_armv4(const uint32_t* schedule, unsigned rounds,
                                              uint8_t* out, const uint8_t* in,
                                              size_t nblocks) noexcept;
void petrel_aes_expand_table(uint32_t* schedule, const uint8_t* key, size_t key_len,
                             unsigned rounds) noexcept;
void petrel_aes_encrypt_blocks_table(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                     const uint8_t* in, size_t nblocks) noexcept;
void petrel_aes_decrypt_blocks_table(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                     const uint8_t* in, size_t nblocks) noexcept;
// "armv4": crypto/aes/arm/aes_armv4.S (blocks, CBC chain) and aes_armv4.cpp (expansion); only
// in ARM builds (cmake PETREL_ASM_ARM).
void petrel_aes_expand_armv4(uint32_t* schedule, const uint8_t* key, size_t key_len,
                             unsigned rounds) noexcept;
void petrel_aes_encrypt_blocks_armv4(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                     const uint8_t* in, size_t nblocks) noexcept;
void petrel_aes_decrypt_blocks_armv4(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                     const uint8_t* in, size_t nblocks) noexcept;
void petrel_aes_cbc_encrypt_armv4(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                  const uint8_t* in, size_t nblocks, uint8_t* iv) noexcept;
// "armv7-neon": crypto/aes/arm/neon/aes_armv7_neon.cpp (bitsliced NEON, eight blocks at a time;
// fewer are padded), ARMv7-A builds only (PETREL_ASM_ARM_NEON), run only where cpu::arm_neon().
void petrel_aes_expand_armv7_neon(uint32_t* schedule, const uint8_t* key, size_t key_len,
                                  unsigned rounds) noexcept;
void petrel_aes_encrypt_blocks_armv7_neon(const uint32_t* schedule, unsigned rounds,
                                          uint8_t* out, const uint8_t* in,
                                          size_t nblocks) noexcept;
void petrel_aes_decrypt_blocks_armv7_neon(const uint32_t* schedule, unsigned rounds,
                                          uint8_t* out, const uint8_t* in,
                                          size_t nblocks) noexcept;
// The CBC-encryption chain of "armv7-neon": one block at a time cannot fill the eight lanes, so
// it converts the round keys to the "ct" schedule on its stack and runs "ct" (two-block
// bitslicing, a quarter of the work of a padded eight-block batch); constant-time like both.
void petrel_aes_cbc_encrypt_armv7_neon(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                       const uint8_t* in, size_t nblocks, uint8_t* iv) noexcept;
// Its CTR32 entry (AesOps::ctr32), and the assembly under both (crypto/aes/arm/neon/
// aes_armv7_neon.S, over the bit-plane round keys that aes_armv7_neon.cpp makes per call).
void petrel_aes_ctr32_armv7_neon(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                 const uint8_t* in, size_t nblocks, uint8_t* counter) noexcept;
void petrel_aes_bs8_encrypt_armv7_neon(const uint8_t* bskeys, unsigned rounds, uint8_t* out,
                                       const uint8_t* in, size_t nbatches) noexcept;
void petrel_aes_bs8_ctr32_armv7_neon(const uint8_t* bskeys, unsigned rounds, uint8_t* out,
                                     const uint8_t* in, size_t nbatches,
                                     uint8_t* counter) noexcept;
// "mips32r2": crypto/aes/mips/r2/ (assembly blocks, expansion in C++), MIPS32r2 O32 builds only.
void petrel_aes_expand_mips32r2(uint32_t* schedule, const uint8_t* key, size_t key_len,
                                unsigned rounds) noexcept;
void petrel_aes_encrypt_blocks_mips32r2(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                        const uint8_t* in, size_t nblocks) noexcept;
void petrel_aes_decrypt_blocks_mips32r2(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                        const uint8_t* in, size_t nblocks) noexcept;
}

namespace petrel {
namespace aes_detail {

// One implementation's functions (the extern "C" entry points above).
struct AesOps {
  void (*expand)(uint32_t* schedule, const uint8_t* key, size_t key_len, unsigned rounds) noexcept;
  AesKey::BlockFn encrypt;
  AesKey::BlockFn decrypt;
  AesKey::CbcFn cbc_encrypt;  // optional: nullptr chains encrypt one block at a time
  AesKey::Ctr32Fn ctr32 = nullptr;  // optional: nullptr encrypts counter blocks in batches
};

}  // namespace aes_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_AES_AES_INTERNAL_H
