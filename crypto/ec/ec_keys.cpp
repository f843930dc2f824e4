/*
 * EC keys and their DER structures (the files, PEM or DER detected and the key block found, are
 * read in ec_key_files.cpp): RFC 5480 section 2.1.1 (id-ecPublicKey SubjectPublicKeyInfo, namedCurve),
 * RFC 5915 (SEC 1 ECPrivateKey, and inside PKCS#8), RFC 5208 / RFC 5958 (PrivateKeyInfo),
 * RFC 8410 (X25519 SubjectPublicKeyInfo and CurvePrivateKey). Strict DER (crypto/asn1/der.h),
 * PEM (crypto/pem/pem.h), the PKCS#8 wrapper and the PEM key blocks shared with the RSA key
 * files (crypto/pem/key_file.h). Key values are checked with crypto/ec/ec.h (ec_point_check,
 * ec_private_check, ec_public_from_private). Not constant-time in the parsing of the structure
 * (lengths and tags are public); the private scalar is only copied, and checked by the
 * constant-time ec_private_check. Local copies of private keys are wiped before return.
 */
#include "crypto/ec/ec_keys.h"

#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/ec/x25519.h"
#include "crypto/pem/key_file.h"
#include "crypto/pem/pem.h"
#include "crypto/util/ct.h"
#include "crypto/util/cursor.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

constexpr Status kBad = Status::decode_error;

ByteView oid_view(const uint8_t* p, size_t n) { return ByteView(p, n); }
#define PETREL_EC_OID(name) oid_view(asn1::oid::name, sizeof(asn1::oid::name))

void set_problem(EcKeyProblem* p, EcKeyProblem v) {
  if (p != nullptr) {
    *p = v;
  }
}

ByteView curve_oid(EcCurve c) {
  return c == EcCurve::p384 ? PETREL_EC_OID(kSecp384r1) : PETREL_EC_OID(kPrime256v1);
}

// A point check with the reason for messages.
Status check_point(EcCurve c, ByteView point, EcKeyProblem* problem) {
  if (!point.empty() && point[0] != 0x04) {
    set_problem(problem, EcKeyProblem::compressed_point);
    return Status::unsupported;
  }
  if (ec_point_check(c, point) != Status::ok) {
    set_problem(problem, EcKeyProblem::bad_point);
    return Status::invalid_argument;
  }
  return Status::ok;
}

// AlgorithmIdentifier of a key: id-ecPublicKey with its curve, or id-X25519 (no parameters).
Status read_key_algorithm(Reader* in, EcKeyAlg* out, EcKeyProblem* problem) {
  Reader alg;
  ByteView oid;
  if (asn1::read_sequence(in, &alg) != Status::ok || asn1::read_oid(&alg, &oid) != Status::ok) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  if (asn1::oid_equal(oid, PETREL_EC_OID(kX25519))) {
    if (!alg.empty()) {  // RFC 8410 section 3: the parameters MUST be absent
      set_problem(problem, EcKeyProblem::malformed);
      return kBad;
    }
    *out = EcKeyAlg::x25519;
    return Status::ok;
  }
  if (!asn1::oid_equal(oid, PETREL_EC_OID(kEcPublicKey))) {
    set_problem(problem, EcKeyProblem::not_ec);
    return Status::unsupported;
  }
  const uint8_t* start = alg.data();
  const size_t len = alg.remaining();
  if (len == 0) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  EcCurve c = EcCurve::p256;
  const Status st = ec_curve_from_params(&c, ByteView(start, len), problem);
  if (st != Status::ok) {
    return st;
  }
  *out = ec_key_alg_of(c);
  return Status::ok;
}

void add_key_algorithm(Writer* w, EcKeyAlg a) {
  asn1::begin_der(w, asn1::kSequence);
  if (a == EcKeyAlg::x25519) {
    asn1::add_oid(w, PETREL_EC_OID(kX25519));
  } else {
    asn1::add_oid(w, PETREL_EC_OID(kEcPublicKey));
    EcCurve c = EcCurve::p256;
    (void)ec_key_alg_curve(a, &c);
    asn1::add_oid(w, curve_oid(c));
  }
  w->end();
}

// The ECPrivateKey contents (RFC 5915 section 3). `outer` is the curve from an enclosing
// PKCS#8 AlgorithmIdentifier, or nullptr (then [0] is required).
Status read_sec1(EcPrivateKey* out, ByteView der, const EcCurve* outer, EcKeyProblem* problem) {
  Reader r(der);
  Reader seq;
  uint64_t version = 0;
  ByteView d;
  if (asn1::read_sequence(&r, &seq) != Status::ok || !r.empty() ||
      asn1::read_uint64(&seq, &version) != Status::ok || version != 1 ||
      asn1::read_octet_string(&seq, &d) != Status::ok) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  Reader params;
  bool have_params = false;
  if (asn1::read_optional_der(&seq, &params, &have_params, asn1::context_constructed(0)) !=
      Status::ok) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  EcCurve c = outer != nullptr ? *outer : EcCurve::p256;
  if (have_params) {
    EcCurve pc = EcCurve::p256;
    const Status st = ec_curve_from_params(&pc, ByteView(params.data(), params.remaining()), problem);
    if (st != Status::ok) {
      return st;
    }
    if (outer != nullptr && pc != *outer) {
      set_problem(problem, EcKeyProblem::malformed);  // RFC 5915: the two MUST agree
      return kBad;
    }
    c = pc;
  } else if (outer == nullptr) {
    set_problem(problem, EcKeyProblem::malformed);  // no curve at all
    return kBad;
  }
  Reader pub_elem;
  bool have_pub = false;
  ByteView pub;
  if (asn1::read_optional_der(&seq, &pub_elem, &have_pub, asn1::context_constructed(1)) !=
      Status::ok) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  if (have_pub && (asn1::read_bit_string_octets(&pub_elem, &pub) != Status::ok ||
                   !pub_elem.empty())) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  if (!seq.empty()) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  if (d.size() != ec_scalar_size(c)) {
    set_problem(problem, EcKeyProblem::malformed);  // RFC 5915: ceiling(log2(n)/8) octets
    return kBad;
  }
  if (have_pub) {
    const Status st = check_point(c, pub, problem);
    if (st != Status::ok) {
      return st;
    }
  }
  const Status st = ec_private_key_set(out, ec_key_alg_of(c), d, pub);
  if (st != Status::ok) {
    set_problem(problem, st == Status::unsupported ? EcKeyProblem::no_public
                                                   : EcKeyProblem::bad_private);
  }
  return st;
}

void write_sec1(Writer* w, const EcPrivateKey& key, bool with_params) {
  EcCurve c = EcCurve::p256;
  (void)ec_key_alg_curve(key.m_alg, &c);
  asn1::begin_der(w, asn1::kSequence);
  asn1::add_uint64(w, 1);
  asn1::add_octet_string(w, key.d());
  if (with_params) {
    asn1::begin_der(w, asn1::context_constructed(0));
    asn1::add_oid(w, curve_oid(c));
    w->end();
  }
  asn1::begin_der(w, asn1::context_constructed(1));
  asn1::add_bit_string(w, key.public_key());
  w->end();
  w->end();
}

Status finish_private(MutableBytes out, const Writer& w, size_t* out_len) {
  const Status st = w.finish(out_len);
  if (st != Status::ok) {
    secure_wipe(out.data(), out.size());
  }
  return st;
}

}  // namespace

// ---- names --------------------------------------------------------------------------------------

const char* ec_key_alg_name(EcKeyAlg a) noexcept {
  switch (a) {
    case EcKeyAlg::p256: return "P-256";
    case EcKeyAlg::p384: return "P-384";
    case EcKeyAlg::x25519: return "X25519";
  }
  return "unknown";
}

size_t ec_key_alg_private_size(EcKeyAlg a) noexcept {
  return a == EcKeyAlg::p384 ? 48 : 32;
}

size_t ec_key_alg_public_size(EcKeyAlg a) noexcept {
  switch (a) {
    case EcKeyAlg::p256: return 65;
    case EcKeyAlg::p384: return 97;
    case EcKeyAlg::x25519: return 32;
  }
  return 0;
}

bool ec_key_alg_curve(EcKeyAlg a, EcCurve* out) noexcept {
  if (a == EcKeyAlg::x25519) {
    return false;
  }
  *out = a == EcKeyAlg::p384 ? EcCurve::p384 : EcCurve::p256;
  return true;
}

const char* ec_key_file_pem_label(EcKeyFile kind) noexcept {
  switch (kind) {
    case EcKeyFile::sec1_private: return "EC PRIVATE KEY";
    case EcKeyFile::pkcs8_private: return "PRIVATE KEY";
    case EcKeyFile::pkcs8_encrypted: return "ENCRYPTED PRIVATE KEY";
    case EcKeyFile::spki_public: return "PUBLIC KEY";
    case EcKeyFile::unknown: break;
  }
  return nullptr;
}

const char* ec_key_problem_text(EcKeyProblem p) noexcept {
  switch (p) {
    case EcKeyProblem::none: return "no problem";
    case EcKeyProblem::malformed: return "malformed key file (not PEM or strict DER of an EC key)";
    case EcKeyProblem::no_key: return "no EC key block found";
    case EcKeyProblem::wrong_kind: return "a public key where a private key is needed, or the reverse";
    case EcKeyProblem::encrypted: return "encrypted private keys are not supported";
    case EcKeyProblem::not_ec: return "not an EC or X25519 key";
    case EcKeyProblem::explicit_params: return "explicit EC parameters are not supported (only the named curves P-256 and P-384)";
    case EcKeyProblem::unknown_curve: return "unsupported curve (only P-256, P-384 and X25519)";
    case EcKeyProblem::compressed_point: return "compressed EC points are not supported";
    case EcKeyProblem::bad_point: return "the public key is not a point of the curve";
    case EcKeyProblem::bad_private: return "invalid private key (out of range, or the public key does not match it)";
    case EcKeyProblem::no_public: return "a private key without its public key is not supported on this curve";
  }
  return "unknown problem";
}

// ---- public keys --------------------------------------------------------------------------------

Status ec_curve_from_params(EcCurve* out, ByteView params, EcKeyProblem* problem) noexcept {
  Reader r(params);
  asn1::Tag tag = 0;
  if (asn1::peek_tag(r, &tag) != Status::ok) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  if (tag == asn1::kSequence || tag == asn1::kNull) {
    // specifiedCurve (explicit parameters) or implicitCurve: RFC 5480 2.1.1 MUST NOT.
    Reader contents;
    if (asn1::read_any_der(&r, &tag, &contents) != Status::ok || !r.empty()) {
      set_problem(problem, EcKeyProblem::malformed);
      return kBad;
    }
    set_problem(problem, EcKeyProblem::explicit_params);
    return Status::unsupported;
  }
  ByteView oid;
  if (asn1::read_oid(&r, &oid) != Status::ok || !r.empty()) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  if (asn1::oid_equal(oid, PETREL_EC_OID(kPrime256v1))) {
    *out = EcCurve::p256;
  } else if (asn1::oid_equal(oid, PETREL_EC_OID(kSecp384r1))) {
    *out = EcCurve::p384;
  } else {
    set_problem(problem, EcKeyProblem::unknown_curve);
    return Status::unsupported;
  }
  return Status::ok;
}

Status ec_public_key_from_info(EcPublicKey* out, const PublicKeyInfo& info,
                               EcKeyProblem* problem) noexcept {
  set_problem(problem, EcKeyProblem::none);
  EcPublicKey key;
  if (asn1::oid_equal(info.m_alg_oid, PETREL_EC_OID(kX25519))) {
    if (!info.m_params.empty() || info.m_key.size() != kX25519KeySize) {
      set_problem(problem, EcKeyProblem::malformed);
      return kBad;
    }
    key.m_alg = EcKeyAlg::x25519;
    key.m_point = info.m_key;
    *out = key;
    return Status::ok;
  }
  if (info.m_type != KeyType::ec) {
    set_problem(problem, EcKeyProblem::not_ec);
    return Status::unsupported;
  }
  if (info.m_params.empty()) {
    set_problem(problem, EcKeyProblem::malformed);  // ECParameters are required
    return kBad;
  }
  EcCurve c = EcCurve::p256;
  Status st = ec_curve_from_params(&c, info.m_params, problem);
  if (st != Status::ok) {
    return st;
  }
  st = check_point(c, info.m_key, problem);
  if (st != Status::ok) {
    return st;
  }
  key.m_alg = ec_key_alg_of(c);
  key.m_point = info.m_key;
  *out = key;
  return Status::ok;
}

Status ec_public_key_from_spki(EcPublicKey* out, ByteView spki, EcKeyProblem* problem) noexcept {
  PublicKeyInfo info;
  if (parse_public_key_info(&info, spki) != Status::ok) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  return ec_public_key_from_info(out, info, problem);
}

Status ec_public_key_to_spki(MutableBytes out, size_t* out_len, const EcPublicKey& key) noexcept {
  EcCurve c = EcCurve::p256;
  if (ec_key_alg_curve(key.m_alg, &c)) {
    if (ec_point_check(c, key.m_point) != Status::ok) {
      return Status::invalid_argument;
    }
  } else if (key.m_point.size() != kX25519KeySize) {
    return Status::invalid_argument;
  }
  Writer w(out);
  asn1::begin_der(&w, asn1::kSequence);
  add_key_algorithm(&w, key.m_alg);
  asn1::add_bit_string(&w, key.m_point);
  w.end();
  return w.finish(out_len);
}

// ---- private keys -------------------------------------------------------------------------------

EcPrivateKey::~EcPrivateKey() noexcept { wipe(); }

void EcPrivateKey::wipe() noexcept {
  secure_wipe(m_d, sizeof(m_d));
  secure_wipe(m_pub, sizeof(m_pub));
  m_alg = EcKeyAlg::p256;
}

Status ec_private_key_set(EcPrivateKey* out, EcKeyAlg alg, ByteView d, ByteView pub) noexcept {
  out->wipe();
  const size_t dn = ec_key_alg_private_size(alg);
  const size_t pn = ec_key_alg_public_size(alg);
  if (d.size() != dn || (!pub.empty() && pub.size() != pn)) {
    return Status::invalid_argument;
  }
  out->m_alg = alg;
  std::memcpy(out->m_d, d.data(), dn);
  if (alg == EcKeyAlg::x25519) {
    uint8_t computed[kX25519KeySize];
    if (x25519_public_key(computed, out->m_d) != Status::ok ||
        (!pub.empty() && std::memcmp(computed, pub.data(), kX25519KeySize) != 0)) {
      out->wipe();
      return Status::invalid_argument;
    }
    std::memcpy(out->m_pub, computed, kX25519KeySize);
    return Status::ok;
  }
  EcCurve c = EcCurve::p256;
  (void)ec_key_alg_curve(alg, &c);
  if (ec_private_check(c, out->d()) != Status::ok) {
    out->wipe();
    return Status::invalid_argument;
  }
  uint8_t computed[kEcMaxPointSize];
  const Status st = ec_public_from_private(c, MutableBytes(computed, pn), out->d());
  if (st == Status::ok) {
    if (!pub.empty() && std::memcmp(computed, pub.data(), pn) != 0) {
      out->wipe();
      return Status::invalid_argument;
    }
    std::memcpy(out->m_pub, computed, pn);
    return Status::ok;
  }
  if (st != Status::unsupported || pub.empty() || ec_point_check(c, pub) != Status::ok) {
    // No d*G for this curve and no (valid) public key to take instead.
    out->wipe();
    return st == Status::unsupported && pub.empty() ? Status::unsupported
                                                    : Status::invalid_argument;
  }
  std::memcpy(out->m_pub, pub.data(), pn);  // P-384: on the curve, not checked against d
  return Status::ok;
}

Status ec_private_key_generate(EcPrivateKey* out, EcKeyAlg alg, Rng& rng) noexcept {
  out->wipe();
  out->m_alg = alg;
  Status st = Status::ok;
  if (alg == EcKeyAlg::x25519) {
    st = x25519_keypair(out->m_pub, out->m_d, rng);
  } else {
    EcCurve c = EcCurve::p256;
    (void)ec_key_alg_curve(alg, &c);
    st = ec_generate_key(c, MutableBytes(out->m_d, ec_scalar_size(c)),
                         MutableBytes(out->m_pub, ec_point_size(c)), rng);
  }
  if (st != Status::ok) {
    out->wipe();
  }
  return st;
}

Status ec_private_key_from_sec1(EcPrivateKey* out, ByteView der, EcKeyProblem* problem) noexcept {
  out->wipe();
  set_problem(problem, EcKeyProblem::none);
  return read_sec1(out, der, nullptr, problem);
}

Status ec_private_key_from_pkcs8(EcPrivateKey* out, ByteView der, EcKeyProblem* problem) noexcept {
  out->wipe();
  set_problem(problem, EcKeyProblem::none);
  key_file::PrivateKeyInfo info;
  if (key_file::parse_private_key_info(&info, der) != Status::ok) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  EcKeyAlg alg = EcKeyAlg::p256;
  Reader alg_r(info.m_algorithm);
  const Status ast = read_key_algorithm(&alg_r, &alg, problem);
  if (ast != Status::ok) {
    return ast;
  }
  // RFC 8410 puts the X25519 public key in publicKey [1] (version 1); the EC public key belongs
  // in the ECPrivateKey.
  const ByteView inner = info.m_private_key;
  const ByteView pub = info.m_public_key;
  if (alg == EcKeyAlg::x25519) {
    Reader ir(inner);
    ByteView d;
    if (asn1::read_octet_string(&ir, &d) != Status::ok || !ir.empty() ||
        d.size() != kX25519KeySize || (!pub.empty() && pub.size() != kX25519KeySize)) {
      set_problem(problem, EcKeyProblem::malformed);
      return kBad;
    }
    const Status st = ec_private_key_set(out, alg, d, pub);
    if (st != Status::ok) {
      set_problem(problem, EcKeyProblem::bad_private);
    }
    return st;
  }
  if (!pub.empty()) {
    set_problem(problem, EcKeyProblem::malformed);
    return kBad;
  }
  EcCurve c = EcCurve::p256;
  (void)ec_key_alg_curve(alg, &c);
  return read_sec1(out, inner, &c, problem);
}

Status ec_private_key_write(MutableBytes out, size_t* out_len, const EcPrivateKey& key,
                            EcKeyFile kind, bool pem) noexcept {
  uint8_t der[kEcMaxPrivateKeyDerLen];
  Writer w(MutableBytes(der, sizeof(der)));
  if (kind == EcKeyFile::sec1_private) {
    if (key.m_alg == EcKeyAlg::x25519) {
      return Status::invalid_argument;  // SEC 1 has no X25519 form
    }
    write_sec1(&w, key, true);
  } else if (kind == EcKeyFile::pkcs8_private) {
    key_file::add_private_key_info(
        &w, [&key](Writer* aw) { add_key_algorithm(aw, key.m_alg); },
        [&key](Writer* kw) {
          if (key.m_alg == EcKeyAlg::x25519) {
            asn1::add_octet_string(kw, key.d());  // CurvePrivateKey (RFC 8410 section 7)
          } else {
            write_sec1(kw, key, false);
          }
        });
  } else {
    return Status::invalid_argument;
  }
  size_t len = 0;
  Status st = finish_private(MutableBytes(der, sizeof(der)), w, &len);
  if (st == Status::ok) {
    st = key_file::write_key_file(out, out_len, ByteView(der, len),
                                  pem ? ec_key_file_pem_label(kind) : nullptr, true);
  }
  if (st != Status::ok) {
    secure_wipe(out.data(), out.size());
  }
  secure_wipe(der, sizeof(der));
  return st;
}

Status ec_public_key_write(MutableBytes out, size_t* out_len, const EcPublicKey& key,
                           bool pem) noexcept {
  uint8_t der[kEcMaxPublicKeyDerLen];
  size_t len = 0;
  Status st = ec_public_key_to_spki(MutableBytes(der, sizeof(der)), &len, key);
  if (st != Status::ok) {
    return st;
  }
  return key_file::write_key_file(out, out_len, ByteView(der, len), pem ? "PUBLIC KEY" : nullptr,
                                 false);
}

}  // namespace petrel
