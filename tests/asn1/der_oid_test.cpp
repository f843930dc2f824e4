// Tests of crypto/asn1 OBJECT IDENTIFIERs (der_oid.cpp): dotted text both ways and the OID
// constants of crypto/asn1/oid.h against their RFC dotted forms. Part of the asn1_test program.
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

TEST(Der, OidText) {
  struct {
    const char* der;  // contents
    const char* dotted;  // "" = invalid contents
  } const cases[] = {
      {"2a864886f70d01010b", "1.2.840.113549.1.1.11"},
      {"00", "0.0"},
      {"27", "0.39"},
      {"28", "1.0"},
      {"4f", "1.39"},
      {"50", "2.0"},
      {"8837", "2.999"},
      {"81ffffffffffffffff7f", "2.18446744073709551535"},   // 2^64 - 1 - 80 + 80
      {"2a81ffffffffffffffff7f", "1.2.18446744073709551615"},
      {"2a82808080808080808000", ""},  // arc of 2^64: too big
      {"", ""},
      {"8001", ""},   // leading 0x80
      {"2a8001", ""},
      {"2a86", ""},   // unterminated
      {"2a864886f70d8101", "1.2.840.113549.129"},
  };
  size_t n = 0;
  for (const auto& c : cases) {
    const std::vector<uint8_t> der = hex(c.der);
    uint8_t buf[128];
    size_t len = 0;
    const Status s = oid_to_text(MutableBytes(buf, sizeof(buf)), &len, view(der));
    if (std::string(c.dotted).empty()) {
      EXPECT_EQ(s, Status::decode_error) << c.der;
      EXPECT_EQ(check_oid_contents(view(der)), Status::decode_error) << c.der;
    } else {
      ASSERT_EQ(s, Status::ok) << c.der;
      EXPECT_EQ(std::string(reinterpret_cast<char*>(buf), len), c.dotted);
      EXPECT_EQ(buf[len], 0);
      // Back to bytes.
      uint8_t enc[64];
      size_t enc_len = 0;
      ASSERT_EQ(oid_from_text(MutableBytes(enc, sizeof(enc)), &enc_len, text(c.dotted)), Status::ok)
          << c.dotted;
      EXPECT_EQ(to_hex(enc, enc_len), c.der);
      // Too small an output buffer: every size below the need fails.
      for (size_t cap = 0; cap <= len; cap++) {
        size_t l2 = 0;
        EXPECT_EQ(oid_to_text(MutableBytes(buf, cap), &l2, view(der)), Status::buffer_too_small);
      }
    }
    n++;
  }
  const char* bad_text[] = {"", "1", "3.1", "1.40", "0.40", "1..2", "01.2", "1.02", "1.2.",
                            ".1.2", "1.2a", "1.2.18446744073709551616", "2.18446744073709551536"};
  for (const char* t : bad_text) {
    uint8_t enc[64];
    size_t enc_len = 0;
    EXPECT_EQ(oid_from_text(MutableBytes(enc, sizeof(enc)), &enc_len, text(t)),
              Status::decode_error)
        << t;
    n++;
  }
  petrel_test::report_cases("OID text", n);
}

// Every constant of oid.h against its dotted form typed from the RFCs.
TEST(Der, OidConstants) {
  size_t n = 0;
  for (const OidInfo& info : kOidTable) {
    char buf[96];
    size_t len = 0;
    ASSERT_EQ(oid_to_text(MutableBytes(reinterpret_cast<uint8_t*>(buf), sizeof(buf)), &len,
                          info.der),
              Status::ok)
        << info.name;
    EXPECT_EQ(std::string(buf, len), info.dotted) << info.name;
    EXPECT_EQ(oid_lookup(info.der), &info) << info.name;
    n++;
  }
  // Spot checks of individual names against the RFC text.
  struct {
    ByteView der;
    const char* dotted;
  } const spot[] = {
      {ByteView(oid::kSha256WithRsa, sizeof(oid::kSha256WithRsa)), "1.2.840.113549.1.1.11"},
      {ByteView(oid::kRsassaPss, sizeof(oid::kRsassaPss)), "1.2.840.113549.1.1.10"},
      {ByteView(oid::kSha256, sizeof(oid::kSha256)), "2.16.840.1.101.3.4.2.1"},
      {ByteView(oid::kCommonName, sizeof(oid::kCommonName)), "2.5.4.3"},
      {ByteView(oid::kServerAuth, sizeof(oid::kServerAuth)), "1.3.6.1.5.5.7.3.1"},
      {ByteView(oid::kExtensionRequest, sizeof(oid::kExtensionRequest)), "1.2.840.113549.1.9.14"},
      {ByteView(oid::kDomainComponent, sizeof(oid::kDomainComponent)), "0.9.2342.19200300.100.1.25"},
  };
  for (const auto& s : spot) {
    char buf[96];
    size_t len = 0;
    ASSERT_EQ(oid_to_text(MutableBytes(reinterpret_cast<uint8_t*>(buf), sizeof(buf)), &len, s.der),
              Status::ok);
    EXPECT_EQ(std::string(buf, len), s.dotted);
    n++;
  }
  const std::vector<uint8_t> unknown = hex("2a03");
  EXPECT_EQ(oid_lookup(view(unknown)), nullptr);
  petrel_test::report_cases("OID constants", n);
}

}  // namespace
}  // namespace asn1
}  // namespace petrel
