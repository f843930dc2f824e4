/*
 * DER times: UTCTime and GeneralizedTime as ITU-T X.690 (08/2015) 11.7-11.8 ('Z', no
 * fractions) and RFC 5280 section 4.1.2.5 (UTCTime for 1950..2049), read into and written from
 * seconds since 1970-01-01T00:00:00Z, with the proleptic Gregorian conversions between epoch
 * seconds and broken-down time (years 0..9999). Not constant-time: validity times are public.
 */
#include "crypto/asn1/der.h"
#include "crypto/asn1/der_internal.h"

namespace petrel {
namespace asn1 {

using der_internal::is_digit;

namespace {

constexpr Status kBad = Status::decode_error;

bool days_in_month_ok(int32_t year, int32_t month, int32_t day) {
  static const uint8_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  int32_t dim = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) {
    dim = 29;
  }
  return day <= dim;
}

// Two ASCII digits at s[0..1].
bool two_digits(const uint8_t* s, int32_t* out) {
  if (!is_digit(s[0]) || !is_digit(s[1])) {
    return false;
  }
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  return true;
}

// MMDDHHMMSSZ at s (11 bytes), with the year already known.
Status parse_time_tail(const uint8_t* s, int32_t year, int64_t* out_epoch) {
  DateTime dt{};
  dt.year = year;
  if (!two_digits(s, &dt.month) || !two_digits(s + 2, &dt.day) || !two_digits(s + 4, &dt.hour) ||
      !two_digits(s + 6, &dt.minute) || !two_digits(s + 8, &dt.second) || s[10] != 'Z') {
    return kBad;
  }
  return datetime_to_epoch(out_epoch, dt);
}

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) {
    q--;
  }
  return q;
}

// Days since 1970-01-01 of a proleptic Gregorian date (the usual era/day-of-era decomposition).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= (m <= 2) ? 1 : 0;
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;                                   // [0, 399]
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

void put_two(Writer* w, int32_t v) {
  w->add_u8(static_cast<uint8_t>('0' + v / 10));
  w->add_u8(static_cast<uint8_t>('0' + v % 10));
}

void add_time_as(Writer* w, int64_t epoch, bool utc) {
  DateTime dt{};
  if (epoch_to_datetime(&dt, epoch) != Status::ok || (utc && (dt.year < 1950 || dt.year > 2049))) {
    w->fail(Status::invalid_argument);
    return;
  }
  begin_der(w, utc ? kUtcTime : kGeneralizedTime);
  if (!utc) {
    put_two(w, dt.year / 100);
  }
  put_two(w, dt.year % 100);
  put_two(w, dt.month);
  put_two(w, dt.day);
  put_two(w, dt.hour);
  put_two(w, dt.minute);
  put_two(w, dt.second);
  w->add_u8('Z');
  w->end();
}

}  // namespace

// ---- readers ------------------------------------------------------------------------------

Status datetime_to_epoch(int64_t* out, const DateTime& dt) noexcept {
  if (dt.year < 0 || dt.year > 9999 || !days_in_month_ok(dt.year, dt.month, dt.day) ||
      dt.hour < 0 || dt.hour > 23 || dt.minute < 0 || dt.minute > 59 || dt.second < 0 ||
      dt.second > 59) {
    return kBad;
  }
  const int64_t days = days_from_civil(dt.year, dt.month, dt.day);
  *out = days * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second;
  return Status::ok;
}

Status epoch_to_datetime(DateTime* out, int64_t epoch) noexcept {
  // Years 0..9999: from 0000-01-01 to 9999-12-31T23:59:59.
  const int64_t kMin = -62167219200;  // 0000-01-01T00:00:00Z
  const int64_t kMax = 253402300799;  // 9999-12-31T23:59:59Z
  if (epoch < kMin || epoch > kMax) {
    return Status::invalid_argument;
  }
  const int64_t days = floor_div(epoch, 86400);
  const int64_t secs = epoch - days * 86400;
  // Inverse of days_from_civil.
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out->year = static_cast<int32_t>(y);
  out->month = static_cast<int32_t>(m);
  out->day = static_cast<int32_t>(d);
  out->hour = static_cast<int32_t>(secs / 3600);
  out->minute = static_cast<int32_t>((secs / 60) % 60);
  out->second = static_cast<int32_t>(secs % 60);
  return Status::ok;
}

Status parse_utc_time(ByteView c, int64_t* out_epoch) noexcept {
  int32_t yy = 0;
  if (c.size() != 13 || !two_digits(c.data(), &yy)) {
    return kBad;
  }
  return parse_time_tail(c.data() + 2, yy >= 50 ? 1900 + yy : 2000 + yy, out_epoch);
}

Status parse_generalized_time(ByteView c, int64_t* out_epoch) noexcept {
  int32_t hi = 0;
  int32_t lo = 0;
  if (c.size() != 15 || !two_digits(c.data(), &hi) || !two_digits(c.data() + 2, &lo)) {
    return kBad;
  }
  return parse_time_tail(c.data() + 4, hi * 100 + lo, out_epoch);
}

Status read_time(Reader* in, int64_t* out_epoch) noexcept {
  Reader r = *in;
  Tag tag = 0;
  Reader c;
  int64_t t = 0;
  if (read_any_der(&r, &tag, &c) != Status::ok) {
    return kBad;
  }
  Status s = kBad;
  if (tag == kUtcTime) {
    s = parse_utc_time(c.view(), &t);
  } else if (tag == kGeneralizedTime) {
    s = parse_generalized_time(c.view(), &t);
  }
  if (s != Status::ok) {
    return kBad;
  }
  *in = r;
  *out_epoch = t;
  return Status::ok;
}


void add_utc_time(Writer* w, int64_t epoch) noexcept { add_time_as(w, epoch, true); }

void add_generalized_time(Writer* w, int64_t epoch) noexcept { add_time_as(w, epoch, false); }

void add_time(Writer* w, int64_t epoch) noexcept {
  DateTime dt{};
  if (epoch_to_datetime(&dt, epoch) != Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  add_time_as(w, epoch, dt.year >= 1950 && dt.year <= 2049);
}
}  // namespace asn1
}  // namespace petrel
