// Deterministic random sources for tests (never for production): a seeded SplitMix64 stream and a
// scripted source that hands out given bytes (the RSA Labs padding seeds) and fails when empty.
#ifndef PETREL_TESTS_RSA_TEST_RNG_H
#define PETREL_TESTS_RSA_TEST_RNG_H

#include <cstdint>
#include <vector>

#include "crypto/rand/rng.h"

namespace petrel_test {

class SplitMixRng final : public petrel::Rng {
 public:
  explicit SplitMixRng(uint64_t seed) : m_state(seed) {}
  petrel::Status generate(petrel::MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      if (m_avail == 0) {
        m_word = next();
        m_avail = 8;
      }
      out[i] = static_cast<uint8_t>(m_word);
      m_word >>= 8;
      m_avail--;
    }
    m_calls++;
    return petrel::Status::ok;
  }
  uint64_t next() {
    uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t calls() const { return m_calls; }

 private:
  uint64_t m_state;
  uint64_t m_word = 0;
  size_t m_avail = 0;
  size_t m_calls = 0;
};

class ScriptedRng final : public petrel::Rng {
 public:
  explicit ScriptedRng(std::vector<uint8_t> bytes) : m_bytes(std::move(bytes)) {}
  petrel::Status generate(petrel::MutableBytes out) noexcept override {
    if (out.size() > m_bytes.size() - m_pos) {
      return petrel::Status::rng_failure;
    }
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = m_bytes[m_pos++];
    }
    return petrel::Status::ok;
  }
  size_t remaining() const { return m_bytes.size() - m_pos; }

 private:
  std::vector<uint8_t> m_bytes;
  size_t m_pos = 0;
};

// Always fails: checks that callers propagate rng_failure.
class FailingRng final : public petrel::Rng {
 public:
  petrel::Status generate(petrel::MutableBytes) noexcept override {
    return petrel::Status::rng_failure;
  }
};

}  // namespace petrel_test

#endif  // PETREL_TESTS_RSA_TEST_RNG_H
