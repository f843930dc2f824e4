/*
 * SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7): reading the algorithm and key, RSA keys
 * (RFC 8017 appendix A.1.1, rsaEncryption with NULL parameters, RFC 3279 section 2.3.1), and
 * writing an RSA key's SubjectPublicKeyInfo. Strict DER, views into the caller's buffer. Not
 * constant-time: public keys are public.
 */
#include "crypto/x509/public_key.h"

#include "crypto/asn1/oid.h"
#include "crypto/rsa/rsa_keys.h"
#include "crypto/x509/internal.h"

namespace petrel {
namespace x509 {

using namespace asn1;
using namespace internal;

Status parse_public_key_info(Reader* in, PublicKeyInfo* out) noexcept {
  Reader r = *in;
  ByteView element;
  if (read_der_element(&r, &element, kSequence) != Status::ok) {
    return kBad;
  }
  Reader seq(element);
  Reader body;
  Reader alg;
  ByteView oid;
  ByteView key;
  if (read_sequence(&seq, &body) != Status::ok || read_sequence(&body, &alg) != Status::ok ||
      read_oid(&alg, &oid) != Status::ok || read_bit_string_octets(&body, &key) != Status::ok ||
      !body.empty()) {
    return kBad;
  }
  PublicKeyInfo info;
  info.m_der = element;
  info.m_alg_oid = oid;
  info.m_key = key;
  if (PETREL_OID_IS(oid, kRsaEncryption)) {
    Reader rsa(key);
    Reader rsa_seq;
    if (read_null(&alg) != Status::ok || !alg.empty() ||
        read_sequence(&rsa, &rsa_seq) != Status::ok || !rsa.empty() ||
        read_unsigned_integer(&rsa_seq, &info.m_rsa_n) != Status::ok ||
        read_unsigned_integer(&rsa_seq, &info.m_rsa_e) != Status::ok || !rsa_seq.empty()) {
      return kBad;
    }
    size_t bits = info.m_rsa_n.size() * 8;
    uint8_t top = info.m_rsa_n[0];
    if (top == 0) {
      bits = 0;
    } else {
      while ((top & 0x80) == 0) {
        bits--;
        top = static_cast<uint8_t>(top << 1);
      }
    }
    info.m_rsa_bits = bits;
    info.m_type = KeyType::rsa;
  } else {
    // Other algorithms: parameters are one element or none.
    if (!alg.empty()) {
      Tag t = 0;
      Reader c;
      if (read_any_der(&alg, &t, &c) != Status::ok || !alg.empty()) {
        return kBad;
      }
    }
    info.m_type = PETREL_OID_IS(oid, kEcPublicKey) ? KeyType::ec : KeyType::unknown;
  }
  *in = r;
  *out = info;
  return Status::ok;
}

Status rsa_key_from_info(RsaPublicKey* out, const PublicKeyInfo& info, uint32_t flags) noexcept {
  if (info.m_type != KeyType::rsa) {
    return Status::unsupported;
  }
  return rsa_public_key_from_spki(out, info.m_der, flags);
}

void add_rsa_public_key_info(Writer* w, const RsaPublicKey& key) noexcept {
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
