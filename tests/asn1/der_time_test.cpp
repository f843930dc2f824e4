// Tests of the crypto/asn1 times (der_time.cpp): UTCTime/GeneralizedTime reading and writing,
// and the calendar against libc's timegm. Part of the asn1_test program.
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

using namespace der_test;  // tests/asn1/der_test_util.h

TEST(Der, Times) {
  struct {
    Tag tag;
    const char* s;
    bool ok;
    int64_t epoch;
  } const cases[] = {
      {kUtcTime, "700101000000Z", true, 0},
      {kUtcTime, "000101000000Z", true, 946684800},
      {kUtcTime, "500101000000Z", true, -631152000},       // 1950
      {kUtcTime, "491231235959Z", true, 2524607999},       // 2049
      {kUtcTime, "380119031408Z", true, 2147483648},       // past 32-bit time_t
      {kGeneralizedTime, "20240229235959Z", true, 1709251199},
      {kGeneralizedTime, "20000229000000Z", true, 951782400},  // 400-year rule: leap
      {kGeneralizedTime, "19700101000000Z", true, 0},
      {kGeneralizedTime, "99991231235959Z", true, 253402300799},
      {kGeneralizedTime, "00000101000000Z", true, -62167219200},
      {kGeneralizedTime, "20230230000000Z", false, 0},     // 30 February
      {kGeneralizedTime, "20230229000000Z", false, 0},     // not a leap year
      {kGeneralizedTime, "21000229000000Z", false, 0},     // 100-year rule: not leap
      {kGeneralizedTime, "20230431000000Z", false, 0},
      {kGeneralizedTime, "20231301000000Z", false, 0},
      {kGeneralizedTime, "20230001000000Z", false, 0},
      {kGeneralizedTime, "20230100000000Z", false, 0},
      {kGeneralizedTime, "20230101240000Z", false, 0},
      {kGeneralizedTime, "20230101006000Z", false, 0},
      {kGeneralizedTime, "20230101000060Z", false, 0},     // no leap seconds
      {kGeneralizedTime, "20230101000000", false, 0},      // missing Z
      {kGeneralizedTime, "20230101000000.5Z", false, 0},   // fractional seconds
      {kGeneralizedTime, "20230101000000+0100", false, 0}, // offset
      {kGeneralizedTime, "202301010000Z", false, 0},       // no seconds
      {kGeneralizedTime, "2023010100000aZ", false, 0},
      {kGeneralizedTime, "2023010100000 Z", false, 0},
      {kGeneralizedTime, "230101000000Z", false, 0},       // UTCTime form in a GeneralizedTime
      {kUtcTime, "20230101000000Z", false, 0},             // and the reverse
      {kUtcTime, "2301010000Z", false, 0},
      {kUtcTime, "230101000000z", false, 0},
      {kUtcTime, "230101000000", false, 0},
      {kOctetString, "230101000000Z", false, 0},
  };
  size_t n = 0;
  for (const auto& c : cases) {
    uint8_t der[40];
    Writer w(MutableBytes(der, sizeof(der)));
    add_der(&w, c.tag, text(c.s));
    size_t len = 0;
    ASSERT_EQ(w.finish(&len), Status::ok);
    Reader r(der, len);
    int64_t t = 0;
    const Status s = read_time(&r, &t);
    EXPECT_EQ(s == Status::ok, c.ok) << c.s;
    if (c.ok) {
      EXPECT_EQ(t, c.epoch) << c.s;
      EXPECT_TRUE(r.empty());
    } else {
      EXPECT_EQ(r.remaining(), len) << c.s;
    }
    n++;
  }
  petrel_test::report_cases("DER times", n);
}

// The calendar against libc's timegm (an independent implementation), every day of 1902..2037
// (32-bit time_t limits), and with a 64-bit time_t every 7th day from year 1 to 9999.
TEST(Der, CalendarAgainstTimegm) {
  size_t n = 0;
  const bool wide = sizeof(time_t) >= 8;
  const int first_year = wide ? 1 : 1902;
  const int last_year = wide ? 9999 : 2037;
  for (int y = first_year; y <= last_year; y++) {
    const int step = (y >= 1902 && y <= 2037) ? 1 : 7;
    for (int yday = 0; yday < 366; yday += step) {
      struct tm tmv;
      std::memset(&tmv, 0, sizeof(tmv));
      tmv.tm_year = y - 1900;
      tmv.tm_mon = 0;
      tmv.tm_mday = 1 + yday;
      tmv.tm_hour = 13;
      tmv.tm_min = 59;
      tmv.tm_sec = 58;
      const time_t tt = timegm(&tmv);  // normalizes tmv to the real date
      if (tmv.tm_year != y - 1900) {
        continue;  // day 366 of a common year
      }
      DateTime dt{};
      ASSERT_EQ(epoch_to_datetime(&dt, static_cast<int64_t>(tt)), Status::ok) << y;
      ASSERT_EQ(dt.year, y);
      ASSERT_EQ(dt.month, tmv.tm_mon + 1) << y << " " << yday;
      ASSERT_EQ(dt.day, tmv.tm_mday) << y << " " << yday;
      ASSERT_EQ(dt.hour, 13);
      ASSERT_EQ(dt.minute, 59);
      ASSERT_EQ(dt.second, 58);
      int64_t back = 0;
      ASSERT_EQ(datetime_to_epoch(&back, dt), Status::ok);
      ASSERT_EQ(back, static_cast<int64_t>(tt));
      n++;
    }
  }
  DateTime dt{};
  EXPECT_EQ(epoch_to_datetime(&dt, 253402300800), Status::invalid_argument);
  EXPECT_EQ(epoch_to_datetime(&dt, -62167219201), Status::invalid_argument);
  petrel_test::report_cases("calendar days vs timegm", n);
}

}  // namespace
}  // namespace asn1
}  // namespace petrel
