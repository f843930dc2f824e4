// X25519 field representation "fe64" (crypto/ec/x25519.cpp's table): 5 unsigned limbs of 51
// bits with unsigned __int128 products (curve25519-donna-c64 style); only where the compiler has
// __int128 on a 64-bit target (PETREL_X25519_FE64, x25519_internal.h). Constant-time as fe32.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "crypto/ec/x25519_internal.h"
#include "crypto/ec/x25519_ladder_internal.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

#if defined(PETREL_X25519_FE64)

namespace petrel {
namespace {

// ---- fe64: 5 limbs of 51 bits -----------------------------------------------------------------
using u128 = unsigned __int128;
constexpr uint64_t kM51 = (uint64_t{1} << 51) - 1;

// A carried element has limbs < 2^51 + 2^13; add() and sub() outputs (< 2^54) may go into
// mul() and sq(), whose column sums then stay below 2^116.
struct Fe64 {
  uint64_t v[5];

  static void zero(Fe64& h) noexcept {
    for (uint64_t& x : h.v) {
      x = 0;
    }
  }
  static void one(Fe64& h) noexcept {
    zero(h);
    h.v[0] = 1;
  }
  static void copy(Fe64& h, const Fe64& f) noexcept { h = f; }
  static void add(Fe64& h, const Fe64& f, const Fe64& g) noexcept {
    for (int i = 0; i < 5; i++) {
      h.v[i] = f.v[i] + g.v[i];
    }
  }
  // h = f + 4p - g; g carried.
  static void sub(Fe64& h, const Fe64& f, const Fe64& g) noexcept {
    h.v[0] = f.v[0] + 0x1fffffffffffb4ull - g.v[0];
    for (int i = 1; i < 5; i++) {
      h.v[i] = f.v[i] + 0x1ffffffffffffcull - g.v[i];
    }
  }
  static void cswap(Fe64& f, Fe64& g, uint32_t mask) noexcept {
    const uint64_t m = uint64_t{0} - (mask & 1u);
    for (int i = 0; i < 5; i++) {
      const uint64_t x = m & (f.v[i] ^ g.v[i]);
      f.v[i] ^= x;
      g.v[i] ^= x;
    }
  }

  static void carry(Fe64& h, u128* t) noexcept {
    for (int i = 0; i < 4; i++) {
      t[i + 1] += t[i] >> 51;
      t[i] &= kM51;
    }
    u128 r0 = t[0] + (t[4] >> 51) * 19;
    t[4] &= kM51;
    h.v[0] = static_cast<uint64_t>(r0) & kM51;
    h.v[1] = static_cast<uint64_t>(t[1]) + static_cast<uint64_t>(r0 >> 51);
    h.v[2] = static_cast<uint64_t>(t[2]);
    h.v[3] = static_cast<uint64_t>(t[3]);
    h.v[4] = static_cast<uint64_t>(t[4]);
  }

  static void mul(Fe64& h, const Fe64& f, const Fe64& g) noexcept {
    const uint64_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
    const uint64_t g0 = g.v[0], g1 = g.v[1], g2 = g.v[2], g3 = g.v[3], g4 = g.v[4];
    const uint64_t g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4;
    u128 t[5];
    t[0] = u128{f0} * g0 + u128{f1} * g4_19 + u128{f2} * g3_19 + u128{f3} * g2_19 + u128{f4} * g1_19;
    t[1] = u128{f0} * g1 + u128{f1} * g0 + u128{f2} * g4_19 + u128{f3} * g3_19 + u128{f4} * g2_19;
    t[2] = u128{f0} * g2 + u128{f1} * g1 + u128{f2} * g0 + u128{f3} * g4_19 + u128{f4} * g3_19;
    t[3] = u128{f0} * g3 + u128{f1} * g2 + u128{f2} * g1 + u128{f3} * g0 + u128{f4} * g4_19;
    t[4] = u128{f0} * g4 + u128{f1} * g3 + u128{f2} * g2 + u128{f3} * g1 + u128{f4} * g0;
    carry(h, t);
  }

  static void sq(Fe64& h, const Fe64& f) noexcept {
    const uint64_t f0 = f.v[0], f1 = f.v[1], f2 = f.v[2], f3 = f.v[3], f4 = f.v[4];
    const uint64_t f0_2 = 2 * f0, f1_2 = 2 * f1;
    const uint64_t f1_38 = 38 * f1, f2_38 = 38 * f2, f3_38 = 38 * f3;
    const uint64_t f3_19 = 19 * f3, f4_19 = 19 * f4;
    u128 t[5];
    t[0] = u128{f0} * f0 + u128{f1_38} * f4 + u128{f2_38} * f3;
    t[1] = u128{f0_2} * f1 + u128{f2_38} * f4 + u128{f3_19} * f3;
    t[2] = u128{f0_2} * f2 + u128{f1} * f1 + u128{f3_38} * f4;
    t[3] = u128{f0_2} * f3 + u128{f1_2} * f2 + u128{f4_19} * f4;
    t[4] = u128{f0_2} * f4 + u128{f1_2} * f3 + u128{f2} * f2;
    carry(h, t);
  }

  static void mul_a24(Fe64& h, const Fe64& f) noexcept {
    u128 t[5];
    for (int i = 0; i < 5; i++) {
      t[i] = u128{f.v[i]} * 121665;
    }
    carry(h, t);
  }

  static void from_bytes(Fe64& h, const uint8_t* s) noexcept {
    const uint64_t w0 = load_le64(s), w1 = load_le64(s + 8), w2 = load_le64(s + 16),
                   w3 = load_le64(s + 24);
    h.v[0] = w0 & kM51;
    h.v[1] = ((w0 >> 51) | (w1 << 13)) & kM51;
    h.v[2] = ((w1 >> 38) | (w2 << 26)) & kM51;
    h.v[3] = ((w2 >> 25) | (w3 << 39)) & kM51;
    h.v[4] = (w3 >> 12) & kM51;  // bit 255 dropped
  }

  static void to_bytes(uint8_t* s, const Fe64& f) noexcept {
    uint64_t h[5];
    for (int i = 0; i < 5; i++) {
      h[i] = f.v[i];
    }
    // Two carry passes: limbs < 2^51, value < 2^255 + 19 * small.
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < 4; i++) {
        h[i + 1] += h[i] >> 51;
        h[i] &= kM51;
      }
      h[0] += (h[4] >> 51) * 19;
      h[4] &= kM51;
    }
    // q = 1 iff h >= p: the carry out of h + 19.
    uint64_t q = (h[0] + 19) >> 51;
    for (int i = 1; i < 5; i++) {
      q = (h[i] + q) >> 51;
    }
    h[0] += 19 * q;
    for (int i = 0; i < 4; i++) {
      h[i + 1] += h[i] >> 51;
      h[i] &= kM51;
    }
    h[4] &= kM51;  // drops q 2^255
    store_le64(s, h[0] | (h[1] << 51));
    store_le64(s + 8, (h[1] >> 13) | (h[2] << 38));
    store_le64(s + 16, (h[2] >> 26) | (h[3] << 25));
    store_le64(s + 24, (h[3] >> 39) | (h[4] << 12));
    secure_wipe(h, sizeof(h));
  }
};

}  // namespace
}  // namespace petrel

// The entry point of x25519_internal.h.
extern "C" void petrel_x25519_ladder_fe64(uint8_t out[32], const uint8_t scalar[32],
                                          const uint8_t u[32]) noexcept {
  petrel::x25519_detail::ladder<petrel::Fe64>(out, scalar, u);
}

#endif  // PETREL_X25519_FE64
