// Shared by the ChaCha20, Poly1305 and ChaCha20-Poly1305 tests of tests/chacha/ (one GoogleTest
// program, chacha_test): the implementation lists of this build, hex and random helpers, and the
// RFC 8439 key and message the examples share.
#ifndef PETREL_TESTS_CHACHA_CHACHA_TEST_UTIL_H
#define PETREL_TESTS_CHACHA_CHACHA_TEST_UTIL_H

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/chacha/poly1305.h"
#include "tests/common/file_test.h"

namespace petrel_chacha_test {

using namespace petrel;
using petrel_test::from_hex;

inline std::vector<uint8_t> H(const char* hex) { return from_hex(hex); }

inline std::vector<Poly1305Impl> poly_impls() {
  Poly1305Impl impls[8];
  const size_t n = poly1305_impls_available(impls, 8);
  return std::vector<Poly1305Impl>(impls, impls + n);
}

inline std::vector<ChaCha20Impl> chacha_impls() {
  ChaCha20Impl impls[8];
  const size_t n = chacha20_impls_available(impls, 8);
  return std::vector<ChaCha20Impl>(impls, impls + n);
}

inline std::vector<uint8_t> random_bytes(std::mt19937& rng, size_t n) {
  std::vector<uint8_t> v(n);
  for (uint8_t& b : v) {
    b = static_cast<uint8_t>(rng());
  }
  return v;
}

// RFC 8439 key 00:01:...:1f of sections 2.3.2 and 2.4.2.
inline std::vector<uint8_t> key_00_1f() {
  std::vector<uint8_t> k(32);
  for (size_t i = 0; i < 32; i++) {
    k[i] = static_cast<uint8_t>(i);
  }
  return k;
}

inline constexpr char kSunscreenHex[] =
    "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
    "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
    "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
    "637265656e20776f756c642062652069742e";

// ---- ChaCha20 -----------------------------------------------------------------------------------

}  // namespace petrel_chacha_test

#endif  // PETREL_TESTS_CHACHA_CHACHA_TEST_UTIL_H
