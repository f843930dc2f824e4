// ECDSA (FIPS 186-4 section 6; ANS X9.62) on the named curves of ec.h, with deterministic
// nonces (RFC 6979) for signing and strict DER signatures (RFC 3279 section 2.2.3, X.690 DER).
//
// Verification (P-256 and P-384) works on public inputs only and may use variable-time code:
// u1*G + u2*Q is one interleaved 4-bit fixed-window pass whose table reads are indexed by the
// (public) scalars; nothing secret passes through it.
//
// Signing (P-256 and P-384) is constant time: k is derived by RFC 6979
// section 3.2 with HMAC-h, k*G runs the constant-time fixed-window multiplication of ec.h,
// k^-1 is a Fermat exponentiation mod n, and the products with d are Montgomery
// multiplications mod n. Checked under valgrind in tests/ct/ct_check.cpp (d and the nonce
// poisoned).
//
// Digest handling (FIPS 186-4 6.4 and RFC 6979 2.3.2): the leftmost min(8*len, bitlen(n))
// bits of the digest are the integer e; a shorter digest is used whole. Any digest length is
// accepted (an empty digest is e = 0).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_EC_ECDSA_H
#define PETREL_CRYPTO_EC_ECDSA_H

#include <cstddef>
#include <cstdint>

#include "crypto/ec/ec.h"
#include "crypto/hash/hash.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class Rng;

// DER SEQUENCE of two INTEGERs for P-384: 2 + 2 * (2 + 49).
constexpr size_t kEcdsaMaxSignatureSize = 104;

// DER signature (strict DER: no BER, minimal INTEGERs, 0 < r,s < n). digest: any length,
// truncated/used as FIPS 186-4 says. ok, or auth_failed (bad signature), or decode_error
// (malformed DER: indefinite or non-minimal lengths, a negative or non-minimal INTEGER,
// trailing bytes, wrong tags), invalid_argument (bad point, see ec_point_check). r or s
// outside [1, n-1] in well-formed DER is auth_failed.
Status ecdsa_verify(EcCurve c, ByteView point, ByteView digest, ByteView der_sig) noexcept;

// Signs with RFC 6979 deterministic k (HMAC with hash h, which should match the digest's
// hash); if hedge != nullptr, 32 bytes from it are mixed in as RFC 6979 section 3.6 extra data
// (hedged). P-256 and P-384.
// der_sig_out: at least the DER size (72 bytes for P-256 always suffices); *sig_len gets the
// length written (0 on error). Errors: invalid_argument (bad d, null sig_len, h is md5),
// buffer_too_small, rng_failure (the hedge failed; nothing is written).
Status ecdsa_sign(EcCurve c, MutableBytes der_sig_out, size_t* sig_len, ByteView d,
                  ByteView digest, HashAlg h, Rng* hedge) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_ECDSA_H
