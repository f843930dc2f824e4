// Shared by the tests/rsa/rsa*_test.cpp files of the published-vector, key-generation and
// negative tests (one rsa_test program): byte vectors, digests, and the loader of an RSA
// Laboratories example key (every field read, the exported qinv compared with the published one).
#ifndef PETREL_TESTS_RSA_RSA_TEST_UTIL_H
#define PETREL_TESTS_RSA_RSA_TEST_UTIL_H

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"

namespace petrel {
namespace rsa_test {

using Bytes = std::vector<uint8_t>;

inline ByteView bv(const Bytes& b) { return ByteView(b.data(), b.size()); }

inline Bytes digest_of(HashAlg alg, const Bytes& msg) {
  Bytes d(hash_digest_size(alg));
  EXPECT_EQ(hash(alg, MutableBytes(d.data(), d.size()), bv(msg)), Status::ok);
  return d;
}

inline void load_labs_key(petrel_test::RsaLabsItem& k, RsaPrivateKey* key) {
  const Bytes n = k.take("Modulus");
  const Bytes e = k.take("Public exponent");
  const Bytes d = k.take("Exponent");
  const Bytes p = k.take("Prime 1");
  const Bytes q = k.take("Prime 2");
  const Bytes dp = k.take("Prime exponent 1");
  const Bytes dq = k.take("Prime exponent 2");
  const Bytes qinv = k.take("Coefficient");
  k.check_all_taken();
  RsaPrivateParts parts;
  parts.n = bv(n);
  parts.e = bv(e);
  parts.d = bv(d);
  parts.p = bv(p);
  parts.q = bv(q);
  parts.dp = bv(dp);
  parts.dq = bv(dq);
  parts.qinv = bv(qinv);
  ASSERT_EQ(key->set(parts), Status::ok) << k.name;
  // Export gives back the published values.
  uint8_t buf[1024];
  size_t len = 0;
  ASSERT_EQ(key->export_part(RsaPart::qinv, MutableBytes(buf, sizeof(buf)), &len), Status::ok);
  Bytes qi(qinv.begin(), qinv.end());
  while (!qi.empty() && qi[0] == 0) {
    qi.erase(qi.begin());
  }
  EXPECT_EQ(petrel_test::to_hex(buf, len), petrel_test::to_hex(qi)) << k.name;
}

}  // namespace rsa_test
}  // namespace petrel

#endif  // PETREL_TESTS_RSA_RSA_TEST_UTIL_H
