// The client's key schedule (RFC 5246 section 6.3 and 8.1; RFC 7627 for the extended master
// secret; RFC 2246 5 for the TLS 1.0/1.1 PRF): the running transcript hashes, the master
// secret, the key block and the Finished values. Secrets live in the Client and are wiped by
// Client::wipe_secrets().
#include <cstring>

#include "crypto/kdf/tls_prf.h"
#include "crypto/util/build_config.h"
#include "crypto/util/wipe.h"
#include "tls/client.h"
#include "tls/messages.h"
#include "tls/transcript_internal.h"

namespace petrel {
namespace tls {
namespace {

ByteView label(const char* s) noexcept {
  return ByteView(reinterpret_cast<const uint8_t*>(s), std::strlen(s));
}

}  // namespace

// ---- transcript --------------------------------------------------------------------------------

void Client::transcript_add(ByteView msg) noexcept {
  if (kBuildTls10 && (m_th_active & kThMd5)) {
    md5_update(&th().md5, msg.data(), msg.size());
  }
  if (m_th_active & kThSha1) {
    sha1_update(&th().sha1, msg.data(), msg.size());
  }
  if (m_th_active & kThSha256) {
    sha256_update(&th().sha256, msg.data(), msg.size());
  }
  if (kBuildSha512 && (m_th_active & kThSha384)) {
    sha512_update(&th().sha384, msg.data(), msg.size());
  }
}

unsigned Client::transcript_bits(SignHash h) const noexcept {
  switch (h) {
    case SignHash::md5_sha1:
      return kThMd5 | kThSha1;
    case SignHash::sha1:
      return kThSha1;
    case SignHash::sha256:
      return kThSha256;
    case SignHash::sha384:
      return kBuildSha512 ? kThSha384 : 0;
    case SignHash::sha512:
      return 0;
  }
  return 0;
}

void Client::transcript_keep(unsigned mask) noexcept {
  unsigned drop = m_th_active & ~mask;
  if (kBuildTls10 && (drop & kThMd5)) {
    secure_wipe_object(th().md5);
  }
  if (drop & kThSha1) {
    secure_wipe_object(th().sha1);
  }
  if (drop & kThSha256) {
    secure_wipe_object(th().sha256);
  }
  if (kBuildSha512 && (drop & kThSha384)) {
    secure_wipe_object(th().sha384);
  }
  m_th_active &= mask;
}

bool Client::transcript_hash(SignHash h, MutableBytes out, size_t* out_len) const noexcept {
  *out_len = 0;
  unsigned need = transcript_bits(h);
  if (need == 0 || (m_th_active & need) != need) {
    return false;  // a hash the handshake stopped keeping: an internal error
  }
  switch (h) {
    // Each digest is taken from a copy: the running hash goes on.
    case SignHash::md5_sha1: {
      if (!kBuildTls10 || out.size() < 36) {  // TLS 1.0/1.1 only (PETREL_MINIMAL: not built)
        return false;
      }
      Md5State a = th().md5;
      Sha1State b = th().sha1;
      md5_final(&a, out.data());
      sha1_final(&b, out.data() + 16);
      secure_wipe_object(a);
      secure_wipe_object(b);
      *out_len = 36;
      return true;
    }
    case SignHash::sha1: {
      if (out.size() < 20) {
        return false;
      }
      Sha1State c = th().sha1;
      sha1_final(&c, out.data());
      secure_wipe_object(c);
      *out_len = 20;
      return true;
    }
    case SignHash::sha256: {
      if (out.size() < 32) {
        return false;
      }
      Sha256State c = th().sha256;
      sha256_final(&c, out.data(), 32);
      secure_wipe_object(c);
      *out_len = 32;
      return true;
    }
    case SignHash::sha384: {
      if (!kBuildSha512 || out.size() < 48) {
        return false;
      }
      Sha512State c = th().sha384;
      sha512_final(&c, out.data(), 48);
      secure_wipe_object(c);
      *out_len = 48;
      return true;
    }
    case SignHash::sha512:
      return false;  // not kept: never chosen (RsaClientKey lists SHA-512 after SHA-256/384)
  }
  return false;
}

// The hash the handshake uses for Finished and extended_master_secret.
SignHash Client::prf_transcript_hash() const noexcept {
  if (m_version < kTls12) {
    return SignHash::md5_sha1;
  }
  return m_suite->m_prf == HashAlg::sha384 ? SignHash::sha384 : SignHash::sha256;
}

static Status prf(uint16_t version, HashAlg alg, MutableBytes out, ByteView secret, ByteView lab,
                  ByteView seed) noexcept {
  if (version >= kTls12) {
    return tls12_prf(alg, out, secret, lab, seed);
  }
  if (!kBuildTls10) {
    return Status::unsupported;
  }
  return tls10_prf(out, secret, lab, seed);
}

bool Client::derive_master_secret(ByteView premaster) noexcept {
  Status st;
  if (m_ems) {
    uint8_t session_hash[kMaxDigestSize];
    size_t len = 0;
    if (!transcript_hash(prf_transcript_hash(), MutableBytes(session_hash), &len)) {
      return false;
    }
    st = prf(m_version, m_suite->m_prf, MutableBytes(m_master), premaster,
             label("extended master secret"), ByteView(session_hash, len));
  } else {
    uint8_t seed[64];
    std::memcpy(seed, m_client_random, 32);
    std::memcpy(seed + 32, m_server_random, 32);
    st = prf(m_version, m_suite->m_prf, MutableBytes(m_master), premaster, label("master secret"),
             ByteView(seed, 64));
  }
  return st == Status::ok;
}

bool Client::derive_key_block() noexcept {
  const size_t mac = record_mac_size(m_suite->m_mac);
  const size_t key = bulk_key_size(m_suite->m_cipher);
  const size_t iv = bulk_fixed_iv_size(m_suite->m_cipher, m_version);
  uint8_t seed[64];
  std::memcpy(seed, m_server_random, 32);
  std::memcpy(seed + 32, m_client_random, 32);
  // client MAC key, server MAC key, client key, server key, client IV, server IV
  uint8_t kb[2 * (kMaxRecordMacSize + 32 + 16)];
  const size_t len = 2 * (mac + key + iv);
  if (len > sizeof(kb)) {
    return false;
  }
  bool ok = prf(m_version, m_suite->m_prf, MutableBytes(kb, len), ByteView(m_master),
                label("key expansion"), ByteView(seed, 64)) == Status::ok;
  for (size_t side = 0; ok && side < 2; side++) {  // the client writes with the client_write keys
    RecordKeys keys;
    keys.m_mac_key = ByteView(kb + side * mac, mac);
    keys.m_enc_key = ByteView(kb + 2 * mac + side * key, key);
    keys.m_fixed_iv = ByteView(kb + 2 * mac + 2 * key + side * iv, iv);
    RecordProtection& rp = side == 0 ? m_write : m_read;
    ok = rp.init_pending(m_suite->m_cipher, m_suite->m_mac, m_version, m_etm, keys,
                         m_config.m_aes_impl) == Status::ok;
  }
  secure_wipe(kb, sizeof(kb));
  return ok;
}

bool Client::finished_verify_data(bool client, uint8_t out[12]) noexcept {
  uint8_t h[kMaxDigestSize];
  size_t len = 0;
  if (!transcript_hash(prf_transcript_hash(), MutableBytes(h), &len)) {
    return false;
  }
  return tls::finished_verify_data(out, m_version, m_suite->m_prf, ByteView(m_master), client,
                                   ByteView(h, len)) == Status::ok;
}

}  // namespace tls
}  // namespace petrel
