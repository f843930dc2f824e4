// The device side of tests/tls/local_server.sh for the measuring programs (handshake_memory,
// soak): loads the PKI that script makes (ca.der, dev.der, dev.key) and fills in a mutual-auth
// ClientConfig for "localhost". Exits the program on a file it cannot load.
#ifndef PETREL_TESTS_TLS_LOCAL_DEVICE_H
#define PETREL_TESTS_TLS_LOCAL_DEVICE_H

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "crypto/rsa/rsa_key_files.h"
#include "tls/client.h"

namespace petrel_test {

inline std::vector<uint8_t> read_file_or_exit(const char* path) {
  std::vector<uint8_t> v;
  FILE* f = std::fopen(path, "rb");
  if (f == nullptr) {
    std::perror(path);
    std::exit(1);
  }
  int c;
  while ((c = std::fgetc(f)) != EOF) {
    v.push_back(static_cast<uint8_t>(c));
  }
  std::fclose(f);
  return v;
}

// The device's trust anchor, certificate and key; `config()` refers to them, so the object
// outlives every connection made with it.
class LocalDevice final {
 public:
  LocalDevice(const char* ca_der, const char* cert_der, const char* key_file)
      : m_ca(read_file_or_exit(ca_der)), m_cert(read_file_or_exit(cert_der)),
        m_key_file(read_file_or_exit(key_file)), m_client_key(m_key, petrel::default_rng()) {
    if (petrel::x509::parse_certificate(&m_anchor, petrel::ByteView(m_ca)) != petrel::Status::ok ||
        petrel::rsa_private_key_load(&m_key, petrel::ByteView(m_key_file)) != petrel::Status::ok) {
      std::fprintf(stderr, "cannot load the CA certificate or the key\n");
      std::exit(1);
    }
    m_chain[0] = petrel::ByteView(m_cert);
    m_config.m_trust.m_certs = petrel::Span<const petrel::x509::Certificate>(&m_anchor, 1);
    m_config.m_server_name = petrel::ByteView(reinterpret_cast<const uint8_t*>("localhost"), 9);
    m_config.m_client_chain = petrel::Span<const petrel::ByteView>(m_chain, 1);
    m_config.m_client_key = &m_client_key;
  }
  petrel::tls::ClientConfig& config() { return m_config; }

 private:
  std::vector<uint8_t> m_ca, m_cert, m_key_file;
  petrel::x509::Certificate m_anchor;
  petrel::RsaPrivateKey m_key;
  petrel::tls::RsaClientKey m_client_key;
  petrel::ByteView m_chain[1];
  petrel::tls::ClientConfig m_config;
};

}  // namespace petrel_test

#endif  // PETREL_TESTS_TLS_LOCAL_DEVICE_H
