// MD5 (RFC 1321). LEGACY: MD5 is broken for collision resistance; it is here only for the
// TLS 1.0/1.1 PRF and old protocol fields. Portable C++, byte-order independent (explicit
// little-endian loads and stores). Constant-time: no data-dependent branches or table indices.
//
// The 64 steps are fully unrolled (RFC 1321 section 3.4); each step is a handful of ALU
// operations, which suits in-order ARMv5/MIPS32 cores.
#include <cstring>

#include "crypto/hash/hash.h"
#include "crypto/hash/hash_internal.h"
#include "crypto/hash/md_common.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

inline uint32_t md5_f(uint32_t x, uint32_t y, uint32_t z) { return z ^ (x & (y ^ z)); }
inline uint32_t md5_g(uint32_t x, uint32_t y, uint32_t z) { return y ^ (z & (x ^ y)); }
inline uint32_t md5_h(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
inline uint32_t md5_i(uint32_t x, uint32_t y, uint32_t z) { return y ^ (x | ~z); }

#define PETREL_MD5_STEP(f, a, b, c, d, x, t, s) \
  do {                                          \
    (a) += f((b), (c), (d)) + (x) + (t);        \
    (a) = rotl32((a), (s));                     \
    (a) += (b);                                 \
  } while (0)

void md5_compress(uint32_t h[4], const uint8_t* p, size_t blocks) noexcept {
  uint32_t x[16];
  while (blocks-- > 0) {
    for (size_t i = 0; i < 16; i++) {
      x[i] = load_le32(p + 4 * i);
    }
    uint32_t a = h[0];
    uint32_t b = h[1];
    uint32_t c = h[2];
    uint32_t d = h[3];

    PETREL_MD5_STEP(md5_f, a, b, c, d, x[0], 0xd76aa478, 7);
    PETREL_MD5_STEP(md5_f, d, a, b, c, x[1], 0xe8c7b756, 12);
    PETREL_MD5_STEP(md5_f, c, d, a, b, x[2], 0x242070db, 17);
    PETREL_MD5_STEP(md5_f, b, c, d, a, x[3], 0xc1bdceee, 22);
    PETREL_MD5_STEP(md5_f, a, b, c, d, x[4], 0xf57c0faf, 7);
    PETREL_MD5_STEP(md5_f, d, a, b, c, x[5], 0x4787c62a, 12);
    PETREL_MD5_STEP(md5_f, c, d, a, b, x[6], 0xa8304613, 17);
    PETREL_MD5_STEP(md5_f, b, c, d, a, x[7], 0xfd469501, 22);
    PETREL_MD5_STEP(md5_f, a, b, c, d, x[8], 0x698098d8, 7);
    PETREL_MD5_STEP(md5_f, d, a, b, c, x[9], 0x8b44f7af, 12);
    PETREL_MD5_STEP(md5_f, c, d, a, b, x[10], 0xffff5bb1, 17);
    PETREL_MD5_STEP(md5_f, b, c, d, a, x[11], 0x895cd7be, 22);
    PETREL_MD5_STEP(md5_f, a, b, c, d, x[12], 0x6b901122, 7);
    PETREL_MD5_STEP(md5_f, d, a, b, c, x[13], 0xfd987193, 12);
    PETREL_MD5_STEP(md5_f, c, d, a, b, x[14], 0xa679438e, 17);
    PETREL_MD5_STEP(md5_f, b, c, d, a, x[15], 0x49b40821, 22);

    PETREL_MD5_STEP(md5_g, a, b, c, d, x[1], 0xf61e2562, 5);
    PETREL_MD5_STEP(md5_g, d, a, b, c, x[6], 0xc040b340, 9);
    PETREL_MD5_STEP(md5_g, c, d, a, b, x[11], 0x265e5a51, 14);
    PETREL_MD5_STEP(md5_g, b, c, d, a, x[0], 0xe9b6c7aa, 20);
    PETREL_MD5_STEP(md5_g, a, b, c, d, x[5], 0xd62f105d, 5);
    PETREL_MD5_STEP(md5_g, d, a, b, c, x[10], 0x02441453, 9);
    PETREL_MD5_STEP(md5_g, c, d, a, b, x[15], 0xd8a1e681, 14);
    PETREL_MD5_STEP(md5_g, b, c, d, a, x[4], 0xe7d3fbc8, 20);
    PETREL_MD5_STEP(md5_g, a, b, c, d, x[9], 0x21e1cde6, 5);
    PETREL_MD5_STEP(md5_g, d, a, b, c, x[14], 0xc33707d6, 9);
    PETREL_MD5_STEP(md5_g, c, d, a, b, x[3], 0xf4d50d87, 14);
    PETREL_MD5_STEP(md5_g, b, c, d, a, x[8], 0x455a14ed, 20);
    PETREL_MD5_STEP(md5_g, a, b, c, d, x[13], 0xa9e3e905, 5);
    PETREL_MD5_STEP(md5_g, d, a, b, c, x[2], 0xfcefa3f8, 9);
    PETREL_MD5_STEP(md5_g, c, d, a, b, x[7], 0x676f02d9, 14);
    PETREL_MD5_STEP(md5_g, b, c, d, a, x[12], 0x8d2a4c8a, 20);

    PETREL_MD5_STEP(md5_h, a, b, c, d, x[5], 0xfffa3942, 4);
    PETREL_MD5_STEP(md5_h, d, a, b, c, x[8], 0x8771f681, 11);
    PETREL_MD5_STEP(md5_h, c, d, a, b, x[11], 0x6d9d6122, 16);
    PETREL_MD5_STEP(md5_h, b, c, d, a, x[14], 0xfde5380c, 23);
    PETREL_MD5_STEP(md5_h, a, b, c, d, x[1], 0xa4beea44, 4);
    PETREL_MD5_STEP(md5_h, d, a, b, c, x[4], 0x4bdecfa9, 11);
    PETREL_MD5_STEP(md5_h, c, d, a, b, x[7], 0xf6bb4b60, 16);
    PETREL_MD5_STEP(md5_h, b, c, d, a, x[10], 0xbebfbc70, 23);
    PETREL_MD5_STEP(md5_h, a, b, c, d, x[13], 0x289b7ec6, 4);
    PETREL_MD5_STEP(md5_h, d, a, b, c, x[0], 0xeaa127fa, 11);
    PETREL_MD5_STEP(md5_h, c, d, a, b, x[3], 0xd4ef3085, 16);
    PETREL_MD5_STEP(md5_h, b, c, d, a, x[6], 0x04881d05, 23);
    PETREL_MD5_STEP(md5_h, a, b, c, d, x[9], 0xd9d4d039, 4);
    PETREL_MD5_STEP(md5_h, d, a, b, c, x[12], 0xe6db99e5, 11);
    PETREL_MD5_STEP(md5_h, c, d, a, b, x[15], 0x1fa27cf8, 16);
    PETREL_MD5_STEP(md5_h, b, c, d, a, x[2], 0xc4ac5665, 23);

    PETREL_MD5_STEP(md5_i, a, b, c, d, x[0], 0xf4292244, 6);
    PETREL_MD5_STEP(md5_i, d, a, b, c, x[7], 0x432aff97, 10);
    PETREL_MD5_STEP(md5_i, c, d, a, b, x[14], 0xab9423a7, 15);
    PETREL_MD5_STEP(md5_i, b, c, d, a, x[5], 0xfc93a039, 21);
    PETREL_MD5_STEP(md5_i, a, b, c, d, x[12], 0x655b59c3, 6);
    PETREL_MD5_STEP(md5_i, d, a, b, c, x[3], 0x8f0ccc92, 10);
    PETREL_MD5_STEP(md5_i, c, d, a, b, x[10], 0xffeff47d, 15);
    PETREL_MD5_STEP(md5_i, b, c, d, a, x[1], 0x85845dd1, 21);
    PETREL_MD5_STEP(md5_i, a, b, c, d, x[8], 0x6fa87e4f, 6);
    PETREL_MD5_STEP(md5_i, d, a, b, c, x[15], 0xfe2ce6e0, 10);
    PETREL_MD5_STEP(md5_i, c, d, a, b, x[6], 0xa3014314, 15);
    PETREL_MD5_STEP(md5_i, b, c, d, a, x[13], 0x4e0811a1, 21);
    PETREL_MD5_STEP(md5_i, a, b, c, d, x[4], 0xf7537e82, 6);
    PETREL_MD5_STEP(md5_i, d, a, b, c, x[11], 0xbd3af235, 10);
    PETREL_MD5_STEP(md5_i, c, d, a, b, x[2], 0x2ad7d2bb, 15);
    PETREL_MD5_STEP(md5_i, b, c, d, a, x[9], 0xeb86d391, 21);

    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    p += 64;
  }
  secure_wipe(x, sizeof(x));
}

#undef PETREL_MD5_STEP

}  // namespace

namespace hash_detail {
void md5_compress_blocks(uint32_t h[4], const uint8_t* p, size_t blocks) noexcept {
  md5_compress(h, p, blocks);
}
}  // namespace hash_detail

void md5_init(Md5State* s) noexcept {
  s->h[0] = 0x67452301;
  s->h[1] = 0xefcdab89;
  s->h[2] = 0x98badcfe;
  s->h[3] = 0x10325476;
  s->total = 0;
  s->buf_len = 0;
}

void md5_update(Md5State* s, const uint8_t* in, size_t len) noexcept {
  s->total += len;
  hash_detail::md_update<64>(s->buf, &s->buf_len, in, len,
                              [s](const uint8_t* p, size_t n) { md5_compress(s->h, p, n); });
}

void md5_final(Md5State* s, uint8_t out[16]) noexcept {
  const uint64_t bits = s->total << 3;
  hash_detail::md_pad<64, 8>(s->buf, s->buf_len,
                             [s](const uint8_t* p, size_t n) { md5_compress(s->h, p, n); });
  store_le64(s->buf + 56, bits);
  md5_compress(s->h, s->buf, 1);
  for (size_t i = 0; i < 4; i++) {
    store_le32(out + 4 * i, s->h[i]);
  }
  secure_wipe(s, sizeof(*s));
}

}  // namespace petrel
