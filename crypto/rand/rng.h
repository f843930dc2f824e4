// Rng: the interface through which public-key code (RSA blinding, padding, key generation) draws
// randomness. The library's HMAC_DRBG implements it; tests may plug in a deterministic source.
// generate() fills all of `out` or returns an error (Status::rng_failure); a failed call must
// not be taken for random bytes.
#ifndef PETREL_CRYPTO_RAND_RNG_H
#define PETREL_CRYPTO_RAND_RNG_H

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class Rng {
 public:
  virtual Status generate(MutableBytes out) noexcept = 0;

 protected:
  ~Rng() = default;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_RAND_RNG_H
