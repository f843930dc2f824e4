// PKCS#10 certification requests (RFC 2986). Parsing gives views into the caller's buffer;
// creation writes into a caller buffer. No heap. (The Name writer from `openssl req -subj` text
// is in name.h, add_general_name in general_name.h; both come in through cert.h.)
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_CSR_H
#define PETREL_CRYPTO_X509_CSR_H

#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/signer.h"

namespace petrel {
namespace x509 {

struct CertificationRequest {
  ByteView m_der;            // the whole CertificationRequest
  ByteView m_info;           // certificationRequestInfo element (the signed bytes)
  ByteView m_subject;        // Name element
  SubjectKey m_key;
  ByteView m_attributes;     // [0] contents (SET OF Attribute)
  ByteView m_extensions;     // extensionRequest's Extensions SEQUENCE contents (may be empty)
  ByteView m_san;            // subjectAltName GeneralNames contents from m_extensions (may be empty)
  SignatureAlgorithm m_sig_alg;
  ByteView m_signature;
};

// Parses a DER CertificationRequest occupying exactly `der` (version 0; attributes well formed;
// an extensionRequest attribute is unpacked, its subjectAltName checked).
Status parse_csr(CertificationRequest* out, ByteView der) noexcept;
// Verifies the request's self-signature (RSA or ECDSA; auth_failed if bad; unsupported for other
// keys).
Status verify_csr(const CertificationRequest& csr) noexcept;

// Creates a request signed with `key` (PKCS#1 v1.5 over `hash`, or ECDSA with an EC key). subject: a Name element (from
// write_name_from_text). san: GeneralName entries for a subjectAltName extension request
// (dNSName, rfc822Name, iPAddress; none: no extensionRequest attribute).
Status create_csr(MutableBytes out, size_t* out_len, const RsaPrivateKey& key, ByteView subject,
                  Span<const GeneralName> san, HashAlg hash, Rng& rng) noexcept;
Status create_csr(MutableBytes out, size_t* out_len, const EcPrivateKey& key, ByteView subject,
                  Span<const GeneralName> san, HashAlg hash, Rng& rng) noexcept;
Status create_csr(MutableBytes out, size_t* out_len, const SigningKey& key, ByteView subject,
                  Span<const GeneralName> san, HashAlg hash, Rng& rng) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_CSR_H
