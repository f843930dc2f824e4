// HMAC_DRBG with SHA-256 (NIST SP 800-90A rev. 1, section 10.1.2). Instantiate, reseed and
// generate with additional input; no prediction resistance (a caller that wants it calls
// reseed() with fresh entropy before generate(), which is what SP 800-90A section 9.3.1 does).
// Security strength 256 bits. Not thread-safe: one HmacDrbg per thread, or lock around it.
// Constant-time: only the public request sizes steer branches. The state is wiped by clear()
// and the destructor.
// Public API (installed): the class's public members are stable; the state export the NIST
// known-answer tests need is a test hook in crypto/rand/rand_test_hooks.h, not installed.
#ifndef PETREL_CRYPTO_RAND_HMAC_DRBG_H
#define PETREL_CRYPTO_RAND_HMAC_DRBG_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class HmacDrbg final {
 public:
  static constexpr size_t kOutLen = 32;             // SHA-256 output, bytes
  static constexpr size_t kMinEntropyBytes = 32;    // security_strength (256 bits)
  static constexpr size_t kMaxInputBytes = 1u << 16;  // entropy, nonce, personalization, adin
  static constexpr size_t kMaxRequestBytes = 7500;  // per generate() call
  // SP 800-90A allows up to 2^48 requests between reseeds; this default is far lower.
  static constexpr uint64_t kDefaultReseedInterval = 1u << 20;

  HmacDrbg() noexcept = default;
  ~HmacDrbg();
  HmacDrbg(const HmacDrbg&) = delete;
  HmacDrbg& operator=(const HmacDrbg&) = delete;

  // entropy: at least kMinEntropyBytes. nonce and personalization may be empty (SP 800-90A
  // wants a nonce of >= 128 bits; a caller may instead fold it into a longer entropy input).
  // Errors: invalid_argument (entropy too short or any input over kMaxInputBytes).
  Status instantiate(ByteView entropy, ByteView nonce, ByteView personalization) noexcept;
  // Errors: invalid_argument (not instantiated, entropy too short, input too long).
  Status reseed(ByteView entropy, ByteView additional) noexcept;
  // Fills out (at most kMaxRequestBytes). Errors: invalid_argument (not instantiated, request or
  // additional input too long), rng_failure ("reseed required": reseed_interval() requests have
  // been served since the last (re)seed; call reseed() and retry). On error out is zeroed.
  Status generate(MutableBytes out, ByteView additional = ByteView()) noexcept;

  // Number of generate() calls allowed between reseeds (1 .. 2^48).
  Status set_reseed_interval(uint64_t requests) noexcept;
  uint64_t reseed_interval() const noexcept { return m_reseed_interval; }
  // SP 800-90A reseed_counter: 1 after (re)seeding, +1 per generate().
  uint64_t reseed_counter() const noexcept { return m_reseed_counter; }
  bool instantiated() const noexcept { return m_set; }
  void clear() noexcept;

 private:
  // Test access (rand_test_hooks.cpp, outside libpetrel: the state export).
  friend struct HmacDrbgAccess;

  void update(ByteView a, ByteView b, ByteView c) noexcept;

  uint8_t m_key[kOutLen] = {};
  uint8_t m_v[kOutLen] = {};
  uint64_t m_reseed_counter = 0;
  uint64_t m_reseed_interval = kDefaultReseedInterval;
  bool m_set = false;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_RAND_HMAC_DRBG_H
