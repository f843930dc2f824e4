// Issuing X.509 v3 certificates (RFC 5280 section 4) with an RSA or EC (ECDSA) CA key: from a verified PKCS#10
// request, or self-signed roots. The extensions follow the role:
//   ca:     basicConstraints critical cA (pathLen optional), keyUsage critical keyCertSign+cRLSign
//   server: basicConstraints critical (not a CA), keyUsage critical digitalSignature +
//           keyEncipherment, extendedKeyUsage serverAuth
//   client: basicConstraints critical (not a CA), keyUsage critical digitalSignature,
//           extendedKeyUsage clientAuth
// and always subjectKeyIdentifier (SHA-1 of the subjectPublicKey bits, RFC 5280 4.2.1.2 method
// 1) and authorityKeyIdentifier (the issuer's key identifier), plus the subjectAltName given.
// No heap: the certificate is written into the caller's buffer.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_ISSUE_H
#define PETREL_CRYPTO_X509_ISSUE_H

#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/signer.h"

namespace petrel {
namespace x509 {

enum class Role : uint8_t { ca, server, client };

struct IssueSpec {
  ByteView m_serial;           // big-endian magnitude, 1..20 bytes, not zero
  int64_t m_not_before = 0;
  int64_t m_not_after = 0;
  Role m_role = Role::server;
  bool m_has_path_len = false;  // ca only
  uint32_t m_path_len = 0;
  ByteView m_subject;          // Name element
  ByteView m_subject_key;      // SubjectPublicKeyInfo element (RSA or EC)
  ByteView m_san;              // GeneralNames contents (empty: no subjectAltName)
  ByteView m_issuer;           // Name element (equal to m_subject for a self-signed root)
  ByteView m_issuer_key_id;    // the issuer's key identifier (empty: computed from the CA key)
  HashAlg m_hash = HashAlg::sha256;
};

// Writes the DER certificate. The CA key signs (PKCS#1 v1.5 with m_hash, or ECDSA with m_hash:
// SHA-224..SHA-512).
Status issue_certificate(MutableBytes out, size_t* out_len, const IssueSpec& spec,
                         const RsaPrivateKey& ca_key, Rng& rng) noexcept;
Status issue_certificate(MutableBytes out, size_t* out_len, const IssueSpec& spec,
                         const EcPrivateKey& ca_key, Rng& rng) noexcept;
Status issue_certificate(MutableBytes out, size_t* out_len, const IssueSpec& spec,
                         const SigningKey& ca_key, Rng& rng) noexcept;

// The RFC 5280 4.2.1.2 (1) key identifier of a SubjectPublicKeyInfo: SHA-1 of the BIT STRING.
Status key_identifier(uint8_t out[20], ByteView spki) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_ISSUE_H
