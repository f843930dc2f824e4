// X.509 Names (RFC 5280 section 4.1.2.4): a lazy attribute reader over the DER, the RFC 5280
// section 7.1 comparison, OpenSSL's one-line text form, and the writer from OpenSSL's
// "/TYPE=value" text. Views into the caller's buffer, no heap.
// Public API (installed): the declarations here are stable.
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
// number of RDNs and each RDN equals the other's at the same place. Two RDNs are equal when
// they are equal as sets: the same number of attributes, each attribute matched by a distinct
// one of the other RDN, in any order (an RDN is a SET OF), with the same type and a value that
// compares equal after conversion to UTF-8, ASCII case folding and whitespace folding
// (leading/trailing removed, runs collapsed). An RDN of more than 32 attributes never compares
// equal unless byte-identical.
bool name_equal(ByteView a, ByteView b) noexcept;
// Number of RDNs in a well-formed Name (0 for an empty Name).
size_t name_rdn_count(ByteView name) noexcept;
// true if `prefix`'s RDNs equal the first RDNs of `name` (RFC 5280 4.2.1.10 directoryName),
// each RDN compared as a set as name_equal does.
bool name_has_prefix(ByteView name, ByteView prefix) noexcept;
// Prints a Name in OpenSSL's one-line form ("C = US, O = Example, CN = host"), escaped as
// `openssl x509 -noout -subject` does by default: C0/C1 controls, DEL and every non-ASCII UTF-8
// byte as "\XX", '"' and '\' backslash-escaped, a value with , + ; < > (or a leading '#' or
// space, or a trailing space) in double quotes: `O = "Trustwave Holdings, Inc."`. A non-string
// value (of an attribute type Petrel does not know) as RFC 4514's "#" + hex of its DER (OpenSSL
// prints its raw contents). Always NUL-terminated when out is not empty; buffer_too_small if
// truncated. The text takes at most 8 bytes per byte of the Name, plus 64.
Status name_to_text(MutableBytes out, size_t* out_len, ByteView name) noexcept;

// Why write_name_from_text refused its text, for a message naming the attribute and the bound.
struct NameTextError {
  enum class Kind : uint8_t {
    none,
    syntax,          // no leading '/', a missing '=', a trailing '\'
    unknown_type,    // m_type_text holds the type as written
    empty_value,
    bad_characters,  // not a PrintableString (C, serialNumber, dnQualifier), not IA5 (emailAddress,
                     // DC), or not UTF-8 (the others)
    too_short,       // fewer than m_min characters
    too_long,        // more than m_max characters
  };
  Kind m_kind = Kind::none;
  const char* m_type = nullptr;  // the attribute's short name ("C", "CN"), when known
  ByteView m_type_text;          // the type as written in the text
  size_t m_min = 0;              // the bounds of that attribute type, in characters
  size_t m_max = 0;              // (0: no upper bound)
  size_t m_length = 0;           // the value's length in characters
};

// Writes a Name from "/TYPE=value/TYPE=value..." (OpenSSL's -subj form). Types: C, ST, L, O,
// OU, CN, emailAddress, DC, UID, serialNumber, SN, GN, title, street, name, initials,
// pseudonym, dnQualifier, generationQualifier. "+" instead of "/" adds an attribute to the same
// RDN; "\" escapes the next character. countryName, serialNumber and dnQualifier are
// PrintableString, emailAddress and DC are IA5String, the others UTF8String (OpenSSL's default
// string mask). Value lengths, in characters (UTF-8 code points), are bounded as OpenSSL's
// ASN1_STRING_TABLE bounds them (the X.520 / RFC 5280 upper bounds): C exactly 2, CN, O, OU and
// serialNumber at most 64, L, ST and emailAddress at most 128, SN, GN, initials and name at most
// 32768; the other types have no bound. The attributes of a multi-valued RDN are written in DER
// order (X.690 11.6: a SET OF sorted by encoding), whatever their order in the text.
// invalid_argument for an unknown type, an empty value, a malformed string or a value out of
// bounds, with the reason in *err when err is not null.
Status write_name_from_text(Writer* w, ByteView text, NameTextError* err = nullptr) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_NAME_H
