// ClientKeyExchange (RFC 5246 7.4.7): for RSA key exchange the PKCS#1 v1.5 encrypted premaster
// secret with its two-byte length (TLS 1.0 too, RFC 2246 7.4.7.1; only SSL 3.0 omitted it); for
// ECDHE the client's ephemeral point (RFC 8422 5.7).
#include "tls/messages.h"

namespace petrel {
namespace tls {

void write_client_key_exchange_rsa(Writer* w, ByteView encrypted_premaster) noexcept {
  begin_handshake(w, kHsClientKeyExchange);
  w->begin_u16_prefixed();
  w->add_bytes(encrypted_premaster);
  w->end();
  w->end();
}

void write_client_key_exchange_ecdhe(Writer* w, ByteView point) noexcept {
  begin_handshake(w, kHsClientKeyExchange);
  w->begin_u8_prefixed();
  w->add_bytes(point);
  w->end();
  w->end();
}

}  // namespace tls
}  // namespace petrel
