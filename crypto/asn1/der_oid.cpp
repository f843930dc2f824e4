/*
 * DER OBJECT IDENTIFIER (ITU-T X.690 (08/2015) section 8.19): contents checks (non-empty,
 * minimal base-128 subidentifiers, last octet terminates), the element reader and writer, and
 * the dotted text form in both directions. Not constant-time: OIDs are public.
 */
#include "crypto/asn1/der.h"

#include <cstring>

#include "crypto/asn1/der_internal.h"

namespace petrel {
namespace asn1 {

using der_internal::is_digit;
using der_internal::put_base128;
using der_internal::put_char;

namespace {

constexpr Status kBad = Status::decode_error;

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

}  // namespace

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
      put_base128(&w, first * 40 + v);
    } else {
      put_base128(&w, v);
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

void add_oid(Writer* w, ByteView contents) noexcept {
  if (check_oid_contents(contents) != Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  add_der(w, kOid, contents);
}

}  // namespace asn1
}  // namespace petrel
