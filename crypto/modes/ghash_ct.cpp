// GHASH variant "ct" (crypto/modes/gcm.cpp's table): the constant-time multiplier. Field
// elements are handled bit-reflected, as 128-bit integers read big-endian, so a carry-less
// integer product gives the reflected field product shifted right by one bit. The 128x128
// product uses three levels of Karatsuba (27 16x16 products); each 16x16 carry-less product is
// nine ordinary 32x32->32 integer multiplications on operands with "holes" (only every third bit
// kept, so carries cannot reach the next kept bit): 243 multiplications per block. On ARMv7
// (kGhashBitReverse) the two-level form with bit reversal is faster (BearSSL ghash_ctmul32).
// Only 32-bit results are used. No table, no branch on data.
#include <cstddef>
#include <cstdint>

#include "crypto/modes/gcm.h"
#include "crypto/modes/gcm_internal.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

// Low 32 bits of the carry-less product of x and y.
inline uint32_t bmul32(uint32_t x, uint32_t y) noexcept {
  const uint32_t x0 = x & 0x11111111u;
  const uint32_t x1 = x & 0x22222222u;
  const uint32_t x2 = x & 0x44444444u;
  const uint32_t x3 = x & 0x88888888u;
  const uint32_t y0 = y & 0x11111111u;
  const uint32_t y1 = y & 0x22222222u;
  const uint32_t y2 = y & 0x44444444u;
  const uint32_t y3 = y & 0x88888888u;
  uint32_t z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
  uint32_t z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
  uint32_t z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
  uint32_t z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
  z0 &= 0x11111111u;
  z1 &= 0x22222222u;
  z2 &= 0x44444444u;
  z3 &= 0x88888888u;
  return z0 | z1 | z2 | z3;
}

inline uint32_t rev32(uint32_t x) noexcept {
  x = ((x & 0x55555555u) << 1) | ((x >> 1) & 0x55555555u);
  x = ((x & 0x33333333u) << 2) | ((x >> 2) & 0x33333333u);
  x = ((x & 0x0F0F0F0Fu) << 4) | ((x >> 4) & 0x0F0F0F0Fu);
  x = ((x & 0x00FF00FFu) << 8) | ((x >> 8) & 0x00FF00FFu);
  return (x << 16) | (x >> 16);
}

// Carry-less product of two 16-bit values (32-bit result) from nine ordinary 32x32->32 integer
// multiplications on operands with holes: each operand is split into three parts that keep
// every third bit (masks 0x9249, 0x2492, 0x4924). In one integer product of two such parts the
// set bits all land on positions of one residue class mod 3, at most six on any position, so
// the count at a position (< 8) stays within its three bits and never reaches the next kept
// bit: the kept bit is the carry-less one. hm[0..2] are the three parts of the other operand.
// m is the mask 0x49249249 and its two left shifts (Masks below): on 16-bit operands they are
// the three part masks, on the product the three residue classes.
struct Masks {
  uint32_t m0;
  uint32_t m1;
  uint32_t m2;
};

// The masks in registers (ARM cannot encode them as immediates: gcc would spend four BICs on
// each use); the barrier keeps gcc from folding them back into constants.
inline Masks make_masks() noexcept {
  const uint32_t m0 = ct::value_barrier(0x49249249u);
  return {m0, m0 << 1, m0 << 2};
}

inline uint32_t clmul16(uint32_t x, const uint32_t* hm, const Masks& m) noexcept {
  const uint32_t x0 = x & m.m0;
  const uint32_t x1 = x & m.m1;
  const uint32_t x2 = x & m.m2;
  const uint32_t h0 = hm[0];
  const uint32_t h1 = hm[1];
  const uint32_t h2 = hm[2];
  const uint32_t z0 = (x0 * h0) ^ (x1 * h2) ^ (x2 * h1);
  const uint32_t z1 = (x0 * h1) ^ (x1 * h0) ^ (x2 * h2);
  const uint32_t z2 = (x0 * h2) ^ (x1 * h1) ^ (x2 * h0);
  return (z0 & m.m0) | (z1 & m.m1) | (z2 & m.m2);
}

inline void split16(uint32_t* hm, uint32_t h) noexcept {
  hm[0] = h & 0x9249u;
  hm[1] = h & 0x2492u;
  hm[2] = h & 0x4924u;
}

// The nine Karatsuba operands of a 128-bit value a[0..3] (least significant word first).
inline void karatsuba_operands(uint32_t* x, const uint32_t* a) noexcept {
  x[0] = a[0];
  x[1] = a[1];
  x[2] = a[0] ^ a[1];
  x[3] = a[2];
  x[4] = a[3];
  x[5] = a[2] ^ a[3];
  x[6] = a[0] ^ a[2];
  x[7] = a[1] ^ a[3];
  x[8] = x[6] ^ x[7];
}

// The 81 multiplier words of H for clmul32 (below): for each of its nine Karatsuba operands,
// the low half, the high half and their sum, each split three ways.
constexpr size_t kHWords = 81;
void h_words(uint32_t* hm, const uint32_t* hx) noexcept {
  for (size_t i = 0; i < 9; i++) {
    const uint32_t lo = hx[i] & 0xFFFFu;
    const uint32_t hi = hx[i] >> 16;
    split16(hm + 9 * i, lo);
    split16(hm + 9 * i + 3, hi);
    split16(hm + 9 * i + 6, lo ^ hi);
  }
}

// 32x32 carry-less product (63 bits: *lo the low word, *hi the high one) by one more Karatsuba
// level over 16-bit halves; hm: the nine words of the other operand (h_words).
inline void clmul32(uint32_t* lo, uint32_t* hi, uint32_t x, const uint32_t* hm,
                    const Masks& m) noexcept {
  const uint32_t a = x & 0xFFFFu;
  const uint32_t b = x >> 16;
  const uint32_t p0 = clmul16(a, hm, m);
  const uint32_t p1 = clmul16(b, hm + 3, m);
  const uint32_t mid = clmul16(a ^ b, hm + 6, m) ^ p0 ^ p1;
  *lo = p0 ^ (mid << 16);
  *hi = p1 ^ (mid >> 16);
}

// 64x64 product from three 32x32 products (lo/hi halves at index b, b+1, b+2).
inline void combine64(uint32_t* r, const uint32_t* lo, const uint32_t* hi, size_t b) noexcept {
  const uint32_t mlo = lo[b + 2] ^ lo[b] ^ lo[b + 1];
  const uint32_t mhi = hi[b + 2] ^ hi[b] ^ hi[b + 1];
  r[0] = lo[b];
  r[1] = hi[b] ^ mlo;
  r[2] = lo[b + 1] ^ mhi;
  r[3] = hi[b + 1];
}

// Which 32x32 carry-less product the ct GHASH uses (both give the same result; both are
// compiled everywhere, one runs): on ARMv7 the every-fourth-bit products with bit reversal for
// the high half (bmul32, rev32) are the faster ones, elsewhere the 16-bit ones (clmul32).
// scripts/insn-count over a loop of petrel_ghash_blocks_ct on 4096-byte buffers, instructions
// per byte, bit-reversal form / 16-bit form: armhf (cortex-a7) 45.81 / 84.67, armel (arm926)
// 114.48 / 89.41, mipsel (24Kf) 92.51 / 67.11 (the former code, the bit-reversal form with its
// scratch wiped after every block: 68.39, 131.89, 118.53).
#if defined(__ARM_ARCH) && __ARM_ARCH >= 7
constexpr bool kGhashBitReverse = true;
#else
constexpr bool kGhashBitReverse = false;
#endif

// Scratch of gf_mul_ct, wiped once by its caller (not after every block).
struct GfScratch {
  uint32_t yx[9];
  uint32_t yxr[9];
  uint32_t lo[9];
  uint32_t hi[9];
  uint32_t z[8];
};

// y <- y * H in GF(2^128). y[0..3] is the block read big-endian, least significant word first;
// hx/hxr are the Karatsuba operands of H and their bit reversals, hm the multiplier words of H
// (h_words): the first two serve the bit-reversal products, the last the 16-bit ones.
inline void gf_mul_ct(uint32_t* y, const uint32_t* hx, const uint32_t* hxr, const uint32_t* hm,
                      const Masks& m, GfScratch& s) noexcept {
  karatsuba_operands(s.yx, y);
  if (kGhashBitReverse) {
    for (size_t i = 0; i < 9; i++) {
      s.yxr[i] = rev32(s.yx[i]);
    }
    for (size_t i = 0; i < 9; i++) {
      s.lo[i] = bmul32(s.yx[i], hx[i]);
      s.hi[i] = rev32(bmul32(s.yxr[i], hxr[i])) >> 1;
    }
  } else {
    for (size_t i = 0; i < 9; i++) {
      clmul32(&s.lo[i], &s.hi[i], s.yx[i], hm + 9 * i, m);
    }
  }
  uint32_t r0[4];
  uint32_t r2[4];
  uint32_t rm[4];
  combine64(r0, s.lo, s.hi, 0);
  combine64(r2, s.lo, s.hi, 3);
  combine64(rm, s.lo, s.hi, 6);
  uint32_t* z = s.z;
  for (size_t i = 0; i < 4; i++) {
    z[i] = r0[i];
    z[i + 4] = r2[i];
  }
  for (size_t i = 0; i < 4; i++) {
    z[i + 2] ^= rm[i] ^ r0[i] ^ r2[i];
  }
  // The reflected product sits one bit low: shift the 256-bit value left by one.
  for (size_t i = 7; i > 0; i--) {
    z[i] = (z[i] << 1) | (z[i - 1] >> 31);
  }
  z[0] <<= 1;
  // Reduce modulo x^128 + x^7 + x^2 + x + 1. The least significant words hold the highest
  // degrees; multiplying by x is a right shift in this representation.
  for (size_t j = 0; j < 4; j++) {
    const uint32_t lw = z[j];
    z[j + 4] ^= lw ^ (lw >> 1) ^ (lw >> 2) ^ (lw >> 7);
    z[j + 3] ^= (lw << 31) ^ (lw << 30) ^ (lw << 25);
  }
  for (size_t i = 0; i < 4; i++) {
    y[i] = z[i + 4];
  }
}

void ghash_ct(uint8_t* ybytes, const uint64_t* table, const uint8_t* data, size_t nblocks) noexcept {
  uint32_t hx[9];
  uint32_t hxr[9];
  for (size_t i = 0; i < 9; i++) {
    hx[i] = static_cast<uint32_t>(table[i]);
    hxr[i] = static_cast<uint32_t>(table[9 + i]);
  }
  uint32_t hm[kHWords] = {};
  if (!kGhashBitReverse) {
    h_words(hm, hx);
  }
  uint32_t y[4];
  for (size_t i = 0; i < 4; i++) {
    y[i] = load_be32(ybytes + 12 - 4 * i);
  }
  GfScratch scratch;
  const Masks m = make_masks();
  for (size_t b = 0; b < nblocks; b++) {
    const uint8_t* p = data + b * kAesBlockSize;
    for (size_t i = 0; i < 4; i++) {
      y[i] ^= load_be32(p + 12 - 4 * i);
    }
    gf_mul_ct(y, hx, hxr, hm, m, scratch);
  }
  for (size_t i = 0; i < 4; i++) {
    store_be32(ybytes + 12 - 4 * i, y[i]);
  }
  secure_wipe(hx, sizeof(hx));
  secure_wipe(hxr, sizeof(hxr));
  secure_wipe(hm, sizeof(hm));
  secure_wipe(y, sizeof(y));
  secure_wipe(&scratch, sizeof(scratch));
}

static_assert(18 <= AesGcm::kTableWords, "the ct GHASH operands must fit AesGcm");

void init_ct(uint64_t* table, const uint8_t* h) noexcept {
  uint32_t a[4];
  for (size_t i = 0; i < 4; i++) {
    a[i] = load_be32(h + 12 - 4 * i);
  }
  uint32_t hx[9];
  karatsuba_operands(hx, a);
  for (size_t i = 0; i < 9; i++) {
    table[i] = hx[i];
    table[9 + i] = rev32(hx[i]);
  }
  secure_wipe(a, sizeof(a));
  secure_wipe(hx, sizeof(hx));
}

}  // namespace
}  // namespace petrel

// ---- the extern "C" entry points (crypto/modes/gcm_internal.h) ------------------------------
extern "C" {
void petrel_ghash_init_ct(uint64_t* table, const uint8_t* h) noexcept { petrel::init_ct(table, h); }
void petrel_ghash_blocks_ct(uint8_t* y, const uint64_t* table, const uint8_t* data,
                            size_t nblocks) noexcept {
  petrel::ghash_ct(y, table, data, nblocks);
}
}  // extern "C"
