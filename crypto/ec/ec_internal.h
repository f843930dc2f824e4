// Internal to crypto/ec (ec.cpp, ecdsa.cpp): arithmetic modulo the P-256/P-384 primes and group
// orders in 32-bit limbs, and projective point arithmetic with complete formulas. Not installed
// API; nothing outside crypto/ec includes it.
//
// Field elements: N little-endian 32-bit limbs (N = 8 for P-256, 12 for P-384), always fully
// reduced (< m). Multiplication is word-by-word Montgomery (CIOS, Koc-Acar-Kaliski 1996) with
// 32x32->64-bit products and a masked final subtraction; addition and subtraction end with a
// masked correction. No branch and no memory index depends on a limb value anywhere in this
// file except in the functions marked "variable time" (used only on public data).
//
// Points: projective (X:Y:Z) in Montgomery form, y^2 = x^3 - 3x + b. add() and dbl() are the
// complete formulas of Renes, Costello, Batina, "Complete addition formulas for prime order
// elliptic curves" (EUROCRYPT 2016, eprint 2015/1060), algorithms 4 and 6 (a = -3): they are
// correct for every input, the identity (0:1:0) and P == Q included, without a branch.
#ifndef PETREL_CRYPTO_EC_EC_INTERNAL_H
#define PETREL_CRYPTO_EC_EC_INTERNAL_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/ct.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace ec_internal {

template <size_t N>
struct Fe {
  uint32_t v[N];
};

// A modulus with its Montgomery constants, all computed at compile time from m.
template <size_t N>
struct Modulus {
  Fe<N> m;
  uint32_t m0inv;  // -m^-1 mod 2^32
  Fe<N> one;       // R mod m, R = 2^(32N): 1 in Montgomery form
  Fe<N> r2;        // R^2 mod m
  Fe<N> m_minus_2; // the Fermat exponent for inversion (m prime)
};

// ---- compile-time helpers ---------------------------------------------------------------------
// (constexpr, so no value barriers; they run only on the public constants.)
template <size_t N>
constexpr Fe<N> cx_double_mod(const Fe<N>& a, const Fe<N>& m) {
  Fe<N> r{};
  uint32_t carry = 0;
  for (size_t i = 0; i < N; i++) {
    r.v[i] = (a.v[i] << 1) | carry;
    carry = a.v[i] >> 31;
  }
  // r >= m (or an overflow) -> subtract m.
  bool ge = carry != 0;
  if (!ge) {
    ge = true;
    for (size_t i = N; i-- > 0;) {
      if (r.v[i] != m.v[i]) {
        ge = r.v[i] > m.v[i];
        break;
      }
    }
  }
  if (ge) {
    uint64_t borrow = 0;
    for (size_t i = 0; i < N; i++) {
      const uint64_t d = uint64_t{r.v[i]} - m.v[i] - borrow;
      r.v[i] = static_cast<uint32_t>(d);
      borrow = (d >> 32) & 1;
    }
  }
  return r;
}

// a * 2^bits mod m (a < m).
template <size_t N>
constexpr Fe<N> cx_shift_mod(Fe<N> a, const Fe<N>& m, size_t bits) {
  for (size_t i = 0; i < bits; i++) {
    a = cx_double_mod(a, m);
  }
  return a;
}

template <size_t N>
constexpr Modulus<N> make_modulus(const Fe<N>& m) {
  Modulus<N> r{};
  r.m = m;
  uint32_t inv = 1;  // Newton iteration for m0^-1 mod 2^32 (m odd): 5 steps give 32 bits
  for (int i = 0; i < 5; i++) {
    inv *= 2u - m.v[0] * inv;
  }
  r.m0inv = 0u - inv;
  Fe<N> one{};
  one.v[0] = 1;
  r.one = cx_shift_mod(one, m, 32 * N);
  r.r2 = cx_shift_mod(r.one, m, 32 * N);
  r.m_minus_2 = m;
  r.m_minus_2.v[0] -= 2;  // m odd and > 2, m0 >= 3 for both primes and orders
  return r;
}

// x * R mod m for a constant x < m (Montgomery form at compile time).
template <size_t N>
constexpr Fe<N> cx_to_mont(const Fe<N>& x, const Fe<N>& m) {
  return cx_shift_mod(x, m, 32 * N);
}

// ---- constant-time limb arithmetic ------------------------------------------------------------
template <size_t N>
inline void fe_cmov(Fe<N>& r, const Fe<N>& a, uint32_t mask) noexcept {
  for (size_t i = 0; i < N; i++) {
    r.v[i] = ct::select(mask, a.v[i], r.v[i]);
  }
}

// All-ones if a == 0.
template <size_t N>
inline uint32_t fe_is_zero(const Fe<N>& a) noexcept {
  uint32_t acc = 0;
  for (size_t i = 0; i < N; i++) {
    acc |= a.v[i];
  }
  return ct::is_zero(acc);
}

template <size_t N>
inline uint32_t fe_eq(const Fe<N>& a, const Fe<N>& b) noexcept {
  uint32_t acc = 0;
  for (size_t i = 0; i < N; i++) {
    acc |= a.v[i] ^ b.v[i];
  }
  return ct::is_zero(acc);
}

// r = a - b over N limbs; returns the borrow (0 or 1).
template <size_t N>
inline uint32_t limbs_sub(Fe<N>& r, const Fe<N>& a, const Fe<N>& b) noexcept {
  uint32_t borrow = 0;
  for (size_t i = 0; i < N; i++) {
    const uint64_t d = uint64_t{a.v[i]} - b.v[i] - borrow;
    r.v[i] = static_cast<uint32_t>(d);
    borrow = static_cast<uint32_t>(d >> 32) & 1;
  }
  return borrow;
}

// All-ones if a < b (constant time).
template <size_t N>
inline uint32_t fe_lt(const Fe<N>& a, const Fe<N>& b) noexcept {
  Fe<N> t;
  return 0u - ct::value_barrier(limbs_sub(t, a, b));
}

// r = a + b mod m (a, b < m).
template <size_t N>
inline void fe_add(Fe<N>& r, const Fe<N>& a, const Fe<N>& b, const Modulus<N>& M) noexcept {
  Fe<N> s;
  uint32_t carry = 0;
  for (size_t i = 0; i < N; i++) {
    const uint64_t t = uint64_t{a.v[i]} + b.v[i] + carry;
    s.v[i] = static_cast<uint32_t>(t);
    carry = static_cast<uint32_t>(t >> 32);
  }
  Fe<N> d;
  const uint32_t borrow = limbs_sub(d, s, M.m);
  // s >= m exactly when the sum overflowed or the subtraction did not borrow; as a + b < 2m,
  // carry == 1 implies borrow == 1, so "use d" is carry == borrow.
  const uint32_t use_d = ct::eq(carry, borrow);
  for (size_t i = 0; i < N; i++) {
    r.v[i] = ct::select(use_d, d.v[i], s.v[i]);
  }
}

// r = a - b mod m (a, b < m).
template <size_t N>
inline void fe_sub(Fe<N>& r, const Fe<N>& a, const Fe<N>& b, const Modulus<N>& M) noexcept {
  Fe<N> d;
  const uint32_t mask = 0u - ct::value_barrier(limbs_sub(d, a, b));
  uint32_t carry = 0;
  for (size_t i = 0; i < N; i++) {
    const uint64_t t = uint64_t{d.v[i]} + (M.m.v[i] & mask) + carry;
    r.v[i] = static_cast<uint32_t>(t);
    carry = static_cast<uint32_t>(t >> 32);
  }
}

// r = a * b * R^-1 mod m (a, b < m; r may alias a or b).
template <size_t N>
inline void fe_mul(Fe<N>& r, const Fe<N>& a, const Fe<N>& b, const Modulus<N>& M) noexcept {
  uint32_t t[N + 2] = {};
  for (size_t i = 0; i < N; i++) {
    uint64_t c = 0;
    const uint32_t bi = b.v[i];
    for (size_t j = 0; j < N; j++) {
      c = uint64_t{a.v[j]} * bi + t[j] + (c >> 32);
      t[j] = static_cast<uint32_t>(c);
    }
    c = uint64_t{t[N]} + (c >> 32);
    t[N] = static_cast<uint32_t>(c);
    t[N + 1] = static_cast<uint32_t>(c >> 32);
    const uint32_t q = t[0] * M.m0inv;
    c = uint64_t{q} * M.m.v[0] + t[0];
    for (size_t j = 1; j < N; j++) {
      c = uint64_t{q} * M.m.v[j] + t[j] + (c >> 32);
      t[j - 1] = static_cast<uint32_t>(c);
    }
    c = uint64_t{t[N]} + (c >> 32);
    t[N - 1] = static_cast<uint32_t>(c);
    t[N] = t[N + 1] + static_cast<uint32_t>(c >> 32);
  }
  // t < 2m: subtract m once if t >= m (t[N] == 1 implies a borrow out of the N limbs).
  Fe<N> lo;
  for (size_t i = 0; i < N; i++) {
    lo.v[i] = t[i];
  }
  Fe<N> d;
  const uint32_t borrow = limbs_sub(d, lo, M.m);
  const uint32_t use_d = ct::eq(borrow, t[N]);
  for (size_t i = 0; i < N; i++) {
    r.v[i] = ct::select(use_d, d.v[i], lo.v[i]);
  }
}

template <size_t N>
inline void fe_sqr(Fe<N>& r, const Fe<N>& a, const Modulus<N>& M) noexcept {
  fe_mul(r, a, a, M);
}

template <size_t N>
inline void fe_to_mont(Fe<N>& r, const Fe<N>& a, const Modulus<N>& M) noexcept {
  fe_mul(r, a, M.r2, M);
}

template <size_t N>
inline void fe_from_mont(Fe<N>& r, const Fe<N>& a, const Modulus<N>& M) noexcept {
  Fe<N> one{};
  one.v[0] = 1;
  fe_mul(r, a, one, M);
}

// r = a^(m-2) = a^-1 (Montgomery form in and out; 0 gives 0). Fermat: m is prime. A 4-bit
// fixed window over the public exponent: the table index is the exponent's digit, public.
template <size_t N>
inline void fe_inv(Fe<N>& r, const Fe<N>& a, const Modulus<N>& M) noexcept {
  Fe<N> table[16];
  table[0] = M.one;
  table[1] = a;
  for (size_t i = 2; i < 16; i++) {
    fe_mul(table[i], table[i - 1], a, M);
  }
  Fe<N> acc = M.one;
  for (size_t w = 8 * N; w-- > 0;) {
    for (int k = 0; k < 4; k++) {
      fe_sqr(acc, acc, M);
    }
    const uint32_t digit = (M.m_minus_2.v[w / 8] >> (4 * (w % 8))) & 15;
    fe_mul(acc, acc, table[digit], M);
  }
  r = acc;
  secure_wipe(table, sizeof(table));
  secure_wipe(&acc, sizeof(acc));
}

// Big-endian bytes (4N of them) to limbs, and back.
template <size_t N>
inline void fe_from_bytes(Fe<N>& r, const uint8_t* in) noexcept {
  for (size_t i = 0; i < N; i++) {
    const uint8_t* p = in + 4 * (N - 1 - i);
    r.v[i] = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
  }
}

template <size_t N>
inline void fe_to_bytes(uint8_t* out, const Fe<N>& a) noexcept {
  for (size_t i = 0; i < N; i++) {
    uint8_t* p = out + 4 * (N - 1 - i);
    p[0] = static_cast<uint8_t>(a.v[i] >> 24);
    p[1] = static_cast<uint8_t>(a.v[i] >> 16);
    p[2] = static_cast<uint8_t>(a.v[i] >> 8);
    p[3] = static_cast<uint8_t>(a.v[i]);
  }
}

// r = a mod m for any N-limb a < 2m (one masked subtraction).
template <size_t N>
inline void fe_reduce_once(Fe<N>& r, const Fe<N>& a, const Modulus<N>& M) noexcept {
  Fe<N> d;
  const uint32_t keep_a = 0u - ct::value_barrier(limbs_sub(d, a, M.m));
  for (size_t i = 0; i < N; i++) {
    r.v[i] = ct::select(keep_a, a.v[i], d.v[i]);
  }
}

// ---- curves -----------------------------------------------------------------------------------
template <size_t N>
struct Curve {
  Modulus<N> p;
  Modulus<N> n;
  Fe<N> b;   // Montgomery form
  Fe<N> gx;  // Montgomery form
  Fe<N> gy;  // Montgomery form
};

template <size_t N>
constexpr Curve<N> make_curve(const Fe<N>& p, const Fe<N>& n, const Fe<N>& b, const Fe<N>& gx,
                              const Fe<N>& gy) {
  return Curve<N>{make_modulus(p), make_modulus(n), cx_to_mont(b, p), cx_to_mont(gx, p),
                  cx_to_mont(gy, p)};
}

template <size_t N>
struct Point {
  Fe<N> x, y, z;
};

template <size_t N>
inline void point_identity(Point<N>& r, const Curve<N>& C) noexcept {
  r.x = Fe<N>{};
  r.y = C.p.one;
  r.z = Fe<N>{};
}

template <size_t N>
inline void point_cmov(Point<N>& r, const Point<N>& a, uint32_t mask) noexcept {
  fe_cmov(r.x, a.x, mask);
  fe_cmov(r.y, a.y, mask);
  fe_cmov(r.z, a.z, mask);
}

// r = a + b: Renes-Costello-Batina 2016, algorithm 4 (complete, a = -3). r may alias a or b.
template <size_t N>
inline void point_add(Point<N>& r, const Point<N>& a, const Point<N>& b,
                      const Curve<N>& C) noexcept {
  const Modulus<N>& M = C.p;
  Fe<N> t0, t1, t2, t3, t4, x3, y3, z3;
  fe_mul(t0, a.x, b.x, M);   // t0 = X1 * X2
  fe_mul(t1, a.y, b.y, M);   // t1 = Y1 * Y2
  fe_mul(t2, a.z, b.z, M);   // t2 = Z1 * Z2
  fe_add(t3, a.x, a.y, M);   // t3 = X1 + Y1
  fe_add(t4, b.x, b.y, M);   // t4 = X2 + Y2
  fe_mul(t3, t3, t4, M);     // t3 = t3 * t4
  fe_add(t4, t0, t1, M);     // t4 = t0 + t1
  fe_sub(t3, t3, t4, M);     // t3 = t3 - t4
  fe_add(t4, a.y, a.z, M);   // t4 = Y1 + Z1
  fe_add(x3, b.y, b.z, M);   // X3 = Y2 + Z2
  fe_mul(t4, t4, x3, M);     // t4 = t4 * X3
  fe_add(x3, t1, t2, M);     // X3 = t1 + t2
  fe_sub(t4, t4, x3, M);     // t4 = t4 - X3
  fe_add(x3, a.x, a.z, M);   // X3 = X1 + Z1
  fe_add(y3, b.x, b.z, M);   // Y3 = X2 + Z2
  fe_mul(x3, x3, y3, M);     // X3 = X3 * Y3
  fe_add(y3, t0, t2, M);     // Y3 = t0 + t2
  fe_sub(y3, x3, y3, M);     // Y3 = X3 - Y3
  fe_mul(z3, C.b, t2, M);    // Z3 = b * t2
  fe_sub(x3, y3, z3, M);     // X3 = Y3 - Z3
  fe_add(z3, x3, x3, M);     // Z3 = X3 + X3
  fe_add(x3, x3, z3, M);     // X3 = X3 + Z3
  fe_sub(z3, t1, x3, M);     // Z3 = t1 - X3
  fe_add(x3, t1, x3, M);     // X3 = t1 + X3
  fe_mul(y3, C.b, y3, M);    // Y3 = b * Y3
  fe_add(t1, t2, t2, M);     // t1 = t2 + t2
  fe_add(t2, t1, t2, M);     // t2 = t1 + t2
  fe_sub(y3, y3, t2, M);     // Y3 = Y3 - t2
  fe_sub(y3, y3, t0, M);     // Y3 = Y3 - t0
  fe_add(t1, y3, y3, M);     // t1 = Y3 + Y3
  fe_add(y3, t1, y3, M);     // Y3 = t1 + Y3
  fe_add(t1, t0, t0, M);     // t1 = t0 + t0
  fe_add(t0, t1, t0, M);     // t0 = t1 + t0
  fe_sub(t0, t0, t2, M);     // t0 = t0 - t2
  fe_mul(t1, t4, y3, M);     // t1 = t4 * Y3
  fe_mul(t2, t0, y3, M);     // t2 = t0 * Y3
  fe_mul(y3, x3, z3, M);     // Y3 = X3 * Z3
  fe_add(y3, y3, t2, M);     // Y3 = Y3 + t2
  fe_mul(x3, t3, x3, M);     // X3 = t3 * X3
  fe_sub(x3, x3, t1, M);     // X3 = X3 - t1
  fe_mul(z3, t4, z3, M);     // Z3 = t4 * Z3
  fe_mul(t1, t3, t0, M);     // t1 = t3 * t0
  fe_add(z3, z3, t1, M);     // Z3 = Z3 + t1
  r.x = x3;
  r.y = y3;
  r.z = z3;
}

// r = 2a: Renes-Costello-Batina 2016, algorithm 6 (a = -3). r may alias a.
template <size_t N>
inline void point_dbl(Point<N>& r, const Point<N>& a, const Curve<N>& C) noexcept {
  const Modulus<N>& M = C.p;
  Fe<N> t0, t1, t2, t3, x3, y3, z3;
  fe_sqr(t0, a.x, M);        // t0 = X^2
  fe_sqr(t1, a.y, M);        // t1 = Y^2
  fe_sqr(t2, a.z, M);        // t2 = Z^2
  fe_mul(t3, a.x, a.y, M);   // t3 = X * Y
  fe_add(t3, t3, t3, M);     // t3 = t3 + t3
  fe_mul(z3, a.x, a.z, M);   // Z3 = X * Z
  fe_add(z3, z3, z3, M);     // Z3 = Z3 + Z3
  fe_mul(y3, C.b, t2, M);    // Y3 = b * t2
  fe_sub(y3, y3, z3, M);     // Y3 = Y3 - Z3
  fe_add(x3, y3, y3, M);     // X3 = Y3 + Y3
  fe_add(y3, x3, y3, M);     // Y3 = X3 + Y3
  fe_sub(x3, t1, y3, M);     // X3 = t1 - Y3
  fe_add(y3, t1, y3, M);     // Y3 = t1 + Y3
  fe_mul(y3, x3, y3, M);     // Y3 = X3 * Y3
  fe_mul(x3, x3, t3, M);     // X3 = X3 * t3
  fe_add(t3, t2, t2, M);     // t3 = t2 + t2
  fe_add(t2, t2, t3, M);     // t2 = t2 + t3
  fe_mul(z3, C.b, z3, M);    // Z3 = b * Z3
  fe_sub(z3, z3, t2, M);     // Z3 = Z3 - t2
  fe_sub(z3, z3, t0, M);     // Z3 = Z3 - t0
  fe_add(t3, z3, z3, M);     // t3 = Z3 + Z3
  fe_add(z3, z3, t3, M);     // Z3 = Z3 + t3
  fe_add(t3, t0, t0, M);     // t3 = t0 + t0
  fe_add(t0, t3, t0, M);     // t0 = t3 + t0
  fe_sub(t0, t0, t2, M);     // t0 = t0 - t2
  fe_mul(t0, t0, z3, M);     // t0 = t0 * Z3
  fe_add(y3, y3, t0, M);     // Y3 = Y3 + t0
  fe_mul(t0, a.y, a.z, M);   // t0 = Y * Z
  fe_add(t0, t0, t0, M);     // t0 = t0 + t0
  fe_mul(z3, t0, z3, M);     // Z3 = t0 * Z3
  fe_sub(x3, x3, z3, M);     // X3 = X3 - Z3
  fe_mul(z3, t0, t1, M);     // Z3 = t0 * t1
  fe_add(z3, z3, z3, M);     // Z3 = Z3 + Z3
  fe_add(z3, z3, z3, M);     // Z3 = Z3 + Z3
  r.x = x3;
  r.y = y3;
  r.z = z3;
}

// r = k * P, k an N-limb integer (any value; the callers pass 1 <= k < n). Constant time: a
// fixed 4-bit window from the top, 4N*8 digits, each 4 doublings and one complete addition of
// the masked-lookup table entry (entry 0 is the identity, so no digit is special).
template <size_t N>
inline void point_mul_ct(Point<N>& r, const Point<N>& P, const Fe<N>& k,
                         const Curve<N>& C) noexcept {
  Point<N> table[16];
  point_identity(table[0], C);
  table[1] = P;
  for (size_t i = 2; i < 16; i++) {
    if ((i & 1) == 0) {
      point_dbl(table[i], table[i / 2], C);
    } else {
      point_add(table[i], table[i - 1], P, C);
    }
  }
  Point<N> acc;
  point_identity(acc, C);
  Point<N> t;
  for (size_t w = 8 * N; w-- > 0;) {
    for (int j = 0; j < 4; j++) {
      point_dbl(acc, acc, C);
    }
    const uint32_t digit = (k.v[w / 8] >> (4 * (w % 8))) & 15;
    point_identity(t, C);
    for (uint32_t i = 1; i < 16; i++) {
      point_cmov(t, table[i], ct::eq(i, digit));
    }
    point_add(acc, acc, t, C);
  }
  r = acc;
  secure_wipe(table, sizeof(table));
  secure_wipe(&acc, sizeof(acc));
  secure_wipe(&t, sizeof(t));
}

// r = a*G + b*Q. Variable time (public scalars and points only: ECDSA verification): the two
// 16-entry tables are indexed by the scalars' digits and zero digits are skipped.
template <size_t N>
inline void point_mul2_vartime(Point<N>& r, const Fe<N>& a, const Point<N>& Q, const Fe<N>& b,
                               const Curve<N>& C) noexcept {
  Point<N> tg[16], tq[16];
  point_identity(tg[0], C);
  point_identity(tq[0], C);
  tg[1].x = C.gx;
  tg[1].y = C.gy;
  tg[1].z = C.p.one;
  tq[1] = Q;
  for (size_t i = 2; i < 16; i++) {
    if ((i & 1) == 0) {
      point_dbl(tg[i], tg[i / 2], C);
      point_dbl(tq[i], tq[i / 2], C);
    } else {
      point_add(tg[i], tg[i - 1], tg[1], C);
      point_add(tq[i], tq[i - 1], tq[1], C);
    }
  }
  Point<N> acc;
  point_identity(acc, C);
  bool started = false;
  for (size_t w = 8 * N; w-- > 0;) {
    if (started) {
      for (int j = 0; j < 4; j++) {
        point_dbl(acc, acc, C);
      }
    }
    const uint32_t da = (a.v[w / 8] >> (4 * (w % 8))) & 15;
    const uint32_t db = (b.v[w / 8] >> (4 * (w % 8))) & 15;
    if (da != 0) {
      point_add(acc, acc, tg[da], C);
      started = true;
    }
    if (db != 0) {
      point_add(acc, acc, tq[db], C);
      started = true;
    }
  }
  r = acc;
}

// Affine coordinates out of Montgomery form (x, y as plain integers < p). Returns all-ones if P
// is the identity (x, y are then 0). Constant time.
template <size_t N>
inline uint32_t point_to_affine(Fe<N>& x, Fe<N>& y, const Point<N>& P,
                                const Curve<N>& C) noexcept {
  Fe<N> zinv;
  fe_inv(zinv, P.z, C.p);
  fe_mul(x, P.x, zinv, C.p);
  fe_mul(y, P.y, zinv, C.p);
  fe_from_mont(x, x, C.p);
  fe_from_mont(y, y, C.p);
  secure_wipe(&zinv, sizeof(zinv));
  return fe_is_zero(P.z);
}

// All-ones if the affine (x, y), in Montgomery form, satisfies y^2 = x^3 - 3x + b.
template <size_t N>
inline uint32_t on_curve(const Fe<N>& x, const Fe<N>& y, const Curve<N>& C) noexcept {
  const Modulus<N>& M = C.p;
  Fe<N> lhs, rhs, t;
  fe_sqr(lhs, y, M);
  fe_sqr(rhs, x, M);
  fe_mul(rhs, rhs, x, M);
  fe_add(t, x, x, M);
  fe_add(t, t, x, M);
  fe_sub(rhs, rhs, t, M);
  fe_add(rhs, rhs, C.b, M);
  return fe_eq(lhs, rhs);
}

}  // namespace ec_internal
}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_EC_INTERNAL_H
