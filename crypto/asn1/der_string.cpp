/*
 * DER character strings: the character sets of X.680 section 41 (PrintableString,
 * NumericString), IA5String/VisibleString 7-bit, UTF8String as RFC 3629 (no overlong forms, no
 * surrogates), BMPString (UCS-2) and UniversalString (UCS-4); T61String taken as Latin-1.
 * Checking, reading, one code point at a time, conversion to UTF-8, and the checked writer.
 * Not constant-time: names and strings in certificates are public.
 */
#include "crypto/asn1/der.h"
#include "crypto/asn1/der_internal.h"

namespace petrel {
namespace asn1 {

using der_internal::is_digit;
using der_internal::put_char;

namespace {

constexpr Status kBad = Status::decode_error;

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

}  // namespace

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

void add_string(Writer* w, Tag tag, ByteView contents) noexcept {
  if (check_string(tag, contents) != Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  add_der(w, tag, contents);
}

}  // namespace asn1
}  // namespace petrel
