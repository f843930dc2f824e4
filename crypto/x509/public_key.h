// The subject's public key as certificates and requests carry it. The SubjectPublicKeyInfo
// reader is crypto/asn1/spki.h (shared with the key files of crypto/rsa/rsa_key_files.h); this file
// reads it for X.509 and checks the key of the algorithms Petrel knows with that algorithm's
// reader (RSA: rsa_public_key_parts; an EC reader is to plug in beside it), and writes an RSA
// key's SubjectPublicKeyInfo.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_X509_PUBLIC_KEY_H
#define PETREL_CRYPTO_X509_PUBLIC_KEY_H

#include <cstddef>
#include <cstdint>

#include "crypto/asn1/spki.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace x509 {

using petrel::KeyType;
using petrel::PublicKeyInfo;

// The key of a certificate or request: the SubjectPublicKeyInfo, and the values of the key
// types Petrel reads.
struct SubjectKey {
  PublicKeyInfo m_info;
  RsaPublicKeyParts m_rsa;  // valid when m_info.m_type == KeyType::rsa
  // KeyType::ec: the curve and point when m_ec_status is ok; otherwise why the key is not
  // usable (unsupported: explicit parameters, another curve, a compressed point;
  // invalid_argument: not on the curve; decode_error: malformed parameters), with the reason.
  EcPublicKey m_ec;
  Status m_ec_status = Status::unsupported;
  EcKeyProblem m_ec_problem = EcKeyProblem::none;
};

// Reads one SubjectPublicKeyInfo (RFC 5280 4.1.2.7) from the front of *in. An rsaEncryption key
// must be well formed (RFC 3279 2.3.1, NULL parameters, one RSAPublicKey); an id-ecPublicKey
// key is read by ec_public_key_from_info (RFC 5480) into m_ec, and its verdict kept in
// m_ec_status rather than refusing the certificate (OpenSSL too parses such certificates and
// refuses the key when it is used); keys of other algorithms are kept as views. decode_error if
// malformed.
Status read_subject_key(Reader* in, SubjectKey* out) noexcept;
// Writes SubjectPublicKeyInfo for an RSA public key.
void add_rsa_public_key_info(Writer* w, const RsaPublicKeyBase& key) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_PUBLIC_KEY_H
