// The TLS client's input side (RFC 5246 sections 6.2 and 7.1, 7.2): what the caller is asked
// for (wants, input_space), records received and opened, alerts, ChangeCipherSpec, and the
// handshake bytes cut into messages for client_handshake.cpp. Set-up, failure and output are
// client.cpp. Not constant-time as a whole (public protocol state); records are opened by
// tls/record.cpp.
#include <cstring>

#include "crypto/util/wipe.h"
#include "tls/client.h"
#include "tls/key_exchange.h"
#include "tls/messages.h"

namespace petrel {
namespace tls {
namespace {

constexpr uint8_t kAlertWarning = 1;  // AlertLevel warning (RFC 5246 7.2)

}  // namespace

// ---- wants and input ----------------------------------------------------------------------------

unsigned Client::wants() const noexcept {
  unsigned w = 0;
  if (m_out_len > m_out_start) {
    w |= kWantSend;
  }
  if (m_state == State::failed) {
    return w | kFailed;
  }
  if (m_state == State::closed) {
    return w | kClosed;
  }
  if (!m_app.empty()) {
    w |= kAppData;
  } else if (m_items_len == 0 && m_state != State::idle && !m_close_received) {
    w |= kWantRecv;
  }
  if (m_state == State::established && m_items_len == 0 && !m_close_sent &&
      m_out.size() - (m_out_len > m_out_start ? m_out_len : 0) >
          kRecordHeaderSize + m_write.prefix_size() + m_write.suffix_size() + 1) {
    w |= kCanWrite;
  }
  return w;
}

MutableBytes Client::input_space() noexcept {
  if ((wants() & kWantRecv) == 0) {
    return MutableBytes();
  }
  if (m_in_len < kRecordHeaderSize) {
    return MutableBytes(m_in.data() + m_in_len, kRecordHeaderSize - m_in_len);
  }
  size_t len = (static_cast<size_t>(m_in[3]) << 8) | m_in[4];
  return MutableBytes(m_in.data() + m_in_len, kRecordHeaderSize + len - m_in_len);
}

void Client::input_received(size_t n) noexcept {
  if ((wants() & kWantRecv) == 0 || n == 0) {
    return;
  }
  MutableBytes space = input_space();
  m_in_len += n < space.size() ? n : space.size();
  if (m_in_len == kRecordHeaderSize) {
    uint8_t type = m_in[0];
    uint16_t version = static_cast<uint16_t>((m_in[1] << 8) | m_in[2]);
    size_t len = (static_cast<size_t>(m_in[3]) << 8) | m_in[4];
    if (type < kContentChangeCipherSpec || type > kContentApplicationData) {
      fail(Error::unexpected_message, static_cast<uint8_t>(Alert::unexpected_message),
           "the server sent a record of an unknown content type (not TLS?)");
      return;
    }
    if ((version >> 8) != 3 || (m_version != 0 && version != m_version)) {
      fail(Error::protocol_version, static_cast<uint8_t>(Alert::protocol_version),
           "the server sent a record with a wrong protocol version");
      return;
    }
    size_t limit = m_mfl != 0 ? m_mfl : kMaxPlaintext;
    // The expansion of the protection in use (none before the server's ChangeCipherSpec).
    size_t expansion = m_read.active() ? record_open_expansion(m_suite->m_cipher, m_suite->m_mac) : 0;
    if (len > limit + expansion) {
      fail(Error::record_overflow, static_cast<uint8_t>(Alert::record_overflow),
           "the server sent a record longer than the protocol or the negotiated fragment length allows");
      return;
    }
    if (kRecordHeaderSize + len > m_in.size()) {
      fail(Error::record_overflow, static_cast<uint8_t>(Alert::record_overflow),
           "the server sent a record longer than the input buffer (input_buffer_size())");
      return;
    }
    if (len == 0 && !m_read.active() && type != kContentApplicationData) {
      fail(Error::decode_error, static_cast<uint8_t>(Alert::decode_error),
           "the server sent an empty record");
      return;
    }
  }
  if (m_in_len >= kRecordHeaderSize) {
    size_t len = (static_cast<size_t>(m_in[3]) << 8) | m_in[4];
    if (m_in_len == kRecordHeaderSize + len) {
      process_record();
      if (m_app.empty()) {
        m_in_len = 0;
      }
    }
  }
  pump_output();
}

void Client::input_eof() noexcept {
  if (m_state == State::failed || m_state == State::closed) {
    return;
  }
  if (m_close_received || m_close_sent) {
    m_state = State::closed;
    return;
  }
  if (m_state == State::established) {
    fail(Error::truncated, 0xff,
         "the server closed the connection without close_notify (the data may be truncated)");
  } else {
    fail(Error::truncated, 0xff, "the server closed the connection during the handshake");
  }
}

void Client::app_consumed(size_t n) noexcept {
  if (n >= m_app.size()) {
    m_app = ByteView();
    m_in_len = 0;
  } else {
    m_app = m_app.subspan(n);
  }
}

void Client::process_record() noexcept {
  uint8_t type = m_in[0];
  uint16_t version = static_cast<uint16_t>((m_in[1] << 8) | m_in[2]);
  size_t len = (static_cast<size_t>(m_in[3]) << 8) | m_in[4];
  MutableBytes body(m_in.data() + kRecordHeaderSize, len);
  MutableBytes pt;
  Status st = m_read.open(type, version, body, &pt);
  if (st != Status::ok) {
    if (st == Status::unsupported) {
      fail(Error::sequence_overflow, 0xff, "sequence number exhausted");
    } else {
      fail(Error::bad_record_mac, static_cast<uint8_t>(Alert::bad_record_mac),
           "a record from the server failed authentication (bad_record_mac)");
    }
    return;
  }
  size_t limit = m_mfl != 0 ? m_mfl : kMaxPlaintext;
  if (pt.size() > limit) {
    fail(Error::record_overflow, static_cast<uint8_t>(Alert::record_overflow),
         "the server sent a record longer than the negotiated fragment length");
    return;
  }
  if (pt.empty() && type != kContentApplicationData) {
    fail(Error::decode_error, static_cast<uint8_t>(Alert::unexpected_message),
         "the server sent an empty handshake, alert or ChangeCipherSpec record");
    return;
  }
  switch (type) {
    case kContentHandshake:
      process_handshake_bytes(ByteView(pt));
      return;
    case kContentAlert:
      process_alert(ByteView(pt));
      return;
    case kContentChangeCipherSpec:
      process_ccs(ByteView(pt));
      return;
    case kContentApplicationData:
      if (m_state != State::established) {
        fail(Error::unexpected_message, static_cast<uint8_t>(Alert::unexpected_message),
             "the server sent application data before the handshake was complete");
        return;
      }
      if (m_hs_in_len != 0) {
        fail(Error::unexpected_message, static_cast<uint8_t>(Alert::unexpected_message),
             "the server interleaved application data with a handshake message");
        return;
      }
      m_app = ByteView(pt);
      return;
    default:
      fail(Error::unexpected_message, static_cast<uint8_t>(Alert::unexpected_message),
           "the server sent a record of an unknown content type");
      return;
  }
}

void Client::process_alert(ByteView in) noexcept {
  if (in.size() != 2 || m_hs_in_len != 0) {
    fail(Error::decode_error, static_cast<uint8_t>(Alert::decode_error),
         "the server sent a malformed alert");
    return;
  }
  m_alert_in_set = true;
  m_alert_in = in[1];
  if (in[1] == static_cast<uint8_t>(Alert::close_notify)) {
    m_close_received = true;
    if (m_state != State::established) {
      fail(Error::peer_alert, 0xff, "the server closed the connection during the handshake");
      return;
    }
    if (!m_close_sent) {
      close();
    }
    m_state = State::closed;
    return;
  }
  if (in[0] == kAlertWarning && in[1] != static_cast<uint8_t>(Alert::handshake_failure)) {
    return;  // warnings (no_renegotiation, user_canceled, ...) do not end the connection
  }
  if (m_cert_requested && !m_cert_sent && m_state != State::established) {
    fail(Error::peer_alert, 0xff,
         "the server refused the handshake with an alert after asking for a client certificate, "
         "and none is configured");
    return;
  }
  fail(Error::peer_alert, 0xff, "the server sent a fatal alert");
}

void Client::process_ccs(ByteView in) noexcept {
  if (in.size() != 1 || in[0] != 1) {
    fail(Error::decode_error, static_cast<uint8_t>(Alert::decode_error),
         "the server sent a malformed ChangeCipherSpec");
    return;
  }
  if (m_state != State::recv_ticket_or_ccs || m_hs_in_len != 0 || !m_read.pending()) {
    fail(Error::unexpected_message, static_cast<uint8_t>(Alert::unexpected_message),
         "the server sent ChangeCipherSpec at the wrong time");
    return;
  }
  if (m_ticket_expected) {
    fail(Error::unexpected_message, static_cast<uint8_t>(Alert::unexpected_message),
         "the server announced a NewSessionTicket and sent ChangeCipherSpec instead");
    return;
  }
  if (!m_read.activate()) {
    fail(Error::internal, static_cast<uint8_t>(Alert::internal_error),
         "internal error: the read keys could not be set");
    return;
  }
  m_state = State::recv_finished;
}

void Client::process_handshake_bytes(ByteView in) noexcept {
  while (!in.empty() && m_state != State::failed) {
    if (m_items_len > 0) {
      fail(Error::unexpected_message, static_cast<uint8_t>(Alert::unexpected_message),
           "the server sent handshake data the state does not allow");
      return;
    }
    if (m_hs_in_len == 0 && in.size() >= kHsHeaderSize) {
      size_t len = (static_cast<size_t>(in[1]) << 16) | (static_cast<size_t>(in[2]) << 8) | in[3];
      if (kHsHeaderSize + len <= in.size()) {
        // The whole message is inside this record: process it in place.
        ByteView whole = in.first(kHsHeaderSize + len);
        in = in.subspan(whole.size());
        process_handshake_message(whole[0], whole.subspan(kHsHeaderSize), whole);
        continue;
      }
    }
    // A message spread over records: gather it in m_hs.
    if (m_hs_in_len < kHsHeaderSize) {
      size_t take = kHsHeaderSize - m_hs_in_len;
      if (take > in.size()) {
        take = in.size();
      }
      std::memcpy(m_hs.data() + m_hs_in_len, in.data(), take);
      m_hs_in_len += take;
      in = in.subspan(take);
      if (m_hs_in_len < kHsHeaderSize) {
        return;
      }
    }
    size_t len = (static_cast<size_t>(m_hs[1]) << 16) | (static_cast<size_t>(m_hs[2]) << 8) | m_hs[3];
    if (kHsHeaderSize + len > hs_limit()) {
      fail(Error::handshake_too_large, static_cast<uint8_t>(Alert::internal_error),
           "a handshake message from the server is larger than the handshake buffer");
      return;
    }
    size_t take = kHsHeaderSize + len - m_hs_in_len;
    if (take > in.size()) {
      take = in.size();
    }
    std::memcpy(m_hs.data() + m_hs_in_len, in.data(), take);
    m_hs_in_len += take;
    in = in.subspan(take);
    if (m_hs_in_len == kHsHeaderSize + len) {
      m_hs_in_len = 0;
      ByteView whole(m_hs.data(), kHsHeaderSize + len);
      process_handshake_message(whole[0], whole.subspan(kHsHeaderSize), whole);
    }
  }
}

}  // namespace tls
}  // namespace petrel
