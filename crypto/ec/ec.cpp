// NIST P-256 and P-384 (FIPS 186-4 appendix D.1.2.3 and D.1.2.4; SEC 2 secp256r1, secp384r1):
// point validation (SP 800-56A rev. 3 section 5.6.2.3.3), key generation (FIPS 186-4 B.4.2),
// public-from-private and ECDH (SP 800-56A section 5.7.1.2). Arithmetic in ec_internal.h.
//
// Constant time: every function taking a private scalar runs point_mul_ct (fixed window, masked
// table reads, complete formulas) or, for k*G on P-256, point_mul_base (a fixed-base comb over
// the precomputed table of p256_comb.h, read by masked selection of every entry), and Fermat
// inversions; the scalar range check is a masked comparison whose verdict alone is
// declassified. Public-point checks may branch (public data).
#include "crypto/ec/ec.h"

#include <cstring>

#include "crypto/ec/ec_internal.h"
#include "crypto/ec/ec_curves.h"
#include "crypto/ec/p256_comb.h"
#include "crypto/rand/rng.h"
#include "crypto/util/ct.h"
#include "crypto/util/wipe.h"

namespace petrel {

using namespace ec_internal;

size_t ec_scalar_size(EcCurve c) noexcept {
  switch (c) {
    case EcCurve::p256:
      return 32;
    case EcCurve::p384:
      return 48;
  }
  return 0;
}

size_t ec_point_size(EcCurve c) noexcept {
  const size_t s = ec_scalar_size(c);
  return s == 0 ? 0 : 2 * s + 1;
}

const char* ec_curve_name(EcCurve c) noexcept {
  switch (c) {
    case EcCurve::p256:
      return "P-256";
    case EcCurve::p384:
      return "P-384";
  }
  return "unknown";
}

namespace ec_internal {

template <size_t N>
Status decode_point(Point<N>& out, const Curve<N>& C, ByteView in) noexcept {
  if (in.data() == nullptr || in.size() != 8 * N + 1 || in[0] != 0x04) {
    return Status::invalid_argument;
  }
  Fe<N> x, y;
  fe_from_bytes(x, in.data() + 1);
  fe_from_bytes(y, in.data() + 1 + 4 * N);
  if (fe_lt(x, C.p.m) == 0 || fe_lt(y, C.p.m) == 0) {
    return Status::invalid_argument;
  }
  fe_to_mont(out.x, x, C.p);
  fe_to_mont(out.y, y, C.p);
  out.z = C.p.one;
  // (0, 0) is not on either curve (b != 0), so the on-curve check also refuses it.
  if (on_curve(out.x, out.y, C) == 0) {
    return Status::invalid_argument;
  }
  return Status::ok;
}

template <size_t N>
Status decode_scalar(Fe<N>& out, const Curve<N>& C, ByteView in) noexcept {
  if (in.data() == nullptr || in.size() != 4 * N) {
    return Status::invalid_argument;
  }
  fe_from_bytes(out, in.data());
  uint32_t good = fe_lt(out, C.n.m) & ~fe_is_zero(out);
  CT_UNPOISON(&good, sizeof(good));
  if (good == 0) {
    secure_wipe(&out, sizeof(out));
    return Status::invalid_argument;
  }
  return Status::ok;
}

template <size_t N>
void generator(Point<N>& g, const Curve<N>& C) noexcept {
  g.x = C.gx;
  g.y = C.gy;
  g.z = C.p.one;
}

namespace {

// P-256: k*G by the two-table comb of p256_comb.h (Lim-Lee; the layout BoringSSL's p256.c
// uses). With d_s(t) = sum over b of bit (64 b + 32 s + t) of k, shifted left by b,
//   k*G = sum over t = 0..31 of 2^t (T0[d_0(t)] + T1[d_1(t)]),
// evaluated from t = 31 down: 31 doublings and 64 complete additions, against 256 doublings and
// 64 additions for the variable-base window. Each table read selects every one of the 15
// entries under a mask; digit 0 gives the identity (0:1:0), which the complete formulas add
// without a branch.
void comb_select(Point<8>& r, const uint32_t (&table)[15][2][8], uint32_t digit,
                 const Curve<8>& C) noexcept {
  Fe<8> x{}, y{};
  for (uint32_t j = 0; j < 15; j++) {
    const uint32_t mask = ct::eq(j + 1, digit);
    for (size_t i = 0; i < 8; i++) {
      x.v[i] |= table[j][0][i] & mask;
      y.v[i] |= table[j][1][i] & mask;
    }
  }
  const uint32_t zero = ct::eq(digit, 0);
  r.x = x;
  r.y = y;
  r.z = C.p.one;
  fe_cmov(r.y, C.p.one, zero);
  fe_cmov(r.z, Fe<8>{}, zero);
  secure_wipe(&x, sizeof(x));
  secure_wipe(&y, sizeof(y));
}

uint32_t comb_digit(const Fe<8>& k, size_t s, size_t t) noexcept {
  uint32_t d = 0;
  for (size_t b = 0; b < 4; b++) {
    const size_t bit = 64 * b + 32 * s + t;
    d |= ((k.v[bit / 32] >> (bit % 32)) & 1) << b;
  }
  return d;
}

void point_mul_base_p256(Point<8>& r, const Fe<8>& k, const Curve<8>& C) noexcept {
  Point<8> acc, t;
  point_identity(acc, C);
  for (size_t i = 32; i-- > 0;) {
    if (i != 31) {  // the loop position is public
      point_dbl(acc, acc, C);
    }
    comb_select(t, kP256Comb[1], comb_digit(k, 1, i), C);
    point_add(acc, acc, t, C);
    comb_select(t, kP256Comb[0], comb_digit(k, 0, i), C);
    point_add(acc, acc, t, C);
  }
  r = acc;
  secure_wipe(&acc, sizeof(acc));
  secure_wipe(&t, sizeof(t));
}

}  // namespace

// k*G: the comb on P-256; on P-384 (public keys and signatures, not on the phones' hot path)
// the variable-base window.
template <size_t N>
void point_mul_base(Point<N>& r, const Fe<N>& k, const Curve<N>& C) noexcept {
  if constexpr (N == 8) {
    point_mul_base_p256(r, k, C);
  } else {
    Point<N> g;
    generator(g, C);
    point_mul_ct(r, g, k, C);
  }
}

template Status decode_point<8>(Point<8>&, const Curve<8>&, ByteView) noexcept;
template Status decode_point<12>(Point<12>&, const Curve<12>&, ByteView) noexcept;
template Status decode_scalar<8>(Fe<8>&, const Curve<8>&, ByteView) noexcept;
template Status decode_scalar<12>(Fe<12>&, const Curve<12>&, ByteView) noexcept;
template void generator<8>(Point<8>&, const Curve<8>&) noexcept;
template void generator<12>(Point<12>&, const Curve<12>&) noexcept;
template void point_mul_base<8>(Point<8>&, const Fe<8>&, const Curve<8>&) noexcept;
template void point_mul_base<12>(Point<12>&, const Fe<12>&, const Curve<12>&) noexcept;

}  // namespace ec_internal

namespace {

template <size_t N>
Status point_check(const Curve<N>& C, ByteView point) noexcept {
  Point<N> p;
  return decode_point(p, C, point);
}

template <size_t N>
Status private_check(const Curve<N>& C, ByteView d) noexcept {
  Fe<N> k;
  const Status s = decode_scalar(k, C, d);
  secure_wipe(&k, sizeof(k));
  return s;
}

// out = 04 || x || y of k*G (declassified: a public key).
template <size_t N>
Status public_from_private(const Curve<N>& C, MutableBytes out, ByteView d) noexcept {
  if (out.data() == nullptr || out.size() < 8 * N + 1) {
    return Status::buffer_too_small;
  }
  Fe<N> k;
  Status s = decode_scalar(k, C, d);
  if (s != Status::ok) {
    return s;
  }
  Point<N> r;
  point_mul_base(r, k, C);
  Fe<N> x, y;
  uint32_t inf = point_to_affine(x, y, r, C);
  CT_UNPOISON(&inf, sizeof(inf));
  CT_UNPOISON(&x, sizeof(x));
  CT_UNPOISON(&y, sizeof(y));
  secure_wipe(&k, sizeof(k));
  secure_wipe(&r, sizeof(r));
  if (inf != 0) {  // impossible for 1 <= d < n (G has prime order n)
    return Status::internal_error;
  }
  out[0] = 0x04;
  fe_to_bytes(out.data() + 1, x);
  fe_to_bytes(out.data() + 1 + 4 * N, y);
  return Status::ok;
}

template <size_t N>
Status ecdh(const Curve<N>& C, MutableBytes x_out, ByteView d, ByteView peer) noexcept {
  if (x_out.data() == nullptr || x_out.size() < 4 * N) {
    return Status::buffer_too_small;
  }
  std::memset(x_out.data(), 0, 4 * N);
  Point<N> q;
  Status s = decode_point(q, C, peer);
  if (s != Status::ok) {
    return s;
  }
  Fe<N> k;
  s = decode_scalar(k, C, d);
  if (s != Status::ok) {
    return s;
  }
  Point<N> r;
  point_mul_ct(r, q, k, C);
  Fe<N> x, y;
  uint32_t inf = point_to_affine(x, y, r, C);
  CT_UNPOISON(&inf, sizeof(inf));
  if (inf == 0) {
    fe_to_bytes(x_out.data(), x);
  }
  secure_wipe(&k, sizeof(k));
  secure_wipe(&r, sizeof(r));
  secure_wipe(&x, sizeof(x));
  secure_wipe(&y, sizeof(y));
  // The identity cannot come out for a valid Q and 1 <= d < n; SP 800-56A says to fail then.
  return inf == 0 ? Status::ok : Status::invalid_argument;
}

template <size_t N>
Status generate_key(const Curve<N>& C, MutableBytes d_out, MutableBytes point_out,
                    Rng& rng) noexcept {
  if (d_out.data() == nullptr || d_out.size() < 4 * N || point_out.data() == nullptr ||
      point_out.size() < 8 * N + 1) {
    return Status::buffer_too_small;
  }
  // n is within 2^-32 of 2^(32N) for both curves: a candidate is rejected with probability
  // below 2^-32, so 64 rejections in a row mean a broken source, not bad luck.
  for (int attempt = 0; attempt < 64; attempt++) {
    if (rng.generate(d_out.first(4 * N)) != Status::ok) {
      break;
    }
    if (private_check(C, d_out.first(4 * N)) == Status::ok) {
      const Status s = public_from_private(C, point_out, d_out.first(4 * N));
      if (s == Status::ok) {
        return s;
      }
      break;
    }
  }
  secure_wipe(d_out.data(), 4 * N);
  std::memset(point_out.data(), 0, 8 * N + 1);
  return Status::rng_failure;
}

}  // namespace

Status ec_point_check(EcCurve c, ByteView point) noexcept {
  switch (c) {
    case EcCurve::p256:
      return point_check(kP256, point);
    case EcCurve::p384:
      return point_check(kP384, point);
  }
  return Status::invalid_argument;
}

Status ec_private_check(EcCurve c, ByteView d) noexcept {
  switch (c) {
    case EcCurve::p256:
      return private_check(kP256, d);
    case EcCurve::p384:
      return private_check(kP384, d);
  }
  return Status::invalid_argument;
}

Status ec_public_from_private(EcCurve c, MutableBytes point_out, ByteView d) noexcept {
  switch (c) {
    case EcCurve::p256:
      return public_from_private(kP256, point_out, d);
    case EcCurve::p384:
      return public_from_private(kP384, point_out, d);
  }
  return Status::invalid_argument;
}

Status ec_generate_key(EcCurve c, MutableBytes d_out, MutableBytes point_out, Rng& rng) noexcept {
  switch (c) {
    case EcCurve::p256:
      return generate_key(kP256, d_out, point_out, rng);
    case EcCurve::p384:
      return generate_key(kP384, d_out, point_out, rng);
  }
  return Status::invalid_argument;
}

Status ec_ecdh(EcCurve c, MutableBytes x_out, ByteView d, ByteView peer_point) noexcept {
  switch (c) {
    case EcCurve::p256:
      return ecdh(kP256, x_out, d, peer_point);
    case EcCurve::p384:
      return ecdh(kP384, x_out, d, peer_point);
  }
  return Status::invalid_argument;
}

}  // namespace petrel
