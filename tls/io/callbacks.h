// A blocking driver of the sans-I/O tls::Client over two caller callbacks (send and receive),
// in the manner of BearSSL's br_sslio_*: it holds no protocol logic, only the wants() loop of
// tls/client.h. Firmware without POSIX sockets plugs its own transport in here; the POSIX socket
// adapter (tls/io/socket.h) is this same driver with socket callbacks, so there is one loop.
//
//   Transport t{my_send, my_recv, &my_ctx};
//   io::Connection conn(client, t);        // client.init() already called
//   if (conn.handshake() != io::IoStatus::ok) -> conn.error_text()
//   conn.write(request);  conn.read(buf, &n) until IoStatus::closed;  conn.close();
//
// The callbacks block (or time out) themselves: send() takes at least one byte or reports why
// not, recv() returns at least one byte, or eof, or why not. No heap, no exceptions.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_TLS_IO_CALLBACKS_H
#define PETREL_TLS_IO_CALLBACKS_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "tls/client.h"

namespace petrel {
namespace tls {
namespace io {

// The outcome of a transport callback and of a driver call.
enum class [[nodiscard]] IoStatus : uint8_t {
  ok = 0,
  closed,     // driver: the peer ended the connection cleanly (close_notify received)
  eof,        // recv callback only: the transport ended (the driver tells the engine)
  timeout,    // no progress within the transport's time limit
  transport,  // the transport failed (connection reset, unreachable, ...)
  tls,        // the TLS engine failed: Client::error() and error_text() say why
  stalled,    // the engine wants nothing the call could give it (a driver or engine bug)
};
const char* io_status_name(IoStatus s) noexcept;

struct Transport {
  // Sends 1..data.size() bytes, *sent says how many; ok, timeout or transport.
  IoStatus (*send)(void* ctx, ByteView data, size_t* sent) noexcept;
  // Receives 1..buf.size() bytes, *got says how many; ok, eof, timeout or transport.
  IoStatus (*recv)(void* ctx, MutableBytes buf, size_t* got) noexcept;
  void* ctx;
};

class Connection final {
 public:
  Connection(Client& client, const Transport& transport) noexcept
      : m_client(client), m_transport(transport) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs the handshake to its end (or to the first failure, whose alert is still sent).
  IoStatus handshake() noexcept;
  // Reads application data: ok with 1..out.size() bytes in *got; closed (with *got 0) after the
  // peer's close_notify; a transport end without close_notify is a TLS failure (truncated).
  IoStatus read(MutableBytes out, size_t* got) noexcept;
  // Writes all of `in` (in as many records as needed) and flushes it to the transport.
  IoStatus write(ByteView in) noexcept;
  // Sends close_notify and flushes it; does not wait for the peer's.
  IoStatus close() noexcept;

  Client& client() noexcept { return m_client; }
  // The last non-ok status of a call (ok if none) and a sentence for it: the engine's
  // error_text() for tls, the driver's own words otherwise.
  IoStatus last_status() const noexcept { return m_last; }
  const char* error_text() const noexcept;

 private:
  enum class Goal : uint8_t { handshake, app_data, flush };
  // The one loop: sends what the engine wants sent, receives what it wants received, until the
  // goal is reached or something fails.
  IoStatus pump(Goal goal) noexcept;
  IoStatus done(IoStatus s) noexcept;

  Client& m_client;
  Transport m_transport;
  IoStatus m_last = IoStatus::ok;
};

}  // namespace io
}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_IO_CALLBACKS_H
