// What `petrel s_client` and `petrel get` share: the TLS options (in openssl s_client's
// spelling), loading the trust store, client certificate, key and session file into a
// tls::ClientConfig, connecting and running the handshake over tls/io/socket.h, the handshake
// summary, and failure reports that name the reason (the engine's text, the certificate
// verification error and depth, a client certificate the server wanted and did not get).
#ifndef PETREL_TOOLS_PETREL_TLS_COMMON_H
#define PETREL_TOOLS_PETREL_TLS_COMMON_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "crypto/rsa/rsa.h"
#include "tls/client.h"
#include "tls/io/socket.h"
#include "tools/petrel/certs.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

struct TlsOptions {
  std::vector<std::string> ca_files;
  std::string cert_file;
  std::string key_file;
  std::vector<std::string> chain_files;
  std::string servername;       // SNI and the name checked; default: the host connected to
  std::string verify_hostname;  // the name checked, if not the server name
  std::string cipher;
  uint16_t min_version = petrel::tls::kTls12;
  uint16_t max_version = petrel::tls::kTls12;
  std::string sess_in;
  std::string sess_out;
  size_t max_fragment_length = 0;
  int timeout_ms = 10000;
  bool quiet = false;
  bool no_ems = false;
  bool require_ems = false;
  bool no_etm = false;
  bool no_ticket = false;
  bool noverify = false;
};

// The TLS options' values that are checked after the parse (TlsOptions holds the rest).
struct TlsOptionText {
  int version = 0;  // -tls1, -tls1_1, -tls1_2 (the last one given); 0: the default
  std::string maxfraglen;
  std::string timeout;
  bool maxfraglen_seen = false;
  bool timeout_seen = false;
};

// Appends the TLS options (openssl s_client's spelling, options.h rows: one declaration for the
// parser and the help) to *table: their values go to *o and *text. -noverify is not among them
// (s_client offers it, get does not).
void add_tls_options(std::vector<Option>* table, TlsOptions* o, TlsOptionText* text);
// After the parse: checks the values in `text` and stores them in *o. Prints the error and
// returns false on a bad value.
bool finish_tls_options(const char* cmd, const TlsOptionText& text, TlsOptions* o);
// The suite names -cipher accepts (tls/suites.h, the table's order), for the help's notes.
std::string tls_suite_names();

// Everything a ClientConfig points to, kept alive for the connection, and the connection.
class TlsSession final {
 public:
  TlsSession() = default;
  ~TlsSession();
  TlsSession(const TlsSession&) = delete;
  TlsSession& operator=(const TlsSession&) = delete;

  // Loads the files and builds the configuration for `host`. Prints the error and returns
  // false on failure. Refuses to go on without a trust store unless -noverify.
  bool prepare(const char* cmd, const TlsOptions& o, const std::string& host);
  // Connects to host:port and runs the handshake; prints the summary (unless quiet) or the
  // reason for a failure. Writes -sess_out after a successful handshake.
  bool connect_and_handshake(const std::string& host, const std::string& port);

  petrel::tls::Client& client() { return *m_client; }
  petrel::tls::io::SocketConnection& conn() { return *m_conn; }
  // Prints "petrel <cmd>: <what>: <reason>" for a failed driver call, with the TLS details.
  void report_failure(const char* what);
  void close_socket();
  int socket_fd() const { return m_fd; }

 private:
  void print_summary(double ms);
  bool save_session();

  const char* m_cmd = "";
  TlsOptions m_opts;
  CertBundle m_trust;
  std::vector<std::vector<uint8_t>> m_chain_der;
  std::vector<petrel::ByteView> m_chain;
  std::unique_ptr<petrel::RsaPrivateKey> m_key;
  std::unique_ptr<petrel::tls::RsaClientKey> m_client_key;
  std::unique_ptr<petrel::EcPrivateKey> m_ec_key;  // an EC client key (P-256/P-384) instead
  std::unique_ptr<petrel::tls::EcClientKey> m_ec_client_key;
  std::vector<uint16_t> m_suites;
  std::unique_ptr<petrel::tls::Session> m_session_in;
  petrel::tls::Session m_session_out;  // the engine writes the connection's session here
  std::string m_name;
  std::string m_verify_name;
  petrel::tls::ClientConfig m_config;
  std::vector<uint8_t> m_in_buf;
  std::vector<uint8_t> m_out_buf;
  std::vector<uint8_t> m_hs_buf;
  std::unique_ptr<petrel::tls::Client> m_client;
  std::unique_ptr<petrel::tls::io::SocketConnection> m_conn;
  int m_fd = -1;
};

// "host:port", "[v6]:port" -> host, port. Returns false if malformed.
bool split_host_port(const std::string& s, std::string* host, std::string* port);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_TLS_COMMON_H
