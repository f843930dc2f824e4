// ServerKeyExchange for ECDHE (RFC 8422 5.4): ServerECDHParams (a named curve and the server's
// ephemeral point) followed by the signature over client_random || server_random || params,
// with the SignatureAndHashAlgorithm first in TLS 1.2 (RFC 5246 7.4.3).
#include "tls/messages.h"

#include "tls/record.h"

namespace petrel {
namespace tls {

Status parse_server_key_exchange_ecdhe(ServerKeyExchangeEcdhe* out, uint16_t version,
                                       ByteView body) noexcept {
  *out = ServerKeyExchangeEcdhe();
  Reader r(body);
  uint8_t curve_type = 0;
  Reader point;
  if (!r.read_u8(&curve_type) || curve_type != 3 /* named_curve */ || !r.read_u16(&out->m_group) ||
      !r.read_u8_prefixed(&point) || point.empty()) {
    return Status::decode_error;
  }
  out->m_point = point.view();
  out->m_params = ByteView(body.data(), body.size() - r.remaining());
  if (version >= kTls12 && !r.read_u16(&out->m_scheme)) {
    return Status::decode_error;
  }
  Reader sig;
  if (!r.read_u16_prefixed(&sig) || sig.empty() || !r.empty()) {
    return Status::decode_error;
  }
  out->m_signature = sig.view();
  return Status::ok;
}

}  // namespace tls
}  // namespace petrel
