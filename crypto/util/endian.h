// Byte-order loads and stores that compile to plain moves (or byte swaps) on every target and
// never rely on the host's endianness or alignment.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_UTIL_ENDIAN_H
#define PETREL_CRYPTO_UTIL_ENDIAN_H

#include <cstdint>

namespace petrel {

inline uint32_t load_be32(const uint8_t* p) noexcept {
  return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}
inline uint32_t load_le32(const uint8_t* p) noexcept {
  return (static_cast<uint32_t>(p[3]) << 24) | (static_cast<uint32_t>(p[2]) << 16) |
         (static_cast<uint32_t>(p[1]) << 8) | static_cast<uint32_t>(p[0]);
}
inline uint64_t load_be64(const uint8_t* p) noexcept {
  return (static_cast<uint64_t>(load_be32(p)) << 32) | load_be32(p + 4);
}
inline uint64_t load_le64(const uint8_t* p) noexcept {
  return (static_cast<uint64_t>(load_le32(p + 4)) << 32) | load_le32(p);
}
inline void store_be32(uint8_t* p, uint32_t v) noexcept {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}
inline void store_le32(uint8_t* p, uint32_t v) noexcept {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
  p[2] = static_cast<uint8_t>(v >> 16);
  p[3] = static_cast<uint8_t>(v >> 24);
}
inline void store_be64(uint8_t* p, uint64_t v) noexcept {
  store_be32(p, static_cast<uint32_t>(v >> 32));
  store_be32(p + 4, static_cast<uint32_t>(v));
}
inline void store_le64(uint8_t* p, uint64_t v) noexcept {
  store_le32(p, static_cast<uint32_t>(v));
  store_le32(p + 4, static_cast<uint32_t>(v >> 32));
}

inline uint32_t rotl32(uint32_t x, unsigned n) noexcept { return (x << n) | (x >> ((32 - n) & 31)); }
inline uint32_t rotr32(uint32_t x, unsigned n) noexcept { return (x >> n) | (x << ((32 - n) & 31)); }
inline uint64_t rotr64(uint64_t x, unsigned n) noexcept { return (x >> n) | (x << ((64 - n) & 63)); }

}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_ENDIAN_H
