// The client's flights of the handshake (RFC 5246 7.3, 7.4): the ClientHello (a resumption
// offered when the configured session allows it), then after ServerHelloDone the Certificate,
// ClientKeyExchange and CertificateVerify, and ChangeCipherSpec with Finished. What the
// server's messages do is client_handshake.cpp; what both use is tls/handshake_internal.h.
#include <cstring>

#include "crypto/util/wipe.h"
#include "tls/client.h"
#include "tls/handshake_internal.h"
#include "tls/key_exchange.h"
#include "tls/messages.h"

namespace petrel {
namespace tls {

using namespace handshake_internal;

Span<const uint16_t> Client::offered_suites() const noexcept {
  return m_config.m_suites.empty() ? default_suites(m_config.m_aes_impl) : m_config.m_suites;
}

// ---- ClientHello -------------------------------------------------------------------------------

bool Client::send_client_hello() noexcept {
  if (m_rng->generate(MutableBytes(m_client_random)) != Status::ok) {
    fail(Error::rng_failure, 0xff, "the random generator failed");
    return false;
  }
  m_offered_version = m_config.m_max_version;
  m_offered_ticket = false;
  m_session_id_len = 0;
  ByteView ticket;
  const Session* s = kBuildResumption ? m_config.m_session : nullptr;
  ByteView name = m_config.m_server_name;
  uint8_t ip[16];
  size_t ip_len = 0;
  bool is_ip = !name.empty() && x509::parse_ip_address(ip, &ip_len, name) == Status::ok;
  // Resume only a session made with the same server name, a version and suite still allowed.
  if (s != nullptr && s->valid() && s->m_server_name_len == name.size() &&
      std::memcmp(s->m_server_name, name.data(), name.size()) == 0 &&
      s->m_version >= m_config.m_min_version && s->m_version <= m_config.m_max_version &&
      find_suite(s->m_suite) != nullptr &&
      offered(offered_suites(), s->m_suite) &&
      (s->m_ems || !m_config.m_require_ems)) {
    if (s->m_ticket_len > 0 && m_config.m_offer_tickets) {
      // RFC 5077 3.4: a fresh session ID, echoed by the server when it accepts the ticket.
      ticket = ByteView(s->m_ticket, s->m_ticket_len);
      m_session_id_len = 32;
      if (m_rng->generate(MutableBytes(m_session_id)) != Status::ok) {
        fail(Error::rng_failure, 0xff, "the random generator failed");
        return false;
      }
      m_offered_ticket = true;
    } else if (s->m_id_len > 0) {
      std::memcpy(m_session_id, s->m_id, s->m_id_len);
      m_session_id_len = s->m_id_len;
    }
  }
  uint16_t suites[64];
  size_t n = 0;
  for (uint16_t id : offered_suites()) {
    const SuiteInfo* info = find_suite(id);
    if (info != nullptr && suite_allowed_in(*info, m_config.m_max_version)) {
      suites[n++] = id;
    }
  }
  ClientHelloParams p;
  p.m_version = m_offered_version;
  p.m_random = ByteView(m_client_random);
  p.m_session_id = ByteView(m_session_id, m_session_id_len);
  p.m_suites = Span<const uint16_t>(suites, n);
  p.m_server_name = is_ip ? ByteView() : name;
  bool any_cbc = false;
  bool any_ecdhe = false;
  for (size_t i = 0; i < n; i++) {
    const SuiteInfo* info = find_suite(suites[i]);
    any_cbc = any_cbc || info->m_cipher == BulkCipher::aes128_cbc ||
              info->m_cipher == BulkCipher::aes256_cbc;
    any_ecdhe = any_ecdhe || info->m_kx != KeyExchange::rsa;
  }
  p.m_groups = any_ecdhe ? kx_offered_groups() : Span<const uint16_t>();
  p.m_offer_etm = m_config.m_offer_etm && any_cbc;
  p.m_mfl_code = mfl_code(m_config.m_max_fragment_length);
  p.m_offer_ticket = kBuildResumption && m_config.m_offer_tickets;
  p.m_ticket = ticket;
  p.m_sig_schemes = m_config.m_max_version >= kTls12
                        ? offered_schemes()
                        : Span<const uint16_t>();
  Writer w(m_hs);
  write_client_hello(&w, p);
  size_t len = 0;
  if (w.finish(&len) != Status::ok) {
    fail(Error::handshake_too_large, 0xff, "the ClientHello does not fit the handshake buffer");
    return false;
  }
  m_hs_out_len = len;
  transcript_add(ByteView(m_hs.data(), len));
  (void)queue(OutKind::handshake, 0, len);
  m_state = State::recv_server_hello;
  return true;
}

// ---- the client's flight -----------------------------------------------------------------------

bool Client::send_client_flight() noexcept {
  m_hs_out_len = 0;
  Writer w(m_hs.first(hs_limit()));  // below the server's key, which ClientKeyExchange needs
  size_t mark = 0;
  size_t len = 0;
  bool send_chain = m_cert_requested && m_config.m_client_key != nullptr;
  if (m_cert_requested) {
    write_certificate(&w, send_chain ? m_config.m_client_chain : Span<const ByteView>());
    m_cert_sent = send_chain;
    if (w.status() != Status::ok) {
      fail(Error::handshake_too_large, A(Alert::internal_error),
           "the client certificate chain does not fit the handshake buffer");
      return false;
    }
    transcript_add(w.written().subspan(mark));
    mark = w.size();
  }
  uint8_t premaster[kMaxPremasterSize];
  size_t premaster_len = 0;
  const KeyExchangeInput kx = kx_input();
  Status st = kx_write_client_key_exchange(&w, MutableBytes(premaster), &premaster_len, m_kx, kx);
  if (w.status() != Status::ok) {
    secure_wipe(premaster, sizeof(premaster));
    fail(Error::handshake_too_large, A(Alert::internal_error),
         "the ClientKeyExchange does not fit the handshake buffer beside the server's key");
    return false;
  }
  if (st != Status::ok) {
    secure_wipe(premaster, sizeof(premaster));
    fail(st == Status::rng_failure        ? Error::rng_failure
         : st == Status::invalid_argument ? Error::illegal_parameter
                                          : Error::unsupported_certificate,
         st == Status::invalid_argument ? A(Alert::illegal_parameter) : A(Alert::internal_error),
         st == Status::invalid_argument
             ? "the key exchange failed: the server's ephemeral key gives no usable secret"
             : "the key exchange failed (the server's key is unusable)");
    return false;
  }
  transcript_add(w.written().subspan(mark));
  mark = w.size();
  bool ok = derive_master_secret(ByteView(premaster, premaster_len));
  secure_wipe(premaster, sizeof(premaster));
  if (!ok) {
    fail(Error::internal, A(Alert::internal_error), "internal error deriving the master secret");
    return false;
  }
  if (send_chain) {
    uint8_t digest[kMaxDigestSize];
    size_t dlen = 0;
    uint16_t scheme = m_version >= kTls12 ? m_sign_scheme : 0;
    if (!transcript_hash(scheme_hash(scheme), MutableBytes(digest), &dlen)) {
      fail(Error::internal, A(Alert::internal_error), "internal error hashing the transcript");
      return false;
    }
    // The key signs straight into the handshake buffer (no signature-sized copy on the stack,
    // which is deepest here, in the private-key operation).
    uint8_t* sig = begin_certificate_verify(&w, m_version, scheme);
    ClientKey* key = m_config.m_client_key;
    const size_t room = sig != nullptr ? m_hs.size() - w.size() : 0;
    if (sig == nullptr || key->max_signature_size() > room) {
      fail(Error::handshake_too_large, A(Alert::internal_error),
           "CertificateVerify does not fit the handshake buffer");
      return false;
    }
    size_t sig_len = 0;
    if (key->sign(MutableBytes(sig, room), &sig_len, scheme, ByteView(digest, dlen)) !=
            Status::ok ||
        sig_len > room) {
      fail(Error::client_key_failure, A(Alert::internal_error),
           "the client key could not sign the CertificateVerify");
      return false;
    }
    m_private_ops++;
    end_certificate_verify(&w, sig_len);
    if (w.status() != Status::ok) {
      fail(Error::handshake_too_large, A(Alert::internal_error),
           "CertificateVerify does not fit the handshake buffer");
      return false;
    }
    transcript_add(w.written().subspan(mark));
    mark = w.size();
  }
  if (w.finish(&len) != Status::ok) {
    fail(Error::handshake_too_large, A(Alert::internal_error),
         "the client's flight does not fit the handshake buffer");
    return false;
  }
  m_hs_out_len = len;
  m_hs_keep = 0;  // the server's key is no longer needed
  (void)queue(OutKind::handshake, 0, len);
  if (!derive_key_block()) {
    fail(Error::internal, A(Alert::internal_error), "internal error deriving keys");
    return false;
  }
  if (!send_finished()) {
    return false;
  }
  m_state = State::recv_ticket_or_ccs;
  return true;
}

// ChangeCipherSpec and Finished, after the rest of the flight already queued.
bool Client::send_finished() noexcept {
  uint8_t vd[12];
  if (!finished_verify_data(true, vd)) {
    fail(Error::internal, A(Alert::internal_error), "internal error computing Finished");
    return false;
  }
  size_t off = hs_alloc(kHsHeaderSize + 12);
  if (off == SIZE_MAX) {
    fail(Error::handshake_too_large, A(Alert::internal_error),
         "Finished does not fit the handshake buffer");
    return false;
  }
  Writer w(MutableBytes(m_hs.data() + off, kHsHeaderSize + 12));
  write_finished(&w, vd);
  secure_wipe(vd, sizeof(vd));
  size_t len = 0;
  if (w.finish(&len) != Status::ok) {
    fail(Error::internal, A(Alert::internal_error), "internal error writing Finished");
    return false;
  }
  transcript_add(ByteView(m_hs.data() + off, len));
  (void)queue(OutKind::ccs, 0, 1);
  (void)queue(OutKind::handshake, off, len);
  return true;
}
}  // namespace tls
}  // namespace petrel
