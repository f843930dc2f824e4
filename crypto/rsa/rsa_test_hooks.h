// Test-only access to an RsaPrivateKey's secret parts. Not installed, and not in libpetrel: the
// definitions are rsa_test_hooks.cpp, built into the petrel_test_hooks library that only the
// tests and fuzzers link. Not for production use.
#ifndef PETREL_CRYPTO_RSA_RSA_TEST_HOOKS_H
#define PETREL_CRYPTO_RSA_RSA_TEST_HOOKS_H

#include <cstddef>

namespace petrel {

class RsaPrivateKey;

// Fault injection: flips one bit of a CRT part of a loaded key (dp, dq, or q^-1 mod p in the
// Montgomery form the recombination uses), as a fault in the device's memory would. The private
// operation then computes a wrong half (Boneh-DeMillo-Lipton) and its verify-after-sign check
// must refuse the result (Status::internal_error, output wiped). Flipping the same bit again
// restores the key. False if bit is beyond the part's storage.
enum class RsaKeyFault { dp, dq, qinv };
bool rsa_flip_key_bit_for_testing(RsaPrivateKey& key, RsaKeyFault part, size_t bit) noexcept;

// Constant-time checking (tests/ct): marks the secret parts of a loaded private key (p, q and
// their Montgomery constants, d, dp, dq, qinv) as undefined for valgrind (CT_POISON); the public
// part (n, e) and the lengths stay defined. A no-op unless built with PETREL_CT_VALGRIND.
void rsa_ct_poison_secrets_for_testing(const RsaPrivateKey& key) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_RSA_RSA_TEST_HOOKS_H
