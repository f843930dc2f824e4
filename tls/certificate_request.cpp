// CertificateRequest (RFC 5246 7.4.4; RFC 4346 7.4.4 without supported_signature_algorithms).
#include "tls/messages.h"

#include "tls/record.h"

namespace petrel {
namespace tls {

Status parse_certificate_request(CertificateRequest* out, uint16_t version, ByteView body) noexcept {
  *out = CertificateRequest();
  Reader r(body);
  Reader types;
  if (!r.read_u8_prefixed(&types) || types.empty()) {
    return Status::decode_error;
  }
  while (!types.empty()) {
    uint8_t t = 0;
    if (!types.read_u8(&t)) {
      return Status::decode_error;
    }
    if (t == 1) {
      out->m_rsa_sign = true;
    } else if (t == 64) {
      out->m_ecdsa_sign = true;
    }
  }
  if (version >= kTls12) {
    Reader schemes;
    if (!r.read_u16_prefixed(&schemes) || schemes.remaining() < 2 ||
        schemes.remaining() % 2 != 0) {
      return Status::decode_error;
    }
    out->m_schemes = schemes.view();
  }
  Reader cas;
  if (!r.read_u16_prefixed(&cas) || !r.empty()) {
    return Status::decode_error;
  }
  out->m_authorities = cas.view();
  while (!cas.empty()) {
    Reader dn;
    if (!cas.read_u16_prefixed(&dn)) {
      return Status::decode_error;
    }
  }
  return Status::ok;
}

uint16_t choose_signature_scheme(const CertificateRequest& req, Span<const uint16_t> ours) noexcept {
  for (uint16_t want : ours) {
    Reader r(req.m_schemes);
    uint16_t s = 0;
    while (r.read_u16(&s)) {
      if (s == want) {
        return want;
      }
    }
  }
  return 0;
}

}  // namespace tls
}  // namespace petrel
