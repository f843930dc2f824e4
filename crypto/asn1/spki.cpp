/*
 * SubjectPublicKeyInfo reading: RFC 5280 section 4.1.2.7 (structure), RFC 3279 section 2.3.1
 * (rsaEncryption), RFC 5480 section 2.1.1 (id-ecPublicKey). Strict DER (crypto/asn1/der.h),
 * views into the caller's buffer. Not constant-time: public keys are public.
 */
#include "crypto/asn1/spki.h"

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"

namespace petrel {

Status read_public_key_info(Reader* in, PublicKeyInfo* out) noexcept {
  Reader r = *in;
  ByteView element;
  if (asn1::read_der_element(&r, &element, asn1::kSequence) != Status::ok) {
    return Status::decode_error;
  }
  Reader outer(element);
  Reader body;
  Reader alg;
  PublicKeyInfo info;
  info.m_der = element;
  if (asn1::read_sequence(&outer, &body) != Status::ok ||
      asn1::read_sequence(&body, &alg) != Status::ok ||
      asn1::read_oid(&alg, &info.m_alg_oid) != Status::ok) {
    return Status::decode_error;
  }
  if (!alg.empty()) {
    // Parameters: one element of any type, strict DER (the key's reader checks the type).
    const uint8_t* start = alg.data();
    asn1::Tag tag = 0;
    Reader contents;
    size_t header = 0;
    if (asn1::read_any_value(&alg, &tag, &contents, &header) != Status::ok || !alg.empty()) {
      return Status::decode_error;
    }
    info.m_params = ByteView(start, header + contents.remaining());
  }
  if (asn1::read_bit_string_octets(&body, &info.m_key) != Status::ok || !body.empty()) {
    return Status::decode_error;
  }
  const ByteView rsa(asn1::oid::kRsaEncryption, sizeof(asn1::oid::kRsaEncryption));
  const ByteView ec(asn1::oid::kEcPublicKey, sizeof(asn1::oid::kEcPublicKey));
  if (asn1::oid_equal(info.m_alg_oid, rsa)) {
    info.m_type = KeyType::rsa;
  } else if (asn1::oid_equal(info.m_alg_oid, ec)) {
    info.m_type = KeyType::ec;
  }
  *in = r;
  *out = info;
  return Status::ok;
}

Status parse_public_key_info(PublicKeyInfo* out, ByteView der) noexcept {
  Reader r(der);
  PublicKeyInfo info;
  const Status st = read_public_key_info(&r, &info);
  if (st != Status::ok) {
    return st;
  }
  if (!r.empty()) {
    return Status::decode_error;
  }
  *out = info;
  return Status::ok;
}

}  // namespace petrel
