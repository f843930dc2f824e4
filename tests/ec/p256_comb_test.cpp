// The P-256 fixed-base comb (crypto/ec/p256_comb.h, ec.cpp's point_mul_base):
//  - every table entry is the multiple of G that scripts/gen-p256-comb says it is, computed
//    again here by the variable-base window (point_mul_ct) from G;
//  - point_mul_base agrees with point_mul_ct from G on edge scalars (1, 2, n - 1, single bits,
//    digits that are all zero in one table, all-ones patterns) and on pseudo-random ones.
// The known answers for k*G are NIST's (p256_test.cpp: KeyPair, SigGen with the given k,
// RFC 6979), which go through point_mul_base; this test pins the two paths to each other and
// the table to its definition, so a wrong entry is named rather than only seen as a bad key.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <vector>

#include "crypto/ec/ec_curves.h"
#include "crypto/ec/ec_internal.h"
#include "crypto/ec/p256_comb.h"

namespace petrel {
namespace ec_internal {
namespace {

// Affine (x, y) as plain integers, or {inf = true}.
struct Affine {
  Fe<8> x, y;
  bool inf;
};

Affine affine(const Point<8>& p) {
  Affine a{};
  a.inf = point_to_affine(a.x, a.y, p, kP256) != 0;
  return a;
}

bool same(const Affine& a, const Affine& b) {
  if (a.inf || b.inf) {
    return a.inf == b.inf;
  }
  return fe_eq(a.x, b.x) != 0 && fe_eq(a.y, b.y) != 0;
}

Fe<8> bits_scalar(std::initializer_list<size_t> bits) {
  Fe<8> k{};
  for (size_t b : bits) {
    k.v[b / 32] |= 1u << (b % 32);
  }
  return k;
}

Affine by_window(const Fe<8>& k) {
  Point<8> g, r;
  generator(g, kP256);
  point_mul_ct(r, g, k, kP256);
  return affine(r);
}

Affine by_comb(const Fe<8>& k) {
  Point<8> r;
  point_mul_base(r, k, kP256);
  return affine(r);
}

TEST(P256Comb, TableIsMultiplesOfG) {
  size_t cases = 0;
  for (size_t s = 0; s < 2; s++) {
    for (size_t j = 1; j <= 15; j++) {
      Fe<8> k{};
      for (size_t b = 0; b < 4; b++) {
        if ((j >> b) & 1) {
          const size_t bit = 64 * b + 32 * s;
          k.v[bit / 32] |= 1u << (bit % 32);
        }
      }
      const Affine want = by_window(k);
      ASSERT_FALSE(want.inf);
      Fe<8> xm, ym, x, y;
      for (size_t i = 0; i < 8; i++) {
        xm.v[i] = kP256Comb[s][j - 1][0][i];
        ym.v[i] = kP256Comb[s][j - 1][1][i];
      }
      fe_from_mont(x, xm, kP256.p);
      fe_from_mont(y, ym, kP256.p);
      EXPECT_TRUE(fe_eq(x, want.x) != 0 && fe_eq(y, want.y) != 0)
          << "table " << s << " entry " << j;
      cases++;
    }
  }
  std::printf("P256Comb.TableIsMultiplesOfG: %zu entries\n", cases);
  EXPECT_EQ(cases, 30u);
}

TEST(P256Comb, AgreesWithVariableBaseWindow) {
  std::vector<Fe<8>> scalars;
  scalars.push_back(bits_scalar({0}));                        // 1
  scalars.push_back(bits_scalar({1}));                        // 2
  scalars.push_back(bits_scalar({0, 1}));                     // 3
  scalars.push_back(bits_scalar({31, 32, 63, 64, 255}));      // digit boundaries
  scalars.push_back(bits_scalar({0, 64, 128, 192}));          // digit 15 of table 0 at t = 0
  scalars.push_back(bits_scalar({63, 127, 191, 255}));        // digit 15 of table 1 at t = 31
  scalars.push_back(bits_scalar({32, 96, 160, 224}));         // table 0 all zero digits
  Fe<8> n_minus_1 = kP256.n.m;
  n_minus_1.v[0] -= 1;                                        // n - 1: the point -G
  scalars.push_back(n_minus_1);
  Fe<8> low{};                                                // 2^128 - 1
  for (size_t i = 0; i < 4; i++) {
    low.v[i] = 0xffffffff;
  }
  scalars.push_back(low);
  for (size_t b = 0; b < 256; b += 17) {
    scalars.push_back(bits_scalar({b}));
  }
  uint32_t x = 0x9e3779b9;  // xorshift32: fixed, public test scalars
  for (int i = 0; i < 24; i++) {
    Fe<8> k{};
    for (size_t l = 0; l < 8; l++) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      k.v[l] = x;
    }
    k.v[7] &= 0x7fffffff;  // below n
    scalars.push_back(k);
  }
  for (const Fe<8>& k : scalars) {
    EXPECT_TRUE(same(by_comb(k), by_window(k))) << "scalar limb 0 " << std::hex << k.v[0];
  }
  // n - 1 is -G: x(G), p - y(G).
  const Affine neg = by_comb(n_minus_1);
  Fe<8> gx, gy, py;
  fe_from_mont(gx, kP256.gx, kP256.p);
  fe_from_mont(gy, kP256.gy, kP256.p);
  limbs_sub(py, kP256.p.m, gy);
  EXPECT_TRUE(fe_eq(neg.x, gx) != 0 && fe_eq(neg.y, py) != 0);
  std::printf("P256Comb.AgreesWithVariableBaseWindow: %zu scalars\n", scalars.size());
}

}  // namespace
}  // namespace ec_internal
}  // namespace petrel
