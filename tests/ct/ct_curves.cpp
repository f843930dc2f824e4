// ct_check cases (tests/ct/ct_cases.h): ChaCha20, Poly1305, ChaCha20-Poly1305, X25519, P-256
// ECDH and public keys, ECDSA signing, the EC client key of the TLS engine.
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
#include "crypto/ec/ecdsa_test_hooks.h"
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

// ChaCha20: key and data secret, several lengths (partial blocks, streaming pieces), one
// implementation (a case per variant, from the table), also misaligned and in the AEAD.
void chacha20_case(petrel::ChaCha20Impl impl) {
  uint8_t key[32];
  uint8_t nonce[12];
  uint8_t buf[300];
  fill(key, sizeof(key), 29);
  fill(nonce, sizeof(nonce), 30);
  fill(buf, sizeof(buf), 31);
  CT_POISON(key, sizeof(key));
  CT_POISON(buf, sizeof(buf));
  uint8_t block[64];
  petrel::chacha20_block(block, key, 7, nonce);
  expect_ok(petrel::chacha20_block_impl(block, key, 7, nonce, impl), "chacha20_block_impl");
  for (size_t len : {0u, 1u, 63u, 64u, 65u, 300u}) {
    expect_ok(petrel::chacha20_xor(MutableBytes(buf, len), ByteView(key, 32), ByteView(nonce, 12), 1,
                                   ByteView(buf, len), impl),
              "chacha20_xor");
  }
  // Misaligned (the byte path of the assembly variants).
  expect_ok(petrel::chacha20_xor(MutableBytes(buf + 1, 200), ByteView(key, 32), ByteView(nonce, 12),
                                 1, ByteView(buf + 3, 200), impl),
            "chacha20_xor misaligned");
  petrel::ChaCha20 c;
  expect_ok(c.init(ByteView(key, 32), ByteView(nonce, 12), 0, impl), "ChaCha20::init");
  for (size_t len : {5u, 70u, 128u, 3u}) {
    expect_ok(c.crypt(MutableBytes(buf, len), ByteView(buf, len)), "ChaCha20::crypt");
  }
  uint8_t tag[16];
  petrel::ChaCha20Poly1305 aead;
  expect_ok(aead.init(ByteView(key, 32), petrel::kPoly1305DefaultImpl, impl),
            "ChaCha20Poly1305::init");
  expect_ok(aead.seal(MutableBytes(buf, 150), MutableBytes(tag, 16), ByteView(nonce, 12),
                      ByteView(buf + 150, 13), ByteView(buf, 150)),
            "ChaCha20Poly1305::seal");
}

// Poly1305: the one-time key and the message secret, every implementation, lengths around the
// block size, streaming pieces.
void poly1305_case(petrel::Poly1305Impl impl) {
  const petrel::Poly1305Impl impls[1] = {impl};
  const size_t n = 1;
  uint8_t key[32];
  uint8_t msg[200];
  uint8_t tag[16];
  fill(key, sizeof(key), 32);
  fill(msg, sizeof(msg), 33);
  for (size_t i = 0; i < n; i++) {
    CT_POISON(key, sizeof(key));
    CT_POISON(msg, sizeof(msg));
    for (size_t len : {0u, 1u, 15u, 16u, 17u, 200u}) {
      expect_ok(petrel::poly1305(MutableBytes(tag, 16), ByteView(key, 32), ByteView(msg, len), impls[i]),
                "poly1305");
    }
    petrel::Poly1305 p;
    expect_ok(p.init(ByteView(key, 32), impls[i]), "Poly1305::init");
    expect_ok(p.update(ByteView(msg, 7)), "Poly1305::update");
    expect_ok(p.update(ByteView(msg + 7, 100)), "Poly1305::update");
    expect_ok(p.final(MutableBytes(tag, 16)), "Poly1305::final");
  }
}

// ChaCha20-Poly1305: the key secret (and so the keystream, the one-time key and the tag that
// open() computes); the plaintext secret; only open()'s verdict is declassified. A good record
// and records with a bad tag and a bad ciphertext byte.
void chacha20_poly1305_open_case() {
  petrel::Poly1305Impl impls[4];
  const size_t n = petrel::poly1305_impls_available(impls, 4);
  uint8_t key[32];
  uint8_t nonce[12];
  uint8_t aad[13];
  uint8_t pt[100];
  uint8_t ct[100];
  uint8_t out[100];
  uint8_t tag[16];
  fill(key, sizeof(key), 34);
  fill(nonce, sizeof(nonce), 35);
  fill(aad, sizeof(aad), 36);
  fill(pt, sizeof(pt), 37);
  for (size_t i = 0; i < n; i++) {
    CT_POISON(key, sizeof(key));
    petrel::ChaCha20Poly1305 aead;
    expect_ok(aead.init(ByteView(key, 32), impls[i]), "ChaCha20Poly1305::init");
    CT_POISON(pt, sizeof(pt));
    expect_ok(aead.seal(MutableBytes(ct, sizeof(ct)), MutableBytes(tag, 16), ByteView(nonce, 12),
                        ByteView(aad, sizeof(aad)), ByteView(pt, sizeof(pt))),
              "ChaCha20Poly1305::seal");
    CT_UNPOISON(ct, sizeof(ct));  // what goes on the wire is public
    CT_UNPOISON(tag, sizeof(tag));
    for (int kind = 0; kind < 3; kind++) {  // 0 good, 1 bad tag, 2 bad ciphertext
      if (kind == 1) {
        tag[5] ^= 0x20;
      } else if (kind == 2) {
        tag[5] ^= 0x20;
        ct[40] ^= 0x01;
      }
      const Status s = aead.open(MutableBytes(out, sizeof(out)), ByteView(nonce, 12),
                                 ByteView(aad, sizeof(aad)), ByteView(ct, sizeof(ct)), ByteView(tag, 16));
      if (s != (kind == 0 ? Status::ok : Status::auth_failed)) {
        std::fprintf(stderr, "ChaCha20Poly1305::open kind %d: %s\n", kind, petrel::status_name(s));
        g_failures++;
      }
      if (kind == 0) {
        CT_UNPOISON(out, sizeof(out));  // the test looks at the secret result
        CT_UNPOISON(pt, sizeof(pt));
        if (std::memcmp(out, pt, sizeof(pt)) != 0) {
          g_failures++;
        }
      }
    }
    ct[40] ^= 0x01;
  }
}

// X25519: the scalar secret, every implementation: a shared secret, a public key, a key pair
// from a poisoned Rng, and a small-order point (only the all-zero verdict is declassified).
void x25519_case(petrel::X25519Impl impl) {
  const petrel::X25519Impl impls[1] = {impl};
  const size_t n = 1;
  uint8_t k[32];
  uint8_t u[32];
  uint8_t out[32];
  fill(k, sizeof(k), 38);
  fill(u, sizeof(u), 39);
  for (size_t i = 0; i < n; i++) {
    CT_POISON(k, sizeof(k));
    expect_ok(petrel::x25519(out, k, u, impls[i]), "x25519");
    expect_ok(petrel::x25519_public_key(out, k, impls[i]), "x25519_public_key");
    uint8_t small_order[32] = {1};
    if (petrel::x25519(out, k, small_order, impls[i]) != Status::invalid_argument) {
      std::fprintf(stderr, "x25519 accepted a small-order point\n");
      g_failures++;
    }
    PoisonedRng rng;
    uint8_t pub[32];
    uint8_t priv[32];
    expect_ok(petrel::x25519_keypair(pub, priv, rng, impls[i]), "x25519_keypair");
  }
}

// P-256 and P-384 (crypto/ec): the private scalar secret in ECDH (a public peer point, the
// RFC 6979 A.2.5 public key), public-from-private, the range check, key generation from a
// poisoned Rng. Only the declassified verdicts (scalar range, identity) and the public key may
// be branched on; the shared secret stays poisoned.
const char kEcPeer256[] =
    "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
    "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
const char kEcPeer384[] =
    "04ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064a2"
    "54515480bc138015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1288b231c3ae0d4"
    "fe7344fd2533264720";

void ec_scalar_case(bool ecdh) {
  for (petrel::EcCurve c : {petrel::EcCurve::p256, petrel::EcCurve::p384}) {
    const size_t sz = petrel::ec_scalar_size(c);
    const HexBuf peer(c == petrel::EcCurve::p256 ? kEcPeer256 : kEcPeer384);
    uint8_t d[petrel::kEcMaxScalarSize];
    uint8_t out[petrel::kEcMaxPointSize];
    fill(d, sz, 61);
    d[0] &= 0x7f;  // below n
    CT_POISON(d, sz);
    if (ecdh) {
      expect_ok(petrel::ec_ecdh(c, MutableBytes(out, sz), ByteView(d, sz), peer.view()),
                "ec_ecdh");
    } else {
      expect_ok(petrel::ec_private_check(c, ByteView(d, sz)), "ec_private_check");
      expect_ok(petrel::ec_public_from_private(c, MutableBytes(out, petrel::ec_point_size(c)),
                                               ByteView(d, sz)),
                "ec_public_from_private");
      PoisonedRng rng;
      uint8_t d2[petrel::kEcMaxScalarSize];
      expect_ok(petrel::ec_generate_key(c, MutableBytes(d2, sz),
                                        MutableBytes(out, petrel::ec_point_size(c)), rng),
                "ec_generate_key");
    }
  }
}

// ECDSA signing: the private key poisoned, so the RFC 6979 nonce derived from it is secret
// too; deterministic, hedged (a poisoned hedge), and the given-k entry with k poisoned as well.
// r and s are declassified by the library (they are the signature).
void ecdsa_sign_case() {
  for (petrel::EcCurve c : {petrel::EcCurve::p256, petrel::EcCurve::p384}) {
    const size_t sz = petrel::ec_scalar_size(c);
    uint8_t d[petrel::kEcMaxScalarSize], k[petrel::kEcMaxScalarSize];
    uint8_t digest[48];
    fill(d, sz, 71);
    fill(k, sz, 72);
    fill(digest, sizeof(digest), 73);
    d[0] &= 0x7f;
    k[0] &= 0x7f;
    CT_POISON(d, sz);
    CT_POISON(k, sz);
    uint8_t sig[petrel::kEcdsaMaxSignatureSize];
    size_t len = 0;
    expect_ok(petrel::ecdsa_sign(c, MutableBytes(sig, sizeof(sig)), &len, ByteView(d, sz),
                                 ByteView(digest, sizeof(digest)), petrel::HashAlg::sha256,
                                 nullptr),
              "ecdsa_sign");
    PoisonedRng rng;
    expect_ok(petrel::ecdsa_sign(c, MutableBytes(sig, sizeof(sig)), &len, ByteView(d, sz),
                                 ByteView(digest, 32), petrel::HashAlg::sha384, &rng),
              "ecdsa_sign hedged");
    uint8_t r[petrel::kEcMaxScalarSize], s[petrel::kEcMaxScalarSize];
    expect_ok(petrel::ecdsa_internal::ecdsa_sign_with_k(c, MutableBytes(r, sz), MutableBytes(s, sz),
                                                        ByteView(d, sz),
                                                        ByteView(digest, sizeof(digest)),
                                                        ByteView(k, sz)),
              "ecdsa_sign_with_k");
  }
}

// EC key files and the TLS client key: a SEC 1 DER key whose d octets are poisoned is read
// (strict DER: only lengths and tags, which are public, steer the parser; d is checked with
// ec_private_check and d*G compared with the file's public key, both public results), keys are
// set from a poisoned d (P-256, X25519), and EcClientKey signs CertificateVerify digests
// (TLS 1.2 SHA-256/SHA-384, and the SHA-1 half of the TLS 1.0 MD5||SHA-1 digest).
void ec_keys_client_key_case() {
  using petrel::EcKeyAlg;
  // (P-384 runs the same code as P-256 here; its scalar multiplications are in the cases above.)
  for (EcKeyAlg a : {EcKeyAlg::p256, EcKeyAlg::x25519}) {
    const size_t n = petrel::ec_key_alg_private_size(a);
    uint8_t d[petrel::kEcMaxScalarSize];
    fill(d, n, 81);
    d[0] &= 0x7f;
    petrel::EcPrivateKey clear;
    expect_ok(petrel::ec_private_key_set(&clear, a, ByteView(d, n)), "ec_private_key_set (clear)");
    uint8_t der[petrel::kEcMaxPrivateKeyDerLen];
    size_t len = 0;
    if (a != EcKeyAlg::x25519) {
      expect_ok(petrel::ec_private_key_write(MutableBytes(der, sizeof(der)), &len, clear,
                                             petrel::EcKeyFile::sec1_private, false),
                "ec_private_key_write");
      // SEC 1: 30 len 02 01 01 04 n d...: the d octets start after the OCTET STRING header.
      const size_t at = der[1] == 0x81 ? 8 : 7;
      CT_POISON(der + at, n);
      petrel::EcPrivateKey from_file;
      expect_ok(petrel::ec_private_key_from_sec1(&from_file, ByteView(der, len)),
                "ec_private_key_from_sec1");
    }
    CT_POISON(d, n);
    petrel::EcPrivateKey key;
    expect_ok(petrel::ec_private_key_set(&key, a, ByteView(d, n)), "ec_private_key_set");
    if (a == EcKeyAlg::x25519) {
      continue;
    }
    PoisonedRng rng;
    petrel::tls::EcClientKey ck(key, rng);
    uint8_t digest[48];
    fill(digest, sizeof(digest), 82);
    uint8_t sig[petrel::kEcdsaMaxSignatureSize];
    size_t sig_len = 0;
    expect_ok(ck.sign(MutableBytes(sig, sizeof(sig)), &sig_len, petrel::tls::kSigEcdsaSecp256r1Sha256,
                      ByteView(digest, 32)),
              "EcClientKey sha256");
    expect_ok(ck.sign(MutableBytes(sig, sizeof(sig)), &sig_len, petrel::tls::kSigEcdsaSecp384r1Sha384,
                      ByteView(digest, 48)),
              "EcClientKey sha384");
    expect_ok(ck.sign(MutableBytes(sig, sizeof(sig)), &sig_len, 0, ByteView(digest, 36)),
              "EcClientKey TLS 1.0");
  }
}

}  // namespace petrel_ct
