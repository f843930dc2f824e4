// SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7) as certificates and requests carry it: the
// algorithm and the key, RSA keys unpacked; views into the caller's buffer.
#ifndef PETREL_CRYPTO_X509_PUBLIC_KEY_H
#define PETREL_CRYPTO_X509_PUBLIC_KEY_H

#include <cstddef>
#include <cstdint>

#include "crypto/rsa/rsa.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

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

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_PUBLIC_KEY_H
