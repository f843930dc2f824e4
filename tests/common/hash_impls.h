// The SHA block-function variants available in this build (crypto/hash/hash.h, HashImpl), for
// tests that run every vector on each: a scope that selects one variant per table and restores
// the previous ones, and the list of "variant sets" that together cover every available variant
// of every table (set k selects the k-th available row of each table, or its last when a table
// has fewer), so that a test mixing hashes (HMAC, the TLS PRF) runs each variant at least once.
#ifndef PETREL_TESTS_COMMON_HASH_IMPLS_H
#define PETREL_TESTS_COMMON_HASH_IMPLS_H

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crypto/hash/hash.h"

namespace petrel_test {

// The tables: SHA-1, SHA-256 (also SHA-224), SHA-512 (also SHA-384).
constexpr petrel::HashAlg kShaTables[3] = {petrel::HashAlg::sha1, petrel::HashAlg::sha256,
                                           petrel::HashAlg::sha512};

// Every available variant of alg's table (at least the portable one); none for md5.
inline std::vector<petrel::HashImpl> all_hash_impls(petrel::HashAlg alg) {
  petrel::HashImpl v[16];
  const size_t n = petrel::hash_impls_available(alg, v, 16);
  if (alg != petrel::HashAlg::md5) {
    EXPECT_GE(n, 1u) << petrel::hash_name(alg);
  }
  return std::vector<petrel::HashImpl>(v, v + (n < 16 ? n : 16));
}

// Selects impl for alg's table (a no-op for md5) and restores the previous choice.
class HashImplScope final {
 public:
  HashImplScope(petrel::HashAlg alg, petrel::HashImpl impl)
      : m_alg(alg), m_saved(petrel::hash_impl_active(alg)) {
    if (alg != petrel::HashAlg::md5) {
      EXPECT_EQ(petrel::hash_impl_select(alg, impl), petrel::Status::ok)
          << petrel::hash_impl_name(alg, impl);
    }
  }
  ~HashImplScope() {
    if (m_alg != petrel::HashAlg::md5) {
      (void)petrel::hash_impl_select(m_alg, m_saved);
    }
  }
  HashImplScope(const HashImplScope&) = delete;
  HashImplScope& operator=(const HashImplScope&) = delete;

 private:
  petrel::HashAlg m_alg;
  petrel::HashImpl m_saved;
};

// How many variant sets cover every available variant of every table.
inline size_t hash_impl_sets() {
  size_t n = 1;
  for (petrel::HashAlg alg : kShaTables) {
    const size_t k = all_hash_impls(alg).size();
    n = k > n ? k : n;
  }
  return n;
}

// Selects variant set k in all three tables for its lifetime; name() says which variants.
class HashImplSetScope final {
 public:
  explicit HashImplSetScope(size_t k) {
    for (size_t i = 0; i < 3; i++) {
      const std::vector<petrel::HashImpl> v = all_hash_impls(kShaTables[i]);
      m_saved[i] = petrel::hash_impl_active(kShaTables[i]);
      const petrel::HashImpl pick = v[k < v.size() ? k : v.size() - 1];
      EXPECT_EQ(petrel::hash_impl_select(kShaTables[i], pick), petrel::Status::ok);
      m_name += std::string(i == 0 ? "" : " ") + petrel::hash_name(kShaTables[i]) + "=" +
                petrel::hash_impl_name(kShaTables[i], pick);
    }
  }
  ~HashImplSetScope() {
    for (size_t i = 0; i < 3; i++) {
      (void)petrel::hash_impl_select(kShaTables[i], m_saved[i]);
    }
  }
  HashImplSetScope(const HashImplSetScope&) = delete;
  HashImplSetScope& operator=(const HashImplSetScope&) = delete;
  const std::string& name() const { return m_name; }

 private:
  petrel::HashImpl m_saved[3] = {};
  std::string m_name;
};

}  // namespace petrel_test

#endif  // PETREL_TESTS_COMMON_HASH_IMPLS_H
