// SHA-1 (FIPS 180-4 section 6.1). LEGACY: SHA-1 collisions are practical; it is here for HMAC-SHA1
// (TLS 1.0-1.2 cipher suites), the TLS 1.0/1.1 PRF and certificate fingerprints. Portable C++,
// byte-order independent (explicit big-endian loads). Constant-time: no data-dependent
// branches or table indices.
//
// The message schedule is kept in a 16-word ring (W[t & 15]) so it fits the register/L1 budget
// of small cores; the 80 rounds are unrolled five at a time with rotating variable names.
#include <cstring>

#include "crypto/hash/hash.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

#define PETREL_SHA1_W(t)                                                                    \
  (w[(t) & 15] = rotl32(w[((t) + 13) & 15] ^ w[((t) + 8) & 15] ^ w[((t) + 2) & 15] ^ w[(t) & 15], \
                        1))

// One round: e += f(b,c,d) + K + W + rotl(a,5); b = rotl(b,30).
#define PETREL_SHA1_R(a, b, c, d, e, f, k, wt)           \
  do {                                                   \
    (e) += rotl32((a), 5) + (f) + (k) + (wt);            \
    (b) = rotl32((b), 30);                               \
  } while (0)

#define PETREL_SHA1_CH(b, c, d) ((((c) ^ (d)) & (b)) ^ (d))
#define PETREL_SHA1_PAR(b, c, d) ((b) ^ (c) ^ (d))
#define PETREL_SHA1_MAJ(b, c, d) (((b) & (c)) | (((b) | (c)) & (d)))

void sha1_compress(uint32_t h[5], const uint8_t* p, size_t blocks) noexcept {
  uint32_t w[16];
  while (blocks-- > 0) {
    uint32_t a = h[0];
    uint32_t b = h[1];
    uint32_t c = h[2];
    uint32_t d = h[3];
    uint32_t e = h[4];
    for (size_t i = 0; i < 16; i++) {
      w[i] = load_be32(p + 4 * i);
    }
    size_t t = 0;
    for (; t < 15; t += 5) {
      PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_CH(b, c, d), 0x5a827999u, w[t]);
      PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_CH(a, b, c), 0x5a827999u, w[t + 1]);
      PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_CH(e, a, b), 0x5a827999u, w[t + 2]);
      PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_CH(d, e, a), 0x5a827999u, w[t + 3]);
      PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_CH(c, d, e), 0x5a827999u, w[t + 4]);
    }
    // t == 15: rounds 15..19 (round 15 still uses a loaded word).
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_CH(b, c, d), 0x5a827999u, w[15]);
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_CH(a, b, c), 0x5a827999u, PETREL_SHA1_W(16));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_CH(e, a, b), 0x5a827999u, PETREL_SHA1_W(17));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_CH(d, e, a), 0x5a827999u, PETREL_SHA1_W(18));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_CH(c, d, e), 0x5a827999u, PETREL_SHA1_W(19));
    for (t = 20; t < 40; t += 5) {
      PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR(b, c, d), 0x6ed9eba1u, PETREL_SHA1_W(t));
      PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR(a, b, c), 0x6ed9eba1u, PETREL_SHA1_W(t + 1));
      PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR(e, a, b), 0x6ed9eba1u, PETREL_SHA1_W(t + 2));
      PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR(d, e, a), 0x6ed9eba1u, PETREL_SHA1_W(t + 3));
      PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR(c, d, e), 0x6ed9eba1u, PETREL_SHA1_W(t + 4));
    }
    for (; t < 60; t += 5) {
      PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_MAJ(b, c, d), 0x8f1bbcdcu, PETREL_SHA1_W(t));
      PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_MAJ(a, b, c), 0x8f1bbcdcu, PETREL_SHA1_W(t + 1));
      PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_MAJ(e, a, b), 0x8f1bbcdcu, PETREL_SHA1_W(t + 2));
      PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_MAJ(d, e, a), 0x8f1bbcdcu, PETREL_SHA1_W(t + 3));
      PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_MAJ(c, d, e), 0x8f1bbcdcu, PETREL_SHA1_W(t + 4));
    }
    for (; t < 80; t += 5) {
      PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR(b, c, d), 0xca62c1d6u, PETREL_SHA1_W(t));
      PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR(a, b, c), 0xca62c1d6u, PETREL_SHA1_W(t + 1));
      PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR(e, a, b), 0xca62c1d6u, PETREL_SHA1_W(t + 2));
      PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR(d, e, a), 0xca62c1d6u, PETREL_SHA1_W(t + 3));
      PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR(c, d, e), 0xca62c1d6u, PETREL_SHA1_W(t + 4));
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    p += 64;
  }
  secure_wipe(w, sizeof(w));
}

#undef PETREL_SHA1_W
#undef PETREL_SHA1_R
#undef PETREL_SHA1_CH
#undef PETREL_SHA1_PAR
#undef PETREL_SHA1_MAJ

}  // namespace

void sha1_init(Sha1State* s) noexcept {
  s->h[0] = 0x67452301;
  s->h[1] = 0xefcdab89;
  s->h[2] = 0x98badcfe;
  s->h[3] = 0x10325476;
  s->h[4] = 0xc3d2e1f0;
  s->total = 0;
  s->buf_len = 0;
}

void sha1_update(Sha1State* s, const uint8_t* in, size_t len) noexcept {
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
    sha1_compress(s->h, s->buf, 1);
    s->buf_len = 0;
  }
  size_t blocks = len / 64;
  if (blocks != 0) {
    sha1_compress(s->h, in, blocks);
    in += blocks * 64;
    len -= blocks * 64;
  }
  if (len != 0) {
    std::memcpy(s->buf, in, len);
    s->buf_len = len;
  }
}

void sha1_final(Sha1State* s, uint8_t out[20]) noexcept {
  const uint64_t bits = s->total << 3;
  size_t n = s->buf_len;
  s->buf[n++] = 0x80;
  if (n > 56) {
    std::memset(s->buf + n, 0, 64 - n);
    sha1_compress(s->h, s->buf, 1);
    n = 0;
  }
  std::memset(s->buf + n, 0, 56 - n);
  store_be64(s->buf + 56, bits);
  sha1_compress(s->h, s->buf, 1);
  for (size_t i = 0; i < 5; i++) {
    store_be32(out + 4 * i, s->h[i]);
  }
  secure_wipe(s, sizeof(*s));
}

}  // namespace petrel
