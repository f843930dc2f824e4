// RSA key exchange (RFC 5246 7.4.7.1): a 48-byte premaster secret, client_version followed by 46
// random bytes, encrypted with PKCS#1 v1.5 to the server's certificate key.
#include "tls/key_exchange.h"

#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_keys.h"
#include "crypto/util/wipe.h"
#include "tls/messages.h"

namespace petrel {
namespace tls {

bool kx_needs_server_key_exchange(KeyExchange kind) noexcept {
  switch (kind) {
    case KeyExchange::rsa:
      return false;
  }
  return false;
}

Status kx_check_server_certificate(KeyExchange kind, const x509::Certificate& leaf,
                                   const char** why) noexcept {
  switch (kind) {
    case KeyExchange::rsa:
      if (leaf.m_key.m_info.m_type != x509::KeyType::rsa) {
        *why = "the server certificate's key is not an RSA key (RSA key exchange)";
        return Status::unsupported;
      }
      if ((leaf.m_extensions & x509::kExtKeyUsage) != 0 &&
          (leaf.m_key_usage & x509::kKuKeyEncipherment) == 0) {
        *why = "the server certificate's keyUsage does not allow keyEncipherment (RSA key exchange)";
        return Status::unsupported;
      }
      return Status::ok;
  }
  *why = "unknown key exchange";
  return Status::unsupported;
}

Status kx_write_client_key_exchange(Writer* w, MutableBytes premaster, size_t* premaster_len,
                                    const KeyExchangeInput& in) noexcept {
  *premaster_len = 0;
  if (in.m_kind != KeyExchange::rsa || premaster.size() < 48) {
    return Status::invalid_argument;
  }
  RsaPublicKey key;
  Status st = rsa_public_key_from_spki(&key, in.m_peer_spki);
  if (st != Status::ok) {
    return st;
  }
  premaster[0] = static_cast<uint8_t>(in.m_client_version >> 8);
  premaster[1] = static_cast<uint8_t>(in.m_client_version);
  st = in.m_rng->generate(premaster.subspan(2, 46));
  if (st != Status::ok) {
    secure_wipe(premaster.data(), 48);
    return st;
  }
  uint8_t enc[kRsaMaxModulusBytes];
  st = rsa_pkcs1_encrypt(MutableBytes(enc, sizeof(enc)), key, premaster.first(48), *in.m_rng);
  if (st != Status::ok) {
    secure_wipe(premaster.data(), 48);
    return st;
  }
  write_client_key_exchange_rsa(w, ByteView(enc, key.size()));
  *premaster_len = 48;
  return Status::ok;
}

}  // namespace tls
}  // namespace petrel
