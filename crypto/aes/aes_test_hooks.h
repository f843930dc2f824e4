// Test-only access to an AesKey's schedule words: the assembly call harnesses
// (tests/aes/aes_asm_test.cpp, aes_asm_arm_test.cpp) pass them to the extern "C" entry points of
// crypto/aes/aes_internal.h, and the wipe test checks that clear() zeroes them. Not installed,
// and header-only: nothing of it is in the library. The layout of the words is each variant's
// own (aes_ct.cpp, aes_table.cpp, ...), not API.
#ifndef PETREL_CRYPTO_AES_AES_TEST_HOOKS_H
#define PETREL_CRYPTO_AES_AES_TEST_HOOKS_H

#include <cstdint>

#include "crypto/aes/aes.h"

namespace petrel {

struct AesKeyAccess {
  static const uint32_t* schedule(const AesKey& key) noexcept { return key.m_schedule; }
};

// AesKey::kScheduleWords words.
inline const uint32_t* aes_key_schedule_for_testing(const AesKey& key) noexcept {
  return AesKeyAccess::schedule(key);
}

}  // namespace petrel

#endif  // PETREL_CRYPTO_AES_AES_TEST_HOOKS_H
