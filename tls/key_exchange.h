// Internal: the key-exchange seam of the client. The state machine asks the suite's key
// exchange whether a ServerKeyExchange must come, hands that message to it, and has it write
// the ClientKeyExchange and produce the premaster secret; the handshake (tls/client_handshake.cpp,
// client_flights.cpp) does not know which key exchange it runs.
//
//   rsa        RFC 5246 7.4.7.1: the premaster encrypted to the certificate's RSA key
//   ecdhe_rsa  RFC 8422: an ephemeral X25519 key (RFC 7748) from the server, signed with the
//              certificate's RSA key (PKCS#1 v1.5 or RSA-PSS rsae in TLS 1.2, MD5||SHA-1 before);
//              the client's ephemeral private key lives only inside
//              kx_write_client_key_exchange() and is wiped there as soon as the premaster is made
//
//   ecdhe_ecdsa RFC 8422: the same, signed with the certificate's ECDSA key (P-256 or P-384;
//              ecdsa_secp256r1_sha256 / ecdsa_secp384r1_sha384 / _sha512 / ecdsa_sha1 in TLS
//              1.2, SHA-1 before)
// The groups, offered in this order: X25519 (RFC 7748), secp256r1 and secp384r1 (P-256, P-384:
// uncompressed points checked with ec_point_check, the shared secret the x coordinate, RFC
// 8422 5.10). secp384r1 is offered last: servers then accept P-384 ECDSA certificates (RFC 8422
// 5.1.1 makes supported_groups cover the certificate's curve too).
// Public API (installed): none of it is stable: installed only because tls/client.h holds a
// KeyExchangeState; a consumer does not use it.
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

constexpr size_t kMaxPremasterSize = 48;  // RSA 48, X25519 32, P-256 32, P-384 48
constexpr size_t kMaxEcPointSize = 97;    // X25519 32; uncompressed P-256 65, P-384 97

// NamedGroup (RFC 8422 5.1.1, RFC 7919).
constexpr uint16_t kGroupX25519 = 29;
constexpr uint16_t kGroupSecp256r1 = 23;
constexpr uint16_t kGroupSecp384r1 = 24;

// The groups offered in supported_groups, most preferred first.
Span<const uint16_t> kx_offered_groups() noexcept;

// What ServerKeyExchange leaves for ClientKeyExchange: public values only.
struct KeyExchangeState {
  uint16_t m_group = 0;
  uint8_t m_peer_point[kMaxEcPointSize] = {};
  size_t m_peer_point_len = 0;
};

struct KeyExchangeInput {
  KeyExchange m_kind;
  ByteView m_peer_spki;        // the server's SubjectPublicKeyInfo
  uint16_t m_client_version;   // the version in the ClientHello
  uint16_t m_version;          // the negotiated version
  ByteView m_client_random;
  ByteView m_server_random;
  Span<const uint16_t> m_sig_schemes;  // the schemes the client offered (signature_algorithms)
  Rng* m_rng;
};

bool kx_needs_server_key_exchange(KeyExchange kind) noexcept;
// Can the server's certificate serve this key exchange? (An RSA key for rsa and ecdhe_rsa, a
// usable P-256/P-384 key for ecdhe_ecdsa; keyUsage, if present, allowing keyEncipherment for
// rsa and digitalSignature for the ECDHE ones.) unsupported with
// *why set if not.
Status kx_check_server_certificate(KeyExchange kind, const x509::Certificate& leaf,
                                   const char** why) noexcept;
// Parses and checks a ServerKeyExchange: the group must be offered and the point valid for it,
// the signature scheme offered, the signature good. On failure *alert is the alert to send and
// *why says what was wrong: decode_error (malformed), invalid_argument (a group or scheme not
// offered, a bad point), auth_failed (a bad signature).
Status kx_process_server_key_exchange(KeyExchangeState* state, ByteView body,
                                      const KeyExchangeInput& in, uint8_t* alert,
                                      const char** why) noexcept;
// Writes the ClientKeyExchange message and the premaster secret (*premaster_len bytes).
Status kx_write_client_key_exchange(Writer* w, MutableBytes premaster, size_t* premaster_len,
                                    const KeyExchangeState& state,
                                    const KeyExchangeInput& in) noexcept;

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_KEY_EXCHANGE_H
