/*
 * Base64 (RFC 4648 section 4) and PEM (RFC 7468; headers of RFC 1421 section 4.6 are refused).
 * Base64 character mapping is branch-free arithmetic on masks (crypto/util/ct.h), so no table
 * is indexed by a (possibly secret) character; whitespace and '=' are branched on, their
 * positions being the public layout of the text. PEM framing is not constant-time (public).
 */
#include "crypto/pem/pem.h"

#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/util/ct.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace pem {
namespace {

// The 6-bit value of a base64 character; *bad gets all-ones if c is not in the alphabet.
uint32_t decode_char(uint8_t ch, uint32_t* bad) {
  const uint32_t c = ch;
  const uint32_t upper = ct::ge(c, 'A') & ct::le(c, 'Z');
  const uint32_t lower = ct::ge(c, 'a') & ct::le(c, 'z');
  const uint32_t digit = ct::ge(c, '0') & ct::le(c, '9');
  const uint32_t plus = ct::eq(c, '+');
  const uint32_t slash = ct::eq(c, '/');
  uint32_t v = (upper & (c - 'A')) | (lower & (c - 'a' + 26)) | (digit & (c - '0' + 52)) |
               (plus & 62u) | (slash & 63u);
  *bad |= ~(upper | lower | digit | plus | slash);
  return v & 63u;
}

uint8_t encode_char(uint32_t v) {
  const uint32_t r = ct::select(
      ct::lt(v, 26), v + 'A',
      ct::select(ct::lt(v, 52), v - 26 + 'a',
                 ct::select(ct::lt(v, 62), v - 52 + '0', ct::select(ct::eq(v, 62), '+', '/'))));
  return static_cast<uint8_t>(r);
}

bool is_space(uint8_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

Status decode(MutableBytes out, size_t* out_len, ByteView in, bool skip_space) {
  uint32_t quad[4] = {0, 0, 0, 0};
  size_t q = 0;
  size_t pads = 0;
  bool done = false;  // a padded quad ended the data
  uint32_t bad = 0;
  size_t pos = 0;
  Status s = Status::ok;
  Reader r(in);
  uint8_t c = 0;
  while (s == Status::ok && r.read_u8(&c)) {
    if (skip_space && is_space(c)) {
      continue;
    }
    if (done) {
      s = Status::decode_error;
      break;
    }
    if (c == '=') {
      pads++;
      quad[q++] = 0;
    } else if (pads != 0) {
      s = Status::decode_error;  // data after padding
      break;
    } else {
      quad[q++] = decode_char(c, &bad);
    }
    if (q < 4) {
      continue;
    }
    q = 0;
    const uint32_t v = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3];
    size_t n = 3;
    if (pads == 1) {
      n = 2;
      bad |= quad[2] & 3u;  // non-zero padding bits: not the canonical encoding
      done = true;
    } else if (pads == 2) {
      n = 1;
      bad |= quad[1] & 15u;
      done = true;
    } else if (pads > 2) {
      s = Status::decode_error;
      break;
    }
    if (n > out.size() - pos) {
      s = Status::buffer_too_small;
      break;
    }
    const uint8_t bytes[3] = {static_cast<uint8_t>(v >> 16), static_cast<uint8_t>(v >> 8),
                              static_cast<uint8_t>(v)};
    std::memcpy(out.data() + pos, bytes, n);
    pos += n;
  }
  if (s == Status::ok && (q != 0 || bad != 0)) {
    s = Status::decode_error;
  }
  secure_wipe(quad, sizeof(quad));
  if (s != Status::ok) {
    if (pos != 0) {
      secure_wipe(out.data(), pos);
    }
    return s;
  }
  *out_len = pos;
  return Status::ok;
}

bool matches_at(ByteView hay, size_t at, const char* needle) {
  const size_t n = std::strlen(needle);
  return at <= hay.size() && n <= hay.size() - at && std::memcmp(hay.data() + at, needle, n) == 0;
}

// First position >= from where needle occurs, or false.
bool find(ByteView hay, size_t from, const char* needle, size_t* at) {
  for (size_t i = from; i < hay.size(); i++) {
    if (matches_at(hay, i, needle)) {
      *at = i;
      return true;
    }
  }
  return false;
}

bool at_line_start(ByteView v, size_t at) { return at == 0 || (at <= v.size() && v[at - 1] == '\n'); }

// Skips spaces/tabs and one line ending (LF or CRLF) or the end of text; false if anything else.
bool end_of_line(ByteView v, size_t* pos) {
  size_t i = *pos;
  while (i < v.size() && (v[i] == ' ' || v[i] == '\t')) {
    i++;
  }
  if (i < v.size() && v[i] == '\r') {
    i++;
  }
  if (i < v.size()) {
    if (v[i] != '\n') {
      return false;
    }
    i++;
  }
  *pos = i;
  return true;
}

bool label_ok(ByteView label) {
  if (label.empty()) {
    return false;
  }
  for (uint8_t c : label) {
    if (c < 0x20 || c > 0x7e) {
      return false;
    }
  }
  return true;
}

bool label_equals(ByteView label, const char* want) {
  const size_t n = std::strlen(want);
  return label.size() == n && std::memcmp(label.data(), want, n) == 0;
}

}  // namespace

// ---- base64 ---------------------------------------------------------------------------------

Status base64_encode(MutableBytes out, size_t* out_len, ByteView in) noexcept {
  const size_t need = base64_encoded_len(in.size());
  if (out.size() < need) {
    return Status::buffer_too_small;
  }
  size_t pos = 0;
  Reader r(in);
  while (!r.empty()) {
    uint8_t b[3] = {0, 0, 0};
    const size_t n = r.remaining() < 3 ? r.remaining() : 3;
    if (!r.copy_bytes(MutableBytes(b, n))) {
      return Status::internal_error;
    }
    const uint32_t v = (static_cast<uint32_t>(b[0]) << 16) | (static_cast<uint32_t>(b[1]) << 8) | b[2];
    out[pos++] = encode_char((v >> 18) & 63u);
    out[pos++] = encode_char((v >> 12) & 63u);
    out[pos++] = n > 1 ? encode_char((v >> 6) & 63u) : '=';
    out[pos++] = n > 2 ? encode_char(v & 63u) : '=';
    secure_wipe(b, sizeof(b));
  }
  *out_len = pos;
  return Status::ok;
}

Status base64_decode(MutableBytes out, size_t* out_len, ByteView in) noexcept {
  return decode(out, out_len, in, false);
}

Status base64_decode_lines(MutableBytes out, size_t* out_len, ByteView in) noexcept {
  return decode(out, out_len, in, true);
}

// ---- PEM ------------------------------------------------------------------------------------

Status next_block(Reader* text, Block* out, bool* out_found) noexcept {
  const ByteView all = text->view();
  size_t at = 0;
  size_t from = 0;
  for (;;) {
    if (!find(all, from, "-----BEGIN ", &at)) {
      *out_found = false;
      (void)text->skip(text->remaining());
      return Status::ok;
    }
    if (at_line_start(all, at)) {
      break;
    }
    from = at + 1;
  }
  const size_t label_start = at + 11;
  size_t label_end = 0;
  if (!find(all, label_start, "-----", &label_end)) {
    return Status::decode_error;
  }
  const ByteView label = all.subspan(label_start, label_end - label_start);
  size_t body_start = label_end + 5;
  if (!label_ok(label) || !end_of_line(all, &body_start)) {
    return Status::decode_error;
  }
  size_t end_at = body_start;
  for (;;) {
    if (!find(all, end_at, "-----END ", &end_at)) {
      return Status::decode_error;  // no END line
    }
    if (at_line_start(all, end_at)) {
      break;
    }
    end_at++;
  }
  const ByteView body = all.subspan(body_start, end_at - body_start);
  const size_t end_label = end_at + 9;
  const ByteView end_label_text = all.subspan(end_label, label.size());
  size_t after = end_label + label.size();
  if (end_label_text.size() != label.size() ||
      std::memcmp(end_label_text.data(), label.data(), label.size()) != 0 ||
      !matches_at(all, after, "-----")) {
    return Status::decode_error;  // END label differs from the BEGIN label
  }
  after += 5;
  if (!end_of_line(all, &after)) {
    return Status::decode_error;
  }
  // RFC 1421 headers ("Proc-Type: 4,ENCRYPTED", "DEK-Info: ...") sit on the body's first line.
  size_t first_nl = 0;
  const ByteView first_line = find(body, 0, "\n", &first_nl) ? body.first(first_nl) : body;
  out->label = label;
  out->body = body;
  *out_found = true;
  (void)text->skip(after);
  for (uint8_t c : first_line) {
    if (c == ':') {
      return Status::unsupported;  // consumed, so a reader of bundles can skip it
    }
  }
  return Status::ok;
}

Status decode_block(MutableBytes out, size_t* out_len, const Block& block) noexcept {
  return base64_decode_lines(out, out_len, block.body);
}

Status read_pem(MutableBytes out, size_t* out_len, ByteView text, const char* label) noexcept {
  Reader r(text);
  for (;;) {
    Block block;
    bool found = false;
    const Status s = next_block(&r, &block, &found);
    if (s != Status::ok) {
      return s;
    }
    if (!found) {
      return Status::decode_error;
    }
    if (label == nullptr || label_equals(block.label, label)) {
      return decode_block(out, out_len, block);
    }
  }
}

size_t pem_encoded_len(size_t label_len, size_t der_len) noexcept {
  const size_t b64 = base64_encoded_len(der_len);
  const size_t lines = b64 / 64 + (b64 % 64 != 0 ? 1 : 0);
  return (11 + label_len + 5 + 1) + b64 + lines + (9 + label_len + 5 + 1);
}

Status write_pem(MutableBytes out, size_t* out_len, const char* label, ByteView der) noexcept {
  const size_t label_len = std::strlen(label);
  if (!label_ok(ByteView(reinterpret_cast<const uint8_t*>(label), label_len))) {
    return Status::invalid_argument;
  }
  if (out.size() < pem_encoded_len(label_len, der.size())) {
    return Status::buffer_too_small;
  }
  const ByteView label_bytes(reinterpret_cast<const uint8_t*>(label), label_len);
  Writer w(out);
  w.add_bytes(ByteView(reinterpret_cast<const uint8_t*>("-----BEGIN "), 11));
  w.add_bytes(label_bytes);
  w.add_bytes(ByteView(reinterpret_cast<const uint8_t*>("-----\n"), 6));
  Reader r(der);
  while (!r.empty()) {
    // 48 input bytes make one 64-character line.
    ByteView chunk;
    const size_t n = r.remaining() < 48 ? r.remaining() : 48;
    if (!r.read_bytes(n, &chunk)) {
      return Status::internal_error;
    }
    uint8_t* line = w.reserve(base64_encoded_len(n));
    size_t line_len = 0;
    if (line == nullptr ||
        base64_encode(MutableBytes(line, base64_encoded_len(n)), &line_len, chunk) != Status::ok) {
      return Status::internal_error;
    }
    w.add_u8('\n');
  }
  w.add_bytes(ByteView(reinterpret_cast<const uint8_t*>("-----END "), 9));
  w.add_bytes(label_bytes);
  w.add_bytes(ByteView(reinterpret_cast<const uint8_t*>("-----\n"), 6));
  return w.finish(out_len);
}

Format detect_format(ByteView in) noexcept {
  Reader r(in);
  asn1::Tag tag = 0;
  Reader contents;
  if (asn1::read_any_der(&r, &tag, &contents) == Status::ok && r.empty()) {
    return Format::der;
  }
  size_t at = 0;
  if (find(in, 0, "-----BEGIN ", &at)) {
    return Format::pem;
  }
  return Format::unknown;
}

Status load_der(ByteView* out_der, MutableBytes scratch, ByteView in, const char* label) noexcept {
  switch (detect_format(in)) {
    case Format::der:
      *out_der = in;
      return Status::ok;
    case Format::pem: {
      size_t n = 0;
      const Status s = read_pem(scratch, &n, in, label);
      if (s != Status::ok) {
        return s;
      }
      *out_der = ByteView(scratch.data(), n);
      return Status::ok;
    }
    case Format::unknown:
      break;
  }
  return Status::decode_error;
}

}  // namespace pem
}  // namespace petrel
