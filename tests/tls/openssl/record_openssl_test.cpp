// TLS record protection known answers from an independent implementation: for every (cipher,
// MAC, version, encrypt_then_mac) combination and every AES implementation, libcrypto (EVP
// AES-GCM and AES-CBC, RC4(), HMAC()) builds each expected TLSCiphertext.fragment from the same
// keys, sequence number, type, version and plaintext (and, for the explicit CBC IV, the same
// deterministic Rng bytes); seal() must give it byte for byte and open() of the libcrypto record
// must give the plaintext. Records are chained per connection (TLS 1.0 IV chaining, the RC4
// state), with plaintext lengths 0..300 and 16384 and sequence numbers near 0, across 2^32 and
// near 2^64. CBC records with libcrypto-made maximal padding are opened too.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rc4.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "tests/common/aes_impls.h"
#include "tests/common/file_test.h"
#include "tests/tls/record_suites.h"
#include "tls/record.h"
#include "tls/record_test_hooks.h"

using namespace petrel;
using namespace petrel::tls;
using petrel_test::RecordCombo;
using petrel_test::RecordKeyMaterial;
using petrel_test::TestRng;
using petrel_test::combo_name;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

using Bytes = std::vector<uint8_t>;

Bytes header_of(uint64_t seq, uint8_t type, uint16_t version, size_t len) {
  Bytes h(13);
  for (int i = 0; i < 8; i++) {
    h[static_cast<size_t>(i)] = static_cast<uint8_t>(seq >> (56 - 8 * i));
  }
  h[8] = type;
  h[9] = static_cast<uint8_t>(version >> 8);
  h[10] = static_cast<uint8_t>(version);
  h[11] = static_cast<uint8_t>(len >> 8);
  h[12] = static_cast<uint8_t>(len);
  return h;
}

Bytes ossl_hmac(RecordMac mac, const Bytes& key, const Bytes& header, const Bytes& data) {
  const EVP_MD* md = mac == RecordMac::hmac_md5      ? EVP_md5()
                     : mac == RecordMac::hmac_sha1   ? EVP_sha1()
                     : mac == RecordMac::hmac_sha384 ? EVP_sha384()
                                                     : EVP_sha256();
  Bytes msg = header;
  msg.insert(msg.end(), data.begin(), data.end());
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int out_len = 0;
  EXPECT_NE(HMAC(md, key.data(), static_cast<int>(key.size()), msg.data(), msg.size(), out, &out_len),
            nullptr);
  return Bytes(out, out + out_len);
}

// AES-CBC without padding (EVP), in.size() a block multiple.
Bytes ossl_cbc(const Bytes& key, const Bytes& iv, const Bytes& in) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  const EVP_CIPHER* c = key.size() == 16 ? EVP_aes_128_cbc() : EVP_aes_256_cbc();
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, c, nullptr, key.data(), iv.data()), 1);
  EVP_CIPHER_CTX_set_padding(ctx, 0);
  Bytes out(in.size() + 16);
  int len = 0;
  int fin = 0;
  EXPECT_EQ(EVP_EncryptUpdate(ctx, out.data(), &len, in.data(), static_cast<int>(in.size())), 1);
  EXPECT_EQ(EVP_EncryptFinal_ex(ctx, out.data() + len, &fin), 1);
  EVP_CIPHER_CTX_free(ctx);
  out.resize(static_cast<size_t>(len + fin));
  return out;
}

Bytes ossl_gcm(const Bytes& key, const Bytes& nonce, const Bytes& aad, const Bytes& pt) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  const EVP_CIPHER* c = key.size() == 16 ? EVP_aes_128_gcm() : EVP_aes_256_gcm();
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, c, nullptr, nullptr, nullptr), 1);
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr), 1);
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, nullptr, nullptr, key.data(), nonce.data()), 1);
  int len = 0;
  EXPECT_EQ(EVP_EncryptUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size())), 1);
  Bytes out(pt.size() + 16);
  int n = 0;
  if (!pt.empty()) {
    EXPECT_EQ(EVP_EncryptUpdate(ctx, out.data(), &n, pt.data(), static_cast<int>(pt.size())), 1);
  }
  int fin = 0;
  EXPECT_EQ(EVP_EncryptFinal_ex(ctx, out.data() + n, &fin), 1);
  EXPECT_EQ(static_cast<size_t>(n + fin), pt.size());
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, out.data() + pt.size()), 1);
  EVP_CIPHER_CTX_free(ctx);
  return out;
}

// ChaCha20-Poly1305 (RFC 8439) with libcrypto: ciphertext || tag.
Bytes ossl_chacha(const Bytes& key, const Bytes& nonce, const Bytes& aad, const Bytes& pt) {
  Bytes out(pt.size() + 16);
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), nullptr, key.data(), nonce.data()), 1);
  int len = 0;
  EXPECT_EQ(EVP_EncryptUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size())), 1);
  int n = 0;
  if (!pt.empty()) {
    EXPECT_EQ(EVP_EncryptUpdate(ctx, out.data(), &n, pt.data(), static_cast<int>(pt.size())), 1);
  }
  int fin = 0;
  EXPECT_EQ(EVP_EncryptFinal_ex(ctx, out.data() + n, &fin), 1);
  EXPECT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, out.data() + pt.size()), 1);
  EVP_CIPHER_CTX_free(ctx);
  return out;
}

// One direction of a connection as libcrypto sees it: makes the expected fragments.
class OsslWriter {
 public:
  OsslWriter(const RecordCombo& c, const RecordKeyMaterial& k, uint64_t seq, uint64_t rng_seed)
      : m_c(c), m_k(k), m_seq(seq), m_rng(rng_seed), m_iv(k.fixed_iv) {
    if (c.cipher == BulkCipher::rc4_128) {
      RC4_set_key(&m_rc4, static_cast<int>(k.enc_key.size()), k.enc_key.data());
    }
  }

  // extra_pad: padding blocks beyond the minimal padding (CBC only; the sealer never adds any).
  Bytes record(uint8_t type, const Bytes& pt, size_t extra_pad = 0) {
    Bytes out;
    const uint16_t v = m_c.version;
    if (m_c.cipher == BulkCipher::aes128_gcm || m_c.cipher == BulkCipher::aes256_gcm) {
      Bytes explicit_nonce = header_of(m_seq, 0, 0, 0);
      explicit_nonce.resize(8);
      Bytes nonce = m_k.fixed_iv;
      nonce.insert(nonce.end(), explicit_nonce.begin(), explicit_nonce.end());
      out = explicit_nonce;
      const Bytes sealed = ossl_gcm(m_k.enc_key, nonce, header_of(m_seq, type, v, pt.size()), pt);
      out.insert(out.end(), sealed.begin(), sealed.end());
    } else if (m_c.cipher == BulkCipher::chacha20_poly1305) {
      // RFC 7905: the fixed IV xored with the sequence number, left-padded to 12 bytes.
      Bytes nonce = m_k.fixed_iv;
      for (int i = 0; i < 8; i++) {
        nonce[4 + i] ^= static_cast<uint8_t>(m_seq >> (56 - 8 * i));
      }
      out = ossl_chacha(m_k.enc_key, nonce, header_of(m_seq, type, v, pt.size()), pt);
    } else if (m_c.cipher == BulkCipher::rc4_128) {
      Bytes inner = pt;
      const Bytes mac = ossl_hmac(m_c.mac, m_k.mac_key, header_of(m_seq, type, v, pt.size()), pt);
      inner.insert(inner.end(), mac.begin(), mac.end());
      out.resize(inner.size());
      RC4(&m_rc4, inner.size(), inner.data(), out.data());
    } else {
      Bytes iv(16);
      if (v == kTls10) {
        iv = m_iv;
      } else {
        EXPECT_EQ(m_rng.generate(MutableBytes(iv.data(), iv.size())), Status::ok);
      }
      Bytes inner = pt;
      if (!m_c.etm) {
        const Bytes mac = ossl_hmac(m_c.mac, m_k.mac_key, header_of(m_seq, type, v, pt.size()), pt);
        inner.insert(inner.end(), mac.begin(), mac.end());
      }
      const size_t pad = 15 - inner.size() % 16 + 16 * extra_pad;
      inner.insert(inner.end(), pad + 1, static_cast<uint8_t>(pad));
      const Bytes ct = ossl_cbc(m_k.enc_key, iv, inner);
      if (v != kTls10) {
        out = iv;
      }
      out.insert(out.end(), ct.begin(), ct.end());
      m_iv.assign(ct.end() - 16, ct.end());
      if (m_c.etm) {
        const Bytes mac = ossl_hmac(m_c.mac, m_k.mac_key, header_of(m_seq, type, v, out.size()), out);
        out.insert(out.end(), mac.begin(), mac.end());
      }
    }
    m_seq++;
    return out;
  }

 private:
  RecordCombo m_c;
  RecordKeyMaterial m_k;
  uint64_t m_seq;
  TestRng m_rng;
  Bytes m_iv;
  RC4_KEY m_rc4{};
};

Bytes plaintext_of(size_t len, uint8_t seed) {
  Bytes p(len);
  for (size_t i = 0; i < len; i++) {
    p[i] = static_cast<uint8_t>(seed * 17 + i * 3 + (i >> 5));
  }
  return p;
}

std::vector<AesImpl> impls_for(const RecordCombo& c) {
  if (petrel_test::uses_aes(c)) {
    return petrel_test::all_aes_impls();
  }
  return {kAesDefaultImpl};
}

struct Chain {
  uint64_t start_seq;
  std::vector<size_t> lens;
};

std::vector<Chain> chains() {
  Chain all{0, {}};
  for (size_t l = 0; l <= 300; l++) {
    all.lens.push_back(l);
  }
  all.lens.push_back(kMaxPlaintext);
  all.lens.push_back(kMaxPlaintext - 1);
  all.lens.push_back(5);
  return {all,
          {0x00000000fffffffdull, {0, 1, 15, 16, 17, 31, 32, 255, 256, 1000, kMaxPlaintext, 3}},
          {0x0102030405060708ull, {100, 0, 64}},
          {UINT64_MAX - 4, {7, 0, 300, kMaxPlaintext}}};
}

TEST(RecordOpenssl, SealMatchesLibcryptoAndOpensIt) {
  size_t n = 0;
  for (const RecordCombo& c : petrel_test::all_record_combos()) {
    const RecordKeyMaterial k = petrel_test::record_keys_for(c, 11);
    for (AesImpl impl : impls_for(c)) {
      for (const Chain& ch : chains()) {
        RecordProtection w;
        RecordProtection r;
        ASSERT_EQ(w.init(c.cipher, c.mac, c.version, c.etm, k.keys(), impl), Status::ok);
        ASSERT_EQ(r.init(c.cipher, c.mac, c.version, c.etm, k.keys(), impl), Status::ok);
        record_set_sequence_for_testing(w, ch.start_seq);
        record_set_sequence_for_testing(r, ch.start_seq);
        TestRng rng(ch.start_seq + 3);
        OsslWriter ref(c, k, ch.start_seq, ch.start_seq + 3);
        for (size_t i = 0; i < ch.lens.size(); i++) {
          const size_t len = ch.lens[i];
          const uint8_t type = i % 5 == 4 ? kContentAlert
                                          : (i % 2 == 0 ? kContentApplicationData : kContentHandshake);
          const Bytes pt = plaintext_of(len, static_cast<uint8_t>(i));
          const Bytes want = ref.record(type, pt);
          Bytes body(w.prefix_size() + len + w.suffix_size());
          if (len != 0) {
            std::memcpy(body.data() + w.prefix_size(), pt.data(), len);
          }
          size_t body_len = 0;
          ASSERT_EQ(w.seal(type, c.version, MutableBytes(body.data(), body.size()), len, &body_len, rng),
                    Status::ok);
          body.resize(body_len);
          ASSERT_EQ(to_hex(body), to_hex(want))
              << combo_name(c) << " [" << aes_impl_name(impl) << "] seq " << ch.start_seq + i
              << " len " << len;
          Bytes in = want;
          MutableBytes got;
          ASSERT_EQ(r.open(type, c.version, MutableBytes(in.data(), in.size()), &got), Status::ok)
              << combo_name(c) << " [" << aes_impl_name(impl) << "] len " << len;
          ASSERT_EQ(to_hex(got.data(), got.size()), to_hex(pt));
          n++;
        }
      }
    }
  }
  report_cases("record fragments equal to libcrypto's and opened", n);
}

// libcrypto-made CBC records with more than the minimal padding (up to 255 bytes, as GnuTLS
// may send) open to the plaintext.
TEST(RecordOpenssl, OpensLongPaddingFromLibcrypto) {
  size_t n = 0;
  for (const RecordCombo& c : petrel_test::all_record_combos()) {
    if (!petrel_test::is_cbc_combo(c)) {
      continue;
    }
    const RecordKeyMaterial k = petrel_test::record_keys_for(c, 12);
    RecordProtection r;
    ASSERT_EQ(r.init(c.cipher, c.mac, c.version, c.etm, k.keys()), Status::ok);
    OsslWriter ref(c, k, 0, 99);
    for (size_t len = 0; len < 100; len += 7) {
      const Bytes pt = plaintext_of(len, static_cast<uint8_t>(len));
      const size_t minimal = 15 - (len + (c.etm ? 0 : record_mac_size(c.mac))) % 16;
      const size_t extra = (255 - minimal) / 16 - (len % 3);
      Bytes in = ref.record(kContentApplicationData, pt, extra);
      MutableBytes got;
      ASSERT_EQ(r.open(kContentApplicationData, c.version, MutableBytes(in.data(), in.size()), &got),
                Status::ok)
          << combo_name(c) << " len " << len << " padding " << minimal + 16 * extra;
      ASSERT_EQ(to_hex(got.data(), got.size()), to_hex(pt));
      n++;
    }
  }
  report_cases("libcrypto CBC records with long padding opened", n);
}

}  // namespace
