// Fuzz target "diff_cipher" (differential, against OpenSSL's libcrypto; host builds only): AES
// (crypto/aes: AesKey with every implementation aes_impls_available() lists) in ECB
// (aes_ecb_encrypt/_decrypt), CBC (AesCbc, streaming; aes_cbc_encrypt_pkcs7/_decrypt_pkcs7), CTR
// (AesCtr, streaming) and GCM (AesGcm seal/open, any IV length, AAD, truncated tags), with
// 128-, 192- and 256-bit keys, and RC4 (crypto/rc4), compared with EVP_aes_*() and RC4().
// Input: byte 0 the mode (mod 5: ECB, CBC, CTR, GCM, RC4), byte 1 the key size (mod 3; RC4: 5 +
// byte 1 % 28 bytes), byte 2 a split point for streaming, byte 3 the GCM IV length (1 + low nibble) and
// tag length (4 + high nibble % 13; the split point is the AAD length), then 32 key bytes, 16 IV bytes, the data.
// Properties: every Petrel implementation gives libcrypto's output byte for byte (encryption
// and decryption, streamed in two pieces at the split point); GCM: the same ciphertext and
// tag, Petrel opens libcrypto's output and refuses it with one tag bit flipped; CBC-PKCS#7:
// the padded ciphertext matches and a decryption refuses exactly what libcrypto refuses.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/rc4.h>

#include <cstring>
#include <initializer_list>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"
#include "crypto/rc4/rc4.h"
#include "fuzz/driver.h"

using namespace petrel;

namespace {

const EVP_CIPHER* evp_cipher(unsigned mode, size_t key_len) {
  switch (mode) {
    case 0: return key_len == 16 ? EVP_aes_128_ecb() : key_len == 24 ? EVP_aes_192_ecb() : EVP_aes_256_ecb();
    case 1: return key_len == 16 ? EVP_aes_128_cbc() : key_len == 24 ? EVP_aes_192_cbc() : EVP_aes_256_cbc();
    case 2: return key_len == 16 ? EVP_aes_128_ctr() : key_len == 24 ? EVP_aes_192_ctr() : EVP_aes_256_ctr();
    default: return key_len == 16 ? EVP_aes_128_gcm() : key_len == 24 ? EVP_aes_192_gcm() : EVP_aes_256_gcm();
  }
}

// libcrypto, one shot, no padding (unless pad). Returns false if libcrypto refuses.
bool evp_crypt(std::vector<uint8_t>* out, const EVP_CIPHER* c, bool enc, const uint8_t* key,
               const uint8_t* iv, const uint8_t* in, size_t len, bool pad) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  PETREL_FUZZ_CHECK(ctx != nullptr);
  out->assign(len + 32, 0);
  int n1 = 0;
  int n2 = 0;
  bool ok = EVP_CipherInit_ex(ctx, c, nullptr, key, iv, enc ? 1 : 0) == 1 &&
            EVP_CIPHER_CTX_set_padding(ctx, pad ? 1 : 0) == 1 &&
            EVP_CipherUpdate(ctx, out->data(), &n1, in, static_cast<int>(len)) == 1 &&
            EVP_CipherFinal_ex(ctx, out->data() + n1, &n2) == 1;
  EVP_CIPHER_CTX_free(ctx);
  out->resize(ok ? static_cast<size_t>(n1 + n2) : 0);
  return ok;
}

bool evp_gcm(std::vector<uint8_t>* out, uint8_t* tag, size_t tag_len, bool enc,
             const EVP_CIPHER* c, const uint8_t* key, const uint8_t* iv, size_t iv_len,
             const uint8_t* aad, size_t aad_len, const uint8_t* in, size_t len) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  PETREL_FUZZ_CHECK(ctx != nullptr);
  out->assign(len + 16, 0);
  int n = 0;
  int n2 = 0;
  bool ok = EVP_CipherInit_ex(ctx, c, nullptr, nullptr, nullptr, enc ? 1 : 0) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv_len), nullptr) == 1 &&
            EVP_CipherInit_ex(ctx, nullptr, nullptr, key, iv, enc ? 1 : 0) == 1;
  if (ok && aad_len > 0) {
    ok = EVP_CipherUpdate(ctx, nullptr, &n, aad, static_cast<int>(aad_len)) == 1;
  }
  if (ok && len > 0) {
    ok = EVP_CipherUpdate(ctx, out->data(), &n, in, static_cast<int>(len)) == 1;
  } else {
    n = 0;
  }
  if (ok && !enc) {
    ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_len), tag) == 1;
  }
  ok = ok && EVP_CipherFinal_ex(ctx, out->data() + n, &n2) == 1;
  if (ok && enc) {
    ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(tag_len), tag) == 1;
  }
  EVP_CIPHER_CTX_free(ctx);
  out->resize(ok ? static_cast<size_t>(n + n2) : 0);
  return ok;
}

void check_aes(unsigned mode, AesImpl impl, const uint8_t* key, size_t key_len, const uint8_t* iv,
               size_t split, const uint8_t* params, const uint8_t* in, size_t len) {
  AesKey k;
  PETREL_FUZZ_CHECK(k.init(ByteView(key, key_len), impl) == Status::ok);
  const EVP_CIPHER* c = evp_cipher(mode, key_len);
  std::vector<uint8_t> want;
  std::vector<uint8_t> got(len + 32);
  if (mode == 0 || mode == 1) {
    const size_t blocks = len / 16 * 16;
    const size_t cut = split % (blocks / 16 + 1) * 16;
    for (bool enc : {true, false}) {
      PETREL_FUZZ_CHECK(evp_crypt(&want, c, enc, key, iv, in, blocks, false));
      if (mode == 0) {
        const Status s = enc ? aes_ecb_encrypt(k, MutableBytes(got.data(), blocks), ByteView(in, blocks))
                             : aes_ecb_decrypt(k, MutableBytes(got.data(), blocks), ByteView(in, blocks));
        PETREL_FUZZ_CHECK(s == Status::ok);
      } else {
        AesCbc cbc;
        PETREL_FUZZ_CHECK(cbc.init(&k, ByteView(iv, 16)) == Status::ok);
        for (int piece = 0; piece < 2; piece++) {
          const size_t off = piece == 0 ? 0 : cut;
          const size_t n = piece == 0 ? cut : blocks - cut;
          const Status s = enc ? cbc.encrypt(MutableBytes(got.data() + off, n), ByteView(in + off, n))
                               : cbc.decrypt(MutableBytes(got.data() + off, n), ByteView(in + off, n));
          PETREL_FUZZ_CHECK(s == Status::ok);
        }
      }
      PETREL_FUZZ_CHECK(want.size() == blocks &&
                        (blocks == 0 || std::memcmp(want.data(), got.data(), blocks) == 0));
    }
    if (mode == 1) {
      // PKCS#7: encryption of any length, decryption of the whole blocks.
      size_t out_len = 0;
      PETREL_FUZZ_CHECK(evp_crypt(&want, c, true, key, iv, in, len, true));
      std::vector<uint8_t> padded(pkcs7_padded_size(len));
      PETREL_FUZZ_CHECK(aes_cbc_encrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(padded.data(), padded.size()),
                                              &out_len, ByteView(in, len)) == Status::ok);
      PETREL_FUZZ_CHECK(out_len == want.size() && std::memcmp(padded.data(), want.data(), out_len) == 0);
      if (blocks > 0) {
        const bool evp_ok = evp_crypt(&want, c, false, key, iv, in, blocks, true);
        const Status s = aes_cbc_decrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(got.data(), blocks),
                                               &out_len, ByteView(in, blocks));
        PETREL_FUZZ_CHECK((s == Status::ok) == evp_ok);
        if (evp_ok) {
          PETREL_FUZZ_CHECK(out_len == want.size() &&
                            (out_len == 0 || std::memcmp(got.data(), want.data(), out_len) == 0));
        }
      }
    }
    return;
  }
  if (mode == 2) {
    const size_t cut = len == 0 ? 0 : split % (len + 1);
    PETREL_FUZZ_CHECK(evp_crypt(&want, c, true, key, iv, in, len, false));
    AesCtr ctr;
    PETREL_FUZZ_CHECK(ctr.init(&k, ByteView(iv, 16)) == Status::ok);
    PETREL_FUZZ_CHECK(ctr.crypt(MutableBytes(got.data(), cut), ByteView(in, cut)) == Status::ok);
    PETREL_FUZZ_CHECK(ctr.crypt(MutableBytes(got.data() + cut, len - cut), ByteView(in + cut, len - cut)) ==
                      Status::ok);
    PETREL_FUZZ_CHECK(want.size() == len && (len == 0 || std::memcmp(want.data(), got.data(), len) == 0));
    return;
  }
  // GCM.
  const size_t iv_len = 1 + (params[0] & 15u);
  const size_t tag_len = 4 + (params[0] >> 4) % 13u;
  const size_t aad_len = len == 0 ? 0 : split % (len + 1);
  const uint8_t* aad = in;
  const uint8_t* pt = in + aad_len;
  const size_t pt_len = len - aad_len;
  AesGcm gcm;
  PETREL_FUZZ_CHECK(gcm.init(&k) == Status::ok);
  uint8_t tag[16];
  uint8_t want_tag[16];
  PETREL_FUZZ_CHECK(gcm.seal(MutableBytes(got.data(), pt_len), MutableBytes(tag, tag_len),
                             ByteView(iv, iv_len), ByteView(aad, aad_len), ByteView(pt, pt_len)) ==
                    Status::ok);
  PETREL_FUZZ_CHECK(evp_gcm(&want, want_tag, tag_len, true, c, key, iv, iv_len, aad, aad_len, pt, pt_len));
  PETREL_FUZZ_CHECK(want.size() == pt_len && (pt_len == 0 || std::memcmp(want.data(), got.data(), pt_len) == 0));
  PETREL_FUZZ_CHECK(std::memcmp(tag, want_tag, tag_len) == 0);
  // Petrel opens libcrypto's output, and refuses it with a tag bit flipped (so does libcrypto).
  std::vector<uint8_t> opened(pt_len + 1);
  PETREL_FUZZ_CHECK(gcm.open(MutableBytes(opened.data(), pt_len), ByteView(iv, iv_len),
                             ByteView(aad, aad_len), ByteView(want.data(), pt_len),
                             ByteView(want_tag, tag_len)) == Status::ok);
  PETREL_FUZZ_CHECK(pt_len == 0 || std::memcmp(opened.data(), pt, pt_len) == 0);
  want_tag[split % tag_len] ^= static_cast<uint8_t>(1u << (split % 8));
  PETREL_FUZZ_CHECK(gcm.open(MutableBytes(opened.data(), pt_len), ByteView(iv, iv_len),
                             ByteView(aad, aad_len), ByteView(want.data(), pt_len),
                             ByteView(want_tag, tag_len)) == Status::auth_failed);
  std::vector<uint8_t> ct(want);
  PETREL_FUZZ_CHECK(!evp_gcm(&want, want_tag, tag_len, false, c, key, iv, iv_len, aad, aad_len,
                             ct.data(), pt_len));
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  if (size < 4 + 32 + 16) {
    return 0;
  }
  const unsigned mode = data[0] % 5u;
  const size_t split = data[2];
  const uint8_t* key = data + 4;
  const uint8_t* iv = data + 36;
  const uint8_t* in = data + 52;
  const size_t len = size - 52;
  if (mode == 4) {
    const size_t key_len = 5 + data[1] % 28;
    RC4_KEY rk;
    RC4_set_key(&rk, static_cast<int>(key_len), key);
    std::vector<uint8_t> want(len + 1);
    std::vector<uint8_t> got(len + 1);
    RC4(&rk, len, in, want.data());
    Rc4Impl rc4_impls[8];
    const size_t nr = rc4_impls_available(rc4_impls, 8);
    PETREL_FUZZ_CHECK(nr >= 1);
    for (size_t i = 0; i < nr && i < 8; i++) {  // every RC4 variant of the build
      Rc4 r;
      PETREL_FUZZ_CHECK(r.init(ByteView(key, key_len), rc4_impls[i]) == Status::ok);
      const size_t cut = split % (len + 1);
      PETREL_FUZZ_CHECK(r.crypt(MutableBytes(got.data(), cut), ByteView(in, cut)) == Status::ok);
      PETREL_FUZZ_CHECK(r.crypt(MutableBytes(got.data() + cut, len - cut),
                                ByteView(in + cut, len - cut)) == Status::ok);
      PETREL_FUZZ_CHECK(len == 0 || std::memcmp(want.data(), got.data(), len) == 0);
    }
    return 0;
  }
  const size_t key_len = 16 + 8 * (data[1] % 3u);
  AesImpl impls[16];
  const size_t n = aes_impls_available(impls, 16);
  PETREL_FUZZ_CHECK(n >= 2);
  for (size_t i = 0; i < n && i < 16; i++) {
    check_aes(mode, impls[i], key, key_len, iv, split, data + 3, in, len);
  }
  return 0;
}
