// AES-128/192/256 (FIPS 197), bitsliced over eight blocks in NEON registers ("armv7-neon").
//
// Layout (Kasper and Schwabe, "Faster and timing-attack resistant AES-GCM", CHES 2009; the same
// idea as OpenSSL's bsaes-armv7, written anew here in C++ with arm_neon.h intrinsics): eight
// blocks are loaded, each block's bytes permuted from the FIPS 197 column-major order to
// row-major order (byte 4*row + column), and the 8x8 bit matrices formed by (block, bit of byte)
// at each byte position are transposed, so that register q[i] holds bit i of every state byte:
// byte 4*row + column of q[i] carries, in its bit b, bit i of that state byte of block b.
// SubBytes is the Boyar-Peralta circuit (crypto/aes/aes_sbox_circuit.h) on the eight registers;
// ShiftRows is a fixed byte permutation (VTBL with constant indices); MixColumns rotates rows
// within a column, which in the row-major order is a rotation of the whole register by 4 or 8
// bytes (VEXT). AddRoundKey expands each round key on the fly: VTST of the 16 key bytes against
// 1 << i gives the all-ones/all-zeros bytes of bit plane i. Decryption runs the inverse
// operations (InvSubBytes as L o S o L with L(y) = A^-1(y ^ 0x63); InvMixColumns as MixColumns
// after a multiplication by [5 0 4 0]), over the same round keys.
//
// Constant-time: yes. No table is indexed by secret data (the VTBL indices are constants), no
// branch or address depends on the key or the data; loop counts depend only on the public round
// count and block count. Fewer than eight blocks are padded with zero blocks in a stack buffer
// (by the public count) that is wiped.
//
// Schedule layout (AesKey's schedule words): the FIPS 197 round keys, 16 bytes each in row-major
// byte order, (rounds + 1) of them (60 words for AES-256); both directions use them.
//
// Measured (guest instructions per byte under qemu-arm -cpu cortex-a7, N = 16384 bytes, 2026-12-02):
//   scripts/perf-table --targets armhf --algs "aes-128-cbc aes-256-cbc aes-256-ctr aes-256-gcm"
//   AES-256-CTR 44.90 (ct 154.99, armv4 table 50.29, OpenSSL bsaes 24.13, OpenSSL no NEON 57.80);
//   AES-256-GCM 111.09 with the "ct" GHASH (OpenSSL 33.60); CBC encryption through "ct":
//   AES-128-CBC 220.52, AES-256-CBC 300.88 (ct 220.15, 300.40). gcc 12 -O3 spills about a
//   quarter of the vector instructions of a round to the stack (the circuit needs more than the
//   16 q registers as scheduled by the compiler); a hand-allocated assembly round is the way to
//   issue 10's CTR <= 23.
//
// Built only in ARMv7-A builds (crypto/aes/arm/neon/, PETREL_ASM_ARM_NEON), compiled with NEON
// enabled for this file alone (cmake/PetrelSources.cmake); used only when cpu::arm_neon().
#if defined(__arm__) && !defined(__ARMEB__) && defined(__ARM_NEON)

#include <arm_neon.h>

#include <cstring>

#include "crypto/aes/aes_internal.h"
#include "crypto/aes/aes_sbox_circuit.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

using V = uint8x16_t;
constexpr size_t kLanes = 8;  // blocks per bitsliced batch

static_assert(4 * (14 + 1) <= AesKey::kScheduleWords, "the AES-256 round keys must fit AesKey");

// Column-major <-> row-major byte order (the transposition of the 4x4 byte matrix; an
// involution).
alignas(16) constexpr uint8_t kTranspose[16] = {0, 4, 8,  12, 1, 5, 9,  13,
                                                2, 6, 10, 14, 3, 7, 11, 15};
// ShiftRows in row-major order: out[4r + c] = in[4r + ((c + r) & 3)]; and its inverse.
alignas(16) constexpr uint8_t kShiftRows[16] = {0,  1,  2,  3,  5,  6,  7,  4,
                                                10, 11, 8,  9,  15, 12, 13, 14};
alignas(16) constexpr uint8_t kInvShiftRows[16] = {0,  1,  2,  3,  7,  4,  5,  6,
                                                   10, 11, 8,  9,  13, 14, 15, 12};

inline V permute(V x, uint8x8_t idx_lo, uint8x8_t idx_hi) noexcept {
  uint8x8x2_t t;
  t.val[0] = vget_low_u8(x);
  t.val[1] = vget_high_u8(x);
  return vcombine_u8(vtbl2_u8(t, idx_lo), vtbl2_u8(t, idx_hi));
}

inline void permute8(V* q, const uint8_t* table) noexcept {
  const uint8x8_t lo = vld1_u8(table);
  const uint8x8_t hi = vld1_u8(table + 8);
  for (size_t i = 0; i < 8; i++) {
    q[i] = permute(q[i], lo, hi);
  }
}

// Exchanges the bits of x selected by m << s with the bits of y selected by m.
template <int kShift>
inline void swap_move(V& x, V& y, V m) noexcept {
  const V t = vandq_u8(veorq_u8(vshrq_n_u8(x, kShift), y), m);
  y = veorq_u8(y, t);
  x = veorq_u8(x, vshlq_n_u8(t, kShift));
}

// Transposes the 8x8 bit matrices (register index, bit of byte) at every byte position: block b
// in q[b] <-> bit plane i in q[i]. An involution.
inline void ortho(V* q) noexcept {
  const V m1 = vdupq_n_u8(0x55);
  swap_move<1>(q[0], q[1], m1);
  swap_move<1>(q[2], q[3], m1);
  swap_move<1>(q[4], q[5], m1);
  swap_move<1>(q[6], q[7], m1);
  const V m2 = vdupq_n_u8(0x33);
  swap_move<2>(q[0], q[2], m2);
  swap_move<2>(q[1], q[3], m2);
  swap_move<2>(q[4], q[6], m2);
  swap_move<2>(q[5], q[7], m2);
  const V m4 = vdupq_n_u8(0x0F);
  swap_move<4>(q[0], q[4], m4);
  swap_move<4>(q[1], q[5], m4);
  swap_move<4>(q[2], q[6], m4);
  swap_move<4>(q[3], q[7], m4);
}

inline void add_round_key(V* q, const uint8_t* rk) noexcept {
  const V k = vld1q_u8(rk);
  q[0] = veorq_u8(q[0], vtstq_u8(k, vdupq_n_u8(0x01)));
  q[1] = veorq_u8(q[1], vtstq_u8(k, vdupq_n_u8(0x02)));
  q[2] = veorq_u8(q[2], vtstq_u8(k, vdupq_n_u8(0x04)));
  q[3] = veorq_u8(q[3], vtstq_u8(k, vdupq_n_u8(0x08)));
  q[4] = veorq_u8(q[4], vtstq_u8(k, vdupq_n_u8(0x10)));
  q[5] = veorq_u8(q[5], vtstq_u8(k, vdupq_n_u8(0x20)));
  q[6] = veorq_u8(q[6], vtstq_u8(k, vdupq_n_u8(0x40)));
  q[7] = veorq_u8(q[7], vtstq_u8(k, vdupq_n_u8(0x80)));
}

inline V rot_rows1(V x) noexcept { return vextq_u8(x, x, 4); }  // row r + 1 onto row r
inline V rot_rows2(V x) noexcept { return vextq_u8(x, x, 8); }  // row r + 2 onto row r

// MixColumns (the formulas of aes_ct.cpp's mix_columns, rows rotated with VEXT).
inline void mix_columns(V* q) noexcept {
  const V q0 = q[0];
  const V q1 = q[1];
  const V q2 = q[2];
  const V q3 = q[3];
  const V q4 = q[4];
  const V q5 = q[5];
  const V q6 = q[6];
  const V q7 = q[7];
  const V r0 = rot_rows1(q0);
  const V r1 = rot_rows1(q1);
  const V r2 = rot_rows1(q2);
  const V r3 = rot_rows1(q3);
  const V r4 = rot_rows1(q4);
  const V r5 = rot_rows1(q5);
  const V r6 = rot_rows1(q6);
  const V r7 = rot_rows1(q7);
  const V s7 = q7 ^ r7;
  q[0] = s7 ^ r0 ^ rot_rows2(q0 ^ r0);
  q[1] = q0 ^ r0 ^ s7 ^ r1 ^ rot_rows2(q1 ^ r1);
  q[2] = q1 ^ r1 ^ r2 ^ rot_rows2(q2 ^ r2);
  q[3] = q2 ^ r2 ^ s7 ^ r3 ^ rot_rows2(q3 ^ r3);
  q[4] = q3 ^ r3 ^ s7 ^ r4 ^ rot_rows2(q4 ^ r4);
  q[5] = q4 ^ r4 ^ r5 ^ rot_rows2(q5 ^ r5);
  q[6] = q5 ^ r5 ^ r6 ^ rot_rows2(q6 ^ r6);
  q[7] = q6 ^ r6 ^ r7 ^ rot_rows2(s7);
}

// Multiplies every byte by 2 in GF(2^8) (bit planes).
inline void xtime(V* q) noexcept {
  const V hi = q[7];
  q[7] = q[6];
  q[6] = q[5];
  q[5] = q[4];
  q[4] = q[3] ^ hi;
  q[3] = q[2] ^ hi;
  q[2] = q[1];
  q[1] = q[0] ^ hi;
  q[0] = hi;
}

// InvMixColumns = MixColumns o P, P adding 4*(a_r ^ a_{r+2}) to a_r.
inline void inv_mix_columns(V* q) noexcept {
  V t[8];
  for (size_t i = 0; i < 8; i++) {
    t[i] = q[i] ^ rot_rows2(q[i]);
  }
  xtime(t);
  xtime(t);
  for (size_t i = 0; i < 8; i++) {
    q[i] = q[i] ^ t[i];
  }
  mix_columns(q);
}

// y -> A^-1(y ^ 0x63) on bit planes (aes_ct.cpp's inv_affine).
inline void inv_affine(V* q) noexcept {
  const V q0 = ~q[0];
  const V q1 = ~q[1];
  const V q2 = q[2];
  const V q3 = q[3];
  const V q4 = q[4];
  const V q5 = ~q[5];
  const V q6 = ~q[6];
  const V q7 = q[7];
  q[0] = q2 ^ q5 ^ q7;
  q[1] = q3 ^ q6 ^ q0;
  q[2] = q4 ^ q7 ^ q1;
  q[3] = q5 ^ q0 ^ q2;
  q[4] = q6 ^ q1 ^ q3;
  q[5] = q7 ^ q2 ^ q4;
  q[6] = q0 ^ q3 ^ q5;
  q[7] = q1 ^ q4 ^ q6;
}

void encrypt8(const uint8_t* rk, unsigned rounds, V* q) noexcept {
  const uint8x8_t sr_lo = vld1_u8(kShiftRows);
  const uint8x8_t sr_hi = vld1_u8(kShiftRows + 8);
  add_round_key(q, rk);
  for (unsigned u = 1; u < rounds; u++) {
    aes_detail::sbox_circuit(q);
    for (size_t i = 0; i < 8; i++) {
      q[i] = permute(q[i], sr_lo, sr_hi);
    }
    mix_columns(q);
    add_round_key(q, rk + 16 * u);
  }
  aes_detail::sbox_circuit(q);
  for (size_t i = 0; i < 8; i++) {
    q[i] = permute(q[i], sr_lo, sr_hi);
  }
  add_round_key(q, rk + 16 * rounds);
}

void decrypt8(const uint8_t* rk, unsigned rounds, V* q) noexcept {
  const uint8x8_t sr_lo = vld1_u8(kInvShiftRows);
  const uint8x8_t sr_hi = vld1_u8(kInvShiftRows + 8);
  add_round_key(q, rk + 16 * rounds);
  for (unsigned u = rounds - 1; u > 0; u--) {
    for (size_t i = 0; i < 8; i++) {
      q[i] = permute(q[i], sr_lo, sr_hi);
    }
    inv_affine(q);
    aes_detail::sbox_circuit(q);
    inv_affine(q);
    add_round_key(q, rk + 16 * u);
    inv_mix_columns(q);
  }
  for (size_t i = 0; i < 8; i++) {
    q[i] = permute(q[i], sr_lo, sr_hi);
  }
  inv_affine(q);
  aes_detail::sbox_circuit(q);
  inv_affine(q);
  add_round_key(q, rk);
}

template <bool kEncrypt>
inline void crypt8(const uint8_t* rk, unsigned rounds, uint8_t* out, const uint8_t* in) noexcept {
  V q[8];
  for (size_t b = 0; b < kLanes; b++) {
    q[b] = vld1q_u8(in + 16 * b);
  }
  permute8(q, kTranspose);
  ortho(q);
  if (kEncrypt) {
    encrypt8(rk, rounds, q);
  } else {
    decrypt8(rk, rounds, q);
  }
  ortho(q);
  permute8(q, kTranspose);
  for (size_t b = 0; b < kLanes; b++) {
    vst1q_u8(out + 16 * b, q[b]);
  }
}

template <bool kEncrypt>
void neon_blocks(const uint32_t* schedule, unsigned rounds, uint8_t* out, const uint8_t* in,
                 size_t nblocks) noexcept {
  const uint8_t* rk = reinterpret_cast<const uint8_t*>(schedule);
  while (nblocks >= kLanes) {
    crypt8<kEncrypt>(rk, rounds, out, in);
    in += kLanes * kAesBlockSize;
    out += kLanes * kAesBlockSize;
    nblocks -= kLanes;
  }
  if (nblocks > 0) {
    // The tail (public length) through a zero-padded batch.
    alignas(16) uint8_t buf[kLanes * kAesBlockSize] = {};
    std::memcpy(buf, in, nblocks * kAesBlockSize);
    crypt8<kEncrypt>(rk, rounds, buf, buf);
    std::memcpy(out, buf, nblocks * kAesBlockSize);
    secure_wipe(buf, sizeof(buf));
  }
}

// SubWord on one word (four bytes, little-endian) through the same circuit, one byte per bit of
// eight 32-bit bit planes.
uint32_t sub_word(uint32_t x) noexcept {
  uint32_t q[8];
  for (unsigned i = 0; i < 8; i++) {
    q[i] = 0;
    for (unsigned k = 0; k < 4; k++) {
      q[i] |= ((x >> (8 * k + i)) & 1u) << k;
    }
  }
  aes_detail::sbox_circuit(q);
  uint32_t r = 0;
  for (unsigned i = 0; i < 8; i++) {
    for (unsigned k = 0; k < 4; k++) {
      r |= ((q[i] >> k) & 1u) << (8 * k + i);
    }
  }
  secure_wipe(q, sizeof(q));
  return r;
}

// FIPS 197 section 5.2 (words in little-endian byte order: RotWord is a right rotation by 8),
// then each round key's bytes into row-major order.
void neon_expand(uint32_t* schedule, const uint8_t* key, size_t key_len, unsigned rounds) noexcept {
  static const uint8_t kRcon[10] = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36};
  const size_t nk = key_len / 4;
  const size_t total = 4 * (static_cast<size_t>(rounds) + 1);
  uint32_t w[4 * (14 + 1)];
  for (size_t i = 0; i < nk; i++) {
    w[i] = load_le32(key + 4 * i);
  }
  size_t j = 0;
  size_t k = 0;
  uint32_t tmp = w[nk - 1];
  for (size_t i = nk; i < total; i++) {
    if (j == 0) {
      tmp = sub_word(rotr32(tmp, 8)) ^ kRcon[k];
    } else if (nk > 6 && j == 4) {
      tmp = sub_word(tmp);
    }
    tmp ^= w[i - nk];
    w[i] = tmp;
    if (++j == nk) {
      j = 0;
      k++;
    }
  }
  uint8_t* out = reinterpret_cast<uint8_t*>(schedule);
  const uint8_t* in = reinterpret_cast<const uint8_t*>(w);
  for (size_t r = 0; r <= rounds; r++) {
    for (size_t b = 0; b < 16; b++) {
      out[16 * r + b] = in[16 * r + kTranspose[b]];
    }
  }
  secure_wipe(w, sizeof(w));
  secure_wipe(&tmp, sizeof(tmp));
}

// CBC encryption: each block needs the previous one, so the eight lanes would carry one block
// and seven of padding. "ct" does a block with a quarter of those gates: the round keys go back
// to FIPS 197 words, into the "ct" schedule on the stack (wiped), and the chain runs there.
void neon_cbc_encrypt(const uint32_t* schedule, unsigned rounds, uint8_t* out, const uint8_t* in,
                      size_t nblocks, uint8_t* iv) noexcept {
  if (nblocks == 0) {
    return;
  }
  const uint8_t* rk = reinterpret_cast<const uint8_t*>(schedule);
  uint8_t bytes[16 * (14 + 1)];
  for (size_t r = 0; r <= rounds; r++) {
    for (size_t b = 0; b < 16; b++) {
      bytes[16 * r + kTranspose[b]] = rk[16 * r + b];
    }
  }
  uint32_t words[4 * (14 + 1)];
  for (size_t i = 0; i < 4 * (static_cast<size_t>(rounds) + 1); i++) {
    words[i] = load_le32(bytes + 4 * i);
  }
  alignas(16) uint32_t ct_schedule[AesKey::kScheduleWords];
  petrel_aes_schedule_from_words_ct(ct_schedule, words, rounds);
  uint8_t block[kAesBlockSize];
  for (size_t i = 0; i < nblocks; i++) {
    for (size_t j = 0; j < kAesBlockSize; j++) {
      block[j] = static_cast<uint8_t>(in[16 * i + j] ^ iv[j]);
    }
    petrel_aes_encrypt_blocks_ct(ct_schedule, rounds, iv, block, 1);
    std::memcpy(out + 16 * i, iv, kAesBlockSize);
  }
  secure_wipe(bytes, sizeof(bytes));
  secure_wipe(words, sizeof(words));
  secure_wipe(ct_schedule, sizeof(ct_schedule));
  secure_wipe(block, sizeof(block));
}

}  // namespace
}  // namespace petrel

extern "C" {
void petrel_aes_expand_armv7_neon(uint32_t* schedule, const uint8_t* key, size_t key_len,
                                  unsigned rounds) noexcept {
  petrel::neon_expand(schedule, key, key_len, rounds);
}
void petrel_aes_encrypt_blocks_armv7_neon(const uint32_t* schedule, unsigned rounds,
                                          uint8_t* out, const uint8_t* in,
                                          size_t nblocks) noexcept {
  petrel::neon_blocks<true>(schedule, rounds, out, in, nblocks);
}
void petrel_aes_decrypt_blocks_armv7_neon(const uint32_t* schedule, unsigned rounds,
                                          uint8_t* out, const uint8_t* in,
                                          size_t nblocks) noexcept {
  petrel::neon_blocks<false>(schedule, rounds, out, in, nblocks);
}
void petrel_aes_cbc_encrypt_armv7_neon(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                       const uint8_t* in, size_t nblocks, uint8_t* iv) noexcept {
  petrel::neon_cbc_encrypt(schedule, rounds, out, in, nblocks, iv);
}
}  // extern "C"

#endif
