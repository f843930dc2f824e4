// Process-wide random bytes: random_bytes() draws from one HMAC_DRBG (SHA-256) that is seeded
// lazily from the OS entropy source on first use, reseeded from it every kReseedRequests calls,
// and reseeded in a forked child (a pid change, checked with getpid() on every call) so parent
// and child never share an output stream.
//
// Thread-safety: random_bytes() is thread-safe; it serializes callers on one statically
// initialized pthread mutex (no allocation, no exceptions). The mutex is not held across fork(): a
// child forked while another thread is inside random_bytes() must not call it (the usual POSIX
// rule for multi-threaded fork).
//
// Fuzzing builds (PETREL_FUZZING defined) seed the DRBG from a fixed, public input and never
// from the OS, so runs are reproducible. Such a build is not secure.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_RAND_RANDOM_H
#define PETREL_CRYPTO_RAND_RANDOM_H

#include <cstddef>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

constexpr size_t kReseedRequests = 4096;

// Fills out (any length). Errors: rng_failure if the OS source fails (out is zeroed).
Status random_bytes(MutableBytes out) noexcept;

// True in a PETREL_FUZZING build (deterministic random_bytes()).
bool random_is_deterministic() noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_RAND_RANDOM_H
