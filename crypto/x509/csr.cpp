/*
 * PKCS#10 certification requests: RFC 2986 section 4 (CertificationRequestInfo, attributes),
 * RFC 2985 section 5.4.2 (extensionRequest), signed with RSASSA-PKCS1-v1_5 (RFC 8017 8.2).
 * Strict DER, no heap. Not constant-time except the
 * RSA private operation (crypto/rsa); the request contents are public.
 */
#include "crypto/x509/csr.h"

#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace x509 {
namespace {

using namespace asn1;

constexpr Status kBad = Status::decode_error;

}  // namespace

Status parse_csr(CertificationRequest* out, ByteView der) noexcept {
  CertificationRequest c;
  c.m_der = der;
  Reader outer(der);
  Reader req;
  if (read_sequence(&outer, &req) != Status::ok || !outer.empty() ||
      read_der_element(&req, &c.m_info, kSequence) != Status::ok) {
    return kBad;
  }
  Reader info_outer(c.m_info);
  Reader info;
  uint64_t version = 1;
  if (read_sequence(&info_outer, &info) != Status::ok || read_uint64(&info, &version) != Status::ok ||
      version != 0 || read_der_element(&info, &c.m_subject, kSequence) != Status::ok ||
      check_name(c.m_subject) != Status::ok ||
      read_subject_key(&info, &c.m_key) != Status::ok) {
    return kBad;
  }
  Reader attrs;
  if (read_der(&info, &attrs, context_constructed(0)) != Status::ok || !info.empty()) {
    return kBad;
  }
  c.m_attributes = attrs.view();
  const ByteView ext_req(oid::kExtensionRequest, sizeof(oid::kExtensionRequest));
  bool seen_ext = false;
  while (!attrs.empty()) {
    Reader attr;
    ByteView type;
    Reader values;
    if (read_sequence(&attrs, &attr) != Status::ok || read_oid(&attr, &type) != Status::ok ||
        read_set(&attr, &values) != Status::ok || !attr.empty() || values.empty() ||
        validate_der(values.view()) != Status::ok) {
      return kBad;
    }
    if (oid_equal(type, ext_req)) {
      Reader exts;
      if (seen_ext || read_sequence(&values, &exts) != Status::ok || !values.empty()) {
        return kBad;
      }
      seen_ext = true;
      c.m_extensions = exts.view();
      // Check each extension's framing, and unpack subjectAltName.
      while (!exts.empty()) {
        Reader ext;
        ByteView ext_oid;
        ByteView value;
        if (read_sequence(&exts, &ext) != Status::ok || read_oid(&ext, &ext_oid) != Status::ok) {
          return kBad;
        }
        if (next_is(ext, kBoolean)) {
          bool critical = false;
          if (read_boolean(&ext, &critical) != Status::ok || !critical) {
            return kBad;
          }
        }
        if (read_octet_string(&ext, &value) != Status::ok || !ext.empty()) {
          return kBad;
        }
        if (oid_equal(ext_oid, ByteView(oid::kSubjectAltName, sizeof(oid::kSubjectAltName)))) {
          Reader v(value);
          Reader names;
          if (read_sequence(&v, &names) != Status::ok || !v.empty() || names.empty()) {
            return kBad;
          }
          GeneralNamesReader gr(names.view());
          for (;;) {
            GeneralName g;
            bool done = false;
            if (gr.next(&g, &done) != Status::ok) {
              return kBad;
            }
            if (done) {
              break;
            }
          }
          c.m_san = names.view();
        }
      }
    }
  }
  if (parse_signature_algorithm(&req, &c.m_sig_alg) != Status::ok ||
      read_bit_string_octets(&req, &c.m_signature) != Status::ok || !req.empty()) {
    return kBad;
  }
  *out = c;
  return Status::ok;
}

Status verify_csr(const CertificationRequest& csr) noexcept {
  return verify_signature(csr.m_key.m_info, csr.m_sig_alg, csr.m_info, csr.m_signature);
}

Status create_csr(MutableBytes out, size_t* out_len, const RsaPrivateKey& key, ByteView subject,
                  Span<const GeneralName> san, HashAlg hash_alg, Rng& rng) noexcept {
  return create_csr(out, out_len, signing_key(key), subject, san, hash_alg, rng);
}

Status create_csr(MutableBytes out, size_t* out_len, const EcPrivateKey& key, ByteView subject,
                  Span<const GeneralName> san, HashAlg hash_alg, Rng& rng) noexcept {
  return create_csr(out, out_len, signing_key(key), subject, san, hash_alg, rng);
}

Status create_csr(MutableBytes out, size_t* out_len, const SigningKey& key, ByteView subject,
                  Span<const GeneralName> san, HashAlg hash_alg, Rng& rng) noexcept {
  if (hash_alg == HashAlg::md5 || check_name(subject) != Status::ok) {
    return Status::invalid_argument;
  }
  Writer w(out);
  begin_der(&w, kSequence);
  const size_t info_start = w.size();
  begin_der(&w, kSequence);
  add_uint64(&w, 0);
  w.add_bytes(subject);
  add_signer_public_key_info(&w, key);
  begin_der(&w, context_constructed(0));
  if (!san.empty()) {
    begin_der(&w, kSequence);
    add_oid(&w, ByteView(oid::kExtensionRequest, sizeof(oid::kExtensionRequest)));
    begin_der(&w, kSet);
    begin_der(&w, kSequence);  // Extensions
    begin_der(&w, kSequence);  // Extension
    add_oid(&w, ByteView(oid::kSubjectAltName, sizeof(oid::kSubjectAltName)));
    begin_der(&w, kOctetString);
    begin_der(&w, kSequence);
    for (const GeneralName& g : san) {
      add_general_name(&w, g);
    }
    w.end();
    w.end();
    w.end();
    w.end();
    w.end();
    w.end();
  }
  w.end();  // [0]
  w.end();  // info
  if (w.status() != Status::ok) {
    return w.status();
  }
  uint8_t digest[kMaxDigestSize];
  Status s = hash(hash_alg, MutableBytes(digest, sizeof(digest)), w.written().subspan(info_start));
  if (s != Status::ok) {
    return s;
  }
  uint8_t sig[kMaxCertSignatureSize];
  size_t sig_len = 0;
  s = signer_sign(MutableBytes(sig, sizeof(sig)), &sig_len, key, hash_alg,
                  ByteView(digest, hash_digest_size(hash_alg)), rng);
  if (s != Status::ok) {
    return s;
  }
  add_signer_algorithm(&w, key, hash_alg);
  add_bit_string(&w, ByteView(sig, sig_len));
  w.end();
  return w.finish(out_len);
}

}  // namespace x509
}  // namespace petrel
