// Constant-time HMAC over a message of secret length, for the MAC-then-encrypt CBC record check
// of TLS 1.0-1.2 (Lucky Thirteen, AlFardan and Paterson 2013). The message is
// header || data[0 .. data_len): header and the bounds min_len <= data_len <= data.size() are
// public, data_len and every byte are secret. The time, the branches and the memory addresses
// depend only on alg, key.size(), header.size(), min_len and data.size().
//
// Method (BearSSL br_hmac_outCT, BoringSSL EVP_tls_cbc_digest_record): whole blocks below
// min_len are hashed as usual; from there on every block up to the last one that could be final
// is compressed, each byte masked to the message byte, the 0x80 end marker or zero, the length
// field masked into the block whose index equals the (secret) final block index, and the
// chaining state after that block kept with a mask.
//
// Hashes: MD5, SHA-1, SHA-224, SHA-256 (64-byte blocks, 8-byte length field) and SHA-384,
// SHA-512 (128-byte blocks, 16-byte length field; SHA-384 is the MAC of the RFC 5289
// *_SHA384 CBC suites).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_MAC_HMAC_CT_H
#define PETREL_CRYPTO_MAC_HMAC_CT_H

#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

// out.size() >= hash_digest_size(alg). Precondition (not checked, data_len is secret):
// min_len <= data_len <= data.size(). Errors (all on public values): unsupported for a hash
// outside that list, buffer_too_small, invalid_argument if min_len > data.size() or the
// message is longer than 2^24 bytes.
Status hmac_ct(HashAlg alg, MutableBytes out, ByteView key, ByteView header, ByteView data,
               size_t data_len, size_t min_len) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_MAC_HMAC_CT_H
