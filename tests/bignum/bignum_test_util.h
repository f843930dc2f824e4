// Helpers of the crypto/bignum tests (bignum_test.cpp, bignum_number_theory_test.cpp): numbers
// from big-endian bytes or hex, resizing, random numbers, reduction through the bit-serial
// division, comparison and printing, and the RSA Laboratories keys.
#ifndef PETREL_TESTS_BIGNUM_BIGNUM_TEST_UTIL_H
#define PETREL_TESTS_BIGNUM_BIGNUM_TEST_UTIL_H

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"
#include "tests/rsa/test_rng.h"

namespace petrel {
namespace {

using bn::Limb;
using petrel_test::from_hex;
using petrel_test::SplitMixRng;
using Num = std::vector<Limb>;

inline Num num(const std::vector<uint8_t>& be, size_t limbs = 0) {
  if (limbs == 0) {
    limbs = bn::limbs_for_bytes(be.size() == 0 ? 1 : be.size());
  }
  Num x(limbs);
  EXPECT_EQ(bn::from_bytes(x.data(), limbs, ByteView(be.data(), be.size())), Status::ok);
  return x;
}

inline Num num_hex(const std::string& hex, size_t limbs = 0) { return num(from_hex(hex), limbs); }

inline Num resized(const Num& x, size_t limbs) {
  Num y(limbs, 0);
  for (size_t i = 0; i < x.size(); i++) {
    if (i < limbs) {
      y[i] = x[i];
    } else {
      EXPECT_EQ(x[i], 0u) << "value does not fit";
    }
  }
  return y;
}

inline Num random_num(SplitMixRng& rng, size_t limbs) {
  Num x(limbs);
  for (auto& l : x) {
    l = static_cast<Limb>(rng.next());
  }
  return x;
}

// x mod d through the bit-serial division.
inline Num mod_div(const Num& x, const Num& d) {
  Num r(d.size());
  bn::div_ct(nullptr, r.data(), x.data(), x.size(), d.data(), d.size());
  return r;
}

inline bool equal(const Num& a, const Num& b) {
  const size_t n = a.size() > b.size() ? a.size() : b.size();
  return resized(a, n) == resized(b, n);
}

inline std::string hex_of(const Num& x) {
  std::vector<uint8_t> b(x.size() * bn::kLimbBytes);
  EXPECT_EQ(bn::to_bytes(MutableBytes(b.data(), b.size()), x.data(), x.size()), Status::ok);
  return petrel_test::to_hex(b);
}

// The RSA Labs keys: published n, e, d, p, q, dp, dq, qinv (independent of Petrel). Loaded by
// each test (the file's fields are checked when it goes out of scope, at the end of the test's
// loop); the encryption items are RsaLabs.Pkcs1v15Crypt's (tests/rsa), not read here.
inline petrel_test::RsaLabsFile labs_keys() {
  petrel_test::RsaLabsFile keys("rsa-pkcs1/pkcs1v15crypt-vectors.txt");
  keys.keys_only();
  return keys;
}

}  // namespace
}  // namespace petrel

#endif  // PETREL_TESTS_BIGNUM_BIGNUM_TEST_UTIL_H
