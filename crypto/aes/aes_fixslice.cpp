// AES-128/192/256 (FIPS 197), fixsliced constant-time implementation ("fixslice").
//
// The bitsliced two-block layout of "ct" (crypto/aes/aes_bitslice.h: word q[i] holds bit i of
// the 32 state bytes at position 8*row + 2*column + block) with ShiftRows left out of every
// round, the idea of Adomnicai and Peyrin, "Fixslicing AES-like ciphers" (TCHES 2021, 1), in
// its fully fixsliced form (our own derivation and code):
//
//   After k rounds without ShiftRows the stored state is a column-permuted copy of the true one:
//   true[r][c] = stored[r][(c + k*r) mod 4]. SubBytes and AddRoundKey act on each byte alone, so
//   only MixColumns and the round keys see the permutation. MixColumns combines, in the true
//   state, a byte with the one a row below; in the stored state that is the byte a row below
//   and k columns to the right: f_k(x) = rotr32(byte_rotr(x, 2k), 8), where byte_rotr rotates
//   each byte by 2k bits. So each round uses one of four MixColumns variants (k = round mod 4);
//   k = 0 is the plain one (rotations only), k = 2 costs one nibble swap per word, k = 1 and 3
//   two byte rotations per word, against the masks and shifts of ShiftRows on every word in
//   every round of "ct". Round key u is stored permuted the same way (InvShiftRows^(u mod 4)
//   at key set-up), and ShiftRows^(rounds mod 4) is applied once at the end (a nibble swap in
//   rows 1 and 3 for AES-128 and AES-256; nothing for AES-192).
//
//   The four NOTs of the S-box's affine constant are left out of the circuit and folded into
//   round keys 1..rounds (MixColumns maps the all-0x63 state to itself, so the constant passes
//   through it unchanged). Decryption runs the inverse rounds on the same stored schedule: the
//   inverse MixColumns variants (InvMixColumns = MixColumns o (1 + 4*(a_r ^ a_{r+2})), the
//   factoring "ct" uses), and InvSubBytes as A^-1, the forward circuit, A^-1 with all the NOTs
//   cancelled by the folded constant.
//
// Constant-time: yes. No table is indexed by secret data and no branch depends on the key or
// the data; the loops and the round-variant switch depend only on the (public) round count,
// round index and block count. Byte order is handled by load_le32/store_le32.
//
// Measured (guest instructions per byte, AES-256, ct -> fixslice; bench/insn/results.md):
//   scripts/insn-count --target T --n 16384 -- build/T/bench/insn/petrel_insn_driver
//     -impl IMPL ALG {N}    (one command line; ct rows also by scripts/perf-table)
//   armel (arm926)   CBC 416.65 -> 282.77, CTR 205.52 -> 138.20, GCM 295.94 -> 228.10
//   mipsel (24Kf)    CBC 417.03 -> 264.53, CTR 211.72 -> 134.67, GCM 278.58 -> 200.94
//   armhf (A7)       CBC 303.40 -> 284.96, CTR 156.28 -> 147.15, GCM 199.71 -> 190.50
//
// Schedule layout (AesKey's schedule words): (rounds + 1) round keys of 8 bitsliced words (both
// blocks), round key u permuted by InvShiftRows^(u mod 4) and, for u >= 1, XORed with the
// bitsliced 0x63 (words 0, 1, 5 and 6 inverted). Decryption uses the same schedule.
#include <cstring>

#include "crypto/aes/aes_bitslice.h"
#include "crypto/aes/aes_internal.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

using aes_bitslice::inv_affine;
using aes_bitslice::load_blocks;
using aes_bitslice::ortho;
using aes_bitslice::sbox;
using aes_bitslice::store_blocks;

inline void add_round_key(uint32_t* q, const uint32_t* rk) noexcept {
  for (size_t i = 0; i < 8; i++) {
    q[i] ^= rk[i];
  }
}

// Rotates each byte of x right by 2k bits (k columns of the stored state to the left).
template <unsigned K>
inline uint32_t byte_rotr(uint32_t x) noexcept {
  if (K == 0) {
    return x;
  } else {
    constexpr unsigned s = 2 * K;
    constexpr uint32_t lo = (0xFFu >> s) * 0x01010101u;
    return ((x >> s) & lo) | ((x << (8 - s)) & ~lo);
  }
}

// f_k: the byte one row below and k columns to the right; f2 = f_k o f_k, two rows below.
template <unsigned K>
inline uint32_t f1(uint32_t x) noexcept {
  return rotr32(byte_rotr<K>(x), 8);
}
template <unsigned K>
inline uint32_t f2(uint32_t x) noexcept {
  return rotr32(byte_rotr<(2 * K) % 4>(x), 16);
}

// MixColumns on the state stored with k skipped ShiftRows: out_r = 2*(a_r ^ a_{r+1}) ^ a_{r+1}
// ^ (a_{r+2} ^ a_{r+3}), as in "ct", with f1/f2 in place of the plain rotations.
template <unsigned K>
inline void mix_columns(uint32_t* q) noexcept {
  uint32_t r[8];
  uint32_t t[8];
  for (size_t i = 0; i < 8; i++) {
    r[i] = f1<K>(q[i]);
    t[i] = q[i] ^ r[i];
  }
  q[0] = t[7] ^ r[0] ^ f2<K>(t[0]);
  q[1] = t[0] ^ t[7] ^ r[1] ^ f2<K>(t[1]);
  q[2] = t[1] ^ r[2] ^ f2<K>(t[2]);
  q[3] = t[2] ^ t[7] ^ r[3] ^ f2<K>(t[3]);
  q[4] = t[3] ^ t[7] ^ r[4] ^ f2<K>(t[4]);
  q[5] = t[4] ^ r[5] ^ f2<K>(t[5]);
  q[6] = t[5] ^ r[6] ^ f2<K>(t[6]);
  q[7] = t[6] ^ r[7] ^ f2<K>(t[7]);
}

// InvMixColumns = MixColumns o P, P adding 4*(a_r ^ a_{r+2}) to a_r (FIPS 197 5.3.3 factored).
template <unsigned K>
inline void inv_mix_columns(uint32_t* q) noexcept {
  uint32_t t[8];
  for (size_t i = 0; i < 8; i++) {
    t[i] = q[i] ^ f2<K>(q[i]);
  }
  // 4*t in GF(2^8) on bit planes: planes move up by two, planes 6 and 7 fold back (0x1B).
  const uint32_t h6 = t[6];
  const uint32_t h7 = t[7];
  q[0] ^= h6;
  q[1] ^= h6 ^ h7;
  q[2] ^= t[0] ^ h7;
  q[3] ^= t[1] ^ h6;
  q[4] ^= t[2] ^ h6 ^ h7;
  q[5] ^= t[3] ^ h7;
  q[6] ^= t[4];
  q[7] ^= t[5];
  mix_columns<K>(q);
}

// ShiftRows^2 (its own inverse): rows 1 and 3 move by two columns, a nibble swap in bytes 1, 3.
inline void shift_rows2(uint32_t* q) noexcept {
  for (size_t i = 0; i < 8; i++) {
    const uint32_t x = q[i];
    q[i] = (x & 0x00FF00FFu) | ((x >> 4) & 0x0F000F00u) | ((x << 4) & 0xF000F000u);
  }
}

// InvShiftRows on the natural bitsliced layout (key set-up only).
void inv_shift_rows(uint32_t* q) noexcept {
  for (size_t i = 0; i < 8; i++) {
    const uint32_t x = q[i];
    q[i] = (x & 0x000000FFu) | ((x & 0x00003F00u) << 2) | ((x & 0x0000C000u) >> 6) |
           ((x & 0x000F0000u) << 4) | ((x & 0x00F00000u) >> 4) | ((x & 0x03000000u) << 6) |
           ((x & 0xFC000000u) >> 2);
  }
}

void encrypt_fixsliced(unsigned rounds, const uint32_t* sk, uint32_t* q) noexcept {
  add_round_key(q, sk);
  for (unsigned u = 1; u < rounds; u++) {
    sbox<false>(q);
    switch (u & 3) {  // the public round index
      case 0:
        mix_columns<0>(q);
        break;
      case 1:
        mix_columns<1>(q);
        break;
      case 2:
        mix_columns<2>(q);
        break;
      default:
        mix_columns<3>(q);
        break;
    }
    add_round_key(q, sk + 8 * u);
  }
  sbox<false>(q);
  add_round_key(q, sk + 8 * rounds);
  if ((rounds & 3) == 2) {
    shift_rows2(q);
  }
}

// A^-1, circuit, A^-1 with no NOTs: the input carries the folded 0x63 (see the file comment).
inline void inv_sbox_folded(uint32_t* q) noexcept {
  inv_affine<false>(q);
  sbox<false>(q);
  inv_affine<false>(q);
}

void decrypt_fixsliced(unsigned rounds, const uint32_t* sk, uint32_t* q) noexcept {
  if ((rounds & 3) == 2) {
    shift_rows2(q);
  }
  add_round_key(q, sk + 8 * rounds);
  for (unsigned u = rounds - 1; u > 0; u--) {
    inv_sbox_folded(q);
    add_round_key(q, sk + 8 * u);
    switch (u & 3) {  // the public round index
      case 0:
        inv_mix_columns<0>(q);
        break;
      case 1:
        inv_mix_columns<1>(q);
        break;
      case 2:
        inv_mix_columns<2>(q);
        break;
      default:
        inv_mix_columns<3>(q);
        break;
    }
  }
  inv_sbox_folded(q);
  add_round_key(q, sk);
}

static_assert(8 * (14 + 1) <= AesKey::kScheduleWords,
              "the fixsliced AES-256 schedule must fit AesKey");

// The "ct" schedule (the same bitsliced layout), then each round key permuted and folded.
void fixslice_expand(uint32_t* sk, const uint8_t* key, size_t key_len, unsigned rounds) noexcept {
  petrel_aes_expand_ct(sk, key, key_len, rounds);
  for (unsigned u = 1; u <= rounds; u++) {
    uint32_t* rk = sk + 8 * u;
    for (unsigned k = 0; k < (u & 3); k++) {
      inv_shift_rows(rk);
    }
    rk[0] = ~rk[0];
    rk[1] = ~rk[1];
    rk[5] = ~rk[5];
    rk[6] = ~rk[6];
  }
}

template <bool kEncrypt>
void fixslice_blocks(const uint32_t* sk, unsigned rounds, uint8_t* out, const uint8_t* in,
                     size_t nblocks) noexcept {
  aes_bitslice::two_block_loop(sk, rounds, out, in, nblocks,
                               [](unsigned r, const uint32_t* k, uint32_t* q) {
                                 if (kEncrypt) {
                                   encrypt_fixsliced(r, k, q);
                                 } else {
                                   decrypt_fixsliced(r, k, q);
                                 }
                               });
}

}  // namespace
}  // namespace petrel

extern "C" {
void petrel_aes_expand_fixslice(uint32_t* schedule, const uint8_t* key, size_t key_len,
                                unsigned rounds) noexcept {
  petrel::fixslice_expand(schedule, key, key_len, rounds);
}
void petrel_aes_encrypt_blocks_fixslice(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                        const uint8_t* in, size_t nblocks) noexcept {
  petrel::fixslice_blocks<true>(schedule, rounds, out, in, nblocks);
}
void petrel_aes_decrypt_blocks_fixslice(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                        const uint8_t* in, size_t nblocks) noexcept {
  petrel::fixslice_blocks<false>(schedule, rounds, out, in, nblocks);
}
}  // extern "C"
