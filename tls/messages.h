// Internal: the handshake messages of the client, one file each (RFC 5246 section 7.4), as plain
// builders and strict parsers over the shared cursor. They know nothing of the engine's state;
// tls/client.cpp sequences them.
#ifndef PETREL_TLS_MESSAGES_H
#define PETREL_TLS_MESSAGES_H

#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/cert.h"

namespace petrel {
namespace tls {

// HandshakeType (RFC 5246 7.4, RFC 5077).
constexpr uint8_t kHsHelloRequest = 0;
constexpr uint8_t kHsClientHello = 1;
constexpr uint8_t kHsServerHello = 2;
constexpr uint8_t kHsNewSessionTicket = 4;
constexpr uint8_t kHsCertificate = 11;
constexpr uint8_t kHsServerKeyExchange = 12;
constexpr uint8_t kHsCertificateRequest = 13;
constexpr uint8_t kHsServerHelloDone = 14;
constexpr uint8_t kHsCertificateVerify = 15;
constexpr uint8_t kHsClientKeyExchange = 16;
constexpr uint8_t kHsFinished = 20;
constexpr size_t kHsHeaderSize = 4;

// ExtensionType.
constexpr uint16_t kExtServerName = 0;
constexpr uint16_t kExtMaxFragmentLength = 1;
constexpr uint16_t kExtSupportedGroups = 10;
constexpr uint16_t kExtEcPointFormats = 11;
constexpr uint16_t kExtSignatureAlgorithms = 13;
constexpr uint16_t kExtEncryptThenMac = 22;
constexpr uint16_t kExtExtendedMasterSecret = 23;
constexpr uint16_t kExtSessionTicket = 35;
constexpr uint16_t kExtRenegotiationInfo = 0xff01;

// max_fragment_length (RFC 6066 section 4): 512 -> 1, ... 4096 -> 4; 0 for anything else.
uint8_t mfl_code(size_t mfl) noexcept;

// Opens a handshake message (type and a 24-bit length); close it with w->end().
void begin_handshake(Writer* w, uint8_t type) noexcept;

// ---- client_hello.cpp ----
struct ClientHelloParams {
  uint16_t m_version;               // client_version: the highest version offered
  ByteView m_random;                // 32 bytes
  ByteView m_session_id;            // 0..32 bytes
  Span<const uint16_t> m_suites;
  ByteView m_server_name;           // empty or an IP literal: no server_name extension
  bool m_offer_etm;
  uint8_t m_mfl_code;               // 0: no max_fragment_length
  bool m_offer_ticket;
  ByteView m_ticket;                // a ticket to resume with (may be empty)
  Span<const uint16_t> m_sig_schemes;  // signature_algorithms (TLS 1.2 only; empty: none)
  Span<const uint16_t> m_groups;       // supported_groups and ec_point_formats (empty: none)
};
void write_client_hello(Writer* w, const ClientHelloParams& p) noexcept;

// ---- server_hello.cpp ----
struct ServerHello {
  uint16_t m_version = 0;
  ByteView m_random;
  ByteView m_session_id;
  uint16_t m_suite = 0;
  bool m_ems = false;
  bool m_etm = false;
  bool m_ticket = false;            // an empty session_ticket: a NewSessionTicket will follow
  bool m_reneg_info = false;        // renegotiation_info present
  bool m_reneg_info_empty = false;  // ... with an empty renegotiated_connection
  bool m_server_name = false;
  bool m_ec_point_formats = false;  // sent, and lists uncompressed
  uint8_t m_mfl_code = 0;
  uint16_t m_unknown_extension = 0;  // the first extension type Petrel did not send, if any
  bool m_has_unknown_extension = false;
};
// Strict: decode_error for any malformation (trailing bytes, a duplicate extension, a non-null
// compression method, a session_id over 32 bytes, a non-empty server_name/EMS/EtM/ticket
// extension).
Status parse_server_hello(ServerHello* out, ByteView body) noexcept;

// ---- server_key_exchange.cpp (ECDHE) ----
struct ServerKeyExchangeEcdhe {
  uint16_t m_group = 0;
  ByteView m_point;
  ByteView m_params;     // ServerECDHParams as signed (curve type, group, point)
  uint16_t m_scheme = 0; // TLS 1.2
  ByteView m_signature;
};
Status parse_server_key_exchange_ecdhe(ServerKeyExchangeEcdhe* out, uint16_t version,
                                       ByteView body) noexcept;

// ---- certificate.cpp ----
// Parses the certificate_list: the leaf into *leaf, and each certificate after it, checked by
// parse_certificate() (one at a time, in this function's frame), into rest[0..*n - 1) as a
// CandidateCert for path building (views into body), so the caller holds one parsed
// Certificate, not one per certificate. *n counts all, leaf included (0 for an empty list).
// Status::buffer_too_small if the list holds more than rest.size() + 1 certificates;
// decode_error if the list or a certificate is malformed (*bad_index names it).
Status parse_certificate_list(x509::Certificate* leaf, Span<x509::CandidateCert> rest, size_t* n,
                              size_t* bad_index, ByteView body) noexcept;
void write_certificate(Writer* w, Span<const ByteView> chain) noexcept;

// ---- certificate_request.cpp ----
struct CertificateRequest {
  bool m_rsa_sign = false;   // ClientCertificateType rsa_sign (1) listed
  bool m_ecdsa_sign = false; // ecdsa_sign (64)
  ByteView m_schemes;        // TLS 1.2: supported_signature_algorithms (pairs of bytes)
  ByteView m_authorities;    // DistinguishedName list (not used to choose: one chain)
};
Status parse_certificate_request(CertificateRequest* out, uint16_t version, ByteView body) noexcept;
// The first of `ours` the server accepts (TLS 1.2), 0 if none.
uint16_t choose_signature_scheme(const CertificateRequest& req, Span<const uint16_t> ours) noexcept;

// ---- server_hello_done.cpp ----
Status parse_server_hello_done(ByteView body) noexcept;

// ---- client_key_exchange.cpp (the RSA form; tls/key_exchange.h chooses) ----
void write_client_key_exchange_rsa(Writer* w, ByteView encrypted_premaster) noexcept;
// ECDHE (RFC 8422 5.7): the client's ephemeral point.
void write_client_key_exchange_ecdhe(Writer* w, ByteView point) noexcept;

// ---- certificate_verify.cpp ----
// TLS 1.2 writes the scheme before the signature; TLS 1.0/1.1 only the signature.
void write_certificate_verify(Writer* w, uint16_t version, uint16_t scheme, ByteView sig) noexcept;
// The same with the signature made in place, so that no copy of it is on the stack:
// begin_certificate_verify() writes the header and returns where the signature goes (nullptr if
// the writer has failed); the caller signs into the buffer from there and then calls
// end_certificate_verify() with the signature's length (which fails the writer if it does not
// fit).
uint8_t* begin_certificate_verify(Writer* w, uint16_t version, uint16_t scheme) noexcept;
void end_certificate_verify(Writer* w, size_t sig_len) noexcept;

// ---- finished.cpp ----
// verify_data = PRF(master, "client finished" / "server finished", Hash(handshake))[0..12]
// (RFC 5246 7.4.9; RFC 2246 7.4.9 with MD5 || SHA-1 and the TLS 1.0 PRF).
Status finished_verify_data(uint8_t out[12], uint16_t version, HashAlg prf, ByteView master,
                            bool client, ByteView transcript_hash) noexcept;
void write_finished(Writer* w, const uint8_t verify_data[12]) noexcept;
// Constant-time check of a received Finished body; auth_failed if it differs.
Status check_finished(ByteView body, const uint8_t expected[12]) noexcept;

// ---- new_session_ticket.cpp ----
Status parse_new_session_ticket(uint32_t* lifetime, ByteView* ticket, ByteView body) noexcept;

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_MESSAGES_H
