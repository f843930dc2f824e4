// ct_check cases (tests/ct/ct_cases.h): AES (schedule, blocks), CBC, CFB128/OFB, CTR, GCM, the
// hashes, HMAC, the TLS PRF, ct_mem_equal, HMAC_DRBG.
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

void aes_schedule(petrel::AesImpl impl) {
  uint8_t key[32];
  fill(key, sizeof(key), 1);
  for (size_t len : {16u, 24u, 32u}) {
    CT_POISON(key, sizeof(key));
    petrel::AesKey k;
    expect_ok(k.init(ByteView(key, len), impl), "AesKey::init");
  }
}

void aes_encrypt(petrel::AesImpl impl, bool decrypt) {
  uint8_t key[32];
  uint8_t block[64];
  fill(key, sizeof(key), 2);
  fill(block, sizeof(block), 3);
  for (size_t len : {16u, 24u, 32u}) {
    petrel::AesKey k;
    CT_POISON(key, sizeof(key));
    expect_ok(k.init(ByteView(key, len), impl), "AesKey::init");
    CT_POISON(block, sizeof(block));
    if (decrypt) {
      k.decrypt_blocks(block, block, sizeof(block) / 16);
    } else {
      k.encrypt_blocks(block, block, sizeof(block) / 16);
    }
    CT_UNPOISON(block, sizeof(block));
    CT_UNPOISON(key, sizeof(key));
  }
}

void cbc_pkcs7() {
  uint8_t key[16];
  uint8_t iv[16];
  uint8_t pt[45];
  uint8_t ct[48];
  uint8_t out[48];
  fill(key, sizeof(key), 4);
  fill(iv, sizeof(iv), 5);
  fill(pt, sizeof(pt), 6);
  petrel::AesKey k;
  CT_POISON(key, sizeof(key));
  expect_ok(k.init(ByteView(key, sizeof(key)), petrel::AesImpl::ct), "AesKey::init");
  size_t ct_len = 0;
  CT_POISON(pt, sizeof(pt));
  expect_ok(petrel::aes_cbc_encrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(ct, sizeof(ct)), &ct_len,
                                          ByteView(pt, sizeof(pt))),
            "aes_cbc_encrypt_pkcs7");
  CT_UNPOISON(ct, sizeof(ct));  // ciphertext is public
  size_t out_len = 0;
  expect_ok(petrel::aes_cbc_decrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(out, sizeof(out)), &out_len,
                                          ByteView(ct, ct_len)),
            "aes_cbc_decrypt_pkcs7");
  // The released length and the plaintext are checked (unpoisoned only for the comparison).
  CT_UNPOISON(out, sizeof(out));
  CT_UNPOISON(pt, sizeof(pt));
  if (out_len != sizeof(pt) || std::memcmp(out, pt, sizeof(pt)) != 0) {
    std::fprintf(stderr, "aes_cbc_decrypt_pkcs7: wrong plaintext\n");
    g_failures++;
  }
  // A bad padding must be detected without a secret-dependent branch before the final verdict.
  // 45 bytes leave 3 bytes of padding (03 03 03); flipping bit 4 of the last byte of the block
  // before the last turns the last plaintext byte into 0x13, a padding longer than a block: the
  // verdict must be bad_padding, nothing else.
  ct[ct_len - 17] ^= 0x10;
  Status s = petrel::aes_cbc_decrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(out, sizeof(out)), &out_len,
                                           ByteView(ct, ct_len));
  if (s != Status::bad_padding || out_len != 0) {
    std::fprintf(stderr, "aes_cbc_decrypt_pkcs7 of a bad padding: %s, out_len %zu\n",
                 petrel::status_name(s), out_len);
    g_failures++;
  }
}

// CFB128 and OFB: key and plaintext secret; the ciphertext is public. Lengths that end inside a
// block, streamed in two pieces, so the in-block position logic runs on secret data.
void feedback_case(bool ofb) {
  uint8_t key[32];
  uint8_t iv[16];
  uint8_t buf[77];
  fill(key, sizeof(key), 30);
  fill(iv, sizeof(iv), 31);
  fill(buf, sizeof(buf), 32);
  petrel::AesKey k;
  CT_POISON(key, sizeof(key));
  expect_ok(k.init(ByteView(key, sizeof(key)), petrel::AesImpl::ct), "AesKey::init");
  CT_POISON(buf, sizeof(buf));
  if (ofb) {
    petrel::AesOfb o;
    expect_ok(o.init(&k, ByteView(iv, 16)), "AesOfb::init");
    expect_ok(o.crypt(MutableBytes(buf, 21), ByteView(buf, 21)), "AesOfb::crypt");
    expect_ok(o.crypt(MutableBytes(buf + 21, 56), ByteView(buf + 21, 56)), "AesOfb::crypt");
  } else {
    petrel::AesCfb128 c;
    expect_ok(c.init(&k, ByteView(iv, 16)), "AesCfb128::init");
    expect_ok(c.encrypt(MutableBytes(buf, 21), ByteView(buf, 21)), "AesCfb128::encrypt");
    expect_ok(c.encrypt(MutableBytes(buf + 21, 56), ByteView(buf + 21, 56)), "AesCfb128::encrypt");
    CT_UNPOISON(buf, sizeof(buf));  // ciphertext is public
    expect_ok(c.init(&k, ByteView(iv, 16)), "AesCfb128::init");
    expect_ok(c.decrypt(MutableBytes(buf, sizeof(buf)), ByteView(buf, sizeof(buf))),
              "AesCfb128::decrypt");
  }
}

void ctr() {
  uint8_t key[32];
  uint8_t iv[16];
  uint8_t buf[100];
  fill(key, sizeof(key), 7);
  fill(iv, sizeof(iv), 8);
  fill(buf, sizeof(buf), 9);
  petrel::AesKey k;
  CT_POISON(key, sizeof(key));
  expect_ok(k.init(ByteView(key, sizeof(key)), petrel::AesImpl::ct), "AesKey::init");
  petrel::AesCtr c;
  expect_ok(c.init(&k, ByteView(iv, 16)), "AesCtr::init");
  CT_POISON(buf, sizeof(buf));
  expect_ok(c.crypt(MutableBytes(buf, sizeof(buf)), ByteView(buf, sizeof(buf))), "AesCtr::crypt");
}

void gcm(bool open, petrel::GhashImpl ghash) {
  uint8_t key[32];
  uint8_t iv[12];
  uint8_t aad[20];
  uint8_t pt[77];
  uint8_t ct[77];
  uint8_t tag[16];
  fill(key, sizeof(key), 10);
  fill(iv, sizeof(iv), 11);
  fill(aad, sizeof(aad), 12);
  fill(pt, sizeof(pt), 13);
  petrel::AesKey k;
  CT_POISON(key, sizeof(key));
  expect_ok(k.init(ByteView(key, sizeof(key)), petrel::AesImpl::ct), "AesKey::init");
  petrel::AesGcm g;
  expect_ok(g.init(&k, ghash), "AesGcm::init");
  CT_POISON(pt, sizeof(pt));
  expect_ok(g.seal(MutableBytes(ct, sizeof(ct)), MutableBytes(tag, sizeof(tag)), ByteView(iv, sizeof(iv)),
                   ByteView(aad, sizeof(aad)), ByteView(pt, sizeof(pt))),
            "AesGcm::seal");
  CT_UNPOISON(ct, sizeof(ct));
  CT_UNPOISON(tag, sizeof(tag));
  if (open) {
    uint8_t out[77];
    expect_ok(g.open(MutableBytes(out, sizeof(out)), ByteView(iv, sizeof(iv)), ByteView(aad, sizeof(aad)),
                     ByteView(ct, sizeof(ct)), ByteView(tag, sizeof(tag))),
              "AesGcm::open");
    tag[3] ^= 0x10;
    if (g.open(MutableBytes(out, sizeof(out)), ByteView(iv, sizeof(iv)), ByteView(aad, sizeof(aad)),
               ByteView(ct, sizeof(ct)), ByteView(tag, sizeof(tag))) != Status::auth_failed) {
      std::fprintf(stderr, "AesGcm::open accepted a bad tag\n");
      g_failures++;
    }
  }
}

void hash_case(petrel::HashAlg alg) {
  uint8_t msg[300];
  uint8_t out[petrel::kMaxDigestSize];
  fill(msg, sizeof(msg), 14);
  CT_POISON(msg, sizeof(msg));
  // Several lengths, so padding and multi-block paths run on secret data.
  for (size_t len : {0u, 1u, 55u, 56u, 64u, 111u, 112u, 128u, 300u}) {
    expect_ok(petrel::hash(alg, MutableBytes(out, sizeof(out)), ByteView(msg, len)), "hash");
  }
}

void hmac_case(petrel::HashAlg alg) {
  uint8_t key[200];
  uint8_t msg[150];
  uint8_t out[petrel::kMaxDigestSize];
  fill(key, sizeof(key), 15);
  fill(msg, sizeof(msg), 16);
  CT_POISON(key, sizeof(key));
  CT_POISON(msg, sizeof(msg));
  for (size_t klen : {0u, 20u, 64u, 200u}) {
    expect_ok(petrel::hmac(alg, MutableBytes(out, sizeof(out)), ByteView(key, klen), ByteView(msg, sizeof(msg))),
              "hmac");
  }
  CT_UNPOISON(out, sizeof(out));
  // Verification of a public tag against a secret key: the verdict is the only thing released,
  // and it must be right (branching on it also checks that hmac_verify declassifies it). The
  // tag is made under the same 20-byte key, then checked whole, truncated and with a flipped bit.
  expect_ok(petrel::hmac(alg, MutableBytes(out, sizeof(out)), ByteView(key, 20), ByteView(msg, sizeof(msg))),
            "hmac");
  CT_UNPOISON(out, sizeof(out));
  const size_t dlen = petrel::hash_digest_size(alg);
  expect_ok(petrel::hmac_verify(alg, ByteView(key, 20), ByteView(msg, sizeof(msg)), ByteView(out, dlen)),
            "hmac_verify of the right tag");
  expect_ok(petrel::hmac_verify(alg, ByteView(key, 20), ByteView(msg, sizeof(msg)), ByteView(out, 10)),
            "hmac_verify of a truncated right tag");
  out[3] ^= 0x01;
  const Status s = petrel::hmac_verify(alg, ByteView(key, 20), ByteView(msg, sizeof(msg)), ByteView(out, dlen));
  if (s == Status::ok) {
    std::fprintf(stderr, "hmac_verify accepted a wrong tag\n");
    g_failures++;
  }
}

void prf(bool tls12) {
  uint8_t secret[48];
  uint8_t seed[64];
  uint8_t out[104];
  const char label[] = "key expansion";
  fill(secret, sizeof(secret), 17);
  fill(seed, sizeof(seed), 18);
  CT_POISON(secret, sizeof(secret));
  ByteView lbl(reinterpret_cast<const uint8_t*>(label), sizeof(label) - 1);
  if (tls12) {
    expect_ok(petrel::tls12_prf(petrel::HashAlg::sha256, MutableBytes(out, sizeof(out)), ByteView(secret, 48), lbl,
                                ByteView(seed, sizeof(seed))),
              "tls12_prf");
    expect_ok(petrel::tls12_prf(petrel::HashAlg::sha384, MutableBytes(out, sizeof(out)), ByteView(secret, 47), lbl,
                                ByteView(seed, sizeof(seed))),
              "tls12_prf");
  } else {
    expect_ok(petrel::tls10_prf(MutableBytes(out, sizeof(out)), ByteView(secret, 47), lbl,
                                ByteView(seed, sizeof(seed))),
              "tls10_prf");
  }
}

void mem_equal() {
  uint8_t a[32];
  uint8_t b[32];
  fill(a, sizeof(a), 19);
  fill(b, sizeof(b), 19);
  b[31] ^= 1;
  CT_POISON(a, sizeof(a));
  uint32_t m = petrel::ct::mem_eq_mask(a, b, sizeof(a));
  CT_UNPOISON(&m, sizeof(m));
  if (m != 0) {
    g_failures++;
  }
}


// HMAC_DRBG (crypto/rand/hmac_drbg.h claims that only the public request sizes steer branches):
// entropy, nonce, personalization and additional input secret; instantiate, generate requests of
// several sizes (one that ends inside a block), reseed, generate again. The output stays secret.
void drbg_case() {
  uint8_t entropy[48];
  uint8_t nonce[16];
  uint8_t pers[20];
  uint8_t adin[33];
  uint8_t out[200];
  fill(entropy, sizeof(entropy), 40);
  fill(nonce, sizeof(nonce), 41);
  fill(pers, sizeof(pers), 42);
  fill(adin, sizeof(adin), 43);
  CT_POISON(entropy, sizeof(entropy));
  CT_POISON(nonce, sizeof(nonce));
  CT_POISON(pers, sizeof(pers));
  CT_POISON(adin, sizeof(adin));
  petrel::HmacDrbg d;
  expect_ok(d.instantiate(ByteView(entropy, sizeof(entropy)), ByteView(nonce, sizeof(nonce)),
                          ByteView(pers, sizeof(pers))),
            "HmacDrbg::instantiate");
  for (size_t n : {1u, 32u, 77u, 200u}) {
    expect_ok(d.generate(MutableBytes(out, n), ByteView(adin, sizeof(adin))), "HmacDrbg::generate");
  }
  expect_ok(d.reseed(ByteView(entropy, 32), ByteView(adin, 5)), "HmacDrbg::reseed");
  expect_ok(d.generate(MutableBytes(out, sizeof(out))), "HmacDrbg::generate after reseed");
}

}  // namespace petrel_ct
