// Rng: the interface through which public-key code (RSA blinding, padding, key generation) draws
// randomness. Two implementations come with the library: default_rng() (the process-wide,
// OS-seeded, fork-safe random_bytes() of crypto/rand/random.h) and DrbgRng (an HmacDrbg that a
// caller owns, seeded from an EntropySource the caller chooses: firmware with its own hardware
// entropy). Tests may plug in a deterministic source.
// generate() fills all of `out` or returns an error (Status::rng_failure); a failed call must
// not be taken for random bytes.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_RAND_RNG_H
#define PETREL_CRYPTO_RAND_RNG_H

#include <cstddef>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class Rng {
 public:
  virtual Status generate(MutableBytes out) noexcept = 0;

 protected:
  ~Rng() = default;
};

class EntropySource;
class HmacDrbg;

// The process-wide Rng: generate() is random_bytes() (thread-safe, reseeds itself, fork-safe).
Rng& default_rng() noexcept;

// An Rng over a caller's HmacDrbg and EntropySource (both outlive it; not thread-safe, like the
// DRBG). The first generate() instantiates the DRBG from the source if it is not instantiated
// yet (kSeedBytes of entropy; the personalization string given here). Requests longer than
// HmacDrbg::kMaxRequestBytes are split. When the DRBG's reseed interval is reached it reseeds
// from the source and goes on. Errors: rng_failure if the source fails (out is zeroed).
class DrbgRng final : public Rng {
 public:
  static constexpr size_t kSeedBytes = 48;  // 256 bits of entropy plus a 128-bit nonce

  DrbgRng(HmacDrbg& drbg, EntropySource& entropy, ByteView personalization = ByteView()) noexcept
      : m_drbg(drbg), m_entropy(entropy), m_personalization(personalization) {}
  Status generate(MutableBytes out) noexcept override;

  // Draws fresh entropy and reseeds now (prediction resistance for the next request).
  Status reseed() noexcept;

 private:
  HmacDrbg& m_drbg;
  EntropySource& m_entropy;
  ByteView m_personalization;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_RAND_RNG_H
