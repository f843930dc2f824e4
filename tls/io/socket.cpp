// POSIX sockets under the callback driver (tls/io/socket.h): getaddrinfo, a non-blocking
// connect bounded by poll(), and send/recv callbacks that wait with poll() for at most the
// configured time. MSG_NOSIGNAL keeps a closed peer from raising SIGPIPE.
#include "tls/io/socket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "crypto/util/build_config.h"

namespace petrel {
namespace tls {
namespace io {
namespace {

// "<what> <host> port <port>: <why>" into err (if given).
void set_text(char* out, size_t out_len, const char* what, const char* host, const char* port,
              const char* why) noexcept {
  if (out != nullptr && out_len > 0) {
    std::snprintf(out, out_len, "%s %s port %s: %s", what, host, port, why);
  }
}

// "Connection refused" without strerror's static buffer.
const char* errno_text(int err, char* buf, size_t len) noexcept {
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
  return strerror_r(err, buf, len);  // GNU: returns the message
#else
  if (strerror_r(err, buf, len) != 0) {
    std::snprintf(buf, len, "error %d", err);
  }
  return buf;
#endif
}

// Waits until fd is writable (connect finished) or the limit passes; *err is the socket error.
bool wait_connected(int fd, int timeout_ms, int* err) noexcept {
  pollfd p{};
  p.fd = fd;
  p.events = POLLOUT;
  for (;;) {
    const int r = poll(&p, 1, timeout_ms > 0 ? timeout_ms : -1);
    if (r < 0 && errno == EINTR) {
      continue;
    }
    if (r < 0) {
      *err = errno;
      return false;
    }
    if (r == 0) {
      *err = ETIMEDOUT;
      return false;
    }
    int so = 0;
    socklen_t so_len = sizeof so;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &so, &so_len) != 0) {
      *err = errno;
      return false;
    }
    *err = so;
    return so == 0;
  }
}

}  // namespace

Status connect_tcp(int* fd, const char* host, const char* port, int timeout_ms, char* err,
                   size_t err_len) noexcept {
  if (err != nullptr && err_len > 0) {
    err[0] = '\0';
  }
  if (fd == nullptr || host == nullptr || port == nullptr || host[0] == '\0' || port[0] == '\0') {
    if (err != nullptr && err_len > 0) {
      std::snprintf(err, err_len, "connect: no host or port given");
    }
    return Status::invalid_argument;
  }
  *fd = -1;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_protocol = IPPROTO_TCP;
  addrinfo* list = nullptr;
  const int gai = getaddrinfo(host, port, &hints, &list);
  if (gai != 0) {
    set_text(err, err_len, "cannot resolve", host, port, gai_strerror(gai));
    return Status::not_available;
  }
  Status result = Status::not_available;
  for (addrinfo* a = list; a != nullptr; a = a->ai_next) {
    char addr[INET6_ADDRSTRLEN] = "?";
    // Numeric form for messages (getnameinfo: no cast of sockaddr, which -Wcast-align refuses
    // on 32-bit ARM).
    if (getnameinfo(a->ai_addr, a->ai_addrlen, addr, sizeof addr, nullptr, 0, NI_NUMERICHOST) != 0) {
      std::snprintf(addr, sizeof addr, "?");
    }
    const int s = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                         a->ai_protocol);
    int e = 0;
    if (s < 0) {
      e = errno;
    } else if (::connect(s, a->ai_addr, a->ai_addrlen) == 0 ||
               (errno == EINPROGRESS && wait_connected(s, timeout_ms, &e))) {
      *fd = s;
      result = Status::ok;
      if (err != nullptr && err_len > 0) {
        err[0] = '\0';
      }
      break;
    } else if (e == 0) {
      e = errno;
    }
    if (s >= 0) {
      ::close(s);
    }
    char buf[96];
    const char* why = e == ETIMEDOUT ? "timed out" : errno_text(e, buf, sizeof buf);
    // The last address's reason is kept (the one most likely to matter when all fail).
    set_text(err, err_len, "connect to", addr, port, why);
  }
  freeaddrinfo(list);
  return result;
}

SocketConnection::SocketConnection(Client& client, int fd, int timeout_ms) noexcept
    : m_fd(fd),
      m_timeout_ms(timeout_ms),
      m_conn(client, Transport{&SocketConnection::send_cb, &SocketConnection::recv_cb, this}) {}

IoStatus SocketConnection::transport_error(const char* op, int err) noexcept {
  char buf[96];
  std::snprintf(m_text, sizeof m_text, "%s: %s", op, errno_text(err, buf, sizeof buf));
  return IoStatus::transport;
}

namespace {

long long monotonic_ms() noexcept {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<long long>(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

}  // namespace

void SocketConnection::set_deadline(int total_ms) noexcept {
  m_deadline_total_ms = total_ms > 0 ? total_ms : 0;
  m_waited_ms = 0;
}

IoStatus SocketConnection::wait(short events, const char* what) noexcept {
  pollfd p{};
  p.fd = m_fd;
  p.events = events;
  for (;;) {
    int limit = m_timeout_ms > 0 ? m_timeout_ms : -1;
    bool overall = false;  // the overall deadline, not the per-wait limit, is the nearer one
    if (m_deadline_total_ms > 0) {
      const long long left = m_deadline_total_ms - m_waited_ms;
      if (left <= 0) {
        if (!kBuildErrorTexts) {
          return IoStatus::timeout;  // PETREL_MINIMAL: the status is the message
        }
        std::snprintf(m_text, sizeof m_text,
                      "timed out: waited %d ms in all for the peer (the limit), waiting %s",
                      m_deadline_total_ms, what);
        return IoStatus::timeout;
      }
      if (limit < 0 || left < limit) {
        limit = static_cast<int>(left);
        overall = true;
      }
    }
    const long long t0 = m_deadline_total_ms > 0 ? monotonic_ms() : 0;
    const int r = poll(&p, 1, limit);
    if (m_deadline_total_ms > 0) {
      const long long t1 = monotonic_ms();
      m_waited_ms += t1 - t0 > 0 ? t1 - t0 : 0;
    }
    if (r < 0 && errno == EINTR) {
      continue;
    }
    if (r < 0) {
      return transport_error("poll", errno);
    }
    if (r == 0) {
      if (!kBuildErrorTexts) {
        return IoStatus::timeout;
      }
      if (overall) {
        std::snprintf(m_text, sizeof m_text,
                      "timed out: waited %d ms in all for the peer (the limit), waiting %s",
                      m_deadline_total_ms, what);
      } else {
        std::snprintf(m_text, sizeof m_text, "timed out after %d ms waiting %s", m_timeout_ms, what);
      }
      return IoStatus::timeout;
    }
    return IoStatus::ok;  // readable/writable, or an error the next call reports
  }
}

IoStatus SocketConnection::send_cb(void* ctx, ByteView data, size_t* sent) noexcept {
  auto* self = static_cast<SocketConnection*>(ctx);
  *sent = 0;
  for (;;) {
    const ssize_t n = ::send(self->m_fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      *sent = static_cast<size_t>(n);
      return IoStatus::ok;
    }
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      const IoStatus s = self->wait(POLLOUT, "to send to the peer");
      if (s != IoStatus::ok) {
        return s;
      }
      continue;
    }
    return self->transport_error("send", n < 0 ? errno : EPIPE);
  }
}

IoStatus SocketConnection::recv_cb(void* ctx, MutableBytes buf, size_t* got) noexcept {
  auto* self = static_cast<SocketConnection*>(ctx);
  *got = 0;
  for (;;) {
    const ssize_t n = ::recv(self->m_fd, buf.data(), buf.size(), 0);
    if (n > 0) {
      *got = static_cast<size_t>(n);
      return IoStatus::ok;
    }
    if (n == 0) {
      std::snprintf(self->m_text, sizeof self->m_text, "the peer closed the TCP connection");
      return IoStatus::eof;
    }
    if (errno == EINTR) {
      continue;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      const IoStatus s = self->wait(POLLIN, "for data from the peer");
      if (s != IoStatus::ok) {
        return s;
      }
      continue;
    }
    return self->transport_error("recv", errno);
  }
}

const char* SocketConnection::error_text() const noexcept {
  const IoStatus s = m_conn.last_status();
  if ((s == IoStatus::timeout || s == IoStatus::transport) && m_text[0] != '\0') {
    return m_text;
  }
  return m_conn.error_text();
}

}  // namespace io
}  // namespace tls
}  // namespace petrel
