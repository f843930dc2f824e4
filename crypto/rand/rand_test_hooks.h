// Test-only access to an HmacDrbg's working state, so known-answer tests can compare it with the
// intermediate values NIST publishes (CAVP drbgvectors). Not installed, not for production use:
// the state is the generator's secret. Not in libpetrel: defined in rand_test_hooks.cpp, built
// into the petrel_test_hooks library that only the tests and fuzzers link.
#ifndef PETREL_CRYPTO_RAND_RAND_TEST_HOOKS_H
#define PETREL_CRYPTO_RAND_RAND_TEST_HOOKS_H

#include "crypto/rand/hmac_drbg.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

// Copies the working state (V, Key), 32 bytes each. invalid_argument before instantiation,
// buffer_too_small for a short buffer. Secret: wipe the copies.
Status hmac_drbg_export_state_for_testing(const HmacDrbg& drbg, MutableBytes v,
                                          MutableBytes key) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_RAND_RAND_TEST_HOOKS_H
