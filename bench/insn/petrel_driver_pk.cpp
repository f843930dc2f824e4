// Instruction-count workloads of the public-key operations (workload.h): X25519, P-256 ECDH and
// ECDSA, RSA-2048 PKCS#1 v1.5 signatures with the fixed test key of rsa2048_test_key.h (its
// blinding from FixedSeedRng, so two runs execute the same instructions).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/petrel_driver.h"
#include "bench/insn/rsa2048_test_key.h"
#include "crypto/ec/ec.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/ec/x25519.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"

namespace petrel_insn {

// N scalar multiplications of the fixed point u = 9 by the fixed scalar wl_key.
int run_x25519(const char* alg, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: X25519 %s\n", x25519_impl_name(kX25519DefaultImpl));
  }
  uint8_t shared[kX25519KeySize] = {};
  for (size_t i = 0; i < n; i++) {
    const Status s = x25519(shared, wl_key, wl_x25519_point);
    if (s != Status::ok) {
      return fail("x25519", s);
    }
  }
  wl_print_result(alg, n, shared, sizeof shared);
  return WL_EXIT_OK;
}

// P-256 (crypto/ec): N ECDH shared secrets, N RFC 6979 signatures, N verifications (workload.h).
int run_p256(const char* alg, int what, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: P-256 portable 32-bit limbs\n");
  }
  uint8_t out[kEcdsaMaxSignatureSize] = {};
  size_t len = 0;
  for (size_t i = 0; i < n; i++) {
    Status s;
    if (what == 0) {
      s = ec_ecdh(EcCurve::p256, MutableBytes(out, 32), ByteView(wl_key, 32),
                  ByteView(wl_p256_peer, sizeof wl_p256_peer));
      len = 32;
    } else if (what == 1) {
      s = ecdsa_sign(EcCurve::p256, MutableBytes(out, sizeof out), &len, ByteView(wl_key, 32),
                     ByteView(wl_rsa_digest, sizeof wl_rsa_digest), HashAlg::sha256, nullptr);
    } else {
      s = ecdsa_verify(EcCurve::p256, ByteView(wl_p256_peer, sizeof wl_p256_peer),
                       ByteView(wl_p256_sample, sizeof wl_p256_sample),
                       ByteView(wl_p256_sig, sizeof wl_p256_sig));
    }
    if (s != Status::ok) {
      return fail(alg, s);
    }
  }
  if (what == 0) {
    wl_print_result(alg, n, out, 32);
  } else if (what == 1) {
    const Status s = ecdsa_verify(EcCurve::p256, ByteView(wl_p256_pub, sizeof wl_p256_pub),
                                  ByteView(wl_rsa_digest, sizeof wl_rsa_digest),
                                  ByteView(out, len));
    if (s != Status::ok) {
      return fail("ecdsa_verify of the last signature", s);
    }
    wl_print_result(alg, n, wl_p256_pub, 16);
  } else {
    wl_print_result(alg, n, wl_p256_sig + 5, 16);
  }
  return WL_EXIT_OK;
}

int run_rsa(const char* alg, bool sign, size_t n) {
  RsaPrivateKey key;
  FixedSeedRng rng;
  const ByteView pem(reinterpret_cast<const uint8_t*>(kRsa2048TestKeyPem), sizeof(kRsa2048TestKeyPem) - 1);
  Status s = rsa_private_key_load(&key, pem);
  if (s != Status::ok) {
    return fail("rsa_private_key_load", s);
  }
  s = rng.init();
  if (s != Status::ok) {
    return fail("HmacDrbg::instantiate", s);
  }
  uint8_t sig[256];
  if (sign) {
    for (size_t i = 0; i < n; i++) {
      s = rsa_pkcs1_sign(MutableBytes(sig), key, HashAlg::sha256, ByteView(wl_rsa_digest), rng);
      if (s != Status::ok) {
        return fail("rsa_pkcs1_sign", s);
      }
    }
    if (std::memcmp(sig, kRsa2048TestSig, sizeof(sig)) != 0) {
      std::fprintf(stderr, "petrel_insn_driver: signature differs from kRsa2048TestSig\n");
      return WL_EXIT_FAIL;
    }
  } else {
    std::memcpy(sig, kRsa2048TestSig, sizeof(sig));
    for (size_t i = 0; i < n; i++) {
      s = rsa_pkcs1_verify(key.public_key(), HashAlg::sha256, ByteView(wl_rsa_digest), ByteView(sig));
      if (s != Status::ok) {
        return fail("rsa_pkcs1_verify", s);
      }
    }
  }
  wl_print_result(alg, n, sig, 16);
  return WL_EXIT_OK;
}

}  // namespace petrel_insn
