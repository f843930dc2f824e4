// Tests of the crypto/asn1 character strings (der_string.cpp): character sets, UTF-8 and the
// conversions of BMPString/UniversalString/T61String. Part of the asn1_test program.
#include <gtest/gtest.h>

#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "tests/common/file_test.h"
#include "tests/asn1/der_test_util.h"

namespace petrel {
namespace asn1 {
namespace {

using petrel_test::to_hex;
using namespace der_test;  // tests/asn1/der_test_util.h

TEST(Der, Strings) {
  struct {
    Tag tag;
    const char* contents;
    const char* utf8;  // nullptr = rejected
  } const cases[] = {
      {kPrintableString, "48656c6c6f20576f726c64", "48656c6c6f20576f726c64"},
      {kPrintableString, "27282b2c2d2e2f3a3d3f", "27282b2c2d2e2f3a3d3f"},
      {kPrintableString, "61406200", nullptr},  // '@'
      {kPrintableString, "2a", nullptr},        // '*'
      {kNumericString, "3132203334", "3132203334"},
      {kNumericString, "3161", nullptr},
      {kIa5String, "7e7f00", "7e7f00"},
      {kIa5String, "80", nullptr},
      {kVisibleString, "207e", "207e"},
      {kVisibleString, "1f", nullptr},
      {kUtf8String, "c3a9e282acf09f9880", "c3a9e282acf09f9880"},
      {kUtf8String, "c080", nullptr},        // overlong NUL
      {kUtf8String, "e08080", nullptr},      // overlong
      {kUtf8String, "eda080", nullptr},      // surrogate
      {kUtf8String, "f4908080", nullptr},    // > U+10FFFF
      {kUtf8String, "c3", nullptr},          // truncated
      {kUtf8String, "80", nullptr},          // lone continuation
      {kUtf8String, "ff", nullptr},
      {kBmpString, "004100e920ac", "41c3a9e282ac"},
      {kBmpString, "0041 00", nullptr},     // odd length
      {kBmpString, "d800", nullptr},        // surrogate
      {kUniversalString, "000000410001f600", "41f09f9880"},
      {kUniversalString, "00110000", nullptr},
      {kUniversalString, "000041", nullptr},
      {kT61String, "e9", "c3a9"},           // taken as Latin-1
      {kOctetString, "41", nullptr},        // not a string type
  };
  size_t n = 0;
  for (const auto& c : cases) {
    const std::vector<uint8_t> contents = hex(c.contents);
    uint8_t buf[64];
    size_t len = 0;
    const Status s = string_to_utf8(MutableBytes(buf, sizeof(buf)), &len, c.tag, view(contents));
    EXPECT_EQ(check_string(c.tag, view(contents)) == Status::ok, c.utf8 != nullptr) << c.contents;
    if (c.utf8 == nullptr) {
      EXPECT_EQ(s, Status::decode_error) << c.contents;
    } else {
      ASSERT_EQ(s, Status::ok) << c.contents;
      EXPECT_EQ(to_hex(buf, len), c.utf8);
    }
    // Framed: read_string and read_string_of agree.
    uint8_t der[80];
    Writer w(MutableBytes(der, sizeof(der)));
    add_der(&w, c.tag, view(contents));
    size_t der_len = 0;
    ASSERT_EQ(w.finish(&der_len), Status::ok);
    Reader r(der, der_len);
    Tag tag = 0;
    ByteView got;
    EXPECT_EQ(read_string(&r, &tag, &got) == Status::ok, c.utf8 != nullptr) << c.contents;
    Reader r2(der, der_len);
    EXPECT_EQ(read_string_of(&r2, &got, c.tag) == Status::ok, c.utf8 != nullptr) << c.contents;
    n++;
  }
  petrel_test::report_cases("DER strings", n);
}

}  // namespace
}  // namespace asn1
}  // namespace petrel
