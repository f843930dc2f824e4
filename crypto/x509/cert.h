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
//
// The parts live in their own files, included here: algorithm.h (signature algorithms and
// verification), public_key.h (SubjectPublicKeyInfo), name.h, general_name.h, extensions.h.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_CERT_H
#define PETREL_CRYPTO_X509_CERT_H

#include <cstddef>
#include <cstdint>

#include "crypto/rsa/rsa.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/algorithm.h"
#include "crypto/x509/extensions.h"
#include "crypto/x509/general_name.h"
#include "crypto/x509/name.h"
#include "crypto/x509/public_key.h"

namespace petrel {
namespace x509 {

// RFC 5280 4.1.2.2: CAs use serial numbers of at most 20 octets, and certificate users
// "SHOULD gracefully handle" longer ones. Petrel reads serials of up to 64 content octets
// (as deployed certificates sometimes carry 21..32), and refuses longer ones as malformed.
constexpr size_t kMaxSerialLen = 64;

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
  SubjectKey m_key;      // SubjectPublicKeyInfo, and n and e of an RSA key
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

// What path building needs of an untrusted certificate to choose it as an issuer candidate:
// the element and views of its subject and subjectKeyIdentifier (56 bytes on a 64-bit host, 28
// on 32-bit, where a parsed Certificate takes about 460 and 230), for callers that keep a peer's
// chain as DER rather than parsed (tls/ keeps up to kMaxServerCertificates of them); verify.h
// takes a list of them for path building.
struct CandidateCert {
  ByteView m_der;             // the whole Certificate element
  ByteView m_subject;         // its subject Name element
  ByteView m_subject_key_id;  // its keyIdentifier octets
  bool m_has_subject_key_id = false;
};
CandidateCert make_candidate(const Certificate& c) noexcept;

// Parses a DER Certificate occupying exactly `der`. decode_error on any malformation (including
// trailing bytes, a serial number over kMaxSerialLen octets, a version/extension mismatch, a
// tbsCertificate signature algorithm that differs from the outer one, duplicated extensions,
// more than 64 extensions, a malformed known extension).
Status parse_certificate(Certificate* out, ByteView der) noexcept;
// Reads one Certificate element from the front of `in` (for bundles of DER certificates).
Status read_certificate(Reader* in, Certificate* out) noexcept;

// true if the certificate's issuer and subject names are equal (self-issued).
bool is_self_issued(const Certificate& c) noexcept;
// SHA-256 of the whole SubjectPublicKeyInfo (the value pinned by trust stores, RFC 7469).
Status spki_sha256(uint8_t out[32], const Certificate& c) noexcept;

// Does `key` belong to the certificate (its public key is the certificate's subject key)?
// Compares the values of n and e (leading zero octets ignored, so any encoding of the same
// numbers matches), not encodings. ok if they are equal; auth_failed for another key;
// unsupported if the certificate's key is not RSA (e.g. EC); invalid_argument if the key is
// not set. For a CA key against its certificate, or a TLS client key against its certificate.
Status check_private_key_matches(const Certificate& cert, const RsaPrivateKey& key) noexcept;
// The same for an EC key: the certificate's EC key must be usable and equal the key's public
// point (auth_failed otherwise; unsupported for a certificate without an EC key).
Status check_private_key_matches(const Certificate& cert, const EcPrivateKey& key) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_CERT_H
