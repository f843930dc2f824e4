/*
 * Signature AlgorithmIdentifiers of certificates and requests: RFC 8017 appendix A.2.4
 * (sha*WithRSAEncryption, NULL parameters), RFC 4055 section 3.1 (RSASSA-PSS parameters:
 * MGF1 with the message hash, trailer field 1), and signature verification over the signed
 * bytes with the signer's SubjectPublicKeyInfo; RFC 5758 section 3.2 (ecdsa-with-SHA*, no
 * parameters) and RFC 5480 (the EC key, crypto/ec/ec_keys.h), ECDSA by crypto/ec/ecdsa.h. Strict DER (crypto/asn1/der.h). Not
 * constant-time: algorithms, keys and signatures are public.
 */
#include "crypto/x509/algorithm.h"

#include "crypto/asn1/oid.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/util/build_config.h"
#include "crypto/x509/internal.h"

namespace petrel {
namespace x509 {

using namespace asn1;
using namespace internal;

namespace {

bool hash_from_oid(ByteView oid, HashAlg* out) {
  if (PETREL_OID_IS(oid, kSha1)) {
    *out = HashAlg::sha1;
  } else if (PETREL_OID_IS(oid, kSha224)) {
    *out = HashAlg::sha224;
  } else if (PETREL_OID_IS(oid, kSha256)) {
    *out = HashAlg::sha256;
  } else if (PETREL_OID_IS(oid, kSha384)) {
    *out = HashAlg::sha384;
  } else if (PETREL_OID_IS(oid, kSha512)) {
    *out = HashAlg::sha512;
  } else {
    return false;
  }
  return true;
}

// A hash AlgorithmIdentifier inside PSS parameters: OID with NULL or absent parameters.
Status read_hash_algorithm(Reader* in, HashAlg* out) {
  Reader seq;
  ByteView oid;
  if (read_sequence(in, &seq) != Status::ok || read_oid(&seq, &oid) != Status::ok) {
    return kBad;
  }
  if (!seq.empty() && read_null(&seq) != Status::ok) {
    return kBad;
  }
  if (!seq.empty()) {
    return kBad;
  }
  if (!hash_from_oid(oid, out)) {
    return Status::unsupported;
  }
  return Status::ok;
}

// RFC 4055 section 3.1 RSASSA-PSS-params.
Status parse_pss_params(Reader* params, SignatureAlgorithm* out) {
  Reader seq;
  if (read_sequence(params, &seq) != Status::ok || !params->empty()) {
    return kBad;
  }
  HashAlg hash = HashAlg::sha1;
  HashAlg mgf_hash = HashAlg::sha1;
  uint64_t salt = 20;
  bool present = false;
  Reader inner;
  if (read_optional_explicit(&seq, &inner, &present, 0) != Status::ok) {
    return kBad;
  }
  if (present) {
    const Status s = read_hash_algorithm(&inner, &hash);
    if (s != Status::ok) {
      return s;
    }
    if (!inner.empty()) {
      return kBad;
    }
  }
  if (read_optional_explicit(&seq, &inner, &present, 1) != Status::ok) {
    return kBad;
  }
  if (present) {
    Reader mgf;
    ByteView mgf_oid;
    if (read_sequence(&inner, &mgf) != Status::ok || !inner.empty() ||
        read_oid(&mgf, &mgf_oid) != Status::ok) {
      return kBad;
    }
    if (!PETREL_OID_IS(mgf_oid, kMgf1)) {
      return Status::unsupported;
    }
    const Status s = read_hash_algorithm(&mgf, &mgf_hash);
    if (s != Status::ok) {
      return s;
    }
    if (!mgf.empty()) {
      return kBad;
    }
  }
  if (read_optional_explicit(&seq, &inner, &present, 2) != Status::ok) {
    return kBad;
  }
  if (present) {
    if (read_uint64(&inner, &salt) != Status::ok || !inner.empty() || salt > 8192) {
      return kBad;
    }
  }
  if (read_optional_explicit(&seq, &inner, &present, 3) != Status::ok) {
    return kBad;
  }
  if (present) {
    uint64_t trailer = 0;
    if (read_uint64(&inner, &trailer) != Status::ok || !inner.empty()) {
      return kBad;
    }
    if (trailer != 1) {
      return Status::unsupported;
    }
  }
  if (!seq.empty()) {
    return kBad;
  }
  if (mgf_hash != hash) {
    return Status::unsupported;  // Petrel's PSS uses MGF1 with the message hash
  }
  out->m_scheme = SigScheme::rsa_pss;
  out->m_hash = hash;
  out->m_pss_salt_len = static_cast<size_t>(salt);
  return Status::ok;
}

struct Pkcs1Alg {
  const uint8_t* oid;
  size_t oid_len;
  HashAlg hash;
};

const Pkcs1Alg kPkcs1Algs[] = {
    {oid::kMd5WithRsa, sizeof(oid::kMd5WithRsa), HashAlg::md5},
    {oid::kSha1WithRsa, sizeof(oid::kSha1WithRsa), HashAlg::sha1},
    {oid::kSha224WithRsa, sizeof(oid::kSha224WithRsa), HashAlg::sha224},
    {oid::kSha256WithRsa, sizeof(oid::kSha256WithRsa), HashAlg::sha256},
    {oid::kSha384WithRsa, sizeof(oid::kSha384WithRsa), HashAlg::sha384},
    {oid::kSha512WithRsa, sizeof(oid::kSha512WithRsa), HashAlg::sha512},
};

const Pkcs1Alg kEcdsaAlgs[] = {
    {oid::kEcdsaWithSha224, sizeof(oid::kEcdsaWithSha224), HashAlg::sha224},
    {oid::kEcdsaWithSha256, sizeof(oid::kEcdsaWithSha256), HashAlg::sha256},
    {oid::kEcdsaWithSha384, sizeof(oid::kEcdsaWithSha384), HashAlg::sha384},
    {oid::kEcdsaWithSha512, sizeof(oid::kEcdsaWithSha512), HashAlg::sha512},
};

}  // namespace

// ---- algorithms -------------------------------------------------------------------------------

Status parse_signature_algorithm(Reader* in, SignatureAlgorithm* out) noexcept {
  Reader r = *in;
  ByteView element;
  if (read_der_element(&r, &element, kSequence) != Status::ok) {
    return kBad;
  }
  Reader seq(element);
  Reader body;
  ByteView oid;
  if (read_sequence(&seq, &body) != Status::ok || read_oid(&body, &oid) != Status::ok) {
    return kBad;
  }
  SignatureAlgorithm alg;
  alg.m_der = element;
  alg.m_oid = oid;
  bool known = false;
  for (const Pkcs1Alg& a : kPkcs1Algs) {
    if (oid_equal(oid, ByteView(a.oid, a.oid_len))) {
      // RFC 8017 A.2.4 / RFC 4055 section 5: NULL parameters (absent is tolerated, as in the wild).
      if (!body.empty() && read_null(&body) != Status::ok) {
        return kBad;
      }
      if (!body.empty()) {
        return kBad;
      }
      alg.m_scheme = SigScheme::rsa_pkcs1;
      alg.m_hash = a.hash;
      known = true;
      break;
    }
  }
  for (const Pkcs1Alg& a : kEcdsaAlgs) {
    if (known) {
      break;
    }
    if (oid_equal(oid, ByteView(a.oid, a.oid_len))) {
      if (!body.empty()) {
        return kBad;  // RFC 5758 3.2: the parameters MUST be absent
      }
      alg.m_scheme = SigScheme::ecdsa;
      alg.m_hash = a.hash;
      known = true;
    }
  }
  // PETREL_MINIMAL (no RSASSA-PSS): the OID is an unknown algorithm, whose signatures do not
  // verify (Status::unsupported: VerifyError::unsupported_algorithm).
  if (kBuildRsaPss && !known && PETREL_OID_IS(oid, kRsassaPss)) {
    const Status s = parse_pss_params(&body, &alg);
    if (s == kBad) {
      return kBad;
    }
    if (s != Status::ok) {
      alg.m_scheme = SigScheme::unknown;  // parameters Petrel cannot verify
    }
    known = true;
  }
  if (!known) {
    // Unknown algorithm: the parameters must be one element of strict DER, or none.
    if (!body.empty()) {
      Tag t = 0;
      Reader c;
      if (read_any_value(&body, &t, &c) != Status::ok || !body.empty()) {
        return kBad;
      }
    }
  }
  *in = r;
  *out = alg;
  return Status::ok;
}

void add_rsa_pkcs1_algorithm(Writer* w, HashAlg hash) noexcept {
  for (const Pkcs1Alg& a : kPkcs1Algs) {
    if (a.hash == hash) {
      begin_der(w, kSequence);
      add_oid(w, ByteView(a.oid, a.oid_len));
      add_null(w);
      w->end();
      return;
    }
  }
  w->fail(Status::invalid_argument);
}

void add_ecdsa_algorithm(Writer* w, HashAlg hash) noexcept {
  for (const Pkcs1Alg& a : kEcdsaAlgs) {
    if (a.hash == hash) {
      begin_der(w, kSequence);
      add_oid(w, ByteView(a.oid, a.oid_len));
      w->end();
      return;
    }
  }
  w->fail(Status::invalid_argument);
}

namespace {

Status verify_ecdsa(const PublicKeyInfo& key, const SignatureAlgorithm& alg,
                    ByteView signed_data, ByteView signature) {
  EcPublicKey ec;
  Status s = ec_public_key_from_info(&ec, key);
  if (s != Status::ok) {
    return s == Status::decode_error ? Status::unsupported : s;
  }
  EcCurve c = EcCurve::p256;
  if (!ec_key_alg_curve(ec.m_alg, &c)) {
    return Status::unsupported;  // an X25519 key cannot sign
  }
  uint8_t digest[kMaxDigestSize];
  s = hash(alg.m_hash, MutableBytes(digest, sizeof(digest)), signed_data);
  if (s != Status::ok) {
    return s;
  }
  s = ecdsa_verify(c, ec.m_point, ByteView(digest, hash_digest_size(alg.m_hash)), signature);
  if (s == Status::ok || s == Status::invalid_argument) {
    return s;
  }
  return Status::auth_failed;  // a bad signature, or malformed signature DER
}

}  // namespace

Status verify_signature(const PublicKeyInfo& key, const SignatureAlgorithm& alg,
                        ByteView signed_data, ByteView signature, uint32_t key_flags) noexcept {
  if (alg.m_scheme == SigScheme::ecdsa) {
    if (!kBuildEc || key.m_type != KeyType::ec) {
      return Status::unsupported;
    }
    return verify_ecdsa(key, alg, signed_data, signature);
  }
  if (key.m_type != KeyType::rsa || alg.m_scheme == SigScheme::unknown) {
    return Status::unsupported;
  }
  // The key in storage of its own size class (rsa_key_files.h), only while the check runs.
  return with_rsa_public_key(key, key_flags, [&](const RsaPublicKeyBase& pub) {
    uint8_t digest[kMaxDigestSize];
    Status s = hash(alg.m_hash, MutableBytes(digest, sizeof(digest)), signed_data);
    if (s != Status::ok) {
      return s;
    }
    const ByteView d(digest, hash_digest_size(alg.m_hash));
    if (signature.size() != pub.size()) {
      return Status::auth_failed;
    }
    if (alg.m_scheme == SigScheme::rsa_pkcs1) {
      s = rsa_pkcs1_verify(pub, alg.m_hash, d, signature);
    } else {
      s = rsa_pss_verify(pub, alg.m_hash, d, signature, alg.m_pss_salt_len);
    }
    if (s != Status::ok && s != Status::unsupported) {
      return Status::auth_failed;
    }
    return s;
  });
}

}  // namespace x509
}  // namespace petrel
