// Poly1305 "armv4" (crypto/chacha/arm/poly1305_armv4.S holds the block function): the key set-up
// and the final reduction in C++, in radix 2^32, writing and reading the state layout that the
// assembly header describes (words [0,16) the coefficient rows, [16,21) h, [21,25) s).
// RFC 8439 section 2.5. Constant-time: the clamp, the rows and the final "h >= p ?" (a mask
// select) do not branch on or index by the key or the accumulator.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "crypto/chacha/poly1305.h"
#include "crypto/chacha/poly1305_internal.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace {
constexpr size_t kWords = 25;
static_assert(kWords * 4 <= sizeof(petrel::Poly1305::State), "the armv4 layout fits the state");
}  // namespace

extern "C" void petrel_poly1305_init_armv4(void* state, const uint8_t key[32]) noexcept {
  uint32_t w[kWords];
  const uint32_t r0 = petrel::load_le32(key + 0) & 0x0fffffffu;
  const uint32_t r1 = petrel::load_le32(key + 4) & 0x0ffffffcu;
  const uint32_t r2 = petrel::load_le32(key + 8) & 0x0ffffffcu;
  const uint32_t r3 = petrel::load_le32(key + 12) & 0x0ffffffcu;
  const uint32_t s1 = r1 + (r1 >> 2);
  const uint32_t s2 = r2 + (r2 >> 2);
  const uint32_t s3 = r3 + (r3 >> 2);
  const uint32_t rows[16] = {r0, r1, r2, r3, s3, r0, r1, r2, s2, s3, r0, r1, s1, s2, s3, r0};
  for (size_t i = 0; i < 16; i++) {
    w[i] = rows[i];
  }
  for (size_t i = 16; i < 21; i++) {
    w[i] = 0;
  }
  for (size_t i = 0; i < 4; i++) {
    w[21 + i] = petrel::load_le32(key + 16 + 4 * i);
  }
  std::memcpy(state, w, sizeof(w));
  petrel::secure_wipe(w, sizeof(w));
}

extern "C" void petrel_poly1305_finish_armv4(void* state, uint8_t tag[16]) noexcept {
  uint32_t w[kWords];
  std::memcpy(w, state, sizeof(w));
  // h < 2 (2^130 - 5) (the block function's bound): g = h + 5; if g >= 2^130, h = g - 2^130.
  uint32_t g[5];
  uint64_t c = 5;
  for (size_t i = 0; i < 5; i++) {
    c += w[16 + i];
    g[i] = static_cast<uint32_t>(c);
    c >>= 32;
  }
  const uint32_t mask = 0u - (g[4] >> 2);  // all ones when g >= 2^130 (g4 < 8)
  uint32_t h[4];
  for (size_t i = 0; i < 4; i++) {
    h[i] = (g[i] & mask) | (w[16 + i] & ~mask);
  }
  c = 0;
  for (size_t i = 0; i < 4; i++) {
    c += static_cast<uint64_t>(h[i]) + w[21 + i];
    petrel::store_le32(tag + 4 * i, static_cast<uint32_t>(c));
    c >>= 32;
  }
  petrel::secure_wipe(w, sizeof(w));
  petrel::secure_wipe(g, sizeof(g));
  petrel::secure_wipe(h, sizeof(h));
}
