// Primality: trial division by the odd primes below 2048 and the Miller-Rabin probabilistic test
// of FIPS 186-4 Appendix C.3.1 (round counts from FIPS 186-4 Table C.3 / FIPS 186-5 Table B.1).
// Constant-time: trial division uses Barrett reduction on 16-bit chunks (no division instruction,
// whose timing varies on many CPUs) and accumulates a mask. Miller-Rabin exponentiates with
// modexp_ct and runs the a-1 squarings of each round in full with masked bookkeeping; what is
// revealed is the count a of trailing zero bits of w-1 and, for composites, that they failed.
#include <array>

#include "crypto/bignum/bignum.h"
#include "crypto/bignum/bn_internal.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace bn {

namespace {

constexpr size_t kSieveLimit = 2048;

struct SmallPrimes {
  uint16_t p[kSieveLimit / 2];
  uint32_t mu[kSieveLimit / 2];  // floor(2^32 / p)
  size_t count;
};

constexpr SmallPrimes make_small_primes() {
  SmallPrimes t{};
  bool composite[kSieveLimit] = {};
  t.count = 0;
  for (size_t i = 2; i < kSieveLimit; i++) {
    if (composite[i]) {
      continue;
    }
    for (size_t j = i * i; j < kSieveLimit; j += i) {
      composite[j] = true;
    }
    if (i != 2) {
      t.p[t.count] = static_cast<uint16_t>(i);
      t.mu[t.count] = static_cast<uint32_t>((static_cast<uint64_t>(1) << 32) / i);
      t.count++;
    }
  }
  return t;
}

constexpr SmallPrimes kSmallPrimes = make_small_primes();

// x mod p for x < 2^27, p < 2^11, with mu = floor(2^32 / p): the Barrett quotient is low by at
// most one, so one masked subtraction finishes.
inline uint32_t barrett_mod(uint32_t x, uint32_t p, uint32_t mu) noexcept {
  const uint32_t q = static_cast<uint32_t>((static_cast<uint64_t>(x) * mu) >> 32);
  uint32_t r = x - q * p;
  r -= p & ct::ge(r, p);
  return r;
}

}  // namespace

Limb trial_division_mask(const Limb* w, size_t n) noexcept {
  uint32_t ok = 0xffffffffu;
  const size_t chunks = n * kLimbBits / 16;
  for (size_t k = 0; k < kSmallPrimes.count; k++) {
    const uint32_t p = kSmallPrimes.p[k];
    const uint32_t mu = kSmallPrimes.mu[k];
    uint32_t r = 0;
    for (size_t c = chunks; c > 0; c--) {
      const size_t pos = (c - 1) * 16;
      const uint32_t chunk = static_cast<uint32_t>(w[pos / kLimbBits] >> (pos % kLimbBits)) & 0xffffu;
      r = barrett_mod((r << 16) | chunk, p, mu);
    }
    ok &= ct::neq(r, 0);
  }
  return mask_of(ok & 1u);
}

size_t miller_rabin_rounds(size_t bits) noexcept {
  if (bits < 512) {
    return 10;
  }
  if (bits <= 512) {
    return 7;
  }
  if (bits <= 1024) {
    return 5;
  }
  return 4;
}

Status miller_rabin(bool* probably_prime, const Limb* w, size_t n, size_t rounds,
                    Rng& rng) noexcept {
  Modulus mod;
  Status st = mod.set(w, n);
  if (st != Status::ok) {
    return st;
  }
  const size_t nl = mod.n;
  if (nl > kMaxPrivLimbs || mod.bits < 3) {
    return Status::invalid_argument;
  }
  // w - 1 = 2^a * m with m odd. a is revealed (loop count), as in every common implementation.
  Limb wm1[kMaxPrivLimbs];
  Limb m[kMaxPrivLimbs];
  copy(wm1, mod.m, nl);
  (void)sub_word(wm1, nl, 1);
  size_t a = 0;
  while (a < nl * kLimbBits && bit(wm1, a) == 0) {
    a++;
  }
  copy(m, wm1, nl);
  for (size_t i = 0; i < a; i++) {
    shr1(m, nl, 0);
  }
  // Montgomery forms of 1 and w-1.
  Limb minus_one[kMaxPrivLimbs];
  (void)sub(minus_one, mod.m, mod.one, nl);

  const size_t wbytes = (mod.bits + 7) / 8;
  uint8_t buf[kMaxPrivBits / 8];
  Limb b[kMaxPrivLimbs];
  Limb z[kMaxPrivLimbs];
  Limb composite = 0;
  for (size_t round = 0; round < rounds && st == Status::ok; round++) {
    // 4.1-4.2: b random with wlen bits, 1 < b < w - 1.
    size_t tries = 0;
    for (;;) {
      if (++tries > 1000) {
        st = Status::rng_failure;
        break;
      }
      st = rng.generate(MutableBytes(buf, wbytes));
      if (st != Status::ok) {
        break;
      }
      const size_t extra = wbytes * 8 - mod.bits;
      buf[0] = static_cast<uint8_t>(buf[0] & (0xffu >> extra));
      if (from_bytes(b, nl, ByteView(buf, wbytes)) != Status::ok) {
        st = Status::internal_error;
        break;
      }
      Limb two[kMaxPrivLimbs];
      set_word(two, nl, 2);
      const Limb good = ~lt_mask(b, two, nl) & lt_mask(b, wm1, nl);
      if (good != 0) {
        break;
      }
    }
    if (st != Status::ok) {
      break;
    }
    // 4.3-4.7, with the squarings always run and the outcome kept in masks.
    st = modexp_ct(z, b, m, nl, mod);
    if (st != Status::ok) {
      break;
    }
    to_mont(z, z, mod);
    Limb done = eq_mask(z, mod.one, nl) | eq_mask(z, minus_one, nl);
    for (size_t j = 1; j < a; j++) {
      mont_mul(z, z, z, mod);
      const Limb is_m1 = eq_mask(z, minus_one, nl);
      const Limb is_1 = eq_mask(z, mod.one, nl);
      composite |= ~done & is_1;
      done |= is_m1 | is_1;
    }
    composite |= ~done;
  }
  if (st == Status::ok) {
    *probably_prime = (barrier(composite) == 0);
  }
  secure_wipe(wm1, sizeof(wm1));
  secure_wipe(m, sizeof(m));
  secure_wipe(minus_one, sizeof(minus_one));
  secure_wipe(buf, sizeof(buf));
  secure_wipe(b, sizeof(b));
  secure_wipe(z, sizeof(z));
  mod.wipe();
  return st;
}

}  // namespace bn
}  // namespace petrel
