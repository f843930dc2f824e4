// TLS pseudo-random functions.
//   tls10_prf: TLS 1.0/1.1 PRF (RFC 2246 section 5, RFC 4346 section 5): P_MD5 XOR P_SHA1 over
//              the two halves of the secret.
//   tls12_prf: TLS 1.2 PRF (RFC 5246 section 5): P_<hash>, with SHA-256 (default) or SHA-384.
// The label is the ASCII label without a terminating NUL ("master secret", "key expansion", ...).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_KDF_TLS_PRF_H
#define PETREL_CRYPTO_KDF_TLS_PRF_H

#include "crypto/hash/hash.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

Status tls10_prf(MutableBytes out, ByteView secret, ByteView label, ByteView seed) noexcept;
// alg must be sha256 or sha384.
Status tls12_prf(HashAlg alg, MutableBytes out, ByteView secret, ByteView label,
                 ByteView seed) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_KDF_TLS_PRF_H
