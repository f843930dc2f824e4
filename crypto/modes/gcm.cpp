// AES-GCM (NIST SP 800-38D): GCTR (6.5) with the 32-bit counter increment, GHASH (6.4), J0 for
// 96-bit IVs and for any other length (7.1 step 2), tags of 4 to 16 bytes (5.2.1.2).
//
// Two GHASH multipliers, variants of their own table (kGhash below, crypto/util/variant.h),
// chosen by name (AesGcm::init(key, impl)) or by default from the AES variant's constant-time
// flag (a constant-time AES gets the first constant-time GHASH, another the first available):
// - "ct": constant-time. Field elements are handled bit-reflected, as
//   128-bit integers read big-endian, so a carry-less integer product gives the reflected field
//   product shifted right by one bit. The 128x128 product uses three levels of Karatsuba (27
//   16x16 products); each 16x16 carry-less product is nine ordinary 32x32->32 integer
//   multiplications on operands with "holes" (only every third bit kept, so carries cannot
//   reach the next kept bit; the 32-bit result holds the whole product): 243 multiplications
//   per block. On ARMv7 (kGhashBitReverse) the two-level form is faster: nine 32x32 products
//   with every fourth bit kept, the low half directly and the high half on bit-reversed
//   operands (288 multiplications, 27 bit reversals; BearSSL ghash_ctmul32). Only 32-bit
//   results are used, so CPUs whose wide multiplies have data-dependent timing are not a
//   concern. No table, no branch on data.
// - "table4" (the default with the "table" AES): Shoup's 4-bit method, a 16-entry table of multiples of H and a
//   16-entry reduction table. Faster, NOT constant-time (table indices depend on the data and H).
//
// Tag comparison is constant-time. open() verifies the tag before decrypting anything; on
// failure it wipes out and returns Status::auth_failed.
#include "crypto/modes/gcm.h"

#include <cstring>

#include "crypto/cpu/cpu.h"
#include "crypto/modes/gcm_internal.h"
#include "crypto/util/build_config.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

// SP 800-38D 5.2.1.1: len(P) <= 2^39 - 256 bits.
constexpr uint64_t kMaxPlaintext = (uint64_t{1} << 36) - 32;

// ---- constant-time multiplier ----------------------------------------------------------------

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

// ---- Shoup 4-bit table multiplier --------------------------------------------------------------

// Reduction of the four bits shifted out by a 4-bit right shift: entry r is the sum, over the
// set bits b of r, of x^(128 + 3 - b) mod P, as the top 16 bits of a reflected element.
struct Last4 {
  uint16_t v[16] = {};
};
constexpr Last4 make_last4() {
  Last4 t;
  for (int r = 0; r < 16; r++) {
    uint16_t acc = 0;
    for (int b = 0; b < 4; b++) {
      if (((r >> b) & 1) != 0) {
        acc = static_cast<uint16_t>(acc ^ (0xE100 >> (3 - b)));
      }
    }
    t.v[r] = acc;
  }
  return t;
}
constexpr Last4 kLast4 = make_last4();

// table[0..15] = low halves, table[16..31] = high halves of i*H (i a 4-bit reflected index).
static_assert(2 * 16 <= AesGcm::kTableWords, "the 4-bit GHASH table must fit AesGcm");

void init_table(uint64_t* table, const uint8_t* h) noexcept {
  uint64_t* hl = table;
  uint64_t* hh = table + 16;
  uint64_t vh = load_be64(h);
  uint64_t vl = load_be64(h + 8);
  hh[8] = vh;
  hl[8] = vl;
  for (size_t i = 4; i > 0; i >>= 1) {
    // Multiply by x: a right shift, folding the dropped bit back with 0xE1.
    const uint64_t t = (vl & 1) * 0xE100000000000000ull;
    vl = (vh << 63) | (vl >> 1);
    vh = (vh >> 1) ^ t;
    hh[i] = vh;
    hl[i] = vl;
  }
  for (size_t i = 2; i <= 8; i *= 2) {
    for (size_t j = 1; j < i; j++) {
      hh[i + j] = hh[i] ^ hh[j];
      hl[i + j] = hl[i] ^ hl[j];
    }
  }
  hh[0] = 0;
  hl[0] = 0;
}

void gf_mul_table(uint8_t* x, const uint64_t* table) noexcept {
  const uint64_t* hl = table;
  const uint64_t* hh = table + 16;
  size_t lo = x[15] & 0xF;
  uint64_t zh = hh[lo];
  uint64_t zl = hl[lo];
  for (size_t n = 16; n-- > 0;) {
    lo = x[n] & 0xF;
    const size_t hi = (x[n] >> 4) & 0xF;
    if (n != 15) {
      const size_t rem = static_cast<size_t>(zl & 0xF);
      zl = (zh << 60) | (zl >> 4);
      zh = (zh >> 4) ^ (static_cast<uint64_t>(kLast4.v[rem]) << 48);
      zh ^= hh[lo];
      zl ^= hl[lo];
    }
    const size_t rem = static_cast<size_t>(zl & 0xF);
    zl = (zh << 60) | (zl >> 4);
    zh = (zh >> 4) ^ (static_cast<uint64_t>(kLast4.v[rem]) << 48);
    zh ^= hh[hi];
    zl ^= hl[hi];
  }
  store_be64(x, zh);
  store_be64(x + 8, zl);
}

void ghash_table(uint8_t* y, const uint64_t* table, const uint8_t* data, size_t nblocks) noexcept {
  for (size_t b = 0; b < nblocks; b++) {
    for (size_t i = 0; i < kAesBlockSize; i++) {
      y[i] ^= data[b * kAesBlockSize + i];
    }
    gf_mul_table(y, table);
  }
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
void petrel_ghash_init_table4(uint64_t* table, const uint8_t* h) noexcept {
  petrel::init_table(table, h);
}
void petrel_ghash_blocks_table4(uint8_t* y, const uint64_t* table, const uint8_t* data,
                                size_t nblocks) noexcept {
  petrel::ghash_table(y, table, data, nblocks);
}
}  // extern "C"

namespace petrel {
namespace {

using ghash_detail::GhashOps;

constexpr GhashOps kCtOps = {petrel_ghash_init_ct, petrel_ghash_blocks_ct};
constexpr GhashOps kTable4Ops = {petrel_ghash_init_table4, petrel_ghash_blocks_table4};
// A minimal build (PETREL_MINIMAL, crypto/util/build_config.h) keeps the constant-time one only.
constexpr const GhashOps* table4_ops() noexcept {
  return kBuildTableVariants ? &kTable4Ops : nullptr;
}

// The assembly rows: built where cmake/PetrelSources.cmake adds their folder (PETREL_ASM_*) and
// the compiler's target has their instructions (the guard at the top of the .S file); elsewhere
// a stub (nullptr ops), listed but not available.
#if defined(PETREL_ASM_ARM) && defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && \
    !defined(__ARMEB__)
constexpr GhashOps kArmv4Ops = {petrel_ghash_init_armv4, petrel_ghash_blocks_armv4};
constexpr const GhashOps* armv4_ops() noexcept { return &kArmv4Ops; }
// The constant-time ARM GHASH (the "ct" table, assembly blocks; same folder and guard).
constexpr GhashOps kArmv4CtOps = {petrel_ghash_init_ct, petrel_ghash_blocks_armv4_ct};
constexpr const GhashOps* armv4_ct_ops() noexcept { return &kArmv4CtOps; }
#else
constexpr const GhashOps* armv4_ops() noexcept { return nullptr; }
constexpr const GhashOps* armv4_ct_ops() noexcept { return nullptr; }
#endif
#if defined(PETREL_ASM_MIPS32R2) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && \
    __mips_isa_rev < 6 && defined(_ABIO32) && _MIPS_SIM == _ABIO32
constexpr GhashOps kMips32r2Ops = {petrel_ghash_init_mips32r2, petrel_ghash_blocks_mips32r2};
constexpr const GhashOps* mips32r2_ops() noexcept { return &kMips32r2Ops; }
#else
constexpr const GhashOps* mips32r2_ops() noexcept { return nullptr; }
#endif
#if defined(PETREL_ASM_ARM_NEON) && defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && \
    !defined(__ARMEB__)
constexpr GhashOps kArmv7NeonOps = {petrel_ghash_init_armv7_neon, petrel_ghash_blocks_armv7_neon};
constexpr const GhashOps* armv7_neon_ops() noexcept { return &kArmv7NeonOps; }
#else
constexpr const GhashOps* armv7_neon_ops() noexcept { return nullptr; }
#endif
bool neon_ok() { return cpu::arm_neon(); }

// The table: name, old name (none), constant-time, ops (nullptr: a stub), CPU check. Fastest
// first: the default takes the first available row (of the constant-time ones, for a
// constant-time AES).
constexpr Variant<GhashImpl, GhashOps> kGhash[] = {
    {GhashImpl::armv7_neon, "armv7-neon", nullptr, true, armv7_neon_ops(), neon_ok},
    {GhashImpl::armv4, "armv4", nullptr, false, armv4_ops(), nullptr},
    {GhashImpl::mips32r2, "mips32r2", nullptr, false, mips32r2_ops(), nullptr},
    {GhashImpl::table4, "table4", nullptr, false, table4_ops(), nullptr},
    // Before "ct": the default of a constant-time AES on ARM without NEON (armel). On ARMv7
    // the portable "ct" (bit-reversal form) costs fewer instructions, but there the NEON row
    // comes first wherever the CPU has NEON.
    {GhashImpl::armv4_ct, "armv4-ct", nullptr, true, armv4_ct_ops(), nullptr},
    {GhashImpl::ct, "ct", nullptr, true, &kCtOps, nullptr},
};

// ---- GHASH over byte strings and GCTR ------------------------------------------------------

struct Ghash {
  const uint64_t* table;
  const GhashOps* ops;
  uint8_t y[kAesBlockSize];

  void blocks(const uint8_t* data, size_t nblocks) noexcept { ops->blocks(y, table, data, nblocks); }
  // Absorbs data zero-padded to a whole number of blocks.
  void padded(const uint8_t* data, size_t len) noexcept {
    const size_t full = len / kAesBlockSize;
    if (full > 0) {
      blocks(data, full);
    }
    const size_t rest = len % kAesBlockSize;
    if (rest > 0) {
      uint8_t last[kAesBlockSize] = {};
      std::memcpy(last, data + full * kAesBlockSize, rest);
      blocks(last, 1);
      secure_wipe(last, sizeof(last));
    }
  }
  void lengths(uint64_t a_bytes, uint64_t c_bytes) noexcept {
    uint8_t block[kAesBlockSize];
    store_be64(block, a_bytes * 8);
    store_be64(block + 8, c_bytes * 8);
    blocks(block, 1);
  }
  void wipe() noexcept { secure_wipe(y, sizeof(y)); }
};

inline void inc32(uint8_t* counter) noexcept {
  store_be32(counter + 12, load_be32(counter + 12) + 1);
}

// GCTR from the counter block cb (already incremented past J0); in and out may be equal.
void gctr(const AesKey& key, uint8_t* cb, uint8_t* out, const uint8_t* in, size_t len) noexcept {
  // Whole blocks through the implementation's CTR32 loop (AesKey::ctr32_blocks: inc32 is its
  // counter), the partial last block through one keystream block.
  const size_t full = len / kAesBlockSize;
  key.ctr32_blocks(cb, out, in, full);
  const size_t rest = len - full * kAesBlockSize;
  if (rest > 0) {
    uint8_t ks[kAesBlockSize];
    key.encrypt_blocks(ks, cb, 1);
    inc32(cb);
    for (size_t i = 0; i < rest; i++) {
      out[full * kAesBlockSize + i] =
          static_cast<uint8_t>(in[full * kAesBlockSize + i] ^ ks[i]);
    }
    secure_wipe(ks, sizeof(ks));
  }
}

}  // namespace

AesGcm::~AesGcm() { clear(); }

void AesGcm::clear() noexcept {
  secure_wipe(m_table, sizeof(m_table));
  m_key = nullptr;
  m_ops = nullptr;
  m_impl = GhashImpl::ct;
}

const char* ghash_impl_name(GhashImpl impl) noexcept { return variant::name(kGhash, impl); }
bool ghash_impl_is_constant_time(GhashImpl impl) noexcept {
  return variant::is_constant_time(kGhash, impl);
}
bool ghash_impl_available(GhashImpl impl) noexcept { return variant::available(kGhash, impl); }
Status ghash_impl_from_name(GhashImpl* out, const char* name) noexcept {
  return variant::from_name(kGhash, out, name);
}
size_t ghash_impls_available(GhashImpl* out, size_t max) noexcept {
  return variant::list_available(kGhash, out, max);
}
size_t ghash_impls_listed(GhashImpl* out, size_t max) noexcept {
  return variant::list_all(kGhash, out, max);
}

GhashImpl ghash_default_for(AesImpl aes) noexcept {
  const bool want_ct = aes_impl_is_constant_time(aes);
  for (const auto& v : kGhash) {
    if (v.available() && (v.constant_time || !want_ct)) {
      return v.id;
    }
  }
  return GhashImpl::ct;  // unreachable: the portable "ct" row is in every build
}

Status AesGcm::init(const AesKey* key) noexcept {
  if (key == nullptr || !key->is_set()) {
    clear();
    return Status::invalid_argument;
  }
  return init(key, ghash_default_for(key->impl()));
}

Status AesGcm::init(const AesKey* key, GhashImpl impl) noexcept {
  clear();
  if (key == nullptr || !key->is_set()) {
    return Status::invalid_argument;
  }
  const GhashOps* ops = variant::ops(kGhash, impl);
  if (ops == nullptr) {
    return variant::find(kGhash, impl) != nullptr ? Status::not_available
                                                   : Status::invalid_argument;
  }
  uint8_t h[kAesBlockSize] = {};
  key->encrypt_blocks(h, h, 1);
  ops->init(m_table, h);
  secure_wipe(h, sizeof(h));
  m_ops = ops;
  m_impl = impl;
  m_key = key;
  return Status::ok;
}

const char* AesGcm::ghash_impl_name() const noexcept { return petrel::ghash_impl_name(m_impl); }

bool AesGcm::ghash_is_constant_time() const noexcept {
  return petrel::ghash_impl_is_constant_time(m_impl);
}

namespace {

// J0 (SP 800-38D 7.1 step 2).
void compute_j0(uint8_t* j0, const uint64_t* table, const GhashOps* ops, ByteView iv) noexcept {
  if (iv.size() == 12) {
    std::memcpy(j0, iv.data(), 12);
    store_be32(j0 + 12, 1);
    return;
  }
  Ghash g{table, ops, {}};
  g.padded(iv.data(), iv.size());
  g.lengths(0, iv.size());
  std::memcpy(j0, g.y, kAesBlockSize);
  g.wipe();
}

// The full 16-byte tag: E(K, J0) xor GHASH(A || C || lengths).
void compute_tag(uint8_t* tag, const AesKey& key, const uint64_t* table, const GhashOps* ops,
                 const uint8_t* j0, ByteView aad, const uint8_t* c, size_t c_len) noexcept {
  Ghash g{table, ops, {}};
  g.padded(aad.data(), aad.size());
  g.padded(c, c_len);
  g.lengths(aad.size(), c_len);
  key.encrypt_blocks(tag, j0, 1);
  for (size_t i = 0; i < kAesBlockSize; i++) {
    tag[i] ^= g.y[i];
  }
  g.wipe();
}

Status check_common(const AesKey* key, size_t tag_len, ByteView iv, ByteView aad, size_t in_len,
                    const uint8_t* in_data, size_t out_len) noexcept {
  if (key == nullptr) {
    return Status::invalid_argument;
  }
  if (tag_len < kGcmMinTagSize || tag_len > kGcmTagSize) {
    return Status::invalid_argument;
  }
  if (iv.empty() || iv.data() == nullptr) {
    return Status::bad_iv_length;
  }
  if (static_cast<uint64_t>(in_len) > kMaxPlaintext) {
    return Status::invalid_argument;
  }
  if (out_len < in_len) {
    return Status::buffer_too_small;
  }
  if ((in_len != 0 && in_data == nullptr) || (!aad.empty() && aad.data() == nullptr)) {
    return Status::invalid_argument;
  }
  return Status::ok;
}

}  // namespace

Status AesGcm::seal(MutableBytes out, MutableBytes tag, ByteView iv, ByteView aad,
                    ByteView pt) noexcept {
  Status s = check_common(m_key, tag.size(), iv, aad, pt.size(), pt.data(), out.size());
  if (s != Status::ok) {
    return s;
  }
  if (tag.data() == nullptr || (!pt.empty() && out.data() == nullptr)) {
    return Status::invalid_argument;
  }
  uint8_t j0[kAesBlockSize];
  uint8_t cb[kAesBlockSize];
  compute_j0(j0, m_table, m_ops, iv);
  std::memcpy(cb, j0, kAesBlockSize);
  inc32(cb);
  gctr(*m_key, cb, out.data(), pt.data(), pt.size());
  uint8_t full[kAesBlockSize];
  compute_tag(full, *m_key, m_table, m_ops, j0, aad, out.data(), pt.size());
  std::memcpy(tag.data(), full, tag.size());
  secure_wipe(full, sizeof(full));
  secure_wipe(j0, sizeof(j0));
  secure_wipe(cb, sizeof(cb));
  return Status::ok;
}

Status AesGcm::open(MutableBytes out, ByteView iv, ByteView aad, ByteView ct_in,
                    ByteView tag) noexcept {
  Status s = check_common(m_key, tag.size(), iv, aad, ct_in.size(), ct_in.data(), out.size());
  if (s != Status::ok) {
    return s;
  }
  if (tag.data() == nullptr || (!ct_in.empty() && out.data() == nullptr)) {
    return Status::invalid_argument;
  }
  uint8_t j0[kAesBlockSize];
  uint8_t full[kAesBlockSize];
  compute_j0(j0, m_table, m_ops, iv);
  // Authenticate first: no plaintext is produced unless the tag verifies.
  compute_tag(full, *m_key, m_table, m_ops, j0, aad, ct_in.data(), ct_in.size());
  uint32_t good = ct::mem_eq_mask(full, tag.data(), tag.size());
  secure_wipe(full, sizeof(full));
  // The verdict is public: declassify it for the valgrind constant-time check, then branch.
  CT_UNPOISON(&good, sizeof(good));
  if (good == 0) {
    secure_wipe(j0, sizeof(j0));
    secure_wipe(out.data(), out.size());
    return Status::auth_failed;
  }
  uint8_t cb[kAesBlockSize];
  std::memcpy(cb, j0, kAesBlockSize);
  inc32(cb);
  gctr(*m_key, cb, out.data(), ct_in.data(), ct_in.size());
  secure_wipe(j0, sizeof(j0));
  secure_wipe(cb, sizeof(cb));
  return Status::ok;
}

}  // namespace petrel
