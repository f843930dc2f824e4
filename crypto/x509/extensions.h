// Certificate extensions (RFC 5280 section 4.2): the keyUsage bits, the presence bits, the
// extension iterator for printers, the extendedKeyUsage OID iterator, and the reader that fills
// a Certificate's extension fields.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_EXTENSIONS_H
#define PETREL_CRYPTO_X509_EXTENSIONS_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

// keyUsage bits (RFC 5280 4.2.1.3), bit n as (1 << n).
constexpr uint16_t kKuDigitalSignature = 1u << 0;
constexpr uint16_t kKuNonRepudiation = 1u << 1;
constexpr uint16_t kKuKeyEncipherment = 1u << 2;
constexpr uint16_t kKuDataEncipherment = 1u << 3;
constexpr uint16_t kKuKeyAgreement = 1u << 4;
constexpr uint16_t kKuKeyCertSign = 1u << 5;
constexpr uint16_t kKuCrlSign = 1u << 6;
constexpr uint16_t kKuEncipherOnly = 1u << 7;
constexpr uint16_t kKuDecipherOnly = 1u << 8;

// Which extensions are present (Certificate::m_extensions).
constexpr uint32_t kExtBasicConstraints = 1u << 0;
constexpr uint32_t kExtKeyUsage = 1u << 1;
constexpr uint32_t kExtExtKeyUsage = 1u << 2;
constexpr uint32_t kExtSubjectAltName = 1u << 3;
constexpr uint32_t kExtAuthorityKeyId = 1u << 4;
constexpr uint32_t kExtSubjectKeyId = 1u << 5;
constexpr uint32_t kExtNameConstraints = 1u << 6;
constexpr uint32_t kExtCertificatePolicies = 1u << 7;
constexpr uint32_t kExtIssuerAltName = 1u << 8;
constexpr uint32_t kExtCrlDistributionPoints = 1u << 9;
constexpr uint32_t kExtAuthorityInfoAccess = 1u << 10;
constexpr uint32_t kExtPolicyMappings = 1u << 11;
constexpr uint32_t kExtPolicyConstraints = 1u << 12;
constexpr uint32_t kExtInhibitAnyPolicy = 1u << 13;

// Iterates over the OIDs of an extendedKeyUsage extension's SEQUENCE contents.
class OidListReader final {
 public:
  explicit OidListReader(ByteView contents) noexcept : m_in(contents) {}
  Status next(ByteView* out, bool* out_done) noexcept;

 private:
  Reader m_in;
};

// Iterates over the extensions (for printers): OID, critical, extnValue contents.
struct Extension {
  ByteView m_oid;
  bool m_critical;
  ByteView m_value;
};
class ExtensionsReader final {
 public:
  // extensions: the Extensions SEQUENCE contents (Certificate::m_extensions_der).
  explicit ExtensionsReader(ByteView extensions) noexcept : m_in(extensions) {}
  Status next(Extension* out, bool* out_done) noexcept;

 private:
  Reader m_in;
};

struct Certificate;
// Parses the Extensions SEQUENCE contents of a v3 certificate into *c (the kExt* bits and the
// extension fields); decode_error for an empty list, more than 64 extensions, a duplicate, or a
// malformed known extension. Used by parse_certificate.
Status parse_extensions(Reader* exts, Certificate* c) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_EXTENSIONS_H
