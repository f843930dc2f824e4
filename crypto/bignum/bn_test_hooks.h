// Test-only hook into the big-number kernels: switches the multiply-accumulate implementation
// (MulAddImpl, bignum.h) used by every later big-number operation of the process, so that the
// bignum and RSA tests can run every kernel the build has side by side with the portable one.
// Not thread-safe and not for production use (the library picks the best kernel by itself).
#ifndef PETREL_CRYPTO_BIGNUM_BN_TEST_HOOKS_H
#define PETREL_CRYPTO_BIGNUM_BN_TEST_HOOKS_H

#include "crypto/bignum/bignum.h"

namespace petrel {
namespace bn {

// Status::not_available if impl is not in this build (nothing changes then).
Status bn_use_mul_add_impl_for_testing(MulAddImpl impl) noexcept;

}  // namespace bn
}  // namespace petrel

#endif  // PETREL_CRYPTO_BIGNUM_BN_TEST_HOOKS_H
