// AES "armv4" (crypto/aes/arm/aes_armv4.S): the key expansion. The assembly works on
// little-endian column words, so the schedule is the portable table variant's
// (petrel_aes_expand_table, FIPS 197 sections 5.2 and 5.3.5: encryption round keys in words
// 0..59, the equivalent inverse cipher's in 60..119) with every word byte-reversed.
// The expansion is the portable one and is NOT constant-time (S-box lookups on key bytes), like
// the rest of this variant.
#include <cstdint>

#include "crypto/aes/aes_internal.h"

#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)

extern "C" void petrel_aes_expand_armv4(uint32_t* schedule, const uint8_t* key, size_t key_len,
                                        unsigned rounds) noexcept {
  petrel_aes_expand_table(schedule, key, key_len, rounds);
  for (size_t i = 0; i < petrel::AesKey::kScheduleWords; i++) {
    const uint32_t w = schedule[i];
    schedule[i] = (w >> 24) | ((w >> 8) & 0xFF00u) | ((w << 8) & 0xFF0000u) | (w << 24);
  }
}

#endif
