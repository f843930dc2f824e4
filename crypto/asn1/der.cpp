/*
 * Strict DER reader and writer: ITU-T X.690 (08/2015) section 8 (BER encoding of each type) with
 * the DER restrictions of section 10 (definite, minimal lengths; BOOLEAN 0xFF; zero BIT STRING
 * padding; UTCTime/GeneralizedTime with 'Z' and no fractions, 11.7-11.8), times as RFC 5280
 * section 4.1.2.5. Character sets from X.680 sections 41 (PrintableString, NumericString).
 * Not constant-time: it parses public data (certificates, public keys); private-key files pass
 * through it only for framing, and the INTEGER value bytes are never branched on except the
 * first two octets (sign and minimality checks).
 *
 * This file: element framing (tags, lengths, the strict open-type walk), the typed primitives
 * (INTEGER, BOOLEAN, NULL, BIT STRING, OCTET STRING) and their writers. OBJECT IDENTIFIER
 * contents and text are in der_oid.cpp, the character string types and UTF-8 in der_string.cpp,
 * UTCTime/GeneralizedTime in der_time.cpp.
 */
#include "crypto/asn1/der.h"

#include "crypto/asn1/der_internal.h"

namespace petrel {
namespace asn1 {

using der_internal::put_base128;

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
    put_base128(w, number);
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

void add_bit_string(Writer* w, ByteView octets) noexcept {
  begin_der(w, kBitString);
  w->add_u8(0);
  w->add_bytes(octets);
  w->end();
}

void add_octet_string(Writer* w, ByteView in) noexcept { add_der(w, kOctetString, in); }

}  // namespace asn1
}  // namespace petrel
