// Library-internal access to the hash compression functions, for code that must drive the
// Merkle-Damgard iteration itself: the constant-time TLS record MAC (crypto/mac/hmac_ct.cpp)
// hashes a message of secret length by compressing every candidate final block and selecting
// the right state with masks. Internal, like aes_internal.h: not part of the public API.
//
// Each function processes `blocks` whole blocks at p into the chaining state h, in constant
// time: 64-byte blocks for MD5 (4 words), SHA-1 (5 words) and SHA-224/256 (8 words), 128-byte
// blocks for SHA-384/512 (8 64-bit words).
#ifndef PETREL_CRYPTO_HASH_HASH_INTERNAL_H
#define PETREL_CRYPTO_HASH_HASH_INTERNAL_H

#include <cstddef>
#include <cstdint>

namespace petrel {
namespace hash_detail {

void md5_compress_blocks(uint32_t h[4], const uint8_t* p, size_t blocks) noexcept;
void sha1_compress_blocks(uint32_t h[5], const uint8_t* p, size_t blocks) noexcept;
void sha256_compress_blocks(uint32_t h[8], const uint8_t* p, size_t blocks) noexcept;
void sha512_compress_blocks(uint64_t h[8], const uint8_t* p, size_t blocks) noexcept;

}  // namespace hash_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_HASH_HASH_INTERNAL_H
