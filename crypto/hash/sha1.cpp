// SHA-1 (FIPS 180-4 section 6.1). LEGACY: SHA-1 collisions are practical; it is here for HMAC-SHA1
// (TLS 1.0-1.2 cipher suites), the TLS 1.0/1.1 PRF and certificate fingerprints. Portable C++,
// byte-order independent (explicit big-endian loads). Constant-time: no data-dependent
// branches or table indices.
//
// All 80 rounds are unrolled with the roles of a..e rotating in the macro arguments, so no value
// moves between rounds; the message schedule is computed in place in a 16-word ring with
// constant indices (FIPS 180-4 section 6.1.3), which the compiler keeps on the stack.
#include <cstring>

#include "crypto/hash/hash.h"
#include "crypto/hash/hash_internal.h"
#include "crypto/hash/md_common.h"
#include "crypto/util/build_config.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

// W[t] for t < 16: the big-endian message word.
#define PETREL_SHA1_L(t) (w[(t)] = load_be32(p + 4 * (t)))
// W[t] for t >= 16, in place in w[i], i = t mod 16 (a constant, so the indices fold):
// W[t] = rotl(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16], 1).
#define PETREL_SHA1_W(i) \
  (w[(i)] = rotl32(w[((i) + 13) & 15] ^ w[((i) + 8) & 15] ^ w[((i) + 2) & 15] ^ w[(i)], 1))

#define PETREL_SHA1_CH(b, c, d) ((((c) ^ (d)) & (b)) ^ (d))
#define PETREL_SHA1_PAR(b, c, d) ((b) ^ (c) ^ (d))
#define PETREL_SHA1_MAJ(b, c, d) (((b) & (c)) | (((b) | (c)) & (d)))

// One round: e += rotl(a,5) + f(b,c,d) + K + W; b = rotl(b,30).
#define PETREL_SHA1_R(a, b, c, d, e, f, k, wt)            \
  do {                                                    \
    (e) += rotl32((a), 5) + f((b), (c), (d)) + (k) + (wt); \
    (b) = rotl32((b), 30);                                \
  } while (0)

void sha1_compress(uint32_t h[5], const uint8_t* p, size_t blocks) noexcept {
  uint32_t w[16];
  while (blocks-- > 0) {
    uint32_t a = h[0];
    uint32_t b = h[1];
    uint32_t c = h[2];
    uint32_t d = h[3];
    uint32_t e = h[4];
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(0));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(1));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(2));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(3));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(4));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(5));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(6));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(7));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(8));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(9));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(10));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(11));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(12));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(13));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(14));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_L(15));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_W(0));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_W(1));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_W(2));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_CH, 0x5a827999u, PETREL_SHA1_W(3));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(4));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(5));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(6));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(7));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(8));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(9));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(10));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(11));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(12));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(13));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(14));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(15));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(0));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(1));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(2));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(3));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(4));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(5));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(6));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0x6ed9eba1u, PETREL_SHA1_W(7));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(8));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(9));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(10));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(11));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(12));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(13));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(14));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(15));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(0));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(1));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(2));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(3));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(4));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(5));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(6));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(7));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(8));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(9));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(10));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_MAJ, 0x8f1bbcdcu, PETREL_SHA1_W(11));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(12));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(13));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(14));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(15));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(0));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(1));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(2));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(3));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(4));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(5));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(6));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(7));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(8));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(9));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(10));
    PETREL_SHA1_R(a, b, c, d, e, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(11));
    PETREL_SHA1_R(e, a, b, c, d, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(12));
    PETREL_SHA1_R(d, e, a, b, c, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(13));
    PETREL_SHA1_R(c, d, e, a, b, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(14));
    PETREL_SHA1_R(b, c, d, e, a, PETREL_SHA1_PAR, 0xca62c1d6u, PETREL_SHA1_W(15));
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    p += 64;
  }
  secure_wipe(w, sizeof(w));
}

#undef PETREL_SHA1_L
#undef PETREL_SHA1_W
#undef PETREL_SHA1_R
#undef PETREL_SHA1_CH
#undef PETREL_SHA1_PAR
#undef PETREL_SHA1_MAJ

}  // namespace

// The compact form (hash_internal.h): one round per loop iteration, the values moving down
// a..e, the function and constant picked by the round number (public). Constant-time.
void hash_detail::sha1_blocks_compact(uint32_t h[5], const uint8_t* p, size_t blocks) noexcept {
  uint32_t w[16];
  while (blocks-- > 0) {
    uint32_t a = h[0];
    uint32_t b = h[1];
    uint32_t c = h[2];
    uint32_t d = h[3];
    uint32_t e = h[4];
    for (unsigned t = 0; t < 80; t++) {
      uint32_t wt;
      if (t < 16) {
        wt = w[t] = load_be32(p + 4 * t);
      } else {  // W[t] = rotl(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16], 1), in a 16-word ring
        wt = w[t & 15] =
            rotl32(w[(t + 13) & 15] ^ w[(t + 8) & 15] ^ w[(t + 2) & 15] ^ w[t & 15], 1);
      }
      uint32_t f;
      uint32_t k;
      if (t < 20) {
        f = ((c ^ d) & b) ^ d;
        k = 0x5a827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (t < 60) {
        f = (b & c) | ((b | c) & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const uint32_t next = rotl32(a, 5) + f + e + k + wt;
      e = d;
      d = c;
      c = rotl32(b, 30);
      b = a;
      a = next;
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

// The portable row "c32" of the SHA-1 variant table (crypto/hash/hash_impl.cpp); the compact
// form in a build that asks for it (PETREL_MINIMAL, crypto/util/build_config.h).
extern "C" void petrel_sha1_blocks_c32(uint32_t state[5], const uint8_t* in,
                                      size_t nblocks) noexcept {
  if (kCompactHashes) {
    hash_detail::sha1_blocks_compact(state, in, nblocks);
    return;
  }
  sha1_compress(state, in, nblocks);
}


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
  s->total += len;
  hash_detail::md_update<64>(s->buf, &s->buf_len, in, len,
                              [s](const uint8_t* p, size_t n) { hash_detail::sha1_compress_blocks(s->h, p, n); });
}

void sha1_final(Sha1State* s, uint8_t out[20]) noexcept {
  const uint64_t bits = s->total << 3;
  hash_detail::md_pad<64, 8>(s->buf, s->buf_len,
                             [s](const uint8_t* p, size_t n) { hash_detail::sha1_compress_blocks(s->h, p, n); });
  store_be64(s->buf + 56, bits);
  hash_detail::sha1_compress_blocks(s->h, s->buf, 1);
  for (size_t i = 0; i < 5; i++) {
    store_be32(out + 4 * i, s->h[i]);
  }
  secure_wipe(s, sizeof(*s));
}

}  // namespace petrel
