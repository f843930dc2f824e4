// The blocking driver of tls::Client over caller callbacks (tls/io/callbacks.h). One loop,
// pump(), moves bytes between the engine's buffers and the transport in the order the engine
// asks: pending output first (so a failure's alert still goes out), then the goal check, then
// input. Not constant-time-relevant: it only copies ciphertext and already-released plaintext.
#include "tls/io/callbacks.h"

#include <cstring>

#include "crypto/util/build_config.h"

namespace petrel {
namespace tls {
namespace io {

const char* io_status_name(IoStatus s) noexcept {
  switch (s) {
    case IoStatus::ok:
      return "ok";
    case IoStatus::closed:
      return "closed";
    case IoStatus::eof:
      return "eof";
    case IoStatus::timeout:
      return "timeout";
    case IoStatus::transport:
      return "transport";
    case IoStatus::tls:
      return "tls";
    case IoStatus::stalled:
      return "stalled";
  }
  return "unknown";
}

IoStatus Connection::done(IoStatus s) noexcept {
  if (s != IoStatus::ok) {
    m_last = s;
  }
  return s;
}

IoStatus Connection::pump(Goal goal) noexcept {
  for (;;) {
    const unsigned w = m_client.wants();
    if ((w & kWantSend) != 0) {
      const ByteView out = m_client.pending_output();
      size_t sent = 0;
      const IoStatus s = m_transport.send(m_transport.ctx, out, &sent);
      if (s == IoStatus::ok && (sent == 0 || sent > out.size())) {
        return done(IoStatus::stalled);  // a send callback that broke its contract
      }
      if (s != IoStatus::ok) {
        // Losing the alert of a failure must not hide the failure itself.
        return done((w & kFailed) != 0 ? IoStatus::tls : s);
      }
      m_client.output_sent(sent);
      continue;
    }
    if ((w & kFailed) != 0) {
      return done(IoStatus::tls);
    }
    switch (goal) {
      case Goal::handshake:
        if (m_client.handshake_done()) {
          return IoStatus::ok;
        }
        break;
      case Goal::app_data:
        if ((w & kAppData) != 0) {
          return IoStatus::ok;
        }
        break;
      case Goal::flush:
        return IoStatus::ok;  // nothing left to send
    }
    if ((w & kClosed) != 0) {
      return done(IoStatus::closed);
    }
    if ((w & kWantRecv) != 0) {
      const MutableBytes space = m_client.input_space();
      size_t got = 0;
      const IoStatus s = m_transport.recv(m_transport.ctx, space, &got);
      if (s == IoStatus::eof) {
        m_client.input_eof();  // close_notify seen: kClosed; otherwise Error::truncated
        continue;
      }
      if (s != IoStatus::ok) {
        return done(s);
      }
      if (got == 0 || got > space.size()) {
        return done(IoStatus::stalled);
      }
      m_client.input_received(got);
      continue;
    }
    return done(IoStatus::stalled);
  }
}

IoStatus Connection::handshake() noexcept { return pump(Goal::handshake); }

IoStatus Connection::read(MutableBytes out, size_t* got) noexcept {
  *got = 0;
  if (out.empty()) {
    return done(IoStatus::stalled);
  }
  const IoStatus s = pump(Goal::app_data);
  if (s != IoStatus::ok) {
    return s;
  }
  const ByteView app = m_client.app_data();
  const size_t n = app.size() < out.size() ? app.size() : out.size();
  std::memcpy(out.data(), app.data(), n);
  m_client.app_consumed(n);
  *got = n;
  return IoStatus::ok;
}

IoStatus Connection::write(ByteView in) noexcept {
  size_t off = 0;
  while (off < in.size()) {
    IoStatus s = pump(Goal::flush);
    if (s != IoStatus::ok) {
      return s;
    }
    if (!m_client.handshake_done()) {
      s = pump(Goal::handshake);
      if (s != IoStatus::ok) {
        return s;
      }
      continue;
    }
    const unsigned w = m_client.wants();
    if ((w & kCanWrite) == 0) {
      return done((w & kFailed) != 0 ? IoStatus::tls
                  : (w & kClosed) != 0 ? IoStatus::closed
                                       : IoStatus::stalled);
    }
    size_t accepted = 0;
    if (m_client.write(in.subspan(off), &accepted) != Status::ok) {
      return done((m_client.wants() & kFailed) != 0 ? IoStatus::tls : IoStatus::stalled);
    }
    if (accepted == 0 && m_client.pending_output().empty()) {
      return done(IoStatus::stalled);
    }
    off += accepted;
  }
  return pump(Goal::flush);
}

IoStatus Connection::close() noexcept {
  m_client.close();
  return pump(Goal::flush);
}

const char* Connection::error_text() const noexcept {
  if (!kBuildErrorTexts && m_last != IoStatus::ok) {
    return kNoErrorText;  // PETREL_MINIMAL: last_status() and the engine's codes say what failed
  }
  switch (m_last) {
    case IoStatus::ok:
      return "";
    case IoStatus::closed:
      return "the peer closed the connection (close_notify)";
    case IoStatus::eof:
      return "the transport ended";
    case IoStatus::timeout:
      return "timed out waiting for the peer";
    case IoStatus::transport:
      return "the connection failed (transport error)";
    case IoStatus::tls: {
      const char* t = m_client.error_text();
      return (t != nullptr && t[0] != '\0') ? t : error_name(m_client.error());
    }
    case IoStatus::stalled:
      return "the TLS engine wants nothing this call can give (driver stalled)";
  }
  return "unknown";
}

}  // namespace io
}  // namespace tls
}  // namespace petrel
