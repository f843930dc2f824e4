// GHASH "armv7-neon" (crypto/modes/arm/neon/ghash_armv7_neon.S): the key set-up. The assembly
// holds field elements as 128-bit integers read big-endian (the bit-reflected form of the
// portable "ct" variant), split in 64-bit halves; the table is H's high half, low half, and their
// xor (the Karatsuba middle operand), as native 64-bit words. Constant-time: no table lookup,
// no branch on H. Plain C++ (no NEON needed here).
#include <cstdint>

#include "crypto/modes/gcm_internal.h"
#include "crypto/util/endian.h"

#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__)

extern "C" void petrel_ghash_init_armv7_neon(uint64_t* table, const uint8_t* h) noexcept {
  static_assert(3 <= petrel::AesGcm::kTableWords, "the NEON GHASH operands must fit AesGcm");
  const uint64_t hh = petrel::load_be64(h);
  const uint64_t hl = petrel::load_be64(h + 8);
  table[0] = hh;
  table[1] = hl;
  table[2] = hh ^ hl;
}

#endif
