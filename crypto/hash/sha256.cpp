// SHA-224 and SHA-256 (FIPS 180-4 sections 5.3.2, 5.3.3, 6.2, 6.3). Portable C++, byte-order
// independent (explicit big-endian loads and stores). Constant-time: no data-dependent branches
// or table indices (the K table is indexed by the round number only).
//
// The message schedule is a 16-word ring (W[t & 15]); rounds are unrolled eight at a time with
// rotating variable names, so no register moves are needed between rounds.
#include <cstring>

#include "crypto/hash/hash.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

constexpr uint32_t kK256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

inline uint32_t big_sigma0(uint32_t x) { return rotr32(x, 2) ^ rotr32(x, 13) ^ rotr32(x, 22); }
inline uint32_t big_sigma1(uint32_t x) { return rotr32(x, 6) ^ rotr32(x, 11) ^ rotr32(x, 25); }
inline uint32_t small_sigma0(uint32_t x) { return rotr32(x, 7) ^ rotr32(x, 18) ^ (x >> 3); }
inline uint32_t small_sigma1(uint32_t x) { return rotr32(x, 17) ^ rotr32(x, 19) ^ (x >> 10); }

// W[t] for t >= 16, computed in place in the ring.
#define PETREL_SHA256_W(t)                                                            \
  (w[(t) & 15] += small_sigma1(w[((t) + 14) & 15]) + w[((t) + 9) & 15] +              \
                  small_sigma0(w[((t) + 1) & 15]))

#define PETREL_SHA256_R(a, b, c, d, e, f, g, h, kt, wt)                   \
  do {                                                                    \
    uint32_t t1_ = (h) + big_sigma1(e) + ((g) ^ ((e) & ((f) ^ (g)))) + (kt) + (wt); \
    (d) += t1_;                                                           \
    (h) = t1_ + big_sigma0(a) + (((a) & (b)) | ((c) & ((a) | (b))));      \
  } while (0)

void sha256_compress(uint32_t st[8], const uint8_t* p, size_t blocks) noexcept {
  uint32_t w[16];
  while (blocks-- > 0) {
    for (size_t i = 0; i < 16; i++) {
      w[i] = load_be32(p + 4 * i);
    }
    uint32_t a = st[0];
    uint32_t b = st[1];
    uint32_t c = st[2];
    uint32_t d = st[3];
    uint32_t e = st[4];
    uint32_t f = st[5];
    uint32_t g = st[6];
    uint32_t h = st[7];
    size_t t = 0;
    for (; t < 16; t += 8) {
      PETREL_SHA256_R(a, b, c, d, e, f, g, h, kK256[t], w[t]);
      PETREL_SHA256_R(h, a, b, c, d, e, f, g, kK256[t + 1], w[t + 1]);
      PETREL_SHA256_R(g, h, a, b, c, d, e, f, kK256[t + 2], w[t + 2]);
      PETREL_SHA256_R(f, g, h, a, b, c, d, e, kK256[t + 3], w[t + 3]);
      PETREL_SHA256_R(e, f, g, h, a, b, c, d, kK256[t + 4], w[t + 4]);
      PETREL_SHA256_R(d, e, f, g, h, a, b, c, kK256[t + 5], w[t + 5]);
      PETREL_SHA256_R(c, d, e, f, g, h, a, b, kK256[t + 6], w[t + 6]);
      PETREL_SHA256_R(b, c, d, e, f, g, h, a, kK256[t + 7], w[t + 7]);
    }
    for (; t < 64; t += 8) {
      PETREL_SHA256_R(a, b, c, d, e, f, g, h, kK256[t], PETREL_SHA256_W(t));
      PETREL_SHA256_R(h, a, b, c, d, e, f, g, kK256[t + 1], PETREL_SHA256_W(t + 1));
      PETREL_SHA256_R(g, h, a, b, c, d, e, f, kK256[t + 2], PETREL_SHA256_W(t + 2));
      PETREL_SHA256_R(f, g, h, a, b, c, d, e, kK256[t + 3], PETREL_SHA256_W(t + 3));
      PETREL_SHA256_R(e, f, g, h, a, b, c, d, kK256[t + 4], PETREL_SHA256_W(t + 4));
      PETREL_SHA256_R(d, e, f, g, h, a, b, c, kK256[t + 5], PETREL_SHA256_W(t + 5));
      PETREL_SHA256_R(c, d, e, f, g, h, a, b, kK256[t + 6], PETREL_SHA256_W(t + 6));
      PETREL_SHA256_R(b, c, d, e, f, g, h, a, kK256[t + 7], PETREL_SHA256_W(t + 7));
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
    p += 64;
  }
  secure_wipe(w, sizeof(w));
}

#undef PETREL_SHA256_W
#undef PETREL_SHA256_R

}  // namespace

void sha224_init(Sha256State* s) noexcept {
  static constexpr uint32_t kIv[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                      0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
  std::memcpy(s->h, kIv, sizeof(kIv));
  s->total = 0;
  s->buf_len = 0;
}

void sha256_init(Sha256State* s) noexcept {
  static constexpr uint32_t kIv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::memcpy(s->h, kIv, sizeof(kIv));
  s->total = 0;
  s->buf_len = 0;
}

void sha256_update(Sha256State* s, const uint8_t* in, size_t len) noexcept {
  if (len == 0) {
    return;
  }
  s->total += len;
  if (s->buf_len != 0) {
    size_t take = 64 - s->buf_len;
    if (take > len) {
      take = len;
    }
    std::memcpy(s->buf + s->buf_len, in, take);
    s->buf_len += take;
    in += take;
    len -= take;
    if (s->buf_len < 64) {
      return;
    }
    sha256_compress(s->h, s->buf, 1);
    s->buf_len = 0;
  }
  size_t blocks = len / 64;
  if (blocks != 0) {
    sha256_compress(s->h, in, blocks);
    in += blocks * 64;
    len -= blocks * 64;
  }
  if (len != 0) {
    std::memcpy(s->buf, in, len);
    s->buf_len = len;
  }
}

void sha256_final(Sha256State* s, uint8_t* out, size_t out_len) noexcept {
  const uint64_t bits = s->total << 3;
  size_t n = s->buf_len;
  s->buf[n++] = 0x80;
  if (n > 56) {
    std::memset(s->buf + n, 0, 64 - n);
    sha256_compress(s->h, s->buf, 1);
    n = 0;
  }
  std::memset(s->buf + n, 0, 56 - n);
  store_be64(s->buf + 56, bits);
  sha256_compress(s->h, s->buf, 1);
  // Reuse the block buffer for the full 32-byte big-endian digest, then truncate (SHA-224).
  for (size_t i = 0; i < 8; i++) {
    store_be32(s->buf + 4 * i, s->h[i]);
  }
  std::memcpy(out, s->buf, out_len < 32 ? out_len : 32);
  secure_wipe(s, sizeof(*s));
}

}  // namespace petrel
