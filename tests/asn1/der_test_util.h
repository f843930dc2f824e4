// Shared by the tests/asn1/der*_test.cpp files (one asn1_test program): hex with spaces, and
// views of vectors and C strings.
#ifndef PETREL_TESTS_ASN1_DER_TEST_UTIL_H
#define PETREL_TESTS_ASN1_DER_TEST_UTIL_H

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/util/span.h"
#include "tests/common/file_test.h"

namespace petrel {
namespace der_test {

inline std::vector<uint8_t> hex(const std::string& s) {
  std::string clean;
  for (char c : s) {
    if (c != ' ') {
      clean += c;
    }
  }
  bool ok = false;
  std::vector<uint8_t> v = petrel_test::from_hex(clean, &ok);
  EXPECT_TRUE(ok) << s;
  return v;
}

inline ByteView view(const std::vector<uint8_t>& v) { return ByteView(v.data(), v.size()); }
inline ByteView text(const char* s) {
  return ByteView(reinterpret_cast<const uint8_t*>(s), std::strlen(s));
}

}  // namespace der_test
}  // namespace petrel

#endif  // PETREL_TESTS_ASN1_DER_TEST_UTIL_H
