// Constant-time checker: run each case under valgrind memcheck (tests/ct/tests.cmake).
// Keys and secret inputs are poisoned with CT_POISON; any branch or memory index that depends on
// them is reported by memcheck as a use of an uninitialised value. Outputs that are public by
// design (ciphertext, tags, digests of public data) are unpoisoned before they are compared.
//
// The case list is the program's: fixed cases plus one (or a few) per available variant of every
// family, derived from the variant tables (AES, GHASH, the bignum kernel, ChaCha20, Poly1305,
// X25519). A
// variant that claims constant time must pass; one that does not must be caught (leak_*).
//
// Usage: ct_check CASE                         run one case (exit 0; valgrind decides)
//        ct_check --list                       print the case names
//        ct_check --ctest-file FILE VALGRIND   write the CTest include file of every case
//        ct_check --must-leak VALGRIND CASE    succeed only if memcheck reports CASE
//        ct_check --check-file FILE            fail unless FILE has exactly the cases
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

namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;

int g_failures = 0;

void expect_ok(Status s, const char* what) {
  if (s != Status::ok) {
    std::fprintf(stderr, "%s: %s\n", what, petrel::status_name(s));
    g_failures++;
  }
}

void fill(uint8_t* p, size_t n, uint8_t seed) {
  for (size_t i = 0; i < n; i++) {
    p[i] = static_cast<uint8_t>(seed + 31 * i + (i >> 3));
  }
}

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

void gcm(bool open, petrel::GhashImpl ghash = petrel::ghash_default_for(petrel::AesImpl::ct)) {
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

// ---- RSA ------------------------------------------------------------------------------------
// The key of RSA Laboratories' pss-vect.txt Example 1 (1024 bits, published test key).
const char kRsa_n[] =
    "a56e4a0e701017589a5187dc7ea841d156f2ec0e36ad52a44dfeb1e61f7ad991"
    "d8c51056ffedb162b4c0f283a12a88a394dff526ab7291cbb307ceabfce0b1df"
    "d5cd9508096d5b2b8b6df5d671ef6377c0921cb23c270a70e2598e6ff89d19f1"
    "05acc2d3f0cb35f29280e1386b6f64c4ef22e1e1f20d0ce8cffb2249bd9a2137";
const char kRsa_e[] =
    "010001";
const char kRsa_d[] =
    "33a5042a90b27d4f5451ca9bbbd0b44771a101af884340aef9885f2a4bbe92e8"
    "94a724ac3c568c8f97853ad07c0266c8c6a3ca0929f1e8f11231884429fc4d9a"
    "e55fee896a10ce707c3ed7e734e44727a39574501a532683109c2abacaba283c"
    "31b4bd2f53c3ee37e352cee34f9e503bd80c0622ad79c6dcee883547c6a3b325";
const char kRsa_p[] =
    "e7e8942720a877517273a356053ea2a1bc0c94aa72d55c6e86296b2dfc967948"
    "c0a72cbccca7eacb35706e09a1df55a1535bd9b3cc34160b3b6dcd3eda8e6443";
const char kRsa_q[] =
    "b69dca1cf7d4d7ec81e75b90fcca874abcde123fd2700180aa90479b6e48de8d"
    "67ed24f9f19d85ba275874f542cd20dc723e6963364a1f9425452b269a6799fd";
const char kRsa_dp[] =
    "28fa13938655be1f8a159cbaca5a72ea190c30089e19cd274a556f36c4f6e19f"
    "554b34c077790427bbdd8dd3ede2448328f385d81b30e8e43b2fffa027861979";
const char kRsa_dq[] =
    "1a8b38f398fa712049898d7fb79ee0a77668791299cdfa09efc0e507acb21ed7"
    "4301ef5bfd48be455eaeb6e1678255827580a8e4e8e14151d1510a82a3f2e729";
const char kRsa_qinv[] =
    "27156aba4126d24a81f3a528cbfb27f56886f840a9f6e86e17a44b94fe931958"
    "4b8e22fdde1e5a2e3bd8aa5ba8d8584194eb2190acf832b847f13a3d24a79f4d";

struct HexBuf {
  uint8_t b[256];
  size_t n = 0;
  explicit HexBuf(const char* hex) {
    for (size_t i = 0; hex[2 * i] != '\0' && i < sizeof(b); i++) {
      auto v = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
      b[i] = static_cast<uint8_t>(v(hex[2 * i]) * 16 + v(hex[2 * i + 1]));
      n = i + 1;
    }
  }
  ByteView view() const { return ByteView(b, n); }
};

// A deterministic Rng whose output is secret (blinding values, salts, seeds): poisoned.
class PoisonedRng final : public petrel::Rng {
 public:
  Status generate(MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      m_state = m_state * 6364136223846793005ull + 1442695040888963407ull;
      out[i] = static_cast<uint8_t>(m_state >> 56);
    }
    CT_POISON(out.data(), out.size());
    return Status::ok;
  }

 private:
  uint64_t m_state = 12345;
};

// Loads the key (unpoisoned: loading checks the key, a one-time public event), then marks its
// secret parts undefined. n and e, and all lengths, stay public.
petrel::RsaPrivateKey g_key;
void load_poisoned_key() {
  const HexBuf n(kRsa_n), e(kRsa_e), d(kRsa_d), p(kRsa_p), q(kRsa_q), dp(kRsa_dp), dq(kRsa_dq),
      qinv(kRsa_qinv);
  petrel::RsaPrivateParts parts{n.view(),  e.view(),  d.view(),  p.view(),
                                q.view(), dp.view(), dq.view(), qinv.view()};
  expect_ok(g_key.set(parts), "RsaPrivateKey::set");
  petrel::rsa_ct_poison_secrets_for_testing(g_key);
}

void rsa_private_op() {
  load_poisoned_key();
  uint8_t in[128];
  uint8_t out[128];
  fill(in, sizeof(in), 21);
  in[0] = 0x11;  // < n
  PoisonedRng rng;
  expect_ok(g_key.raw(MutableBytes(out, sizeof(out)), ByteView(in, sizeof(in)), rng),
            "RsaPrivateKey::raw");
  // The raw result is secret to the library (it may be a decrypted block); the test checks it.
  CT_UNPOISON(out, sizeof(out));
  uint8_t back[128];
  expect_ok(g_key.public_key().raw(MutableBytes(back, sizeof(back)), ByteView(out, sizeof(out))),
            "RsaPublicKey::raw");
  if (std::memcmp(back, in, sizeof(in)) != 0) {
    g_failures++;
  }
}

void rsa_sign(bool pss) {
  load_poisoned_key();
  uint8_t digest[32];
  fill(digest, sizeof(digest), 22);
  uint8_t sig[128];
  PoisonedRng rng;
  const ByteView dv(digest, sizeof(digest));
  if (pss) {
    expect_ok(petrel::rsa_pss_sign(MutableBytes(sig, sizeof(sig)), g_key,
                                   petrel::HashAlg::sha256, dv, rng),
              "rsa_pss_sign");
    expect_ok(petrel::rsa_pss_verify(g_key.public_key(), petrel::HashAlg::sha256, dv,
                                     ByteView(sig, sizeof(sig))),
              "rsa_pss_verify");
  } else {
    expect_ok(petrel::rsa_pkcs1_sign(MutableBytes(sig, sizeof(sig)), g_key,
                                     petrel::HashAlg::sha256, dv, rng),
              "rsa_pkcs1_sign");
    expect_ok(petrel::rsa_pkcs1_verify(g_key.public_key(), petrel::HashAlg::sha256, dv,
                                       ByteView(sig, sizeof(sig))),
              "rsa_pkcs1_verify");
  }
}

// Decryption: the decrypted block, the padding check and the message are secret; only the
// verdict and, for a good padding, the length become public.
enum class Dec { pkcs1, oaep, tls };
void rsa_decrypt(Dec kind) {
  load_poisoned_key();
  PoisonedRng rng;
  uint8_t msg[48];
  fill(msg, sizeof(msg), 23);
  msg[0] = 0x03;
  msg[1] = 0x03;
  uint8_t ct[128];
  uint8_t bad[128];
  fill(bad, sizeof(bad), 24);
  bad[0] = 0x01;  // < n, but not a valid padding with overwhelming probability
  // Encryption is public-key work on a public test message with public padding bytes.
  struct PublicRng final : petrel::Rng {
    Status generate(MutableBytes out) noexcept override {
      for (size_t i = 0; i < out.size(); i++) {
        out[i] = static_cast<uint8_t>(0x5a + 3 * i) | 1;
      }
      return Status::ok;
    }
  } pub_rng;
  const petrel::RsaPublicKey& pub = g_key.public_key();
  if (kind == Dec::oaep) {
    expect_ok(petrel::rsa_oaep_encrypt(MutableBytes(ct, sizeof(ct)), pub, petrel::HashAlg::sha256,
                                       ByteView(msg, sizeof(msg)), ByteView(), pub_rng),
              "rsa_oaep_encrypt");
  } else {
    expect_ok(petrel::rsa_pkcs1_encrypt(MutableBytes(ct, sizeof(ct)), pub,
                                        ByteView(msg, sizeof(msg)), pub_rng),
              "rsa_pkcs1_encrypt");
  }
  for (int round = 0; round < 2; round++) {
    const uint8_t* c = round == 0 ? ct : bad;
    uint8_t out[128];
    size_t out_len = 0;
    Status st;
    if (kind == Dec::tls) {
      st = petrel::rsa_pkcs1_decrypt_tls_premaster(MutableBytes(out, 48), g_key,
                                                   ByteView(c, sizeof(ct)), 0x0303, rng);
      out_len = 48;
    } else if (kind == Dec::oaep) {
      st = petrel::rsa_oaep_decrypt(MutableBytes(out, sizeof(out)), &out_len, g_key,
                                    petrel::HashAlg::sha256, ByteView(c, sizeof(ct)), ByteView(),
                                    rng);
    } else {
      st = petrel::rsa_pkcs1_decrypt(MutableBytes(out, sizeof(out)), &out_len, g_key,
                                     ByteView(c, sizeof(ct)), rng);
    }
    const bool want_ok = round == 0 || kind == Dec::tls;
    if ((st == Status::ok) != want_ok) {
      std::fprintf(stderr, "decrypt round %d: %s\n", round, petrel::status_name(st));
      g_failures++;
    }
    if (round == 0 && st == Status::ok) {
      CT_UNPOISON(out, out_len);  // the test looks at the secret result
      if (out_len != sizeof(msg) || std::memcmp(out, msg, sizeof(msg)) != 0) {
        g_failures++;
      }
    }
  }
}

// Constant-time modular exponentiation with the exponent (and the base) secret.
void bignum_modexp() {
  using petrel::bn::Limb;
  std::printf("bignum kernel %s\n", petrel::bn::mul_add_impl_name());
  const HexBuf pb(kRsa_p);
  const HexBuf db(kRsa_dp);
  constexpr size_t kN = petrel::bn::limbs_for_bytes(64);
  Limb p[kN];
  Limb e[kN];
  Limb b[kN];
  Limb r[kN];
  expect_ok(petrel::bn::from_bytes(p, kN, pb.view()), "from_bytes p");
  expect_ok(petrel::bn::from_bytes(e, kN, db.view()), "from_bytes dp");
  petrel::bn::Modulus m;
  expect_ok(m.set(p, kN), "Modulus::set");  // a public modulus here
  uint8_t base[64];
  fill(base, sizeof(base), 25);
  base[0] = 0x12;
  expect_ok(petrel::bn::from_bytes(b, kN, ByteView(base, sizeof(base))), "from_bytes base");
  CT_POISON(e, sizeof(e));
  CT_POISON(b, sizeof(b));
  expect_ok(petrel::bn::modexp_ct(r, b, e, kN, m), "modexp_ct");
  CT_POISON(r, sizeof(r));
  CT_UNPOISON(r, sizeof(r));
}


// ---- ChaCha20, Poly1305, ChaCha20-Poly1305, X25519 --------------------------------------------
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

// ---- TLS records ----------------------------------------------------------------------------
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

// Deliberate leak: a secret-indexed table read and a branch on a secret. memcheck must see it.
volatile uint8_t g_sink;
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

void leak_selftest() {
  static const uint8_t table[256] = {1, 2, 3};
  uint8_t secret[4] = {9, 8, 7, 6};
  CT_POISON(secret, sizeof(secret));
  g_sink = table[secret[0]];
  if (secret[1] == 8) {
    g_sink = 1;
  }
}

struct Case {
  std::string name;
  std::function<void()> fn;
  bool must_leak;  // a variant that is not constant-time, or the self-test: memcheck must report
};

// The cases that do not depend on a variant table.
std::vector<Case> fixed_cases() {
  return {
      {"cbc_ct_pkcs7", cbc_pkcs7, false},
      {"ctr_ct", ctr, false},
      {"cfb128_ct", [] { feedback_case(false); }, false},
      {"ofb_ct", [] { feedback_case(true); }, false},
      {"gcm_ct_seal", [] { gcm(false); }, false},
      {"gcm_ct_open", [] { gcm(true); }, false},
      {"md5", [] { hash_case(petrel::HashAlg::md5); }, false},
      {"sha1", [] { hash_case(petrel::HashAlg::sha1); }, false},
      {"sha256", [] { hash_case(petrel::HashAlg::sha256); hash_case(petrel::HashAlg::sha224); }, false},
      {"sha512", [] { hash_case(petrel::HashAlg::sha512); hash_case(petrel::HashAlg::sha384); }, false},
      {"hmac_sha1", [] { hmac_case(petrel::HashAlg::sha1); hmac_case(petrel::HashAlg::md5); }, false},
      {"hmac_sha256", [] { hmac_case(petrel::HashAlg::sha256); }, false},
      {"hmac_sha384", [] { hmac_case(petrel::HashAlg::sha384); hmac_case(petrel::HashAlg::sha512); }, false},
      {"tls10_prf", [] { prf(false); }, false},
      {"tls12_prf", [] { prf(true); }, false},
      {"ct_mem_equal", mem_equal, false},
      {"hmac_drbg", drbg_case, false},
      {"rsa_private_op", rsa_private_op, false},
      {"rsa_pkcs1_sign", [] { rsa_sign(false); }, false},
      {"rsa_pss_sign", [] { rsa_sign(true); }, false},
      {"rsa_pkcs1_decrypt_padding", [] { rsa_decrypt(Dec::pkcs1); }, false},
      {"rsa_oaep_decrypt", [] { rsa_decrypt(Dec::oaep); }, false},
      {"rsa_tls_premaster", [] { rsa_decrypt(Dec::tls); }, false},
      {"bignum_modexp", bignum_modexp, false},
      {"tls_cbc_open", tls_cbc_open, false},
      {"tls_gcm_open", tls_gcm_open, false},
      {"tls_chacha_open", tls_chacha_open, false},
      {"tls_finished", tls_finished, false},
      {"tls_premaster_encrypt", tls_premaster_encrypt, false},
      {"chacha20_poly1305_open", chacha20_poly1305_open_case, false},
      {"ec_p256_ecdh", [] { ec_scalar_case(true); }, false},
      {"ec_p256_public", [] { ec_scalar_case(false); }, false},
      {"ecdsa_p256_sign", ecdsa_sign_case, false},
      {"ec_keys_client_key", ec_keys_client_key_case, false},
      {"leak_selftest", leak_selftest, true},
  };
}

// One case (or a set of them) per available variant of each family, from the variant tables:
// a variant that claims constant time is a must-pass case, one that does not a must-leak case
// (leak_<family>_<name>), so adding a variant adds its check without anyone writing it here.
struct FamilyCount {
  const char* family;
  size_t variants;
};

template <typename Id>
void add_variant_cases(std::vector<Case>& out, std::vector<FamilyCount>& counts, const char* family,
                       size_t (*listed)(Id*, size_t), bool (*available)(Id),
                       bool (*constant_time)(Id), const char* (*name)(Id),
                       const std::vector<std::pair<std::string, std::function<void(Id)>>>& parts) {
  Id ids[32];
  const size_t n = listed(ids, 32);
  size_t used = 0;
  for (size_t i = 0; i < n && i < 32; i++) {
    const Id id = ids[i];
    if (!available(id)) {
      continue;  // a stub: nothing to run in this build
    }
    used++;
    const std::string v = name(id);
    if (constant_time(id)) {
      for (const auto& part : parts) {
        const std::function<void(Id)> fn = part.second;
        out.push_back({std::string(family) + "_" + v + part.first, [fn, id] { fn(id); }, false});
      }
    } else {
      // The first part is the one that must be caught (the block or multiply function itself).
      const std::function<void(Id)> fn = parts.front().second;
      out.push_back({std::string("leak_") + family + "_" + v, [fn, id] { fn(id); }, true});
    }
  }
  counts.push_back({family, used});
}

bool g_bn_ct(petrel::bn::BnKernel k) { return petrel::bn::kernel_is_constant_time(k); }

std::vector<Case> all_cases(std::vector<FamilyCount>* counts_out = nullptr) {
  std::vector<Case> out = fixed_cases();
  std::vector<FamilyCount> counts;
  using petrel::AesImpl;
  add_variant_cases<AesImpl>(out, counts, "aes", petrel::aes_impls_listed, petrel::aes_impl_available,
                             petrel::aes_impl_is_constant_time, petrel::aes_impl_name,
                             {{"_encrypt", [](AesImpl i) { aes_encrypt(i, false); }},
                              {"_decrypt", [](AesImpl i) { aes_encrypt(i, true); }},
                              {"_schedule", [](AesImpl i) { aes_schedule(i); }}});
  using petrel::GhashImpl;
  add_variant_cases<GhashImpl>(out, counts, "ghash", petrel::ghash_impls_listed,
                               petrel::ghash_impl_available, petrel::ghash_impl_is_constant_time,
                               petrel::ghash_impl_name,
                               {{"", [](GhashImpl g) { gcm(true, g); }}});
  using petrel::bn::BnKernel;
  add_variant_cases<BnKernel>(out, counts, "bn_kernel", petrel::bn::kernels_listed,
                              petrel::bn::kernel_available, g_bn_ct, petrel::bn::kernel_name,
                              {{"", [](BnKernel k) {
                                  expect_ok(petrel::bn::kernel_select(k), "kernel_select");
                                  bignum_modexp();
                                  rsa_private_op();
                                }}});
  using petrel::Poly1305Impl;
  add_variant_cases<Poly1305Impl>(out, counts, "poly1305", petrel::poly1305_impls_listed,
                                  petrel::poly1305_impl_available,
                                  petrel::poly1305_impl_is_constant_time, petrel::poly1305_impl_name,
                                  {{"", [](Poly1305Impl i) { poly1305_case(i); }}});
  using petrel::ChaCha20Impl;
  add_variant_cases<ChaCha20Impl>(out, counts, "chacha20", petrel::chacha20_impls_listed,
                                  petrel::chacha20_impl_available,
                                  petrel::chacha20_impl_is_constant_time, petrel::chacha20_impl_name,
                                  {{"", [](ChaCha20Impl i) { chacha20_case(i); }}});
  using petrel::X25519Impl;
  add_variant_cases<X25519Impl>(out, counts, "x25519", petrel::x25519_impls_listed,
                                petrel::x25519_impl_available, petrel::x25519_impl_is_constant_time,
                                petrel::x25519_impl_name,
                                {{"", [](X25519Impl i) { x25519_case(i); }}});
  if (counts_out != nullptr) {
    *counts_out = counts;
  }
  return out;
}

// CTest include file: one add_test per case, read by ctest at test time (TEST_INCLUDE_FILES), so
// the list is the program's own and cannot drift from a hand-written one.
int write_ctest_file(const char* path, const char* self, const char* valgrind) {
  FILE* f = std::fopen(path, "w");
  if (f == nullptr) {
    std::perror(path);
    return 1;
  }
  std::fprintf(f, "# Generated by ct_check --ctest-file from the variant tables; do not edit.\n");
  for (const Case& c : all_cases()) {
    if (c.must_leak) {
      std::fprintf(f, "add_test([=[ct.%s]=] \"%s\" --must-leak \"%s\" \"%s\")\n", c.name.c_str(), self,
                   valgrind, c.name.c_str());
    } else {
      std::fprintf(f,
                   "add_test([=[ct.%s]=] \"%s\" -q --error-exitcode=99 --track-origins=yes \"%s\" "
                   "\"%s\")\n",
                   c.name.c_str(), valgrind, self, c.name.c_str());
    }
  }
  return std::fclose(f) == 0 ? 0 : 1;
}

// Runs CASE under valgrind; succeeds only if memcheck reports it (exit status 99 exactly: a crash
// or a clean run both fail).
int must_leak(const char* self, const char* valgrind, const char* name) {
  const std::string cmd = std::string("'") + valgrind + "' -q --error-exitcode=99 '" + self + "' '" +
                          name + "' 2>/dev/null";
  const int st = std::system(cmd.c_str());
  const int rc = (st != -1 && WIFEXITED(st)) ? WEXITSTATUS(st) : -1;
  std::printf("valgrind exit %d (99 = leak caught)\n", rc);
  return rc == 99 ? 0 : 1;
}

// The include file holds exactly the cases of this program, and every family's table gave at
// least one variant.
int check_file(const char* path) {
  std::FILE* f = std::fopen(path, "r");
  if (f == nullptr) {
    std::fprintf(stderr, "%s: missing (ct_check's POST_BUILD step did not run)\n", path);
    return 1;
  }
  std::set<std::string> in_file;
  char line[2048];
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    const char* p = std::strstr(line, "[=[ct.");
    const char* q = p != nullptr ? std::strstr(p, "]=]") : nullptr;
    if (p != nullptr && q != nullptr) {
      in_file.insert(std::string(p + 6, q));
    }
  }
  std::fclose(f);
  std::vector<FamilyCount> counts;
  const std::vector<Case> cases = all_cases(&counts);
  std::set<std::string> have;
  size_t leaks = 0;
  for (const Case& c : cases) {
    have.insert(c.name);
    leaks += c.must_leak;
  }
  int bad = 0;
  if (have != in_file || have.size() != cases.size()) {
    std::fprintf(stderr, "%s and ct_check's cases differ (%zu vs %zu)\n", path, in_file.size(),
                 have.size());
    bad = 1;
  }
  std::printf("%zu constant-time cases (%zu must leak); variants from the tables:", cases.size(),
              leaks);
  for (const FamilyCount& fc : counts) {
    std::printf(" %s %zu", fc.family, fc.variants);
    if (fc.variants == 0) {
      bad = 1;
    }
  }
  std::printf("\n");
  return bad;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--list") == 0) {
    for (const Case& c : all_cases()) {
      std::printf("%s%s\n", c.name.c_str(), c.must_leak ? " (must leak)" : "");
    }
    return 0;
  }
  if (argc == 4 && std::strcmp(argv[1], "--ctest-file") == 0) {
    return write_ctest_file(argv[2], argv[0], argv[3]);
  }
  if (argc == 4 && std::strcmp(argv[1], "--must-leak") == 0) {
    return must_leak(argv[0], argv[2], argv[3]);
  }
  if (argc == 3 && std::strcmp(argv[1], "--check-file") == 0) {
    return check_file(argv[2]);
  }
  if (argc != 2) {
    std::fprintf(stderr,
                 "usage: ct_check CASE | --list | --ctest-file FILE VALGRIND | --must-leak VALGRIND CASE"
                 " | --check-file FILE\n");
    return 2;
  }
  for (const Case& c : all_cases()) {
    if (c.name == argv[1]) {
      c.fn();
      if (g_failures != 0) {
        std::fprintf(stderr, "%s: %d functional failure(s)\n", c.name.c_str(), g_failures);
        return 1;
      }
      return 0;
    }
  }
  std::fprintf(stderr, "ct_check: unknown case '%s'\n", argv[1]);
  return 2;
}
