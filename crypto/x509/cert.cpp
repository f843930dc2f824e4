/*
 * X.509 certificate parsing: RFC 5280 section 4.1 (Certificate, TBSCertificate, version,
 * serial number, validity, unique identifiers), with the parts read by their own files:
 * algorithm.cpp (signature algorithms), name.cpp, public_key.cpp, extensions.cpp. Strict DER
 * throughout (crypto/asn1/der.h); views into the caller's buffer, no heap. Not constant-time:
 * certificates are public data.
 */
#include "crypto/x509/cert.h"

#include "crypto/x509/internal.h"

namespace petrel {
namespace x509 {

using namespace asn1;
using namespace internal;

Status read_certificate(Reader* in, Certificate* out) noexcept {
  Reader r = *in;
  ByteView whole;
  if (read_der_element(&r, &whole, kSequence) != Status::ok) {
    return kBad;
  }
  Certificate c;
  c.m_der = whole;
  Reader outer(whole);
  Reader cert;
  if (read_sequence(&outer, &cert) != Status::ok ||
      read_der_element(&cert, &c.m_tbs, kSequence) != Status::ok) {
    return kBad;
  }
  Reader tbs_outer(c.m_tbs);
  Reader tbs;
  if (read_sequence(&tbs_outer, &tbs) != Status::ok) {
    return kBad;
  }
  // version [0] EXPLICIT Version DEFAULT v1
  Reader ver;
  bool has_version = false;
  if (read_optional_explicit(&tbs, &ver, &has_version, 0) != Status::ok) {
    return kBad;
  }
  if (has_version) {
    uint64_t v = 0;
    if (read_uint64(&ver, &v) != Status::ok || !ver.empty() || v > 2 || v == 0) {
      return kBad;  // DER: v1 is omitted; only v2 and v3 may appear
    }
    c.m_version = static_cast<uint8_t>(v + 1);
  }
  bool negative = false;
  Reader serial;
  if (read_der(&tbs, &serial, kInteger) != Status::ok ||
      parse_integer_contents(serial.view(), &negative) != Status::ok ||
      serial.remaining() > kMaxSerialLen) {
    return kBad;
  }
  c.m_serial = serial.view();
  SignatureAlgorithm inner_alg;
  if (parse_signature_algorithm(&tbs, &inner_alg) != Status::ok ||
      read_der_element(&tbs, &c.m_issuer, kSequence) != Status::ok ||
      check_name(c.m_issuer) != Status::ok) {
    return kBad;
  }
  Reader validity;
  if (read_sequence(&tbs, &validity) != Status::ok ||
      read_time(&validity, &c.m_not_before) != Status::ok ||
      read_time(&validity, &c.m_not_after) != Status::ok || !validity.empty()) {
    return kBad;
  }
  if (read_der_element(&tbs, &c.m_subject, kSequence) != Status::ok ||
      check_name(c.m_subject) != Status::ok ||
      read_subject_key(&tbs, &c.m_key) != Status::ok) {
    return kBad;
  }
  // issuerUniqueID [1], subjectUniqueID [2]: v2 or v3 only; BIT STRING contents.
  for (uint32_t n = 1; n <= 2; n++) {
    Reader uid;
    bool present = false;
    if (read_optional_der(&tbs, &uid, &present, context(n)) != Status::ok) {
      return kBad;
    }
    if (present) {
      uint8_t unused = 0;
      if (c.m_version < 2 || !uid.read_u8(&unused) || unused > 7) {
        return kBad;
      }
    }
  }
  Reader exts_wrap;
  bool has_exts = false;
  if (read_optional_explicit(&tbs, &exts_wrap, &has_exts, 3) != Status::ok) {
    return kBad;
  }
  if (has_exts) {
    Reader exts;
    if (c.m_version != 3 || read_sequence(&exts_wrap, &exts) != Status::ok ||
        !exts_wrap.empty() || parse_extensions(&exts, &c) != Status::ok) {
      return kBad;
    }
  }
  if (!tbs.empty()) {
    return kBad;
  }
  if (parse_signature_algorithm(&cert, &c.m_sig_alg) != Status::ok ||
      read_bit_string_octets(&cert, &c.m_signature) != Status::ok || !cert.empty()) {
    return kBad;
  }
  // RFC 5280 4.1.1.2: the signature field in the TBSCertificate is the same algorithm.
  if (!same_bytes(inner_alg.m_der, c.m_sig_alg.m_der)) {
    return kBad;
  }
  *in = r;
  *out = c;
  return Status::ok;
}

Status parse_certificate(Certificate* out, ByteView der) noexcept {
  Reader r(der);
  Certificate c;
  if (read_certificate(&r, &c) != Status::ok || !r.empty()) {
    return kBad;
  }
  *out = c;
  return Status::ok;
}

bool is_self_issued(const Certificate& c) noexcept { return name_equal(c.m_issuer, c.m_subject); }

Status spki_sha256(uint8_t out[32], const Certificate& c) noexcept {
  return hash(HashAlg::sha256, MutableBytes(out, 32), c.m_key.m_info.m_der);
}

namespace {

ByteView strip_leading_zeros(ByteView v) {
  size_t i = 0;
  while (i < v.size() && v[i] == 0) {
    i++;
  }
  return v.subspan(i);
}

}  // namespace

Status check_private_key_matches(const Certificate& cert, const RsaPrivateKey& key) noexcept {
  if (cert.m_key.m_info.m_type != KeyType::rsa) {
    return Status::unsupported;
  }
  if (!key.is_set()) {
    return Status::invalid_argument;
  }
  uint8_t n[kRsaMaxModulusBytes];
  uint8_t e[kRsaMaxModulusBytes];
  size_t n_len = 0;
  size_t e_len = 0;
  if (key.export_part(RsaPart::n, MutableBytes(n, sizeof(n)), &n_len) != Status::ok ||
      key.export_part(RsaPart::e, MutableBytes(e, sizeof(e)), &e_len) != Status::ok) {
    return Status::invalid_argument;
  }
  const bool same_n = same_bytes(strip_leading_zeros(ByteView(n, n_len)),
                                 strip_leading_zeros(cert.m_key.m_rsa.m_n));
  const bool same_e = same_bytes(strip_leading_zeros(ByteView(e, e_len)),
                                 strip_leading_zeros(cert.m_key.m_rsa.m_e));
  return same_n && same_e ? Status::ok : Status::auth_failed;
}

CandidateCert make_candidate(const Certificate& c) noexcept {
  CandidateCert k;
  k.m_der = c.m_der;
  k.m_subject = c.m_subject;
  k.m_subject_key_id = c.m_subject_key_id;
  k.m_has_subject_key_id = (c.m_extensions & kExtSubjectKeyId) != 0;
  return k;
}

Status check_private_key_matches(const Certificate& cert, const EcPrivateKey& key) noexcept {
  if (cert.m_key.m_info.m_type != KeyType::ec) {
    return Status::unsupported;
  }
  if (cert.m_key.m_ec_status != Status::ok) {
    return Status::auth_failed;
  }
  return cert.m_key.m_ec.m_alg == key.m_alg && same_bytes(cert.m_key.m_ec.m_point, key.public_key())
             ? Status::ok
             : Status::auth_failed;
}

}  // namespace x509
}  // namespace petrel
