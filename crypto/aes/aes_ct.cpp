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
// Schedule layout (AesKey's schedule words): (rounds + 1) round keys of 8 words each, already
// bitsliced for two blocks (words 0..8*(rounds+1)-1). Decryption uses the same schedule.
#include <cstring>

#include "crypto/aes/aes_bitslice.h"
#include "crypto/aes/aes_internal.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

using aes_bitslice::inv_sbox;
using aes_bitslice::load_blocks;
using aes_bitslice::ortho;
using aes_bitslice::sbox;
using aes_bitslice::store_blocks;


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

// The bitsliced schedule from the FIPS 197 words w[0..4*(rounds+1)) (the second half of
// ct_expand), for variants that keep plain round keys and borrow "ct" for single blocks.
void ct_schedule_from_words(uint32_t* sk, const uint32_t* w, unsigned rounds) noexcept {
  const size_t total = 4 * (static_cast<size_t>(rounds) + 1);
  for (size_t i = 0; i < total; i++) {
    sk[2 * i] = w[i];
    sk[2 * i + 1] = w[i];
  }
  for (size_t i = 0; i < total; i += 4) {
    ortho(sk + 2 * i);
  }
}

template <bool kEncrypt>
void ct_blocks(const uint32_t* sk, unsigned rounds, uint8_t* out, const uint8_t* in,
               size_t nblocks) noexcept {
  aes_bitslice::two_block_loop(sk, rounds, out, in, nblocks,
                               [](unsigned r, const uint32_t* k, uint32_t* q) {
                                 if (kEncrypt) {
                                   encrypt_bitsliced(r, k, q);
                                 } else {
                                   decrypt_bitsliced(r, k, q);
                                 }
                               });
}

}  // namespace

}  // namespace petrel

extern "C" {
void petrel_aes_expand_ct(uint32_t* schedule, const uint8_t* key, size_t key_len,
                          unsigned rounds) noexcept {
  petrel::ct_expand(schedule, key, key_len, rounds);
}
void petrel_aes_schedule_from_words_ct(uint32_t* schedule, const uint32_t* words,
                                       unsigned rounds) noexcept {
  petrel::ct_schedule_from_words(schedule, words, rounds);
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
