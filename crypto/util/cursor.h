// The one bounds-checked cursor for all parsing and building in Petrel (TLS records and
// handshake messages, DER, PEM), modelled on BoringSSL's CBS/CBB but written for this code base.
//
// Reader: a view over bytes that is consumed from the front. Every read checks the remaining
// length first, returns false on failure and then leaves the reader unchanged; nothing ever
// indexes past the end. Multi-byte integers are big-endian (network order, as TLS and DER).
//
// Writer: appends to a caller-provided buffer (no heap). Length-prefixed children are opened
// with begin_*_prefixed() and closed with end(); the prefix is filled in on end(). Errors
// (overflow of the buffer, a child too long for its prefix, end() without begin) are sticky:
// after the first one every call does nothing and status()/finish() report it, so a builder can
// make many calls and check once.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_UTIL_CURSOR_H
#define PETREL_CRYPTO_UTIL_CURSOR_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class Reader final {
 public:
  constexpr Reader() noexcept : m_data(nullptr), m_len(0) {}
  constexpr explicit Reader(ByteView in) noexcept : m_data(in.data()), m_len(in.size()) {}
  constexpr Reader(const uint8_t* data, size_t len) noexcept : m_data(data), m_len(len) {}

  size_t remaining() const noexcept { return m_len; }
  bool empty() const noexcept { return m_len == 0; }
  // The bytes not yet consumed (does not consume them).
  ByteView view() const noexcept { return ByteView(m_data, m_len); }
  const uint8_t* data() const noexcept { return m_data; }

  [[nodiscard]] bool read_u8(uint8_t* out) noexcept;
  [[nodiscard]] bool read_u16(uint16_t* out) noexcept;
  [[nodiscard]] bool read_u24(uint32_t* out) noexcept;
  [[nodiscard]] bool read_u32(uint32_t* out) noexcept;
  // out views the next n bytes of the input (no copy).
  [[nodiscard]] bool read_bytes(size_t n, ByteView* out) noexcept;
  // Copies the next out.size() bytes into out.
  [[nodiscard]] bool copy_bytes(MutableBytes out) noexcept;
  // Reads a length (1, 2 or 3 bytes) and then that many bytes, as a sub-reader.
  [[nodiscard]] bool read_u8_prefixed(Reader* out) noexcept;
  [[nodiscard]] bool read_u16_prefixed(Reader* out) noexcept;
  [[nodiscard]] bool read_u24_prefixed(Reader* out) noexcept;
  // Splits off the next n bytes as a sub-reader.
  [[nodiscard]] bool read_sub(size_t n, Reader* out) noexcept;
  [[nodiscard]] bool skip(size_t n) noexcept;
  // The next byte without consuming it.
  [[nodiscard]] bool peek_u8(uint8_t* out) const noexcept;

 private:
  [[nodiscard]] bool read_be(size_t n, uint32_t* out) noexcept;
  [[nodiscard]] bool read_prefixed(size_t len_len, Reader* out) noexcept;

  const uint8_t* m_data;
  size_t m_len;
};

class Writer final {
 public:
  // Children may nest this deep (TLS needs 3 or 4; DER certificates about 10).
  static constexpr size_t kMaxDepth = 24;

  explicit Writer(MutableBytes out) noexcept;

  void add_u8(uint8_t v) noexcept;
  void add_u16(uint16_t v) noexcept;
  void add_u24(uint32_t v) noexcept;  // v must be < 2^24, else invalid_argument
  void add_u32(uint32_t v) noexcept;
  void add_bytes(ByteView in) noexcept;
  // Reserves n bytes and returns a pointer to them for the caller to fill (nullptr on error).
  uint8_t* reserve(size_t n) noexcept;

  // Opens a child whose length is written, big-endian in 1/2/3 bytes, when end() closes it.
  void begin_u8_prefixed() noexcept;
  void begin_u16_prefixed() noexcept;
  void begin_u24_prefixed() noexcept;
  // Opens a child whose length is written as a minimal DER definite length on end(): one byte
  // is reserved now, and end() moves the contents up when the length needs more (used by
  // crypto/asn1/der.h, which writes the tag first).
  void begin_der_length() noexcept;
  // Closes the innermost open child and writes its length.
  void end() noexcept;

  // Records an error (the first one sticks), e.g. an invalid value handed to a DER writer.
  void fail(Status s) noexcept;
  // The first error, or ok.
  Status status() const noexcept { return m_status; }
  size_t size() const noexcept { return m_len; }
  size_t depth() const noexcept { return m_depth; }
  // The bytes written so far (including any open children's partial contents).
  ByteView written() const noexcept { return ByteView(m_out.data(), m_len); }
  // The same bytes, writable: for reordering what was written inside an open child (the
  // elements of a DER SET OF, crypto/x509/name.cpp). Lengths must not change.
  MutableBytes written_mutable() noexcept { return MutableBytes(m_out.data(), m_len); }
  // Checks that every child was closed and no error happened; *out_len = bytes written.
  Status finish(size_t* out_len) const noexcept;

 private:
  enum class Kind : uint8_t { u8, u16, u24, der };
  struct Open {
    size_t m_len_pos;  // where the length field starts
    size_t m_len_size;  // bytes reserved for it
    Kind m_kind;
  };
  void begin(Kind kind, size_t len_size) noexcept;

  MutableBytes m_out;
  size_t m_len;
  size_t m_depth;
  Status m_status;
  Open m_open[kMaxDepth];
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_CURSOR_H
