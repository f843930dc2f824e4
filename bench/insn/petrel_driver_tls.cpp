// Instruction-count workloads of the TLS client (tls_workload.h): N handshakes of tls::Client
// over a blocking socket against a local openssl s_server, full or resumed. The client random,
// the premaster secret and the blinding come from FixedSeedRng (petrel_driver.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/petrel_driver.h"
#include "bench/insn/tls_workload.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/x509/cert.h"
#include "tls/client.h"

namespace petrel_insn {

// Reads a whole test file (PETREL_TLS_DIR/name) into buf; its length, or 0 on failure.
size_t read_test_file(const char* name, uint8_t* buf, size_t cap) {
  char path[512];
  FILE* f = nullptr;
  if (wl_tls_path(path, sizeof path, name) != 0 || (f = std::fopen(path, "rb")) == nullptr) {
    std::fprintf(stderr, "petrel_insn_driver: cannot open %s\n", name);
    return 0;
  }
  size_t len = std::fread(buf, 1, cap, f);
  if (std::ferror(f) != 0 || std::feof(f) == 0) {
    std::fprintf(stderr, "petrel_insn_driver: cannot read %s (or larger than %zu bytes)\n", path, cap);
    len = 0;
  }
  std::fclose(f);
  return len;
}

// What one connection showed, for the checks.
struct TlsOutcome {
  uint16_t m_version = 0;
  uint16_t m_suite = 0;
  bool m_resumed = false;
  bool m_cert_sent = false;
  size_t m_private_ops = 0;
};

// Sends everything the engine has queued; false if the socket failed.
bool tls_flush(int fd, tls::Client* c) {
  while ((c->wants() & tls::kWantSend) != 0) {
    ByteView p = c->pending_output();
    ssize_t n = ::send(fd, p.data(), p.size(), MSG_NOSIGNAL);
    if (n <= 0) {
      std::perror("send");
      return false;
    }
    c->output_sent(static_cast<size_t>(n));
  }
  return true;
}

// One connection: a new Client, the handshake, close_notify, close. *session is updated with
// the engine's session when the server made it resumable.
bool tls_connection(int workload, const tls::ClientConfig& cfg, MutableBytes in, MutableBytes out,
                    MutableBytes hs, tls::Session* session, TlsOutcome* outcome) {
  int fd = wl_tls_connect(workload);
  if (fd < 0) {
    return false;
  }
  tls::Client c;
  static tls::Session fresh;  // the engine writes the connection's session here
  tls::ClientConfig config = cfg;
  config.m_session_out = &fresh;
  bool ok = c.init(config, in, out, hs) == Status::ok;
  while (ok && !c.handshake_done()) {
    unsigned w = c.wants();
    if ((w & tls::kWantSend) != 0) {
      ok = tls_flush(fd, &c);
    } else if ((w & tls::kFailed) != 0) {
      ok = false;
    } else if ((w & tls::kWantRecv) != 0) {
      MutableBytes space = c.input_space();
      ssize_t n = ::recv(fd, space.data(), space.size(), 0);
      if (n > 0) {
        c.input_received(static_cast<size_t>(n));
      } else {
        c.input_eof();
      }
    } else {
      ok = false;  // neither done nor wanting anything: an engine bug
    }
  }
  // The last flight (a resumed handshake ends with the client's Finished) and close_notify.
  ok = ok && tls_flush(fd, &c);
  if (ok) {
    c.close();
    ok = tls_flush(fd, &c);
  }
  if (c.error() != tls::Error::none) {
    std::fprintf(stderr, "petrel_insn_driver: handshake failed: %s: %s (verify: %s)\n",
                 tls::error_name(c.error()), c.error_text(),
                 x509::verify_error_name(c.verify_error()));
  }
  ::close(fd);
  outcome->m_version = c.version();
  outcome->m_suite = c.suite();
  outcome->m_resumed = c.resumed();
  outcome->m_cert_sent = c.client_certificate_sent();
  outcome->m_private_ops = c.private_key_operations();
  if (ok && fresh.valid()) {
    *session = fresh;
  }
  return ok;
}

int run_tls(const char* alg, int workload, size_t n) {
  const bool resume = workload == WL_TLS_RESUMED;
  const uint16_t suite = static_cast<uint16_t>(wl_tls_suite(workload));
  static uint8_t ca_der[4096];
  static uint8_t cert_der[4096];
  static uint8_t key_pem[4096];
  // tls-full-ecdsa: the all-P-256 files (ca-ec.der, client-ec.der, client-ec.key).
  const bool ecdsa = workload == WL_TLS_FULL_ECDSA;
  const size_t ca_len = read_test_file(wl_tls_file(workload, "ca", ".der"), ca_der, sizeof ca_der);
  const size_t cert_len =
      read_test_file(wl_tls_file(workload, "client", ".der"), cert_der, sizeof cert_der);
  const size_t key_len =
      read_test_file(wl_tls_file(workload, "client", ".key"), key_pem, sizeof key_pem);
  if (ca_len == 0 || cert_len == 0 || key_len == 0) {
    return WL_EXIT_FAIL;
  }
  static x509::Certificate anchor;
  static RsaPrivateKey key;
  static EcPrivateKey ec_key;
  Status s = x509::parse_certificate(&anchor, ByteView(ca_der, ca_len));
  if (s != Status::ok) {
    return fail("x509::parse_certificate(ca.der)", s);
  }
  s = ecdsa ? ec_private_key_load(&ec_key, ByteView(key_pem, key_len))
            : rsa_private_key_load(&key, ByteView(key_pem, key_len));
  if (s != Status::ok) {
    return fail(ecdsa ? "ec_private_key_load(client-ec.key)" : "rsa_private_key_load(client.key)", s);
  }
  static FixedSeedRng rng;
  s = rng.init();
  if (s != Status::ok) {
    return fail("HmacDrbg::instantiate", s);
  }
  tls::RsaClientKey rsa_client_key(key, rng);
  tls::EcClientKey ec_client_key(ec_key, rng);
  tls::ClientKey* client_key = ecdsa ? static_cast<tls::ClientKey*>(&ec_client_key) : &rsa_client_key;
  const ByteView chain[1] = {ByteView(cert_der, cert_len)};
  const uint16_t suites[1] = {suite};
  tls::ClientConfig cfg;
  cfg.m_suites = Span<const uint16_t>(suites, 1);
  cfg.m_server_name = ByteView(reinterpret_cast<const uint8_t*>(WL_TLS_HOST), sizeof(WL_TLS_HOST) - 1);
  cfg.m_trust.m_certs = Span<const x509::Certificate>(&anchor, 1);
  cfg.m_client_chain = Span<const ByteView>(chain, 1);
  cfg.m_client_key = client_key;
  cfg.m_rng = &rng;
  cfg.m_aes_impl = g_aes_impl;
  // Whole records in and out, and a handshake buffer as the engine's header advises.
  static uint8_t in[tls::kInputBufferFull];
  static uint8_t out[tls::kInputBufferFull];
  static uint8_t hs[8192];
  static tls::Session session;
  const size_t total = resume ? n + 1 : n;
  TlsOutcome o;
  for (size_t i = 0; i < total; i++) {
    const bool resuming = resume && i > 0;
    cfg.m_session = resuming ? &session : nullptr;
    if (!tls_connection(workload, cfg, MutableBytes(in), MutableBytes(out), MutableBytes(hs),
                        &session, &o)) {
      return WL_EXIT_FAIL;
    }
    if (o.m_version != WL_TLS_VERSION || o.m_suite != suite) {
      std::fprintf(stderr, "petrel_insn_driver: negotiated %04x/%04x\n", o.m_version, o.m_suite);
      return WL_EXIT_FAIL;
    }
    if (o.m_resumed != resuming) {
      std::fprintf(stderr, "petrel_insn_driver: handshake %zu %s resumed\n", i,
                   o.m_resumed ? "was" : "was not");
      return WL_EXIT_FAIL;
    }
    if (!resuming && (!o.m_cert_sent || o.m_private_ops != 1)) {
      std::fprintf(stderr, "petrel_insn_driver: full handshake %zu: client certificate %s, %zu private-key operations\n",
                   i, o.m_cert_sent ? "sent" : "not sent", o.m_private_ops);
      return WL_EXIT_FAIL;
    }
    if (resuming && o.m_private_ops != 0) {
      std::fprintf(stderr, "petrel_insn_driver: resumed handshake made %zu RSA private operations\n", o.m_private_ops);
      return WL_EXIT_FAIL;
    }
    if (resume && i == 0 && !session.valid()) {
      std::fprintf(stderr, "petrel_insn_driver: the server did not make the session resumable\n");
      return WL_EXIT_FAIL;
    }
  }
  wl_tls_print_result(alg, n, o.m_version, o.m_suite, resume);
  return WL_EXIT_OK;
}

}  // namespace petrel_insn
