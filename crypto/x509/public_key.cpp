/*
 * The subject's key of certificates and requests: RFC 5280 section 4.1.2.7 through the shared
 * SubjectPublicKeyInfo reader (crypto/asn1/spki.h), RSA keys through crypto/rsa/rsa_key_files.h
 * (RFC 3279 2.3.1, RFC 8017 A.1.1), EC keys through crypto/ec/ec_keys.h (RFC 5480). Views into the caller's buffer. Not constant-time: public
 * keys are public.
 */
#include "crypto/x509/public_key.h"

#include "crypto/util/build_config.h"

namespace petrel {
namespace x509 {

Status read_subject_key(Reader* in, SubjectKey* out) noexcept {
  Reader r = *in;
  SubjectKey key;
  if (read_public_key_info(&r, &key.m_info) != Status::ok) {
    return Status::decode_error;
  }
  if (key.m_info.m_type == KeyType::rsa &&
      rsa_public_key_parts(&key.m_rsa, key.m_info) != Status::ok) {
    return Status::decode_error;
  }
  if (key.m_info.m_type == KeyType::ec) {
    // A build without elliptic curves (PETREL_MINIMAL) parses the certificate but cannot use
    // its key: verification and TLS refuse it by m_ec_status.
    key.m_ec_status = kBuildEc ? ec_public_key_from_info(&key.m_ec, key.m_info, &key.m_ec_problem)
                               : Status::unsupported;
  }
  *in = r;
  *out = key;
  return Status::ok;
}

void add_rsa_public_key_info(Writer* w, const RsaPublicKeyBase& key) noexcept {
  uint8_t spki[kRsaMaxPublicKeyDerLen];
  size_t len = 0;
  if (rsa_public_key_to_spki(MutableBytes(spki, sizeof(spki)), &len, key) != Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  w->add_bytes(ByteView(spki, len));
}

}  // namespace x509
}  // namespace petrel
