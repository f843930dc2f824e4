// Test-only: ECDSA signing with a nonce the caller gives, for the FIPS 186-4 SigGen vectors
// (which give k) and the constant-time check. Not installed; defined in crypto/ec/ecdsa.cpp, and
// so the one test entry still in libpetrel: it runs the curve arithmetic that is private to
// ecdsa.cpp (sign_core and the field code), which a file of the petrel_test_hooks library
// cannot reach without moving that code into a header. It is not named *_for_testing.
// Never for production use: a repeated or predictable k gives the private key away.
#ifndef PETREL_CRYPTO_EC_ECDSA_TEST_HOOKS_H
#define PETREL_CRYPTO_EC_ECDSA_TEST_HOOKS_H

#include "crypto/ec/ecdsa.h"

namespace petrel {

namespace ecdsa_internal {
// Test entry (FIPS 186-4 SigGen vectors give k): signs with the caller's nonce k
// (ec_scalar_size(c) bytes, 1 <= k < n, else invalid_argument), r and s written as
// ec_scalar_size(c)-byte big-endian integers. Same constant-time code path as ecdsa_sign.
Status ecdsa_sign_with_k(EcCurve c, MutableBytes r_out, MutableBytes s_out, ByteView d,
                         ByteView digest, ByteView k) noexcept;
}  // namespace ecdsa_internal

}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_ECDSA_TEST_HOOKS_H
