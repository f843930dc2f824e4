// GHASH variant "table4" (crypto/modes/gcm.cpp's table): Shoup's 4-bit method, a 16-entry table
// of multiples of H and a 16-entry reduction table. Faster than "ct", NOT constant-time (table
// indices depend on the data and H). Not in a PETREL_MINIMAL build's table (gcm.cpp
// table4_ops()).
#include <cstddef>
#include <cstdint>

#include "crypto/modes/gcm.h"
#include "crypto/modes/gcm_internal.h"
#include "crypto/util/endian.h"

namespace petrel {
namespace {

// Reduction of the four bits shifted out by a 4-bit right shift: entry r is the sum, over the
// set bits b of r, of x^(128 + 3 - b) mod P, as the top 16 bits of a reflected element.
struct Last4 {
  uint16_t v[16] = {};
};
constexpr Last4 make_last4() {
  Last4 t;
  for (int r = 0; r < 16; r++) {
    uint16_t acc = 0;
    for (int b = 0; b < 4; b++) {
      if (((r >> b) & 1) != 0) {
        acc = static_cast<uint16_t>(acc ^ (0xE100 >> (3 - b)));
      }
    }
    t.v[r] = acc;
  }
  return t;
}
constexpr Last4 kLast4 = make_last4();

// table[0..15] = low halves, table[16..31] = high halves of i*H (i a 4-bit reflected index).
static_assert(2 * 16 <= AesGcm::kTableWords, "the 4-bit GHASH table must fit AesGcm");

void init_table(uint64_t* table, const uint8_t* h) noexcept {
  uint64_t* hl = table;
  uint64_t* hh = table + 16;
  uint64_t vh = load_be64(h);
  uint64_t vl = load_be64(h + 8);
  hh[8] = vh;
  hl[8] = vl;
  for (size_t i = 4; i > 0; i >>= 1) {
    // Multiply by x: a right shift, folding the dropped bit back with 0xE1.
    const uint64_t t = (vl & 1) * 0xE100000000000000ull;
    vl = (vh << 63) | (vl >> 1);
    vh = (vh >> 1) ^ t;
    hh[i] = vh;
    hl[i] = vl;
  }
  for (size_t i = 2; i <= 8; i *= 2) {
    for (size_t j = 1; j < i; j++) {
      hh[i + j] = hh[i] ^ hh[j];
      hl[i + j] = hl[i] ^ hl[j];
    }
  }
  hh[0] = 0;
  hl[0] = 0;
}

void gf_mul_table(uint8_t* x, const uint64_t* table) noexcept {
  const uint64_t* hl = table;
  const uint64_t* hh = table + 16;
  size_t lo = x[15] & 0xF;
  uint64_t zh = hh[lo];
  uint64_t zl = hl[lo];
  for (size_t n = 16; n-- > 0;) {
    lo = x[n] & 0xF;
    const size_t hi = (x[n] >> 4) & 0xF;
    if (n != 15) {
      const size_t rem = static_cast<size_t>(zl & 0xF);
      zl = (zh << 60) | (zl >> 4);
      zh = (zh >> 4) ^ (static_cast<uint64_t>(kLast4.v[rem]) << 48);
      zh ^= hh[lo];
      zl ^= hl[lo];
    }
    const size_t rem = static_cast<size_t>(zl & 0xF);
    zl = (zh << 60) | (zl >> 4);
    zh = (zh >> 4) ^ (static_cast<uint64_t>(kLast4.v[rem]) << 48);
    zh ^= hh[hi];
    zl ^= hl[hi];
  }
  store_be64(x, zh);
  store_be64(x + 8, zl);
}

void ghash_table(uint8_t* y, const uint64_t* table, const uint8_t* data, size_t nblocks) noexcept {
  for (size_t b = 0; b < nblocks; b++) {
    for (size_t i = 0; i < kAesBlockSize; i++) {
      y[i] ^= data[b * kAesBlockSize + i];
    }
    gf_mul_table(y, table);
  }
}

}  // namespace
}  // namespace petrel

// ---- the extern "C" entry points (crypto/modes/gcm_internal.h) ------------------------------
extern "C" {
void petrel_ghash_init_table4(uint64_t* table, const uint8_t* h) noexcept {
  petrel::init_table(table, h);
}
void petrel_ghash_blocks_table4(uint8_t* y, const uint64_t* table, const uint8_t* data,
                                size_t nblocks) noexcept {
  petrel::ghash_table(y, table, data, nblocks);
}
}  // extern "C"
