// The library's Rng implementations: default_rng() over random_bytes() (crypto/rand/random.h)
// and DrbgRng over a caller's HMAC_DRBG (NIST SP 800-90A 10.1.2) and entropy source.
// Constant-time: only the public request sizes steer branches.
#include "crypto/rand/rng.h"

#include "crypto/rand/entropy.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/rand/random.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

class SystemRng final : public Rng {
 public:
  constexpr SystemRng() noexcept = default;
  Status generate(MutableBytes out) noexcept override { return random_bytes(out); }
};

SystemRng g_system_rng;  // constant-initialized (no constructor runs, no guard)

}  // namespace

Rng& default_rng() noexcept { return g_system_rng; }

Status DrbgRng::reseed() noexcept {
  uint8_t seed[kSeedBytes];
  Status st = m_entropy.get_entropy(MutableBytes(seed, sizeof(seed)));
  if (st == Status::ok) {
    if (m_drbg.instantiated()) {
      st = m_drbg.reseed(ByteView(seed, sizeof(seed)), ByteView());
    } else {
      st = m_drbg.instantiate(ByteView(seed, HmacDrbg::kMinEntropyBytes),
                              ByteView(seed + HmacDrbg::kMinEntropyBytes,
                                       kSeedBytes - HmacDrbg::kMinEntropyBytes),
                              m_personalization);
    }
  }
  secure_wipe(seed, sizeof(seed));
  return st == Status::ok ? Status::ok : Status::rng_failure;
}

Status DrbgRng::generate(MutableBytes out) noexcept {
  Status st = Status::ok;
  if (!m_drbg.instantiated()) {
    st = reseed();
  }
  size_t done = 0;
  while (st == Status::ok && done < out.size()) {
    size_t chunk = out.size() - done;
    if (chunk > HmacDrbg::kMaxRequestBytes) {
      chunk = HmacDrbg::kMaxRequestBytes;
    }
    if (m_drbg.reseed_counter() > m_drbg.reseed_interval()) {
      st = reseed();
      if (st != Status::ok) {
        break;
      }
    }
    st = m_drbg.generate(out.subspan(done, chunk));
    done += chunk;
  }
  if (st != Status::ok) {
    secure_wipe(out.data(), out.size());
    return Status::rng_failure;
  }
  return Status::ok;
}

}  // namespace petrel
