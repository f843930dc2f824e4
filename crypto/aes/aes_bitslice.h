// The bitsliced AES building blocks shared by the two constant-time variants, "ct"
// (crypto/aes/aes_ct.cpp) and "fixslice" (crypto/aes/aes_fixslice.cpp). Not part of the public
// API.
//
// Layout (the same as BearSSL's aes_ct): two blocks in eight 32-bit words; after ortho(), word
// q[i] holds bit i of all 32 state bytes, at bit position 8*row + 2*column + block.
//
// Constant-time: everything here is straight-line Boolean and shift code, no table, no branch
// on data.
#ifndef PETREL_CRYPTO_AES_AES_BITSLICE_H
#define PETREL_CRYPTO_AES_AES_BITSLICE_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"
#include "crypto/util/endian.h"

namespace petrel {
namespace aes_bitslice {

// The S-box circuit on eight bitsliced words; q[7] is the most significant bit of each byte.
// kConst = false leaves out the four NOTs of the affine constant 0x63 (bits 0, 1, 5, 6): the
// result is then S(x) ^ 0x63, for callers that fold the constant into their round keys.
template <bool kConst = true>
inline void sbox(uint32_t* q) noexcept {
  const uint32_t x0 = q[7];
  const uint32_t x1 = q[6];
  const uint32_t x2 = q[5];
  const uint32_t x3 = q[4];
  const uint32_t x4 = q[3];
  const uint32_t x5 = q[2];
  const uint32_t x6 = q[1];
  const uint32_t x7 = q[0];

  // Top linear transformation.
  const uint32_t y14 = x3 ^ x5;
  const uint32_t y13 = x0 ^ x6;
  const uint32_t y9 = x0 ^ x3;
  const uint32_t y8 = x0 ^ x5;
  const uint32_t t0 = x1 ^ x2;
  const uint32_t y1 = t0 ^ x7;
  const uint32_t y4 = y1 ^ x3;
  const uint32_t y12 = y13 ^ y14;
  const uint32_t y2 = y1 ^ x0;
  const uint32_t y5 = y1 ^ x6;
  const uint32_t y3 = y5 ^ y8;
  const uint32_t t1 = x4 ^ y12;
  const uint32_t y15 = t1 ^ x5;
  const uint32_t y20 = t1 ^ x1;
  const uint32_t y6 = y15 ^ x7;
  const uint32_t y10 = y15 ^ t0;
  const uint32_t y11 = y20 ^ y9;
  const uint32_t y7 = x7 ^ y11;
  const uint32_t y17 = y10 ^ y11;
  const uint32_t y19 = y10 ^ y8;
  const uint32_t y16 = t0 ^ y11;
  const uint32_t y21 = y13 ^ y16;
  const uint32_t y18 = x0 ^ y16;

  // Non-linear middle part (inversion in GF(2^4)^2).
  const uint32_t t2 = y12 & y15;
  const uint32_t t3 = y3 & y6;
  const uint32_t t4 = t3 ^ t2;
  const uint32_t t5 = y4 & x7;
  const uint32_t t6 = t5 ^ t2;
  const uint32_t t7 = y13 & y16;
  const uint32_t t8 = y5 & y1;
  const uint32_t t9 = t8 ^ t7;
  const uint32_t t10 = y2 & y7;
  const uint32_t t11 = t10 ^ t7;
  const uint32_t t12 = y9 & y11;
  const uint32_t t13 = y14 & y17;
  const uint32_t t14 = t13 ^ t12;
  const uint32_t t15 = y8 & y10;
  const uint32_t t16 = t15 ^ t12;
  const uint32_t t17 = t4 ^ t14;
  const uint32_t t18 = t6 ^ t16;
  const uint32_t t19 = t9 ^ t14;
  const uint32_t t20 = t11 ^ t16;
  const uint32_t t21 = t17 ^ y20;
  const uint32_t t22 = t18 ^ y19;
  const uint32_t t23 = t19 ^ y21;
  const uint32_t t24 = t20 ^ y18;

  const uint32_t t25 = t21 ^ t22;
  const uint32_t t26 = t21 & t23;
  const uint32_t t27 = t24 ^ t26;
  const uint32_t t28 = t25 & t27;
  const uint32_t t29 = t28 ^ t22;
  const uint32_t t30 = t23 ^ t24;
  const uint32_t t31 = t22 ^ t26;
  const uint32_t t32 = t31 & t30;
  const uint32_t t33 = t32 ^ t24;
  const uint32_t t34 = t23 ^ t33;
  const uint32_t t35 = t27 ^ t33;
  const uint32_t t36 = t24 & t35;
  const uint32_t t37 = t36 ^ t34;
  const uint32_t t38 = t27 ^ t36;
  const uint32_t t39 = t29 & t38;
  const uint32_t t40 = t25 ^ t39;

  const uint32_t t41 = t40 ^ t37;
  const uint32_t t42 = t29 ^ t33;
  const uint32_t t43 = t29 ^ t40;
  const uint32_t t44 = t33 ^ t37;
  const uint32_t t45 = t42 ^ t41;
  const uint32_t z0 = t44 & y15;
  const uint32_t z1 = t37 & y6;
  const uint32_t z2 = t33 & x7;
  const uint32_t z3 = t43 & y16;
  const uint32_t z4 = t40 & y1;
  const uint32_t z5 = t29 & y7;
  const uint32_t z6 = t42 & y11;
  const uint32_t z7 = t45 & y17;
  const uint32_t z8 = t41 & y10;
  const uint32_t z9 = t44 & y12;
  const uint32_t z10 = t37 & y3;
  const uint32_t z11 = t33 & y4;
  const uint32_t z12 = t43 & y13;
  const uint32_t z13 = t40 & y5;
  const uint32_t z14 = t29 & y2;
  const uint32_t z15 = t42 & y9;
  const uint32_t z16 = t45 & y14;
  const uint32_t z17 = t41 & y8;

  // Bottom linear transformation (with the affine constant 0x63 folded into the XNORs).
  const uint32_t t46 = z15 ^ z16;
  const uint32_t t47 = z10 ^ z11;
  const uint32_t t48 = z5 ^ z13;
  const uint32_t t49 = z9 ^ z10;
  const uint32_t t50 = z2 ^ z12;
  const uint32_t t51 = z2 ^ z5;
  const uint32_t t52 = z7 ^ z8;
  const uint32_t t53 = z0 ^ z3;
  const uint32_t t54 = z6 ^ z7;
  const uint32_t t55 = z16 ^ z17;
  const uint32_t t56 = z12 ^ t48;
  const uint32_t t57 = t50 ^ t53;
  const uint32_t t58 = z4 ^ t46;
  const uint32_t t59 = z3 ^ t54;
  const uint32_t t60 = t46 ^ t57;
  const uint32_t t61 = z14 ^ t57;
  const uint32_t t62 = t52 ^ t58;
  const uint32_t t63 = t49 ^ t58;
  const uint32_t t64 = z4 ^ t59;
  const uint32_t t65 = t61 ^ t62;
  const uint32_t t66 = z1 ^ t63;
  const uint32_t s0 = t59 ^ t63;
  const uint32_t s6 = kConst ? t56 ^ ~t62 : t56 ^ t62;
  const uint32_t s7 = kConst ? t48 ^ ~t60 : t48 ^ t60;
  const uint32_t t67 = t64 ^ t65;
  const uint32_t s3 = t53 ^ t66;
  const uint32_t s4 = t51 ^ t66;
  const uint32_t s5 = t47 ^ t65;
  const uint32_t s1 = kConst ? t64 ^ ~s3 : t64 ^ s3;
  const uint32_t s2 = kConst ? t55 ^ ~t67 : t55 ^ t67;

  q[7] = s0;
  q[6] = s1;
  q[5] = s2;
  q[4] = s3;
  q[3] = s4;
  q[2] = s5;
  q[1] = s6;
  q[0] = s7;
}

// y -> A^-1(y ^ 0x63), the inverse of the S-box's affine step, on bitsliced words:
// bit i of the result is y[i+2] ^ y[i+5] ^ y[i+7] (indices mod 8) after flipping the bits of 0x63.
// kConst = false: y -> A^-1(y), for an input that already carries the 0x63.
template <bool kConst = true>
inline void inv_affine(uint32_t* q) noexcept {
  const uint32_t q0 = kConst ? ~q[0] : q[0];
  const uint32_t q1 = kConst ? ~q[1] : q[1];
  const uint32_t q2 = q[2];
  const uint32_t q3 = q[3];
  const uint32_t q4 = q[4];
  const uint32_t q5 = kConst ? ~q[5] : q[5];
  const uint32_t q6 = kConst ? ~q[6] : q[6];
  const uint32_t q7 = q[7];
  q[0] = q2 ^ q5 ^ q7;
  q[1] = q3 ^ q6 ^ q0;
  q[2] = q4 ^ q7 ^ q1;
  q[3] = q5 ^ q0 ^ q2;
  q[4] = q6 ^ q1 ^ q3;
  q[5] = q7 ^ q2 ^ q4;
  q[6] = q0 ^ q3 ^ q5;
  q[7] = q1 ^ q4 ^ q6;
}

// InvSubBytes: S^-1 = L o S o L with L(y) = A^-1(y ^ 0x63).
inline void inv_sbox(uint32_t* q) noexcept {
  inv_affine(q);
  sbox(q);
  inv_affine(q);
}

// Exchanges, between x and y, the bits selected by cl in y and by ch in x (a transposition step).
inline void swap_bits(uint32_t& x, uint32_t& y, uint32_t cl, uint32_t ch, unsigned s) noexcept {
  const uint32_t a = x;
  const uint32_t b = y;
  x = (a & cl) | ((b & cl) << s);
  y = ((a & ch) >> s) | (b & ch);
}

// Transposes the 8x8 bit matrices formed by (word index, low 3 bits of bit position): converts
// between the natural layout (word = 2*column + block, bit = 8*row + bit-of-byte) and the
// bitsliced one (word = bit-of-byte, bit = 8*row + 2*column + block). It is an involution.
inline void ortho(uint32_t* q) noexcept {
  swap_bits(q[0], q[1], 0x55555555u, 0xAAAAAAAAu, 1);
  swap_bits(q[2], q[3], 0x55555555u, 0xAAAAAAAAu, 1);
  swap_bits(q[4], q[5], 0x55555555u, 0xAAAAAAAAu, 1);
  swap_bits(q[6], q[7], 0x55555555u, 0xAAAAAAAAu, 1);

  swap_bits(q[0], q[2], 0x33333333u, 0xCCCCCCCCu, 2);
  swap_bits(q[1], q[3], 0x33333333u, 0xCCCCCCCCu, 2);
  swap_bits(q[4], q[6], 0x33333333u, 0xCCCCCCCCu, 2);
  swap_bits(q[5], q[7], 0x33333333u, 0xCCCCCCCCu, 2);

  swap_bits(q[0], q[4], 0x0F0F0F0Fu, 0xF0F0F0F0u, 4);
  swap_bits(q[1], q[5], 0x0F0F0F0Fu, 0xF0F0F0F0u, 4);
  swap_bits(q[2], q[6], 0x0F0F0F0Fu, 0xF0F0F0F0u, 4);
  swap_bits(q[3], q[7], 0x0F0F0F0Fu, 0xF0F0F0F0u, 4);
}

// Loads one or two blocks into the natural layout: column c of block b in word 2*c + b.
inline void load_blocks(uint32_t* q, const uint8_t* b0, const uint8_t* b1) noexcept {
  for (size_t c = 0; c < 4; c++) {
    q[2 * c] = load_le32(b0 + 4 * c);
    q[2 * c + 1] = (b1 != nullptr) ? load_le32(b1 + 4 * c) : 0;
  }
}

inline void store_blocks(uint8_t* b0, uint8_t* b1, const uint32_t* q) noexcept {
  for (size_t c = 0; c < 4; c++) {
    store_le32(b0 + 4 * c, q[2 * c]);
    if (b1 != nullptr) {
      store_le32(b1 + 4 * c, q[2 * c + 1]);
    }
  }
}

}  // namespace aes_bitslice
}  // namespace petrel

#endif  // PETREL_CRYPTO_AES_AES_BITSLICE_H
