// The TLS client state machine and its record I/O (RFC 5246 sections 6 and 7; RFC 5746, 5077,
// 6066, 7366, 7627). Not constant-time as a whole (it branches on public protocol state); the
// secret-dependent steps are in tls/record.cpp (CBC/MAC checks), finished.cpp (the comparison)
// and crypto/rsa. This file: set-up, failure and output; the input side (records received,
// alerts, ChangeCipherSpec, handshake bytes) is client_input.cpp, the handshake steps
// client_handshake.cpp (the server's messages) and client_flights.cpp (the client's).
//
// Flow: ClientHello -> ServerHello -> (full) Certificate, [ServerKeyExchange: by the key
// exchange], [CertificateRequest], ServerHelloDone -> [Certificate], ClientKeyExchange,
// [CertificateVerify], ChangeCipherSpec, Finished -> [NewSessionTicket], ChangeCipherSpec,
// Finished. (abbreviated) ServerHello -> [NewSessionTicket], ChangeCipherSpec, Finished ->
// ChangeCipherSpec, Finished.
#include "tls/client.h"

#include <cstring>
#include <ctime>

#include "crypto/util/build_config.h"
#include "crypto/util/wipe.h"
#include "tls/key_exchange.h"
#include "tls/messages.h"
#include "tls/transcript_internal.h"

namespace petrel {
namespace tls {
namespace {

constexpr uint8_t kAlertWarning = 1;
constexpr uint8_t kAlertFatal = 2;

}  // namespace

static_assert(sizeof(Client) == kClientContextSize,
              "sizeof(Client) changed: update kClientContextSize, the header and the README");

Client::~Client() {
  wipe_secrets();
}

void Client::wipe_secrets() noexcept {
  secure_wipe(m_master, sizeof(m_master));
  m_read.clear();
  m_write.clear();
  if (!m_hs.empty()) {
    secure_wipe(m_hs.data(), m_hs.size());
  }
  if (!m_in.empty()) {
    secure_wipe(m_in.data(), m_in.size());
  }
  m_app = ByteView();
  m_in_len = 0;
  m_hs_in_len = 0;
  m_hs_keep = 0;
  secure_wipe_object(th().md5);
  secure_wipe_object(th().sha1);
  secure_wipe_object(th().sha256);
  if (kBuildSha512) {
    secure_wipe_object(th().sha384);
  }
  m_th_active = 0;
}

// ---- configuration -----------------------------------------------------------------------------

namespace {

// The largest expansion of a record with the configured suites (open: as the server may send
// it; seal: as this engine makes it).
size_t config_expansion(const ClientConfig& config, bool open) noexcept {
  Span<const uint16_t> suites =
      config.m_suites.empty() ? default_suites(config.m_aes_impl) : config.m_suites;
  size_t most = 0;
  for (uint16_t id : suites) {
    const SuiteInfo* s = find_suite(id);
    if (s == nullptr) {
      return kMaxRecordOverhead;  // init() refuses the configuration anyway
    }
    if (!suite_allowed_in(*s, config.m_max_version)) {
      continue;  // never offered
    }
    size_t e = open ? record_open_expansion(s->m_cipher, s->m_mac)
                    : record_seal_expansion(s->m_cipher, s->m_mac);
    most = e > most ? e : most;
  }
  return most;
}

}  // namespace

size_t input_buffer_size(const ClientConfig& config) noexcept {
  const size_t frag = config.m_max_fragment_length != 0 ? config.m_max_fragment_length : kMaxPlaintext;
  return kRecordHeaderSize + frag + config_expansion(config, true);
}

size_t output_buffer_size(const ClientConfig& config, size_t record_plaintext) noexcept {
  return kRecordHeaderSize + record_plaintext + config_expansion(config, false);
}

Status Client::init(const ClientConfig& config, MutableBytes in_buf, MutableBytes out_buf,
                    MutableBytes hs_buf) noexcept {
  wipe_secrets();
  m_config = config;
  m_rng = config.m_rng != nullptr ? config.m_rng : &default_rng();
  m_in = in_buf;
  m_out = out_buf;
  m_hs = hs_buf;
  // A Client may be used for one connection after another: every per-connection field anew.
  m_state = State::idle;
  m_error = Error::none;
  m_error_text = "";
  m_version = m_offered_version = 0;
  m_suite = nullptr;
  m_resumed = m_ems = m_etm = m_secure_reneg = m_ticket_expected = m_offered_ticket = false;
  m_cert_requested = m_cert_sent = m_reneg_refused = false;
  m_close_sent = m_close_received = m_alert_in_set = false;
  m_alert_in = 0;
  m_sign_scheme = 0;
  m_mfl = 0;
  m_private_ops = 0;
  m_in_len = 0;
  m_app = ByteView();
  m_hs_in_len = 0;
  m_out_start = m_out_len = 0;
  m_items_len = m_item_done = m_hs_out_len = 0;
  m_pending_alert = false;
  m_session_id_len = 0;
  m_hs_keep = 0;
  m_kx = KeyExchangeState();
  m_verify = x509::VerifyResult();

  const char* why = nullptr;
  if (config.m_min_version < kTls10 || config.m_max_version > kTls12 ||
      config.m_min_version > config.m_max_version) {
    why = errtext("configuration: versions must lie in TLS 1.0 .. TLS 1.2 with min <= max");
  } else if (!kBuildTls10 && config.m_max_version != kTls12) {
    why = errtext("configuration: this build (PETREL_MINIMAL) has TLS 1.2 only");
  } else if (!kBuildResumption && (config.m_session != nullptr || config.m_session_out != nullptr)) {
    why = errtext("configuration: this build (PETREL_MINIMAL) has no session resumption");
  } else if (config.m_max_fragment_length != 0 && mfl_code(config.m_max_fragment_length) == 0) {
    why = errtext("configuration: max_fragment_length must be 512, 1024, 2048 or 4096");
  } else if (in_buf.size() < input_buffer_size(config)) {
    why = errtext("configuration: the input buffer cannot hold the largest record of the suites offered "
          "(see input_buffer_size(config))");
  } else if (out_buf.size() < output_buffer_min(config.m_max_fragment_length)) {
    why = errtext("configuration: the output buffer is smaller than output_buffer_min()");
  } else if (hs_buf.size() < 512) {
    why = errtext("configuration: the handshake buffer must hold at least 512 bytes");
  } else if (config.m_client_chain.empty() != (config.m_client_key == nullptr)) {
    why = errtext("configuration: a client certificate chain needs its key, and a key its chain");
  } else if (config.m_verify_peer && config.m_trust.m_certs.empty() &&
             config.m_trust.m_spki_sha256.empty()) {
    why = errtext("configuration: no trust anchors (a CA certificate or a pinned key) to verify the server");
  } else if (config.m_max_server_certs == 0 || config.m_max_server_certs > kMaxServerCertificates) {
    why = errtext("configuration: m_max_server_certs must be 1 .. kMaxServerCertificates");
  } else if (config.m_server_name.size() > 255 || config.m_verify_hostname.size() > 255) {
    why = errtext("configuration: server name longer than 255 bytes");
  } else {
    Span<const uint16_t> suites =
        config.m_suites.empty() ? default_suites(config.m_aes_impl) : config.m_suites;
    size_t usable = 0;
    for (uint16_t id : suites) {
      const SuiteInfo* s = find_suite(id);
      if (s == nullptr) {
        why = errtext("configuration: an unknown cipher suite is listed");
        break;
      }
      if (suite_allowed_in(*s, config.m_max_version)) {
        usable++;
      }
    }
    if (why == nullptr && usable == 0) {
      why = errtext("configuration: no listed cipher suite can be used in the configured versions");
    }
    if (why == nullptr && suites.size() > 64) {
      why = errtext("configuration: more than 64 cipher suites listed");
    }
  }
  if (why != nullptr) {
    m_state = State::failed;
    m_error = Error::bad_config;
    m_error_text = why;
    return Status::invalid_argument;
  }
  m_th_active = kThSha1 | kThSha256;
  if (kBuildTls10) {  // the MD5 half of the TLS 1.0/1.1 transcript hash
    md5_init(&th().md5);
    m_th_active |= kThMd5;
  }
  sha1_init(&th().sha1);
  sha256_init(&th().sha256);
  if (kBuildSha512) {  // the SHA-384 suites' transcript (PETREL_MINIMAL: not built)
    sha384_init(&th().sha384);
    m_th_active |= kThSha384;
  }
  m_state = State::send_client_hello;
  if (!send_client_hello()) {
    return Status::invalid_argument;
  }
  pump_output();
  return Status::ok;
}

// ---- failure -----------------------------------------------------------------------------------

void Client::fail_with(Error e, uint8_t alert, const char* text) noexcept {
  if (m_state == State::failed) {
    return;
  }
  m_error = e;
  m_error_text = text;
  // Abandon queued handshake output; send the alert (encrypted if the write keys are active).
  m_items_len = 0;
  m_item_done = 0;
  if (alert != 0xff) {
    uint8_t a[2] = {kAlertFatal, alert};
    (void)seal_record(kContentAlert, ByteView(a, 2));
  }
  m_state = State::failed;
  wipe_secrets();
}

// ---- output ------------------------------------------------------------------------------------

size_t Client::hs_alloc(size_t n) noexcept {
  if (m_hs_out_len + n > hs_limit()) {
    return SIZE_MAX;
  }
  size_t off = m_hs_out_len;
  m_hs_out_len += n;
  return off;
}

bool Client::queue(OutKind kind, size_t off, size_t len) noexcept {
  if (m_items_len == kMaxOutItems) {
    return false;
  }
  m_items[m_items_len++] = OutItem{kind, off, len};
  return true;
}

bool Client::seal_record(uint8_t type, ByteView payload) noexcept {
  if (payload.empty() && type != kContentApplicationData) {
    return true;  // nothing to send
  }
  if (m_out_start == m_out_len) {
    m_out_start = m_out_len = 0;
  }
  size_t need = kRecordHeaderSize + m_write.prefix_size() + payload.size() + m_write.suffix_size();
  if (m_out_len + need > m_out.size()) {
    return false;
  }
  uint8_t* rec = m_out.data() + m_out_len;
  MutableBytes body(rec + kRecordHeaderSize, need - kRecordHeaderSize);
  std::memmove(body.data() + m_write.prefix_size(), payload.data(), payload.size());
  // The first ClientHello goes in a TLS 1.0 record for old servers; then the version chosen.
  uint16_t rv = m_version != 0 ? m_version : kTls10;
  size_t body_len = 0;
  Status st = m_write.seal(type, rv, body, payload.size(), &body_len, *m_rng);
  if (st != Status::ok) {
    return false;
  }
  rec[0] = type;
  rec[1] = static_cast<uint8_t>(rv >> 8);
  rec[2] = static_cast<uint8_t>(rv);
  rec[3] = static_cast<uint8_t>(body_len >> 8);
  rec[4] = static_cast<uint8_t>(body_len);
  m_out_len += kRecordHeaderSize + body_len;
  return true;
}

void Client::pump_output() noexcept {
  if (m_state == State::failed) {
    return;
  }
  if (m_out_start == m_out_len) {
    m_out_start = m_out_len = 0;
  }
  size_t frag = m_mfl != 0 ? m_mfl : kMaxPlaintext;
  while (m_items_len > 0) {
    OutItem& it = m_items[0];
    if (it.m_kind == OutKind::ccs) {
      static const uint8_t one = 1;
      if (!seal_record(kContentChangeCipherSpec, ByteView(&one, 1))) {
        return;  // no room: wait for the caller to send
      }
      if (!m_write.activate()) {
        fail(Error::internal, static_cast<uint8_t>(Alert::internal_error),
             "internal error: the write keys could not be set");
        return;
      }
    } else {
      size_t room = m_out.size() - m_out_len;
      size_t over = kRecordHeaderSize + m_write.prefix_size() + m_write.suffix_size();
      if (room <= over) {
        return;
      }
      size_t chunk = it.m_len - m_item_done;
      if (chunk > frag) {
        chunk = frag;
      }
      if (chunk > room - over) {
        chunk = room - over;
      }
      if (!seal_record(kContentHandshake, ByteView(m_hs.data() + it.m_off + m_item_done, chunk))) {
        if (m_write.sequence() == UINT64_MAX) {
          fail(Error::sequence_overflow, 0xff, "sequence number exhausted");
        }
        return;
      }
      m_item_done += chunk;
      if (m_item_done < it.m_len) {
        continue;
      }
    }
    // pop the item
    for (size_t i = 1; i < m_items_len; i++) {
      m_items[i - 1] = m_items[i];
    }
    m_items_len--;
    m_item_done = 0;
  }
  m_hs_out_len = 0;
  if (m_pending_alert) {
    uint8_t a[2] = {m_pending_alert_level, m_pending_alert_desc};
    if (seal_record(kContentAlert, ByteView(a, 2))) {
      m_pending_alert = false;
    }
  }
}

void Client::queue_alert(uint8_t level, uint8_t description) noexcept {
  m_pending_alert = true;
  m_pending_alert_level = level;
  m_pending_alert_desc = description;
  pump_output();
}

ByteView Client::pending_output() const noexcept {
  return ByteView(m_out.data() + m_out_start, m_out_len - m_out_start);
}

void Client::output_sent(size_t n) noexcept {
  size_t pending = m_out_len - m_out_start;
  m_out_start += n < pending ? n : pending;
  if (m_out_start == m_out_len) {
    m_out_start = m_out_len = 0;
    if (m_state == State::failed) {
      wipe_secrets();
    }
  }
  pump_output();
}

Status Client::write(ByteView in, size_t* accepted) noexcept {
  *accepted = 0;
  if (m_state == State::failed) {
    return Status::invalid_argument;
  }
  if (m_state != State::established || m_close_sent || m_items_len > 0) {
    return in.empty() ? Status::ok : Status::invalid_argument;
  }
  size_t frag = m_mfl != 0 ? m_mfl : kMaxPlaintext;
  // TLS 1.0 CBC: 1/n-1 record splitting, so that the first block's IV is unpredictable.
  bool split = m_version == kTls10 && (m_suite->m_cipher == BulkCipher::aes128_cbc ||
                                       m_suite->m_cipher == BulkCipher::aes256_cbc);
  size_t over = kRecordHeaderSize + m_write.prefix_size() + m_write.suffix_size();
  while (*accepted < in.size()) {
    if (m_out_start == m_out_len) {
      m_out_start = m_out_len = 0;
    }
    size_t room = m_out.size() - m_out_len;
    size_t need_extra = split ? over : 0;
    if (room <= over + need_extra) {
      break;
    }
    size_t chunk = in.size() - *accepted;
    if (chunk > frag) {
      chunk = frag;
    }
    if (chunk > room - over - need_extra) {
      chunk = room - over - need_extra;
    }
    ByteView part = in.subspan(*accepted, chunk);
    bool ok = true;
    if (split && chunk > 1) {
      ok = seal_record(kContentApplicationData, part.first(1)) &&
           seal_record(kContentApplicationData, part.subspan(1));
    } else {
      ok = seal_record(kContentApplicationData, part);
    }
    if (!ok) {
      if (m_write.sequence() >= UINT64_MAX - 1) {
        fail(Error::sequence_overflow, 0xff, "sequence number exhausted: the connection must end");
        return Status::unsupported;
      }
      break;
    }
    *accepted += chunk;
  }
  return Status::ok;
}

void Client::close() noexcept {
  if (m_state == State::failed || m_close_sent) {
    return;
  }
  m_close_sent = true;
  queue_alert(kAlertWarning, static_cast<uint8_t>(Alert::close_notify));
  if (m_close_received) {
    m_state = State::closed;
  }
}

}  // namespace tls
}  // namespace petrel
