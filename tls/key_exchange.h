// Internal: the key-exchange seam of the client. The state machine asks the suite's key
// exchange whether a ServerKeyExchange must come, hands it that message, and has it write the
// ClientKeyExchange and produce the premaster secret. RSA key exchange (RFC 5246 7.4.7.1) is
// here today; ECDHE (RFC 8422) plugs in beside it with its own ServerKeyExchange handling,
// without changes to tls/client.cpp.
#ifndef PETREL_TLS_KEY_EXCHANGE_H
#define PETREL_TLS_KEY_EXCHANGE_H

#include <cstddef>
#include <cstdint>

#include "crypto/rand/rng.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/cert.h"
#include "tls/suites.h"

namespace petrel {
namespace tls {

constexpr size_t kMaxPremasterSize = 48;  // RSA; ECDHE secrets are at most 66 bytes (P-521 is
                                          // not offered), raise with the curves

struct KeyExchangeInput {
  KeyExchange m_kind;
  ByteView m_peer_spki;        // the server's SubjectPublicKeyInfo
  uint16_t m_client_version;   // the version in the ClientHello
  Rng* m_rng;
};

bool kx_needs_server_key_exchange(KeyExchange kind) noexcept;
// Can the server's certificate serve this key exchange? (RSA: an RSA key whose keyUsage, if
// present, allows keyEncipherment.) unsupported with *why set if not.
Status kx_check_server_certificate(KeyExchange kind, const x509::Certificate& leaf,
                                   const char** why) noexcept;
// Writes the ClientKeyExchange message and the premaster secret (*premaster_len bytes).
Status kx_write_client_key_exchange(Writer* w, MutableBytes premaster, size_t* premaster_len,
                                    const KeyExchangeInput& in) noexcept;

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_KEY_EXCHANGE_H
