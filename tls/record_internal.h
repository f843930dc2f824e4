// Internal to tls/ (not installed): what the record layer (record.cpp) and its CBC part
// (record_cbc.cpp) share: the MAC header and HMAC of RFC 5246 6.2.3.1, the record size bounds
// and the one declassification of a verdict.
#ifndef PETREL_TLS_RECORD_INTERNAL_H
#define PETREL_TLS_RECORD_INTERNAL_H

#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "tls/record.h"

namespace petrel {
namespace tls {
namespace record_internal {

constexpr size_t kMacHeaderSize = 13;  // seq_num(8) || type(1) || version(2) || length(2)
// RFC 5246 6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048.
constexpr size_t kMaxFragment = kMaxPlaintext + 2048;
// The padding_length byte can say at most 255: the padding spans at most 256 bytes.
constexpr size_t kMaxPadSpan = 256;

// The record MAC's hash.
HashAlg mac_hash(RecordMac m) noexcept;
// seq_num || type || version || length.
void make_header(uint8_t out[kMacHeaderSize], uint64_t seq, uint8_t type, uint16_t version,
                 size_t length) noexcept;
// HMAC(mac_key, header || data) into out (record_mac_size bytes). Public lengths.
Status record_hmac(uint8_t* out, RecordMac mac, const uint8_t* key, const uint8_t* header,
                   ByteView data) noexcept;
// The one place a secret mask becomes a public fact.
bool declassify_verdict(uint32_t good) noexcept;

}  // namespace record_internal
}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_RECORD_INTERNAL_H
