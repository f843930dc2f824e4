// The key that signs a certificate or request (crypto/x509/issue.h, csr.h): an RSA key
// (RSASSA-PKCS1-v1_5, RFC 8017 8.2) or an EC key (ECDSA, FIPS 186-4 6, RFC 5758 3.2 algorithm
// identifiers; RFC 6979 nonces hedged with the caller's Rng). A view: the key outlives it.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_SIGNER_H
#define PETREL_CRYPTO_X509_SIGNER_H

#include <cstddef>
#include <cstdint>

#include "crypto/ec/ec_keys.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

// Upper bound of a signature of either kind.
constexpr size_t kMaxCertSignatureSize =
    kRsaMaxPrivateBits / 8 > kEcdsaMaxSignatureSize ? kRsaMaxPrivateBits / 8 : kEcdsaMaxSignatureSize;

struct SigningKey {
  const RsaPrivateKey* m_rsa = nullptr;
  const EcPrivateKey* m_ec = nullptr;  // P-256/P-384 (an X25519 key cannot sign)
};
inline SigningKey signing_key(const RsaPrivateKey& k) noexcept {
  SigningKey s;
  s.m_rsa = &k;
  return s;
}
inline SigningKey signing_key(const EcPrivateKey& k) noexcept {
  SigningKey s;
  s.m_ec = &k;
  return s;
}

// The signature AlgorithmIdentifier of the key with `hash`.
void add_signer_algorithm(Writer* w, const SigningKey& key, HashAlg hash) noexcept;
// The key's SubjectPublicKeyInfo.
void add_signer_public_key_info(Writer* w, const SigningKey& key) noexcept;
// Signs a digest made with `hash`: *sig_len bytes into sig.
Status signer_sign(MutableBytes sig, size_t* sig_len, const SigningKey& key, HashAlg hash,
                   ByteView digest, Rng& rng) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_SIGNER_H
