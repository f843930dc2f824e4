// AES-128/192/256 (FIPS 197), bitsliced constant-time implementation ("ct").
//
// Two blocks are processed in parallel in eight 32-bit words: after the transposition
// (ortho), word q[i] holds bit i of all 32 state bytes, at position 8*row + 2*column + block.
// SubBytes is evaluated as a Boolean circuit (Boyar and Peralta, "A depth-16 circuit for the AES
// S-box", 2011: 32 AND and 83 XOR/XNOR gates) on all 32 bytes at once; ShiftRows and MixColumns
// are shifts and rotations of the words. InvSubBytes is the inverse affine map, the forward
// circuit, and the inverse affine map again (the S-box inversion x -> x^254 is an involution).
// The key schedule uses the same circuit for SubWord. The same design as BearSSL's aes_ct.
//
// Constant-time: yes. No table is indexed by secret data and no branch depends on the key or the
// data; all loops depend only on the (public) key size and block count. Byte order is handled by
// load_le32/store_le32, so the code is independent of the host's endianness.
//
// Schedule layout in AesKey::schedule(): (rounds + 1) round keys of 8 words each, already
// bitsliced for two blocks (words 0..8*(rounds+1)-1). Decryption uses the same schedule.
#include <cstring>

#include "crypto/aes/aes_internal.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

// The S-box circuit on eight bitsliced words; q[7] is the most significant bit of each byte.
void sbox(uint32_t* q) noexcept {
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
  const uint32_t s6 = t56 ^ ~t62;
  const uint32_t s7 = t48 ^ ~t60;
  const uint32_t t67 = t64 ^ t65;
  const uint32_t s3 = t53 ^ t66;
  const uint32_t s4 = t51 ^ t66;
  const uint32_t s5 = t47 ^ t65;
  const uint32_t s1 = t64 ^ ~s3;
  const uint32_t s2 = t55 ^ ~t67;

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
void inv_affine(uint32_t* q) noexcept {
  const uint32_t q0 = ~q[0];
  const uint32_t q1 = ~q[1];
  const uint32_t q2 = q[2];
  const uint32_t q3 = q[3];
  const uint32_t q4 = q[4];
  const uint32_t q5 = ~q[5];
  const uint32_t q6 = ~q[6];
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
void inv_sbox(uint32_t* q) noexcept {
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
void ortho(uint32_t* q) noexcept {
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

inline void add_round_key(uint32_t* q, const uint32_t* rk) noexcept {
  for (size_t i = 0; i < 8; i++) {
    q[i] ^= rk[i];
  }
}

// ShiftRows: row r (bits 8r..8r+7) rotates left by r columns (2 bits per column).
void shift_rows(uint32_t* q) noexcept {
  for (size_t i = 0; i < 8; i++) {
    const uint32_t x = q[i];
    q[i] = (x & 0x000000FFu) | ((x & 0x0000FC00u) >> 2) | ((x & 0x00000300u) << 6) |
           ((x & 0x00F00000u) >> 4) | ((x & 0x000F0000u) << 4) | ((x & 0xC0000000u) >> 6) |
           ((x & 0x3F000000u) << 2);
  }
}

void inv_shift_rows(uint32_t* q) noexcept {
  for (size_t i = 0; i < 8; i++) {
    const uint32_t x = q[i];
    q[i] = (x & 0x000000FFu) | ((x & 0x00003F00u) << 2) | ((x & 0x0000C000u) >> 6) |
           ((x & 0x000F0000u) << 4) | ((x & 0x00F00000u) >> 4) | ((x & 0x03000000u) << 6) |
           ((x & 0xFC000000u) >> 2);
  }
}

// MixColumns: out_r = 2*a_r ^ 3*a_{r+1} ^ a_{r+2} ^ a_{r+3} = 2*(a_r ^ a_{r+1}) ^ a_{r+1} ^
// (a_{r+2} ^ a_{r+3}). rotr8 brings row r+1 onto row r, rotr16 row r+2. Doubling in GF(2^8)
// shifts bit planes up by one and folds plane 7 into planes 0, 1, 3, 4 (0x1B).
void mix_columns(uint32_t* q) noexcept {
  const uint32_t q0 = q[0];
  const uint32_t q1 = q[1];
  const uint32_t q2 = q[2];
  const uint32_t q3 = q[3];
  const uint32_t q4 = q[4];
  const uint32_t q5 = q[5];
  const uint32_t q6 = q[6];
  const uint32_t q7 = q[7];
  const uint32_t r0 = rotr32(q0, 8);
  const uint32_t r1 = rotr32(q1, 8);
  const uint32_t r2 = rotr32(q2, 8);
  const uint32_t r3 = rotr32(q3, 8);
  const uint32_t r4 = rotr32(q4, 8);
  const uint32_t r5 = rotr32(q5, 8);
  const uint32_t r6 = rotr32(q6, 8);
  const uint32_t r7 = rotr32(q7, 8);

  q[0] = q7 ^ r7 ^ r0 ^ rotr32(q0 ^ r0, 16);
  q[1] = q0 ^ r0 ^ q7 ^ r7 ^ r1 ^ rotr32(q1 ^ r1, 16);
  q[2] = q1 ^ r1 ^ r2 ^ rotr32(q2 ^ r2, 16);
  q[3] = q2 ^ r2 ^ q7 ^ r7 ^ r3 ^ rotr32(q3 ^ r3, 16);
  q[4] = q3 ^ r3 ^ q7 ^ r7 ^ r4 ^ rotr32(q4 ^ r4, 16);
  q[5] = q4 ^ r4 ^ r5 ^ rotr32(q5 ^ r5, 16);
  q[6] = q5 ^ r5 ^ r6 ^ rotr32(q6 ^ r6, 16);
  q[7] = q6 ^ r6 ^ r7 ^ rotr32(q7 ^ r7, 16);
}

// Multiplies every byte by 2 in GF(2^8) (bit planes).
inline void xtime(uint32_t* q) noexcept {
  const uint32_t hi = q[7];
  q[7] = q[6];
  q[6] = q[5];
  q[5] = q[4];
  q[4] = q[3] ^ hi;
  q[3] = q[2] ^ hi;
  q[2] = q[1];
  q[1] = q[0] ^ hi;
  q[0] = hi;
}

// InvMixColumns = MixColumns o P where P adds 4*(a_r ^ a_{r+2}) to a_r (FIPS 197 5.3.3 matrix
// factored as [2 3 1 1] x [5 0 4 0]).
void inv_mix_columns(uint32_t* q) noexcept {
  uint32_t t[8];
  for (size_t i = 0; i < 8; i++) {
    t[i] = q[i] ^ rotr32(q[i], 16);
  }
  xtime(t);
  xtime(t);
  for (size_t i = 0; i < 8; i++) {
    q[i] ^= t[i];
  }
  mix_columns(q);
}

void encrypt_bitsliced(unsigned rounds, const uint32_t* sk, uint32_t* q) noexcept {
  add_round_key(q, sk);
  for (unsigned u = 1; u < rounds; u++) {
    sbox(q);
    shift_rows(q);
    mix_columns(q);
    add_round_key(q, sk + 8 * u);
  }
  sbox(q);
  shift_rows(q);
  add_round_key(q, sk + 8 * rounds);
}

void decrypt_bitsliced(unsigned rounds, const uint32_t* sk, uint32_t* q) noexcept {
  add_round_key(q, sk + 8 * rounds);
  for (unsigned u = rounds - 1; u > 0; u--) {
    inv_shift_rows(q);
    inv_sbox(q);
    add_round_key(q, sk + 8 * u);
    inv_mix_columns(q);
  }
  inv_shift_rows(q);
  inv_sbox(q);
  add_round_key(q, sk);
}

// SubWord on one 32-bit word (little-endian byte order) through the circuit.
uint32_t sub_word(uint32_t x) noexcept {
  uint32_t q[8] = {x, 0, 0, 0, 0, 0, 0, 0};
  ortho(q);
  sbox(q);
  ortho(q);
  const uint32_t r = q[0];
  secure_wipe(q, sizeof(q));
  return r;
}

// FIPS 197 section 5.2 with words in little-endian byte order (RotWord is a right rotation by 8
// and Rcon lands in the low byte). Each word is stored twice (for the two parallel blocks), then
// each group of four words is transposed into the bitsliced layout.
static_assert(8 * (14 + 1) <= AesKey::kScheduleWords, "the bitsliced AES-256 schedule must fit AesKey");

void ct_expand(uint32_t* sk, const uint8_t* key, size_t key_len, unsigned rounds) noexcept {
  static const uint8_t kRcon[10] = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36};
  const size_t nk = key_len / 4;
  const size_t total = 4 * (static_cast<size_t>(rounds) + 1);
  uint32_t tmp = 0;
  for (size_t i = 0; i < nk; i++) {
    tmp = load_le32(key + 4 * i);
    sk[2 * i] = tmp;
    sk[2 * i + 1] = tmp;
  }
  size_t j = 0;
  size_t k = 0;
  for (size_t i = nk; i < total; i++) {
    if (j == 0) {
      tmp = rotr32(tmp, 8);
      tmp = sub_word(tmp) ^ kRcon[k];
    } else if (nk > 6 && j == 4) {
      tmp = sub_word(tmp);
    }
    tmp ^= sk[2 * (i - nk)];
    sk[2 * i] = tmp;
    sk[2 * i + 1] = tmp;
    if (++j == nk) {
      j = 0;
      k++;
    }
  }
  for (size_t i = 0; i < total; i += 4) {
    ortho(sk + 2 * i);
  }
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

template <bool kEncrypt>
void ct_blocks(const uint32_t* sk, unsigned rounds, uint8_t* out, const uint8_t* in,
               size_t nblocks) noexcept {
  uint32_t q[8];
  while (nblocks > 0) {
    // The pairing depends only on the public block count.
    const bool two = nblocks >= 2;
    load_blocks(q, in, two ? in + kAesBlockSize : nullptr);
    ortho(q);
    if (kEncrypt) {
      encrypt_bitsliced(rounds, sk, q);
    } else {
      decrypt_bitsliced(rounds, sk, q);
    }
    ortho(q);
    store_blocks(out, two ? out + kAesBlockSize : nullptr, q);
    const size_t done = two ? 2 : 1;
    in += done * kAesBlockSize;
    out += done * kAesBlockSize;
    nblocks -= done;
  }
  secure_wipe(q, sizeof(q));
}

}  // namespace

}  // namespace petrel

extern "C" {
void petrel_aes_expand_ct(uint32_t* schedule, const uint8_t* key, size_t key_len,
                          unsigned rounds) noexcept {
  petrel::ct_expand(schedule, key, key_len, rounds);
}
void petrel_aes_encrypt_blocks_ct(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                  const uint8_t* in, size_t nblocks) noexcept {
  petrel::ct_blocks<true>(schedule, rounds, out, in, nblocks);
}
void petrel_aes_decrypt_blocks_ct(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                  const uint8_t* in, size_t nblocks) noexcept {
  petrel::ct_blocks<false>(schedule, rounds, out, in, nblocks);
}
}  // extern "C"
