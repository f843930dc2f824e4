/*
 * Strict DER reader and writer: ITU-T X.690 (08/2015) section 8 (BER encoding of each type) with
 * the DER restrictions of section 10 (definite, minimal lengths; BOOLEAN 0xFF; zero BIT STRING
 * padding; UTCTime/GeneralizedTime with 'Z' and no fractions, 11.7-11.8), times as RFC 5280
 * section 4.1.2.5. Character sets from X.680 sections 41 (PrintableString, NumericString).
 * Not constant-time: it parses public data (certificates, public keys); private-key files pass
 * through it only for framing, and the INTEGER value bytes are never branched on except the
 * first two octets (sign and minimality checks).
 */
#include "crypto/asn1/der.h"

#include <cstring>

namespace petrel {
namespace asn1 {
namespace {

constexpr Status kBad = Status::decode_error;

bool parse_tag(Reader* r, Tag* out) {
  uint8_t b = 0;
  if (!r->read_u8(&b)) {
    return false;
  }
  const uint32_t bits = b;
  const Tag cls_and_form = (bits & 0xe0u) << 24;  // class bits 7..6 -> 31..30, form 5 -> 29
  uint32_t number = bits & 0x1fu;
  if (number == 0x1f) {
    // High-tag-number form (X.690 8.1.2.4): base-128, minimal, and only for numbers >= 31.
    number = 0;
    for (;;) {
      uint8_t c = 0;
      if (!r->read_u8(&c)) {
        return false;
      }
      if (number == 0 && c == 0x80) {
        return false;  // leading zero group
      }
      if (number > (kMaxTagNumber >> 7)) {
        return false;  // beyond four groups
      }
      number = (number << 7) | (c & 0x7fu);
      if ((c & 0x80) == 0) {
        break;
      }
    }
    if (number < 31) {
      return false;
    }
  }
  if (number == 0 && (cls_and_form & kClassMask) == kClassUniversal) {
    return false;  // [UNIVERSAL 0] is BER's end-of-contents marker, never a DER element
  }
  *out = cls_and_form | number;
  return true;
}

bool parse_length(Reader* r, size_t* out) {
  uint8_t first = 0;
  if (!r->read_u8(&first)) {
    return false;
  }
  if (first < 0x80) {
    *out = first;
    return true;
  }
  const size_t n = first & 0x7fu;
  if (n == 0 || n > 4) {
    return false;  // 0x80 is BER's indefinite length; more than 4 octets is never needed here
  }
  uint32_t len = 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = 0;
    if (!r->read_u8(&c)) {
      return false;
    }
    if (i == 0 && c == 0) {
      return false;  // leading zero octet: not minimal
    }
    len = (len << 8) | c;
  }
  if (len < 0x80) {
    return false;  // fits the short form
  }
  *out = len;
  return true;
}

bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

// Appends text to out at *pos (bounds-checked).
bool put_char(MutableBytes out, size_t* pos, uint8_t c) {
  if (*pos >= out.size()) {
    return false;
  }
  out[*pos] = c;
  (*pos)++;
  return true;
}

bool put_decimal(MutableBytes out, size_t* pos, uint64_t v) {
  uint8_t digits[20];
  size_t n = 0;
  do {
    digits[n++] = static_cast<uint8_t>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) {
    if (!put_char(out, pos, digits[--n])) {
      return false;
    }
  }
  return true;
}

// Reads base-128 subidentifiers from an OID's contents.
bool next_arc(Reader* r, uint64_t* out) {
  uint64_t v = 0;
  uint8_t c = 0;
  if (!r->peek_u8(&c) || c == 0x80) {
    return false;
  }
  do {
    if (!r->read_u8(&c)) {
      return false;
    }
    if (v > (UINT64_MAX >> 7)) {
      return false;
    }
    v = (v << 7) | (c & 0x7fu);
  } while ((c & 0x80) != 0);
  *out = v;
  return true;
}

void put_arc(Writer* w, uint64_t v) {
  uint8_t groups[10];
  size_t n = 0;
  do {
    groups[n++] = static_cast<uint8_t>(v & 0x7f);
    v >>= 7;
  } while (v != 0);
  while (n > 1) {
    w->add_u8(static_cast<uint8_t>(groups[--n] | 0x80));
  }
  w->add_u8(groups[0]);
}

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

bool utf8_next(Reader* r, uint32_t* out) {
  uint8_t c = 0;
  if (!r->read_u8(&c)) {
    return false;
  }
  if (c < 0x80) {
    *out = c;
    return true;
  }
  size_t more = 0;
  uint32_t v = 0;
  uint32_t min = 0;
  if ((c & 0xe0) == 0xc0) {
    more = 1;
    v = c & 0x1fu;
    min = 0x80;
  } else if ((c & 0xf0) == 0xe0) {
    more = 2;
    v = c & 0x0fu;
    min = 0x800;
  } else if ((c & 0xf8) == 0xf0) {
    more = 3;
    v = c & 0x07u;
    min = 0x10000;
  } else {
    return false;
  }
  for (size_t i = 0; i < more; i++) {
    uint8_t cc = 0;
    if (!r->read_u8(&cc) || (cc & 0xc0) != 0x80) {
      return false;
    }
    v = (v << 6) | (cc & 0x3fu);
  }
  if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
    return false;
  }
  *out = v;
  return true;
}

bool put_utf8(MutableBytes out, size_t* pos, uint32_t cp) {
  if (cp < 0x80) {
    return put_char(out, pos, static_cast<uint8_t>(cp));
  }
  if (cp < 0x800) {
    return put_char(out, pos, static_cast<uint8_t>(0xc0 | (cp >> 6))) &&
           put_char(out, pos, static_cast<uint8_t>(0x80 | (cp & 0x3f)));
  }
  if (cp < 0x10000) {
    return put_char(out, pos, static_cast<uint8_t>(0xe0 | (cp >> 12))) &&
           put_char(out, pos, static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3f))) &&
           put_char(out, pos, static_cast<uint8_t>(0x80 | (cp & 0x3f)));
  }
  return put_char(out, pos, static_cast<uint8_t>(0xf0 | (cp >> 18))) &&
         put_char(out, pos, static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3f))) &&
         put_char(out, pos, static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3f))) &&
         put_char(out, pos, static_cast<uint8_t>(0x80 | (cp & 0x3f)));
}

bool is_printable_char(uint8_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c)) {
    return true;
  }
  switch (c) {
    case ' ': case '\'': case '(': case ')': case '+': case ',': case '-': case '.': case '/':
    case ':': case '=': case '?':
      return true;
    default:
      return false;
  }
}

// Next code point of a string of the given tag (for check and conversion).
bool string_next(Reader* r, Tag tag, uint32_t* out) {
  uint8_t c = 0;
  switch (tag) {
    case kUtf8String:
      return utf8_next(r, out);
    case kBmpString: {
      uint16_t u = 0;
      if (!r->read_u16(&u) || (u >= 0xd800 && u <= 0xdfff)) {
        return false;
      }
      *out = u;
      return true;
    }
    case kUniversalString: {
      uint32_t u = 0;
      if (!r->read_u32(&u) || u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff)) {
        return false;
      }
      *out = u;
      return true;
    }
    case kT61String:
      if (!r->read_u8(&c)) {
        return false;
      }
      *out = c;  // taken as Latin-1
      return true;
    case kPrintableString:
      if (!r->read_u8(&c) || !is_printable_char(c)) {
        return false;
      }
      *out = c;
      return true;
    case kNumericString:
      if (!r->read_u8(&c) || !(is_digit(c) || c == ' ')) {
        return false;
      }
      *out = c;
      return true;
    case kIa5String:
      if (!r->read_u8(&c) || c >= 0x80) {
        return false;
      }
      *out = c;
      return true;
    case kVisibleString:
      if (!r->read_u8(&c) || c < 0x20 || c > 0x7e) {
        return false;
      }
      *out = c;
      return true;
    default:
      return false;
  }
}

Status walk(Reader r, DepthLimit* depth) {
  while (!r.empty()) {
    Tag tag = 0;
    Reader contents;
    if (read_any_der(&r, &tag, &contents) != Status::ok) {
      return kBad;
    }
    if (is_constructed(tag)) {
      if (!depth->enter()) {
        return kBad;
      }
      const Status s = walk(contents, depth);
      depth->leave();
      if (s != Status::ok) {
        return s;
      }
    }
  }
  return Status::ok;
}

}  // namespace

// ---- framing --------------------------------------------------------------------------------

Status read_any_der(Reader* in, Tag* out_tag, Reader* out_contents,
                    size_t* out_header_len) noexcept {
  Reader r = *in;
  Tag tag = 0;
  size_t len = 0;
  if (!parse_tag(&r, &tag) || !parse_length(&r, &len)) {
    return kBad;
  }
  const size_t header_len = in->remaining() - r.remaining();
  Reader contents;
  if (!r.read_sub(len, &contents)) {
    return kBad;  // the length runs past the buffer
  }
  *in = r;
  *out_tag = tag;
  *out_contents = contents;
  if (out_header_len != nullptr) {
    *out_header_len = header_len;
  }
  return Status::ok;
}

namespace {

Status check_value(Tag tag, Reader contents, DepthLimit* depth) noexcept {
  const ByteView c = contents.view();
  if ((tag & kClassMask) != kClassUniversal || is_constructed(tag)) {
    if ((tag & kClassMask) == kClassUniversal) {
      // X.690 10.2 / 8: only these universal types are constructed in DER.
      const Tag n = tag & kNumberMask;
      if (n != 16 && n != 17 && n != 8 && n != 11 && n != 29) {
        return kBad;
      }
    }
    if (!is_constructed(tag)) {
      return Status::ok;  // a primitive of another class: its type is unknown here
    }
    if (!depth->enter()) {
      return kBad;
    }
    Status s = Status::ok;
    while (s == Status::ok && !contents.empty()) {
      Tag t = 0;
      Reader inner;
      s = read_any_der(&contents, &t, &inner);
      if (s == Status::ok) {
        s = check_value(t, inner, depth);
      }
    }
    depth->leave();
    return s;
  }
  switch (tag) {
    case 0:  // end-of-contents: BER indefinite lengths only
      return kBad;
    case kBoolean:
      return c.size() == 1 && (c[0] == 0x00 || c[0] == 0xff) ? Status::ok : kBad;
    case kNull:
      return c.empty() ? Status::ok : kBad;
    case kInteger:
    case kEnumerated: {
      bool negative = false;
      return parse_integer_contents(c, &negative);
    }
    case kBitString: {
      if (c.empty() || c[0] > 7 || (c.size() == 1 && c[0] != 0)) {
        return kBad;
      }
      const unsigned unused = c[0];
      return unused == 0 || (c[c.size() - 1] & ((1u << unused) - 1)) == 0 ? Status::ok : kBad;
    }
    case kOid:
      return check_oid_contents(c);
    case kSequence & kNumberMask:
    case kSet & kNumberMask:
      return kBad;  // SEQUENCE and SET are constructed
    default:
      if (is_string_tag(tag)) {
        return check_string(tag, c);
      }
      return Status::ok;
  }
}

}  // namespace

Status read_any_value(Reader* in, Tag* out_tag, Reader* out_contents,
                      size_t* out_header_len) noexcept {
  Reader r = *in;
  Tag tag = 0;
  Reader contents;
  size_t header = 0;
  DepthLimit depth;
  if (read_any_der(&r, &tag, &contents, &header) != Status::ok ||
      check_value(tag, contents, &depth) != Status::ok) {
    return kBad;
  }
  *in = r;
  *out_tag = tag;
  *out_contents = contents;
  if (out_header_len != nullptr) {
    *out_header_len = header;
  }
  return Status::ok;
}

Status read_der(Reader* in, Reader* out_contents, Tag tag) noexcept {
  Reader r = *in;
  Tag got = 0;
  Reader contents;
  if (read_any_der(&r, &got, &contents) != Status::ok || got != tag) {
    return kBad;
  }
  *in = r;
  *out_contents = contents;
  return Status::ok;
}

Status read_der_element(Reader* in, ByteView* out_element, Tag tag) noexcept {
  Reader r = *in;
  Reader contents;
  if (read_der(&r, &contents, tag) != Status::ok) {
    return kBad;
  }
  *out_element = ByteView(in->data(), in->remaining() - r.remaining());
  *in = r;
  return Status::ok;
}

Status peek_tag(const Reader& in, Tag* out_tag) noexcept {
  Reader r = in;
  return parse_tag(&r, out_tag) ? Status::ok : kBad;
}

bool next_is(const Reader& in, Tag tag) noexcept {
  Tag got = 0;
  return peek_tag(in, &got) == Status::ok && got == tag;
}

Status read_optional_der(Reader* in, Reader* out_contents, bool* out_present, Tag tag) noexcept {
  if (!next_is(*in, tag)) {
    *out_present = false;
    return Status::ok;
  }
  const Status s = read_der(in, out_contents, tag);
  if (s == Status::ok) {
    *out_present = true;
  }
  return s;
}

Status validate_der(ByteView in, size_t max_depth) noexcept {
  DepthLimit depth(max_depth);
  return walk(Reader(in), &depth);
}

// ---- typed readers --------------------------------------------------------------------------

Status read_sequence(Reader* in, Reader* out_contents) noexcept {
  return read_der(in, out_contents, kSequence);
}

Status read_set(Reader* in, Reader* out_contents) noexcept {
  return read_der(in, out_contents, kSet);
}

Status read_explicit(Reader* in, Reader* out_inner, uint32_t n) noexcept {
  return read_der(in, out_inner, context_constructed(n));
}

Status read_optional_explicit(Reader* in, Reader* out_inner, bool* out_present,
                              uint32_t n) noexcept {
  return read_optional_der(in, out_inner, out_present, context_constructed(n));
}

Status parse_integer_contents(ByteView c, bool* out_negative) noexcept {
  if (c.empty()) {
    return kBad;
  }
  if (c.size() >= 2) {
    // X.690 8.3.2: the first nine bits are not all zeros or all ones.
    if ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xff && (c[1] & 0x80) != 0)) {
      return kBad;
    }
  }
  *out_negative = (c[0] & 0x80) != 0;
  return Status::ok;
}

Status read_integer(Reader* in, ByteView* out_contents) noexcept {
  Reader r = *in;
  Reader c;
  bool negative = false;
  if (read_der(&r, &c, kInteger) != Status::ok ||
      parse_integer_contents(c.view(), &negative) != Status::ok) {
    return kBad;
  }
  *in = r;
  *out_contents = c.view();
  return Status::ok;
}

Status read_unsigned_integer(Reader* in, ByteView* out_magnitude) noexcept {
  Reader r = *in;
  ByteView c;
  if (read_integer(&r, &c) != Status::ok || (c[0] & 0x80) != 0) {
    return kBad;
  }
  if (c.size() >= 2 && c[0] == 0x00) {
    c = c.subspan(1);
  }
  *in = r;
  *out_magnitude = c;
  return Status::ok;
}

Status read_uint64(Reader* in, uint64_t* out) noexcept {
  Reader r = *in;
  ByteView m;
  if (read_unsigned_integer(&r, &m) != Status::ok || m.size() > 8) {
    return kBad;
  }
  uint64_t v = 0;
  for (size_t i = 0; i < m.size(); i++) {
    v = (v << 8) | m[i];
  }
  *in = r;
  *out = v;
  return Status::ok;
}

Status read_boolean(Reader* in, bool* out) noexcept {
  Reader r = *in;
  Reader c;
  uint8_t v = 0;
  if (read_der(&r, &c, kBoolean) != Status::ok || !c.read_u8(&v) || !c.empty() ||
      (v != 0x00 && v != 0xff)) {
    return kBad;
  }
  *in = r;
  *out = v == 0xff;
  return Status::ok;
}

Status read_null(Reader* in) noexcept {
  Reader r = *in;
  Reader c;
  if (read_der(&r, &c, kNull) != Status::ok || !c.empty()) {
    return kBad;
  }
  *in = r;
  return Status::ok;
}

Status check_oid_contents(ByteView contents) noexcept {
  if (contents.empty() || (contents[contents.size() - 1] & 0x80) != 0) {
    return kBad;
  }
  Reader r(contents);
  while (!r.empty()) {
    uint64_t arc = 0;
    if (!next_arc(&r, &arc)) {
      return kBad;
    }
  }
  return Status::ok;
}

Status read_oid(Reader* in, ByteView* out_contents) noexcept {
  Reader r = *in;
  Reader c;
  if (read_der(&r, &c, kOid) != Status::ok || check_oid_contents(c.view()) != Status::ok) {
    return kBad;
  }
  *in = r;
  *out_contents = c.view();
  return Status::ok;
}

bool oid_equal(ByteView a, ByteView b) noexcept {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

Status oid_to_text(MutableBytes out, size_t* out_len, ByteView contents) noexcept {
  if (check_oid_contents(contents) != Status::ok) {
    return kBad;
  }
  Reader r(contents);
  size_t pos = 0;
  uint64_t arc = 0;
  if (!next_arc(&r, &arc)) {
    return kBad;
  }
  // X.690 8.19.4: the first subidentifier is 40 * first + second (first in 0..2).
  uint64_t first = 2;
  if (arc < 40) {
    first = 0;
  } else if (arc < 80) {
    first = 1;
  }
  bool fits = put_decimal(out, &pos, first) && put_char(out, &pos, '.') &&
              put_decimal(out, &pos, arc - 40 * first);
  while (fits && !r.empty()) {
    if (!next_arc(&r, &arc)) {
      return kBad;
    }
    fits = put_char(out, &pos, '.') && put_decimal(out, &pos, arc);
  }
  if (!fits || !put_char(out, &pos, 0)) {
    return Status::buffer_too_small;
  }
  *out_len = pos - 1;
  return Status::ok;
}

Status oid_from_text(MutableBytes out, size_t* out_len, ByteView text) noexcept {
  Writer w(out);
  Reader r(text);
  size_t count = 0;
  uint64_t first = 0;
  while (true) {
    uint64_t v = 0;
    size_t digits = 0;
    uint8_t c = 0;
    while (r.peek_u8(&c) && is_digit(c)) {
      if (digits > 0 && v == 0) {
        return kBad;  // leading zero
      }
      const uint64_t d = static_cast<uint64_t>(c - '0');
      if (v > (UINT64_MAX - d) / 10) {
        return kBad;
      }
      v = v * 10 + d;
      digits++;
      (void)r.skip(1);
    }
    if (digits == 0) {
      return kBad;
    }
    if (count == 0) {
      if (v > 2) {
        return kBad;
      }
      first = v;
    } else if (count == 1) {
      if ((first < 2 && v >= 40) || v > UINT64_MAX - 80) {
        return kBad;
      }
      put_arc(&w, first * 40 + v);
    } else {
      put_arc(&w, v);
    }
    count++;
    if (r.empty()) {
      break;
    }
    if (!r.read_u8(&c) || c != '.') {
      return kBad;
    }
  }
  if (count < 2) {
    return kBad;
  }
  return w.finish(out_len);
}

Status read_bit_string(Reader* in, ByteView* out_bits, uint8_t* out_unused) noexcept {
  Reader r = *in;
  Reader c;
  uint8_t unused = 0;
  if (read_der(&r, &c, kBitString) != Status::ok || !c.read_u8(&unused) || unused > 7) {
    return kBad;
  }
  const ByteView bits = c.view();
  if (bits.empty() && unused != 0) {
    return kBad;
  }
  if (unused != 0 && (bits[bits.size() - 1] & ((1u << unused) - 1)) != 0) {
    return kBad;  // DER (X.690 11.2.1): the unused bits are zero
  }
  *in = r;
  *out_bits = bits;
  *out_unused = unused;
  return Status::ok;
}

Status read_bit_string_octets(Reader* in, ByteView* out) noexcept {
  Reader r = *in;
  ByteView bits;
  uint8_t unused = 0;
  if (read_bit_string(&r, &bits, &unused) != Status::ok || unused != 0) {
    return kBad;
  }
  *in = r;
  *out = bits;
  return Status::ok;
}

Status read_octet_string(Reader* in, ByteView* out) noexcept {
  Reader c;
  if (read_der(in, &c, kOctetString) != Status::ok) {
    return kBad;
  }
  *out = c.view();
  return Status::ok;
}

bool is_string_tag(Tag tag) noexcept {
  switch (tag) {
    case kUtf8String: case kNumericString: case kPrintableString: case kT61String:
    case kIa5String: case kVisibleString: case kUniversalString: case kBmpString:
      return true;
    default:
      return false;
  }
}

Status check_string(Tag tag, ByteView contents) noexcept {
  if (!is_string_tag(tag)) {
    return kBad;
  }
  Reader r(contents);
  while (!r.empty()) {
    uint32_t cp = 0;
    if (!string_next(&r, tag, &cp)) {
      return kBad;
    }
  }
  return Status::ok;
}

Status read_string(Reader* in, Tag* out_tag, ByteView* out_contents) noexcept {
  Reader r = *in;
  Tag tag = 0;
  Reader c;
  if (read_any_der(&r, &tag, &c) != Status::ok || check_string(tag, c.view()) != Status::ok) {
    return kBad;
  }
  *in = r;
  *out_tag = tag;
  *out_contents = c.view();
  return Status::ok;
}

Status read_string_of(Reader* in, ByteView* out_contents, Tag tag) noexcept {
  Reader r = *in;
  Reader c;
  if (read_der(&r, &c, tag) != Status::ok || check_string(tag, c.view()) != Status::ok) {
    return kBad;
  }
  *in = r;
  *out_contents = c.view();
  return Status::ok;
}

Status read_string_char(Reader* in, Tag tag, uint32_t* out_cp) noexcept {
  if (!is_string_tag(tag) || !string_next(in, tag, out_cp)) {
    return kBad;
  }
  return Status::ok;
}

Status string_to_utf8(MutableBytes out, size_t* out_len, Tag tag, ByteView contents) noexcept {
  if (!is_string_tag(tag)) {
    return kBad;
  }
  Reader r(contents);
  size_t pos = 0;
  while (!r.empty()) {
    uint32_t cp = 0;
    if (!string_next(&r, tag, &cp)) {
      return kBad;
    }
    if (!put_utf8(out, &pos, cp)) {
      return Status::buffer_too_small;
    }
  }
  *out_len = pos;
  return Status::ok;
}

// ---- times ----------------------------------------------------------------------------------

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

// ---- writers --------------------------------------------------------------------------------

void begin_der(Writer* w, Tag tag) noexcept {
  const uint32_t number = tag & kNumberMask;
  if (number > kMaxTagNumber) {
    w->fail(Status::invalid_argument);
    return;
  }
  const uint8_t lead = static_cast<uint8_t>((tag & ~kNumberMask) >> 24);
  if (number < 31) {
    w->add_u8(static_cast<uint8_t>(lead | number));
  } else {
    w->add_u8(static_cast<uint8_t>(lead | 0x1f));
    put_arc(w, number);
  }
  w->begin_der_length();
}

void add_der(Writer* w, Tag tag, ByteView contents) noexcept {
  begin_der(w, tag);
  w->add_bytes(contents);
  w->end();
}

void add_unsigned_integer(Writer* w, ByteView magnitude) noexcept {
  while (!magnitude.empty() && magnitude[0] == 0) {
    magnitude = magnitude.subspan(1);
  }
  begin_der(w, kInteger);
  if (magnitude.empty() || (magnitude[0] & 0x80) != 0) {
    w->add_u8(0);
  }
  w->add_bytes(magnitude);
  w->end();
}

void add_uint64(Writer* w, uint64_t v) noexcept {
  uint8_t be[8];
  for (size_t i = 0; i < 8; i++) {
    be[i] = static_cast<uint8_t>(v >> (56 - 8 * i));
  }
  add_unsigned_integer(w, ByteView(be, sizeof(be)));
}

void add_boolean(Writer* w, bool v) noexcept {
  const uint8_t b = v ? 0xff : 0x00;
  add_der(w, kBoolean, ByteView(&b, 1));
}

void add_null(Writer* w) noexcept { add_der(w, kNull, ByteView()); }

void add_oid(Writer* w, ByteView contents) noexcept {
  if (check_oid_contents(contents) != Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  add_der(w, kOid, contents);
}

void add_bit_string(Writer* w, ByteView octets) noexcept {
  begin_der(w, kBitString);
  w->add_u8(0);
  w->add_bytes(octets);
  w->end();
}

void add_octet_string(Writer* w, ByteView in) noexcept { add_der(w, kOctetString, in); }

void add_string(Writer* w, Tag tag, ByteView contents) noexcept {
  if (check_string(tag, contents) != Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  add_der(w, tag, contents);
}

namespace {
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
