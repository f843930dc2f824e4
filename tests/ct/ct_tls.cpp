// ct_check cases (tests/ct/ct_cases.h): TLS record opening (CBC, GCM, ChaCha20-Poly1305),
// Finished, the RSA premaster encryption.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"
#include "crypto/kdf/tls_prf.h"
#include "crypto/mac/hmac.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"
#include "crypto/bignum/bignum.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/ec/ec.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/ec/x25519.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_test_hooks.h"
#include "crypto/util/ct.h"
#include "tls/client.h"
#include "tls/messages.h"
#include "tls/record.h"
#include "tests/ct/ct_cases.h"

namespace petrel_ct {

// Opening a record: the keys are secret, so everything decrypted from a record (plaintext, MAC,
// padding) is secret too; the fragment on the wire is public. Only the verdict, and the length
// of a record that verified, may be declassified (tls/record.cpp). The records here cover a good
// record, a bad MAC and a bad padding (a flipped bit in the block before the last one changes
// the last plaintext block: the padding bytes), at several lengths.
class PublicRng final : public petrel::Rng {
 public:
  Status generate(MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      m_state = m_state * 6364136223846793005ull + 1442695040888963407ull;
      out[i] = static_cast<uint8_t>(m_state >> 56);
    }
    return Status::ok;
  }

 private:
  uint64_t m_state = 777;
};

void tls_open(petrel::tls::BulkCipher cipher, petrel::tls::RecordMac mac, uint16_t version) {
  using namespace petrel::tls;
  uint8_t mac_key[kMaxRecordMacSize];
  uint8_t enc_key[32];
  uint8_t fixed_iv[16];
  fill(mac_key, sizeof(mac_key), 26);
  fill(enc_key, sizeof(enc_key), 27);
  fill(fixed_iv, sizeof(fixed_iv), 28);
  CT_POISON(mac_key, sizeof(mac_key));
  CT_POISON(enc_key, sizeof(enc_key));
  CT_POISON(fixed_iv, sizeof(fixed_iv));
  const RecordKeys keys{ByteView(mac_key, record_mac_size(mac)),
                        ByteView(enc_key, bulk_key_size(cipher)),
                        ByteView(fixed_iv, bulk_fixed_iv_size(cipher, version))};
  RecordProtection w;
  RecordProtection r;
  expect_ok(w.init(cipher, mac, version, false, keys, petrel::AesImpl::ct), "RecordProtection::init");
  expect_ok(r.init(cipher, mac, version, false, keys, petrel::AesImpl::ct), "RecordProtection::init");
  PublicRng rng;
  static uint8_t body[kMaxCiphertext];
  const bool cbc = cipher == BulkCipher::aes128_cbc || cipher == BulkCipher::aes256_cbc;
  for (size_t len : {0u, 1u, 45u, 300u, 1000u}) {
    for (int kind = 0; kind < 3; kind++) {  // 0 good, 1 bad MAC/tag, 2 bad padding
      if (kind == 2 && !cbc) {
        continue;
      }
      const size_t prefix = w.prefix_size();
      fill(body + prefix, len, static_cast<uint8_t>(len));
      size_t body_len = 0;
      expect_ok(w.seal(kContentApplicationData, version, MutableBytes(body, sizeof(body)), len,
                       &body_len, rng),
                "RecordProtection::seal");
      CT_UNPOISON(body, body_len);  // the fragment on the wire is public
      if (kind == 1) {
        body[cbc ? 0 : body_len - 1] ^= 0x08;  // CBC: the IV or first block; GCM: the tag
      } else if (kind == 2) {
        body[body_len - 17] ^= 0x01;  // the padding_length byte of the last block
      }
      petrel::MutableBytes pt;
      const Status s = r.open(kContentApplicationData, version, MutableBytes(body, body_len), &pt);
      const Status want = kind == 0 ? Status::ok : Status::auth_failed;
      if (s != want) {
        std::fprintf(stderr, "open len %zu kind %d: %s\n", len, kind, petrel::status_name(s));
        g_failures++;
      }
      if (s == Status::ok) {
        CT_UNPOISON(pt.data(), pt.size());  // the test looks at the secret result
        uint8_t expect[1000];
        fill(expect, len, static_cast<uint8_t>(len));
        if (pt.size() != len || std::memcmp(pt.data(), expect, len) != 0) {
          g_failures++;
        }
      }
      if (s != Status::ok) {
        // A failed open ends a connection: start both directions again (sequence numbers and
        // the TLS 1.0 chained IVs back in step).
        expect_ok(w.init(cipher, mac, version, false, keys, petrel::AesImpl::ct), "init");
        expect_ok(r.init(cipher, mac, version, false, keys, petrel::AesImpl::ct), "init");
      }
    }
  }
}

void tls_cbc_open() {
  using namespace petrel::tls;
  for (uint16_t v : {kTls12, kTls10}) {
    tls_open(BulkCipher::aes128_cbc, RecordMac::hmac_sha1, v);
    tls_open(BulkCipher::aes256_cbc, RecordMac::hmac_sha256, v);
  }
  // RFC 5289 *_AES_256_CBC_SHA384: TLS 1.2 only (128-byte-block hmac_ct).
  tls_open(BulkCipher::aes256_cbc, RecordMac::hmac_sha384, kTls12);
}

void tls_gcm_open() {
  using namespace petrel::tls;
  tls_open(BulkCipher::aes128_gcm, RecordMac::none, kTls12);
  tls_open(BulkCipher::aes256_gcm, RecordMac::none, kTls12);
}

void tls_chacha_open() {
  using namespace petrel::tls;
  tls_open(BulkCipher::chacha20_poly1305, RecordMac::none, kTls12);
}

// Finished (tls/finished.cpp): verify_data from a secret master secret over the transcript hash,
// and its constant-time comparison with the received value; only the verdict is public.
void tls_finished() {
  uint8_t master[48];
  uint8_t th[48];
  fill(master, sizeof(master), 31);
  fill(th, sizeof(th), 32);
  CT_POISON(master, sizeof(master));
  for (uint16_t v : {petrel::tls::kTls12, petrel::tls::kTls10}) {
    for (petrel::HashAlg h : {petrel::HashAlg::sha256, petrel::HashAlg::sha384}) {
      uint8_t vd[12];
      expect_ok(petrel::tls::finished_verify_data(vd, v, h, ByteView(master, 48), true,
                                                  ByteView(th, h == petrel::HashAlg::sha384 ? 48 : 32)),
                "finished_verify_data");
      uint8_t received[12];
      std::memcpy(received, vd, sizeof(vd));  // as secret as vd: the test keeps it so
      if (petrel::tls::check_finished(ByteView(received, 12), vd) != Status::ok) {
        g_failures++;
      }
      received[11] ^= 1;
      if (petrel::tls::check_finished(ByteView(received, 12), vd) != Status::auth_failed) {
        g_failures++;
      }
    }
  }
}

// The client's RSA key exchange: a secret 48-byte premaster encrypted with the server's public
// key (tls/key_exchange.cpp); the ciphertext is public, the premaster must not leak.
void tls_premaster_encrypt() {
  load_poisoned_key();
  uint8_t pms[48];
  fill(pms, sizeof(pms), 33);
  pms[0] = 0x03;
  pms[1] = 0x03;
  CT_POISON(pms + 2, sizeof(pms) - 2);
  PublicRng rng;
  uint8_t ct[128];
  expect_ok(petrel::rsa_pkcs1_encrypt(MutableBytes(ct, sizeof(ct)), g_key.public_key(),
                                      ByteView(pms, sizeof(pms)), rng),
            "rsa_pkcs1_encrypt");
}

}  // namespace petrel_ct
