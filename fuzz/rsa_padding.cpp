// Fuzz target "rsa_padding": the RSA padding decoders of crypto/rsa/rsa.h under one fixed
// 1024-bit test key (fuzz/test_key.h), the input being the ciphertext or signature. The first
// byte picks the operation (mod 8), the rest is the operand:
//   0 rsa_pkcs1_decrypt              4 rsa_pkcs1_verify (SHA-256) of the valid signature XOR rest
//   1 rsa_pkcs1_decrypt_tls_premaster 5 rsa_pss_verify (SHA-256, any salt) of the valid one XOR rest
//   2 rsa_oaep_decrypt (SHA-1)       6 rsa_pkcs1_verify and rsa_pkcs1_verify_md5sha1 of rest
//   3 rsa_oaep_decrypt (SHA-256)     7 rsa_pss_verify (SHA-1, SHA-256; any and fixed salts) of rest
// Also reached: RsaPrivateKey::raw (blinded CRT, fault check), RsaPublicKey::raw, mgf1_xor.
// Properties: no crash; decrypt outputs fit (v1.5: at most k - 11 bytes, OAEP: k - 2 hLen - 2)
// and a failed decrypt is bad_padding or a public length/range error; the premaster is always
// 48 bytes and the call is ok for every input of k bytes below n (implicit rejection); a
// signature made here (v1.5 and PSS) verifies, and the same signature with any bit changed
// (modes 4 and 5: a non-zero XOR mask) never does.
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
  uint8_t n[128] = {};
  uint8_t digest256[32] = {};
  uint8_t digest1[20] = {};
  uint8_t digest36[36] = {};
  uint8_t sig_v15[128] = {};
  uint8_t sig_pss[128] = {};
  petrel_fuzz::FixedRng rng;
};

Fixed& fixed() {
  static Fixed* f = [] {
    static Fixed s;
    PETREL_FUZZ_CHECK(rsa_private_key_from_pkcs1(&s.key, ByteView(petrel_fuzz::kTestKey1024Pkcs1,
                                                                    sizeof(petrel_fuzz::kTestKey1024Pkcs1))) ==
                      Status::ok);
    PETREL_FUZZ_CHECK(s.key.size() == 128);
    size_t len = 0;
    PETREL_FUZZ_CHECK(s.key.public_key().export_part(RsaPart::n, MutableBytes(s.n), &len) ==
                          Status::ok &&
                      len == 128);
    static const char kMsg[] = "petrel rsa_padding fuzz target";
    const ByteView msg(reinterpret_cast<const uint8_t*>(kMsg), sizeof(kMsg) - 1);
    PETREL_FUZZ_CHECK(hash(HashAlg::sha256, MutableBytes(s.digest256), msg) == Status::ok);
    PETREL_FUZZ_CHECK(hash(HashAlg::sha1, MutableBytes(s.digest1), msg) == Status::ok);
    PETREL_FUZZ_CHECK(hash(HashAlg::md5, MutableBytes(s.digest36, 16), msg) == Status::ok);
    std::memcpy(s.digest36 + 16, s.digest1, 20);
    s.rng.reset();
    PETREL_FUZZ_CHECK(rsa_pkcs1_sign(MutableBytes(s.sig_v15), s.key, HashAlg::sha256,
                                     ByteView(s.digest256), s.rng) == Status::ok);
    PETREL_FUZZ_CHECK(rsa_pss_sign(MutableBytes(s.sig_pss), s.key, HashAlg::sha256,
                                   ByteView(s.digest256), s.rng) == Status::ok);
    return &s;
  }();
  return *f;
}

bool below_n(ByteView c, const uint8_t* n) {
  return c.size() == 128 && std::memcmp(c.data(), n, 128) < 0;
}

void check_decrypt_status(Status s, ByteView c, const uint8_t* n) {
  if (below_n(c, n)) {
    PETREL_FUZZ_CHECK(s == Status::ok || s == Status::bad_padding);
  } else {
    PETREL_FUZZ_CHECK(s != Status::ok);
  }
}

// The valid signature XOR the mask (zero-extended); *changed tells whether any bit changed.
void masked(uint8_t out[128], const uint8_t valid[128], ByteView mask, bool* changed) {
  *changed = false;
  for (size_t i = 0; i < 128; i++) {
    const uint8_t m = i < mask.size() ? mask[i] : 0;
    out[i] = static_cast<uint8_t>(valid[i] ^ m);
    *changed = *changed || m != 0;
  }
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  if (size < 1) {
    return 0;
  }
  Fixed& f = fixed();
  f.rng.reset();
  const unsigned mode = data[0] % 8u;
  const ByteView c(data + 1, size - 1);
  const RsaPublicKey& pub = f.key.public_key();
  uint8_t out[128];
  size_t out_len = 0;
  switch (mode) {
    case 0: {
      const Status s = rsa_pkcs1_decrypt(MutableBytes(out), &out_len, f.key, c, f.rng);
      check_decrypt_status(s, c, f.n);
      if (s == Status::ok) {
        PETREL_FUZZ_CHECK(out_len <= 128 - 11);
      }
      break;
    }
    case 1: {
      uint8_t pms[48];
      std::memset(pms, 0xee, sizeof(pms));
      const uint16_t version = (size & 1) != 0 ? 0x0303 : 0x0301;
      const Status s = rsa_pkcs1_decrypt_tls_premaster(MutableBytes(pms), f.key, c, version, f.rng);
      if (below_n(c, f.n)) {
        PETREL_FUZZ_CHECK(s == Status::ok);
      } else {
        PETREL_FUZZ_CHECK(s != Status::ok);
      }
      break;
    }
    case 2:
    case 3: {
      const HashAlg alg = mode == 2 ? HashAlg::sha1 : HashAlg::sha256;
      const Status s = rsa_oaep_decrypt(MutableBytes(out), &out_len, f.key, alg, c, ByteView(),
                                        f.rng);
      check_decrypt_status(s, c, f.n);
      if (s == Status::ok) {
        PETREL_FUZZ_CHECK(out_len <= 128 - 2 * hash_digest_size(alg) - 2);
      }
      break;
    }
    case 4:
    case 5: {
      uint8_t sig[128];
      bool changed = false;
      masked(sig, mode == 4 ? f.sig_v15 : f.sig_pss, c, &changed);
      const Status s = mode == 4
                           ? rsa_pkcs1_verify(pub, HashAlg::sha256, ByteView(f.digest256),
                                              ByteView(sig))
                           : rsa_pss_verify(pub, HashAlg::sha256, ByteView(f.digest256),
                                            ByteView(sig));
      PETREL_FUZZ_CHECK((s == Status::ok) == !changed);
      break;
    }
    case 6: {
      const bool same = c.size() == 128 && std::memcmp(c.data(), f.sig_v15, 128) == 0;
      PETREL_FUZZ_CHECK((rsa_pkcs1_verify(pub, HashAlg::sha256, ByteView(f.digest256), c) ==
                         Status::ok) == same);
      (void)rsa_pkcs1_verify(pub, HashAlg::sha1, ByteView(f.digest1), c);
      (void)rsa_pkcs1_verify_md5sha1(pub, ByteView(f.digest36), c);
      break;
    }
    default: {
      const bool same = c.size() == 128 && std::memcmp(c.data(), f.sig_pss, 128) == 0;
      const Status s = rsa_pss_verify(pub, HashAlg::sha256, ByteView(f.digest256), c);
      if (same) {
        PETREL_FUZZ_CHECK(s == Status::ok);
      }
      (void)rsa_pss_verify(pub, HashAlg::sha256, ByteView(f.digest256), c, 32);
      (void)rsa_pss_verify(pub, HashAlg::sha1, ByteView(f.digest1), c);
      (void)rsa_pss_verify(pub, HashAlg::sha1, ByteView(f.digest1), c, 0);
      break;
    }
  }
  return 0;
}
