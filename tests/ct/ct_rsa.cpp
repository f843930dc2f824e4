// ct_check cases (tests/ct/ct_cases.h): the RSA private operation, PKCS#1 v1.5 and PSS
// signing, PKCS#1 v1.5 / OAEP / TLS premaster decryption, bignum modexp.
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

}  // namespace petrel_ct
