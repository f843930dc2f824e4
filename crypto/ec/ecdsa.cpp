// ECDSA (FIPS 186-4 section 6.4, ANS X9.62) over P-256 and P-384, deterministic nonces by
// RFC 6979 section 3.2 (optionally hedged, section 3.6), signatures as the DER
// SEQUENCE { r INTEGER, s INTEGER } of RFC 3279 section 2.2.3, read strictly (crypto/asn1/der.h).
//
// Signing is constant time (point_mul_base for k*G, Fermat inversion of k mod n, Montgomery
// products with d); the only declassified values are the public r and s and the verdicts of
// the RFC 6979 candidate test (k in [1, n-1]) and of r, s != 0. Verification is variable time
// (public inputs only).
#include "crypto/ec/ecdsa.h"
#include "crypto/ec/ecdsa_test_hooks.h"

#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/ec/ec_curves.h"
#include "crypto/ec/ec_internal.h"
#include "crypto/mac/hmac.h"
#include "crypto/rand/rng.h"
#include "crypto/util/ct.h"
#include "crypto/util/cursor.h"
#include "crypto/util/wipe.h"

namespace petrel {

using namespace ec_internal;

namespace {

// e = the leftmost min(8*len, 32N) bits of the digest as an integer (FIPS 186-4 6.4; the order
// of both curves has 32N bits, so truncation is whole bytes), reduced mod n (e < 2^(32N) < 2n).
// Also RFC 6979's bits2int followed by the reduction of bits2octets.
template <size_t N>
void digest_to_scalar(Fe<N>& e, ByteView digest, const Curve<N>& C) noexcept {
  uint8_t buf[4 * N] = {};
  const size_t len = digest.size() < 4 * N ? digest.size() : 4 * N;
  if (len != 0) {
    std::memcpy(buf + (4 * N - len), digest.data(), len);
  }
  Fe<N> t;
  fe_from_bytes(t, buf);
  fe_reduce_once(e, t, C.n);
  secure_wipe(buf, sizeof(buf));
}

// The signature core: r = x(k*G) mod n, s = k^-1 (e + r*d) mod n, as plain integers.
// Returns ok, or invalid_argument when r or s is zero (the caller picks another k).
template <size_t N>
Status sign_core(Fe<N>& r, Fe<N>& s, const Curve<N>& C, const Fe<N>& d, const Fe<N>& e,
                 const Fe<N>& k) noexcept {
  Point<N> R;
  point_mul_base(R, k, C);
  Fe<N> x, y;
  uint32_t inf = point_to_affine(x, y, R, C);  // inf only if k = 0 mod n (excluded)
  secure_wipe(&R, sizeof(R));
  secure_wipe(&y, sizeof(y));
  fe_reduce_once(r, x, C.n);  // x < p < 2n
  CT_UNPOISON(&r, sizeof(r));  // r is part of the signature
  CT_UNPOISON(&inf, sizeof(inf));
  // kinv = k^-1 in Montgomery form; rd = r * d (plain: one factor Montgomery, one plain).
  Fe<N> km, kinv, rm, t;
  fe_to_mont(km, k, C.n);
  fe_inv(kinv, km, C.n);
  fe_to_mont(rm, r, C.n);
  fe_mul(t, rm, d, C.n);
  fe_add(t, t, e, C.n);
  fe_mul(s, kinv, t, C.n);
  secure_wipe(&km, sizeof(km));
  secure_wipe(&kinv, sizeof(kinv));
  secure_wipe(&t, sizeof(t));
  CT_UNPOISON(&s, sizeof(s));
  if (inf != 0 || fe_is_zero(r) != 0 || fe_is_zero(s) != 0) {
    return Status::invalid_argument;
  }
  return Status::ok;
}

// RFC 6979 section 3.2 HMAC_DRBG-style nonce generator (qlen = 32N bits, a multiple of 8).
class Rfc6979 final {
 public:
  Rfc6979() noexcept = default;
  ~Rfc6979() {
    secure_wipe(m_k, sizeof(m_k));
    secure_wipe(m_v, sizeof(m_v));
  }
  Rfc6979(const Rfc6979&) = delete;
  Rfc6979& operator=(const Rfc6979&) = delete;

  // x = int2octets(d), h = bits2octets(H(m)), both qlen/8 bytes; extra: section 3.6 k'.
  Status init(HashAlg alg, ByteView x, ByteView h, ByteView extra) noexcept {
    m_alg = alg;
    m_hlen = hash_digest_size(alg);
    std::memset(m_v, 0x01, m_hlen);  // step b
    std::memset(m_k, 0x00, m_hlen);  // step c
    for (uint8_t sep = 0; sep < 2; sep++) {  // steps d-g
      HmacCtx mac;
      Status s = mac.init(m_alg, ByteView(m_k, m_hlen));
      if (s != Status::ok) {
        return s;
      }
      mac.update(ByteView(m_v, m_hlen));
      mac.update(ByteView(&sep, 1));
      mac.update(x);
      mac.update(h);
      mac.update(extra);
      s = mac.final(MutableBytes(m_k, m_hlen));
      if (s != Status::ok) {
        return s;
      }
      s = update_v();
      if (s != Status::ok) {
        return s;
      }
    }
    return Status::ok;
  }

  // Step h: the next candidate T (out.size() = qlen/8 bytes); after the first call the
  // generator first steps K and V as step h.3 says.
  Status next(MutableBytes out) noexcept {
    Status s;
    if (m_started) {
      HmacCtx mac;
      const uint8_t zero = 0;
      s = mac.init(m_alg, ByteView(m_k, m_hlen));
      if (s != Status::ok) {
        return s;
      }
      mac.update(ByteView(m_v, m_hlen));
      mac.update(ByteView(&zero, 1));
      s = mac.final(MutableBytes(m_k, m_hlen));
      if (s != Status::ok) {
        return s;
      }
      s = update_v();
      if (s != Status::ok) {
        return s;
      }
    }
    m_started = true;
    size_t done = 0;
    while (done < out.size()) {
      s = update_v();
      if (s != Status::ok) {
        return s;
      }
      const size_t take = out.size() - done < m_hlen ? out.size() - done : m_hlen;
      std::memcpy(out.data() + done, m_v, take);
      done += take;
    }
    return Status::ok;
  }

 private:
  Status update_v() noexcept {
    return hmac(m_alg, MutableBytes(m_v, m_hlen), ByteView(m_k, m_hlen), ByteView(m_v, m_hlen));
  }

  HashAlg m_alg = HashAlg::sha256;
  size_t m_hlen = 0;
  bool m_started = false;
  uint8_t m_k[kMaxDigestSize];
  uint8_t m_v[kMaxDigestSize];
};

template <size_t N>
Status encode_signature(MutableBytes out, size_t* out_len, const Fe<N>& r,
                        const Fe<N>& s) noexcept {
  uint8_t rb[4 * N], sb[4 * N];
  fe_to_bytes(rb, r);
  fe_to_bytes(sb, s);
  Writer w(out);
  asn1::begin_der(&w, asn1::kSequence);
  asn1::add_unsigned_integer(&w, ByteView(rb, sizeof(rb)));
  asn1::add_unsigned_integer(&w, ByteView(sb, sizeof(sb)));
  w.end();
  const Status st = w.finish(out_len);
  if (st != Status::ok) {
    *out_len = 0;
    return st == Status::invalid_argument ? st : Status::buffer_too_small;
  }
  return Status::ok;
}

template <size_t N>
Status sign(const Curve<N>& C, MutableBytes out, size_t* out_len, ByteView d_bytes,
            ByteView digest, HashAlg h, Rng* hedge) noexcept {
  if (out_len == nullptr || (digest.data() == nullptr && !digest.empty())) {
    return Status::invalid_argument;
  }
  *out_len = 0;
  if (h == HashAlg::md5 || hash_digest_size(h) == 0) {
    return Status::invalid_argument;
  }
  Fe<N> d;
  Status st = decode_scalar(d, C, d_bytes);
  if (st != Status::ok) {
    return st;
  }
  uint8_t extra[32];
  size_t extra_len = 0;
  if (hedge != nullptr) {
    if (hedge->generate(MutableBytes(extra, sizeof(extra))) != Status::ok) {
      secure_wipe(&d, sizeof(d));
      secure_wipe(extra, sizeof(extra));
      return Status::rng_failure;
    }
    extra_len = sizeof(extra);
  }
  Fe<N> e;
  digest_to_scalar(e, digest, C);
  uint8_t x[4 * N], hb[4 * N], kb[4 * N];
  fe_to_bytes(x, d);
  fe_to_bytes(hb, e);  // bits2octets(H(m)) = int2octets(bits2int(H(m)) mod q)
  Rfc6979 gen;
  st = gen.init(h, ByteView(x, sizeof(x)), ByteView(hb, sizeof(hb)), ByteView(extra, extra_len));
  secure_wipe(x, sizeof(x));
  secure_wipe(extra, sizeof(extra));
  Fe<N> k, r, s;
  // Each candidate is in range with probability > 1 - 2^-32; the loop ends with the first good
  // one. The bound only stops a broken hash from spinning forever.
  bool done = false;
  for (int attempt = 0; st == Status::ok && attempt < 64 && !done; attempt++) {
    st = gen.next(MutableBytes(kb, sizeof(kb)));
    if (st != Status::ok) {
      break;
    }
    fe_from_bytes(k, kb);
    uint32_t good = fe_lt(k, C.n.m) & ~fe_is_zero(k);
    CT_UNPOISON(&good, sizeof(good));
    if (good != 0 && sign_core(r, s, C, d, e, k) == Status::ok) {
      done = true;
    }
  }
  secure_wipe(kb, sizeof(kb));
  secure_wipe(&k, sizeof(k));
  secure_wipe(&d, sizeof(d));
  if (st != Status::ok) {
    return st;
  }
  if (!done) {
    return Status::internal_error;
  }
  return encode_signature(out, out_len, r, s);
}

template <size_t N>
Status sign_with_k(const Curve<N>& C, MutableBytes r_out, MutableBytes s_out, ByteView d_bytes,
                   ByteView digest, ByteView k_bytes) noexcept {
  if (r_out.data() == nullptr || s_out.data() == nullptr || r_out.size() < 4 * N ||
      s_out.size() < 4 * N || (digest.data() == nullptr && !digest.empty())) {
    return Status::invalid_argument;
  }
  Fe<N> d, k, e, r, s;
  Status st = decode_scalar(d, C, d_bytes);
  if (st != Status::ok) {
    return st;
  }
  st = decode_scalar(k, C, k_bytes);
  if (st == Status::ok) {
    digest_to_scalar(e, digest, C);
    st = sign_core(r, s, C, d, e, k);
  }
  secure_wipe(&d, sizeof(d));
  secure_wipe(&k, sizeof(k));
  if (st != Status::ok) {
    return st;
  }
  fe_to_bytes(r_out.data(), r);
  fe_to_bytes(s_out.data(), s);
  return Status::ok;
}

// An INTEGER magnitude (no leading zero byte) as a scalar; false if it is not in [1, n-1].
template <size_t N>
bool scalar_in_range(Fe<N>& out, ByteView mag, const Curve<N>& C) noexcept {
  if (mag.size() > 4 * N) {
    return false;
  }
  uint8_t buf[4 * N] = {};
  std::memcpy(buf + (4 * N - mag.size()), mag.data(), mag.size());
  fe_from_bytes(out, buf);
  return fe_is_zero(out) == 0 && fe_lt(out, C.n.m) != 0;
}

template <size_t N>
Status verify(const Curve<N>& C, ByteView point, ByteView digest, ByteView der) noexcept {
  if (digest.data() == nullptr && !digest.empty()) {
    return Status::invalid_argument;
  }
  Point<N> q;
  Status st = decode_point(q, C, point);
  if (st != Status::ok) {
    return st;
  }
  if (der.data() == nullptr) {
    return Status::decode_error;
  }
  Reader in(der);
  Reader seq;
  ByteView rmag, smag;
  if (asn1::read_sequence(&in, &seq) != Status::ok || !in.empty() ||
      asn1::read_unsigned_integer(&seq, &rmag) != Status::ok ||
      asn1::read_unsigned_integer(&seq, &smag) != Status::ok || !seq.empty()) {
    return Status::decode_error;
  }
  Fe<N> r, s;
  if (!scalar_in_range(r, rmag, C) || !scalar_in_range(s, smag, C)) {
    return Status::auth_failed;
  }
  Fe<N> e, sm, w, u1, u2;
  digest_to_scalar(e, digest, C);
  fe_to_mont(sm, s, C.n);
  fe_inv(w, sm, C.n);       // s^-1 in Montgomery form
  fe_mul(u1, w, e, C.n);    // e * s^-1 (plain)
  fe_mul(u2, w, r, C.n);    // r * s^-1 (plain)
  Point<N> X;
  point_mul2_vartime(X, u1, q, u2, C);
  Fe<N> x, y, v;
  if (point_to_affine(x, y, X, C) != 0) {
    return Status::auth_failed;
  }
  fe_reduce_once(v, x, C.n);
  return fe_eq(v, r) != 0 ? Status::ok : Status::auth_failed;
}

}  // namespace

Status ecdsa_verify(EcCurve c, ByteView point, ByteView digest, ByteView der_sig) noexcept {
  switch (c) {
    case EcCurve::p256:
      return verify(kP256, point, digest, der_sig);
    case EcCurve::p384:
      return verify(kP384, point, digest, der_sig);
  }
  return Status::invalid_argument;
}

Status ecdsa_sign(EcCurve c, MutableBytes der_sig_out, size_t* sig_len, ByteView d,
                  ByteView digest, HashAlg h, Rng* hedge) noexcept {
  switch (c) {
    case EcCurve::p256:
      return sign(kP256, der_sig_out, sig_len, d, digest, h, hedge);
    case EcCurve::p384:
      return sign(kP384, der_sig_out, sig_len, d, digest, h, hedge);
  }
  return Status::invalid_argument;
}

namespace ecdsa_internal {

Status ecdsa_sign_with_k(EcCurve c, MutableBytes r_out, MutableBytes s_out, ByteView d,
                         ByteView digest, ByteView k) noexcept {
  switch (c) {
    case EcCurve::p256:
      return sign_with_k(kP256, r_out, s_out, d, digest, k);
    case EcCurve::p384:
      return sign_with_k(kP384, r_out, s_out, d, digest, k);
  }
  return Status::invalid_argument;
}

}  // namespace ecdsa_internal

}  // namespace petrel
