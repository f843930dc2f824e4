// The minimal TLS client whose size scripts/footprint measures (issue 10): what a phone that
// fetches its profile over RSA key exchange needs and nothing else. TLS 1.2, the five RSA
// key-exchange suites with SHA-256 or SHA-1 (AES-128-GCM, AES-128/256-CBC; PETREL_MINIMAL has
// no SHA-384), a client certificate with its RSA key, the server's chain checked against one
// CA with the host name, the engine driven by the library's socket driver. No PEM (DER files, as a device keeps them in flash), no heap, no stdio: the
// buffers are static, output goes through write(2).
//
//   footprint HOST PORT CA.der CERT.der KEY.der [MFL]
//
// sends "GET / HTTP/1.0" and copies the response to stdout; exits 0 after the server's
// close_notify, 1 with a reason on stderr otherwise (the text and the numeric codes: a
// PETREL_MINIMAL library has no error texts). MFL (512, 1024, 2048, 4096) asks
// for max_fragment_length and sizes the input buffer for it, as tls/client.h states; without
// it the buffers are those of full 16 KB records.
//
// With FOOTPRINT_STACK=1 in the environment it also reports on stderr the peak stack of the TLS
// part (init, handshake, request, response, close_notify; the socket calls included, the name
// lookup not): the stack below main's frame is painted after the connect and scanned at the end.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "crypto/rsa/rsa_key_files.h"
#include "crypto/util/wipe.h"
#include "crypto/x509/cert.h"
#include "tls/client.h"
#include "tls/io/socket.h"
#include "tls/suites.h"

namespace {

using namespace petrel;

void say(const char* a, const char* b = "") {
  ssize_t r = ::write(2, a, std::strlen(a));
  r = ::write(2, b, std::strlen(b));
  r = ::write(2, "\n", 1);
  (void)r;
}

// Reads a whole file into buf; false (with a message) if it is missing or does not fit.
bool read_file(const char* path, uint8_t* buf, size_t cap, size_t* len) {
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    say("cannot open ", path);
    return false;
  }
  size_t n = 0;
  for (;;) {
    if (n == cap) {
      uint8_t extra;
      if (::read(fd, &extra, 1) != 0) {
        ::close(fd);
        say("file too large: ", path);
        return false;
      }
      break;
    }
    const ssize_t r = ::read(fd, buf + n, cap - n);
    if (r < 0) {
      ::close(fd);
      say("cannot read ", path);
      return false;
    }
    if (r == 0) {
      break;
    }
    n += static_cast<size_t>(r);
  }
  ::close(fd);
  *len = n;
  return true;
}

// Stack painting (FOOTPRINT_STACK): kPaintBytes below the painter's frame are set to kPaint;
// the lowest byte that no longer holds it marks the deepest the stack went. (A pushed byte that
// happens to equal kPaint makes the figure at most that much too small.)
constexpr size_t kPaintBytes = 48 * 1024;
constexpr uint8_t kPaint = 0xa5;

__attribute__((noinline)) uintptr_t paint_stack() {
  // Everything more than 256 bytes below this frame is unused now.
  const uintptr_t top = reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) - 256;
  volatile uint8_t* p = reinterpret_cast<volatile uint8_t*>(top - kPaintBytes);
  for (size_t i = 0; i < kPaintBytes; i++) {
    p[i] = kPaint;
  }
  return top;
}

// The lowest address written below `top` since paint_stack() (top itself if none).
__attribute__((noinline)) uintptr_t stack_low(uintptr_t top) {
  const volatile uint8_t* p = reinterpret_cast<const volatile uint8_t*>(top - kPaintBytes);
  size_t i = 0;
  while (i < kPaintBytes && p[i] == kPaint) {
    i++;
  }
  return top - kPaintBytes + i;
}

void say_number(const char* a, size_t v, const char* b) {
  char digits[24];
  size_t n = sizeof digits - 1;
  digits[n] = 0;
  do {
    digits[--n] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0 && n > 0);
  ssize_t r = ::write(2, a, std::strlen(a));
  r = ::write(2, digits + n, std::strlen(digits + n));
  r = ::write(2, b, std::strlen(b));
  (void)r;
}

// A failure: the driver's text (kNoErrorText in a PETREL_MINIMAL library, which has no error
// texts) and the codes that say what failed (README, "Code size: the minimal client"): the
// driver's IoStatus, tls::Error, the alert received (256: none), x509::VerifyError.
void say_failure(const char* what, const tls::Client& c, const tls::io::SocketConnection& conn) {
  say(what, conn.error_text());
  say_number("  codes: io ", static_cast<size_t>(conn.last_status()), "");
  say_number(" tls_error ", static_cast<size_t>(c.error()), "");
  say_number(" alert ", c.alert_received() ? c.alert_received_description() : 256u, "");
  say_number(" verify_error ", static_cast<size_t>(c.verify_error()), "\n");
}

constexpr uint16_t kSuites[] = {
    tls::kSuiteRsaAes128GcmSha256, tls::kSuiteRsaAes128CbcSha256, tls::kSuiteRsaAes256CbcSha256,
    tls::kSuiteRsaAes128CbcSha,    tls::kSuiteRsaAes256CbcSha,
};

uint8_t g_ca[2048];
uint8_t g_cert[2048];
uint8_t g_key[2048];
// Buffers for full records; with MFL the engine is given the front part of each.
uint8_t g_in[tls::kInputBufferFull];
uint8_t g_out[tls::output_buffer_min(0) > 1024 ? tls::output_buffer_min(0) : 1024];
uint8_t g_hs[4096];
uint8_t g_app[1024];
// At namespace scope, not function-local statics: those need thread-safe guards, which pull
// in the C++ runtime's exception machinery (about 35 KB on Thumb-2).
x509::Certificate g_anchor;
RsaPrivateKey g_key_rsa;
tls::RsaClientKey g_client_key(g_key_rsa, default_rng());
tls::Client g_client;

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6 && argc != 7) {
    say("usage: footprint HOST PORT CA.der CERT.der KEY.der [MFL]");
    return 2;
  }
  size_t ca_len = 0, cert_len = 0, key_len = 0;
  if (!read_file(argv[3], g_ca, sizeof g_ca, &ca_len) ||
      !read_file(argv[4], g_cert, sizeof g_cert, &cert_len) ||
      !read_file(argv[5], g_key, sizeof g_key, &key_len)) {
    return 1;
  }
  size_t mfl = 0;
  if (argc == 7) {
    for (const char* p = argv[6]; *p; ++p) {
      if (*p < '0' || *p > '9' || mfl > 100000) {
        say("MFL is not a number: ", argv[6]);
        return 2;
      }
      mfl = mfl * 10 + static_cast<size_t>(*p - '0');
    }
  }

  if (x509::parse_certificate(&g_anchor, ByteView(g_ca, ca_len)) != Status::ok) {
    say("not a DER certificate: ", argv[3]);
    return 1;
  }
  const bool key_ok = rsa_private_key_from_pkcs1(&g_key_rsa, ByteView(g_key, key_len)) == Status::ok;
  secure_wipe(g_key, sizeof g_key);
  if (!key_ok) {
    say("not a DER RSAPrivateKey (PKCS#1): ", argv[5]);
    return 1;
  }
  const ByteView chain[1] = {ByteView(g_cert, cert_len)};

  tls::ClientConfig config;
  config.m_suites = Span<const uint16_t>(kSuites, sizeof kSuites / sizeof kSuites[0]);
  config.m_server_name = ByteView(reinterpret_cast<const uint8_t*>(argv[1]), std::strlen(argv[1]));
  config.m_trust.m_certs = Span<const x509::Certificate>(&g_anchor, 1);
  config.m_client_chain = Span<const ByteView>(chain, 1);
  config.m_client_key = &g_client_key;
  config.m_max_fragment_length = mfl;
  const size_t in_len = tls::input_buffer_size(config);
  if (in_len > sizeof g_in) {
    say("MFL must be 512, 1024, 2048 or 4096");
    return 2;
  }

  int fd = -1;
  char err[160];
  if (tls::io::connect_tcp(&fd, argv[1], argv[2], 10000, err, sizeof err) != Status::ok) {
    say(err);
    return 1;
  }
  const char* want_stack = ::getenv("FOOTPRINT_STACK");
  const bool measure = want_stack != nullptr && want_stack[0] == '1';
  const uintptr_t stack_top = measure ? paint_stack() : 0;
  if (g_client.init(config, MutableBytes(g_in, in_len), MutableBytes(g_out, sizeof g_out),
                  MutableBytes(g_hs, sizeof g_hs)) != Status::ok) {
    say_number("init: tls_error ", static_cast<size_t>(g_client.error()), " ");
    say(g_client.error_text());
    ::close(fd);
    return 1;
  }
  tls::io::SocketConnection conn(g_client, fd, 10000);
  int rc = 1;
  static const char kRequest[] = "GET / HTTP/1.0\r\n\r\n";
  if (conn.handshake() != tls::io::IoStatus::ok) {
    say_failure("handshake: ", g_client, conn);
  } else if (conn.write(ByteView(reinterpret_cast<const uint8_t*>(kRequest),
                                 sizeof kRequest - 1)) != tls::io::IoStatus::ok) {
    say_failure("write: ", g_client, conn);
  } else {
    for (;;) {
      size_t got = 0;
      const tls::io::IoStatus s = conn.read(MutableBytes(g_app, sizeof g_app), &got);
      if (s == tls::io::IoStatus::closed) {
        rc = 0;
        break;
      }
      if (s != tls::io::IoStatus::ok) {
        say_failure("read: ", g_client, conn);
        break;
      }
      for (size_t off = 0; off < got;) {
        const ssize_t w = ::write(1, g_app + off, got - off);
        if (w <= 0) {
          say("cannot write to stdout");
          got = 0;
          rc = 1;
          break;
        }
        off += static_cast<size_t>(w);
      }
    }
    if (rc == 0) {
      (void)conn.close();
    }
  }
  ::close(fd);
  if (measure) {
    // What main's frame, the engine, the socket driver and libc's socket calls used.
    const uintptr_t frame = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    say_number("footprint: stack peak ", frame - stack_low(stack_top),
               " bytes (from main's frame down, TLS session)\n");
  }
  return rc;
}
