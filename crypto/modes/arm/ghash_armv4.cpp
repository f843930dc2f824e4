// GHASH "armv4" (crypto/modes/arm/ghash_armv4.S): the table set-up. The assembly wants each of
// the 16 multiples i*H of Shoup's 4-bit method (crypto/modes/gcm.cpp, init_table) as one 16-byte
// entry it can load with one LDM: the low 64 bits then the high 64 bits, native words. This
// builds the portable table4 table and interleaves it. NOT constant-time in use (the assembly
// indexes the table with data and H), like the portable table4 variant.
#include <cstdint>

#include "crypto/modes/gcm_internal.h"
#include "crypto/util/wipe.h"

#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)

extern "C" void petrel_ghash_init_armv4(uint64_t* table, const uint8_t* h) noexcept {
  static_assert(2 * 16 <= petrel::AesGcm::kTableWords, "the 4-bit GHASH table must fit AesGcm");
  uint64_t t[2 * 16];
  petrel_ghash_init_table4(t, h);
  for (size_t i = 0; i < 16; i++) {
    table[2 * i] = t[i];           // low half of i*H
    table[2 * i + 1] = t[16 + i];  // high half
  }
  petrel::secure_wipe(t, sizeof(t));
}

#endif
