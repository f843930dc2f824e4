// RsaPrivateKey::set_from_ned: a private key from (n, e, d) alone, p and q recovered as NIST
// SP 800-56B Rev. 2 Appendix C.2 describes (k = d * e - 1 = 2^t * r; for the bases g = 2, 3, ...
// 65 the sequence g^r, g^2r, ... mod n, where a nontrivial square root of 1 gives a factor),
// then the key set from its parts as RsaPrivateKey::set does. Variable-time (it runs once, at
// load); every secret intermediate is wiped before return.
#include "crypto/rsa/rsa.h"
#include "crypto/util/wipe.h"

namespace petrel {

using bn::Limb;

Status RsaPrivateKey::set_from_ned(ByteView n, ByteView e, ByteView d, uint32_t flags) noexcept {
  wipe();
  RsaPublicKey pub;
  Status st = pub.set(n, e, flags);
  if (st != Status::ok) {
    return st;
  }
  if (pub.bits() > kRsaMaxPrivateBits) {
    return Status::bad_key_length;
  }
  const bn::ModulusRef mn = pub.m_n;
  const size_t nl = mn.n;
  constexpr size_t kP = bn::kMaxPrivLimbs;
  Limb dd[kP];
  Limb k[2 * kP];  // d * e - 1 = 2^t * r
  Limb y[kP];
  Limb x[kP];
  Limb g[kP];
  Limb nm1[kP];
  Limb p[kP];
  Limb q[kP];
  Limb pm1[kP];
  Limb tmp[kP];
  st = Status::invalid_argument;
  bool found = false;
  const size_t kl = 2 * nl;
  do {
    if (bn::from_bytes(dd, nl, d) != Status::ok || bn::lt_mask(dd, mn.m, nl) == 0 ||
        bn::is_zero_mask(dd, nl) != 0) {
      break;
    }
    bn::set_zero(k, kl);
    bn::mul(k, dd, nl, pub.m_e, pub.m_e_limbs);  // nl + m_e_limbs <= kl limbs
    if (bn::sub_word(k, kl, 1) != 0 || bn::is_zero_mask(k, kl) != 0) {
      break;
    }
    size_t t = 0;
    while (bn::bit(k, 0) == 0) {
      bn::shr1(k, kl, 0);
      t++;
    }
    if (t == 0) {
      break;  // d * e - 1 odd: not a valid key
    }
    bn::copy(nm1, mn.m, nl);
    (void)bn::sub_word(nm1, nl, 1);
    for (Limb base = 2; base < 66 && !found; base++) {
      bn::set_word(g, nl, base);
      if (bn::modexp_ct(y, g, k, kl, mn) != Status::ok) {
        break;
      }
      if (bn::eq_word_mask(y, nl, 1) != 0 || bn::eq_mask(y, nm1, nl) != 0) {
        continue;
      }
      for (size_t j = 0; j < t; j++) {
        bn::to_mont(x, y, mn);
        bn::mont_mul(x, x, x, mn);
        bn::from_mont(x, x, mn);  // x = y^2 mod n
        if (bn::eq_word_mask(x, nl, 1) != 0) {
          // y is a non-trivial square root of 1: gcd(y - 1, n) is a factor.
          (void)bn::sub_word(y, nl, 1);
          (void)bn::mod_inv_odd(tmp, p, y, mn.m, nl);
          found = true;
          break;
        }
        if (bn::eq_mask(x, nm1, nl) != 0) {
          break;
        }
        bn::copy(y, x, nl);
      }
    }
    if (!found) {
      break;
    }
    // q = n / p, and check the split.
    bn::div_ct(q, tmp, mn.m, nl, p, nl);
    if (bn::is_zero_mask(tmp, nl) == 0 || bn::eq_word_mask(p, nl, 1) != 0 ||
        bn::eq_word_mask(q, nl, 1) != 0) {
      found = false;
      break;
    }
    // Order the primes p > q (the usual convention), then dp, dq, qinv.
    const Limb swap = bn::lt_mask(p, q, nl);
    bn::cond_swap(swap, p, q, nl);
    // Encode everything and go through the checking loader.
    uint8_t bp[kRsaMaxPrivateBits / 8];
    uint8_t bq[kRsaMaxPrivateBits / 8];
    uint8_t bdp[kRsaMaxPrivateBits / 8];
    uint8_t bdq[kRsaMaxPrivateBits / 8];
    uint8_t bqi[kRsaMaxPrivateBits / 8];
    const size_t kb = nl * bn::kLimbBytes;
    bn::copy(pm1, p, nl);
    (void)bn::sub_word(pm1, nl, 1);
    bn::div_ct(nullptr, tmp, dd, nl, pm1, nl);
    (void)bn::to_bytes(MutableBytes(bdp, kb), tmp, nl);
    bn::copy(pm1, q, nl);
    (void)bn::sub_word(pm1, nl, 1);
    bn::div_ct(nullptr, tmp, dd, nl, pm1, nl);
    (void)bn::to_bytes(MutableBytes(bdq, kb), tmp, nl);
    bn::div_ct(nullptr, tmp, q, nl, p, nl);  // q mod p (= q, as q < p)
    (void)bn::mod_inv_odd(x, nullptr, tmp, p, nl);
    (void)bn::to_bytes(MutableBytes(bqi, kb), x, nl);
    (void)bn::to_bytes(MutableBytes(bp, kb), p, nl);
    (void)bn::to_bytes(MutableBytes(bq, kb), q, nl);
    RsaPrivateParts parts;
    parts.n = n;
    parts.e = e;
    parts.d = d;
    parts.p = ByteView(bp, kb);
    parts.q = ByteView(bq, kb);
    parts.dp = ByteView(bdp, kb);
    parts.dq = ByteView(bdq, kb);
    parts.qinv = ByteView(bqi, kb);
    st = set(parts, flags);
    secure_wipe(bp, sizeof(bp));
    secure_wipe(bq, sizeof(bq));
    secure_wipe(bdp, sizeof(bdp));
    secure_wipe(bdq, sizeof(bdq));
    secure_wipe(bqi, sizeof(bqi));
  } while (false);
  secure_wipe(dd, sizeof(dd));
  secure_wipe(k, sizeof(k));
  secure_wipe(y, sizeof(y));
  secure_wipe(x, sizeof(x));
  secure_wipe(g, sizeof(g));
  secure_wipe(p, sizeof(p));
  secure_wipe(q, sizeof(q));
  secure_wipe(pm1, sizeof(pm1));
  secure_wipe(tmp, sizeof(tmp));
  return st;
}

}  // namespace petrel
