// GHASH "mips32r2" (crypto/modes/mips/r2/ghash_mips32r2.S): the table set-up. The assembly wants
// each of the 16 multiples i*H of Shoup's 4-bit method (crypto/modes/gcm.cpp, init_table) as one
// 16-byte entry of four native 32-bit words z0..z3, least significant first (z1:z0 the low 64
// bits of the reflected element, z3:z2 the high), the same on both byte orders. This builds the
// portable table4 table and rearranges it. NOT constant-time in use (the assembly indexes the
// table with data and H), like the portable table4 variant.
#include <cstdint>
#include <cstring>

#include "crypto/modes/gcm_internal.h"
#include "crypto/util/wipe.h"

#if defined(__mips__) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 && \
    defined(_ABIO32) && _MIPS_SIM == _ABIO32

extern "C" void petrel_ghash_init_mips32r2(uint64_t* table, const uint8_t* h) noexcept {
  static_assert(2 * 16 <= petrel::AesGcm::kTableWords, "the 4-bit GHASH table must fit AesGcm");
  uint64_t t[2 * 16];
  petrel_ghash_init_table4(t, h);
  uint32_t w[4 * 16];
  for (size_t i = 0; i < 16; i++) {
    w[4 * i] = static_cast<uint32_t>(t[i]);
    w[4 * i + 1] = static_cast<uint32_t>(t[i] >> 32);
    w[4 * i + 2] = static_cast<uint32_t>(t[16 + i]);
    w[4 * i + 3] = static_cast<uint32_t>(t[16 + i] >> 32);
  }
  std::memcpy(table, w, sizeof(w));
  petrel::secure_wipe(t, sizeof(t));
  petrel::secure_wipe(w, sizeof(w));
}

#endif
