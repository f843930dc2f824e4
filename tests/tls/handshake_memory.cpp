// Memory of a TLS client connection, measured: sizeof(tls::Client), the buffers it is given,
// and the peak stack of every engine call during a full mutual-auth handshake (RSA-2048 keys
// both sides) and a resumed one, against a real server (tests/tls/local_server.sh starts
// `openssl s_server`). Each engine call runs on a thread whose stack is painted; the deepest
// overwritten byte over all calls is the peak. The figures include what the thread itself
// touches in the painted area (an empty call is measured and printed for comparison). Prints
// the figures; exits non-zero if a handshake fails or a figure exceeds the budgets given on the
// command line (full-handshake stack, resumed-handshake stack, total of context and buffers).
//
//   handshake_memory PORT CA.der CERT.der KEY.pem MFL OUT_SIZE HS_SIZE FULL_STACK_BUDGET
//                    RESUMED_STACK_BUDGET TOTAL_BUDGET
//
// Then one more connection with half the handshake buffer must end in handshake_too_large.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <vector>

#include "crypto/rsa/rsa_key_files.h"
#include "tests/tls/local_device.h"
#include "tls/client.h"

using namespace petrel;
using namespace petrel::tls;

namespace {

constexpr size_t kStackSize = 256 * 1024;
constexpr uint8_t kPaint = 0x5a;
size_t g_peak = 0;
Error g_last_error = Error::none;

struct Job {
  std::function<void()> fn;
};

void* run_job(void* arg) {
  static_cast<Job*>(arg)->fn();
  return nullptr;
}

void on_painted_stack(const std::function<void()>& fn) {
  static std::vector<uint8_t> stack(kStackSize + 4096);
  uintptr_t base = (reinterpret_cast<uintptr_t>(stack.data()) + 4095) & ~static_cast<uintptr_t>(4095);
  uint8_t* lo = reinterpret_cast<uint8_t*>(base);
  std::memset(lo, kPaint, kStackSize);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, lo, kStackSize);
  Job job{fn};
  pthread_t t;
  if (pthread_create(&t, &attr, run_job, &job) != 0 || pthread_join(t, nullptr) != 0) {
    std::fprintf(stderr, "pthread failed\n");
    std::exit(1);
  }
  pthread_attr_destroy(&attr);
  size_t untouched = 0;
  while (untouched < kStackSize && lo[untouched] == kPaint) {
    untouched++;
  }
  // The thread's own start-up frames are included: a slight overestimate.
  size_t used = kStackSize - untouched;
  if (used > g_peak) {
    g_peak = used;
  }
}


// One connection: handshake, a request, the answer, close. Returns false on failure.
bool connect_once(int port, const ClientConfig& cfg, MutableBytes in, MutableBytes out,
                  MutableBytes hs, Session* session, bool* resumed, size_t* rsa_ops) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(0x7f000001);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0) {
    std::perror("connect");
    return false;
  }
  static Client c;  // static: its size is counted apart from the stack
  ClientConfig config = cfg;
  config.m_session_out = session;  // may be cfg.m_session: the engine allows that
  Status st = Status::ok;
  on_painted_stack([&] { st = c.init(config, in, out, hs); });
  if (st != Status::ok) {
    std::fprintf(stderr, "init: %s\n", c.error_text());
    return false;
  }
  bool sent = false;
  bool ok = false;
  for (int guard = 0; guard < 100000; guard++) {
    unsigned w = c.wants();
    if (w & kWantSend) {
      ByteView p = c.pending_output();
      ssize_t n = ::send(fd, p.data(), p.size(), MSG_NOSIGNAL);
      if (n <= 0) {
        break;
      }
      on_painted_stack([&] { c.output_sent(static_cast<size_t>(n)); });
      continue;
    }
    if (w & kFailed) {
      g_last_error = c.error();
      std::fprintf(stderr, "handshake failed: %s: %s (verify: %s)\n", error_name(c.error()),
                   c.error_text(), x509::verify_error_name(c.verify_error()));
      break;
    }
    if (w & kClosed) {
      ok = sent;
      break;
    }
    if (w & kAppData) {
      c.app_consumed(c.app_data().size());
      continue;
    }
    if ((w & kCanWrite) && !sent) {
      static const char req[] = "GET / HTTP/1.0\r\n\r\n";
      size_t acc = 0;
      on_painted_stack([&] { st = c.write(ByteView(reinterpret_cast<const uint8_t*>(req), sizeof(req) - 1), &acc); });
      sent = true;
      *resumed = c.resumed();
      *rsa_ops = c.private_key_operations();
      continue;
    }
    if (w & kWantRecv) {
      MutableBytes sp = c.input_space();
      ssize_t n = ::recv(fd, sp.data(), sp.size(), 0);
      if (n <= 0) {
        on_painted_stack([&] { c.input_eof(); });
        continue;
      }
      on_painted_stack([&] { c.input_received(static_cast<size_t>(n)); });
      continue;
    }
    break;
  }
  ::close(fd);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 11) {
    std::fprintf(stderr, "usage: handshake_memory PORT CA.der CERT.der KEY.pem MFL OUT_SIZE HS_SIZE "
                         "FULL_STACK_BUDGET RESUMED_STACK_BUDGET TOTAL_BUDGET\n");
    return 2;
  }
  int port = std::atoi(argv[1]);
  size_t mfl = static_cast<size_t>(std::atoi(argv[5]));
  size_t out_size = static_cast<size_t>(std::atoi(argv[6]));
  size_t hs_size = static_cast<size_t>(std::atoi(argv[7]));
  size_t stack_budget = static_cast<size_t>(std::atoi(argv[8]));
  size_t resumed_budget = static_cast<size_t>(std::atoi(argv[9]));
  size_t total_budget = static_cast<size_t>(std::atoi(argv[10]));
  on_painted_stack([] {});
  const size_t empty_call = g_peak;
  g_peak = 0;
  static petrel_test::LocalDevice device(argv[2], argv[3], argv[4]);
  ClientConfig& cfg = device.config();
  cfg.m_max_fragment_length = mfl;
  static const uint16_t suite[] = {kSuiteRsaAes128GcmSha256};
  cfg.m_suites = Span<const uint16_t>(suite, 1);
  // The input buffer as the header's rule gives it for this configuration; the output and
  // handshake buffers as given (the caller's choice; the header states their rules).
  size_t in_size = input_buffer_size(cfg);
  // Static, and made before the (static) Client: the buffers must outlive it, since its
  // destructor wipes them.
  static std::vector<uint8_t> in(in_size), out(out_size), hs(hs_size);
  static Session session;
  bool resumed = false;
  size_t ops = 0;
  if (!connect_once(port, cfg, MutableBytes(in), MutableBytes(out), MutableBytes(hs), &session,
                    &resumed, &ops)) {
    return 1;
  }
  size_t full_peak = g_peak;
  size_t full_ops = ops;
  if (!session.valid()) {
    std::fprintf(stderr, "the server did not make the session resumable\n");
    return 1;
  }
  g_peak = 0;
  cfg.m_session = &session;
  if (!connect_once(port, cfg, MutableBytes(in), MutableBytes(out), MutableBytes(hs), &session,
                    &resumed, &ops)) {
    return 1;
  }
  if (!session.valid()) {
    std::fprintf(stderr, "FAIL: no session written after the resumed handshake\n");
    return 1;
  }
  // The same handshake with half the handshake buffer: refused with handshake_too_large at the
  // message that needs the room (never truncated).
  {
    static std::vector<uint8_t> small_hs(hs_size / 2);
    static Session unused;
    cfg.m_session = nullptr;  // a full handshake: the server's Certificate and the client's flight
    bool r = false;
    size_t o = 0;
    size_t peak = g_peak;
    g_last_error = Error::none;
    if (connect_once(port, cfg, MutableBytes(in), MutableBytes(out), MutableBytes(small_hs), &unused,
                     &r, &o) ||
        g_last_error != Error::handshake_too_large) {
      std::fprintf(stderr, "FAIL: a %zu-byte handshake buffer must end in handshake_too_large (got %s)\n",
                   small_hs.size(), error_name(g_last_error));
      return 1;
    }
    std::printf("a %zu-byte handshake buffer: refused with handshake_too_large, as it must be\n",
                small_hs.size());
    g_peak = peak;
  }
  size_t total = sizeof(Client) + in_size + out_size + hs_size;
  std::printf("max_fragment_length %zu: sizeof(Client) %zu + in %zu + out %zu + hs %zu = %zu bytes "
              "(full and resumed handshake, AES128-GCM-SHA256, mutual RSA-2048)\n",
              mfl, sizeof(Client), in_size, out_size, hs_size, total);
  if (sizeof(Client) != kClientContextSize) {
    std::fprintf(stderr, "FAIL: sizeof(Client) %zu != kClientContextSize %zu\n", sizeof(Client),
                 kClientContextSize);
    return 1;
  }
  std::printf("peak stack: full handshake %zu bytes (%zu RSA private-key operation(s)), resumed %zu bytes (%s, %zu RSA operations); an empty call on the painted thread: %zu bytes\n",
              full_peak, full_ops, g_peak, resumed ? "resumed" : "NOT resumed", ops, empty_call);
  bool ok = true;
  if (!resumed || ops != 0 || full_ops != 1) {
    std::fprintf(stderr, "FAIL: the second handshake must be resumed with no RSA operation\n");
    ok = false;
  }
  if (full_peak > stack_budget) {
    std::fprintf(stderr, "FAIL: full handshake peak stack %zu > budget %zu\n", full_peak, stack_budget);
    ok = false;
  }
  if (g_peak > resumed_budget) {
    std::fprintf(stderr, "FAIL: resumed handshake peak stack %zu > budget %zu\n", g_peak, resumed_budget);
    ok = false;
  }
  if (total > total_budget) {
    std::fprintf(stderr, "FAIL: total %zu > budget %zu\n", total, total_budget);
    ok = false;
  }
  return ok ? 0 : 1;
}
