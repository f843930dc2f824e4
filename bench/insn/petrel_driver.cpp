// Instruction-count driver for Petrel: the workloads of workload.h through Petrel's public API
// (AesKey + AesCbc/AesCtr/AesGcm, HashCtx, HmacCtx, Rc4), built by CMake for every preset as
// petrel_insn_driver and measured under qemu-user by scripts/insn-count and scripts/perf-table.
//
//   petrel_insn_driver [-impl ct|table] ALG N
//
// -impl names the AES implementation (default: kAesDefaultImpl, the constant-time one); GCM's
// GHASH follows it. Hashes, HMAC and RC4 have a single implementation and ignore it. RSA uses
// the fixed test key of rsa2048_test_key.h; its blinding draws from an HMAC_DRBG with a fixed
// seed, so two runs execute the same instructions.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/rsa2048_test_key.h"
#include "bench/insn/workload.h"
#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/ec/x25519.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/rand/rng.h"
#include "crypto/rc4/rc4.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_keys.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace {

using namespace petrel;

bool g_verbose = false;

int fail(const char* what, Status s) {
  std::fprintf(stderr, "petrel_insn_driver: %s failed (%s)\n", what, status_name(s));
  return WL_EXIT_FAIL;
}

int run_cbc(const char* alg, AesImpl impl, size_t key_len, size_t n) {
  AesKey key;
  AesCbc cbc;
  Status s = key.init(ByteView(wl_key, key_len), impl);
  if (s != Status::ok) {
    return fail("AesKey::init", s);
  }
  s = cbc.init(&key, ByteView(wl_iv, sizeof wl_iv));
  if (s != Status::ok) {
    return fail("AesCbc::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = cbc.encrypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("AesCbc::encrypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_ctr(const char* alg, AesImpl impl, size_t n) {
  AesKey key;
  AesCtr ctr;
  Status s = key.init(ByteView(wl_key, 32), impl);
  if (s != Status::ok) {
    return fail("AesKey::init", s);
  }
  s = ctr.init(&key, ByteView(wl_iv, sizeof wl_iv));
  if (s != Status::ok) {
    return fail("AesCtr::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = ctr.crypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("AesCtr::crypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_gcm(const char* alg, AesImpl impl, size_t n) {
  AesKey key;
  AesGcm gcm;
  Status s = key.init(ByteView(wl_key, 32), impl);
  if (s != Status::ok) {
    return fail("AesKey::init", s);
  }
  s = gcm.init(&key);
  if (s != Status::ok) {
    return fail("AesGcm::init", s);
  }
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: GHASH %s\n", gcm.ghash_impl_name());
  }
  uint8_t nonce[12];
  uint8_t aad[13];
  uint8_t tag[kGcmTagSize] = {};
  uint64_t seq = 0;
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    wl_record_nonce(nonce, seq);
    wl_record_aad(aad, seq, len);
    s = gcm.seal(MutableBytes(wl_out, len), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                 ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("AesGcm::seal", s);
    }
    seq++;
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

int run_hash(const char* alg, HashAlg halg, size_t n) {
  HashCtx ctx;
  Status s = ctx.init(halg);
  if (s != Status::ok) {
    return fail("HashCtx::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    ctx.update(ByteView(wl_in, len));
  }
  uint8_t digest[kMaxDigestSize];
  const size_t digest_len = ctx.digest_size();
  s = ctx.final(MutableBytes(digest));
  if (s != Status::ok) {
    return fail("HashCtx::final", s);
  }
  wl_print_result(alg, n, digest, digest_len);
  return WL_EXIT_OK;
}

int run_hmac(const char* alg, size_t n) {
  // Keyed once; each record starts from a copy of the keyed context (what a record layer does).
  HmacCtx keyed;
  Status s = keyed.init(HashAlg::sha256, ByteView(wl_key, 32));
  if (s != Status::ok) {
    return fail("HmacCtx::init", s);
  }
  uint8_t hdr[13];
  uint8_t tag[32] = {};
  uint64_t seq = 0;
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    wl_record_aad(hdr, seq, len);
    HmacCtx ctx = keyed;
    ctx.update(ByteView(hdr));
    ctx.update(ByteView(wl_in, len));
    s = ctx.final(MutableBytes(tag));
    if (s != Status::ok) {
      return fail("HmacCtx::final", s);
    }
    seq++;
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

int run_rc4(const char* alg, size_t n) {
  Rc4 rc4;
  Status s = rc4.init(ByteView(wl_key, 16));
  if (s != Status::ok) {
    return fail("Rc4::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = rc4.crypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("Rc4::crypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_chacha20(const char* alg, size_t n) {
  ChaCha20 c;
  Status s = c.init(ByteView(wl_key, 32), ByteView(wl_iv, 12), 0);
  if (s != Status::ok) {
    return fail("ChaCha20::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = c.crypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("ChaCha20::crypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_poly1305(const char* alg, size_t n) {
  Poly1305 p;
  Status s = p.init(ByteView(wl_key, 32));
  if (s != Status::ok) {
    return fail("Poly1305::init", s);
  }
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: Poly1305 %s\n", p.impl_name());
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = p.update(ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("Poly1305::update", s);
    }
  }
  uint8_t tag[kPoly1305TagSize];
  s = p.final(MutableBytes(tag));
  if (s != Status::ok) {
    return fail("Poly1305::final", s);
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

int run_chacha20_poly1305(const char* alg, size_t n) {
  ChaCha20Poly1305 aead;
  Status s = aead.init(ByteView(wl_key, 32));
  if (s != Status::ok) {
    return fail("ChaCha20Poly1305::init", s);
  }
  uint8_t nonce[12];
  uint8_t aad[13];
  uint8_t tag[kChaCha20Poly1305TagSize] = {};
  uint64_t seq = 0;
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    wl_record_nonce(nonce, seq);
    wl_record_aad(aad, seq, len);
    s = aead.seal(MutableBytes(wl_out, len), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                  ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("ChaCha20Poly1305::seal", s);
    }
    seq++;
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

// N scalar multiplications: u_{i+1} = X25519(key, u_i), u_0 = 9.
int run_x25519(const char* alg, size_t n) {
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: X25519 %s\n", x25519_impl_name(kX25519DefaultImpl));
  }
  uint8_t u[32] = {9};
  for (size_t i = 0; i < n; i++) {
    const Status s = x25519(u, wl_key, u);
    if (s != Status::ok) {
      return fail("x25519", s);
    }
  }
  wl_print_result(alg, n, u, 16);
  return WL_EXIT_OK;
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

bool is(const char* a, const char* b) { return std::strcmp(a, b) == 0; }

}  // namespace

int main(int argc, char** argv) {
  const char* prog = argv[0];
  AesImpl impl = kAesDefaultImpl;
  if (argc >= 3 && is(argv[1], "-impl")) {
    if (aes_impl_from_name(&impl, argv[2]) != Status::ok || !aes_impl_available(impl)) {
      std::fprintf(stderr, "petrel_insn_driver: AES implementation '%s' not available\n", argv[2]);
      return WL_EXIT_UNAVAILABLE;
    }
    argc -= 2;
    argv += 2;
  }
  const char* alg = nullptr;
  size_t n = 0;
  if (wl_parse_args(argc, argv, &alg, &n) != 0) {
    std::fprintf(stderr, "usage: %s [-impl ct|table] ALG N\n", prog);
    return wl_usage(prog);
  }
  const char* verbose = std::getenv("PETREL_INSN_VERBOSE");
  g_verbose = verbose != nullptr && is(verbose, "1");
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: AES %s (%s)\n", aes_impl_name(impl),
                 aes_impl_is_constant_time(impl) ? "constant-time" : "not constant-time");
  }
  wl_init();
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
    return run_rc4(alg, n);
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
  if (is(alg, "rsa2048-sign")) {
    return run_rsa(alg, true, n);
  }
  if (is(alg, "rsa2048-verify")) {
    return run_rsa(alg, false, n);
  }
  return wl_usage(prog);
}
