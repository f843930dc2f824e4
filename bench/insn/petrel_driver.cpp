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
// workload uses (AES, GHASH, ChaCha20, Poly1305, the SHA tables), the row named "armv7-neon"
// where the build and CPU have it, the default elsewhere; a workload with no such row exits 3.
// Otherwise hashes and HMAC run their tables' defaults and ignore -impl. RSA uses
// the fixed test key of rsa2048_test_key.h; its blinding draws from an HMAC_DRBG with a fixed
// seed, so two runs execute the same instructions. The TLS workloads draw the client random,
// the premaster secret and the blinding from the same kind of DRBG.
//
// Why one file of about 760 lines: it is one program whose parts are the workloads (one short
// function each, in the order of workload.h) and the -impl selection they all share; the
// instruction counts depend on nothing else. Splitting it into workload files is planned
// (README "Files of one concern"), not needed for its correctness.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/rsa2048_test_key.h"
#include "bench/insn/workload.h"
#include "bench/insn/tls_workload.h"
#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/ec/ec.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/ec/ecdsa.h"
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
#include "crypto/x509/cert.h"
#include "tls/client.h"

namespace {

using namespace petrel;

bool g_verbose = false;
AesImpl g_aes_impl = kAesDefaultImpl;  // -impl; also the TLS records' AES
// The other families' variants: their defaults, or their "armv7-neon" rows under -impl neon.
bool g_ghash_set = false;  // false: GHASH follows the AES implementation (ghash_default_for)
GhashImpl g_ghash_impl = GhashImpl::ct;
ChaCha20Impl g_chacha20_impl = chacha20_default_impl();
Poly1305Impl g_poly1305_impl = kPoly1305DefaultImpl;

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
  s = g_ghash_set ? gcm.init(&key, g_ghash_impl) : gcm.init(&key);
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

int run_rc4(const char* alg, Rc4Impl impl, size_t n) {
  Rc4 rc4;
  Status s = rc4.init(ByteView(wl_key, 16), impl);
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
  Status s = c.init(ByteView(wl_key, 32), ByteView(wl_iv, 12), 0, g_chacha20_impl);
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
  Status s = p.init(ByteView(wl_key, 32), g_poly1305_impl);
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
  Status s = aead.init(ByteView(wl_key, 32), g_poly1305_impl, g_chacha20_impl);
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

// N scalar multiplications of the fixed point u = 9 by the fixed scalar wl_key.
int run_x25519(const char* alg, size_t n) {
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

// ---- TLS (tls_workload.h) -----------------------------------------------------------------

// Reads a whole test file (PETREL_TLS_DIR/name) into buf; its length, or 0 on failure.
size_t read_test_file(const char* name, uint8_t* buf, size_t cap) {
  char path[512];
  FILE* f = nullptr;
  if (wl_tls_path(path, sizeof path, name) != 0 || (f = std::fopen(path, "rb")) == nullptr) {
    std::fprintf(stderr, "petrel_insn_driver: cannot open %s\n", name);
    return 0;
  }
  size_t len = std::fread(buf, 1, cap, f);
  if (std::ferror(f) != 0 || std::feof(f) == 0) {
    std::fprintf(stderr, "petrel_insn_driver: cannot read %s (or larger than %zu bytes)\n", path, cap);
    len = 0;
  }
  std::fclose(f);
  return len;
}

// What one connection showed, for the checks.
struct TlsOutcome {
  uint16_t m_version = 0;
  uint16_t m_suite = 0;
  bool m_resumed = false;
  bool m_cert_sent = false;
  size_t m_private_ops = 0;
};

// Sends everything the engine has queued; false if the socket failed.
bool tls_flush(int fd, tls::Client* c) {
  while ((c->wants() & tls::kWantSend) != 0) {
    ByteView p = c->pending_output();
    ssize_t n = ::send(fd, p.data(), p.size(), MSG_NOSIGNAL);
    if (n <= 0) {
      std::perror("send");
      return false;
    }
    c->output_sent(static_cast<size_t>(n));
  }
  return true;
}

// One connection: a new Client, the handshake, close_notify, close. *session is updated with
// the engine's session when the server made it resumable.
bool tls_connection(int workload, const tls::ClientConfig& cfg, MutableBytes in, MutableBytes out,
                    MutableBytes hs, tls::Session* session, TlsOutcome* outcome) {
  int fd = wl_tls_connect(workload);
  if (fd < 0) {
    return false;
  }
  tls::Client c;
  static tls::Session fresh;  // the engine writes the connection's session here
  tls::ClientConfig config = cfg;
  config.m_session_out = &fresh;
  bool ok = c.init(config, in, out, hs) == Status::ok;
  while (ok && !c.handshake_done()) {
    unsigned w = c.wants();
    if ((w & tls::kWantSend) != 0) {
      ok = tls_flush(fd, &c);
    } else if ((w & tls::kFailed) != 0) {
      ok = false;
    } else if ((w & tls::kWantRecv) != 0) {
      MutableBytes space = c.input_space();
      ssize_t n = ::recv(fd, space.data(), space.size(), 0);
      if (n > 0) {
        c.input_received(static_cast<size_t>(n));
      } else {
        c.input_eof();
      }
    } else {
      ok = false;  // neither done nor wanting anything: an engine bug
    }
  }
  // The last flight (a resumed handshake ends with the client's Finished) and close_notify.
  ok = ok && tls_flush(fd, &c);
  if (ok) {
    c.close();
    ok = tls_flush(fd, &c);
  }
  if (c.error() != tls::Error::none) {
    std::fprintf(stderr, "petrel_insn_driver: handshake failed: %s: %s (verify: %s)\n",
                 tls::error_name(c.error()), c.error_text(),
                 x509::verify_error_name(c.verify_error()));
  }
  ::close(fd);
  outcome->m_version = c.version();
  outcome->m_suite = c.suite();
  outcome->m_resumed = c.resumed();
  outcome->m_cert_sent = c.client_certificate_sent();
  outcome->m_private_ops = c.private_key_operations();
  if (ok && fresh.valid()) {
    *session = fresh;
  }
  return ok;
}

int run_tls(const char* alg, int workload, size_t n) {
  const bool resume = workload == WL_TLS_RESUMED;
  const uint16_t suite = static_cast<uint16_t>(wl_tls_suite(workload));
  static uint8_t ca_der[4096];
  static uint8_t cert_der[4096];
  static uint8_t key_pem[4096];
  // tls-full-ecdsa: the all-P-256 files (ca-ec.der, client-ec.der, client-ec.key).
  const bool ecdsa = workload == WL_TLS_FULL_ECDSA;
  const size_t ca_len = read_test_file(wl_tls_file(workload, "ca", ".der"), ca_der, sizeof ca_der);
  const size_t cert_len =
      read_test_file(wl_tls_file(workload, "client", ".der"), cert_der, sizeof cert_der);
  const size_t key_len =
      read_test_file(wl_tls_file(workload, "client", ".key"), key_pem, sizeof key_pem);
  if (ca_len == 0 || cert_len == 0 || key_len == 0) {
    return WL_EXIT_FAIL;
  }
  static x509::Certificate anchor;
  static RsaPrivateKey key;
  static EcPrivateKey ec_key;
  Status s = x509::parse_certificate(&anchor, ByteView(ca_der, ca_len));
  if (s != Status::ok) {
    return fail("x509::parse_certificate(ca.der)", s);
  }
  s = ecdsa ? ec_private_key_load(&ec_key, ByteView(key_pem, key_len))
            : rsa_private_key_load(&key, ByteView(key_pem, key_len));
  if (s != Status::ok) {
    return fail(ecdsa ? "ec_private_key_load(client-ec.key)" : "rsa_private_key_load(client.key)", s);
  }
  static FixedSeedRng rng;
  s = rng.init();
  if (s != Status::ok) {
    return fail("HmacDrbg::instantiate", s);
  }
  tls::RsaClientKey rsa_client_key(key, rng);
  tls::EcClientKey ec_client_key(ec_key, rng);
  tls::ClientKey* client_key = ecdsa ? static_cast<tls::ClientKey*>(&ec_client_key) : &rsa_client_key;
  const ByteView chain[1] = {ByteView(cert_der, cert_len)};
  const uint16_t suites[1] = {suite};
  tls::ClientConfig cfg;
  cfg.m_suites = Span<const uint16_t>(suites, 1);
  cfg.m_server_name = ByteView(reinterpret_cast<const uint8_t*>(WL_TLS_HOST), sizeof(WL_TLS_HOST) - 1);
  cfg.m_trust.m_certs = Span<const x509::Certificate>(&anchor, 1);
  cfg.m_client_chain = Span<const ByteView>(chain, 1);
  cfg.m_client_key = client_key;
  cfg.m_rng = &rng;
  cfg.m_aes_impl = g_aes_impl;
  // Whole records in and out, and a handshake buffer as the engine's header advises.
  static uint8_t in[tls::kInputBufferFull];
  static uint8_t out[tls::kInputBufferFull];
  static uint8_t hs[8192];
  static tls::Session session;
  const size_t total = resume ? n + 1 : n;
  TlsOutcome o;
  for (size_t i = 0; i < total; i++) {
    const bool resuming = resume && i > 0;
    cfg.m_session = resuming ? &session : nullptr;
    if (!tls_connection(workload, cfg, MutableBytes(in), MutableBytes(out), MutableBytes(hs),
                        &session, &o)) {
      return WL_EXIT_FAIL;
    }
    if (o.m_version != WL_TLS_VERSION || o.m_suite != suite) {
      std::fprintf(stderr, "petrel_insn_driver: negotiated %04x/%04x\n", o.m_version, o.m_suite);
      return WL_EXIT_FAIL;
    }
    if (o.m_resumed != resuming) {
      std::fprintf(stderr, "petrel_insn_driver: handshake %zu %s resumed\n", i,
                   o.m_resumed ? "was" : "was not");
      return WL_EXIT_FAIL;
    }
    if (!resuming && (!o.m_cert_sent || o.m_private_ops != 1)) {
      std::fprintf(stderr, "petrel_insn_driver: full handshake %zu: client certificate %s, %zu private-key operations\n",
                   i, o.m_cert_sent ? "sent" : "not sent", o.m_private_ops);
      return WL_EXIT_FAIL;
    }
    if (resuming && o.m_private_ops != 0) {
      std::fprintf(stderr, "petrel_insn_driver: resumed handshake made %zu RSA private operations\n", o.m_private_ops);
      return WL_EXIT_FAIL;
    }
    if (resume && i == 0 && !session.valid()) {
      std::fprintf(stderr, "petrel_insn_driver: the server did not make the session resumable\n");
      return WL_EXIT_FAIL;
    }
  }
  wl_tls_print_result(alg, n, o.m_version, o.m_suite, resume);
  return WL_EXIT_OK;
}

bool is(const char* a, const char* b) { return std::strcmp(a, b) == 0; }

// The first available assembly row of each table ("-impl asm"); false if there is none.
bool first_asm_aes(AesImpl* out) {
  AesImpl impls[16];
  const size_t n = aes_impls_available(impls, 16);
  for (size_t i = 0; i < n && i < 16; i++) {
    if (impls[i] != AesImpl::ct && impls[i] != AesImpl::table && impls[i] != AesImpl::fixslice) {
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
// GHASH, ChaCha20, Poly1305, the SHA tables; the others keep their defaults). Returns whether alg uses at least
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
  wl_init();
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
