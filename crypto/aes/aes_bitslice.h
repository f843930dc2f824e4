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
#include "crypto/aes/aes_sbox_circuit.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace aes_bitslice {

// The S-box circuit on eight bitsliced words (crypto/aes/aes_sbox_circuit.h, shared with the
// NEON variant); q[7] is the most significant bit of each byte. kConst = false leaves out the
// affine constant 0x63: the result is then S(x) ^ 0x63.
template <bool kConst = true>
inline void sbox(uint32_t* q) noexcept {
  aes_detail::sbox_circuit<uint32_t, kConst>(q);
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

// The block loop of both variants: nblocks blocks from in to out, two per call of
// rounds_fn(rounds, sk, q) on the bitsliced state (the last one alone when nblocks is odd).
// The pairing depends only on the public block count; the state is wiped at the end.
template <typename RoundsFn>
inline void two_block_loop(const uint32_t* sk, unsigned rounds, uint8_t* out, const uint8_t* in,
                           size_t nblocks, RoundsFn rounds_fn) noexcept {
  uint32_t q[8];
  while (nblocks > 0) {
    const bool two = nblocks >= 2;
    load_blocks(q, in, two ? in + kAesBlockSize : nullptr);
    ortho(q);
    rounds_fn(rounds, sk, q);
    ortho(q);
    store_blocks(out, two ? out + kAesBlockSize : nullptr, q);
    const size_t done = two ? 2 : 1;
    in += done * kAesBlockSize;
    out += done * kAesBlockSize;
    nblocks -= done;
  }
  secure_wipe(q, sizeof(q));
}

}  // namespace aes_bitslice
}  // namespace petrel

#endif  // PETREL_CRYPTO_AES_AES_BITSLICE_H
