// The subject's public key as certificates and requests carry it. The SubjectPublicKeyInfo
// reader is crypto/asn1/spki.h (shared with the key files of crypto/rsa/rsa_keys.h); this file
// reads it for X.509 and checks the key of the algorithms Petrel knows with that algorithm's
// reader (RSA: rsa_public_key_parts; an EC reader is to plug in beside it), and writes an RSA
// key's SubjectPublicKeyInfo.
#ifndef PETREL_CRYPTO_X509_PUBLIC_KEY_H
#define PETREL_CRYPTO_X509_PUBLIC_KEY_H

#include <cstddef>
#include <cstdint>

#include "crypto/asn1/spki.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_keys.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

using petrel::KeyType;
using petrel::PublicKeyInfo;

// The key of a certificate or request: the SubjectPublicKeyInfo, and the values of the key
// types Petrel reads (EC keys will add their curve and point here).
struct SubjectKey {
  PublicKeyInfo m_info;
  RsaPublicKeyParts m_rsa;  // valid when m_info.m_type == KeyType::rsa
};

// Reads one SubjectPublicKeyInfo (RFC 5280 4.1.2.7) from the front of *in. An rsaEncryption key
// must be well formed (RFC 3279 2.3.1, NULL parameters, one RSAPublicKey); keys of other
// algorithms are kept as views. decode_error if malformed.
Status read_subject_key(Reader* in, SubjectKey* out) noexcept;
// Writes SubjectPublicKeyInfo for an RSA public key.
void add_rsa_public_key_info(Writer* w, const RsaPublicKeyBase& key) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_PUBLIC_KEY_H
