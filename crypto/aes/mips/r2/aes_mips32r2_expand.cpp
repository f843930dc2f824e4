// AES key expansion of the "mips32r2" variant (crypto/aes/mips/r2/aes_mips32r2.S): the
// portable table code's FIPS 197 key expansion and equivalent-inverse-cipher schedule
// (petrel_aes_expand_table, crypto/aes/aes_table.cpp), with each word then put in the CPU's byte
// order, which is the form the assembly loads the state in (plain LW). On big-endian MIPS the
// layout is exactly "table"'s; on little-endian every word is byte-swapped. Words 0..59 encrypt,
// 60..119 decrypt, as in "table". The expansion has secret-indexed S-box lookups (NOT
// constant-time, as the whole variant).
#include "crypto/aes/aes_internal.h"

#if defined(__mips_isa_rev) && __mips_isa_rev >= 2 && __mips_isa_rev < 6 && defined(_ABIO32) && \
    _MIPS_SIM == _ABIO32

extern "C" void petrel_aes_expand_mips32r2(uint32_t* schedule, const uint8_t* key,
                                           size_t key_len, unsigned rounds) noexcept {
  petrel_aes_expand_table(schedule, key, key_len, rounds);
#if defined(__MIPSEL__)
  for (size_t i = 0; i < petrel::AesKey::kScheduleWords; i++) {
    schedule[i] = __builtin_bswap32(schedule[i]);
  }
#endif
}

#endif
