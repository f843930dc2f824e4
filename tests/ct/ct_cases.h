// The constant-time cases of ct_check (tests/ct/ct_check.cpp holds the case list and main; the
// cases are in ct_symmetric.cpp, ct_rsa.cpp, ct_curves.cpp, ct_tls.cpp, one program) and what
// they share: the failure count, the poisoned RNG, the published RSA test key.
#ifndef PETREL_TESTS_CT_CT_CASES_H
#define PETREL_TESTS_CT_CT_CASES_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"
#include "crypto/bignum/bignum.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/ec/x25519.h"
#include "crypto/hash/hash.h"
#include "crypto/modes/gcm.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/ct.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel_ct {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;

extern int g_failures;
void expect_ok(Status s, const char* what);
void fill(uint8_t* p, size_t n, uint8_t seed);

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

// The RSA key of ct_rsa.cpp, loaded and its secret parts poisoned by load_poisoned_key().
extern petrel::RsaPrivateKey g_key;
void load_poisoned_key();

// ct_symmetric.cpp
void aes_schedule(petrel::AesImpl impl);
void aes_encrypt(petrel::AesImpl impl, bool decrypt);
void cbc_pkcs7();
void feedback_case(bool ofb);
void ctr();
void gcm(bool open, petrel::GhashImpl ghash = petrel::ghash_default_for(petrel::AesImpl::ct));
void hash_case(petrel::HashAlg alg);
void hmac_case(petrel::HashAlg alg);
void prf(bool tls12);
void mem_equal();
void drbg_case();
// ct_rsa.cpp
void rsa_private_op();
void rsa_sign(bool pss);
enum class Dec { pkcs1, oaep, tls };
void rsa_decrypt(Dec kind);
void bignum_modexp();
// ct_curves.cpp
void chacha20_case(petrel::ChaCha20Impl impl);
void poly1305_case(petrel::Poly1305Impl impl);
void chacha20_poly1305_open_case();
void x25519_case(petrel::X25519Impl impl);
void ec_scalar_case(bool ecdh);
void ecdsa_sign_case();
void ec_keys_client_key_case();
// ct_tls.cpp
void tls_cbc_open();
void tls_gcm_open();
void tls_chacha_open();
void tls_finished();
void tls_premaster_encrypt();

}  // namespace petrel_ct

#endif  // PETREL_TESTS_CT_CT_CASES_H
