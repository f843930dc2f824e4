// The AES implementations compiled into this build, for tests that run every vector on each.
#ifndef PETREL_TESTS_COMMON_AES_IMPLS_H
#define PETREL_TESTS_COMMON_AES_IMPLS_H

#include <gtest/gtest.h>

#include <vector>

#include "crypto/aes/aes.h"

namespace petrel_test {

// Every available implementation (at least the two portable ones: ct and table).
inline std::vector<petrel::AesImpl> all_aes_impls() {
  petrel::AesImpl impls[16];
  const size_t n = petrel::aes_impls_available(impls, 16);
  EXPECT_GE(n, 2u);
  return std::vector<petrel::AesImpl>(impls, impls + (n < 16 ? n : 16));
}

}  // namespace petrel_test

#endif  // PETREL_TESTS_COMMON_AES_IMPLS_H
