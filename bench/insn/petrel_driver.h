// The parts of the Petrel instruction-count driver (petrel_driver.cpp: the -impl selection and
// main) that its workload files share: the variants -impl chose, the error report, the
// fixed-seed RNG of the RSA and TLS workloads, and the workloads, one file per family in the
// order of workload.h:
//   petrel_driver_aes.cpp     aes-128-cbc aes-256-cbc aes-256-ctr aes-256-gcm
//   petrel_driver_hash.cpp    sha1 sha256 sha512 md5 hmac-sha256
//   petrel_driver_stream.cpp  rc4 chacha20 poly1305 chacha20-poly1305
//   petrel_driver_pk.cpp      x25519 ecdhp256 ecdsap256-sign/-verify rsa2048-sign/-verify
//   petrel_driver_tls.cpp     tls-full tls-resumed tls-full-ecdhe tls-full-ecdsa
// Each workload file has its own copy of workload.h's buffers and fills it (wl_init()) when its
// workload starts; one workload runs per process, so the work is what it was in one file.
#ifndef PETREL_BENCH_INSN_PETREL_DRIVER_H
#define PETREL_BENCH_INSN_PETREL_DRIVER_H

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "bench/insn/workload.h"
#include "crypto/aes/aes.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/hash/hash.h"
#include "crypto/modes/gcm.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/rand/rng.h"
#include "crypto/rc4/rc4.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel_insn {

using namespace petrel;

// Set by main (petrel_driver.cpp) before the workload runs.
extern bool g_verbose;
extern AesImpl g_aes_impl;  // -impl; also the TLS records' AES
// The other families' variants: their defaults, or their "armv7-neon" rows under -impl neon.
extern bool g_ghash_set;  // false: GHASH follows the AES implementation (ghash_default_for)
extern GhashImpl g_ghash_impl;
extern ChaCha20Impl g_chacha20_impl;
extern Poly1305Impl g_poly1305_impl;

inline int fail(const char* what, Status s) {
  std::fprintf(stderr, "petrel_insn_driver: %s failed (%s)\n", what, status_name(s));
  return WL_EXIT_FAIL;
}

// Blinding randomness from a DRBG with a fixed, public seed: reproducible counts (not secure).
class FixedSeedRng final : public Rng {
 public:
  Status init() noexcept {
    uint8_t seed[48];
    for (size_t i = 0; i < sizeof(seed); i++) {
      seed[i] = static_cast<uint8_t>(i);
    }
    return m_drbg.instantiate(ByteView(seed, 32), ByteView(seed + 32, 16), ByteView());
  }
  Status generate(MutableBytes out) noexcept override { return m_drbg.generate(out); }

 private:
  HmacDrbg m_drbg;
};

// petrel_driver_aes.cpp
int run_cbc(const char* alg, AesImpl impl, size_t key_len, size_t n);
int run_ctr(const char* alg, AesImpl impl, size_t n);
int run_gcm(const char* alg, AesImpl impl, size_t n);
// petrel_driver_hash.cpp
int run_hash(const char* alg, HashAlg halg, size_t n);
int run_hmac(const char* alg, size_t n);
// petrel_driver_stream.cpp
int run_rc4(const char* alg, Rc4Impl impl, size_t n);
int run_chacha20(const char* alg, size_t n);
int run_poly1305(const char* alg, size_t n);
int run_chacha20_poly1305(const char* alg, size_t n);
// petrel_driver_pk.cpp (what: 0 ECDH, 1 sign, 2 verify)
int run_x25519(const char* alg, size_t n);
int run_p256(const char* alg, int what, size_t n);
int run_rsa(const char* alg, bool sign, size_t n);
// petrel_driver_tls.cpp (workload: WL_TLS_*, tls_workload.h)
int run_tls(const char* alg, int workload, size_t n);

}  // namespace petrel_insn

#endif  // PETREL_BENCH_INSN_PETREL_DRIVER_H
