// The TLS plumbing shared by `petrel s_client` and `petrel get` (tls_common.h).
#include "tools/petrel/tls_common.h"

#include <chrono>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/util/wipe.h"
#include "crypto/x509/verify.h"
#include "tls/suites.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"

namespace petrel_tool {

using petrel::ByteView;
using petrel::Status;
namespace tls = petrel::tls;
namespace io = petrel::tls::io;
namespace x509 = petrel::x509;

void add_tls_options(std::vector<Option>* table, TlsOptions* o, TlsOptionText* text) {
  const std::vector<Option> rows = {
      values("CAfile", "FILE", "trust anchors for the server's chain (PEM or DER; may repeat)",
             &o->ca_files),
      value("cert", "FILE", "client certificate (PEM: leaf first, may hold its chain)",
            &o->cert_file),
      value("key", "FILE", "its RSA or EC (P-256/P-384) private key (default: the -cert file)",
            &o->key_file),
      values("cert_chain", "FILE", "more certificates sent after the client certificate",
             &o->chain_files),
      value("servername", "NAME", "SNI and the name checked (default: the host connected to)",
            &o->servername),
      value("verify_hostname", "NAME", "check this name instead", &o->verify_hostname),
      value("cipher", "LIST", "suites, OpenSSL names ('AES128-GCM-SHA256:AES256-SHA', 'RC4')",
            &o->cipher),
      choice("tls1", "only TLS 1.0", &text->version, tls::kTls10),
      choice("tls1_1", "only TLS 1.1", &text->version, tls::kTls11),
      choice("tls1_2", "only TLS 1.2 (the default)", &text->version, tls::kTls12),
      value("sess_out", "FILE",
            "save the session for resumption (mode 0600: it holds the master secret)",
            &o->sess_out),
      value("sess_in", "FILE", "resume this session", &o->sess_in),
      value("maxfraglen", "N", "max_fragment_length 512, 1024, 2048 or 4096", &text->maxfraglen,
            &text->maxfraglen_seen),
      value("timeout", "S",
            "limit for connecting, for each wait for the server, and for all\n"
            "                        the handshake's waits added up (default 10)",
            &text->timeout, &text->timeout_seen),
      flag("no_ems", "do not offer extended_master_secret", &o->no_ems),
      flag("require_ems", "insist on extended_master_secret", &o->require_ems),
      flag("no_etm", "do not offer encrypt_then_mac", &o->no_etm),
      flag("no_ticket", "do not offer session tickets", &o->no_ticket),
      flag("quiet", "no handshake summary", &o->quiet),
  };
  table->insert(table->end(), rows.begin(), rows.end());
}

bool finish_tls_options(const char* cmd, const TlsOptionText& text, TlsOptions* o) {
  if (text.version != 0) {
    o->min_version = static_cast<uint16_t>(text.version);
    o->max_version = static_cast<uint16_t>(text.version);
  }
  if (text.maxfraglen_seen) {
    size_t n = 0;
    if (!parse_size(text.maxfraglen, &n) || (n != 512 && n != 1024 && n != 2048 && n != 4096)) {
      fail(cmd, "-maxfraglen must be 512, 1024, 2048 or 4096, not '%s'", text.maxfraglen.c_str());
      return false;
    }
    o->max_fragment_length = n;
  }
  if (text.timeout_seen) {
    size_t s = 0;
    if (!parse_size(text.timeout, &s) || s == 0 || s > 3600) {
      fail(cmd, "-timeout must be 1..3600 seconds, not '%s'", text.timeout.c_str());
      return false;
    }
    o->timeout_ms = static_cast<int>(s * 1000);
  }
  return true;
}

std::string tls_suite_names() {
  std::string out = "suites for -cipher (also DEFAULT, ALL, RC4; LEGACY ones only when named):\n";
  size_t col = 0;
  for (const tls::SuiteInfo& s : tls::all_suites()) {
    const size_t len = std::strlen(s.m_name) + (s.m_legacy ? 9 : 0);
    if (col != 0 && col + 1 + len > 96) {
      out += "\n";
      col = 0;
    }
    out += col == 0 ? "  " : " ";
    out += s.m_name;
    out += s.m_legacy ? " (LEGACY)" : "";
    col += (col == 0 ? 2 : 1) + len;
  }
  out += "\n";
  return out;
}

namespace {

ByteView view(const std::string& s) {
  return ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

}  // namespace

bool split_host_port(const std::string& s, std::string* host, std::string* port) {
  size_t colon;
  if (!s.empty() && s[0] == '[') {
    const size_t close = s.find(']');
    if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      return false;
    }
    *host = s.substr(1, close - 1);
    colon = close + 1;
  } else {
    colon = s.rfind(':');
    if (colon == std::string::npos || s.find(':') != colon) {
      return false;
    }
    *host = s.substr(0, colon);
  }
  *port = s.substr(colon + 1);
  size_t p = 0;
  if (host->empty() || !parse_size(*port, &p) || p == 0 || p > 65535) {
    return false;
  }
  return true;
}

TlsSession::~TlsSession() {
  m_conn.reset();
  m_client.reset();  // wipes the engine's secrets
  close_socket();
  if (m_session_in) {
    m_session_in->wipe();
  }
}

void TlsSession::close_socket() {
  if (m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
}

bool TlsSession::prepare(const char* cmd, const TlsOptions& o, const std::string& host) {
  m_cmd = cmd;
  m_opts = o;
  std::string error;
  if (o.ca_files.empty() && !o.noverify) {
    fail(cmd, "no trust store (-CAfile) given: refusing to connect to a server that cannot be "
              "verified (-noverify connects anyway, for diagnostics only)");
    return false;
  }
  for (const std::string& f : o.ca_files) {
    if (!load_cert_bundle(f, kBundleLimit, &m_trust, &error)) {
      fail(cmd, "%s", error.c_str());
      return false;
    }
  }
  if (!o.ca_files.empty() && m_trust.m_certs.empty()) {
    fail(cmd, "no certificate in the -CAfile file(s)");
    return false;
  }
  if (o.noverify) {
    std::fprintf(stderr,
                 "WARNING: -noverify: the server's certificate is NOT checked; anyone in the path "
                 "can impersonate the server. Diagnostics only.\n");
  }
  if (o.cert_file.empty() && (!o.key_file.empty() || !o.chain_files.empty())) {
    fail(cmd, "-key and -cert_chain need -cert");
    return false;
  }
  if (!o.cert_file.empty()) {
    if (!load_der_blobs(o.cert_file, "CERTIFICATE", kObjectLimit, &m_chain_der, &error)) {
      fail(cmd, "%s", error.c_str());
      return false;
    }
    if (m_chain_der.empty()) {
      fail(cmd, "%s: no certificate", o.cert_file.c_str());
      return false;
    }
    for (const std::string& f : o.chain_files) {
      if (!load_der_blobs(f, "CERTIFICATE", kBundleLimit, &m_chain_der, &error)) {
        fail(cmd, "%s", error.c_str());
        return false;
      }
    }
    for (const auto& d : m_chain_der) {
      m_chain.emplace_back(d.data(), d.size());
    }
    const std::string key_file = o.key_file.empty() ? o.cert_file : o.key_file;
    bool ec = false;
    m_ec_key.reset(new petrel::EcPrivateKey());
    m_key = new_private_key();
    if (!load_rsa_or_ec_private_key(cmd, key_file, kFormAny, m_key.get(), m_ec_key.get(), &ec)) {
      return false;
    }
    // The key must be the certificate's (crypto/x509: compared by value), or the server would
    // only say "decrypt_error" after the handshake.
    petrel::x509::Certificate leaf;
    if (petrel::x509::parse_certificate(&leaf, ByteView(m_chain_der[0].data(), m_chain_der[0].size())) !=
        Status::ok) {
      fail(cmd, "%s: the client certificate cannot be parsed", o.cert_file.c_str());
      return false;
    }
    if ((ec ? petrel::x509::check_private_key_matches(leaf, *m_ec_key)
            : petrel::x509::check_private_key_matches(leaf, *m_key)) != Status::ok) {
      fail(cmd, "%s: the private key does not match the client certificate %s",
           (o.key_file.empty() ? o.cert_file : o.key_file).c_str(), o.cert_file.c_str());
      return false;
    }
    if (ec) {
      m_ec_client_key.reset(new tls::EcClientKey(*m_ec_key, petrel::default_rng()));
    } else {
      m_client_key.reset(new tls::RsaClientKey(*m_key, petrel::default_rng()));
    }
  }
  if (!o.cipher.empty()) {
    m_suites.resize(32);
    size_t n = 0;
    ByteView bad;
    const Status st = tls::parse_suite_list(petrel::Span<uint16_t>(m_suites.data(), m_suites.size()),
                                            &n, view(o.cipher), &bad);
    if (st != Status::ok) {
      if (bad.size() > 0) {
        fail(cmd, "unknown cipher suite '%.*s' in -cipher", static_cast<int>(bad.size()),
             reinterpret_cast<const char*>(bad.data()));
      } else {
        fail(cmd, "cannot parse -cipher '%s' (%s)", o.cipher.c_str(), petrel::status_name(st));
      }
      return false;
    }
    m_suites.resize(n);
    for (uint16_t id : m_suites) {
      const tls::SuiteInfo* s = tls::find_suite(id);
      if (s != nullptr && s->m_legacy) {
        std::fprintf(stderr,
                     "WARNING: %s is weak and legacy (RC4 is broken; RFC 7465 prohibits it in "
                     "TLS): offered only for old servers\n",
                     s->m_name);
      }
    }
  }
  if (!o.sess_in.empty()) {
    std::vector<uint8_t> data;
    if (!read_whole(o.sess_in, kObjectLimit, Secret::yes, &data, &error)) {
      fail(cmd, "%s", error.c_str());
      return false;
    }
    m_session_in.reset(new tls::Session());
    const Status st = m_session_in->parse(ByteView(data.data(), data.size()));
    petrel::secure_wipe(data.data(), data.size());
    if (st != Status::ok) {
      fail(cmd, "%s: not a Petrel session file (%s)", o.sess_in.c_str(), petrel::status_name(st));
      return false;
    }
  }
  m_name = o.servername.empty() ? host : o.servername;
  m_verify_name = o.verify_hostname;

  tls::ClientConfig& c = m_config;
  c.m_min_version = o.min_version;
  c.m_max_version = o.max_version;
  c.m_suites = petrel::Span<const uint16_t>(m_suites.data(), m_suites.size());
  c.m_server_name = view(m_name);
  c.m_verify_hostname = view(m_verify_name);
  c.m_verify_peer = !o.noverify;
  c.m_trust.m_certs = petrel::Span<const x509::Certificate>(m_trust.m_certs.data(),
                                                            m_trust.m_certs.size());
  c.m_client_chain = petrel::Span<const ByteView>(m_chain.data(), m_chain.size());
  c.m_client_key = m_ec_client_key ? static_cast<tls::ClientKey*>(m_ec_client_key.get())
                                    : static_cast<tls::ClientKey*>(m_client_key.get());
  c.m_require_ems = o.require_ems;
  c.m_offer_etm = !o.no_etm;
  c.m_offer_tickets = !o.no_ticket;
  c.m_max_fragment_length = o.max_fragment_length;
  c.m_session = m_session_in.get();
  c.m_session_out = &m_session_out;
  // -no_ems: the engine always offers extended_master_secret (RFC 7627 says a client SHOULD);
  // there is no switch for it in ClientConfig, so -no_ems is refused rather than ignored.
  if (o.no_ems) {
    fail(cmd, "-no_ems: this build's TLS engine always offers extended_master_secret");
    return false;
  }

  m_in_buf.resize(tls::input_buffer_size(o.max_fragment_length));
  m_out_buf.resize(tls::input_buffer_size(o.max_fragment_length));
  m_hs_buf.resize(16 * 1024);
  m_client.reset(new tls::Client());
  if (m_client->init(c, petrel::MutableBytes(m_in_buf.data(), m_in_buf.size()),
                     petrel::MutableBytes(m_out_buf.data(), m_out_buf.size()),
                     petrel::MutableBytes(m_hs_buf.data(), m_hs_buf.size())) != Status::ok) {
    fail(cmd, "TLS configuration refused: %s", m_client->error_text());
    return false;
  }
  return true;
}

bool TlsSession::connect_and_handshake(const std::string& host, const std::string& port) {
  char err[256];
  if (io::connect_tcp(&m_fd, host.c_str(), port.c_str(), m_opts.timeout_ms, err, sizeof err) !=
      Status::ok) {
    fail(m_cmd, "%s", err);
    return false;
  }
  m_conn.reset(new io::SocketConnection(*m_client, m_fd, m_opts.timeout_ms));
  // -timeout bounds each wait and also the handshake's waits added up: a server that trickles
  // its flight a byte at a time cannot hold the client past it.
  m_conn->set_deadline(m_opts.timeout_ms);
  const auto t0 = std::chrono::steady_clock::now();
  const io::IoStatus st = m_conn->handshake();
  const auto t1 = std::chrono::steady_clock::now();
  m_conn->set_deadline(0);
  if (st != io::IoStatus::ok) {
    report_failure("handshake failed");
    return false;
  }
  if (!m_opts.quiet) {
    print_summary(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return save_session();
}

void TlsSession::report_failure(const char* what) {
  const io::IoStatus st = m_conn ? m_conn->last_status() : io::IoStatus::stalled;
  if (st != io::IoStatus::tls) {
    fail(m_cmd, "%s: %s", what, m_conn ? m_conn->error_text() : "no connection");
    return;
  }
  const tls::Client& c = *m_client;
  fail(m_cmd, "%s: %s (%s)", what, c.error_text(), tls::error_name(c.error()));
  if (c.verify_error() != x509::VerifyError::ok) {
    std::fprintf(stderr, "verify error: %s at depth %zu: %s\n",
                 x509::verify_error_name(c.verify_error()), c.verify_depth(),
                 x509::verify_error_text(c.verify_error()));
  }
  if (c.alert_received()) {
    std::fprintf(stderr, "the server sent the alert %s\n",
                 tls::alert_name(c.alert_received_description()));
  }
  if (c.client_certificate_requested() && !c.client_certificate_sent() && m_chain.empty() &&
      std::strstr(c.error_text(), "client certificate") == nullptr) {
    std::fprintf(stderr,
                 "the server requested a client certificate and none was configured "
                 "(-cert/-key): it refused the connection\n");
  }
  if (c.renegotiation_refused()) {
    std::fprintf(stderr,
                 "the server asked to renegotiate: refused (Petrel never renegotiates; "
                 "no_renegotiation warning sent)\n");
  }
}

void TlsSession::print_summary(double ms) {
  const tls::Client& c = *m_client;
  const tls::SuiteInfo* s = tls::find_suite(c.suite());
  const char* suite = s != nullptr ? s->m_name : "?";
  const bool aead = s != nullptr && s->m_mac == tls::RecordMac::none;
  std::fprintf(stderr, "---\n");
  std::fprintf(stderr, "%s, %s, Cipher is %s\n", c.resumed() ? "Reused" : "New",
               tls::version_name(c.version()), suite);
  std::fprintf(stderr, "Protocol: %s\n", tls::version_name(c.version()));
  std::fprintf(stderr, "Cipher: %s\n", suite);
  if (s != nullptr && s->m_legacy) {
    std::fprintf(stderr, "WARNING: the server chose %s, a weak legacy suite (RC4)\n", suite);
  }
  if (m_opts.noverify) {
    std::fprintf(stderr, "Verification: NOT DONE (-noverify)\n");
  } else {
    std::fprintf(stderr, "Verification: OK (chain to the trust store, name '%s')\n",
                 m_verify_name.empty() ? m_name.c_str() : m_verify_name.c_str());
  }
  std::fprintf(stderr, "Resumed: %s\n", c.resumed() ? "yes" : "no");
  std::fprintf(stderr, "Extended master secret: %s\n", c.ems() ? "yes" : "no");
  std::fprintf(stderr, "Encrypt-then-MAC: %s\n", aead ? "n/a (AEAD)" : c.etm() ? "yes" : "no");
  std::fprintf(stderr, "Secure renegotiation: %s\n",
               c.secure_renegotiation() ? "supported by the server (never used)" : "no");
  if (c.max_fragment_length() != 0) {
    std::fprintf(stderr, "Max fragment length: %zu\n", c.max_fragment_length());
  } else {
    std::fprintf(stderr, "Max fragment length: none\n");
  }
  if (!c.client_certificate_requested()) {
    std::fprintf(stderr, "Client certificate: not requested\n");
  } else if (c.client_certificate_sent()) {
    std::fprintf(stderr, "Client certificate: requested, sent\n");
  } else {
    std::fprintf(stderr, "Client certificate: requested, none configured (empty list sent)\n");
  }
  std::fprintf(stderr, "Handshake: %.1f ms, %zu RSA private-key operation(s)\n", ms,
               c.private_key_operations());
  std::fprintf(stderr, "---\n");
}

bool TlsSession::save_session() {
  if (m_opts.sess_out.empty()) {
    return true;
  }
  const tls::Session& s = m_session_out;
  if (!s.valid()) {
    std::fprintf(stderr, "the server offers no resumption: %s not written\n",
                 m_opts.sess_out.c_str());
    return true;
  }
  std::vector<uint8_t> buf(tls::Session::kMaxSerializedSize);
  size_t len = 0;
  if (s.serialize(petrel::MutableBytes(buf.data(), buf.size()), &len) != Status::ok) {
    fail(m_cmd, "cannot serialize the session");
    return false;
  }
  // The file holds the master secret: created 0600, and an existing file is made 0600 first.
  const int fd = ::open(m_opts.sess_out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
                        0600);
  bool ok = fd >= 0 && ::fchmod(fd, 0600) == 0;
  size_t off = 0;
  while (ok && off < len) {
    const ssize_t n = ::write(fd, buf.data() + off, len - off);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    ok = n > 0;
    off += ok ? static_cast<size_t>(n) : 0;
  }
  const int saved = errno;
  if (fd >= 0 && ::close(fd) != 0) {
    ok = false;
  }
  petrel::secure_wipe(buf.data(), buf.size());
  if (!ok) {
    fail(m_cmd, "cannot write %s: %s", m_opts.sess_out.c_str(), std::strerror(saved));
    return false;
  }
  return true;
}

}  // namespace petrel_tool
