// X25519 field representation "fe32" (crypto/ec/x25519.cpp's table): 10 signed 32-bit limbs of
// alternately 26 and 25 bits (limb i has weight 2^ceil(25.5 i)), products in int64_t: the
// representation of ref10 (Bernstein, Duif, Lange, Schwabe, Yang) as used by SUPERCOP,
// Monocypher and BoringSSL's 32-bit path; in every build. Constant-time: straight-line
// arithmetic, a mask-driven conditional swap and final reduction.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "crypto/ec/x25519_internal.h"
#include "crypto/ec/x25519_ladder_internal.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
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

}  // namespace
}  // namespace petrel

// The entry point of x25519_internal.h.
extern "C" void petrel_x25519_ladder_fe32(uint8_t out[32], const uint8_t scalar[32],
                                          const uint8_t u[32]) noexcept {
  petrel::x25519_detail::ladder<petrel::Fe32>(out, scalar, u);
}
