/*
 * Certificate and request signers: RSASSA-PKCS1-v1_5 (RFC 8017 8.2, sha*WithRSAEncryption) or
 * ECDSA (FIPS 186-4 6, ecdsa-with-SHA*, RFC 5758 3.2) through crypto/ec/ecdsa.h (constant-time
 * signing, RFC 6979 nonces hedged with 32 bytes of the Rng).
 */
#include "crypto/x509/signer.h"

#include "crypto/x509/algorithm.h"
#include "crypto/x509/public_key.h"

namespace petrel {
namespace x509 {

void add_signer_algorithm(Writer* w, const SigningKey& key, HashAlg hash) noexcept {
  if (key.m_rsa != nullptr) {
    add_rsa_pkcs1_algorithm(w, hash);
  } else if (key.m_ec != nullptr) {
    add_ecdsa_algorithm(w, hash);
  } else {
    w->fail(Status::invalid_argument);
  }
}

void add_signer_public_key_info(Writer* w, const SigningKey& key) noexcept {
  if (key.m_rsa != nullptr) {
    add_rsa_public_key_info(w, key.m_rsa->public_key());
    return;
  }
  if (key.m_ec == nullptr) {
    w->fail(Status::invalid_argument);
    return;
  }
  uint8_t spki[kEcMaxPublicKeyDerLen];
  size_t len = 0;
  if (ec_public_key_to_spki(MutableBytes(spki, sizeof(spki)), &len, key.m_ec->public_part()) !=
      Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  w->add_bytes(ByteView(spki, len));
}

Status signer_sign(MutableBytes sig, size_t* sig_len, const SigningKey& key, HashAlg hash,
                   ByteView digest, Rng& rng) noexcept {
  if (key.m_rsa != nullptr) {
    if (sig.size() < key.m_rsa->size()) {
      return Status::buffer_too_small;
    }
    const Status s = rsa_pkcs1_sign(sig, *key.m_rsa, hash, digest, rng);
    if (s == Status::ok) {
      *sig_len = key.m_rsa->size();
    }
    return s;
  }
  EcCurve c = EcCurve::p256;
  if (key.m_ec == nullptr || !ec_key_alg_curve(key.m_ec->m_alg, &c) || hash == HashAlg::md5 ||
      hash == HashAlg::sha1) {
    return Status::invalid_argument;
  }
  return ecdsa_sign(c, sig, sig_len, key.m_ec->d(), digest, hash, &rng);
}

}  // namespace x509
}  // namespace petrel
