// Helpers shared by the mode tests of tests/modes (modes_test, pkcs7_test, ctr_test).
#ifndef PETREL_TESTS_MODES_MODE_HELPERS_H
#define PETREL_TESTS_MODES_MODE_HELPERS_H

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"

namespace petrel_test {

// "NAME [impl]": a vector file's name with the AES implementation it ran on.
inline std::string label(const std::string& name, petrel::AesImpl impl) {
  return name + " [" + petrel::aes_impl_name(impl) + "]";
}

inline std::vector<uint8_t> random_bytes(std::mt19937& rng, size_t n) {
  std::vector<uint8_t> v(n);
  for (uint8_t& b : v) {
    b = static_cast<uint8_t>(rng());
  }
  return v;
}

}  // namespace petrel_test

#endif  // PETREL_TESTS_MODES_MODE_HELPERS_H
