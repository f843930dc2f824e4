// The optional POSIX socket adapter: a TCP connect with a time limit, and the blocking driver of
// tls/io/callbacks.h over a socket with a per-operation time limit (poll). No protocol logic
// lives here; no heap, no exceptions. The file descriptor stays the caller's: nothing here
// closes it.
//
//   int fd;  char err[160];
//   if (io::connect_tcp(&fd, "prov.example.net", "443", 10000, err, sizeof err) != Status::ok) ...
//   io::SocketConnection conn(client, fd, 10000);   // client.init() already called
//   conn.handshake(); conn.write(...); conn.read(...); conn.close();  ::close(fd);
// Public API (installed): the declarations here are stable.
#ifndef PETREL_TLS_IO_SOCKET_H
#define PETREL_TLS_IO_SOCKET_H

#include <cstddef>

#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "tls/client.h"
#include "tls/io/callbacks.h"

namespace petrel {
namespace tls {
namespace io {

// Resolves host:port (getaddrinfo: names, IPv4 and IPv6 literals) and connects to the first
// address that answers, each attempt limited to timeout_ms (<= 0: no limit). On success *fd is a
// connected, non-blocking, close-on-exec TCP socket. Errors: invalid_argument (null arguments),
// not_available (name not resolved, refused, unreachable, timed out): err then holds a sentence
// ("connect to 127.0.0.1 port 4433: Connection refused").
Status connect_tcp(int* fd, const char* host, const char* port, int timeout_ms, char* err,
                   size_t err_len) noexcept;

class SocketConnection final {
 public:
  // timeout_ms limits each wait for the socket (<= 0: no limit).
  SocketConnection(Client& client, int fd, int timeout_ms) noexcept;
  SocketConnection(const SocketConnection&) = delete;
  SocketConnection& operator=(const SocketConnection&) = delete;

  IoStatus handshake() noexcept { return m_conn.handshake(); }
  IoStatus read(MutableBytes out, size_t* got) noexcept { return m_conn.read(out, got); }
  IoStatus write(ByteView in) noexcept { return m_conn.write(in); }
  // Sends close_notify; the caller closes the descriptor.
  IoStatus close() noexcept { return m_conn.close(); }

  // An overall limit on top of the per-wait one: from now on, the time spent waiting for the
  // peer, all waits added up, may be at most total_ms (<= 0: no overall limit, the default).
  // A peer that sends a byte just before each per-wait limit runs out cannot hold the
  // connection longer than this; the client's own computing time (an RSA signature on a slow
  // core) does not count. Applies to the operations that follow (e.g. the handshake); call
  // again with 0 to lift it.
  void set_deadline(int total_ms) noexcept;

  IoStatus last_status() const noexcept { return m_conn.last_status(); }
  // The driver's sentence, with the socket's own detail for timeouts and transport failures
  // ("timed out after 5000 ms waiting for data from the peer", "recv: Connection reset by peer").
  const char* error_text() const noexcept;
  Connection& connection() noexcept { return m_conn; }

 private:
  static IoStatus send_cb(void* ctx, ByteView data, size_t* sent) noexcept;
  static IoStatus recv_cb(void* ctx, MutableBytes buf, size_t* got) noexcept;
  IoStatus wait(short events, const char* what) noexcept;
  IoStatus transport_error(const char* op, int err) noexcept;

  int m_fd;
  int m_timeout_ms;
  int m_deadline_total_ms = 0;  // the limit set_deadline() was given (0: none)
  long long m_waited_ms = 0;    // time spent in waits since set_deadline()
  char m_text[192] = {};
  Connection m_conn;
};

}  // namespace io
}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_IO_SOCKET_H
