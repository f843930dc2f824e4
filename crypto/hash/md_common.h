// Block buffering and padding shared by the Merkle-Damgard hashes (MD5, SHA-1, SHA-2):
// FIPS 180-4 section 5.1, RFC 1321 section 3.1-3.2. Only lengths decide the control flow, never
// the data, so these are constant-time in the message contents.
#ifndef PETREL_CRYPTO_HASH_MD_COMMON_H
#define PETREL_CRYPTO_HASH_MD_COMMON_H

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace petrel {
namespace hash_detail {

// Feeds len bytes through a kBlock-byte buffer: completes the buffered block first, then hands
// whole blocks of in straight to compress(blocks, nblocks), and keeps the tail in buf.
template <size_t kBlock, typename Compress>
inline void md_update(uint8_t* buf, size_t* buf_len, const uint8_t* in, size_t len,
                      Compress&& compress) noexcept {
  if (len == 0) {
    return;
  }
  if (*buf_len != 0) {
    size_t take = kBlock - *buf_len;
    if (take > len) {
      take = len;
    }
    std::memcpy(buf + *buf_len, in, take);
    *buf_len += take;
    in += take;
    len -= take;
    if (*buf_len < kBlock) {
      return;
    }
    compress(buf, 1);
    *buf_len = 0;
  }
  const size_t blocks = len / kBlock;
  if (blocks != 0) {
    compress(in, blocks);
    in += blocks * kBlock;
    len -= blocks * kBlock;
  }
  if (len != 0) {
    std::memcpy(buf, in, len);
    *buf_len = len;
  }
}

// Appends the 0x80 byte and the zero bytes, compressing an extra block when the length field
// (the last kLenBytes of the block) does not fit; the caller then stores the length there and
// compresses the final block.
template <size_t kBlock, size_t kLenBytes, typename Compress>
inline void md_pad(uint8_t* buf, size_t buf_len, Compress&& compress) noexcept {
  size_t n = buf_len;
  buf[n++] = 0x80;
  if (n > kBlock - kLenBytes) {
    std::memset(buf + n, 0, kBlock - n);
    compress(buf, 1);
    n = 0;
  }
  std::memset(buf + n, 0, kBlock - kLenBytes - n);
}

}  // namespace hash_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_HASH_MD_COMMON_H
