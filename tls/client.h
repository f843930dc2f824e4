// The TLS client engine: TLS 1.2 (RFC 5246), and TLS 1.0/1.1 (RFC 2246, RFC 4346) for old
// servers, off by default; SSL 3.0 never. RSA key exchange today; the key exchange is a seam
// (tls/key_exchange.h) where ECDHE goes beside it.
//
// Sans-I/O, in the manner of BearSSL's engine: the engine never touches a socket. It works on
// three buffers the caller provides and the caller asks what it wants next:
//
//   Client c;  c.init(config, in_buf, out_buf, hs_buf);
//   loop:
//     unsigned w = c.wants();
//     if (w & kWantFailed) -> c.error(), c.error_text(), c.verify_error() say why
//     if (w & kWantSend)   -> write c.pending_output() to the peer, then c.output_sent(n)
//     if (w & kWantRecv)   -> read into c.input_space(), then c.input_received(n)
//                             (on end of stream: c.input_eof())
//     if (w & kAppData)    -> c.app_data() holds decrypted bytes; c.app_consumed(n)
//     if (w & kCanWrite)   -> c.write(bytes, &accepted) encrypts application data
//     if (w & kClosed)     -> the connection ended cleanly (close_notify)
//   c.close() queues a close_notify.
//
// Buffers (no heap; the engine keeps views into them until it is destroyed, and wipes them):
//   in_buf   one whole record of the largest size the server may send: input_buffer_size(config)
//            (the suites offered and max_fragment_length decide it: AES-GCM only, 16,413 bytes
//            for full records, 541 with max_fragment_length 512; any suite, kInputBufferFull =
//            16,709). init() refuses a smaller one; a longer record is record_overflow.
//   out_buf  any size from output_buffer_min(); records are cut to fit it, so a small buffer
//            means more, smaller records. output_buffer_size(config, n) holds a record of n
//            plaintext bytes whole (541 for 512 bytes of AES-GCM).
//   hs_buf   (1) handshake messages from the server that span records (with
//            max_fragment_length, its Certificate message: 7 + the sum of 3 + each DER
//            certificate; with full records nothing spans in practice), (2) the client's own
//            messages: the ClientHello (with a resumption ticket), then the flight: Certificate
//            (7 + the sum of 3 + each DER certificate of m_client_chain), ClientKeyExchange
//            (6 + the server's modulus size), CertificateVerify (8 + the signature size) and
//            Finished (16), and (3) from the server's Certificate to the ClientKeyExchange the
//            server's SubjectPublicKeyInfo (294 bytes for RSA-2048), at the top of hs_buf, beside
//            (1) and (2). hs_buf must hold the larger of (1) and (2) + (3); a message that does
//            not fit is refused with Error::handshake_too_large (error_text() names it), never
//            truncated. With a server chain of two and a client chain of one RSA-2048
//            certificate (about 800 bytes each): (1) 1,626, (2) + (3) 1,616 bytes; tls_memory
//            runs with 1,700. 8 KiB is ample for chains of three.
//   session  resumption needs no context: the engine reads ClientConfig::m_session and writes
//            the new session to ClientConfig::m_session_out (caller storage, sizeof(Session)).
//
// Security: every message is parsed strictly through crypto/util/cursor.h; the server's chain is
// validated by crypto/x509 path validation against the configured trust store with the host name
// or IP address checked; CBC records are checked in constant time (tls/record.h); Finished is
// compared in constant time; renegotiation is refused (no_renegotiation); a failure sends the
// matching alert, is sticky, and wipes every secret. Secrets are also wiped by the destructor.
//
// Memory: sizeof(Client) is kClientContextSize below: 3,200 bytes on x86-64, 2,848 on the
// 32-bit targets (checked at compile time and by tls_test on each). Each direction keeps the
// state of the negotiated cipher only (tls/record.h); the transcript is hashed only with the
// hashes the handshake may still need. Measured by tls_memory against openssl s_server (full
// and resumed mutual-auth handshake, RSA-2048 both sides, AES128-GCM-SHA256, out_buf 541,
// hs_buf 1,700; x86-64): context + buffers 21,854 bytes with full records (goal 22 KiB),
// 5,982 with max_fragment_length 512 (goal 6 KiB).
// Stack: a full mutual-auth handshake with RSA-2048 keys both sides peaks at 11,736 bytes, a
// resumed one at 7,528 (host x86-64, painted thread included; `ctest -R tls_memory -V`,
// tests/tls/handshake_memory.cpp, which fails above 12 KiB and 8 KiB). The deepest path is the
// CertificateVerify signature; the server's chain is held as one parsed leaf and
// x509::CandidateCert views, and its RSA key in storage of its size class (while it is used, a
// 4096-bit key takes about 1.5 KB more stack than a 2048-bit one, an 8192-bit key 4.6 KB more;
// tests/rsa/rsa_stack_test.cpp).
// Public API (installed): the declarations here are stable, and the buffer sizes as
// functions of the configuration; sizeof(Client) (kClientContextSize) is this version's.
#ifndef PETREL_TLS_CLIENT_H
#define PETREL_TLS_CLIENT_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/build_config.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/verify.h"
#include "tls/key_exchange.h"
#include "tls/record.h"
#include "tls/suites.h"

namespace petrel {
namespace tls {

struct TranscriptStates;  // tls/transcript_internal.h

// One record of any suite at full size: header + 2^14 + kMaxRecordOverhead (CBC: IV, MAC, 256
// bytes of padding).
constexpr size_t kInputBufferFull = kRecordHeaderSize + kMaxCiphertext;
// The same bound for a fragment length, with any suite (input_buffer_size(config) below is
// exact for a configuration). max_fragment_length: 0 (none), 512, 1024, 2048 or 4096.
constexpr size_t input_buffer_size(size_t mfl) noexcept {
  return kRecordHeaderSize + (mfl == 0 ? kMaxPlaintext : mfl) + kMaxRecordOverhead;
}
// The smallest output buffer: one record of 64 plaintext bytes (records are cut to fit, so a
// larger buffer means fewer, larger records). The same for every fragment length.
constexpr size_t output_buffer_min(size_t /*mfl*/) noexcept {
  return kRecordHeaderSize + 64 + kMaxRecordOverhead;
}
// sizeof(Client), checked at compile time (client.cpp) and by tls_test on every target.
constexpr size_t kClientContextSize = sizeof(void*) == 4 ? 2848 : 3200;
constexpr size_t kMaxServerCertificates = 10;  // the most a Certificate message may carry
constexpr size_t kMaxTicketSize = 1024;         // longer tickets are not stored (ID resumption)

// The signature hash of a CertificateVerify: TLS 1.2 names a hash; TLS 1.0/1.1 sign MD5||SHA-1.
enum class SignHash : uint8_t { md5_sha1, sha1, sha256, sha384, sha512 };
// TLS SignatureScheme code points (RFC 8446 4.2.3 names, RFC 5246 pairs).
constexpr uint16_t kSigRsaPkcs1Sha1 = 0x0201;
constexpr uint16_t kSigRsaPkcs1Sha256 = 0x0401;
constexpr uint16_t kSigRsaPkcs1Sha384 = 0x0501;
constexpr uint16_t kSigRsaPkcs1Sha512 = 0x0601;
constexpr uint16_t kSigRsaPssRsaeSha256 = 0x0804;
constexpr uint16_t kSigRsaPssRsaeSha384 = 0x0805;
constexpr uint16_t kSigRsaPssRsaeSha512 = 0x0806;
constexpr uint16_t kSigEcdsaSha1 = 0x0203;
constexpr uint16_t kSigEcdsaSecp256r1Sha256 = 0x0403;  // TLS 1.2: ECDSA with SHA-256, any curve
constexpr uint16_t kSigEcdsaSecp384r1Sha384 = 0x0503;
constexpr uint16_t kSigEcdsaSecp521r1Sha512 = 0x0603;

// The client's private key, reached only through this interface so that it may live in secure
// storage. sign() gets the digest of the handshake transcript and the scheme chosen from those
// the server accepts (for TLS 1.0/1.1 the 36-byte MD5||SHA-1 digest and scheme 0).
class ClientKey {
 public:
  // The schemes this key can sign with, most preferred first.
  virtual Span<const uint16_t> schemes() const noexcept = 0;
  virtual size_t max_signature_size() const noexcept = 0;
  virtual Status sign(MutableBytes sig, size_t* sig_len, uint16_t scheme, ByteView digest) noexcept = 0;

 protected:
  ~ClientKey() = default;
};

// An RsaPrivateKey in memory as a ClientKey (PKCS#1 v1.5 with SHA-256/384/512/SHA-1, RSA-PSS
// rsae with SHA-256/384/512, and the TLS 1.0/1.1 MD5||SHA-1 form).
class RsaClientKey final : public ClientKey {
 public:
  RsaClientKey(const RsaPrivateKey& key, Rng& rng) noexcept : m_key(key), m_rng(rng) {}
  Span<const uint16_t> schemes() const noexcept override;
  size_t max_signature_size() const noexcept override { return m_key.size(); }
  Status sign(MutableBytes sig, size_t* sig_len, uint16_t scheme, ByteView digest) noexcept override;

 private:
  const RsaPrivateKey& m_key;
  Rng& m_rng;
};

// An EC private key (P-256/P-384) in memory as a ClientKey: ECDSA with SHA-256/SHA-384 (TLS
// 1.2; DER signatures, RFC 8422 5.4), and for TLS 1.0/1.1 over SHA-1 (RFC 4492 5.10: the
// SHA-1 half of the MD5||SHA-1 digest). Deterministic nonces (RFC 6979) hedged with the Rng.
class EcClientKey final : public ClientKey {
 public:
  EcClientKey(const EcPrivateKey& key, Rng& rng) noexcept : m_key(key), m_rng(rng) {}
  Span<const uint16_t> schemes() const noexcept override;
  size_t max_signature_size() const noexcept override { return kEcdsaMaxSignatureSize; }
  Status sign(MutableBytes sig, size_t* sig_len, uint16_t scheme, ByteView digest) noexcept override;

 private:
  const EcPrivateKey& m_key;
  Rng& m_rng;
};

// What a resumed handshake needs: written after a handshake to ClientConfig::m_session_out,
// given back with ClientConfig::m_session. serialize()/parse() give a versioned byte form for files
// (`-sess_out`/`-sess_in`); it holds the master secret, so such files are secrets.
struct Session {
  Session() noexcept = default;
  ~Session();
  Session(const Session&) noexcept = default;
  Session& operator=(const Session&) noexcept = default;

  bool valid() const noexcept { return m_version != 0; }
  void wipe() noexcept;
  static constexpr size_t kMaxSerializedSize = 2 + 2 + 2 + 1 + 48 + 1 + 32 + 1 + 255 + 2 + kMaxTicketSize + 4;
  Status serialize(MutableBytes out, size_t* out_len) const noexcept;
  Status parse(ByteView in) noexcept;

  uint16_t m_version = 0;
  uint16_t m_suite = 0;
  bool m_ems = false;
  uint8_t m_master[48] = {};
  uint8_t m_id[32] = {};
  size_t m_id_len = 0;
  uint8_t m_server_name[255] = {};  // resumption only with the same server name
  size_t m_server_name_len = 0;
  uint8_t m_ticket[kMaxTicketSize] = {};
  size_t m_ticket_len = 0;
  uint32_t m_ticket_lifetime = 0;
};

struct ClientConfig {
  uint16_t m_min_version = kTls12;  // kTls10 .. kTls12
  uint16_t m_max_version = kTls12;
  // Suites offered, in order of preference; empty: the default list (suites.h). Legacy suites
  // (RC4) are offered only when listed here.
  Span<const uint16_t> m_suites;
  // The server's name: sent as server_name (SNI) and checked against the certificate. An IP
  // literal is checked as an address and not sent as SNI.
  ByteView m_server_name;
  // Name to verify instead of m_server_name (`-verify_hostname`); empty: m_server_name.
  ByteView m_verify_hostname;
  bool m_verify_peer = true;  // false only for diagnostics (s_client without -CAfile)
  x509::TrustStore m_trust;
  int64_t m_time = 0;  // seconds since the epoch for validity checks; 0: the current time
  bool m_allow_sha1_certificates = false;
  size_t m_max_server_certs = kMaxServerCertificates;
  // The client certificate chain (DER, leaf first) and its key; both empty: no client
  // certificate (an empty Certificate is sent if the server asks, as the RFC says).
  Span<const ByteView> m_client_chain;
  ClientKey* m_client_key = nullptr;
  bool m_require_ems = false;   // refuse servers without extended_master_secret
  bool m_offer_etm = true;      // encrypt_then_mac (used with CBC suites)
  bool m_offer_tickets = true;  // session_ticket
  size_t m_max_fragment_length = 0;  // 0, 512, 1024, 2048, 4096
  AesImpl m_aes_impl = kAesDefaultImpl;
  Rng* m_rng = nullptr;          // nullptr: default_rng()
  const Session* m_session = nullptr;  // resume this session if the server agrees
  // Where the engine writes this connection's session for a later resumption (caller storage,
  // so that the context holds no session; it may be the object m_session points to). Untouched
  // until the ServerHello; from then invalid (valid() false) until the handshake is done, and
  // then valid if the server made the session resumable (a session ID or a ticket).
  // nullptr: the session is not kept.
  Session* m_session_out = nullptr;
};

// The input buffer a configuration needs: one record of the largest size the server may send
// with the suites offered (m_suites, or the default list) and the fragment length asked for:
// header + fragment + the largest record_open_expansion() of those suites (AES-GCM only:
// 5 + 16384 + 24 = 16,413 bytes, or 5 + 512 + 24 = 541 with max_fragment_length 512). At most
// input_buffer_size(m_max_fragment_length). init() refuses a smaller buffer.
size_t input_buffer_size(const ClientConfig& config) noexcept;
// The output buffer in which records of `record_plaintext` bytes are sealed whole with any suite
// offered: header + record_plaintext + the largest record_seal_expansion() (AES-GCM only and
// 512 bytes: 541). Any buffer from output_buffer_min() works; records are cut to fit.
size_t output_buffer_size(const ClientConfig& config, size_t record_plaintext) noexcept;

// Why a connection failed (Client::error()).
enum class Error : uint8_t {
  none = 0,
  bad_config,            // init(): the configuration or buffers cannot work
  internal,              // a self-check failed
  rng_failure,
  decode_error,          // a malformed message or record
  unexpected_message,    // a message or record type the state does not allow
  record_overflow,       // a record longer than the protocol or the input buffer allows
  bad_record_mac,        // a record that failed authentication
  protocol_version,      // the server chose a version outside [min, max]
  handshake_failure,     // the server chose a suite, compression or extension not offered
  illegal_parameter,     // a value out of range (e.g. a downgrade sentinel, a bad echo)
  bad_certificate,       // the server's chain did not validate (verify_error() says why)
  unsupported_certificate,  // the server's key cannot be used (type, size, keyUsage)
  too_many_certificates, // the Certificate message holds more than m_max_server_certs
  handshake_too_large,   // a handshake message larger than hs_buf
  finished_mismatch,     // the server's Finished did not verify
  bad_key_exchange_signature,  // the server's ServerKeyExchange signature did not verify
  ems_required,          // m_require_ems and the server does not do extended_master_secret
  no_signature_scheme,   // the server accepts no signature scheme the client key offers
  client_key_failure,    // the client key failed to sign
  peer_alert,            // the server sent a fatal alert (alert_received())
  truncated,             // the transport ended before close_notify
  sequence_overflow,     // 2^64 records in one direction
};
const char* error_name(Error e) noexcept;

// Alert descriptions (RFC 5246 7.2).
enum class Alert : uint8_t {
  close_notify = 0,
  unexpected_message = 10,
  bad_record_mac = 20,
  record_overflow = 22,
  handshake_failure = 40,
  bad_certificate = 42,
  unsupported_certificate = 43,
  certificate_revoked = 44,
  certificate_expired = 45,
  certificate_unknown = 46,
  illegal_parameter = 47,
  unknown_ca = 48,
  access_denied = 49,
  decode_error = 50,
  decrypt_error = 51,
  protocol_version = 70,
  insufficient_security = 71,
  internal_error = 80,
  inappropriate_fallback = 86,
  user_canceled = 90,
  no_renegotiation = 100,
  unsupported_extension = 110,
  certificate_required = 116,
};
const char* alert_name(uint8_t description) noexcept;

// Bits of Client::wants().
constexpr unsigned kWantSend = 1u << 0;   // pending_output() is not empty
constexpr unsigned kWantRecv = 1u << 1;   // input_space() is not empty
constexpr unsigned kAppData = 1u << 2;    // app_data() is not empty
constexpr unsigned kCanWrite = 1u << 3;   // the handshake is done and write() would accept bytes
constexpr unsigned kClosed = 1u << 4;     // close_notify received (or sent and the peer gone)
constexpr unsigned kFailed = 1u << 5;     // error() != none; pending output may hold the alert

class Client final {
 public:
  Client() noexcept = default;
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Checks the configuration (versions, suites known and allowed in the versions, buffer sizes,
  // a chain with a key) and queues the ClientHello. bad_config (Status::invalid_argument) if
  // not; error_text() then says what.
  Status init(const ClientConfig& config, MutableBytes in_buf, MutableBytes out_buf,
              MutableBytes hs_buf) noexcept;

  unsigned wants() const noexcept;
  bool handshake_done() const noexcept { return m_state == State::established; }

  ByteView pending_output() const noexcept;
  void output_sent(size_t n) noexcept;
  MutableBytes input_space() noexcept;
  void input_received(size_t n) noexcept;
  // The transport ended: a clean close if close_notify was received, else Error::truncated.
  void input_eof() noexcept;
  ByteView app_data() const noexcept { return m_app; }
  void app_consumed(size_t n) noexcept;
  // Encrypts up to in.size() bytes of application data into the output buffer; *accepted says
  // how many were taken (0 if the output buffer is full: send first).
  Status write(ByteView in, size_t* accepted) noexcept;
  // Queues close_notify; after it the engine accepts no more application data.
  void close() noexcept;

  // ---- results ----
  Error error() const noexcept { return m_error; }
  // A sentence naming the cause ("server certificate: certificate has expired (depth 0)").
  const char* error_text() const noexcept { return m_error_text; }
  x509::VerifyError verify_error() const noexcept { return m_verify.m_error; }
  size_t verify_depth() const noexcept { return m_verify.m_depth; }
  bool alert_received() const noexcept { return m_alert_in_set; }
  uint8_t alert_received_description() const noexcept { return m_alert_in; }
  uint16_t version() const noexcept { return m_version; }
  uint16_t suite() const noexcept { return m_suite ? m_suite->m_id : 0; }
  bool resumed() const noexcept { return m_resumed; }
  bool ems() const noexcept { return m_ems; }
  bool etm() const noexcept { return m_etm; }
  bool secure_renegotiation() const noexcept { return m_secure_reneg; }
  bool client_certificate_requested() const noexcept { return m_cert_requested; }
  bool client_certificate_sent() const noexcept { return m_cert_sent; }
  size_t max_fragment_length() const noexcept { return m_mfl; }
  // The server asked to renegotiate and was refused with a no_renegotiation warning.
  bool renegotiation_refused() const noexcept { return m_reneg_refused; }
  // The number of RSA private-key operations this connection made (0 when resumed).
  size_t private_key_operations() const noexcept { return m_private_ops; }

 private:
  enum class State : uint8_t {
    idle,
    send_client_hello,
    recv_server_hello,
    recv_certificate,
    recv_server_key_exchange,
    recv_key_exchange_or_request,  // ServerKeyExchange, CertificateRequest or ServerHelloDone
    recv_server_hello_done,
    recv_ticket_or_ccs,
    recv_finished,
    established,
    closed,
    failed,
  };
  enum class OutKind : uint8_t { handshake, ccs, alert };
  struct OutItem {
    OutKind m_kind;
    size_t m_off;  // handshake: into m_hs
    size_t m_len;
  };

  // Inline, so that a build without error texts drops the literals at the call sites.
  void fail(Error e, uint8_t alert, const char* text) noexcept { fail_with(e, alert, errtext(text)); }
  void fail_with(Error e, uint8_t alert, const char* text) noexcept;
  void wipe_secrets() noexcept;
  void pump_output() noexcept;
  bool queue(OutKind kind, size_t off, size_t len) noexcept;
  void queue_alert(uint8_t level, uint8_t description) noexcept;
  void process_record() noexcept;
  void process_handshake_bytes(ByteView in) noexcept;
  void process_handshake_message(uint8_t type, ByteView body, ByteView whole) noexcept;
  void process_alert(ByteView in) noexcept;
  void process_ccs(ByteView in) noexcept;
  bool seal_record(uint8_t type, ByteView payload) noexcept;
  // Handshake steps (one file per message; see tls/messages.h).
  Span<const uint16_t> offered_suites() const noexcept;
  bool send_client_hello() noexcept;
  void process_server_key_exchange(ByteView body) noexcept;
  KeyExchangeInput kx_input() const noexcept;
  void process_server_hello(ByteView body) noexcept;
  void process_certificate(ByteView body) noexcept;
  bool send_client_flight() noexcept;
  bool send_finished() noexcept;
  bool derive_key_block() noexcept;  // keys both directions, pending until ChangeCipherSpec
  ByteView peer_spki() const noexcept;
  size_t hs_limit() const noexcept { return m_hs.size() - m_hs_keep; }
  bool derive_master_secret(ByteView premaster) noexcept;
  void transcript_add(ByteView msg) noexcept;
  bool transcript_hash(SignHash h, MutableBytes out, size_t* out_len) const noexcept;
  bool finished_verify_data(bool client, uint8_t out[12]) noexcept;
  size_t hs_alloc(size_t n) noexcept;  // reserves n bytes of outgoing handshake in m_hs

  // configuration
  ClientConfig m_config;
  Rng* m_rng = nullptr;
  MutableBytes m_in;
  MutableBytes m_out;
  MutableBytes m_hs;

  // state
  State m_state = State::idle;
  Error m_error = Error::none;
  const char* m_error_text = "";
  uint16_t m_version = 0;
  uint16_t m_offered_version = 0;
  const SuiteInfo* m_suite = nullptr;
  bool m_resumed = false;
  bool m_ems = false;
  bool m_etm = false;
  bool m_secure_reneg = false;
  bool m_ticket_expected = false;
  bool m_offered_ticket = false;
  bool m_cert_requested = false;
  bool m_cert_sent = false;
  bool m_reneg_refused = false;
  bool m_close_sent = false;
  bool m_close_received = false;
  bool m_alert_in_set = false;
  uint8_t m_alert_in = 0;
  uint16_t m_sign_scheme = 0;
  size_t m_mfl = 0;
  size_t m_private_ops = 0;

  // input: one record in m_in
  size_t m_in_len = 0;
  ByteView m_app;           // decrypted application data not yet consumed (inside m_in)
  size_t m_hs_in_len = 0;   // bytes of a partial incoming handshake message in m_hs

  // output: records in m_out[m_out_start, m_out_len); queued items from m_hs
  size_t m_out_start = 0;
  size_t m_out_len = 0;
  static constexpr size_t kMaxOutItems = 6;
  OutItem m_items[kMaxOutItems] = {};
  size_t m_items_len = 0;
  size_t m_item_done = 0;   // bytes of m_items[0] already sealed
  size_t m_hs_out_len = 0;  // bytes of outgoing handshake messages built in m_hs
  bool m_pending_alert = false;
  uint8_t m_pending_alert_level = 0;
  uint8_t m_pending_alert_desc = 0;

  // secrets and handshake state
  uint8_t m_client_random[32] = {};
  uint8_t m_server_random[32] = {};
  uint8_t m_session_id[32] = {};  // sent in the ClientHello
  size_t m_session_id_len = 0;
  uint8_t m_master[48] = {};
  // The server's key (its SubjectPublicKeyInfo), from Certificate to ClientKeyExchange: kept at
  // the top of m_hs, m_hs_keep bytes that the handshake messages in m_hs do not use meanwhile.
  size_t m_hs_keep = 0;
  KeyExchangeState m_kx;  // the server's ephemeral key (ECDHE), between ServerKeyExchange and ClientKeyExchange
  // The transcript is hashed with every hash it may need until the need is known (the version
  // at ServerHello, the CertificateVerify hash at CertificateRequest), then only with those.
  static constexpr unsigned kThMd5 = 1, kThSha1 = 2, kThSha256 = 4, kThSha384 = 8;
  unsigned m_th_active = 0;
  void transcript_keep(unsigned mask) noexcept;
  unsigned transcript_bits(SignHash h) const noexcept;
  SignHash prf_transcript_hash() const noexcept;
  // The raw states, each its own size (a HashCtx is a union sized for SHA-512): MD5, SHA-1,
  // SHA-256 and SHA-384, opaque here (the state structs are library-internal: th(), in
  // tls/transcript_internal.h, checks this size against them on every target).
  static constexpr size_t kTranscriptStateSize = 96 + 104 + 112 + 216;
  alignas(8) unsigned char m_th[kTranscriptStateSize];
  TranscriptStates& th() noexcept;
  const TranscriptStates& th() const noexcept;
  x509::VerifyResult m_verify;
  // The key block (RFC 5246 6.3) is derived straight into both record states, which stay
  // pending (unprotected) until their ChangeCipherSpec: it is never stored.
  RecordProtection m_read;
  RecordProtection m_write;
};

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_CLIENT_H
