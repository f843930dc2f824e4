// Signature algorithm identifiers of certificates and requests (RSASSA-PKCS1-v1_5 with MD5 to
// SHA-512, RSASSA-PSS, ECDSA with SHA-224 to SHA-512) and signature verification with a
// SubjectPublicKeyInfo.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_ALGORITHM_H
#define PETREL_CRYPTO_X509_ALGORITHM_H

#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/public_key.h"

namespace petrel {
namespace x509 {

enum class SigScheme : uint8_t { unknown, rsa_pkcs1, rsa_pss, ecdsa };

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
// field 1. ecdsa-with-SHA224/256/384/512 (RFC 5758 section 3.2) must have no parameters.
// decode_error for malformed parameters.
Status parse_signature_algorithm(Reader* in, SignatureAlgorithm* out) noexcept;
// Writes the AlgorithmIdentifier of sha*WithRSAEncryption (PKCS#1 v1.5, NULL parameters).
void add_rsa_pkcs1_algorithm(Writer* w, HashAlg hash) noexcept;
// Writes the AlgorithmIdentifier of ecdsa-with-SHA* (no parameters; SHA-224 to SHA-512).
void add_ecdsa_algorithm(Writer* w, HashAlg hash) noexcept;

// Verifies a signature over `signed_data` (e.g. the tbsCertificate bytes) with an RSA key
// (PKCS#1 v1.5, PSS) or an EC key (ECDSA, P-256/P-384). auth_failed on a bad signature
// (including malformed ECDSA DER); unsupported for unknown algorithms, an algorithm that does
// not fit the key, or an EC key Petrel cannot use (explicit parameters, another curve);
// invalid_argument for an EC key that is not a point of its curve.
Status verify_signature(const PublicKeyInfo& key, const SignatureAlgorithm& alg,
                        ByteView signed_data, ByteView signature,
                        uint32_t key_flags = 0) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_ALGORITHM_H
