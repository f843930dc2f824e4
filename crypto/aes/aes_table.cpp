// AES-128/192/256 (FIPS 197), T-table implementation ("table").
//
// Encryption combines SubBytes, ShiftRows and MixColumns of one round into four lookups in a
// 256-entry table of 32-bit words (Daemen and Rijmen, "AES Proposal: Rijndael", section 5.2.1);
// decryption uses the equivalent inverse cipher (FIPS 197 section 5.3.5), whose round keys
// 1..Nr-1 are passed through InvMixColumns. One table per direction is kept (1 KiB each) and the
// other three columns are rotations of it, which suits the small data caches of the target CPUs.
// The tables and S-boxes are computed at compile time from the GF(2^8) definition.
//
// NOT constant-time: table indices depend on key and data, so cache timing can leak them.
//
// Schedule layout (AesKey's schedule words): encryption round keys in words 0..59, decryption
// (equivalent inverse cipher) round keys in words 60..119, both as big-endian column words.
#include <cstring>

#include "crypto/aes/aes_internal.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

constexpr size_t kDecOffset = 60;
static_assert(kDecOffset + 60 <= AesKey::kScheduleWords, "the table schedule must fit AesKey");

constexpr uint8_t gf_mul(uint8_t a, uint8_t b) {
  uint8_t r = 0;
  for (int i = 0; i < 8; i++) {
    if ((b & 1) != 0) {
      r = static_cast<uint8_t>(r ^ a);
    }
    const bool carry = (a & 0x80) != 0;
    a = static_cast<uint8_t>(a << 1);
    if (carry) {
      a = static_cast<uint8_t>(a ^ 0x1B);
    }
    b = static_cast<uint8_t>(b >> 1);
  }
  return r;
}

struct Tables {
  uint8_t sbox[256] = {};
  uint8_t inv_sbox[256] = {};
  uint32_t te[256] = {};  // (2s, s, s, 3s) big-endian
  uint32_t td[256] = {};  // (14i, 9i, 13i, 11i) big-endian, i = inv_sbox
};

constexpr Tables make_tables() {
  Tables t;
  for (int x = 0; x < 256; x++) {
    // Multiplicative inverse as x^254.
    uint8_t inv = 1;
    uint8_t base = static_cast<uint8_t>(x);
    for (int e = 254; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        inv = gf_mul(inv, base);
      }
      base = gf_mul(base, base);
    }
    if (x == 0) {
      inv = 0;
    }
    // Affine map: b ^ rotl(b,1) ^ rotl(b,2) ^ rotl(b,3) ^ rotl(b,4) ^ 0x63.
    uint8_t s = inv;
    for (int r = 1; r <= 4; r++) {
      s = static_cast<uint8_t>(s ^ static_cast<uint8_t>((inv << r) | (inv >> (8 - r))));
    }
    s = static_cast<uint8_t>(s ^ 0x63);
    t.sbox[x] = s;
    t.inv_sbox[s] = static_cast<uint8_t>(x);
  }
  for (int x = 0; x < 256; x++) {
    const uint8_t s = t.sbox[x];
    t.te[x] = (static_cast<uint32_t>(gf_mul(s, 2)) << 24) | (static_cast<uint32_t>(s) << 16) |
              (static_cast<uint32_t>(s) << 8) | gf_mul(s, 3);
    const uint8_t i = t.inv_sbox[x];
    t.td[x] = (static_cast<uint32_t>(gf_mul(i, 14)) << 24) |
              (static_cast<uint32_t>(gf_mul(i, 9)) << 16) |
              (static_cast<uint32_t>(gf_mul(i, 13)) << 8) | gf_mul(i, 11);
  }
  return t;
}

constexpr Tables kTables = make_tables();

inline uint32_t sub_word(uint32_t w) noexcept {
  const uint8_t* s = kTables.sbox;
  return (static_cast<uint32_t>(s[w >> 24]) << 24) | (static_cast<uint32_t>(s[(w >> 16) & 0xFF]) << 16) |
         (static_cast<uint32_t>(s[(w >> 8) & 0xFF]) << 8) | s[w & 0xFF];
}

// InvMixColumns of one column word, through td[sbox[b]] (td already includes InvSubBytes).
inline uint32_t inv_mix_word(uint32_t w) noexcept {
  const uint32_t* td = kTables.td;
  const uint8_t* s = kTables.sbox;
  return td[s[w >> 24]] ^ rotr32(td[s[(w >> 16) & 0xFF]], 8) ^ rotr32(td[s[(w >> 8) & 0xFF]], 16) ^
         rotr32(td[s[w & 0xFF]], 24);
}

// FIPS 197 section 5.2 (KeyExpansion) and 5.3.5 (equivalent inverse cipher key schedule).
void table_expand(uint32_t* sk, const uint8_t* key, size_t key_len, unsigned rounds) noexcept {
  static const uint8_t kRcon[10] = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36};
  const size_t nk = key_len / 4;
  const size_t total = 4 * (static_cast<size_t>(rounds) + 1);
  for (size_t i = 0; i < nk; i++) {
    sk[i] = load_be32(key + 4 * i);
  }
  for (size_t i = nk; i < total; i++) {
    uint32_t tmp = sk[i - 1];
    if (i % nk == 0) {
      tmp = sub_word(rotl32(tmp, 8)) ^ (static_cast<uint32_t>(kRcon[i / nk - 1]) << 24);
    } else if (nk > 6 && i % nk == 4) {
      tmp = sub_word(tmp);
    }
    sk[i] = sk[i - nk] ^ tmp;
  }
  // Decryption schedule: round keys in reverse order, InvMixColumns on rounds 1..Nr-1.
  uint32_t* dk = sk + kDecOffset;
  for (size_t r = 0; r <= rounds; r++) {
    for (size_t c = 0; c < 4; c++) {
      const uint32_t w = sk[4 * (rounds - r) + c];
      dk[4 * r + c] = (r == 0 || r == rounds) ? w : inv_mix_word(w);
    }
  }
}

void encrypt_block(const uint32_t* rk, unsigned rounds, uint8_t* out, const uint8_t* in) noexcept {
  const uint32_t* te = kTables.te;
  uint32_t s0 = load_be32(in) ^ rk[0];
  uint32_t s1 = load_be32(in + 4) ^ rk[1];
  uint32_t s2 = load_be32(in + 8) ^ rk[2];
  uint32_t s3 = load_be32(in + 12) ^ rk[3];
  for (unsigned r = 1; r < rounds; r++) {
    rk += 4;
    const uint32_t t0 = te[s0 >> 24] ^ rotr32(te[(s1 >> 16) & 0xFF], 8) ^
                        rotr32(te[(s2 >> 8) & 0xFF], 16) ^ rotr32(te[s3 & 0xFF], 24) ^ rk[0];
    const uint32_t t1 = te[s1 >> 24] ^ rotr32(te[(s2 >> 16) & 0xFF], 8) ^
                        rotr32(te[(s3 >> 8) & 0xFF], 16) ^ rotr32(te[s0 & 0xFF], 24) ^ rk[1];
    const uint32_t t2 = te[s2 >> 24] ^ rotr32(te[(s3 >> 16) & 0xFF], 8) ^
                        rotr32(te[(s0 >> 8) & 0xFF], 16) ^ rotr32(te[s1 & 0xFF], 24) ^ rk[2];
    const uint32_t t3 = te[s3 >> 24] ^ rotr32(te[(s0 >> 16) & 0xFF], 8) ^
                        rotr32(te[(s1 >> 8) & 0xFF], 16) ^ rotr32(te[s2 & 0xFF], 24) ^ rk[3];
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }
  rk += 4;
  const uint8_t* sb = kTables.sbox;
  auto last = [sb](uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    return (static_cast<uint32_t>(sb[a >> 24]) << 24) | (static_cast<uint32_t>(sb[(b >> 16) & 0xFF]) << 16) |
           (static_cast<uint32_t>(sb[(c >> 8) & 0xFF]) << 8) | sb[d & 0xFF];
  };
  store_be32(out, last(s0, s1, s2, s3) ^ rk[0]);
  store_be32(out + 4, last(s1, s2, s3, s0) ^ rk[1]);
  store_be32(out + 8, last(s2, s3, s0, s1) ^ rk[2]);
  store_be32(out + 12, last(s3, s0, s1, s2) ^ rk[3]);
}

void decrypt_block(const uint32_t* rk, unsigned rounds, uint8_t* out, const uint8_t* in) noexcept {
  const uint32_t* td = kTables.td;
  uint32_t s0 = load_be32(in) ^ rk[0];
  uint32_t s1 = load_be32(in + 4) ^ rk[1];
  uint32_t s2 = load_be32(in + 8) ^ rk[2];
  uint32_t s3 = load_be32(in + 12) ^ rk[3];
  for (unsigned r = 1; r < rounds; r++) {
    rk += 4;
    const uint32_t t0 = td[s0 >> 24] ^ rotr32(td[(s3 >> 16) & 0xFF], 8) ^
                        rotr32(td[(s2 >> 8) & 0xFF], 16) ^ rotr32(td[s1 & 0xFF], 24) ^ rk[0];
    const uint32_t t1 = td[s1 >> 24] ^ rotr32(td[(s0 >> 16) & 0xFF], 8) ^
                        rotr32(td[(s3 >> 8) & 0xFF], 16) ^ rotr32(td[s2 & 0xFF], 24) ^ rk[1];
    const uint32_t t2 = td[s2 >> 24] ^ rotr32(td[(s1 >> 16) & 0xFF], 8) ^
                        rotr32(td[(s0 >> 8) & 0xFF], 16) ^ rotr32(td[s3 & 0xFF], 24) ^ rk[2];
    const uint32_t t3 = td[s3 >> 24] ^ rotr32(td[(s2 >> 16) & 0xFF], 8) ^
                        rotr32(td[(s1 >> 8) & 0xFF], 16) ^ rotr32(td[s0 & 0xFF], 24) ^ rk[3];
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }
  rk += 4;
  const uint8_t* si = kTables.inv_sbox;
  auto last = [si](uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    return (static_cast<uint32_t>(si[a >> 24]) << 24) | (static_cast<uint32_t>(si[(b >> 16) & 0xFF]) << 16) |
           (static_cast<uint32_t>(si[(c >> 8) & 0xFF]) << 8) | si[d & 0xFF];
  };
  store_be32(out, last(s0, s3, s2, s1) ^ rk[0]);
  store_be32(out + 4, last(s1, s0, s3, s2) ^ rk[1]);
  store_be32(out + 8, last(s2, s1, s0, s3) ^ rk[2]);
  store_be32(out + 12, last(s3, s2, s1, s0) ^ rk[3]);
}

}  // namespace
}  // namespace petrel

extern "C" {
void petrel_aes_expand_table(uint32_t* schedule, const uint8_t* key, size_t key_len,
                             unsigned rounds) noexcept {
  petrel::table_expand(schedule, key, key_len, rounds);
}
void petrel_aes_encrypt_blocks_table(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                     const uint8_t* in, size_t nblocks) noexcept {
  for (size_t i = 0; i < nblocks; i++) {
    petrel::encrypt_block(schedule, rounds, out + i * petrel::kAesBlockSize,
                          in + i * petrel::kAesBlockSize);
  }
}
void petrel_aes_decrypt_blocks_table(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                                     const uint8_t* in, size_t nblocks) noexcept {
  for (size_t i = 0; i < nblocks; i++) {
    petrel::decrypt_block(schedule + petrel::kDecOffset, rounds, out + i * petrel::kAesBlockSize,
                          in + i * petrel::kAesBlockSize);
  }
}
}  // extern "C"
