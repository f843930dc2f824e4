// Instruction-count driver for Petrel: the workloads of workload.h and tls_workload.h through
// Petrel's public API (AesKey + AesCbc/AesCtr/AesGcm, HashCtx, HmacCtx, Rc4, RSA, and the TLS
// client engine tls::Client over a blocking socket), built by CMake for every preset as
// petrel_insn_driver and measured under qemu-user by scripts/insn-count and scripts/perf-table.
//
//   petrel_insn_driver [-impl ct|table|armv4|mips32r2|...|asm|neon] ALG N
//
// -impl names the AES implementation (default: kAesDefaultImpl, the constant-time one; any name
// of crypto/aes/aes.h's table that this build has, e.g. the ARM assembly "armv4"); GCM's
// GHASH follows it. RC4 takes the RC4 variant of that name if there is one, else the portable
// "c" (so -impl ct and -impl table measure "c", -impl mips32r2 the assembly). "asm" means the
// first available assembly row of the family's table (AES: not ct, table, fixslice; RC4: not c);
// where there is none the driver exits 3 (not available). "neon" takes, in each family the
// workload uses (AES, GHASH, ChaCha20, Poly1305, the SHA tables, the big-number kernel), the
// row named "armv7-neon" where the build and CPU have it, the default elsewhere; a workload with
// no such row exits 3. Otherwise hashes and HMAC run their tables' defaults and ignore -impl.
// RSA uses
// the fixed test key of rsa2048_test_key.h; its blinding draws from an HMAC_DRBG with a fixed
// seed, so two runs execute the same instructions. The TLS workloads draw the client random,
// the premaster secret and the blinding from the same kind of DRBG.
//
// This file holds the -impl selection and main; the workloads are in one file per family
// (petrel_driver_aes.cpp, _hash, _stream, _pk, _tls: petrel_driver.h lists them).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/petrel_driver.h"
#include "bench/insn/tls_workload.h"
#include "crypto/aes/aes.h"
#include "crypto/bignum/bignum.h"
#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/modes/gcm.h"
#include "crypto/rc4/rc4.h"

namespace petrel_insn {

bool g_verbose = false;
AesImpl g_aes_impl = kAesDefaultImpl;
bool g_ghash_set = false;
GhashImpl g_ghash_impl = GhashImpl::ct;
ChaCha20Impl g_chacha20_impl = chacha20_default_impl();
Poly1305Impl g_poly1305_impl = kPoly1305DefaultImpl;

}  // namespace petrel_insn

namespace {

using namespace petrel_insn;

bool is(const char* a, const char* b) { return std::strcmp(a, b) == 0; }

// The first available assembly row of each table ("-impl asm"); false if there is none.
bool first_asm_aes(AesImpl* out) {
  AesImpl impls[16];
  const size_t n = aes_impls_available(impls, 16);
  for (size_t i = 0; i < n && i < 16; i++) {
    if (impls[i] != AesImpl::ct && impls[i] != AesImpl::table && impls[i] != AesImpl::fixslice &&
        impls[i] != AesImpl::fixslice_armv4) {
      *out = impls[i];
      return true;
    }
  }
  return false;
}
bool first_asm_rc4(Rc4Impl* out) {
  Rc4Impl impls[8];
  const size_t n = rc4_impls_available(impls, 8);
  for (size_t i = 0; i < n && i < 8; i++) {
    if (impls[i] != Rc4Impl::c) {
      *out = impls[i];
      return true;
    }
  }
  return false;
}

// "-impl neon": each family's row named "armv7-neon" where the build and CPU have one (AES,
// GHASH, ChaCha20, Poly1305, the SHA tables, the big-number kernel; the others keep their
// defaults). Returns whether alg uses at least
// one such row (else the workload has no NEON variant: exit 3, "-" in the table).
constexpr const char* kNeonName = "armv7-neon";
bool select_neon(const char* alg, AesImpl* aes) {
  bool aes_neon = aes_impl_from_name(aes, kNeonName) == Status::ok && aes_impl_available(*aes);
  if (!aes_neon) {
    *aes = kAesDefaultImpl;
  }
  GhashImpl g = GhashImpl::ct;
  const bool ghash_neon = ghash_impl_from_name(&g, kNeonName) == Status::ok &&
                          ghash_impl_available(g);
  if (ghash_neon) {
    g_ghash_set = true;
    g_ghash_impl = g;
  }
  ChaCha20Impl c = ChaCha20Impl::portable;
  const bool chacha_neon = chacha20_impl_from_name(&c, kNeonName) == Status::ok &&
                           chacha20_impl_available(c);
  if (chacha_neon) {
    g_chacha20_impl = c;
  }
  Poly1305Impl p = Poly1305Impl::donna32;
  const bool poly_neon = poly1305_impl_from_name(&p, kNeonName) == Status::ok &&
                         poly1305_impl_available(p);
  if (poly_neon) {
    g_poly1305_impl = p;
  }
  // The big-number kernel is process-wide (the default where available, so RSA measures the
  // same as under -impl ct; selected here so that a build or CPU without it says so).
  petrel::bn::BnKernel k = petrel::bn::BnKernel::c32;
  const bool bn_neon = petrel::bn::kernel_from_name(&k, kNeonName) == Status::ok &&
                       petrel::bn::kernel_select(k) == Status::ok;
  if (is(alg, "aes-256-gcm")) {
    return aes_neon || ghash_neon;
  }
  if (std::strncmp(alg, "aes-", 4) == 0) {
    return aes_neon;
  }
  if (is(alg, "chacha20")) {
    return chacha_neon;
  }
  if (is(alg, "poly1305")) {
    return poly_neon;
  }
  if (is(alg, "chacha20-poly1305")) {
    return chacha_neon || poly_neon;
  }
  if (std::strncmp(alg, "rsa", 3) == 0) {
    return bn_neon;
  }
  // SHA: the hash table's row of that name, selected process-wide (hash_impl_select).
  const HashAlg hash_alg = is(alg, "sha1")     ? HashAlg::sha1
                           : is(alg, "sha512") ? HashAlg::sha512
                                               : HashAlg::sha256;
  if (is(alg, "sha1") || is(alg, "sha256") || is(alg, "sha512") || is(alg, "hmac-sha256")) {
    HashImpl h = HashImpl::c32;
    return hash_impl_from_name(hash_alg, &h, kNeonName) == Status::ok &&
           hash_impl_select(hash_alg, h) == Status::ok;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  const char* prog = argv[0];
  AesImpl impl = kAesDefaultImpl;
  Rc4Impl rc4_impl = Rc4Impl::c;
  bool want_asm = false;
  bool have_asm_aes = false;
  bool have_asm_rc4 = false;
  bool want_neon = false;
  if (argc >= 3 && is(argv[1], "-impl")) {
    if (is(argv[2], "neon")) {
      want_neon = true;
    } else if (is(argv[2], "asm")) {
      want_asm = true;
      have_asm_aes = first_asm_aes(&impl);
      have_asm_rc4 = first_asm_rc4(&rc4_impl);
    } else {
      if (aes_impl_from_name(&impl, argv[2]) != Status::ok || !aes_impl_available(impl)) {
        std::fprintf(stderr, "petrel_insn_driver: AES implementation '%s' not available\n",
                     argv[2]);
        return WL_EXIT_UNAVAILABLE;
      }
      if (rc4_impl_from_name(&rc4_impl, argv[2]) != Status::ok) {
        rc4_impl = Rc4Impl::c;
      }
    }
    argc -= 2;
    argv += 2;
  }
  const char* alg = nullptr;
  size_t n = 0;
  if (wl_parse_args(argc, argv, &alg, &n) != 0) {
    std::fprintf(stderr, "usage: %s [-impl ct|table|NAME|asm|neon] ALG N\n", prog);
    return wl_usage(prog);
  }
  if (want_asm && !(is(alg, "rc4") ? have_asm_rc4 : (std::strncmp(alg, "aes-", 4) == 0 && have_asm_aes))) {
    std::fprintf(stderr, "petrel_insn_driver: no assembly variant of %s in this build\n", alg);
    return WL_EXIT_UNAVAILABLE;
  }
  if (want_neon && !select_neon(alg, &impl)) {
    std::fprintf(stderr, "petrel_insn_driver: no armv7-neon variant for %s in this build/CPU\n",
                 alg);
    return WL_EXIT_UNAVAILABLE;
  }
  const char* verbose = std::getenv("PETREL_INSN_VERBOSE");
  g_verbose = verbose != nullptr && is(verbose, "1");
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: AES %s (%s), RC4 %s\n", aes_impl_name(impl),
                 aes_impl_is_constant_time(impl) ? "constant-time" : "not constant-time",
                 rc4_impl_name(rc4_impl));
  }
  g_aes_impl = impl;
  if (is(alg, "aes-128-cbc")) {
    return n % 16 == 0 ? run_cbc(alg, impl, 16, n) : wl_usage(prog);
  }
  if (is(alg, "aes-256-cbc")) {
    return n % 16 == 0 ? run_cbc(alg, impl, 32, n) : wl_usage(prog);
  }
  if (is(alg, "aes-256-ctr")) {
    return run_ctr(alg, impl, n);
  }
  if (is(alg, "aes-256-gcm")) {
    return run_gcm(alg, impl, n);
  }
  if (is(alg, "sha1")) {
    return run_hash(alg, HashAlg::sha1, n);
  }
  if (is(alg, "sha256")) {
    return run_hash(alg, HashAlg::sha256, n);
  }
  if (is(alg, "sha512")) {
    return run_hash(alg, HashAlg::sha512, n);
  }
  if (is(alg, "md5")) {
    return run_hash(alg, HashAlg::md5, n);
  }
  if (is(alg, "hmac-sha256")) {
    return run_hmac(alg, n);
  }
  if (is(alg, "rc4")) {
    return run_rc4(alg, rc4_impl, n);
  }
  if (is(alg, "chacha20")) {
    return run_chacha20(alg, n);
  }
  if (is(alg, "poly1305")) {
    return run_poly1305(alg, n);
  }
  if (is(alg, "chacha20-poly1305")) {
    return run_chacha20_poly1305(alg, n);
  }
  if (is(alg, "x25519")) {
    return run_x25519(alg, n);
  }
  if (is(alg, "ecdhp256")) {
    return run_p256(alg, 0, n);
  }
  if (is(alg, "ecdsap256-sign")) {
    return run_p256(alg, 1, n);
  }
  if (is(alg, "ecdsap256-verify")) {
    return run_p256(alg, 2, n);
  }
  if (is(alg, "rsa2048-sign")) {
    return run_rsa(alg, true, n);
  }
  if (is(alg, "rsa2048-verify")) {
    return run_rsa(alg, false, n);
  }
  if (wl_tls_workload(alg) != 0) {
    return run_tls(alg, wl_tls_workload(alg), n);
  }
  return wl_usage(prog);
}
