// Small helpers shared by the crypto/asn1 DER sources (der.cpp, der_oid.cpp, der_string.cpp,
// der_time.cpp); not part of the public interface, nothing outside crypto/asn1 includes it.
#ifndef PETREL_CRYPTO_ASN1_DER_INTERNAL_H
#define PETREL_CRYPTO_ASN1_DER_INTERNAL_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/cursor.h"
#include "crypto/util/span.h"

namespace petrel {
namespace asn1 {
namespace der_internal {

inline bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

// Appends text to out at *pos (bounds-checked).
inline bool put_char(MutableBytes out, size_t* pos, uint8_t c) {
  if (*pos >= out.size()) {
    return false;
  }
  out[*pos] = c;
  (*pos)++;
  return true;
}

// Writes v in minimal base-128 groups, high groups with bit 7 set (X.690 8.1.2.4.2 tag numbers
// and 8.19.2 OID subidentifiers share this form).
inline void put_base128(Writer* w, uint64_t v) {
  uint8_t groups[10];
  size_t n = 0;
  do {
    groups[n++] = static_cast<uint8_t>(v & 0x7f);
    v >>= 7;
  } while (v != 0);
  while (n > 1) {
    w->add_u8(static_cast<uint8_t>(groups[--n] | 0x80));
  }
  w->add_u8(groups[0]);
}

}  // namespace der_internal
}  // namespace asn1
}  // namespace petrel

#endif  // PETREL_CRYPTO_ASN1_DER_INTERNAL_H
