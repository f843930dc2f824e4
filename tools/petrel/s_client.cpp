// petrel s_client: a TLS client for diagnostics, following `openssl s_client`:
//   petrel s_client -connect HOST:PORT [-CAfile F] [-cert F -key F] [-cert_chain F] ...
// Runs the handshake with tls::Client over tls/io/socket.h, prints a summary on stderr
// (protocol, suite, verification, resumption, EMS/EtM, time, client certificate), then sends
// stdin to the server and prints what the server sends on stdout. When stdin ends, close_notify
// is sent and the server's remaining data is read (each wait limited by -timeout).
// Safe by default: without -CAfile it refuses to connect, unless -noverify (loudly) is given.
// A failed handshake exits 1 with the reason; nothing is read from a server that failed
// verification (the engine stops at the bad certificate and sends its alert).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "tools/petrel/options.h"
#include "tools/petrel/tls_common.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace {

namespace io = petrel::tls::io;

const char* const kCmd = "s_client";

bool write_stdout(const uint8_t* p, size_t n) {
  return std::fwrite(p, 1, n, stdout) == n && std::fflush(stdout) == 0;
}

// Reads and prints application data until the server closes; true if it ended cleanly (or
// with a bare TCP close after our close_notify, which many servers do).
bool drain(TlsSession& t, bool after_close) {
  std::vector<uint8_t> buf(16384);
  for (;;) {
    size_t got = 0;
    const io::IoStatus s = t.conn().read(petrel::MutableBytes(buf.data(), buf.size()), &got);
    if (s == io::IoStatus::closed) {
      return true;
    }
    if (s != io::IoStatus::ok) {
      if (after_close && t.client().error() == petrel::tls::Error::truncated) {
        return true;
      }
      t.report_failure("reading from the server");
      return false;
    }
    if (!write_stdout(buf.data(), got)) {
      return fail(kCmd, "cannot write to stdout") == kExitOk;
    }
    if (!after_close) {
      return true;  // one read per poll wake-up while stdin is still open
    }
  }
}

}  // namespace

int cmd_s_client(int argc, char** argv) {
  TlsOptions o;
  TlsOptionText text;
  std::string connect;
  std::vector<Option> table = {
      value("connect", "HOST:PORT", "the server (an IPv6 address in brackets: [::1]:443)",
            &connect),
      flag("noverify", "do not check the server's certificate (diagnostics only!)", &o.noverify),
  };
  add_tls_options(&table, &o, &text);
  const std::string suites = tls_suite_names();
  const CommandHelp help = {kCmd, "-connect HOST:PORT [options]", suites.c_str(), nullptr};
  const Parsed parsed = parse_options(help, table, argc, argv, nullptr);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (!finish_tls_options(kCmd, text, &o)) {
    return kExitFail;
  }
  std::string host;
  std::string port;
  if (connect.empty()) {
    print_help(stderr, help, table);
    return fail(kCmd, "-connect HOST:PORT is required");
  }
  if (!split_host_port(connect, &host, &port)) {
    return fail(kCmd, "-connect needs HOST:PORT (or [IPv6]:PORT), not '%s'", connect.c_str());
  }
  TlsSession t;
  if (!t.prepare(kCmd, o, host) || !t.connect_and_handshake(host, port)) {
    return kExitFail;
  }

  // Interactive part: stdin to the server, the server to stdout.
  std::vector<uint8_t> in(16384);
  bool stdin_open = true;
  while (stdin_open) {
    if (!t.client().app_data().empty()) {
      if (!drain(t, false)) {
        return kExitFail;
      }
      continue;
    }
    pollfd p[2] = {};
    p[0].fd = STDIN_FILENO;
    p[0].events = POLLIN;
    p[1].fd = t.socket_fd();
    p[1].events = POLLIN;
    const int r = poll(p, 2, -1);
    if (r < 0 && errno == EINTR) {
      continue;
    }
    if (r < 0) {
      return fail(kCmd, "poll: %s", std::strerror(errno));
    }
    if ((p[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      if (!drain(t, false)) {
        return kExitFail;
      }
      if ((t.client().wants() & petrel::tls::kClosed) != 0) {
        std::fprintf(stderr, "the server closed the connection (close_notify)\n");
        return kExitOk;
      }
    }
    if ((p[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const ssize_t n = ::read(STDIN_FILENO, in.data(), in.size());
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        stdin_open = false;
        break;
      }
      if (t.conn().write(petrel::ByteView(in.data(), static_cast<size_t>(n))) != io::IoStatus::ok) {
        t.report_failure("sending to the server");
        return kExitFail;
      }
    }
  }
  // stdin ended: close_notify, then whatever the server still sends until it closes.
  if (t.conn().close() != io::IoStatus::ok) {
    t.report_failure("closing");
    return kExitFail;
  }
  return drain(t, true) ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
