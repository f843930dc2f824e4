// SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7): the one reader of the structure for every
// user (X.509 certificates and requests, "PUBLIC KEY" files). It gives the algorithm (OID and
// parameters) and the subjectPublicKey octets as views into the caller's buffer; the key's own
// reader turns them into a key:
//   rsaEncryption (RFC 3279 2.3.1):  crypto/rsa/rsa_key_files.h rsa_public_key_parts / _from_info;
//   id-ecPublicKey (RFC 5480 2.1.1): m_params holds the namedCurve OID, m_key the point (an EC
//                                    reader is to plug in beside the RSA one).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_ASN1_SPKI_H
#define PETREL_CRYPTO_ASN1_SPKI_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

enum class KeyType : uint8_t { unknown, rsa, ec };

struct PublicKeyInfo {
  KeyType m_type = KeyType::unknown;  // from the algorithm OID
  ByteView m_der;                     // the whole SubjectPublicKeyInfo element
  ByteView m_alg_oid;                 // the algorithm OID's contents
  ByteView m_params;                  // the parameters element (tag and all); empty if absent
  ByteView m_key;                     // the subjectPublicKey BIT STRING's octets
};

// Reads one SubjectPublicKeyInfo element from the front of *in: SEQUENCE { AlgorithmIdentifier
// { OID, at most one parameters element }, BIT STRING of whole octets }. decode_error if
// malformed (the key's contents are left to the key's reader).
Status read_public_key_info(Reader* in, PublicKeyInfo* out) noexcept;
// The same for a SubjectPublicKeyInfo occupying exactly `der`.
Status parse_public_key_info(PublicKeyInfo* out, ByteView der) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_ASN1_SPKI_H
