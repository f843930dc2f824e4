// Entropy sources for seeding DRBGs. EntropySource is an interface (virtual call, no heap);
// OsEntropySource reads the kernel CSPRNG: getrandom(2), falling back to /dev/urandom when the
// kernel lacks the syscall (Linux < 3.17, still found on old phone firmware).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_RAND_ENTROPY_H
#define PETREL_CRYPTO_RAND_ENTROPY_H

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class EntropySource {
 public:
  // Fills all of out with full-entropy bytes, or returns an error (rng_failure) with out
  // zeroed; never a partial result. An empty out is an error (invalid_argument).
  virtual Status get_entropy(MutableBytes out) noexcept = 0;

 protected:
  EntropySource() noexcept = default;
  EntropySource(const EntropySource&) noexcept = default;
  EntropySource& operator=(const EntropySource&) noexcept = default;
  ~EntropySource() = default;  // not deleted through the interface (no heap)
};

// Thread-safe (no state). Retries on EINTR and short reads.
class OsEntropySource final : public EntropySource {
 public:
  Status get_entropy(MutableBytes out) noexcept override;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_RAND_ENTROPY_H
