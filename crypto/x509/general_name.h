// GeneralName (RFC 5280 section 4.2.1.6): one reader and one writer, the lazy GeneralNames
// iterator (subjectAltName) and the GeneralSubtrees iterator (nameConstraints, 4.2.1.10).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_GENERAL_NAME_H
#define PETREL_CRYPTO_X509_GENERAL_NAME_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

enum class GeneralNameType : uint8_t {
  other_name = 0,
  rfc822_name = 1,
  dns_name = 2,
  x400_address = 3,
  directory_name = 4,
  edi_party_name = 5,
  uri = 6,
  ip_address = 7,
  registered_id = 8,
};

struct GeneralName {
  GeneralNameType m_type = GeneralNameType::other_name;
  // IA5 text for rfc822/dNS/URI; 4 or 16 bytes for an address (8 or 32 in a name constraint:
  // address and mask); the whole Name element for directoryName; contents otherwise.
  ByteView m_value;
};

// Reads one GeneralName (RFC 5280 4.2.1.6) and checks its form. in_constraint: iPAddress holds
// an address and a mask (RFC 5280 4.2.1.10).
Status read_general_name(Reader* in, GeneralName* out, bool in_constraint = false) noexcept;

// Iterates over the GeneralNames in a SEQUENCE's contents (as Certificate::m_san).
class GeneralNamesReader final {
 public:
  explicit GeneralNamesReader(ByteView contents) noexcept : m_in(contents) {}
  Status next(GeneralName* out, bool* out_done) noexcept;

 private:
  Reader m_in;
};

// Iterates over GeneralSubtrees' contents (nameConstraints permitted or excluded): each
// GeneralSubtree's base; minimum must be 0 and maximum absent (RFC 5280 4.2.1.10).
class SubtreesReader final {
 public:
  explicit SubtreesReader(ByteView contents) noexcept : m_in(contents) {}
  Status next(GeneralName* out, bool* out_done) noexcept;

 private:
  Reader m_in;
};

// Writes one GeneralName (the implicit [n] tag form used in GeneralNames).
void add_general_name(Writer* w, const GeneralName& g) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_GENERAL_NAME_H
