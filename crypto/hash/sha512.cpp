// SHA-384 and SHA-512 (FIPS 180-4 sections 5.3.4, 5.3.5, 6.4, 6.5). Portable C++, byte-order
// independent (explicit big-endian loads and stores); on 32-bit targets the 64-bit words are
// register pairs (see the sigma functions below). Constant-time: no data-dependent
// branches or table indices.
//
// The whole 80-word schedule is computed first (FIPS 180-4 section 6.4.2 step 1), then the rounds
// run as a loop of eight unrolled rounds with a..h rotating in the macro arguments, so no value
// moves between rounds. On 32-bit targets, where the eight state words need 16 registers, this
// keeps less live at once than computing the schedule inside the rounds (a 16-word ring with
// fully unrolled rounds measured 69 vs 66 instructions per byte on armhf, and is three times
// larger). Maj(a,b,c) = ((a^b) & (b^c)) ^ b reuses the previous round's a^b.
#include <cstring>

#include "crypto/hash/hash.h"
#include "crypto/hash/hash_internal.h"
#include "crypto/hash/md_common.h"
#include "crypto/util/build_config.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

constexpr uint64_t kK512[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

// On 32-bit targets a 64-bit rotation is four shifts of the 32-bit halves, and the halves' parts
// never overlap, so each sigma is written as one flat XOR of shifted halves: gcc then keeps far
// fewer temporaries live than with three separate rotations (SHA-512 went from 78 to 66
// instructions per byte on armhf, 117 to 104 on mipsel). 64-bit hosts use real rotations.
constexpr bool kWide = sizeof(void*) >= 8;

inline uint32_t hi32(uint64_t x) { return static_cast<uint32_t>(x >> 32); }
inline uint32_t lo32(uint64_t x) { return static_cast<uint32_t>(x); }
inline uint64_t join64(uint32_t hi, uint32_t lo) { return (static_cast<uint64_t>(hi) << 32) | lo; }

inline uint64_t big_sigma0(uint64_t x) {
  if constexpr (kWide) {
    return rotr64(x, 28) ^ rotr64(x, 34) ^ rotr64(x, 39);
  }
  const uint32_t hi = hi32(x);
  const uint32_t lo = lo32(x);
  // rotr 28, rotr 34 (= 32 + 2), rotr 39 (= 32 + 7)
  return join64((hi >> 28) ^ (lo << 4) ^ (lo >> 2) ^ (hi << 30) ^ (lo >> 7) ^ (hi << 25),
                (lo >> 28) ^ (hi << 4) ^ (hi >> 2) ^ (lo << 30) ^ (hi >> 7) ^ (lo << 25));
}
inline uint64_t big_sigma1(uint64_t x) {
  if constexpr (kWide) {
    return rotr64(x, 14) ^ rotr64(x, 18) ^ rotr64(x, 41);
  }
  const uint32_t hi = hi32(x);
  const uint32_t lo = lo32(x);
  // rotr 14, rotr 18, rotr 41 (= 32 + 9)
  return join64((hi >> 14) ^ (lo << 18) ^ (hi >> 18) ^ (lo << 14) ^ (lo >> 9) ^ (hi << 23),
                (lo >> 14) ^ (hi << 18) ^ (lo >> 18) ^ (hi << 14) ^ (hi >> 9) ^ (lo << 23));
}
inline uint64_t small_sigma0(uint64_t x) {
  if constexpr (kWide) {
    return rotr64(x, 1) ^ rotr64(x, 8) ^ (x >> 7);
  }
  const uint32_t hi = hi32(x);
  const uint32_t lo = lo32(x);
  // rotr 1, rotr 8, shr 7
  return join64((hi >> 1) ^ (lo << 31) ^ (hi >> 8) ^ (lo << 24) ^ (hi >> 7),
                (lo >> 1) ^ (hi << 31) ^ (lo >> 8) ^ (hi << 24) ^ (lo >> 7) ^ (hi << 25));
}
inline uint64_t small_sigma1(uint64_t x) {
  if constexpr (kWide) {
    return rotr64(x, 19) ^ rotr64(x, 61) ^ (x >> 6);
  }
  const uint32_t hi = hi32(x);
  const uint32_t lo = lo32(x);
  // rotr 19, rotr 61 (= 32 + 29), shr 6
  return join64((hi >> 19) ^ (lo << 13) ^ (lo >> 29) ^ (hi << 3) ^ (hi >> 6),
                (lo >> 19) ^ (hi << 13) ^ (hi >> 29) ^ (lo << 3) ^ (lo >> 6) ^ (hi << 26));
}

// One round; h becomes the new a and d the new e. bc_ carries a^b into the next round's Maj.
#define PETREL_SHA512_R(a, b, c, d, e, f, g, h, kt, wt)                     \
  do {                                                                      \
    (h) += (kt) + (wt);                                                     \
    (h) += (g) ^ ((e) & ((f) ^ (g)));                                       \
    (h) += big_sigma1(e);                                                   \
    (d) += (h);                                                             \
    const uint64_t ab_ = (a) ^ (b);                                         \
    (h) += (ab_ & bc_) ^ (b);                                               \
    (h) += big_sigma0(a);                                                   \
    bc_ = ab_;                                                              \
  } while (0)

void sha512_compress(uint64_t st[8], const uint8_t* p, size_t blocks) noexcept {
  uint64_t ws[80];
  while (blocks-- > 0) {
    for (size_t i = 0; i < 16; i++) {
      ws[i] = load_be64(p + 8 * i);
    }
    for (size_t i = 16; i < 80; i++) {
      ws[i] = small_sigma1(ws[i - 2]) + ws[i - 7] + small_sigma0(ws[i - 15]) + ws[i - 16];
    }
    uint64_t a = st[0];
    uint64_t b = st[1];
    uint64_t c = st[2];
    uint64_t d = st[3];
    uint64_t e = st[4];
    uint64_t f = st[5];
    uint64_t g = st[6];
    uint64_t h = st[7];
    uint64_t bc_ = b ^ c;
    const uint64_t* k = kK512;
    const uint64_t* w = ws;
    for (size_t t = 0; t < 80; t += 8) {
      PETREL_SHA512_R(a, b, c, d, e, f, g, h, k[0], w[0]);
      PETREL_SHA512_R(h, a, b, c, d, e, f, g, k[1], w[1]);
      PETREL_SHA512_R(g, h, a, b, c, d, e, f, k[2], w[2]);
      PETREL_SHA512_R(f, g, h, a, b, c, d, e, k[3], w[3]);
      PETREL_SHA512_R(e, f, g, h, a, b, c, d, k[4], w[4]);
      PETREL_SHA512_R(d, e, f, g, h, a, b, c, k[5], w[5]);
      PETREL_SHA512_R(c, d, e, f, g, h, a, b, k[6], w[6]);
      PETREL_SHA512_R(b, c, d, e, f, g, h, a, k[7], w[7]);
      k += 8;
      w += 8;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
    p += 128;
  }
  secure_wipe(ws, sizeof(ws));
}

#undef PETREL_SHA512_R
#undef PETREL_SHA512_W
#undef PETREL_SHA512_R

void init_common(Sha512State* s, const uint64_t iv[8]) noexcept {
  std::memcpy(s->h, iv, 8 * sizeof(uint64_t));
  s->total_lo = 0;
  s->total_hi = 0;
  s->buf_len = 0;
}

}  // namespace

// The compact form (hash_internal.h): one round per loop iteration with a 16-word schedule
// ring, the values moving down a..h. Constant-time: K is indexed by the round number.
void hash_detail::sha512_blocks_compact(uint64_t st[8], const uint8_t* p, size_t blocks) noexcept {
  uint64_t w[16];
  while (blocks-- > 0) {
    uint64_t a = st[0];
    uint64_t b = st[1];
    uint64_t c = st[2];
    uint64_t d = st[3];
    uint64_t e = st[4];
    uint64_t f = st[5];
    uint64_t g = st[6];
    uint64_t h = st[7];
    for (unsigned t = 0; t < 80; t++) {
      uint64_t wt;
      if (t < 16) {
        wt = w[t] = load_be64(p + 8 * t);
      } else {  // W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16], in a ring
        wt = w[t & 15] += small_sigma1(w[(t + 14) & 15]) + w[(t + 9) & 15] +
                          small_sigma0(w[(t + 1) & 15]);
      }
      const uint64_t t1 = h + big_sigma1(e) + (g ^ (e & (f ^ g))) + kK512[t] + wt;
      const uint64_t t2 = big_sigma0(a) + (((a ^ b) & (b ^ c)) ^ b);
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
    p += 128;
  }
  secure_wipe(w, sizeof(w));
}

// The portable row "c64" of the SHA-512 variant table (crypto/hash/hash_impl.cpp); the compact
// form in a build that asks for it (PETREL_MINIMAL, crypto/util/build_config.h).
extern "C" void petrel_sha512_blocks_c64(uint64_t state[8], const uint8_t* in,
                                      size_t nblocks) noexcept {
  if (kCompactHashes) {
    hash_detail::sha512_blocks_compact(state, in, nblocks);
    return;
  }
  sha512_compress(state, in, nblocks);
}

void sha384_init(Sha512State* s) noexcept {
  static constexpr uint64_t kIv[8] = {
      0xcbbb9d5dc1059ed8ull, 0x629a292a367cd507ull, 0x9159015a3070dd17ull, 0x152fecd8f70e5939ull,
      0x67332667ffc00b31ull, 0x8eb44a8768581511ull, 0xdb0c2e0d64f98fa7ull, 0x47b5481dbefa4fa4ull};
  init_common(s, kIv);
}

void sha512_init(Sha512State* s) noexcept {
  static constexpr uint64_t kIv[8] = {
      0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
      0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
  init_common(s, kIv);
}

void sha512_update(Sha512State* s, const uint8_t* in, size_t len) noexcept {
  const uint64_t add = static_cast<uint64_t>(len);
  s->total_lo += add;
  s->total_hi += (s->total_lo < add) ? 1u : 0u;
  hash_detail::md_update<128>(s->buf, &s->buf_len, in, len,
                              [s](const uint8_t* p, size_t n) { hash_detail::sha512_compress_blocks(s->h, p, n); });
}

void sha512_final(Sha512State* s, uint8_t* out, size_t out_len) noexcept {
  const uint64_t bits_hi = (s->total_hi << 3) | (s->total_lo >> 61);
  const uint64_t bits_lo = s->total_lo << 3;
  hash_detail::md_pad<128, 16>(s->buf, s->buf_len,
                             [s](const uint8_t* p, size_t n) { hash_detail::sha512_compress_blocks(s->h, p, n); });
  store_be64(s->buf + 112, bits_hi);
  store_be64(s->buf + 120, bits_lo);
  hash_detail::sha512_compress_blocks(s->h, s->buf, 1);
  for (size_t i = 0; i < 8; i++) {
    store_be64(s->buf + 8 * i, s->h[i]);
  }
  std::memcpy(out, s->buf, out_len < 64 ? out_len : 64);
  secure_wipe(s, sizeof(*s));
}

}  // namespace petrel
