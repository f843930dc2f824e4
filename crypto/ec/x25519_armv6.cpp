// X25519 field representation "armv6" (crypto/ec/x25519.cpp's table): 8 words of 32 bits, the
// multiply in assembly (crypto/ec/arm/x25519_armv6.S, UMAAL); ARM builds for ARMv6 and later
// (PETREL_X25519_ARMV6, x25519_internal.h).
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "crypto/ec/x25519_internal.h"
#include "crypto/ec/x25519_ladder_internal.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

#if defined(PETREL_X25519_ARMV6)

namespace petrel {
namespace {

// ---- armv6: 8 words of 32 bits, the multiply in assembly ---------------------------------------
// An element is any 8-word little-endian value below 2^256 (congruent mod p, not reduced); the
// multiply (crypto/ec/arm/x25519_armv6.S, UMAAL) keeps that bound, and so do add, sub and
// mul_a24 here, by folding the carry (2^256 = 38 mod p) until it is gone: at most twice, and the
// second fold cannot carry again (the value below it is then small). Constant-time: straight-line
// code and masks, as fe32 and fe64.
struct FeArmv6 {
  uint32_t v[8];

  static void zero(FeArmv6& h) noexcept {
    for (uint32_t& x : h.v) {
      x = 0;
    }
  }
  static void one(FeArmv6& h) noexcept {
    zero(h);
    h.v[0] = 1;
  }
  static void copy(FeArmv6& h, const FeArmv6& f) noexcept { h = f; }
  // h = t + c 2^256 reduced below 2^256: c * 38 added, then a second carry's 38.
  static void fold(FeArmv6& h, const uint32_t* t, uint64_t c) noexcept {
    c *= 38;
    for (int i = 0; i < 8; i++) {
      c += t[i];
      h.v[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    h.v[0] += static_cast<uint32_t>(c) * 38u;  // c is 0 or 1; h.v[0] is then below 38 * 40
  }
  static void add(FeArmv6& h, const FeArmv6& f, const FeArmv6& g) noexcept {
    uint32_t t[8];
    uint64_t c = 0;
    for (int i = 0; i < 8; i++) {
      c += uint64_t{f.v[i]} + g.v[i];
      t[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    fold(h, t, c);
  }
  // h = f - g: a borrow out of the top means 2^256 was added, so 38 is taken off (twice at most).
  static void sub(FeArmv6& h, const FeArmv6& f, const FeArmv6& g) noexcept {
    uint32_t t[8];
    uint32_t borrow = 0;
    for (int i = 0; i < 8; i++) {
      const uint64_t d = uint64_t{f.v[i]} - g.v[i] - borrow;
      t[i] = static_cast<uint32_t>(d);
      borrow = static_cast<uint32_t>(d >> 32) & 1u;
    }
    uint64_t d = uint64_t{t[0]} - borrow * 38u;
    h.v[0] = static_cast<uint32_t>(d);
    borrow = static_cast<uint32_t>(d >> 32) & 1u;
    for (int i = 1; i < 8; i++) {
      d = uint64_t{t[i]} - borrow;
      h.v[i] = static_cast<uint32_t>(d);
      borrow = static_cast<uint32_t>(d >> 32) & 1u;
    }
    h.v[0] -= borrow * 38u;  // then h is at least 2^256 - 38 * 2: no borrow
  }
  static void cswap(FeArmv6& f, FeArmv6& g, uint32_t mask) noexcept {
    for (int i = 0; i < 8; i++) {
      const uint32_t x = mask & (f.v[i] ^ g.v[i]);
      f.v[i] ^= x;
      g.v[i] ^= x;
    }
  }
  static void mul(FeArmv6& h, const FeArmv6& f, const FeArmv6& g) noexcept {
    petrel_fe25519_mul_armv6(h.v, f.v, g.v);
  }
  static void sq(FeArmv6& h, const FeArmv6& f) noexcept { petrel_fe25519_mul_armv6(h.v, f.v, f.v); }
  static void mul_a24(FeArmv6& h, const FeArmv6& f) noexcept {
    uint32_t t[8];
    uint64_t c = 0;
    for (int i = 0; i < 8; i++) {
      c += uint64_t{f.v[i]} * 121665u;
      t[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    fold(h, t, c);
  }
  // 255 bits, little-endian; the top bit is ignored (section 5).
  static void from_bytes(FeArmv6& h, const uint8_t* s) noexcept {
    for (int i = 0; i < 8; i++) {
      h.v[i] = load_le32(s + 4 * i);
    }
    h.v[7] &= 0x7fffffffu;
  }
  // The canonical encoding: bit 255 folded (19 per 2^255), then p subtracted if h >= p
  // (h + 19 >= 2^255), by a mask.
  static void to_bytes(uint8_t* s, const FeArmv6& f) noexcept {
    uint32_t h[8], g[8];
    uint64_t c = uint64_t{f.v[7] >> 31} * 19u;
    for (int i = 0; i < 8; i++) {
      c += i == 7 ? (f.v[7] & 0x7fffffffu) : f.v[i];
      h[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    c = 19;
    for (int i = 0; i < 8; i++) {
      c += h[i];
      g[i] = static_cast<uint32_t>(c);
      c >>= 32;
    }
    const uint32_t mask = 0u - (g[7] >> 31);  // all ones when h >= p
    g[7] &= 0x7fffffffu;
    for (int i = 0; i < 8; i++) {
      store_le32(s + 4 * i, (g[i] & mask) | (h[i] & ~mask));
    }
    secure_wipe(h, sizeof(h));
    secure_wipe(g, sizeof(g));
  }
};

}  // namespace
}  // namespace petrel

// The entry point of x25519_internal.h.
extern "C" void petrel_x25519_ladder_armv6(uint8_t out[32], const uint8_t scalar[32],
                                           const uint8_t u[32]) noexcept {
  petrel::x25519_detail::ladder<petrel::FeArmv6>(out, scalar, u);
}

#endif  // PETREL_X25519_ARMV6
