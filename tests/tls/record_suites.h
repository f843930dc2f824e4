// Shared by the record tests: every (cipher, MAC, version, encrypt_then_mac) combination that is
// a TLS suite's record protection, deterministic keys for it, and a deterministic Rng for the
// explicit CBC IVs.
#ifndef PETREL_TESTS_TLS_RECORD_SUITES_H
#define PETREL_TESTS_TLS_RECORD_SUITES_H

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/rand/rng.h"
#include "tls/record.h"

namespace petrel_test {

struct RecordCombo {
  petrel::tls::BulkCipher cipher;
  petrel::tls::RecordMac mac;
  uint16_t version;
  bool etm;
};

inline const char* cipher_name(petrel::tls::BulkCipher c) {
  using petrel::tls::BulkCipher;
  switch (c) {
    case BulkCipher::null: return "null";
    case BulkCipher::rc4_128: return "rc4";
    case BulkCipher::aes128_cbc: return "aes128-cbc";
    case BulkCipher::aes256_cbc: return "aes256-cbc";
    case BulkCipher::aes128_gcm: return "aes128-gcm";
    case BulkCipher::aes256_gcm: return "aes256-gcm";
    case BulkCipher::chacha20_poly1305: return "chacha20-poly1305";
  }
  return "?";
}

inline const char* mac_name(petrel::tls::RecordMac m) {
  using petrel::tls::RecordMac;
  switch (m) {
    case RecordMac::none: return "aead";
    case RecordMac::hmac_md5: return "md5";
    case RecordMac::hmac_sha1: return "sha1";
    case RecordMac::hmac_sha256: return "sha256";
    case RecordMac::hmac_sha384: return "sha384";
  }
  return "?";
}

inline std::string combo_name(const RecordCombo& c) {
  std::string s = std::string(cipher_name(c.cipher)) + "/" + mac_name(c.mac) + "/tls1." +
                  std::to_string((c.version & 0xff) - 1);
  if (c.etm) {
    s += "/etm";
  }
  return s;
}

inline bool is_cbc_combo(const RecordCombo& c) {
  return c.cipher == petrel::tls::BulkCipher::aes128_cbc ||
         c.cipher == petrel::tls::BulkCipher::aes256_cbc;
}
inline bool uses_aes(const RecordCombo& c) {
  return c.cipher != petrel::tls::BulkCipher::null && c.cipher != petrel::tls::BulkCipher::rc4_128 &&
         c.cipher != petrel::tls::BulkCipher::chacha20_poly1305;
}

// Every protected combination (not null).
inline std::vector<RecordCombo> all_record_combos() {
  using namespace petrel::tls;
  std::vector<RecordCombo> out;
  for (uint16_t v : {kTls10, kTls11, kTls12}) {
    for (RecordMac m : {RecordMac::hmac_md5, RecordMac::hmac_sha1}) {
      out.push_back({BulkCipher::rc4_128, m, v, false});
    }
    for (BulkCipher c : {BulkCipher::aes128_cbc, BulkCipher::aes256_cbc}) {
      for (RecordMac m : {RecordMac::hmac_sha1, RecordMac::hmac_sha256, RecordMac::hmac_sha384}) {
        out.push_back({c, m, v, false});
        out.push_back({c, m, v, true});
      }
    }
  }
  out.push_back({BulkCipher::aes128_gcm, RecordMac::none, kTls12, false});
  out.push_back({BulkCipher::aes256_gcm, RecordMac::none, kTls12, false});
  out.push_back({BulkCipher::chacha20_poly1305, RecordMac::none, kTls12, false});
  return out;
}

// Key material for a combination, derived from `seed` (distinct bytes per field).
struct RecordKeyMaterial {
  std::vector<uint8_t> mac_key;
  std::vector<uint8_t> enc_key;
  std::vector<uint8_t> fixed_iv;
  petrel::tls::RecordKeys keys() const {
    return {petrel::ByteView(mac_key.data(), mac_key.size()),
            petrel::ByteView(enc_key.data(), enc_key.size()),
            petrel::ByteView(fixed_iv.data(), fixed_iv.size())};
  }
};

inline RecordKeyMaterial record_keys_for(const RecordCombo& c, uint8_t seed) {
  RecordKeyMaterial k;
  k.mac_key.resize(petrel::tls::record_mac_size(c.mac));
  k.enc_key.resize(petrel::tls::bulk_key_size(c.cipher));
  k.fixed_iv.resize(petrel::tls::bulk_fixed_iv_size(c.cipher, c.version));
  for (size_t i = 0; i < k.mac_key.size(); i++) {
    k.mac_key[i] = static_cast<uint8_t>(seed * 3 + 0x40 + i * 5);
  }
  for (size_t i = 0; i < k.enc_key.size(); i++) {
    k.enc_key[i] = static_cast<uint8_t>(seed * 7 + 0x81 + i * 13);
  }
  for (size_t i = 0; i < k.fixed_iv.size(); i++) {
    k.fixed_iv[i] = static_cast<uint8_t>(seed + 0xc3 + i * 29);
  }
  return k;
}

// Deterministic Rng (a 64-bit LCG); two with the same seed give the same bytes.
class TestRng final : public petrel::Rng {
 public:
  explicit TestRng(uint64_t seed = 1) : m_state(seed) {}
  petrel::Status generate(petrel::MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      m_state = m_state * 6364136223846793005ull + 1442695040888963407ull;
      out[i] = static_cast<uint8_t>(m_state >> 56);
    }
    return petrel::Status::ok;
  }

 private:
  uint64_t m_state;
};

// An Rng that always fails.
class FailingRng final : public petrel::Rng {
 public:
  petrel::Status generate(petrel::MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = 0;
    }
    return petrel::Status::rng_failure;
  }
};

}  // namespace petrel_test

#endif  // PETREL_TESTS_TLS_RECORD_SUITES_H
