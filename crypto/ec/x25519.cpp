// X25519 (RFC 7748 section 5): the Montgomery ladder over GF(2^255 - 19) in two field
// representations, and the table of implementations.
//
// fe32: 10 signed 32-bit limbs of alternately 26 and 25 bits (limb i has weight
// 2^ceil(25.5 i)), products in int64_t: the representation of ref10 (Bernstein, Duif, Lange,
// Schwabe, Yang) as used by SUPERCOP, Monocypher and BoringSSL's 32-bit path. fe64: 5 unsigned
// limbs of 51 bits with unsigned __int128 products (curve25519-donna-c64 style).
// Both are constant-time: straight-line arithmetic, a mask-driven conditional swap, a fixed
// exponentiation for the inversion and a mask-driven final reduction.
#include "crypto/ec/x25519.h"

#include <cstring>

#include "crypto/ec/x25519_internal.h"

#include "crypto/rand/rng.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

// ---- fe32: 10 limbs, 26/25 bits ---------------------------------------------------------------
// Bounds (ref10): a carried element has |limb| <= 2^25 (even limbs) and 2^24 (odd limbs), plus a
// little; mul() and sq() accept the sum or difference of two carried elements, and every
// product below then fits an int32_t factor and an int64_t sum.
struct Fe32 {
  int32_t v[10];

  static constexpr int kWidth[10] = {26, 25, 26, 25, 26, 25, 26, 25, 26, 25};

  static void zero(Fe32& h) noexcept {
    for (int32_t& x : h.v) {
      x = 0;
    }
  }
  static void one(Fe32& h) noexcept {
    zero(h);
    h.v[0] = 1;
  }
  static void copy(Fe32& h, const Fe32& f) noexcept { h = f; }
  static void add(Fe32& h, const Fe32& f, const Fe32& g) noexcept {
    for (int i = 0; i < 10; i++) {
      h.v[i] = f.v[i] + g.v[i];
    }
  }
  static void sub(Fe32& h, const Fe32& f, const Fe32& g) noexcept {
    for (int i = 0; i < 10; i++) {
      h.v[i] = f.v[i] - g.v[i];
    }
  }
  // Swaps f and g if mask is all-ones, leaves them if it is zero.
  static void cswap(Fe32& f, Fe32& g, uint32_t mask) noexcept {
    for (int i = 0; i < 10; i++) {
      const uint32_t x = mask & (static_cast<uint32_t>(f.v[i]) ^ static_cast<uint32_t>(g.v[i]));
      f.v[i] = static_cast<int32_t>(static_cast<uint32_t>(f.v[i]) ^ x);
      g.v[i] = static_cast<int32_t>(static_cast<uint32_t>(g.v[i]) ^ x);
    }
  }

  // Reduces the 64-bit column sums t[0..9] to a carried element. Carries round to nearest
  // (limbs centred on zero); the carry out of limb 9 wraps to limb 0 times 19 (2^255 = 19).
  static void carry(Fe32& h, int64_t* t) noexcept {
    int64_t c;
    c = (t[0] + (int64_t{1} << 25)) >> 26;
    t[1] += c;
    t[0] -= c * (int64_t{1} << 26);
    c = (t[4] + (int64_t{1} << 25)) >> 26;
    t[5] += c;
    t[4] -= c * (int64_t{1} << 26);
    c = (t[1] + (int64_t{1} << 24)) >> 25;
    t[2] += c;
    t[1] -= c * (int64_t{1} << 25);
    c = (t[5] + (int64_t{1} << 24)) >> 25;
    t[6] += c;
    t[5] -= c * (int64_t{1} << 25);
    c = (t[2] + (int64_t{1} << 25)) >> 26;
    t[3] += c;
    t[2] -= c * (int64_t{1} << 26);
    c = (t[6] + (int64_t{1} << 25)) >> 26;
    t[7] += c;
    t[6] -= c * (int64_t{1} << 26);
    c = (t[3] + (int64_t{1} << 24)) >> 25;
    t[4] += c;
    t[3] -= c * (int64_t{1} << 25);
    c = (t[7] + (int64_t{1} << 24)) >> 25;
    t[8] += c;
    t[7] -= c * (int64_t{1} << 25);
    c = (t[4] + (int64_t{1} << 25)) >> 26;
    t[5] += c;
    t[4] -= c * (int64_t{1} << 26);
    c = (t[8] + (int64_t{1} << 25)) >> 26;
    t[9] += c;
    t[8] -= c * (int64_t{1} << 26);
    c = (t[9] + (int64_t{1} << 24)) >> 25;
    t[0] += c * 19;
    t[9] -= c * (int64_t{1} << 25);
    c = (t[0] + (int64_t{1} << 25)) >> 26;
    t[1] += c;
    t[0] -= c * (int64_t{1} << 26);
    for (int i = 0; i < 10; i++) {
      h.v[i] = static_cast<int32_t>(t[i]);
    }
  }

  // Column k collects f_i g_j with i + j = k (mod 10): times 19 when i + j >= 10, times 2 when i
  // and j are both odd (two 25-bit limbs: their weights add up to one bit more than limb k's).
  static void mul(Fe32& h, const Fe32& f, const Fe32& g) noexcept {
    const int32_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
    const int32_t f5 = f.v[5], f6 = f.v[6], f7 = f.v[7], f8 = f.v[8], f9 = f.v[9];
    const int32_t g0 = g.v[0], g1 = g.v[1], g2 = g.v[2], g3 = g.v[3], g4 = g.v[4];
    const int32_t g5 = g.v[5], g6 = g.v[6], g7 = g.v[7], g8 = g.v[8], g9 = g.v[9];
    const int32_t f1_2 = 2 * f1, f3_2 = 2 * f3, f5_2 = 2 * f5, f7_2 = 2 * f7, f9_2 = 2 * f9;
    const int32_t g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4;
    const int32_t g5_19 = 19 * g5, g6_19 = 19 * g6, g7_19 = 19 * g7, g8_19 = 19 * g8;
    const int32_t g9_19 = 19 * g9;
    int64_t t0 = f0 * int64_t{g0} + f1_2 * int64_t{g9_19} + f2 * int64_t{g8_19} + f3_2 * int64_t{g7_19} + f4 * int64_t{g6_19} + f5_2 * int64_t{g5_19} + f6 * int64_t{g4_19} + f7_2 * int64_t{g3_19} + f8 * int64_t{g2_19} + f9_2 * int64_t{g1_19};
    int64_t t1 = f0 * int64_t{g1} + f1 * int64_t{g0} + f2 * int64_t{g9_19} + f3 * int64_t{g8_19} + f4 * int64_t{g7_19} + f5 * int64_t{g6_19} + f6 * int64_t{g5_19} + f7 * int64_t{g4_19} + f8 * int64_t{g3_19} + f9 * int64_t{g2_19};
    int64_t t2 = f0 * int64_t{g2} + f1_2 * int64_t{g1} + f2 * int64_t{g0} + f3_2 * int64_t{g9_19} + f4 * int64_t{g8_19} + f5_2 * int64_t{g7_19} + f6 * int64_t{g6_19} + f7_2 * int64_t{g5_19} + f8 * int64_t{g4_19} + f9_2 * int64_t{g3_19};
    int64_t t3 = f0 * int64_t{g3} + f1 * int64_t{g2} + f2 * int64_t{g1} + f3 * int64_t{g0} + f4 * int64_t{g9_19} + f5 * int64_t{g8_19} + f6 * int64_t{g7_19} + f7 * int64_t{g6_19} + f8 * int64_t{g5_19} + f9 * int64_t{g4_19};
    int64_t t4 = f0 * int64_t{g4} + f1_2 * int64_t{g3} + f2 * int64_t{g2} + f3_2 * int64_t{g1} + f4 * int64_t{g0} + f5_2 * int64_t{g9_19} + f6 * int64_t{g8_19} + f7_2 * int64_t{g7_19} + f8 * int64_t{g6_19} + f9_2 * int64_t{g5_19};
    int64_t t5 = f0 * int64_t{g5} + f1 * int64_t{g4} + f2 * int64_t{g3} + f3 * int64_t{g2} + f4 * int64_t{g1} + f5 * int64_t{g0} + f6 * int64_t{g9_19} + f7 * int64_t{g8_19} + f8 * int64_t{g7_19} + f9 * int64_t{g6_19};
    int64_t t6 = f0 * int64_t{g6} + f1_2 * int64_t{g5} + f2 * int64_t{g4} + f3_2 * int64_t{g3} + f4 * int64_t{g2} + f5_2 * int64_t{g1} + f6 * int64_t{g0} + f7_2 * int64_t{g9_19} + f8 * int64_t{g8_19} + f9_2 * int64_t{g7_19};
    int64_t t7 = f0 * int64_t{g7} + f1 * int64_t{g6} + f2 * int64_t{g5} + f3 * int64_t{g4} + f4 * int64_t{g3} + f5 * int64_t{g2} + f6 * int64_t{g1} + f7 * int64_t{g0} + f8 * int64_t{g9_19} + f9 * int64_t{g8_19};
    int64_t t8 = f0 * int64_t{g8} + f1_2 * int64_t{g7} + f2 * int64_t{g6} + f3_2 * int64_t{g5} + f4 * int64_t{g4} + f5_2 * int64_t{g3} + f6 * int64_t{g2} + f7_2 * int64_t{g1} + f8 * int64_t{g0} + f9_2 * int64_t{g9_19};
    int64_t t9 = f0 * int64_t{g9} + f1 * int64_t{g8} + f2 * int64_t{g7} + f3 * int64_t{g6} + f4 * int64_t{g5} + f5 * int64_t{g4} + f6 * int64_t{g3} + f7 * int64_t{g2} + f8 * int64_t{g1} + f9 * int64_t{g0};
    int64_t t[10] = {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9};
    carry(h, t);
  }

  static void sq(Fe32& h, const Fe32& f) noexcept {
    const int32_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
    const int32_t f5 = f.v[5], f6 = f.v[6], f7 = f.v[7], f8 = f.v[8], f9 = f.v[9];
    const int32_t f0_2 = 2 * f0, f1_2 = 2 * f1, f2_2 = 2 * f2, f3_2 = 2 * f3, f4_2 = 2 * f4;
    const int32_t f5_2 = 2 * f5, f6_2 = 2 * f6, f7_2 = 2 * f7, f8_2 = 2 * f8;
    const int32_t f5_38 = 38 * f5, f7_38 = 38 * f7, f9_38 = 38 * f9;
    const int32_t f6_19 = 19 * f6, f7_19 = 19 * f7, f8_19 = 19 * f8, f9_19 = 19 * f9;
    int64_t t0 = f0 * int64_t{f0} + f1_2 * int64_t{f9_38} + f2_2 * int64_t{f8_19} + f3_2 * int64_t{f7_38} + f4_2 * int64_t{f6_19} + f5 * int64_t{f5_38};
    int64_t t1 = f0_2 * int64_t{f1} + f2_2 * int64_t{f9_19} + f3_2 * int64_t{f8_19} + f4_2 * int64_t{f7_19} + f5_2 * int64_t{f6_19};
    int64_t t2 = f0_2 * int64_t{f2} + f1 * int64_t{f1_2} + f3_2 * int64_t{f9_38} + f4_2 * int64_t{f8_19} + f5_2 * int64_t{f7_38} + f6 * int64_t{f6_19};
    int64_t t3 = f0_2 * int64_t{f3} + f1_2 * int64_t{f2} + f4_2 * int64_t{f9_19} + f5_2 * int64_t{f8_19} + f6_2 * int64_t{f7_19};
    int64_t t4 = f0_2 * int64_t{f4} + f1_2 * int64_t{f3_2} + f2 * int64_t{f2} + f5_2 * int64_t{f9_38} + f6_2 * int64_t{f8_19} + f7 * int64_t{f7_38};
    int64_t t5 = f0_2 * int64_t{f5} + f1_2 * int64_t{f4} + f2_2 * int64_t{f3} + f6_2 * int64_t{f9_19} + f7_2 * int64_t{f8_19};
    int64_t t6 = f0_2 * int64_t{f6} + f1_2 * int64_t{f5_2} + f2_2 * int64_t{f4} + f3 * int64_t{f3_2} + f7_2 * int64_t{f9_38} + f8 * int64_t{f8_19};
    int64_t t7 = f0_2 * int64_t{f7} + f1_2 * int64_t{f6} + f2_2 * int64_t{f5} + f3_2 * int64_t{f4} + f8_2 * int64_t{f9_19};
    int64_t t8 = f0_2 * int64_t{f8} + f1_2 * int64_t{f7_2} + f2_2 * int64_t{f6} + f3_2 * int64_t{f5_2} + f4 * int64_t{f4} + f9 * int64_t{f9_38};
    int64_t t9 = f0_2 * int64_t{f9} + f1_2 * int64_t{f8} + f2_2 * int64_t{f7} + f3_2 * int64_t{f6} + f4_2 * int64_t{f5};
    int64_t t[10] = {t0, t1, t2, t3, t4, t5, t6, t7, t8, t9};
    carry(h, t);
  }

  // h = f * 121665 (a24 of RFC 7748 section 5).
  static void mul_a24(Fe32& h, const Fe32& f) noexcept {
    int64_t t[10];
    for (int i = 0; i < 10; i++) {
      t[i] = int64_t{f.v[i]} * 121665;
    }
    carry(h, t);
  }

  // 255 bits, little-endian; the top bit is ignored (section 5).
  static void from_bytes(Fe32& h, const uint8_t* s) noexcept {
    uint64_t acc = 0;
    int bits = 0;
    size_t pos = 0;
    for (int i = 0; i < 10; i++) {
      while (bits < kWidth[i]) {
        acc |= uint64_t{s[pos]} << bits;
        pos++;
        bits += 8;
      }
      h.v[i] = static_cast<int32_t>(acc & ((uint64_t{1} << kWidth[i]) - 1));
      acc >>= kWidth[i];
      bits -= kWidth[i];
    }
  }

  // The canonical encoding (value mod p, 0 <= x < p), 32 bytes little-endian.
  static void to_bytes(uint8_t* s, const Fe32& f) noexcept {
    int32_t h[10];
    for (int i = 0; i < 10; i++) {
      h[i] = f.v[i];
    }
    // q = floor(h / p), 0 or 1 for a carried h (ref10 fe_tobytes).
    int32_t q = (19 * h[9] + (int32_t{1} << 24)) >> 25;
    for (int i = 0; i < 10; i++) {
      q = (h[i] + q) >> kWidth[i];
    }
    h[0] += 19 * q;  // h - q p, once the carry out of limb 9 (q 2^255) is dropped
    for (int i = 0; i < 9; i++) {
      const int32_t c = h[i] >> kWidth[i];
      h[i + 1] += c;
      h[i] -= c * (int32_t{1} << kWidth[i]);
    }
    h[9] &= (int32_t{1} << 25) - 1;
    uint64_t acc = 0;
    int bits = 0;
    size_t pos = 0;
    for (int i = 0; i < 10; i++) {
      acc |= uint64_t{static_cast<uint32_t>(h[i])} << bits;
      bits += kWidth[i];
      while (bits >= 8) {
        s[pos++] = static_cast<uint8_t>(acc);
        acc >>= 8;
        bits -= 8;
      }
    }
    s[pos] = static_cast<uint8_t>(acc);  // the last 7 bits
    secure_wipe(h, sizeof(h));
  }
};

// ---- fe64: 5 limbs of 51 bits -----------------------------------------------------------------
#if defined(__SIZEOF_INT128__) && UINTPTR_MAX > 0xffffffffu
#define PETREL_X25519_FE64 1
using u128 = unsigned __int128;
constexpr uint64_t kM51 = (uint64_t{1} << 51) - 1;

// A carried element has limbs < 2^51 + 2^13; add() and sub() outputs (< 2^54) may go into
// mul() and sq(), whose column sums then stay below 2^116.
struct Fe64 {
  uint64_t v[5];

  static void zero(Fe64& h) noexcept {
    for (uint64_t& x : h.v) {
      x = 0;
    }
  }
  static void one(Fe64& h) noexcept {
    zero(h);
    h.v[0] = 1;
  }
  static void copy(Fe64& h, const Fe64& f) noexcept { h = f; }
  static void add(Fe64& h, const Fe64& f, const Fe64& g) noexcept {
    for (int i = 0; i < 5; i++) {
      h.v[i] = f.v[i] + g.v[i];
    }
  }
  // h = f + 4p - g; g carried.
  static void sub(Fe64& h, const Fe64& f, const Fe64& g) noexcept {
    h.v[0] = f.v[0] + 0x1fffffffffffb4ull - g.v[0];
    for (int i = 1; i < 5; i++) {
      h.v[i] = f.v[i] + 0x1ffffffffffffcull - g.v[i];
    }
  }
  static void cswap(Fe64& f, Fe64& g, uint32_t mask) noexcept {
    const uint64_t m = uint64_t{0} - (mask & 1u);
    for (int i = 0; i < 5; i++) {
      const uint64_t x = m & (f.v[i] ^ g.v[i]);
      f.v[i] ^= x;
      g.v[i] ^= x;
    }
  }

  static void carry(Fe64& h, u128* t) noexcept {
    for (int i = 0; i < 4; i++) {
      t[i + 1] += t[i] >> 51;
      t[i] &= kM51;
    }
    u128 r0 = t[0] + (t[4] >> 51) * 19;
    t[4] &= kM51;
    h.v[0] = static_cast<uint64_t>(r0) & kM51;
    h.v[1] = static_cast<uint64_t>(t[1]) + static_cast<uint64_t>(r0 >> 51);
    h.v[2] = static_cast<uint64_t>(t[2]);
    h.v[3] = static_cast<uint64_t>(t[3]);
    h.v[4] = static_cast<uint64_t>(t[4]);
  }

  static void mul(Fe64& h, const Fe64& f, const Fe64& g) noexcept {
    const uint64_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
    const uint64_t g0 = g.v[0], g1 = g.v[1], g2 = g.v[2], g3 = g.v[3], g4 = g.v[4];
    const uint64_t g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4;
    u128 t[5];
    t[0] = u128{f0} * g0 + u128{f1} * g4_19 + u128{f2} * g3_19 + u128{f3} * g2_19 + u128{f4} * g1_19;
    t[1] = u128{f0} * g1 + u128{f1} * g0 + u128{f2} * g4_19 + u128{f3} * g3_19 + u128{f4} * g2_19;
    t[2] = u128{f0} * g2 + u128{f1} * g1 + u128{f2} * g0 + u128{f3} * g4_19 + u128{f4} * g3_19;
    t[3] = u128{f0} * g3 + u128{f1} * g2 + u128{f2} * g1 + u128{f3} * g0 + u128{f4} * g4_19;
    t[4] = u128{f0} * g4 + u128{f1} * g3 + u128{f2} * g2 + u128{f3} * g1 + u128{f4} * g0;
    carry(h, t);
  }

  static void sq(Fe64& h, const Fe64& f) noexcept {
    const uint64_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
    const uint64_t f0_2 = 2 * f0, f1_2 = 2 * f1;
    const uint64_t f1_38 = 38 * f1, f2_38 = 38 * f2, f3_38 = 38 * f3;
    const uint64_t f3_19 = 19 * f3, f4_19 = 19 * f4;
    u128 t[5];
    t[0] = u128{f0} * f0 + u128{f1_38} * f4 + u128{f2_38} * f3;
    t[1] = u128{f0_2} * f1 + u128{f2_38} * f4 + u128{f3_19} * f3;
    t[2] = u128{f0_2} * f2 + u128{f1} * f1 + u128{f3_38} * f4;
    t[3] = u128{f0_2} * f3 + u128{f1_2} * f2 + u128{f4_19} * f4;
    t[4] = u128{f0_2} * f4 + u128{f1_2} * f3 + u128{f2} * f2;
    carry(h, t);
  }

  static void mul_a24(Fe64& h, const Fe64& f) noexcept {
    u128 t[5];
    for (int i = 0; i < 5; i++) {
      t[i] = u128{f.v[i]} * 121665;
    }
    carry(h, t);
  }

  static void from_bytes(Fe64& h, const uint8_t* s) noexcept {
    const uint64_t w0 = load_le64(s), w1 = load_le64(s + 8), w2 = load_le64(s + 16),
                   w3 = load_le64(s + 24);
    h.v[0] = w0 & kM51;
    h.v[1] = ((w0 >> 51) | (w1 << 13)) & kM51;
    h.v[2] = ((w1 >> 38) | (w2 << 26)) & kM51;
    h.v[3] = ((w2 >> 25) | (w3 << 39)) & kM51;
    h.v[4] = (w3 >> 12) & kM51;  // bit 255 dropped
  }

  static void to_bytes(uint8_t* s, const Fe64& f) noexcept {
    uint64_t h[5];
    for (int i = 0; i < 5; i++) {
      h[i] = f.v[i];
    }
    // Two carry passes: limbs < 2^51, value < 2^255 + 19 * small.
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < 4; i++) {
        h[i + 1] += h[i] >> 51;
        h[i] &= kM51;
      }
      h[0] += (h[4] >> 51) * 19;
      h[4] &= kM51;
    }
    // q = 1 iff h >= p: the carry out of h + 19.
    uint64_t q = (h[0] + 19) >> 51;
    for (int i = 1; i < 5; i++) {
      q = (h[i] + q) >> 51;
    }
    h[0] += 19 * q;
    for (int i = 0; i < 4; i++) {
      h[i + 1] += h[i] >> 51;
      h[i] &= kM51;
    }
    h[4] &= kM51;  // drops q 2^255
    store_le64(s, h[0] | (h[1] << 51));
    store_le64(s + 8, (h[1] >> 13) | (h[2] << 38));
    store_le64(s + 16, (h[2] >> 26) | (h[3] << 25));
    store_le64(s + 24, (h[3] >> 39) | (h[4] << 12));
    secure_wipe(h, sizeof(h));
  }
};
#endif

// ---- armv6: 8 words of 32 bits, the multiply in assembly ---------------------------------------
// An element is any 8-word little-endian value below 2^256 (congruent mod p, not reduced); the
// multiply (crypto/ec/arm/x25519_armv6.S, UMAAL) keeps that bound, and so do add, sub and
// mul_a24 here, by folding the carry (2^256 = 38 mod p) until it is gone: at most twice, and the
// second fold cannot carry again (the value below it is then small). Constant-time: straight-line
// code and masks, as fe32 and fe64.
#if defined(PETREL_X25519_ARMV6)
struct FeArmv6 {
  uint32_t v[8];

  static void zero(FeArmv6& h) noexcept {
    for (uint32_t& x : h.v) {
      x = 0;
    }
  }
  static void one(FeArmv6& h) noexcept {
    zero(h);
    h.v[0] = 1;
  }
  static void copy(FeArmv6& h, const FeArmv6& f) noexcept { h = f; }
  // h = t + c 2^256 reduced below 2^256: c * 38 added, then a second carry's 38.
  static void fold(FeArmv6& h, const uint32_t* t, uint64_t c) noexcept {
    c *= 38;
    for (int i = 0; i < 8; i++) {
      c += t[i];
      h.v[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    h.v[0] += static_cast<uint32_t>(c) * 38u;  // c is 0 or 1; h.v[0] is then below 38 * 40
  }
  static void add(FeArmv6& h, const FeArmv6& f, const FeArmv6& g) noexcept {
    uint32_t t[8];
    uint64_t c = 0;
    for (int i = 0; i < 8; i++) {
      c += uint64_t{f.v[i]} + g.v[i];
      t[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    fold(h, t, c);
  }
  // h = f - g: a borrow out of the top means 2^256 was added, so 38 is taken off (twice at most).
  static void sub(FeArmv6& h, const FeArmv6& f, const FeArmv6& g) noexcept {
    uint32_t t[8];
    uint32_t borrow = 0;
    for (int i = 0; i < 8; i++) {
      const uint64_t d = uint64_t{f.v[i]} - g.v[i] - borrow;
      t[i] = static_cast<uint32_t>(d);
      borrow = static_cast<uint32_t>(d >> 32) & 1u;
    }
    uint64_t d = uint64_t{t[0]} - borrow * 38u;
    h.v[0] = static_cast<uint32_t>(d);
    borrow = static_cast<uint32_t>(d >> 32) & 1u;
    for (int i = 1; i < 8; i++) {
      d = uint64_t{t[i]} - borrow;
      h.v[i] = static_cast<uint32_t>(d);
      borrow = static_cast<uint32_t>(d >> 32) & 1u;
    }
    h.v[0] -= borrow * 38u;  // then h is at least 2^256 - 38 * 2: no borrow
  }
  static void cswap(FeArmv6& f, FeArmv6& g, uint32_t mask) noexcept {
    for (int i = 0; i < 8; i++) {
      const uint32_t x = mask & (f.v[i] ^ g.v[i]);
      f.v[i] ^= x;
      g.v[i] ^= x;
    }
  }
  static void mul(FeArmv6& h, const FeArmv6& f, const FeArmv6& g) noexcept {
    petrel_fe25519_mul_armv6(h.v, f.v, g.v);
  }
  static void sq(FeArmv6& h, const FeArmv6& f) noexcept { petrel_fe25519_mul_armv6(h.v, f.v, f.v); }
  static void mul_a24(FeArmv6& h, const FeArmv6& f) noexcept {
    uint32_t t[8];
    uint64_t c = 0;
    for (int i = 0; i < 8; i++) {
      c += uint64_t{f.v[i]} * 121665u;
      t[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    fold(h, t, c);
  }
  // 255 bits, little-endian; the top bit is ignored (section 5).
  static void from_bytes(FeArmv6& h, const uint8_t* s) noexcept {
    for (int i = 0; i < 8; i++) {
      h.v[i] = load_le32(s + 4 * i);
    }
    h.v[7] &= 0x7fffffffu;
  }
  // The canonical encoding: bit 255 folded (19 per 2^255), then p subtracted if h >= p
  // (h + 19 >= 2^255), by a mask.
  static void to_bytes(uint8_t* s, const FeArmv6& f) noexcept {
    uint32_t h[8], g[8];
    uint64_t c = uint64_t{f.v[7] >> 31} * 19u;
    for (int i = 0; i < 8; i++) {
      c += i == 7 ? (f.v[7] & 0x7fffffffu) : f.v[i];
      h[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    c = 19;
    for (int i = 0; i < 8; i++) {
      c += h[i];
      g[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    const uint32_t mask = 0u - (g[7] >> 31);  // all ones when h >= p
    g[7] &= 0x7fffffffu;
    for (int i = 0; i < 8; i++) {
      store_le32(s + 4 * i, (g[i] & mask) | (h[i] & ~mask));
    }
    secure_wipe(h, sizeof(h));
    secure_wipe(g, sizeof(g));
  }
};
#endif

// ---- the ladder (RFC 7748 section 5) ----------------------------------------------------------
template <typename Fe>
void sq_n(Fe& h, const Fe& f, int n) noexcept {
  Fe::sq(h, f);
  for (int i = 1; i < n; i++) {
    Fe::sq(h, h);
  }
}

// out = z^(p - 2) = 1/z (0 for z = 0), by the fixed addition chain of ref10.
template <typename Fe>
void invert(Fe& out, const Fe& z) noexcept {
  Fe t0, t1, t2, t3;
  Fe::sq(t0, z);             // z^2
  sq_n(t1, t0, 2);           // z^8
  Fe::mul(t1, z, t1);        // z^9
  Fe::mul(t0, t0, t1);       // z^11
  Fe::sq(t2, t0);            // z^22
  Fe::mul(t1, t1, t2);       // z^(2^5 - 1)
  sq_n(t2, t1, 5);
  Fe::mul(t1, t2, t1);       // z^(2^10 - 1)
  sq_n(t2, t1, 10);
  Fe::mul(t2, t2, t1);       // z^(2^20 - 1)
  sq_n(t3, t2, 20);
  Fe::mul(t2, t3, t2);       // z^(2^40 - 1)
  sq_n(t2, t2, 10);
  Fe::mul(t1, t2, t1);       // z^(2^50 - 1)
  sq_n(t2, t1, 50);
  Fe::mul(t2, t2, t1);       // z^(2^100 - 1)
  sq_n(t3, t2, 100);
  Fe::mul(t2, t3, t2);       // z^(2^200 - 1)
  sq_n(t2, t2, 50);
  Fe::mul(t1, t2, t1);       // z^(2^250 - 1)
  sq_n(t1, t1, 5);           // z^(2^255 - 2^5)
  Fe::mul(out, t1, t0);      // z^(2^255 - 21) = z^(p - 2)
  secure_wipe(&t0, sizeof(t0));
  secure_wipe(&t1, sizeof(t1));
  secure_wipe(&t2, sizeof(t2));
  secure_wipe(&t3, sizeof(t3));
}

// k: the clamped scalar; u: the peer's u-coordinate (32 bytes).
template <typename Fe>
void ladder(uint8_t out[32], const uint8_t k[32], const uint8_t u[32]) noexcept {
  Fe x1, x2, z2, x3, z3;
  Fe a, aa, b, bb, e, c, d, da, cb, t;
  Fe::from_bytes(x1, u);
  Fe::one(x2);
  Fe::zero(z2);
  Fe::copy(x3, x1);
  Fe::one(z3);
  uint32_t swap = 0;
  for (int pos = 254; pos >= 0; pos--) {
    const uint32_t bit = (k[pos >> 3] >> (pos & 7)) & 1u;
    swap ^= bit;
    const uint32_t mask = 0u - swap;
    Fe::cswap(x2, x3, mask);
    Fe::cswap(z2, z3, mask);
    swap = bit;
    Fe::add(a, x2, z2);     // A = x_2 + z_2
    Fe::sq(aa, a);          // AA = A^2
    Fe::sub(b, x2, z2);     // B = x_2 - z_2
    Fe::sq(bb, b);          // BB = B^2
    Fe::sub(e, aa, bb);     // E = AA - BB
    Fe::add(c, x3, z3);     // C = x_3 + z_3
    Fe::sub(d, x3, z3);     // D = x_3 - z_3
    Fe::mul(da, d, a);      // DA = D * A
    Fe::mul(cb, c, b);      // CB = C * B
    Fe::add(t, da, cb);
    Fe::sq(x3, t);          // x_3 = (DA + CB)^2
    Fe::sub(t, da, cb);
    Fe::sq(t, t);
    Fe::mul(z3, x1, t);     // z_3 = x_1 * (DA - CB)^2
    Fe::mul(x2, aa, bb);    // x_2 = AA * BB
    Fe::mul_a24(t, e);
    Fe::add(t, aa, t);
    Fe::mul(z2, e, t);      // z_2 = E * (AA + a24 * E)
  }
  const uint32_t mask = 0u - swap;
  Fe::cswap(x2, x3, mask);
  Fe::cswap(z2, z3, mask);
  invert(t, z2);
  Fe::mul(x2, x2, t);
  Fe::to_bytes(out, x2);
  Fe* all[] = {&x1, &x2, &z2, &x3, &z3, &a, &aa, &b, &bb, &e, &c, &d, &da, &cb, &t};
  for (Fe* f : all) {
    secure_wipe(f, sizeof(*f));
  }
  secure_wipe(&swap, sizeof(swap));
}

using x25519_detail::LadderOps;

constexpr LadderOps kFe32Ops = {petrel_x25519_ladder_fe32};
#if defined(PETREL_X25519_FE64)
constexpr LadderOps kFe64Ops = {petrel_x25519_ladder_fe64};
constexpr const LadderOps* fe64_ops() noexcept { return &kFe64Ops; }
#else
constexpr const LadderOps* fe64_ops() noexcept { return nullptr; }  // stub: not in this build
#endif
#if defined(PETREL_X25519_ARMV6)
constexpr LadderOps kArmv6Ops = {petrel_x25519_ladder_armv6};
constexpr const LadderOps* armv6_ops() noexcept { return &kArmv6Ops; }
#else
constexpr const LadderOps* armv6_ops() noexcept { return nullptr; }  // e.g. armel (ARMv5TE)
#endif

// The table (crypto/util/variant.h): name, old name (none), constant-time, ops, CPU check.
constexpr Variant<X25519Impl, LadderOps> kImpls[] = {
    {X25519Impl::fe32, "fe32", nullptr, true, &kFe32Ops, nullptr},
    {X25519Impl::fe64, "fe64", nullptr, true, fe64_ops(), nullptr},
    {X25519Impl::armv6, "armv6", nullptr, true, armv6_ops(), nullptr},
};

const uint8_t kBasePoint[32] = {9};

}  // namespace
}  // namespace petrel

// The entry points of x25519_internal.h.
#if defined(PETREL_X25519_ARMV6)
extern "C" void petrel_x25519_ladder_armv6(uint8_t out[32], const uint8_t scalar[32],
                                           const uint8_t u[32]) noexcept {
  petrel::ladder<petrel::FeArmv6>(out, scalar, u);
}
#endif
extern "C" void petrel_x25519_ladder_fe32(uint8_t out[32], const uint8_t scalar[32],
                                          const uint8_t u[32]) noexcept {
  petrel::ladder<petrel::Fe32>(out, scalar, u);
}
#if defined(PETREL_X25519_FE64)
extern "C" void petrel_x25519_ladder_fe64(uint8_t out[32], const uint8_t scalar[32],
                                          const uint8_t u[32]) noexcept {
  petrel::ladder<petrel::Fe64>(out, scalar, u);
}
#endif

namespace petrel {

const char* x25519_impl_name(X25519Impl impl) noexcept { return variant::name(kImpls, impl); }
bool x25519_impl_is_constant_time(X25519Impl impl) noexcept {
  return variant::is_constant_time(kImpls, impl);
}
bool x25519_impl_available(X25519Impl impl) noexcept { return variant::available(kImpls, impl); }
Status x25519_impl_from_name(X25519Impl* out, const char* name) noexcept {
  return variant::from_name(kImpls, out, name);
}
size_t x25519_impls_available(X25519Impl* out, size_t max) noexcept {
  return variant::list_available(kImpls, out, max);
}
size_t x25519_impls_listed(X25519Impl* out, size_t max) noexcept {
  return variant::list_all(kImpls, out, max);
}

Status x25519(uint8_t out[kX25519KeySize], const uint8_t scalar[kX25519KeySize],
              const uint8_t point[kX25519KeySize], X25519Impl impl) noexcept {
  if (out == nullptr || scalar == nullptr || point == nullptr) {
    return Status::invalid_argument;
  }
  const LadderOps* ops = variant::ops(kImpls, impl);
  if (ops == nullptr) {
    return Status::not_available;
  }
  uint8_t k[32];
  uint8_t u[32];
  std::memcpy(k, scalar, sizeof(k));
  std::memcpy(u, point, sizeof(u));  // out may alias point
  k[0] &= 248;
  k[31] &= 127;
  k[31] |= 64;
  ops->ladder(out, k, u);
  secure_wipe(k, sizeof(k));
  // Section 6.1: refuse the all-zero output, in constant time; only the verdict is released.
  uint32_t acc = 0;
  for (size_t i = 0; i < kX25519KeySize; i++) {
    acc |= out[i];
  }
  uint32_t zero = ct::is_zero(acc);
  CT_UNPOISON(&zero, sizeof(zero));
  return zero != 0 ? Status::invalid_argument : Status::ok;
}

Status x25519_public_key(uint8_t out[kX25519KeySize], const uint8_t scalar[kX25519KeySize],
                         X25519Impl impl) noexcept {
  const Status s = x25519(out, scalar, kBasePoint, impl);
  if (out != nullptr) {
    CT_UNPOISON(out, kX25519KeySize);  // a public key is public
  }
  return s;
}

Status x25519_keypair(uint8_t public_key[kX25519KeySize], uint8_t private_key[kX25519KeySize],
                      Rng& rng, X25519Impl impl) noexcept {
  if (public_key == nullptr || private_key == nullptr) {
    return Status::invalid_argument;
  }
  Status s = rng.generate(MutableBytes(private_key, kX25519KeySize));
  if (s == Status::ok) {
    s = x25519_public_key(public_key, private_key, impl);
  } else {
    s = Status::rng_failure;
  }
  if (s != Status::ok) {
    secure_wipe(private_key, kX25519KeySize);
    secure_wipe(public_key, kX25519KeySize);
  }
  return s;
}

}  // namespace petrel
