// RSA key generation, FIPS 186-4 Appendix B.3.3 (random probable primes): candidates of
// nlen/2 bits at least sqrt(2) * 2^(nlen/2 - 1), gcd(p-1, e) = 1, trial division then
// Miller-Rabin (Appendix C.3, rounds per Table C.3), |p - q| > 2^(nlen/2 - 100); then
// d = e^-1 mod lcm(p-1, q-1) (B.3.1 criterion d > 2^(nlen/2)), dp, dq, qinv.
// Constant-time in the primes that are kept: every arithmetic step on them is constant-time
// (division, GCD and inverse are the fixed-iteration bn:: routines); a rejected candidate may
// leak why it was rejected, which says nothing about the accepted ones.
#include "crypto/rsa/rsa.h"
#include "crypto/util/wipe.h"

namespace petrel {

using bn::Limb;

namespace {

constexpr size_t kP = bn::kMaxPrivLimbs;

// floor(sqrt(2) * 2^63): candidates must have their top 64 bits above this.
constexpr uint64_t kSqrt2Top64 = 0xB504F333F9DE6484ull;

uint64_t top64(const Limb* x, size_t bits) noexcept {
  uint64_t v = 0;
  for (size_t i = 0; i < 64; i++) {
    v = (v << 1) | static_cast<uint64_t>(bn::bit(x, bits - 1 - i));
  }
  return v;
}

// One probable prime of `bits` bits into p (pl limbs). If other is not null, also requires
// |p - other| > 2^(bits - 100).
Status generate_prime(Limb* p, size_t pl, size_t bits, Limb e, const Limb* other,
                      Rng& rng) noexcept {
  uint8_t buf[kRsaMaxPrivateBits / 16 + 8];
  const size_t nbytes = (bits + 7) / 8;
  Limb t[kP];
  Limb g[kP];
  Limb ev[1] = {e};
  Limb rem[1];
  Status st = Status::internal_error;  // FIPS 186-4 B.3.3 step 4.7: too many attempts
  // Step 4.6/4.7 count only the candidates that pass step 4.4 (p >= sqrt(2) * 2^(bits-1)) and,
  // for q, step 5.4: counting every draw (71% fail step 4.4) made about 3% of key generations
  // fail. `draws` only bounds the loop against a broken Rng.
  size_t attempt = 0;
  for (size_t draws = 0; attempt < 5 * bits && draws < 64 * bits; draws++) {
    Status rs = rng.generate(MutableBytes(buf, nbytes));
    if (rs != Status::ok) {
      st = rs;
      break;
    }
    (void)bn::from_bytes(p, pl, ByteView(buf, nbytes));
    // Keep `bits` bits, force odd (B.3.3 step 4.3).
    for (size_t i = bits; i < pl * bn::kLimbBits; i++) {
      p[i / bn::kLimbBits] &= ~(static_cast<Limb>(1) << (i % bn::kLimbBits));
    }
    p[0] |= 1u;
    if (top64(p, bits) <= kSqrt2Top64) {
      continue;  // step 4.4: p < sqrt(2) * 2^(bits-1)
    }
    if (other != nullptr) {
      // step 5.4: |p - q| > 2^(bits - 100); checked as a set bit at position >= bits - 99.
      const Limb borrow = bn::sub(t, p, other, pl);
      // negate when negative: t = ~t + 1
      for (size_t i = 0; i < pl; i++) {
        t[i] ^= (0u - borrow);
      }
      (void)bn::add_word(t, pl, borrow);
      Limb high = 0;
      for (size_t i = bits - 99; i < pl * bn::kLimbBits; i++) {
        high |= bn::bit(t, i);
      }
      if (high == 0) {
        continue;
      }
    }
    attempt++;  // a candidate that counts (steps 4.6 and 5.7)
    if (bn::trial_division_mask(p, pl) == 0) {
      continue;
    }
    // step 4.5: gcd(p - 1, e) = 1
    bn::copy(t, p, pl);
    (void)bn::sub_word(t, pl, 1);
    bn::div_ct(nullptr, rem, t, pl, ev, 1);
    (void)bn::mod_inv_odd(g, t, rem, ev, 1);  // t = gcd((p-1) mod e, e)
    if (t[0] != 1) {
      continue;
    }
    bool prime = false;
    rs = bn::miller_rabin(&prime, p, pl, bn::miller_rabin_rounds(bits), rng);
    if (rs != Status::ok) {
      st = rs;
      break;
    }
    if (prime) {
      st = Status::ok;
      break;
    }
  }
  secure_wipe(buf, sizeof(buf));
  secure_wipe(t, sizeof(t));
  secure_wipe(g, sizeof(g));
  secure_wipe(rem, sizeof(rem));
  return st;
}

// out = x & -x (the lowest set bit of x), n limbs.
void lowest_bit(Limb* out, const Limb* x, size_t n) noexcept {
  bn::copy(out, x, n);
  for (size_t i = 0; i < n; i++) {
    out[i] = ~out[i];
  }
  (void)bn::add_word(out, n, 1);
  for (size_t i = 0; i < n; i++) {
    out[i] &= x[i];
  }
}

}  // namespace

Status rsa_generate_key(RsaPrivateKey* key, size_t bits, Rng& rng, uint32_t e) noexcept {
  if (key == nullptr) {
    return Status::invalid_argument;
  }
  if (bits < kRsaMinModulusBits || bits > kRsaMaxPrivateBits || (bits % 2) != 0) {
    return Status::bad_key_length;
  }
  if (e < 65537u || (e & 1u) == 0) {
    return Status::invalid_argument;
  }
  const size_t half = bits / 2;
  const size_t pl = bn::limbs_for_bits(half);
  const size_t nl = 2 * pl;
  Limb p[kP];
  Limb q[kP];
  Limb pm1[kP];
  Limb qm1[kP];
  Limb phi[2 * kP];
  Limb lam[2 * kP];
  Limb g[2 * kP];
  Limb t[2 * kP + 1];
  Limb u[kP];
  Limb d[2 * kP + 1];
  Limb ev[1] = {static_cast<Limb>(e)};
  Limb small[1];
  Limb inv[1];
  uint8_t bn_[kRsaMaxPrivateBits / 8];
  uint8_t be[4];
  uint8_t bd[kRsaMaxPrivateBits / 8];
  uint8_t bp[kRsaMaxPrivateBits / 8];
  uint8_t bq[kRsaMaxPrivateBits / 8];
  uint8_t bdp[kRsaMaxPrivateBits / 8];
  uint8_t bdq[kRsaMaxPrivateBits / 8];
  uint8_t bqi[kRsaMaxPrivateBits / 8];
  Status st = Status::internal_error;
  for (int outer = 0; outer < 8; outer++) {
    st = generate_prime(p, pl, half, ev[0], nullptr, rng);
    if (st != Status::ok) {
      break;
    }
    st = generate_prime(q, pl, half, ev[0], p, rng);
    if (st != Status::ok) {
      break;
    }
    // Order p > q.
    bn::cond_swap(bn::lt_mask(p, q, pl), p, q, pl);
    bn::copy(pm1, p, pl);
    (void)bn::sub_word(pm1, pl, 1);
    bn::copy(qm1, q, pl);
    (void)bn::sub_word(qm1, pl, 1);
    // gcd(p-1, q-1) = 2^min(v2) * gcd(odd(p-1), q-1).
    bn::mul(phi, pm1, pl, qm1, pl);
    lowest_bit(u, pm1, pl);
    bn::div_ct(t, nullptr, pm1, pl, u, pl);         // t = odd part of p-1
    bn::div_ct(nullptr, g, qm1, pl, t, pl);         // g = (q-1) mod odd(p-1)
    (void)bn::mod_inv_odd(lam, g, g, t, pl);        // g = gcd(odd(p-1), q-1)
    for (size_t i = 0; i < pl; i++) {
      t[i] = pm1[i] | qm1[i];
    }
    lowest_bit(u, t, pl);                           // 2^min(v2(p-1), v2(q-1))
    bn::mul(t, g, pl, u, pl);                       // gcd(p-1, q-1), fits in pl limbs
    bn::div_ct(lam, nullptr, phi, nl, t, pl);       // lambda = (p-1)(q-1) / gcd
    // d = (1 + lambda * k) / e with k = -lambda^-1 mod e.
    bn::div_ct(nullptr, small, lam, nl, ev, 1);
    (void)bn::mod_inv_odd(inv, nullptr, small, ev, 1);
    const Limb kk = static_cast<Limb>(ev[0] - inv[0]);
    bn::set_zero(t, nl + 1);
    t[nl] = bn::mul_add(t, lam, nl, kk);
    (void)bn::add_word(t, nl + 1, 1);
    bn::div_ct(d, small, t, nl + 1, ev, 1);
    if (small[0] != 0) {
      st = Status::internal_error;  // cannot happen when gcd(e, lambda) = 1
      break;
    }
    // B.3.1 step 3b: d > 2^(nlen/2), else start again.
    Limb high = 0;
    for (size_t i = half + 1; i < nl * bn::kLimbBits; i++) {
      high |= bn::bit(d, i);
    }
    if (high == 0) {
      st = Status::internal_error;
      continue;
    }
    // n, dp, dq, qinv; then load through the checking loader.
    bn::mul(t, p, pl, q, pl);
    const size_t kb = (bits + 7) / 8;
    const size_t hb = pl * bn::kLimbBytes;
    (void)bn::to_bytes(MutableBytes(bn_, kb), t, nl);
    (void)bn::to_bytes(MutableBytes(bd, kb), d, nl);
    (void)bn::to_bytes(MutableBytes(bp, hb), p, pl);
    (void)bn::to_bytes(MutableBytes(bq, hb), q, pl);
    bn::div_ct(nullptr, u, d, nl, pm1, pl);
    (void)bn::to_bytes(MutableBytes(bdp, hb), u, pl);
    bn::div_ct(nullptr, u, d, nl, qm1, pl);
    (void)bn::to_bytes(MutableBytes(bdq, hb), u, pl);
    (void)bn::mod_inv_odd(u, nullptr, q, p, pl);  // q < p
    (void)bn::to_bytes(MutableBytes(bqi, hb), u, pl);
    be[0] = static_cast<uint8_t>(e >> 24);
    be[1] = static_cast<uint8_t>(e >> 16);
    be[2] = static_cast<uint8_t>(e >> 8);
    be[3] = static_cast<uint8_t>(e);
    RsaPrivateParts parts;
    parts.n = ByteView(bn_, kb);
    parts.e = ByteView(be, 4);
    parts.d = ByteView(bd, kb);
    parts.p = ByteView(bp, hb);
    parts.q = ByteView(bq, hb);
    parts.dp = ByteView(bdp, hb);
    parts.dq = ByteView(bdq, hb);
    parts.qinv = ByteView(bqi, hb);
    st = key->set(parts);
    break;
  }
  secure_wipe(p, sizeof(p));
  secure_wipe(q, sizeof(q));
  secure_wipe(pm1, sizeof(pm1));
  secure_wipe(qm1, sizeof(qm1));
  secure_wipe(phi, sizeof(phi));
  secure_wipe(lam, sizeof(lam));
  secure_wipe(g, sizeof(g));
  secure_wipe(t, sizeof(t));
  secure_wipe(u, sizeof(u));
  secure_wipe(d, sizeof(d));
  secure_wipe(small, sizeof(small));
  secure_wipe(inv, sizeof(inv));
  secure_wipe(bn_, sizeof(bn_));
  secure_wipe(bd, sizeof(bd));
  secure_wipe(bp, sizeof(bp));
  secure_wipe(bq, sizeof(bq));
  secure_wipe(bdp, sizeof(bdp));
  secure_wipe(bdq, sizeof(bdq));
  secure_wipe(bqi, sizeof(bqi));
  return st;
}

}  // namespace petrel
