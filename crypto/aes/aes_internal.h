// Internal interface between crypto/aes/aes.cpp (the name table and dispatch) and each AES
// implementation file. Not part of the public API.
#ifndef PETREL_CRYPTO_AES_AES_INTERNAL_H
#define PETREL_CRYPTO_AES_AES_INTERNAL_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"

namespace petrel {
namespace aes_detail {

// One implementation: expands a 16/24/32-byte key into AesKey::schedule() (layout private to the
// implementation, at most AesKey::kScheduleWords words) and processes whole blocks.
struct AesOps {
  void (*expand)(uint32_t* schedule, const uint8_t* key, size_t key_len, unsigned rounds);
  AesKey::BlockFn encrypt;
  AesKey::BlockFn decrypt;
};

extern const AesOps kAesCtOps;     // aes_ct.cpp
extern const AesOps kAesTableOps;  // aes_table.cpp

}  // namespace aes_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_AES_AES_INTERNAL_H
