// The AES implementations compiled into this build, for tests that run every vector on each.
#ifndef PETREL_TESTS_COMMON_AES_IMPLS_H
#define PETREL_TESTS_COMMON_AES_IMPLS_H

#include <gtest/gtest.h>

#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/modes/gcm.h"

namespace petrel_test {

// Every available implementation (at least the two portable ones: ct and table).
inline std::vector<petrel::AesImpl> all_aes_impls() {
  petrel::AesImpl impls[16];
  const size_t n = petrel::aes_impls_available(impls, 16);
  EXPECT_GE(n, 2u);
  return std::vector<petrel::AesImpl>(impls, impls + (n < 16 ? n : 16));
}

// GCM configurations that run every AES and every GHASH variant: each AES implementation with
// its default GHASH, then every GHASH variant not yet covered with the default AES.
struct GcmConfig {
  petrel::AesImpl aes;
  petrel::GhashImpl ghash;
};
inline std::vector<GcmConfig> all_gcm_configs() {
  std::vector<GcmConfig> out;
  for (petrel::AesImpl a : all_aes_impls()) {
    out.push_back({a, petrel::ghash_default_for(a)});
  }
  petrel::GhashImpl g[16];
  const size_t n = petrel::ghash_impls_available(g, 16);
  EXPECT_GE(n, 2u);
  for (size_t i = 0; i < n && i < 16; i++) {
    bool covered = false;
    for (const GcmConfig& c : out) {
      covered = covered || c.ghash == g[i];
    }
    if (!covered) {
      out.push_back({petrel::kAesDefaultImpl, g[i]});
    }
  }
  return out;
}

// Every AES implementation with every GHASH variant of the build (the differential tests).
inline std::vector<GcmConfig> all_aes_ghash_pairs() {
  std::vector<GcmConfig> out;
  petrel::GhashImpl g[16];
  const size_t n = petrel::ghash_impls_available(g, 16);
  EXPECT_GE(n, 2u);
  for (petrel::AesImpl a : all_aes_impls()) {
    for (size_t i = 0; i < n && i < 16; i++) {
      out.push_back({a, g[i]});
    }
  }
  return out;
}

}  // namespace petrel_test

#endif  // PETREL_TESTS_COMMON_AES_IMPLS_H
