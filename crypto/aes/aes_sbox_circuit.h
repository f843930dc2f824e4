// The AES S-box as a Boolean circuit on eight bitsliced words (Boyar and Peralta, "A depth-16
// circuit for the AES S-box", 2011: 32 AND and 83 XOR/XNOR gates), shared by the bitsliced
// variants: "ct" and "fixslice" (through crypto/aes/aes_bitslice.h, T = uint32_t, two blocks)
// and "armv7-neon" (crypto/aes/arm/neon/aes_armv7_neon.cpp, T = a NEON vector, eight blocks).
// T needs only ^, & and ~; no table, no branch: constant-time for any T.
#ifndef PETREL_CRYPTO_AES_AES_SBOX_CIRCUIT_H
#define PETREL_CRYPTO_AES_AES_SBOX_CIRCUIT_H

namespace petrel {
namespace aes_detail {

// SubBytes on q[0..8): q[i] holds bit i of every byte (q[7] the most significant).
// kConst = false leaves out the four NOTs of the affine constant 0x63 (bits 0, 1, 5, 6): the
// result is then S(x) ^ 0x63, for callers that fold the constant into their round keys
// ("fixslice").
template <typename T, bool kConst = true>
inline void sbox_circuit(T* q) noexcept {
  const T x0 = q[7];
  const T x1 = q[6];
  const T x2 = q[5];
  const T x3 = q[4];
  const T x4 = q[3];
  const T x5 = q[2];
  const T x6 = q[1];
  const T x7 = q[0];

  // Top linear transformation.
  const T y14 = x3 ^ x5;
  const T y13 = x0 ^ x6;
  const T y9 = x0 ^ x3;
  const T y8 = x0 ^ x5;
  const T t0 = x1 ^ x2;
  const T y1 = t0 ^ x7;
  const T y4 = y1 ^ x3;
  const T y12 = y13 ^ y14;
  const T y2 = y1 ^ x0;
  const T y5 = y1 ^ x6;
  const T y3 = y5 ^ y8;
  const T t1 = x4 ^ y12;
  const T y15 = t1 ^ x5;
  const T y20 = t1 ^ x1;
  const T y6 = y15 ^ x7;
  const T y10 = y15 ^ t0;
  const T y11 = y20 ^ y9;
  const T y7 = x7 ^ y11;
  const T y17 = y10 ^ y11;
  const T y19 = y10 ^ y8;
  const T y16 = t0 ^ y11;
  const T y21 = y13 ^ y16;
  const T y18 = x0 ^ y16;

  // Non-linear middle part (inversion in GF(2^4)^2).
  const T t2 = y12 & y15;
  const T t3 = y3 & y6;
  const T t4 = t3 ^ t2;
  const T t5 = y4 & x7;
  const T t6 = t5 ^ t2;
  const T t7 = y13 & y16;
  const T t8 = y5 & y1;
  const T t9 = t8 ^ t7;
  const T t10 = y2 & y7;
  const T t11 = t10 ^ t7;
  const T t12 = y9 & y11;
  const T t13 = y14 & y17;
  const T t14 = t13 ^ t12;
  const T t15 = y8 & y10;
  const T t16 = t15 ^ t12;
  const T t17 = t4 ^ t14;
  const T t18 = t6 ^ t16;
  const T t19 = t9 ^ t14;
  const T t20 = t11 ^ t16;
  const T t21 = t17 ^ y20;
  const T t22 = t18 ^ y19;
  const T t23 = t19 ^ y21;
  const T t24 = t20 ^ y18;

  const T t25 = t21 ^ t22;
  const T t26 = t21 & t23;
  const T t27 = t24 ^ t26;
  const T t28 = t25 & t27;
  const T t29 = t28 ^ t22;
  const T t30 = t23 ^ t24;
  const T t31 = t22 ^ t26;
  const T t32 = t31 & t30;
  const T t33 = t32 ^ t24;
  const T t34 = t23 ^ t33;
  const T t35 = t27 ^ t33;
  const T t36 = t24 & t35;
  const T t37 = t36 ^ t34;
  const T t38 = t27 ^ t36;
  const T t39 = t29 & t38;
  const T t40 = t25 ^ t39;

  const T t41 = t40 ^ t37;
  const T t42 = t29 ^ t33;
  const T t43 = t29 ^ t40;
  const T t44 = t33 ^ t37;
  const T t45 = t42 ^ t41;
  const T z0 = t44 & y15;
  const T z1 = t37 & y6;
  const T z2 = t33 & x7;
  const T z3 = t43 & y16;
  const T z4 = t40 & y1;
  const T z5 = t29 & y7;
  const T z6 = t42 & y11;
  const T z7 = t45 & y17;
  const T z8 = t41 & y10;
  const T z9 = t44 & y12;
  const T z10 = t37 & y3;
  const T z11 = t33 & y4;
  const T z12 = t43 & y13;
  const T z13 = t40 & y5;
  const T z14 = t29 & y2;
  const T z15 = t42 & y9;
  const T z16 = t45 & y14;
  const T z17 = t41 & y8;

  // Bottom linear transformation (with the affine constant 0x63 folded into the XNORs).
  const T t46 = z15 ^ z16;
  const T t47 = z10 ^ z11;
  const T t48 = z5 ^ z13;
  const T t49 = z9 ^ z10;
  const T t50 = z2 ^ z12;
  const T t51 = z2 ^ z5;
  const T t52 = z7 ^ z8;
  const T t53 = z0 ^ z3;
  const T t54 = z6 ^ z7;
  const T t55 = z16 ^ z17;
  const T t56 = z12 ^ t48;
  const T t57 = t50 ^ t53;
  const T t58 = z4 ^ t46;
  const T t59 = z3 ^ t54;
  const T t60 = t46 ^ t57;
  const T t61 = z14 ^ t57;
  const T t62 = t52 ^ t58;
  const T t63 = t49 ^ t58;
  const T t64 = z4 ^ t59;
  const T t65 = t61 ^ t62;
  const T t66 = z1 ^ t63;
  const T s0 = t59 ^ t63;
  const T s6 = kConst ? t56 ^ ~t62 : t56 ^ t62;
  const T s7 = kConst ? t48 ^ ~t60 : t48 ^ t60;
  const T t67 = t64 ^ t65;
  const T s3 = t53 ^ t66;
  const T s4 = t51 ^ t66;
  const T s5 = t47 ^ t65;
  const T s1 = kConst ? t64 ^ ~s3 : t64 ^ s3;
  const T s2 = kConst ? t55 ^ ~t67 : t55 ^ t67;

  q[7] = s0;
  q[6] = s1;
  q[5] = s2;
  q[4] = s3;
  q[3] = s4;
  q[2] = s5;
  q[1] = s6;
  q[0] = s7;
}

}  // namespace aes_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_AES_AES_SBOX_CIRCUIT_H
