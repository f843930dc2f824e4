// P-256 / P-384 API behaviour (crypto/ec/ec.h, crypto/ec/ecdsa.h) beyond the published vectors:
// refusals with the documented Status (malformed points, out-of-range scalars, strict DER),
// hedged signing, key generation through an Rng and its failure path, buffer sizes. The known
// answers used here are the RFC 6979 A.2.5 key and signature (vectors/ecc/ecdsa/rfc6979_a2.txt)
// and the curve constants of SEC 2 (n, p), typed in from the standard.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <utility>
#include <string>
#include <vector>

#include "crypto/ec/ec.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/ec/ecdsa_test_hooks.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::from_hex;
using petrel_test::to_hex;

namespace {

ByteView bv(const std::vector<uint8_t>& v) { return ByteView(v.data(), v.size()); }

// RFC 6979 A.2.5.
const char kX[] = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
const char kU[] =
    "04"
    "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6"
    "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";
const char kR[] = "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716";
const char kS[] = "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8";
// SEC 2 section 2.4.2: the order n and the prime p of secp256r1.
const char kN[] = "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";
const char kP[] = "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF";

std::vector<uint8_t> sha256(const std::string& m) {
  std::vector<uint8_t> d(32);
  EXPECT_EQ(hash(HashAlg::sha256, MutableBytes(d),
                 ByteView(reinterpret_cast<const uint8_t*>(m.data()), m.size())),
            Status::ok);
  return d;
}

std::vector<uint8_t> cat(std::initializer_list<std::vector<uint8_t>> parts) {
  std::vector<uint8_t> out;
  for (const auto& p : parts) {
    out.insert(out.end(), p.begin(), p.end());
  }
  return out;
}

// SEQUENCE { INTEGER r, INTEGER s } from the given INTEGER contents (no checks: for bad DER).
std::vector<uint8_t> seq2(const std::vector<uint8_t>& r, const std::vector<uint8_t>& s) {
  std::vector<uint8_t> body = cat({{0x02, static_cast<uint8_t>(r.size())}, r,
                                   {0x02, static_cast<uint8_t>(s.size())}, s});
  return cat({{0x30, static_cast<uint8_t>(body.size())}, body});
}

class CountingRng final : public Rng {
 public:
  explicit CountingRng(uint8_t seed, bool fail = false) : m_next(seed), m_fail(fail) {}
  Status generate(MutableBytes out) noexcept override {
    m_calls++;
    if (m_fail) {
      return Status::rng_failure;
    }
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = static_cast<uint8_t>(m_next * 167u + 13u);
      m_next = out[i];
    }
    return Status::ok;
  }
  int calls() const { return m_calls; }

 private:
  uint8_t m_next;
  bool m_fail;
  int m_calls = 0;
};

// An Rng that always returns one fixed block (to force rejection sampling).
class FixedRng final : public Rng {
 public:
  explicit FixedRng(std::vector<uint8_t> v) : m_v(std::move(v)) {}
  Status generate(MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = m_v[i % m_v.size()];
    }
    return Status::ok;
  }

 private:
  std::vector<uint8_t> m_v;
};

TEST(EcApi, Sizes) {
  EXPECT_EQ(ec_scalar_size(EcCurve::p256), 32u);
  EXPECT_EQ(ec_scalar_size(EcCurve::p384), 48u);
  EXPECT_EQ(ec_point_size(EcCurve::p256), 65u);
  EXPECT_EQ(ec_point_size(EcCurve::p384), 97u);
  EXPECT_STREQ(ec_curve_name(EcCurve::p256), "P-256");
  EXPECT_STREQ(ec_curve_name(EcCurve::p384), "P-384");
}

TEST(EcApi, PointChecksRefuseEveryBadForm) {
  const std::vector<uint8_t> u = from_hex(kU);
  ASSERT_EQ(ec_point_check(EcCurve::p256, bv(u)), Status::ok);
  // Wrong curve length, truncated, extended.
  EXPECT_EQ(ec_point_check(EcCurve::p384, bv(u)), Status::invalid_argument);
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(u).first(64)), Status::invalid_argument);
  std::vector<uint8_t> longer = u;
  longer.push_back(0);
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(longer)), Status::invalid_argument);
  EXPECT_EQ(ec_point_check(EcCurve::p256, ByteView()), Status::invalid_argument);
  // Compressed and hybrid forms, and other prefixes.
  std::vector<uint8_t> compressed(u.begin(), u.begin() + 33);
  compressed[0] = 0x02 | (u[64] & 1);
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(compressed)), Status::invalid_argument);
  for (uint8_t prefix : {0x00, 0x02, 0x03, 0x05, 0x06, 0x07}) {
    std::vector<uint8_t> p = u;
    p[0] = prefix;
    EXPECT_EQ(ec_point_check(EcCurve::p256, bv(p)), Status::invalid_argument) << int(prefix);
  }
  // The "identity" encodings some libraries use: a single 00, and 04 with zero coordinates.
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(std::vector<uint8_t>{0x00})),
            Status::invalid_argument);
  std::vector<uint8_t> zero(65, 0);
  zero[0] = 0x04;
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(zero)), Status::invalid_argument);
  // Off the curve: y + 1.
  std::vector<uint8_t> off = u;
  off[64] ^= 1;
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(off)), Status::invalid_argument);
  // x = p and y = p: coordinates out of range.
  const std::vector<uint8_t> p = from_hex(kP);
  std::vector<uint8_t> xp = u;
  std::copy(p.begin(), p.end(), xp.begin() + 1);  // x = p
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(xp)), Status::invalid_argument);
  std::vector<uint8_t> yp = u;
  std::copy(p.begin(), p.end(), yp.begin() + 33);  // y = p
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(yp)), Status::invalid_argument);
}

TEST(EcApi, PrivateKeyRange) {
  const std::vector<uint8_t> n = from_hex(kN);
  std::vector<uint8_t> d = n;
  EXPECT_EQ(ec_private_check(EcCurve::p256, bv(d)), Status::invalid_argument);  // n
  d[31]++;
  EXPECT_EQ(ec_private_check(EcCurve::p256, bv(d)), Status::invalid_argument);  // n + 1
  d = n;
  d[31]--;
  EXPECT_EQ(ec_private_check(EcCurve::p256, bv(d)), Status::ok);  // n - 1
  std::vector<uint8_t> zero(32, 0);
  EXPECT_EQ(ec_private_check(EcCurve::p256, bv(zero)), Status::invalid_argument);
  zero[31] = 1;
  EXPECT_EQ(ec_private_check(EcCurve::p256, bv(zero)), Status::ok);
  EXPECT_EQ(ec_private_check(EcCurve::p256, bv(zero).first(31)), Status::invalid_argument);
  std::vector<uint8_t> ff(32, 0xff);
  EXPECT_EQ(ec_private_check(EcCurve::p256, bv(ff)), Status::invalid_argument);
  std::vector<uint8_t> out(65);
  EXPECT_EQ(ec_public_from_private(EcCurve::p256, MutableBytes(out), bv(ff)),
            Status::invalid_argument);
  EXPECT_EQ(ec_public_from_private(EcCurve::p256, MutableBytes(out.data(), 64),
                                   bv(from_hex(kX))),
            Status::buffer_too_small);
}

TEST(EcApi, PublicFromPrivateOfOneAndMinusOneIsG) {
  // 1*G = G and (n-1)*G = -G = (Gx, p - Gy): SEC 2 section 2.4.2's G.
  const std::vector<uint8_t> g = from_hex(
      "046B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
      "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5");
  std::vector<uint8_t> one(32, 0);
  one[31] = 1;
  std::vector<uint8_t> out(65);
  ASSERT_EQ(ec_public_from_private(EcCurve::p256, MutableBytes(out), bv(one)), Status::ok);
  EXPECT_EQ(to_hex(out), to_hex(g));
  std::vector<uint8_t> nm1 = from_hex(kN);
  nm1[31]--;
  ASSERT_EQ(ec_public_from_private(EcCurve::p256, MutableBytes(out), bv(nm1)), Status::ok);
  EXPECT_EQ(to_hex(out.data(), 33), to_hex(g.data(), 33));
  EXPECT_NE(to_hex(out), to_hex(g));
  EXPECT_EQ(ec_point_check(EcCurve::p256, bv(out)), Status::ok);
}

TEST(EcApi, EcdhRefusesBadInputsAndZeroesOutput) {
  const std::vector<uint8_t> x = from_hex(kX);
  std::vector<uint8_t> u = from_hex(kU);
  std::vector<uint8_t> z(32, 0xaa);
  u[64] ^= 1;
  EXPECT_EQ(ec_ecdh(EcCurve::p256, MutableBytes(z), bv(x), bv(u)), Status::invalid_argument);
  EXPECT_EQ(to_hex(z), std::string(64, '0'));
  u[64] ^= 1;
  std::vector<uint8_t> zero_d(32, 0);
  std::fill(z.begin(), z.end(), 0xaa);
  EXPECT_EQ(ec_ecdh(EcCurve::p256, MutableBytes(z), bv(zero_d), bv(u)), Status::invalid_argument);
  EXPECT_EQ(to_hex(z), std::string(64, '0'));
  EXPECT_EQ(ec_ecdh(EcCurve::p256, MutableBytes(z.data(), 31), bv(x), bv(u)),
            Status::buffer_too_small);
  // d*U with U = x*G is x^2*G: both sides agree (checked against the KAS vectors elsewhere).
  EXPECT_EQ(ec_ecdh(EcCurve::p256, MutableBytes(z), bv(x), bv(u)), Status::ok);
}

TEST(EcApi, GenerateKey) {
  for (EcCurve c : {EcCurve::p256, EcCurve::p384}) {
    CountingRng rng(7);
    std::vector<uint8_t> d(ec_scalar_size(c)), q(ec_point_size(c)), q2(ec_point_size(c));
    ASSERT_EQ(ec_generate_key(c, MutableBytes(d), MutableBytes(q), rng), Status::ok);
    EXPECT_EQ(ec_private_check(c, bv(d)), Status::ok);
    EXPECT_EQ(ec_point_check(c, bv(q)), Status::ok);
    ASSERT_EQ(ec_public_from_private(c, MutableBytes(q2), bv(d)), Status::ok);
    EXPECT_EQ(q, q2);
    EXPECT_EQ(rng.calls(), 1);
  }
  // An Rng failure zeroes both outputs.
  CountingRng bad(1, true);
  std::vector<uint8_t> d(32, 0xaa), q(65, 0xaa);
  EXPECT_EQ(ec_generate_key(EcCurve::p256, MutableBytes(d), MutableBytes(q), bad),
            Status::rng_failure);
  EXPECT_EQ(to_hex(d), std::string(64, '0'));
  EXPECT_EQ(to_hex(q), std::string(130, '0'));
  // A source stuck on all-ones (>= n) is rejected every time: rng_failure after 64 tries.
  FixedRng stuck(std::vector<uint8_t>(32, 0xff));
  EXPECT_EQ(ec_generate_key(EcCurve::p256, MutableBytes(d), MutableBytes(q), stuck),
            Status::rng_failure);
}

TEST(Ecdsa, VerifyRfc6979AndRefuseTampering) {
  const std::vector<uint8_t> u = from_hex(kU);
  const std::vector<uint8_t> r = from_hex(kR), s = from_hex(kS);
  const std::vector<uint8_t> h = sha256("sample");
  // r and s have the top bit set: each INTEGER gets a leading 00.
  const std::vector<uint8_t> good = seq2(cat({{0x00}, r}), cat({{0x00}, s}));
  ASSERT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h), bv(good)), Status::ok);
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(sha256("samplf")), bv(good)),
            Status::auth_failed);
  // Another curve's point size.
  EXPECT_EQ(ecdsa_verify(EcCurve::p384, bv(u), bv(h), bv(good)), Status::invalid_argument);
  // Swapped r and s.
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h), bv(seq2(cat({{0x00}, s}), cat({{0x00}, r})))),
            Status::auth_failed);
  // s replaced by n - s (the "malleable" twin verifies in ECDSA; it is a valid signature).
  const std::vector<uint8_t> n = from_hex(kN);
  std::vector<uint8_t> ns(32);
  int borrow = 0;
  for (size_t i = 32; i-- > 0;) {
    int v = n[i] - s[i] - borrow;
    borrow = v < 0;
    ns[i] = static_cast<uint8_t>(v + (borrow ? 256 : 0));
  }
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h),
                         bv(seq2(cat({{0x00}, r}), ns[0] & 0x80 ? cat({{0x00}, ns}) : ns))),
            Status::ok);
  // r = 0, s = 0, r = n, s = n: well-formed DER, out of range.
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h), bv(seq2({0x00}, cat({{0x00}, s})))),
            Status::auth_failed);
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h), bv(seq2(cat({{0x00}, r}), {0x00}))),
            Status::auth_failed);
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h),
                         bv(seq2(cat({{0x00}, n}), cat({{0x00}, s})))),
            Status::auth_failed);
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h),
                         bv(seq2(cat({{0x00}, r}), cat({{0x00}, n})))),
            Status::auth_failed);
  // A 33-byte magnitude (> n) with a leading non-zero byte.
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h),
                         bv(seq2(cat({{0x01}, r}), cat({{0x00}, s})))),
            Status::auth_failed);
}

TEST(Ecdsa, VerifyRefusesNonDer) {
  const std::vector<uint8_t> u = from_hex(kU);
  const std::vector<uint8_t> r = from_hex(kR), s = from_hex(kS);
  const std::vector<uint8_t> h = sha256("sample");
  const std::vector<uint8_t> rr = cat({{0x00}, r}), ss = cat({{0x00}, s});
  const std::vector<uint8_t> good = seq2(rr, ss);
  auto v = [&](const std::vector<uint8_t>& sig) {
    return ecdsa_verify(EcCurve::p256, bv(u), bv(h), bv(sig));
  };
  ASSERT_EQ(v(good), Status::ok);
  // r without its 00: a negative INTEGER.
  EXPECT_EQ(v(seq2(r, ss)), Status::decode_error);
  // A superfluous leading 00 (non-minimal INTEGER).
  EXPECT_EQ(v(seq2(cat({{0x00}, rr}), ss)), Status::decode_error);
  // A negative value 0xff...: decode_error.
  EXPECT_EQ(v(seq2({0xff}, ss)), Status::decode_error);
  // Empty INTEGER.
  EXPECT_EQ(v(seq2({}, ss)), Status::decode_error);
  // Trailing bytes after the SEQUENCE, and inside it.
  std::vector<uint8_t> t = good;
  t.push_back(0x00);
  EXPECT_EQ(v(t), Status::decode_error);
  std::vector<uint8_t> body = cat({{0x02, 33}, rr, {0x02, 33}, ss, {0x05, 0x00}});
  EXPECT_EQ(v(cat({{0x30, static_cast<uint8_t>(body.size())}, body})), Status::decode_error);
  // BER: long-form length where the short form fits, and the indefinite length.
  body = cat({{0x02, 33}, rr, {0x02, 33}, ss});
  EXPECT_EQ(v(cat({{0x30, 0x81, static_cast<uint8_t>(body.size())}, body})), Status::decode_error);
  EXPECT_EQ(v(cat({{0x30, 0x80}, body, {0x00, 0x00}})), Status::decode_error);
  // Long-form INTEGER length.
  body = cat({{0x02, 0x81, 33}, rr, {0x02, 33}, ss});
  EXPECT_EQ(v(cat({{0x30, static_cast<uint8_t>(body.size())}, body})), Status::decode_error);
  // Wrong tags: SET instead of SEQUENCE, OCTET STRING instead of INTEGER.
  t = good;
  t[0] = 0x31;
  EXPECT_EQ(v(t), Status::decode_error);
  t = good;
  t[2] = 0x04;
  EXPECT_EQ(v(t), Status::decode_error);
  // Only one INTEGER; truncated; empty.
  body = cat({{0x02, 33}, rr});
  EXPECT_EQ(v(cat({{0x30, static_cast<uint8_t>(body.size())}, body})), Status::decode_error);
  EXPECT_EQ(v(std::vector<uint8_t>(good.begin(), good.end() - 1)), Status::decode_error);
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h), ByteView()), Status::decode_error);
  // Raw r||s (the P1363 form) is not DER.
  EXPECT_EQ(v(cat({r, s})), Status::decode_error);
}

TEST(Ecdsa, SignDeterministicHedgedAndErrors) {
  const std::vector<uint8_t> x = from_hex(kX);
  const std::vector<uint8_t> u = from_hex(kU);
  const std::vector<uint8_t> h = sha256("sample");
  uint8_t sig1[kEcdsaMaxSignatureSize], sig2[kEcdsaMaxSignatureSize];
  size_t len1 = 0, len2 = 0;
  ASSERT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig1, sizeof(sig1)), &len1, bv(x), bv(h),
                       HashAlg::sha256, nullptr),
            Status::ok);
  EXPECT_EQ(to_hex(sig1, len1),
            to_hex(seq2(cat({{0x00}, from_hex(kR)}), cat({{0x00}, from_hex(kS)}))));
  // Hedged: valid, and different from the deterministic one and from each other.
  CountingRng rng(3);
  ASSERT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig2, sizeof(sig2)), &len2, bv(x), bv(h),
                       HashAlg::sha256, &rng),
            Status::ok);
  EXPECT_EQ(rng.calls(), 1);
  EXPECT_NE(to_hex(sig1, len1), to_hex(sig2, len2));
  EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(h), ByteView(sig2, len2)), Status::ok);
  uint8_t sig3[kEcdsaMaxSignatureSize];
  size_t len3 = 0;
  ASSERT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig3, sizeof(sig3)), &len3, bv(x), bv(h),
                       HashAlg::sha256, &rng),
            Status::ok);
  EXPECT_NE(to_hex(sig3, len3), to_hex(sig2, len2));
  // Hedge failure: nothing written.
  CountingRng bad(1, true);
  size_t len4 = 99;
  EXPECT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig3, sizeof(sig3)), &len4, bv(x), bv(h),
                       HashAlg::sha256, &bad),
            Status::rng_failure);
  EXPECT_EQ(len4, 0u);
  // Too small an output; md5; a bad key; a null length.
  EXPECT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig3, 70), &len4, bv(x), bv(h),
                       HashAlg::sha256, nullptr),
            Status::buffer_too_small);
  EXPECT_EQ(len4, 0u);
  EXPECT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig3, sizeof(sig3)), &len4, bv(x), bv(h),
                       HashAlg::md5, nullptr),
            Status::invalid_argument);
  EXPECT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig3, sizeof(sig3)), &len4,
                       bv(std::vector<uint8_t>(32, 0)), bv(h), HashAlg::sha256, nullptr),
            Status::invalid_argument);
  EXPECT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig3, sizeof(sig3)), nullptr, bv(x), bv(h),
                       HashAlg::sha256, nullptr),
            Status::invalid_argument);
  // The given-k entry refuses k = 0 and k = n.
  std::vector<uint8_t> r(32), s(32);
  EXPECT_EQ(ecdsa_internal::ecdsa_sign_with_k(EcCurve::p256, MutableBytes(r), MutableBytes(s),
                                              bv(x), bv(h), bv(std::vector<uint8_t>(32, 0))),
            Status::invalid_argument);
  EXPECT_EQ(ecdsa_internal::ecdsa_sign_with_k(EcCurve::p256, MutableBytes(r), MutableBytes(s),
                                              bv(x), bv(h), bv(from_hex(kN))),
            Status::invalid_argument);
}

TEST(Ecdsa, DigestLengths) {
  // Digests shorter and longer than the order: a signature over each verifies, and the
  // truncation keeps the leftmost bytes (a 64-byte digest and its first 32 bytes sign alike).
  const std::vector<uint8_t> x = from_hex(kX);
  const std::vector<uint8_t> u = from_hex(kU);
  std::vector<uint8_t> d64(64);  // filled below
  for (size_t i = 0; i < d64.size(); i++) {
    d64[i] = static_cast<uint8_t>(i * 7 + 1);
  }
  const std::vector<uint8_t> d32(d64.begin(), d64.begin() + 32);
  const std::vector<uint8_t> d20(d64.begin(), d64.begin() + 20);
  std::vector<uint8_t> r(32), s(32), r2(32), s2(32);
  const std::vector<uint8_t> k = from_hex(
      "A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60");
  ASSERT_EQ(ecdsa_internal::ecdsa_sign_with_k(EcCurve::p256, MutableBytes(r), MutableBytes(s),
                                              bv(x), bv(d64), bv(k)),
            Status::ok);
  ASSERT_EQ(ecdsa_internal::ecdsa_sign_with_k(EcCurve::p256, MutableBytes(r2), MutableBytes(s2),
                                              bv(x), bv(d32), bv(k)),
            Status::ok);
  EXPECT_EQ(s, s2);
  for (const std::vector<uint8_t>* d : {static_cast<const std::vector<uint8_t>*>(&d64), &d32, &d20}) {
    uint8_t sig[kEcdsaMaxSignatureSize];
    size_t len = 0;
    ASSERT_EQ(ecdsa_sign(EcCurve::p256, MutableBytes(sig, sizeof(sig)), &len, bv(x), bv(*d),
                         HashAlg::sha256, nullptr),
              Status::ok);
    EXPECT_EQ(ecdsa_verify(EcCurve::p256, bv(u), bv(*d), ByteView(sig, len)), Status::ok);
  }
}

}  // namespace
