// Soak: one full and then N resumed mutual-auth handshakes (RSA-2048 keys, session ID
// resumption) against a real `openssl s_server` (tests/tls/soak_test.sh), through the library's
// own socket driver (tls/io/socket.h), with one Client reused for every connection as firmware
// would. Checks that every handshake after the first is resumed and makes no RSA operation, and
// that neither memory (VmRSS, VmHWM) nor file descriptors grow: the figures at the first
// resumed handshake, then every N/10, and at the end. Exits non-zero on any failure or growth.
//
//   soak PORT CA.der CERT.der KEY.pem N
#include <dirent.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/rsa/rsa_key_files.h"
#include "tests/tls/local_device.h"
#include "tls/client.h"
#include "tls/io/socket.h"

using namespace petrel;
using namespace petrel::tls;

namespace {


long status_kb(const char* field) {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) {
    return -1;
  }
  char line[256];
  long v = -1;
  size_t n = std::strlen(field);
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    if (std::strncmp(line, field, n) == 0 && line[n] == ':') {
      v = std::atol(line + n + 1);
    }
  }
  std::fclose(f);
  return v;
}

int open_fds() {
  DIR* d = opendir("/proc/self/fd");
  if (d == nullptr) {
    return -1;
  }
  int n = 0;
  while (readdir(d) != nullptr) {
    n++;
  }
  closedir(d);
  return n - 3;  // ".", ".." and the DIR's own descriptor
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: soak PORT CA.der CERT.der KEY.pem N\n");
    return 2;
  }
  const char* port = argv[1];
  long n = std::atol(argv[5]);
  static petrel_test::LocalDevice device(argv[2], argv[3], argv[4]);
  ClientConfig& cfg = device.config();
  cfg.m_offer_tickets = false;  // resumption by session ID
  static uint8_t in[kInputBufferFull];
  static uint8_t out[4096];
  static uint8_t hs[4096];
  static Client client;
  static Session session;
  long rss0 = 0, fds0 = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (long i = 0; i <= n; i++) {
    int fd = -1;
    char err[160];
    if (io::connect_tcp(&fd, "127.0.0.1", port, 5000, err, sizeof(err)) != Status::ok) {
      std::fprintf(stderr, "connection %ld: %s\n", i, err);
      return 1;
    }
    cfg.m_session = session.valid() ? &session : nullptr;
    cfg.m_session_out = i == 0 ? &session : nullptr;  // the first handshake's session, resumed N times
    if (client.init(cfg, MutableBytes(in), MutableBytes(out), MutableBytes(hs)) != Status::ok) {
      std::fprintf(stderr, "init: %s\n", client.error_text());
      return 1;
    }
    io::SocketConnection conn(client, fd, 5000);
    if (conn.handshake() != io::IoStatus::ok) {
      std::fprintf(stderr, "connection %ld: %s\n", i, conn.error_text());
      ::close(fd);
      return 1;
    }
    if (i > 0 && (!client.resumed() || client.private_key_operations() != 0)) {
      std::fprintf(stderr, "connection %ld: not resumed (or an RSA operation was made)\n", i);
      ::close(fd);
      return 1;
    }
    (void)conn.close();
    ::close(fd);
    if (i == 1) {
      rss0 = status_kb("VmRSS");
      fds0 = open_fds();
      std::printf("after 1 resumed handshake: VmRSS %ld kB, %ld descriptors\n", rss0, fds0);
    } else if (i > 1 && (i % (n / 10 > 0 ? n / 10 : 1) == 0 || i == n)) {
      std::printf("after %ld resumed handshakes: VmRSS %ld kB, VmHWM %ld kB, %d descriptors\n", i,
                  status_kb("VmRSS"), status_kb("VmHWM"), open_fds());
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  long rss = status_kb("VmRSS");
  int fds = open_fds();
  std::printf("soak: %ld resumed handshakes in %.1f s (%.2f ms each), VmRSS %ld -> %ld kB, "
              "descriptors %ld -> %d\n",
              n, secs, 1000.0 * secs / static_cast<double>(n + 1), rss0, rss, fds0, fds);
  if (fds != fds0 || rss > rss0 + 64) {
    std::fprintf(stderr, "FAIL: memory or descriptors grew\n");
    return 1;
  }
  return 0;
}
