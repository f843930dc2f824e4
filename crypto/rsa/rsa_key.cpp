// RSA keys and the raw operations (RFC 8017 sections 3, 5.1 RSAEP/RSAVP1, 5.2 RSADP/RSASP1 with
// the CRT of section 5.1.2 step 2b); the recovery of p and q from (n, e, d) is
// rsa_key_recover.cpp.
// Private operation: base blinding (c * r^e mod n with a fresh random r, unblinded by r^-1 mod p
// and mod q computed with the constant-time binary GCD), constant-time CRT exponentiations, then
// the result is checked with the public exponent (m^e = c) before release; on mismatch the
// output is wiped and Status::internal_error returned (fault-attack countermeasure).
// Constant-time in all secret values.
#include <cstring>

#include "crypto/rsa/rsa.h"

#include "crypto/util/ct.h"
#include "crypto/util/wipe.h"

namespace petrel {

using bn::Limb;

namespace {

// Minimal big-endian export of x (at least one byte).
Status export_limbs(MutableBytes out, size_t* len, const Limb* x, size_t n) noexcept {
  size_t bits = bn::bit_length_vartime(x, n);  // lengths of key parts are not hidden
  size_t bytes = (bits + 7) / 8;
  if (bytes == 0) {
    bytes = 1;
  }
  if (out.size() < bytes) {
    return Status::buffer_too_small;
  }
  *len = bytes;
  return bn::to_bytes(out.first(bytes), x, n);
}

// Strips leading zero bytes.
ByteView strip(ByteView v) noexcept {
  size_t i = 0;
  while (i < v.size() && v[i] == 0) {
    i++;
  }
  return v.subspan(i);
}

constexpr size_t max_of(size_t a, size_t b) { return a > b ? a : b; }

// Work areas of the raw operations, in limbs, for an nl-limb modulus (and CRT factors of at most
// h limbs): the operands and the area the bignum functions work in (bignum.h, "Stack use").
constexpr size_t public_area_limbs(size_t nl) { return nl + bn::modexp_public_ws_limbs(nl); }
constexpr size_t private_scratch_limbs(size_t nl, size_t h) {
  return max_of(max_of(bn::modexp_ct_ws_limbs(h), bn::mod_inv_odd_ws_limbs(h)),
                max_of(bn::reduce_ws_limbs(h), max_of(bn::modexp_public_ws_limbs(nl), nl)));
}
// c, t, r (then m, nl + 1 limbs), r^-1 mod p and mod q, m_p, m_q, then the scratch.
constexpr size_t private_area_limbs(size_t nl, size_t h) {
  return 3 * nl + 1 + 4 * h + private_scratch_limbs(nl, h);
}

// Size classes: a raw operation takes its area on the stack from the smallest class that holds
// it, so that a 2048-bit key uses a 2048-bit-sized area whatever the largest supported key.
constexpr size_t kPublicArea2048 = public_area_limbs(bn::limbs_for_bits(2048));
constexpr size_t kPublicArea4096 = public_area_limbs(bn::limbs_for_bits(4096));
constexpr size_t kPublicAreaMax = public_area_limbs(bn::kMaxLimbs);
constexpr size_t kPrivateArea2048 =
    private_area_limbs(bn::limbs_for_bits(2048), bn::limbs_for_bits(1024));
constexpr size_t kPrivateAreaMax = private_area_limbs(bn::kMaxPrivLimbs, bn::kMaxPrivLimbs / 2);

// Runs body(area) with an area of kLimbs limbs on the stack, then wipes the first `used` limbs.
// One instantiation per size class, each kept out of line so that it has its own frame (inlined
// into one caller, the classes would share a frame the size of the largest).
template <size_t kLimbs, typename Body>
__attribute__((noinline)) Status with_area(size_t used, const Body& body) noexcept {
  Limb area[kLimbs];
  const Status st = body(area);
  secure_wipe(area, used * sizeof(Limb));
  return st;
}

}  // namespace

// ---- public key ---------------------------------------------------------------------------------

void RsaPublicKeyBase::wipe() noexcept {
  m_n.wipe();
  secure_wipe(m_e, sizeof(m_e));
  m_e_limbs = 0;
}

Status RsaPublicKeyBase::set(ByteView n, ByteView e, uint32_t flags) noexcept {
  wipe();
  if (n.empty() || n[0] == 0) {
    return Status::invalid_argument;  // no leading zero byte in n
  }
  if (n.size() > m_n.cap * bn::kLimbBytes) {
    return Status::bad_key_length;  // over 8192 bits, or over this storage's size class
  }
  Status st = m_n.set_bytes(n);
  if (st != Status::ok) {
    return st;  // even or too small
  }
  const size_t min_bits = (flags & kRsaAllowSmallModulus) != 0 ? 256 : kRsaMinModulusBits;
  if (m_n.bits < min_bits) {
    m_n.wipe();
    return Status::bad_key_length;
  }
  const ByteView es = strip(e);
  if (es.empty() || es.size() > n.size() || (es[es.size() - 1] & 1u) == 0) {
    m_n.wipe();
    return Status::invalid_argument;  // e = 0, even e, or longer than n
  }
  // e < n: both are minimal big-endian here (n has no leading zero byte, es none either), so a
  // shorter e is smaller and one of the same length compares bytewise.
  const bool e_below_n = es.size() < n.size() || std::memcmp(es.data(), n.data(), n.size()) < 0;
  // e is odd and not zero, so e < 3 means e = 1 (es has no leading zero byte).
  const bool e_is_one = es.size() == 1 && es[0] == 1;
  if (e_is_one || !e_below_n) {
    m_n.wipe();
    return Status::invalid_argument;  // e = 1, or e >= n
  }
  if (es.size() > kRsaMaxPublicExponentBits / 8) {
    m_n.wipe();
    return Status::unsupported;  // e >= 2^64: see kRsaMaxPublicExponentBits
  }
  st = bn::from_bytes(m_e, kELimbs, es);
  if (st != Status::ok) {
    m_n.wipe();
    return Status::invalid_argument;
  }
  m_e_limbs = kELimbs;
  return Status::ok;
}

Status RsaPublicKeyBase::raw(MutableBytes out, ByteView in) const noexcept {
  if (!is_set()) {
    return Status::invalid_argument;
  }
  const size_t k = size();
  if (in.size() != k) {
    return Status::invalid_argument;
  }
  if (out.size() < k) {
    return Status::buffer_too_small;
  }
  const size_t need = public_area_limbs(m_n.n);
  auto body = [&](Limb* area) { return raw_in(out.first(k), in, area); };
  if (need <= kPublicArea2048) {
    return with_area<kPublicArea2048>(need, body);
  }
  if (need <= kPublicArea4096) {
    return with_area<kPublicArea4096>(need, body);
  }
  return with_area<kPublicAreaMax>(need, body);
}

Status RsaPublicKeyBase::raw_in(MutableBytes out, ByteView in, Limb* area) const noexcept {
  const size_t nl = m_n.n;
  Limb* x = area;
  if (bn::from_bytes(x, nl, in) != Status::ok) {
    return Status::invalid_argument;
  }
  // The input may be secret (an encrypted premaster secret); that it is below n is public (a
  // padded block always is), so only that verdict is declassified.
  uint32_t below = bn::lt_mask(x, m_n.m, nl);
  CT_UNPOISON(&below, sizeof(below));
  if (below == 0) {
    return Status::invalid_argument;  // the input must be below n
  }
  bn::modexp_public(x, x, m_e, m_e_limbs, m_n, area + nl);
  return bn::to_bytes(out, x, nl);
}

Status RsaPublicKeyBase::export_part(RsaPart part, MutableBytes out, size_t* len) const noexcept {
  if (!is_set()) {
    return Status::invalid_argument;
  }
  if (part == RsaPart::n) {
    return export_limbs(out, len, m_n.m, m_n.n);
  }
  if (part == RsaPart::e) {
    return export_limbs(out, len, m_e, m_e_limbs);
  }
  return Status::invalid_argument;
}

// ---- private key --------------------------------------------------------------------------------

RsaPrivateKey::~RsaPrivateKey() { wipe(); }

void RsaPrivateKey::wipe() noexcept {
  m_p.wipe();
  m_q.wipe();
  secure_wipe(m_dp, sizeof(m_dp));
  secure_wipe(m_dq, sizeof(m_dq));
  secure_wipe(m_qinv, sizeof(m_qinv));
  secure_wipe(m_qinv_mont, sizeof(m_qinv_mont));
  secure_wipe(m_d, sizeof(m_d));
  m_has_d = false;
  m_pub.wipe();
}

Status RsaPrivateKey::set(const RsaPrivateParts& parts, uint32_t flags) noexcept {
  wipe();
  Status st = m_pub.set(parts.n, parts.e, flags);
  if (st != Status::ok) {
    return st;
  }
  if (m_pub.bits() > kRsaMaxPrivateBits) {
    wipe();
    return Status::bad_key_length;
  }
  const size_t nl = m_pub.m_n.n;
  constexpr size_t kP = bn::kMaxPrivLimbs;
  Limb p[kP];
  Limb q[kP];
  Limb t[2 * kP];
  Limb u[kP];
  st = Status::invalid_argument;
  do {
    if (bn::from_bytes(p, kP, parts.p) != Status::ok ||
        bn::from_bytes(q, kP, parts.q) != Status::ok) {
      break;
    }
    if (m_p.set(p, kP) != Status::ok || m_q.set(q, kP) != Status::ok) {
      break;  // even, or <= 1
    }
    if (m_p.n > kP / 2 || m_q.n > kP / 2) {
      st = Status::bad_key_length;  // a factor above kRsaMaxPrivateBits / 2 bits
      break;
    }
    const size_t pl = m_p.n;
    const size_t ql = m_q.n;
    // n = p * q
    bn::mul(t, m_p.m, pl, m_q.m, ql);
    if (pl + ql < nl) {
      break;
    }
    Limb rest = 0;
    for (size_t i = nl; i < pl + ql; i++) {
      rest |= t[i];
    }
    if (rest != 0 || bn::eq_mask(t, m_pub.m_n.m, nl) == 0) {
      break;
    }
    if (bn::from_bytes(m_dp, pl, parts.dp) != Status::ok ||
        bn::from_bytes(m_dq, ql, parts.dq) != Status::ok ||
        bn::from_bytes(m_qinv, pl, parts.qinv) != Status::ok) {
      break;
    }
    if (bn::lt_mask(m_dp, m_p.m, pl) == 0 || bn::lt_mask(m_dq, m_q.m, ql) == 0 ||
        bn::lt_mask(m_qinv, m_p.m, pl) == 0) {
      break;
    }
    // q * qinv = 1 mod p
    bn::reduce(u, m_q.m, ql, m_p);
    bn::to_mont(m_qinv_mont, m_qinv, m_p);
    bn::mont_mul(u, u, m_qinv_mont, m_p);  // (q mod p) * qinv
    if (bn::eq_word_mask(u, pl, 1) == 0) {
      break;
    }
    if (!parts.d.empty()) {
      if (bn::from_bytes(m_d, nl, parts.d) != Status::ok || nl > kP ||
          bn::lt_mask(m_d, m_pub.m_n.m, nl) == 0) {
        break;
      }
      m_has_d = true;
    }
    st = Status::ok;
  } while (false);
  secure_wipe(p, sizeof(p));
  secure_wipe(q, sizeof(q));
  secure_wipe(t, sizeof(t));
  secure_wipe(u, sizeof(u));
  if (st != Status::ok) {
    wipe();
  }
  return st;
}

Status RsaPrivateKey::raw(MutableBytes out, ByteView in, Rng& rng) const noexcept {
  if (!is_set()) {
    return Status::invalid_argument;
  }
  const size_t k = size();
  if (in.size() != k) {
    return Status::invalid_argument;
  }
  if (out.size() < k) {
    return Status::buffer_too_small;
  }
  const size_t h = m_p.n > m_q.n ? m_p.n : m_q.n;
  const size_t need = private_area_limbs(m_pub.m_n.n, h);
  auto body = [&](Limb* area) { return raw_in(out.first(k), in, rng, area); };
  if (need <= kPrivateArea2048) {
    return with_area<kPrivateArea2048>(need, body);
  }
  if (need <= kPrivateAreaMax) {
    return with_area<kPrivateAreaMax>(need, body);
  }
  return Status::unsupported;  // not for a loaded key: set() bounds n and the factors
}

Status RsaPrivateKey::raw_in(MutableBytes out, ByteView in, Rng& rng, Limb* area) const noexcept {
  const size_t k = out.size();
  const bn::ModulusRef mn = m_pub.m_n;
  const size_t nl = mn.n;
  const size_t pl = m_p.n;
  const size_t ql = m_q.n;
  const size_t h = pl > ql ? pl : ql;
  Limb* c = area;           // the input, kept for the final check
  Limb* t = c + nl;         // c * r^e mod n, then temporaries
  Limb* r = t + nl;         // the blinding factor, then m (pl + ql <= nl + 1 limbs)
  Limb* m = r;
  Limb* rinv_p = r + nl + 1;
  Limb* rinv_q = rinv_p + h;
  Limb* mp = rinv_q + h;
  Limb* mq = mp + h;
  Limb* ws = mq + h;        // private_scratch_limbs(nl, h): for the bignum functions
  uint8_t* rb = reinterpret_cast<uint8_t*>(ws);  // k <= nl limbs of random bytes, used first
  Status st = Status::ok;
  do {
    Status fit = bn::from_bytes(c, nl, in);
    Limb below_n = bn::lt_mask(c, mn.m, nl);
    // Public: whether the input is a valid operand. A ciphertext is public; a PSS-encoded
    // message (secret salt until the signature is out) is below n by construction.
    CT_UNPOISON(&fit, sizeof(fit));
    CT_UNPOISON(&below_n, sizeof(below_n));
    if (fit != Status::ok || below_n == 0) {
      st = Status::invalid_argument;
      break;
    }
    // Blinding factor: r uniform in [1, n-1], invertible mod p and mod q.
    bool have_r = false;
    for (int tries = 0; tries < 64 && !have_r; tries++) {
      st = rng.generate(MutableBytes(rb, k));
      if (st != Status::ok) {
        break;
      }
      const size_t extra = k * 8 - mn.bits;
      rb[0] = static_cast<uint8_t>(rb[0] & (0xffu >> extra));
      (void)bn::from_bytes(r, nl, ByteView(rb, k));
      Limb in_range = bn::lt_mask(r, mn.m, nl) & ~bn::is_zero_mask(r, nl);
      CT_UNPOISON(&in_range, sizeof(in_range));  // public: only whether r is discarded
      if (in_range == 0) {
        continue;  // rejection sampling: reveals only that a discarded value was out of range
      }
      bn::reduce(t, r, nl, m_p, ws);
      const Limb okp = bn::mod_inv_odd(rinv_p, nullptr, t, m_p.m, pl, ws);
      bn::reduce(t, r, nl, m_q, ws);
      const Limb okq = bn::mod_inv_odd(rinv_q, nullptr, t, m_q.m, ql, ws);
      Limb inv_ok = okp & okq;
      CT_UNPOISON(&inv_ok, sizeof(inv_ok));  // public: fails only if r shares a factor with n
      have_r = inv_ok != 0;
    }
    if (st != Status::ok) {
      break;
    }
    if (!have_r) {
      st = Status::rng_failure;
      break;
    }
    // c * r^e mod n (r is not needed after this: its room becomes m's).
    bn::modexp_public(t, r, m_pub.m_e, m_pub.m_e_limbs, mn, ws);
    bn::mont_mul_to(m, t, c, mn);
    bn::mont_mul_to(t, m, mn.rr, mn);
    // m_p = (c r^e)^dp * r^-1 mod p, and the same mod q.
    bn::reduce(mp, t, nl, m_p, ws);
    st = bn::modexp_ct(mp, mp, m_dp, pl, m_p, ws);
    if (st != Status::ok) {
      break;
    }
    bn::mont_mul_to(m, rinv_p, m_p.rr, m_p);  // r^-1 mod p in Montgomery form
    bn::mont_mul_to(rinv_p, mp, m, m_p);
    bn::copy(mp, rinv_p, pl);
    bn::reduce(mq, t, nl, m_q, ws);
    st = bn::modexp_ct(mq, mq, m_dq, ql, m_q, ws);
    if (st != Status::ok) {
      break;
    }
    bn::mont_mul_to(m, rinv_q, m_q.rr, m_q);
    bn::mont_mul_to(rinv_q, mq, m, m_q);
    bn::copy(mq, rinv_q, ql);
    // Garner: h = qinv * (m_p - m_q) mod p (in rinv_p's room); m = m_q + q * h.
    bn::reduce(t, mq, ql, m_p, ws);
    bn::mod_sub(t, mp, t, m_p);
    bn::mont_mul_to(rinv_p, t, m_qinv_mont, m_p);
    bn::mul(m, m_q.m, ql, rinv_p, pl);
    const Limb carry = bn::add(m, m, mq, ql);
    (void)bn::add_word(m + ql, pl, carry);
    // Verify: m^e mod n must give back c (and m must fit below n).
    Limb high = 0;
    for (size_t i = nl; i < pl + ql; i++) {
      high |= m[i];
    }
    bn::modexp_public(t, m, m_pub.m_e, m_pub.m_e_limbs, mn, ws);
    Limb good = bn::eq_mask(t, c, nl) & bn::lt_mask(m, mn.m, nl) &
                bn::eq_word_mask(&high, 1, 0);
    CT_UNPOISON(&good, sizeof(good));  // public: whether a fault was detected
    if (good == 0) {
      st = Status::internal_error;
      break;
    }
    st = bn::to_bytes(out, m, nl);
  } while (false);
  if (st != Status::ok) {
    secure_wipe(out.data(), k);
  }
  return st;
}

namespace {

// e * dx = 1 mod (f - 1) and, if d is given, d mod (f - 1) = dx. All limb counts are public.
Limb check_crt_exponent(const bn::Modulus& f, const Limb* dx, const Limb* e, size_t e_limbs,
                        const Limb* d, size_t d_limbs) noexcept {
  constexpr size_t kP = bn::kMaxPrivLimbs;
  const size_t fl = f.n;
  Limb fm1[kP];
  Limb t[2 * kP];
  Limb r[kP];
  bn::copy(fm1, f.m, fl);
  (void)bn::sub_word(fm1, fl, 1);
  bn::mul(t, dx, fl, e, e_limbs);
  bn::div_ct(nullptr, r, t, fl + e_limbs, fm1, fl);
  Limb ok = bn::eq_word_mask(r, fl, 1);
  if (d != nullptr) {
    bn::div_ct(nullptr, r, d, d_limbs, fm1, fl);
    ok &= bn::eq_mask(r, dx, fl);
  }
  secure_wipe(t, sizeof(t));
  secure_wipe(r, sizeof(r));
  return ok;
}

}  // namespace

Status RsaPrivateKey::check(Rng& rng) const noexcept {
  if (!is_set()) {
    return Status::invalid_argument;
  }
  if (m_pub.m_e_limbs > bn::kMaxPrivLimbs) {
    return Status::invalid_argument;  // e < n <= 4096 bits for a loaded private key
  }
  const bn::Modulus* factors[2] = {&m_p, &m_q};
  const Limb* crt[2] = {m_dp, m_dq};
  Limb ok = ~static_cast<Limb>(0);
  for (size_t i = 0; i < 2; i++) {
    const bn::Modulus& f = *factors[i];
    bool prime = false;
    const Status st = bn::miller_rabin(&prime, f.m, f.n, bn::miller_rabin_rounds(f.bits), rng);
    if (st != Status::ok) {
      return st;
    }
    if (!prime) {
      return Status::invalid_argument;
    }
    ok &= check_crt_exponent(f, crt[i], m_pub.m_e, m_pub.m_e_limbs, m_has_d ? m_d : nullptr,
                             m_pub.m_n.n);
  }
  return ok != 0 ? Status::ok : Status::invalid_argument;
}

Status RsaPrivateKey::export_part(RsaPart part, MutableBytes out, size_t* len) const noexcept {
  if (!is_set()) {
    return Status::invalid_argument;
  }
  switch (part) {
    case RsaPart::n:
    case RsaPart::e:
      return m_pub.export_part(part, out, len);
    case RsaPart::d:
      if (!m_has_d) {
        return Status::not_available;
      }
      return export_limbs(out, len, m_d, m_pub.m_n.n);
    case RsaPart::p:
      return export_limbs(out, len, m_p.m, m_p.n);
    case RsaPart::q:
      return export_limbs(out, len, m_q.m, m_q.n);
    case RsaPart::dp:
      return export_limbs(out, len, m_dp, m_p.n);
    case RsaPart::dq:
      return export_limbs(out, len, m_dq, m_q.n);
    case RsaPart::qinv:
      return export_limbs(out, len, m_qinv, m_p.n);
  }
  return Status::invalid_argument;
}

}  // namespace petrel
