/*
 * Issuing X.509 v3 certificates: RFC 5280 section 4.1 (TBSCertificate), 4.2.1.1-4.2.1.3,
 * 4.2.1.6, 4.2.1.9, 4.2.1.12 (the extensions set per role), signed with RSASSA-PKCS1-v1_5
 * (RFC 8017 section 8.2). Written straight into the caller's buffer; the signature covers the
 * tbsCertificate bytes as they were written. No heap; not constant-time apart from the RSA
 * private operation (crypto/rsa).
 */
#include "crypto/x509/issue.h"

#include "crypto/x509/signer.h"

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"

namespace petrel {
namespace x509 {
namespace {

using namespace asn1;

void begin_extension(Writer* w, const uint8_t* oid, size_t oid_len, bool critical) {
  begin_der(w, kSequence);
  add_oid(w, ByteView(oid, oid_len));
  if (critical) {
    add_boolean(w, true);
  }
  begin_der(w, kOctetString);
}

void end_extension(Writer* w) {
  w->end();
  w->end();
}

// keyUsage as a DER named bit list (no trailing zero bits).
void add_key_usage(Writer* w, uint16_t bits) {
  uint8_t bytes[2] = {0, 0};
  size_t last = 0;
  for (size_t i = 0; i < 9; i++) {
    if ((bits & (1u << i)) != 0) {
      bytes[i / 8] = static_cast<uint8_t>(bytes[i / 8] | (0x80u >> (i % 8)));
      last = i;
    }
  }
  const size_t len = last / 8 + 1;
  const uint8_t unused = static_cast<uint8_t>(7 - (last % 8));
  begin_der(w, kBitString);
  w->add_u8(unused);
  w->add_bytes(ByteView(bytes, len));
  w->end();
}

}  // namespace

Status key_identifier(uint8_t out[20], ByteView spki) noexcept {
  PublicKeyInfo info;
  if (parse_public_key_info(&info, spki) != Status::ok) {
    return Status::invalid_argument;
  }
  return hash(HashAlg::sha1, MutableBytes(out, 20), info.m_key);
}

Status issue_certificate(MutableBytes out, size_t* out_len, const IssueSpec& spec,
                         const RsaPrivateKey& ca_key, Rng& rng) noexcept {
  return issue_certificate(out, out_len, spec, signing_key(ca_key), rng);
}

Status issue_certificate(MutableBytes out, size_t* out_len, const IssueSpec& spec,
                         const EcPrivateKey& ca_key, Rng& rng) noexcept {
  return issue_certificate(out, out_len, spec, signing_key(ca_key), rng);
}

Status issue_certificate(MutableBytes out, size_t* out_len, const IssueSpec& spec,
                         const SigningKey& ca_key, Rng& rng) noexcept {
  if (spec.m_serial.empty() || spec.m_serial.size() > 20 || spec.m_hash == HashAlg::md5 ||
      spec.m_not_after < spec.m_not_before || check_name(spec.m_subject) != Status::ok ||
      check_name(spec.m_issuer) != Status::ok) {
    return Status::invalid_argument;
  }
  bool zero = true;
  for (size_t i = 0; i < spec.m_serial.size(); i++) {
    zero = zero && spec.m_serial[i] == 0;
  }
  if (zero) {
    return Status::invalid_argument;
  }
  uint8_t ski[20];
  if (key_identifier(ski, spec.m_subject_key) != Status::ok) {
    return Status::invalid_argument;
  }
  uint8_t computed_aki[20];
  ByteView aki = spec.m_issuer_key_id;
  if (aki.empty()) {
    uint8_t spki[kRsaMaxModulusBytes * 2 + 64];
    Writer kw(MutableBytes(spki, sizeof(spki)));
    add_signer_public_key_info(&kw, ca_key);
    size_t spki_len = 0;
    if (kw.finish(&spki_len) != Status::ok ||
        key_identifier(computed_aki, ByteView(spki, spki_len)) != Status::ok) {
      return Status::invalid_argument;
    }
    aki = ByteView(computed_aki, sizeof(computed_aki));
  }

  Writer w(out);
  begin_der(&w, kSequence);
  const size_t tbs_start = w.size();
  begin_der(&w, kSequence);
  begin_der(&w, context_constructed(0));
  add_uint64(&w, 2);  // v3
  w.end();
  add_unsigned_integer(&w, spec.m_serial);
  add_signer_algorithm(&w, ca_key, spec.m_hash);
  w.add_bytes(spec.m_issuer);
  begin_der(&w, kSequence);
  add_time(&w, spec.m_not_before);
  add_time(&w, spec.m_not_after);
  w.end();
  w.add_bytes(spec.m_subject);
  w.add_bytes(spec.m_subject_key);
  begin_der(&w, context_constructed(3));
  begin_der(&w, kSequence);

  begin_extension(&w, oid::kBasicConstraints, sizeof(oid::kBasicConstraints), true);
  begin_der(&w, kSequence);
  if (spec.m_role == Role::ca) {
    add_boolean(&w, true);
    if (spec.m_has_path_len) {
      add_uint64(&w, spec.m_path_len);
    }
  }
  w.end();
  end_extension(&w);

  begin_extension(&w, oid::kKeyUsage, sizeof(oid::kKeyUsage), true);
  add_key_usage(&w, spec.m_role == Role::ca       ? (kKuKeyCertSign | kKuCrlSign)
                    : spec.m_role == Role::server ? (kKuDigitalSignature | kKuKeyEncipherment)
                                                  : kKuDigitalSignature);
  end_extension(&w);

  if (spec.m_role != Role::ca) {
    begin_extension(&w, oid::kExtKeyUsage, sizeof(oid::kExtKeyUsage), false);
    begin_der(&w, kSequence);
    if (spec.m_role == Role::server) {
      add_oid(&w, ByteView(oid::kServerAuth, sizeof(oid::kServerAuth)));
    } else {
      add_oid(&w, ByteView(oid::kClientAuth, sizeof(oid::kClientAuth)));
    }
    w.end();
    end_extension(&w);
  }

  if (!spec.m_san.empty()) {
    begin_extension(&w, oid::kSubjectAltName, sizeof(oid::kSubjectAltName), false);
    begin_der(&w, kSequence);
    w.add_bytes(spec.m_san);
    w.end();
    end_extension(&w);
  }

  begin_extension(&w, oid::kSubjectKeyIdentifier, sizeof(oid::kSubjectKeyIdentifier), false);
  add_octet_string(&w, ByteView(ski, sizeof(ski)));
  end_extension(&w);

  begin_extension(&w, oid::kAuthorityKeyIdentifier, sizeof(oid::kAuthorityKeyIdentifier), false);
  begin_der(&w, kSequence);
  add_der(&w, context(0), aki);
  w.end();
  end_extension(&w);

  w.end();  // Extensions
  w.end();  // [3]
  w.end();  // tbsCertificate
  if (w.status() != Status::ok) {
    return w.status();
  }
  uint8_t digest[kMaxDigestSize];
  Status s = hash(spec.m_hash, MutableBytes(digest, sizeof(digest)), w.written().subspan(tbs_start));
  if (s != Status::ok) {
    return s;
  }
  uint8_t sig[kMaxCertSignatureSize];
  size_t sig_len = 0;
  s = signer_sign(MutableBytes(sig, sizeof(sig)), &sig_len, ca_key, spec.m_hash,
                  ByteView(digest, hash_digest_size(spec.m_hash)), rng);
  if (s != Status::ok) {
    return s;
  }
  add_signer_algorithm(&w, ca_key, spec.m_hash);
  add_bit_string(&w, ByteView(sig, sig_len));
  w.end();
  return w.finish(out_len);
}

}  // namespace x509
}  // namespace petrel
