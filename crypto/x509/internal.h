// Small helpers shared by the crypto/x509 sources (not part of the public interface).
#ifndef PETREL_CRYPTO_X509_INTERNAL_H
#define PETREL_CRYPTO_X509_INTERNAL_H

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {
namespace internal {

constexpr Status kBad = Status::decode_error;

inline bool same_bytes(ByteView a, ByteView b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

inline bool oid_is(ByteView oid, const uint8_t* c, size_t n) {
  return asn1::oid_equal(oid, ByteView(c, n));
}

}  // namespace internal
}  // namespace x509
}  // namespace petrel

// true if the OID contents `v` are asn1::oid::name.
#define PETREL_OID_IS(v, name)                                                        \
  ::petrel::x509::internal::oid_is((v), ::petrel::asn1::oid::name,                   \
                                   sizeof(::petrel::asn1::oid::name))

#endif  // PETREL_CRYPTO_X509_INTERNAL_H
