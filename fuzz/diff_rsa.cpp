// Fuzz target "diff_rsa" (differential, against OpenSSL's libcrypto; host builds only): RSA
// under the fixed 1024-bit test key (fuzz/test_key.h), Petrel's rsa_pkcs1_verify,
// rsa_pss_verify and rsa_pkcs1_decrypt against EVP_PKEY_verify / EVP_PKEY_decrypt with
// RSA_PKCS1_PADDING / RSA_PKCS1_PSS_PADDING (salt length auto) over the same key.
// Input: byte 0 the mode (mod 6), the rest a 128-byte block (shorter: zero-extended, longer:
// used as is in modes 3-5):
//   0 the rest is an encoded message EM: the signature EM^d mod n (computed by libcrypto),
//     PKCS#1 v1.5 verify (SHA-256)
//   1 the same for PSS (SHA-256)
//   2 the rest is an EM: the ciphertext EM^e mod n, PKCS#1 v1.5 decrypt
//   3 / 4 the rest is the signature: v1.5 / PSS verify        5 the rest is the ciphertext
// Modes 0-2 let the fuzzer write the padding itself (00 01 FF .. 00 DigestInfo, the PSS
// 0xbc trailer, 00 02 PS 00 M), so both padding checkers are exercised near the valid shapes.
// Properties: Petrel and libcrypto agree on accept/refuse, and decryptions on the message.
// OpenSSL 3.2+ answers a bad v1.5 padding with implicit rejection (a random message); the
// target turns it off (rsa_pkcs1_implicit_rejection 0) and skips the decryption comparison if
// it cannot. Known differences: none so far.
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstring>

#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "fuzz/driver.h"
#include "fuzz/test_key.h"

using namespace petrel;

namespace {

struct Fixed {
  RsaPrivateKey key;
  EVP_PKEY* pkey = nullptr;
  uint8_t digest[32] = {};
  uint8_t n[128] = {};
  petrel_fuzz::FixedRng rng;
};

Fixed& fixed() {
  static Fixed* f = [] {
    static Fixed s;
    const ByteView der(petrel_fuzz::kTestKey1024Pkcs1, sizeof(petrel_fuzz::kTestKey1024Pkcs1));
    PETREL_FUZZ_CHECK(rsa_private_key_from_pkcs1(&s.key, der) == Status::ok);
    const unsigned char* p = petrel_fuzz::kTestKey1024Pkcs1;
    s.pkey = d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(der.size()));
    PETREL_FUZZ_CHECK(s.pkey != nullptr);
    size_t len = 0;
    PETREL_FUZZ_CHECK(s.key.public_key().export_part(RsaPart::n, MutableBytes(s.n), &len) ==
                          Status::ok && len == 128);
    static const char kMsg[] = "petrel rsa_padding fuzz target";
    PETREL_FUZZ_CHECK(hash(HashAlg::sha256, MutableBytes(s.digest),
                           ByteView(reinterpret_cast<const uint8_t*>(kMsg), sizeof(kMsg) - 1)) ==
                      Status::ok);
    return &s;
  }();
  return *f;
}

// One context per operation, made once (an OpenSSL 3 context per call costs more than the
// operation).
EVP_PKEY_CTX* verify_ctx(EVP_PKEY* pkey, bool pss) {
  static EVP_PKEY_CTX* ctx[2] = {nullptr, nullptr};
  EVP_PKEY_CTX*& c = ctx[pss ? 1 : 0];
  if (c == nullptr) {
    c = EVP_PKEY_CTX_new(pkey, nullptr);
    PETREL_FUZZ_CHECK(c != nullptr);
    PETREL_FUZZ_CHECK(EVP_PKEY_verify_init(c) == 1);
    PETREL_FUZZ_CHECK(EVP_PKEY_CTX_set_rsa_padding(c, pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING) == 1);
    PETREL_FUZZ_CHECK(EVP_PKEY_CTX_set_signature_md(c, EVP_sha256()) == 1);
    if (pss) {
      PETREL_FUZZ_CHECK(EVP_PKEY_CTX_set_rsa_pss_saltlen(c, RSA_PSS_SALTLEN_AUTO) == 1);
      PETREL_FUZZ_CHECK(EVP_PKEY_CTX_set_rsa_mgf1_md(c, EVP_sha256()) == 1);
    }
  }
  return c;
}

bool ossl_verify(EVP_PKEY* pkey, bool pss, const uint8_t* digest, const uint8_t* sig, size_t len) {
  return EVP_PKEY_verify(verify_ctx(pkey, pss), sig, len, digest, 32) == 1;
}

// Returns 1 ok, 0 refused, -1 cannot compare (implicit rejection could not be turned off).
int ossl_decrypt(EVP_PKEY* pkey, const uint8_t* c, size_t len, uint8_t* out, size_t* out_len) {
  static EVP_PKEY_CTX* ctx = nullptr;
  static bool comparable = true;
  if (ctx == nullptr) {
    ctx = EVP_PKEY_CTX_new(pkey, nullptr);
    PETREL_FUZZ_CHECK(ctx != nullptr);
    PETREL_FUZZ_CHECK(EVP_PKEY_decrypt_init(ctx) == 1);
    PETREL_FUZZ_CHECK(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1);
#if OPENSSL_VERSION_NUMBER >= 0x30200000L
    comparable = EVP_PKEY_CTX_ctrl_str(ctx, "rsa_pkcs1_implicit_rejection", "0") > 0;
#endif
  }
  if (!comparable) {
    return -1;
  }
  size_t n = 128;
  const int r = EVP_PKEY_decrypt(ctx, out, &n, c, len) == 1 ? 1 : 0;
  *out_len = n;
  return r;
}

// x^d mod n by libcrypto (RSA_NO_PADDING "decryption"): the signature of an encoded message,
// at a fraction of the cost of Petrel's constant-time private operation in an instrumented build.
void ossl_raw_private(EVP_PKEY* pkey, const uint8_t* in, uint8_t* out) {
  static EVP_PKEY_CTX* ctx = nullptr;
  if (ctx == nullptr) {
    ctx = EVP_PKEY_CTX_new(pkey, nullptr);
    PETREL_FUZZ_CHECK(ctx != nullptr);
    PETREL_FUZZ_CHECK(EVP_PKEY_decrypt_init(ctx) == 1);
    PETREL_FUZZ_CHECK(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_NO_PADDING) == 1);
  }
  size_t n = 128;
  PETREL_FUZZ_CHECK(EVP_PKEY_decrypt(ctx, out, &n, in, 128) == 1 && n == 128);
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  if (size < 1) {
    return 0;
  }
  Fixed& f = fixed();
  f.rng.reset();
  const unsigned mode = data[0] % 6u;
  uint8_t block[128] = {};
  const uint8_t* in = data + 1;
  size_t len = size - 1;
  if (mode <= 2 || len < 128) {
    std::memcpy(block, in, len < 128 ? len : 128);
    in = block;
    len = 128;
  }
  uint8_t op[128];
  if (mode <= 2) {
    if (std::memcmp(block, f.n, 128) >= 0) {
      return 0;  // not an RSA input
    }
    if (mode == 2) {
      PETREL_FUZZ_CHECK(f.key.public_key().raw(MutableBytes(op), ByteView(block)) == Status::ok);
    } else {
      ossl_raw_private(f.pkey, block, op);
    }
    in = op;
  }
  const RsaPublicKey& pub = f.key.public_key();
  switch (mode) {
    case 0:
    case 3:
    case 1:
    case 4: {
      const bool pss = mode == 1 || mode == 4;
      const Status s = pss ? rsa_pss_verify(pub, HashAlg::sha256, ByteView(f.digest), ByteView(in, len))
                           : rsa_pkcs1_verify(pub, HashAlg::sha256, ByteView(f.digest), ByteView(in, len));
      const bool theirs = ossl_verify(f.pkey, pss, f.digest, in, len);
      if ((s == Status::ok) != theirs) {
        std::fprintf(stderr, "diff_rsa: %s verify: Petrel %s, OpenSSL %s\n", pss ? "PSS" : "v1.5",
                     status_name(s), theirs ? "ok" : "refused");
      }
      PETREL_FUZZ_CHECK((s == Status::ok) == theirs);
      break;
    }
    default: {
      uint8_t mine[128];
      uint8_t theirs[128];
      size_t mine_len = 0;
      size_t theirs_len = 0;
      const Status s = rsa_pkcs1_decrypt(MutableBytes(mine), &mine_len, f.key, ByteView(in, len), f.rng);
      const int r = ossl_decrypt(f.pkey, in, len, theirs, &theirs_len);
      if (r < 0) {
        break;
      }
      PETREL_FUZZ_CHECK((s == Status::ok) == (r == 1));
      if (r == 1) {
        PETREL_FUZZ_CHECK(mine_len == theirs_len &&
                          (mine_len == 0 || std::memcmp(mine, theirs, mine_len) == 0));
      }
      break;
    }
  }
  return 0;
}
