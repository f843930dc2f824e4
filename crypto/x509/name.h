// X.509 Names (RFC 5280 section 4.1.2.4): a lazy attribute reader over the DER, the RFC 5280
// section 7.1 comparison, OpenSSL's one-line text form, and the writer from OpenSSL's
// "/TYPE=value" text. Views into the caller's buffer, no heap.
#ifndef PETREL_CRYPTO_X509_NAME_H
#define PETREL_CRYPTO_X509_NAME_H

#include <cstddef>
#include <cstdint>

#include "crypto/asn1/der.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

// One AttributeTypeAndValue of a Name.
struct Attribute {
  ByteView m_type;       // OID contents
  asn1::Tag m_value_tag;  // the string tag (or another tag, for non-string values)
  ByteView m_value;      // the value's contents
  ByteView m_value_der;  // the value's whole DER element (tag, length, contents)
  bool m_multi_valued;   // part of an RDN with more than one attribute
};

// Iterates over the attributes of a Name (SEQUENCE OF RelativeDistinguishedName), in order.
class NameReader final {
 public:
  // name: the whole Name element (as Certificate::m_subject).
  explicit NameReader(ByteView name) noexcept;
  // *out_done is true (with ok) at the end. decode_error for malformed contents.
  Status next(Attribute* out, bool* out_done) noexcept;
  // Starts a new RDN at the next attribute? (true when the last attribute returned began one).
  bool rdn_start() const noexcept { return m_rdn_start; }

 private:
  Reader m_rdns;
  Reader m_rdn;
  bool m_rdn_start = false;
  bool m_multi = false;
  bool m_bad = false;
};

// Checks a whole Name: RDNs non-empty, each attribute SEQUENCE { OID, value }, string values of
// the right character set.
Status check_name(ByteView name) noexcept;
// RFC 5280 section 7.1 name comparison: equal when byte-identical, or when they have the same
// RDN structure, the same attribute types, and values that compare equal after conversion to
// UTF-8, ASCII case folding and whitespace folding (leading/trailing removed, runs collapsed).
bool name_equal(ByteView a, ByteView b) noexcept;
// Number of RDNs in a well-formed Name (0 for an empty Name).
size_t name_rdn_count(ByteView name) noexcept;
// true if `prefix`'s RDNs equal the first RDNs of `name` (RFC 5280 4.2.1.10 directoryName).
bool name_has_prefix(ByteView name, ByteView prefix) noexcept;
// Prints a Name in OpenSSL's one-line form ("C = US, O = Example, CN = host"), escaped as
// `openssl x509 -noout -subject` does by default: C0/C1 controls, DEL and every non-ASCII UTF-8
// byte as "\XX", '"' and '\' backslash-escaped, a value with , + ; < > (or a leading '#' or
// space, or a trailing space) in double quotes: `O = "Trustwave Holdings, Inc."`. A non-string
// value (of an attribute type Petrel does not know) as RFC 4514's "#" + hex of its DER (OpenSSL
// prints its raw contents). Always NUL-terminated when out is not empty; buffer_too_small if
// truncated. The text takes at most 8 bytes per byte of the Name, plus 64.
Status name_to_text(MutableBytes out, size_t* out_len, ByteView name) noexcept;

// Writes a Name from "/TYPE=value/TYPE=value..." (OpenSSL's -subj form). Types: C, ST, L, O,
// OU, CN, emailAddress, DC, UID, serialNumber, SN, GN, title, street, name, initials,
// pseudonym, dnQualifier, generationQualifier. "+" instead of "/" adds an attribute to the same
// RDN; "\" escapes the next character. countryName is a PrintableString, emailAddress and DC are
// IA5String, the others UTF8String (OpenSSL's default string mask). invalid_argument for an
// unknown type, an empty value, or a malformed string.
Status write_name_from_text(Writer* w, ByteView text) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_NAME_H
