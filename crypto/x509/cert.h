// X.509 certificates (RFC 5280 section 4): a strict DER parser that works on the caller's buffer
// and gives views into it (no heap, no copies). parse_certificate() checks the whole structure
// and every extension Petrel understands; lists inside the certificate (names, subjectAltName,
// extendedKeyUsage, name constraints) are kept as DER views and iterated lazily with the small
// readers below, so a certificate with many entries costs no memory.
//
// Understood extensions: basicConstraints, keyUsage, extendedKeyUsage, subjectAltName,
// authorityKeyIdentifier, subjectKeyIdentifier, nameConstraints, certificatePolicies (structure
// only; no policy processing). issuerAltName, crlDistributionPoints, authorityInfoAccess,
// policyMappings, policyConstraints and inhibitAnyPolicy are recognised and otherwise ignored.
// Any other extension marked critical sets Certificate::m_unknown_critical: path validation
// then refuses the certificate (RFC 5280 section 4.2).
#ifndef PETREL_CRYPTO_X509_CERT_H
#define PETREL_CRYPTO_X509_CERT_H

#include <cstddef>
#include <cstdint>

#include "crypto/asn1/der.h"
#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

// ---- algorithms -------------------------------------------------------------------------------

enum class SigScheme : uint8_t { unknown, rsa_pkcs1, rsa_pss };

struct SignatureAlgorithm {
  SigScheme m_scheme = SigScheme::unknown;
  HashAlg m_hash = HashAlg::sha256;  // the message digest (PKCS#1: md5..sha512; PSS: sha1..)
  size_t m_pss_salt_len = 0;         // PSS only
  ByteView m_oid;                    // the algorithm OID's contents
  ByteView m_der;                    // the whole AlgorithmIdentifier element
};

// Parses an AlgorithmIdentifier for a signature. Unknown algorithms give ok with
// m_scheme == unknown (the certificate is still parsed; verification refuses it). RSASSA-PSS
// parameters (RFC 4055 section 3.1) are checked: MGF1 with the same hash as the message, trailer
// field 1. decode_error for malformed parameters.
Status parse_signature_algorithm(Reader* in, SignatureAlgorithm* out) noexcept;
// Writes the AlgorithmIdentifier of sha*WithRSAEncryption (PKCS#1 v1.5, NULL parameters).
void add_rsa_pkcs1_algorithm(Writer* w, HashAlg hash) noexcept;

enum class KeyType : uint8_t { unknown, rsa, ec };

struct PublicKeyInfo {
  KeyType m_type = KeyType::unknown;
  ByteView m_der;       // the whole SubjectPublicKeyInfo element
  ByteView m_alg_oid;   // algorithm OID contents
  ByteView m_key;       // the subjectPublicKey BIT STRING's octets
  ByteView m_rsa_n;     // RSA: modulus magnitude (no leading zero)
  ByteView m_rsa_e;     // RSA: public exponent magnitude
  size_t m_rsa_bits = 0;
};

// SubjectPublicKeyInfo (RFC 5280 4.1.2.7); RSA keys (RFC 8017 A.1.1, rsaEncryption with NULL
// parameters) are unpacked into n and e. Other algorithms are kept as views (m_type unknown/ec).
Status parse_public_key_info(Reader* in, PublicKeyInfo* out) noexcept;
// Loads the RSA key of a parsed SubjectPublicKeyInfo (flags as RsaPublicKey::set), through
// crypto/rsa/rsa_keys.h's rsa_public_key_from_spki.
Status rsa_key_from_info(RsaPublicKey* out, const PublicKeyInfo& info, uint32_t flags = 0) noexcept;
// Writes SubjectPublicKeyInfo for an RSA public key.
void add_rsa_public_key_info(Writer* w, const RsaPublicKey& key) noexcept;

// Verifies a signature over `signed_data` (e.g. the tbsCertificate bytes) with an RSA key.
// auth_failed on a bad signature; unsupported for unknown algorithms or non-RSA keys.
Status verify_signature(const PublicKeyInfo& key, const SignatureAlgorithm& alg,
                        ByteView signed_data, ByteView signature,
                        uint32_t key_flags = 0) noexcept;

// ---- names -------------------------------------------------------------------------------------

// One AttributeTypeAndValue of a Name.
struct Attribute {
  ByteView m_type;       // OID contents
  asn1::Tag m_value_tag;  // the string tag (or another tag, for non-string values)
  ByteView m_value;      // the value's contents
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
// Prints a Name in OpenSSL's one-line form ("C=US, O=Example, CN=host") into out; always
// NUL-terminated when out is not empty; buffer_too_small if truncated.
Status name_to_text(MutableBytes out, size_t* out_len, ByteView name) noexcept;

// ---- general names -----------------------------------------------------------------------------

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

// Iterates over the OIDs of an extendedKeyUsage extension's SEQUENCE contents.
class OidListReader final {
 public:
  explicit OidListReader(ByteView contents) noexcept : m_in(contents) {}
  Status next(ByteView* out, bool* out_done) noexcept;

 private:
  Reader m_in;
};

// ---- certificates -------------------------------------------------------------------------------

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

struct Certificate {
  ByteView m_der;        // the whole Certificate element
  ByteView m_tbs;        // the tbsCertificate element (the signed bytes)
  uint8_t m_version = 1;  // 1, 2 or 3
  ByteView m_serial;     // the INTEGER's contents (two's complement, as encoded)
  SignatureAlgorithm m_sig_alg;
  ByteView m_issuer;     // whole Name elements
  ByteView m_subject;
  int64_t m_not_before = 0;  // seconds since the epoch
  int64_t m_not_after = 0;
  PublicKeyInfo m_key;
  ByteView m_signature;  // the signatureValue BIT STRING's octets

  uint32_t m_extensions = 0;     // kExt* bits
  uint32_t m_critical = 0;       // kExt* bits of extensions marked critical
  bool m_unknown_critical = false;
  bool m_ca = false;             // basicConstraints cA
  bool m_has_path_len = false;
  uint32_t m_path_len = 0;
  uint16_t m_key_usage = 0;      // kKu* bits (valid if kExtKeyUsage)
  ByteView m_ext_key_usage;      // SEQUENCE OF OID contents (OidListReader)
  ByteView m_san;                // GeneralNames contents (GeneralNamesReader)
  ByteView m_subject_key_id;     // keyIdentifier octets
  ByteView m_authority_key_id;   // keyIdentifier octets (may be empty if absent in the AKI)
  ByteView m_nc_permitted;       // GeneralSubtrees contents (SubtreesReader)
  ByteView m_nc_excluded;
  bool m_has_nc_permitted = false;
  bool m_has_nc_excluded = false;
  ByteView m_policies;           // certificatePolicies SEQUENCE contents
  ByteView m_extensions_der;     // the Extensions SEQUENCE contents (all of them)
};

// Parses a DER Certificate occupying exactly `der`. decode_error on any malformation (including
// trailing bytes, a version/extension mismatch, a tbsCertificate signature algorithm that differs
// from the outer one, duplicated extensions, more than 64 extensions, a malformed known
// extension).
Status parse_certificate(Certificate* out, ByteView der) noexcept;
// Reads one Certificate element from the front of `in` (for bundles of DER certificates).
Status read_certificate(Reader* in, Certificate* out) noexcept;

// true if the certificate's issuer and subject names are equal (self-issued).
bool is_self_issued(const Certificate& c) noexcept;
// SHA-256 of the whole SubjectPublicKeyInfo (the value pinned by trust stores, RFC 7469).
Status spki_sha256(uint8_t out[32], const Certificate& c) noexcept;

// Iterates over the extensions (for printers): OID, critical, extnValue contents.
struct Extension {
  ByteView m_oid;
  bool m_critical;
  ByteView m_value;
};
class ExtensionsReader final {
 public:
  explicit ExtensionsReader(const Certificate& c) noexcept : m_in(c.m_extensions_der) {}
  Status next(Extension* out, bool* out_done) noexcept;

 private:
  Reader m_in;
};

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_CERT_H
