// Internal to crypto/rsa (not installed): the pieces of the RSA key structures
// (rsa_key_der.cpp) that the key file reader (rsa_key_files.cpp) also needs.
#ifndef PETREL_CRYPTO_RSA_RSA_KEY_DER_INTERNAL_H
#define PETREL_CRYPTO_RSA_RSA_KEY_DER_INTERNAL_H

#include "crypto/rsa/rsa_key_files.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace rsa_key_der_internal {

// The rsaEncryption OID (RFC 8017 A.1), as DER content octets.
ByteView rsa_oid() noexcept;
// One RSAPublicKey element from *in (RFC 8017 A.1.1): n and e as views, n's bit length.
Status read_pkcs1_public_parts(Reader* in, RsaPublicKeyParts* out) noexcept;

}  // namespace rsa_key_der_internal
}  // namespace petrel

#endif  // PETREL_CRYPTO_RSA_RSA_KEY_DER_INTERNAL_H
