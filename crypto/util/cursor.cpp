/*
 * Bounds-checked byte cursor (Reader) and builder (Writer), after BoringSSL's CBS/CBB
 * (crypto/bytestring). Big-endian integers as in RFC 5246 section 4 and X.690 section 8.
 * Not constant-time with respect to the lengths it parses (lengths are public wire data);
 * it never branches on or indexes by the bytes it copies.
 */
#include "crypto/util/cursor.h"

#include <cstring>

namespace petrel {

// ---- Reader ---------------------------------------------------------------------------------

bool Reader::read_be(size_t n, uint32_t* out) noexcept {
  if (m_len < n) {
    return false;
  }
  uint32_t v = 0;
  for (size_t i = 0; i < n; i++) {
    v = (v << 8) | m_data[i];
  }
  *out = v;
  m_data += n;
  m_len -= n;
  return true;
}

bool Reader::read_u8(uint8_t* out) noexcept {
  uint32_t v = 0;
  if (!read_be(1, &v)) {
    return false;
  }
  *out = static_cast<uint8_t>(v);
  return true;
}

bool Reader::read_u16(uint16_t* out) noexcept {
  uint32_t v = 0;
  if (!read_be(2, &v)) {
    return false;
  }
  *out = static_cast<uint16_t>(v);
  return true;
}

bool Reader::read_u24(uint32_t* out) noexcept { return read_be(3, out); }

bool Reader::read_u32(uint32_t* out) noexcept { return read_be(4, out); }

bool Reader::read_bytes(size_t n, ByteView* out) noexcept {
  if (m_len < n) {
    return false;
  }
  *out = ByteView(m_data, n);
  m_data += n;
  m_len -= n;
  return true;
}

bool Reader::copy_bytes(MutableBytes out) noexcept {
  ByteView v;
  if (!read_bytes(out.size(), &v)) {
    return false;
  }
  if (!v.empty()) {
    std::memcpy(out.data(), v.data(), v.size());
  }
  return true;
}

bool Reader::read_sub(size_t n, Reader* out) noexcept {
  ByteView v;
  if (!read_bytes(n, &v)) {
    return false;
  }
  *out = Reader(v);
  return true;
}

bool Reader::read_prefixed(size_t len_len, Reader* out) noexcept {
  Reader copy = *this;
  uint32_t n = 0;
  if (!copy.read_be(len_len, &n) || !copy.read_sub(n, out)) {
    return false;
  }
  *this = copy;
  return true;
}

bool Reader::read_u8_prefixed(Reader* out) noexcept { return read_prefixed(1, out); }
bool Reader::read_u16_prefixed(Reader* out) noexcept { return read_prefixed(2, out); }
bool Reader::read_u24_prefixed(Reader* out) noexcept { return read_prefixed(3, out); }

bool Reader::skip(size_t n) noexcept {
  ByteView unused;
  return read_bytes(n, &unused);
}

bool Reader::peek_u8(uint8_t* out) const noexcept {
  if (m_len == 0) {
    return false;
  }
  *out = m_data[0];
  return true;
}

// ---- Writer ---------------------------------------------------------------------------------

Writer::Writer(MutableBytes out) noexcept
    : m_out(out), m_len(0), m_depth(0), m_status(Status::ok), m_open{} {}

void Writer::fail(Status s) noexcept {
  if (m_status == Status::ok) {
    m_status = s;
  }
}

uint8_t* Writer::reserve(size_t n) noexcept {
  if (m_status != Status::ok) {
    return nullptr;
  }
  if (n > m_out.size() - m_len) {
    fail(Status::buffer_too_small);
    return nullptr;
  }
  uint8_t* p = m_out.data() + m_len;
  m_len += n;
  return p;
}

void Writer::add_u8(uint8_t v) noexcept {
  uint8_t* p = reserve(1);
  if (p != nullptr) {
    p[0] = v;
  }
}

void Writer::add_u16(uint16_t v) noexcept {
  uint8_t* p = reserve(2);
  if (p != nullptr) {
    p[0] = static_cast<uint8_t>(v >> 8);
    p[1] = static_cast<uint8_t>(v);
  }
}

void Writer::add_u24(uint32_t v) noexcept {
  if (v > 0xffffffu) {
    fail(Status::invalid_argument);
    return;
  }
  uint8_t* p = reserve(3);
  if (p != nullptr) {
    p[0] = static_cast<uint8_t>(v >> 16);
    p[1] = static_cast<uint8_t>(v >> 8);
    p[2] = static_cast<uint8_t>(v);
  }
}

void Writer::add_u32(uint32_t v) noexcept {
  uint8_t* p = reserve(4);
  if (p != nullptr) {
    p[0] = static_cast<uint8_t>(v >> 24);
    p[1] = static_cast<uint8_t>(v >> 16);
    p[2] = static_cast<uint8_t>(v >> 8);
    p[3] = static_cast<uint8_t>(v);
  }
}

void Writer::add_bytes(ByteView in) noexcept {
  uint8_t* p = reserve(in.size());
  if (p != nullptr && !in.empty()) {
    std::memmove(p, in.data(), in.size());
  }
}

void Writer::begin(Kind kind, size_t len_size) noexcept {
  if (m_status != Status::ok) {
    return;
  }
  if (m_depth == kMaxDepth) {
    fail(Status::invalid_argument);
    return;
  }
  const size_t pos = m_len;
  uint8_t* p = reserve(len_size);
  if (p == nullptr) {
    return;
  }
  std::memset(p, 0, len_size);
  m_open[m_depth] = Open{pos, len_size, kind};
  m_depth++;
}

void Writer::begin_u8_prefixed() noexcept { begin(Kind::u8, 1); }
void Writer::begin_u16_prefixed() noexcept { begin(Kind::u16, 2); }
void Writer::begin_u24_prefixed() noexcept { begin(Kind::u24, 3); }
void Writer::begin_der_length() noexcept { begin(Kind::der, 1); }

void Writer::end() noexcept {
  if (m_status != Status::ok) {
    return;
  }
  if (m_depth == 0) {
    fail(Status::invalid_argument);
    return;
  }
  const Open open = m_open[m_depth - 1];
  m_depth--;
  const size_t start = open.m_len_pos + open.m_len_size;
  const size_t len = m_len - start;
  uint8_t* field = m_out.data() + open.m_len_pos;
  switch (open.m_kind) {
    case Kind::u8:
    case Kind::u16:
    case Kind::u24: {
      const size_t bits = 8 * open.m_len_size;
      if (len >> (bits - 1) >> 1 != 0) {  // two shifts: bits may equal the width of size_t
        fail(Status::invalid_argument);
        return;
      }
      for (size_t i = 0; i < open.m_len_size; i++) {
        field[open.m_len_size - 1 - i] = static_cast<uint8_t>(len >> (8 * i));
      }
      return;
    }
    case Kind::der: {
      if (len < 0x80) {
        field[0] = static_cast<uint8_t>(len);
        return;
      }
      size_t len_octets = 0;
      for (size_t v = len; v != 0; v >>= 8) {
        len_octets++;
      }
      if (len_octets > 4) {
        fail(Status::invalid_argument);
        return;
      }
      // Move the contents up to make room for the long-form length octets.
      if (len_octets > m_out.size() - m_len) {
        fail(Status::buffer_too_small);
        return;
      }
      std::memmove(m_out.data() + start + len_octets, m_out.data() + start, len);
      m_len += len_octets;
      field[0] = static_cast<uint8_t>(0x80 | len_octets);
      for (size_t i = 0; i < len_octets; i++) {
        field[len_octets - i] = static_cast<uint8_t>(len >> (8 * i));
      }
      return;
    }
  }
}

Status Writer::finish(size_t* out_len) const noexcept {
  if (m_status != Status::ok) {
    return m_status;
  }
  if (m_depth != 0) {
    return Status::invalid_argument;
  }
  *out_len = m_len;
  return Status::ok;
}

}  // namespace petrel
