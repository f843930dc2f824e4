// Shared by the tests/x509/*_test.cpp files (one x509_test program): the fixture directories,
// file reading, the certificate loader, text helpers and the fixed times of the corpus.
#ifndef PETREL_TESTS_X509_X509_TEST_UTIL_H
#define PETREL_TESTS_X509_X509_TEST_UTIL_H

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/util/span.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/name.h"

namespace petrel {
namespace x509_test {

using namespace petrel::x509;

inline const std::string kDir = std::string(PETREL_SOURCE_DIR) + "/fuzz/corpus/x509/";

inline std::vector<uint8_t> read_file(const std::string& path) {
  std::vector<uint8_t> out;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    ADD_FAILURE() << "cannot open " << path;
    return out;
  }
  uint8_t buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    out.insert(out.end(), buf, buf + n);
  }
  std::fclose(f);
  return out;
}

inline ByteView bv(const std::vector<uint8_t>& v) { return ByteView(v.data(), v.size()); }
inline ByteView bv(const char* s) { return ByteView(reinterpret_cast<const uint8_t*>(s), std::strlen(s)); }

inline std::string name_str(ByteView name) {
  char buf[512];
  size_t len = 0;
  if (name_to_text(MutableBytes(reinterpret_cast<uint8_t*>(buf), sizeof(buf)), &len, name) !=
      Status::ok) {
    return "<error>";
  }
  return std::string(buf, len);
}

inline std::string hex(ByteView v) {
  std::string s;
  char b[3];
  for (size_t i = 0; i < v.size(); i++) {
    std::snprintf(b, sizeof(b), "%02X", v[i]);
    s += b;
  }
  return s;
}

struct Loaded {
  std::vector<uint8_t> der;
  Certificate cert;
};

inline void load(Loaded* out, const char* name) {
  out->der = read_file(kDir + name);
  ASSERT_EQ(parse_certificate(&out->cert, bv(out->der)), Status::ok) << name;
}

inline constexpr int64_t k2020 = 1577836800;  // 2020-01-01T00:00:00Z (date -u -d 2020-01-01 +%s)
inline constexpr int64_t k2035 = 2051222400;
inline constexpr int64_t k2055 = 2682374400;
inline constexpr int64_t kAttime = 1717200000;  // 2024-06-01, as the corpus

inline const std::string kFixtures = std::string(PETREL_SOURCE_DIR) + "/tests/x509/fixtures/";

}  // namespace x509_test
}  // namespace petrel

#endif  // PETREL_TESTS_X509_X509_TEST_UTIL_H
