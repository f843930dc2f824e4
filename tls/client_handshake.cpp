// The client's handshake, the server's side of it (RFC 5246 7.3 and 7.4): the dispatch of each
// handshake message by state, and what ServerHello, Certificate and ServerKeyExchange do to the
// state. The client's flights (ClientHello; Certificate, ClientKeyExchange, CertificateVerify,
// Finished) are client_flights.cpp; what both use is tls/handshake_internal.h. The messages
// themselves are built and parsed in their own files (tls/messages.h); the key exchange is
// behind tls/key_exchange.h.
#include <cstring>
#include <ctime>

#include "crypto/util/build_config.h"
#include "crypto/util/wipe.h"
#include "tls/client.h"
#include "tls/handshake_internal.h"
#include "tls/key_exchange.h"
#include "tls/messages.h"

namespace petrel {
namespace tls {

using namespace handshake_internal;

namespace {

// ECDSA schemes have signature byte 3 (RFC 5246 7.4.1.4.1): a ClientKey whose first scheme is
// one holds an EC key.
bool ecdsa_scheme(uint16_t s) { return (s & 0xff) == 0x03; }

// "DOWNGRD\0": a TLS 1.3-capable server negotiating TLS 1.1 or below (RFC 8446 4.1.3).
constexpr uint8_t kDowngradeTls11[8] = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x00};

uint8_t verify_alert(x509::VerifyError e) noexcept {
  switch (e) {
    case x509::VerifyError::unknown_issuer:
    case x509::VerifyError::untrusted_root:
      return A(Alert::unknown_ca);
    case x509::VerifyError::expired:
    case x509::VerifyError::not_yet_valid:
      return A(Alert::certificate_expired);
    case x509::VerifyError::unsupported_algorithm:
    case x509::VerifyError::unsupported_key:
    case x509::VerifyError::weak_key:
    case x509::VerifyError::weak_algorithm:
      return A(Alert::unsupported_certificate);
    default:
      return A(Alert::bad_certificate);
  }
}

}  // namespace

// ---- dispatch ----------------------------------------------------------------------------------

void Client::process_handshake_message(uint8_t type, ByteView body, ByteView whole) noexcept {
  if (type == kHsHelloRequest) {
    if (!body.empty()) {
      fail(Error::decode_error, A(Alert::decode_error), "malformed HelloRequest");
      return;
    }
    if (m_state == State::established) {
      // RFC 5746 / RFC 5246 7.4.1.1: Petrel does not renegotiate.
      m_reneg_refused = true;
      queue_alert(1, A(Alert::no_renegotiation));
    }
    return;  // during a handshake it is ignored; never part of the transcript
  }
  if (type == kHsFinished) {
    if (m_state != State::recv_finished) {
      fail(Error::unexpected_message, A(Alert::unexpected_message),
           "the server sent Finished at the wrong time");
      return;
    }
    uint8_t expected[12];
    if (!finished_verify_data(false, expected)) {
      fail(Error::internal, A(Alert::internal_error), "internal error computing Finished");
      return;
    }
    Status st = check_finished(body, expected);
    secure_wipe(expected, sizeof(expected));
    if (st != Status::ok) {
      fail(st == Status::decode_error ? Error::decode_error : Error::finished_mismatch,
           st == Status::decode_error ? A(Alert::decode_error) : A(Alert::decrypt_error),
           "the server's Finished message did not verify");
      return;
    }
    transcript_add(whole);
    if (kBuildResumption && m_resumed) {
      if (!send_finished()) {
        return;
      }
    }
    m_state = State::established;
    // The session, in the caller's storage: resumable if the server gave an ID or a ticket.
    Session* out = kBuildResumption ? m_config.m_session_out : nullptr;
    if (out != nullptr && (out->m_id_len != 0 || out->m_ticket_len != 0)) {
      out->m_suite = m_suite->m_id;
      out->m_ems = m_ems;
      std::memcpy(out->m_master, m_master, 48);
      out->m_server_name_len = m_config.m_server_name.size();
      std::memcpy(out->m_server_name, m_config.m_server_name.data(),
                  m_config.m_server_name.size());
      out->m_version = m_version;  // last: valid from here
    }
    transcript_keep(0);
    return;
  }
  if (m_state == State::established) {
    fail(Error::unexpected_message, A(Alert::unexpected_message),
         "the server sent a handshake message after the handshake");
    return;
  }
  transcript_add(whole);
  switch (type) {
    case kHsServerHello:
      if (m_state == State::recv_server_hello) {
        process_server_hello(body);
        return;
      }
      break;
    case kHsCertificate:
      if (m_state == State::recv_certificate) {
        process_certificate(body);
        return;
      }
      break;
    case kHsServerKeyExchange:
      if (m_state == State::recv_server_key_exchange) {
        process_server_key_exchange(body);
        return;
      }
      break;
    case kHsCertificateRequest:
      if (m_state == State::recv_key_exchange_or_request) {
        CertificateRequest req;
        if (parse_certificate_request(&req, m_version, body) != Status::ok) {
          fail(Error::decode_error, A(Alert::decode_error), "malformed CertificateRequest");
          return;
        }
        m_cert_requested = true;
        m_sign_scheme = 0;
        if (m_config.m_client_key != nullptr) {
          const Span<const uint16_t> ks = m_config.m_client_key->schemes();
          const bool ec_key = !ks.empty() && ecdsa_scheme(ks[0]);
          if (ec_key ? !req.m_ecdsa_sign : !req.m_rsa_sign) {
            fail(Error::no_signature_scheme, A(Alert::handshake_failure),
                 ec_key ? "the server does not accept ECDSA client certificates"
                        : "the server does not accept RSA client certificates");
            return;
          }
          if (m_version >= kTls12) {
            m_sign_scheme = choose_signature_scheme(req, m_config.m_client_key->schemes());
            if (m_sign_scheme == 0 || transcript_bits(scheme_hash(m_sign_scheme)) == 0) {
              fail(Error::no_signature_scheme, A(Alert::handshake_failure),
                   "the server accepts no signature scheme the client key can use");
              return;
            }
          }
        }
        unsigned keep = transcript_bits(prf_transcript_hash());
        if (m_config.m_client_key != nullptr) {
          keep |= transcript_bits(m_version >= kTls12 ? scheme_hash(m_sign_scheme) : SignHash::md5_sha1);
        }
        transcript_keep(keep);
        m_state = State::recv_server_hello_done;
        return;
      }
      break;
    case kHsServerHelloDone:
      if (m_state == State::recv_key_exchange_or_request ||
          m_state == State::recv_server_hello_done) {
        if (parse_server_hello_done(body) != Status::ok) {
          fail(Error::decode_error, A(Alert::decode_error), "malformed ServerHelloDone");
          return;
        }
        if (!m_cert_requested) {
          transcript_keep(transcript_bits(prf_transcript_hash()));
        }
        (void)send_client_flight();
        return;
      }
      break;
    case kHsNewSessionTicket:
      if (kBuildResumption && m_state == State::recv_ticket_or_ccs && m_ticket_expected) {
        uint32_t lifetime = 0;
        ByteView ticket;
        if (parse_new_session_ticket(&lifetime, &ticket, body) != Status::ok) {
          fail(Error::decode_error, A(Alert::decode_error), "malformed NewSessionTicket");
          return;
        }
        m_ticket_expected = false;
        Session* out = kBuildResumption ? m_config.m_session_out : nullptr;
        if (out != nullptr && !ticket.empty() && ticket.size() <= kMaxTicketSize) {
          std::memcpy(out->m_ticket, ticket.data(), ticket.size());
          out->m_ticket_len = ticket.size();
          out->m_ticket_lifetime = lifetime;
        }
        return;
      }
      break;
    default:
      break;
  }
  fail(Error::unexpected_message, A(Alert::unexpected_message),
       "the server sent a handshake message the state does not allow");
}

// ---- ServerHello -------------------------------------------------------------------------------

void Client::process_server_hello(ByteView body) noexcept {
  ServerHello sh;
  if (parse_server_hello(&sh, body) != Status::ok) {
    fail(Error::decode_error, A(Alert::decode_error), "malformed ServerHello");
    return;
  }
  if (sh.m_version < m_config.m_min_version || sh.m_version > m_offered_version ||
      (!kBuildTls10 && sh.m_version != kTls12)) {
    fail(Error::protocol_version, A(Alert::protocol_version),
         "the server chose a protocol version that is not enabled");
    return;
  }
  if (sh.m_version < kTls12 && m_offered_version == kTls12 &&
      std::memcmp(sh.m_random.data() + 24, kDowngradeTls11, 8) == 0) {
    fail(Error::illegal_parameter, A(Alert::illegal_parameter),
         "the server signals a version downgrade (RFC 8446 4.1.3)");
    return;
  }
  const SuiteInfo* suite = find_suite(sh.m_suite);
  Span<const uint16_t> ours = offered_suites();
  if (suite == nullptr || !offered(ours, sh.m_suite) || !suite_allowed_in(*suite, sh.m_version)) {
    fail(Error::handshake_failure, A(Alert::handshake_failure),
         "the server chose a cipher suite that was not offered");
    return;
  }
  if (sh.m_has_unknown_extension || (!kBuildResumption && sh.m_ticket)) {  // not offered
    fail(Error::handshake_failure, A(Alert::unsupported_extension),
         "the server sent an extension the client did not offer");
    return;
  }
  bool cbc = suite->m_cipher == BulkCipher::aes128_cbc || suite->m_cipher == BulkCipher::aes256_cbc;
  if (sh.m_etm && (!cbc || !m_config.m_offer_etm)) {
    fail(Error::illegal_parameter, A(Alert::illegal_parameter),
         "the server sent encrypt_then_mac for a suite that is not CBC");
    return;
  }
  if (sh.m_mfl_code != mfl_code(m_config.m_max_fragment_length) && sh.m_mfl_code != 0) {
    fail(Error::illegal_parameter, A(Alert::illegal_parameter),
         "the server answered max_fragment_length with another length");
    return;
  }
  if (sh.m_reneg_info && !sh.m_reneg_info_empty) {
    fail(Error::handshake_failure, A(Alert::handshake_failure),
         "the server's renegotiation_info is not empty in an initial handshake");
    return;
  }
  if (!sh.m_ems && m_config.m_require_ems) {
    fail(Error::ems_required, A(Alert::handshake_failure),
         "the server does not support extended_master_secret, which the configuration requires");
    return;
  }
  m_version = sh.m_version;
  m_suite = suite;
  m_ems = sh.m_ems;
  m_etm = sh.m_etm;
  m_secure_reneg = sh.m_reneg_info;
  m_ticket_expected = sh.m_ticket;
  m_mfl = sh.m_mfl_code != 0 ? m_config.m_max_fragment_length : 0;
  std::memcpy(m_server_random, sh.m_random.data(), 32);

  // From here on the transcript needs the PRF's hash and, if a client key may have to sign, the
  // hashes its schemes use (chosen at CertificateRequest).
  unsigned keep = transcript_bits(prf_transcript_hash());
  if (m_config.m_client_key != nullptr) {
    if (m_version < kTls12) {
      keep |= transcript_bits(SignHash::md5_sha1);
    } else {
      for (uint16_t scheme : m_config.m_client_key->schemes()) {
        keep |= transcript_bits(scheme_hash(scheme));
      }
    }
  }
  const Session* s = m_config.m_session;
  bool resumed = kBuildResumption && m_session_id_len > 0 && sh.m_session_id.size() == m_session_id_len &&
                 std::memcmp(sh.m_session_id.data(), m_session_id, m_session_id_len) == 0;
  if (resumed) {
    if (s->m_version != sh.m_version || s->m_suite != sh.m_suite) {
      fail(Error::illegal_parameter, A(Alert::illegal_parameter),
           "the server resumed the session with another version or cipher suite");
      return;
    }
    if (s->m_ems != sh.m_ems) {  // RFC 7627 5.3
      fail(Error::handshake_failure, A(Alert::handshake_failure),
           "the server resumed a session with a different extended_master_secret state");
      return;
    }
    m_resumed = true;
    transcript_keep(transcript_bits(prf_transcript_hash()));
    std::memcpy(m_master, s->m_master, 48);
    Session* out = kBuildResumption ? m_config.m_session_out : nullptr;
    if (out != nullptr) {
      if (out != s) {
        *out = *s;
      }
      out->m_version = 0;  // invalid until the handshake is done
      if (m_offered_ticket) {
        // Resumed by ticket: the ID is ours and means nothing to the server next time.
        out->m_id_len = 0;
      }
    }
    if (!derive_key_block()) {
      fail(Error::internal, A(Alert::internal_error), "internal error deriving keys");
      return;
    }
    m_state = State::recv_ticket_or_ccs;
    return;
  }
  transcript_keep(keep);
  Session* out = kBuildResumption ? m_config.m_session_out : nullptr;
  if (out != nullptr) {
    out->wipe();
    std::memcpy(out->m_id, sh.m_session_id.data(), sh.m_session_id.size());
    out->m_id_len = sh.m_session_id.size();
  }
  m_state = State::recv_certificate;
}

// ---- Certificate -------------------------------------------------------------------------------

void Client::process_certificate(ByteView body) noexcept {
  // The leaf parsed; the others as candidates (56 bytes each on a 64-bit host, not 460), parsed
  // again by path building only while on a path it tries: this frame stays small.
  x509::Certificate leaf;
  x509::CandidateCert rest[kMaxServerCertificates - 1];
  size_t n = 0;
  size_t bad = 0;
  Status st = parse_certificate_list(
      &leaf, Span<x509::CandidateCert>(rest, m_config.m_max_server_certs - 1), &n, &bad, body);
  if (st == Status::buffer_too_small) {
    fail(Error::too_many_certificates, A(Alert::bad_certificate),
         "the server sent more certificates than the configured maximum (m_max_server_certs)");
    return;
  }
  if (st != Status::ok) {
    fail(Error::bad_certificate, A(Alert::bad_certificate),
         "the server sent a malformed certificate");
    return;
  }
  if (n == 0) {
    fail(Error::bad_certificate, A(Alert::bad_certificate), "the server sent no certificate");
    return;
  }
  if (m_config.m_verify_peer) {
    x509::VerifyOptions opt;
    opt.m_time = m_config.m_time != 0 ? m_config.m_time : static_cast<int64_t>(std::time(nullptr));
    opt.m_purpose = x509::Purpose::server_auth;
    opt.m_allow_sha1 = m_config.m_allow_sha1_certificates;
    ByteView name = m_config.m_verify_hostname.empty() ? m_config.m_server_name
                                                       : m_config.m_verify_hostname;
    uint8_t ip[16];
    size_t ip_len = 0;
    if (!name.empty()) {
      if (x509::parse_ip_address(ip, &ip_len, name) == Status::ok) {
        opt.m_ip = ByteView(ip, ip_len);
      } else {
        opt.m_hostname = name;
      }
    }
    x509::VerifyError e = x509::verify_certificate(
        &m_verify, leaf, Span<const x509::CandidateCert>(rest, n - 1), m_config.m_trust, opt);
    if (e != x509::VerifyError::ok) {
      fail(Error::bad_certificate, verify_alert(e),
           "the server's certificate did not verify");
      return;
    }
  }
  const char* why = errtext("");
  if (kx_check_server_certificate(m_suite->m_kx, leaf, &why) != Status::ok) {
    fail(Error::unsupported_certificate, A(Alert::unsupported_certificate), why);
    return;
  }
  // The key is kept at the top of m_hs (the certificates are dead once verified, and the
  // message may itself lie in m_hs: memmove).
  ByteView spki = leaf.m_key.m_info.m_der;
  if (spki.empty() || spki.size() >= m_hs.size()) {
    fail(Error::handshake_too_large, A(Alert::internal_error),
         "the server's key does not fit the handshake buffer (it must hold the key and the "
         "messages that follow)");
    return;
  }
  std::memmove(m_hs.data() + m_hs.size() - spki.size(), spki.data(), spki.size());
  m_hs_keep = spki.size();
  m_state = kx_needs_server_key_exchange(m_suite->m_kx) ? State::recv_server_key_exchange
                                                         : State::recv_key_exchange_or_request;
}

// ---- ServerKeyExchange (by the key exchange) ---------------------------------------------------

// What the key exchange may know of the handshake: public values only.
ByteView Client::peer_spki() const noexcept {
  return ByteView(m_hs.data() + m_hs.size() - m_hs_keep, m_hs_keep);
}

KeyExchangeInput Client::kx_input() const noexcept {
  return KeyExchangeInput{m_suite->m_kx,
                          peer_spki(),
                          m_offered_version,
                          m_version,
                          ByteView(m_client_random),
                          ByteView(m_server_random),
                          offered_schemes(),
                          m_rng};
}

void Client::process_server_key_exchange(ByteView body) noexcept {
  const KeyExchangeInput kx = kx_input();
  uint8_t alert = A(Alert::handshake_failure);
  const char* why = errtext("the server's key exchange failed");
  Status st = kx_process_server_key_exchange(&m_kx, body, kx, &alert, &why);
  if (st != Status::ok) {
    fail(st == Status::decode_error     ? Error::decode_error
         : st == Status::auth_failed    ? Error::bad_key_exchange_signature
                                        : Error::illegal_parameter,
         alert, why);
    return;
  }
  m_state = State::recv_key_exchange_or_request;
}
}  // namespace tls
}  // namespace petrel
