// Internal to crypto/ec: the X25519 Montgomery ladder (RFC 7748 section 5) and the field
// inversion, one template over the field representations (x25519_fe32.cpp, x25519_fe64.cpp,
// x25519_armv6.cpp), each of which instantiates it in its entry point. Fe provides zero, one,
// copy, from_bytes, to_bytes, add, sub, mul, sq, mul_a24 and a mask-driven cswap, all
// constant-time; the ladder's only branch is on the public bit position.
#ifndef PETREL_CRYPTO_EC_X25519_LADDER_INTERNAL_H
#define PETREL_CRYPTO_EC_X25519_LADDER_INTERNAL_H

#include <cstdint>

#include "crypto/util/wipe.h"

namespace petrel {
namespace x25519_detail {

template <typename Fe>
void sq_n(Fe& h, const Fe& f, int n) noexcept {
  Fe::sq(h, f);
  for (int i = 1; i < n; i++) {
    Fe::sq(h, h);
  }
}

// out = z^(p - 2) = 1/z (0 for z = 0), by the fixed addition chain of ref10.
template <typename Fe>
void invert(Fe& out, const Fe& z) noexcept {
  Fe t0, t1, t2, t3;
  Fe::sq(t0, z);             // z^2
  sq_n(t1, t0, 2);           // z^8
  Fe::mul(t1, z, t1);        // z^9
  Fe::mul(t0, t0, t1);       // z^11
  Fe::sq(t2, t0);            // z^22
  Fe::mul(t1, t1, t2);       // z^(2^5 - 1)
  sq_n(t2, t1, 5);
  Fe::mul(t1, t2, t1);       // z^(2^10 - 1)
  sq_n(t2, t1, 10);
  Fe::mul(t2, t2, t1);       // z^(2^20 - 1)
  sq_n(t3, t2, 20);
  Fe::mul(t2, t3, t2);       // z^(2^40 - 1)
  sq_n(t2, t2, 10);
  Fe::mul(t1, t2, t1);       // z^(2^50 - 1)
  sq_n(t2, t1, 50);
  Fe::mul(t2, t2, t1);       // z^(2^100 - 1)
  sq_n(t3, t2, 100);
  Fe::mul(t2, t3, t2);       // z^(2^200 - 1)
  sq_n(t2, t2, 50);
  Fe::mul(t1, t2, t1);       // z^(2^250 - 1)
  sq_n(t1, t1, 5);           // z^(2^255 - 2^5)
  Fe::mul(out, t1, t0);      // z^(2^255 - 21) = z^(p - 2)
  secure_wipe(&t0, sizeof(t0));
  secure_wipe(&t1, sizeof(t1));
  secure_wipe(&t2, sizeof(t2));
  secure_wipe(&t3, sizeof(t3));
}

// k: the clamped scalar; u: the peer's u-coordinate (32 bytes).
template <typename Fe>
void ladder(uint8_t out[32], const uint8_t k[32], const uint8_t u[32]) noexcept {
  Fe x1, x2, z2, x3, z3;
  Fe a, aa, b, bb, e, c, d, da, cb, t;
  Fe::from_bytes(x1, u);
  Fe::one(x2);
  Fe::zero(z2);
  Fe::copy(x3, x1);
  Fe::one(z3);
  uint32_t swap = 0;
  for (int pos = 254; pos >= 0; pos--) {
    const uint32_t bit = (k[pos >> 3] >> (pos & 7)) & 1u;
    swap ^= bit;
    const uint32_t mask = 0u - swap;
    Fe::cswap(x2, x3, mask);
    Fe::cswap(z2, z3, mask);
    swap = bit;
    Fe::add(a, x2, z2);     // A = x_2 + z_2
    Fe::sq(aa, a);          // AA = A^2
    Fe::sub(b, x2, z2);     // B = x_2 - z_2
    Fe::sq(bb, b);          // BB = B^2
    Fe::sub(e, aa, bb);     // E = AA - BB
    Fe::add(c, x3, z3);     // C = x_3 + z_3
    Fe::sub(d, x3, z3);     // D = x_3 - z_3
    Fe::mul(da, d, a);      // DA = D * A
    Fe::mul(cb, c, b);      // CB = C * B
    Fe::add(t, da, cb);
    Fe::sq(x3, t);          // x_3 = (DA + CB)^2
    Fe::sub(t, da, cb);
    Fe::sq(t, t);
    Fe::mul(z3, x1, t);     // z_3 = x_1 * (DA - CB)^2
    Fe::mul(x2, aa, bb);    // x_2 = AA * BB
    Fe::mul_a24(t, e);
    Fe::add(t, aa, t);
    Fe::mul(z2, e, t);      // z_2 = E * (AA + a24 * E)
  }
  const uint32_t mask = 0u - swap;
  Fe::cswap(x2, x3, mask);
  Fe::cswap(z2, z3, mask);
  invert(t, z2);
  Fe::mul(x2, x2, t);
  Fe::to_bytes(out, x2);
  Fe* all[] = {&x1, &x2, &z2, &x3, &z3, &a, &aa, &b, &bb, &e, &c, &d, &da, &cb, &t};
  for (Fe* f : all) {
    secure_wipe(f, sizeof(*f));
  }
  secure_wipe(&swap, sizeof(swap));
}

}  // namespace x25519_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_X25519_LADDER_INTERNAL_H
