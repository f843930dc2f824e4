// Test-only hook into the RSA private operation: called on the CRT result (the limbs of m, in the
// library's limb order) just before the verify-after-sign check, so a test can inject a fault
// and see it caught. Null (the default) disables it. Not for production use.
#ifndef PETREL_CRYPTO_RSA_RSA_TEST_HOOKS_H
#define PETREL_CRYPTO_RSA_RSA_TEST_HOOKS_H

#include <cstddef>
#include <cstdint>

namespace petrel {

using RsaFaultHook = void (*)(uint8_t* data, size_t len);
void rsa_set_fault_hook_for_testing(RsaFaultHook hook) noexcept;

// Constant-time checking (tests/ct): marks the secret parts of a loaded private key (p, q and
// their Montgomery constants, d, dp, dq, qinv) as undefined for valgrind (CT_POISON); the public
// part (n, e) and the lengths stay defined. A no-op unless built with PETREL_CT_VALGRIND.
class RsaPrivateKey;
void rsa_ct_poison_secrets_for_testing(const RsaPrivateKey& key) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_RSA_RSA_TEST_HOOKS_H
