// Guest driver of the constant-time trace check (tests/ct/trace.cmake, bench/insn/trace_plugin.c).
// Each case runs a secret-handling routine between the markers petrel_trace_on() and
// petrel_trace_off(); the plugin hashes the executed instruction addresses and the data
// addresses touched inside each such window. The test runs every case twice, with seed 0 and
// seed 1: different keys and data of the same lengths. A constant-time routine must give the
// same trace both times; the leak_* cases (T-table AES, portable and the ARM assembly "armv4",
// a planted secret-dependent branch, a planted secret-dependent index) must give different
// traces, which shows the check can fail.
//
// Usage: ct_trace CASE SEED     run one case; prints one line per window ("window K: NAME")
//                               in the order the plugin numbers them, then a functional verdict
//        ct_trace --list        print the case names
//        ct_trace --check-list NAME...   fail unless NAME... is exactly the case list
//
// Everything outside the windows (loading keys, checking results) may depend on the data: the
// plugin does not see it. The functional checks make sure a case did its work (a routine that
// failed early would give two equal, short traces).
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "bench/insn/rsa2048_test_key.h"
#include "crypto/aes/aes.h"
#include "crypto/bignum/bignum.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/ec/x25519.h"
#include "crypto/hash/hash.h"
#include "crypto/hash/hash_internal.h"
#include "crypto/mac/hmac.h"
#include "crypto/mac/hmac_ct.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "tests/ct/trace_keys.h"

// The markers the plugin finds by symbol. noipa (gcc): the compiler must neither inline them,
// nor merge them, nor assume anything about what they touch (so no work moves across a marker);
// clang has no noipa, and the volatile stores keep it from treating them as pure.
#if defined(__clang__)
#define PETREL_TRACE_OPAQUE __attribute__((noinline))
#else
#define PETREL_TRACE_OPAQUE __attribute__((noipa, noinline))
#endif
volatile int g_trace_state;
extern "C" PETREL_TRACE_OPAQUE void petrel_trace_on() { g_trace_state = 1; }
extern "C" PETREL_TRACE_OPAQUE void petrel_trace_off() { g_trace_state = 2; }

namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;

int g_failures = 0;
int g_window = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "ct_trace: %s failed\n", what);
    g_failures++;
  }
}

void expect_ok(Status s, const char* what) {
  if (s != Status::ok) {
    std::fprintf(stderr, "ct_trace: %s: %s\n", what, petrel::status_name(s));
    g_failures++;
  }
}

// Opens a window; its name is printed so the two runs' windows can be paired.
void on(const char* name, const char* variant) {
  g_window++;
  std::printf("window %d: %s %s\n", g_window, name, variant);
  std::fflush(stdout);
  petrel_trace_on();
}
void off() { petrel_trace_off(); }

// Seed-dependent bytes: seed 0 and seed 1 give unrelated contents of the same length.
void fill(uint8_t* p, size_t n, unsigned seed, uint8_t salt) {
  uint32_t x = 0x9e3779b9u * (seed + 1) ^ (salt * 0x85ebca6bu);
  for (size_t i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    p[i] = static_cast<uint8_t>(x >> 24);
  }
}

// ---- AES (ct): key schedule, blocks, CBC, CTR, GCM ----------------------------------------------
void aes_modes(petrel::AesImpl impl, const char* label, unsigned seed) {
  for (size_t klen : {16u, 32u}) {
    uint8_t key[32];
    uint8_t iv[16];
    uint8_t pt[141];  // 8 blocks and 13 bytes: a whole 8-block batch (armv7-neon)
    uint8_t ct[144];
    uint8_t back[144];
    uint8_t tag[16];
    fill(key, sizeof(key), seed, 1);
    fill(iv, sizeof(iv), seed, 2);
    fill(pt, sizeof(pt), seed, 3);
    petrel::AesKey k;
    petrel::AesGcm gcm;
    petrel::AesCtr ctr;
    size_t ct_len = 0;
    size_t back_len = 0;
    Status s1, s2, s3, s4, s5, s6, s7, s8;
    on(klen == 16 ? "aes128 schedule+ecb+cbc+ctr+gcm" : "aes256 schedule+ecb+cbc+ctr+gcm", label);
    s1 = k.init(ByteView(key, klen), impl);
    k.encrypt_blocks(back, pt, 9);
    k.decrypt_blocks(back, back, 9);
    s2 = petrel::aes_cbc_encrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(ct, sizeof(ct)), &ct_len,
                                       ByteView(pt, sizeof(pt)));
    s3 = petrel::aes_cbc_decrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(back, sizeof(back)),
                                       &back_len, ByteView(ct, 144));
    s4 = ctr.init(&k, ByteView(iv, 16));
    s5 = ctr.crypt(MutableBytes(ct, sizeof(pt)), ByteView(pt, sizeof(pt)));
    s6 = gcm.init(&k);
    s7 = gcm.seal(MutableBytes(ct, sizeof(pt)), MutableBytes(tag, 16), ByteView(iv, 12),
                  ByteView(iv, 16), ByteView(pt, sizeof(pt)));
    s8 = gcm.open(MutableBytes(back, sizeof(pt)), ByteView(iv, 12), ByteView(iv, 16),
                  ByteView(ct, sizeof(pt)), ByteView(tag, 16));
    off();
    expect_ok(s1, "AesKey::init");
    expect_ok(s2, "aes_cbc_encrypt_pkcs7");
    expect_ok(s3, "aes_cbc_decrypt_pkcs7");
    expect(ct_len == 144 && back_len == sizeof(pt), "CBC lengths");
    expect_ok(s4, "AesCtr::init");
    expect_ok(s5, "AesCtr::crypt");
    expect_ok(s6, "AesGcm::init");
    expect_ok(s7, "AesGcm::seal");
    expect_ok(s8, "AesGcm::open");
    expect(std::memcmp(back, pt, sizeof(pt)) == 0, "GCM round trip");
  }
}

// ---- GHASH (one named variant): H from the secret key, the secret AAD hashed ------------------
void ghash_case(petrel::GhashImpl impl, unsigned seed) {
  uint8_t key[16];
  uint8_t iv[12];
  uint8_t aad[256];
  uint8_t tag[16];
  fill(key, sizeof(key), seed, 4);
  fill(iv, sizeof(iv), seed, 5);
  fill(aad, sizeof(aad), seed, 6);
  petrel::AesKey k;
  expect_ok(k.init(ByteView(key, 16), petrel::AesImpl::ct), "AesKey::init");
  petrel::AesGcm gcm;
  on("ghash (gcm init + seal of aad only)", petrel::ghash_impl_name(impl));
  const Status s1 = gcm.init(&k, impl);
  const Status s2 = gcm.seal(MutableBytes(), MutableBytes(tag, 16), ByteView(iv, 12),
                             ByteView(aad, sizeof(aad)), ByteView());
  off();
  expect_ok(s1, "AesGcm::init");
  expect_ok(s2, "AesGcm::seal");
  expect(gcm.ghash_impl() == impl, "AesGcm runs the GHASH asked for");
}

// ---- RSA-2048 private operation: two keys, two inputs, the same blinding RNG -------------------
// The blinding RNG is the same deterministic generator in both runs (its output is secret, but
// a fixed one makes the comparison possible; what varies is the key and the input).
class FixedRng final : public petrel::Rng {
 public:
  Status generate(MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      m_state = m_state * 6364136223846793005ull + 1442695040888963407ull;
      out[i] = static_cast<uint8_t>(m_state >> 56);
    }
    return Status::ok;
  }

 private:
  uint64_t m_state = 2026;
};

// Once per big-number kernel of the build (portable C++ and the assembly ones), each in its
// own window.
void rsa_private(unsigned seed) {
  const char* pem = seed == 0 ? kRsa2048TestKeyPem : kTraceKeyBPem;
  petrel::RsaPrivateKey key;
  expect_ok(petrel::rsa_private_key_load(
                &key, ByteView(reinterpret_cast<const uint8_t*>(pem), std::strlen(pem))),
            "rsa_private_key_load");
  // Every available kernel of the table (kernels_available, table order); each claims constant
  // time (bignum.h), so each must give identical traces under the two keys.
  petrel::bn::BnKernel kernels[16];
  size_t nk = petrel::bn::kernels_available(kernels, 16);
  nk = nk < 16 ? nk : 16;
  expect(nk >= 1, "bignum kernel table lists an available kernel");
  const petrel::bn::BnKernel saved = petrel::bn::kernel_active();
  for (size_t i = 0; i < nk; i++) {
    expect(petrel::bn::kernel_is_constant_time(kernels[i]), "bignum kernel claims constant time");
    expect_ok(petrel::bn::kernel_select(kernels[i]), "select kernel");
    uint8_t in[256];
    uint8_t out[256];
    uint8_t back[256];
    fill(in, sizeof(in), seed, 7);
    in[0] = 0x3f;  // below n for both keys (their top bytes are larger)
    FixedRng rng;
    on("rsa2048 private op (CRT, blinded, verified)", petrel::bn::mul_add_impl_name());
    const Status s = key.raw(MutableBytes(out, sizeof(out)), ByteView(in, sizeof(in)), rng);
    off();
    expect_ok(s, "RsaPrivateKey::raw");
    expect_ok(key.public_key().raw(MutableBytes(back, sizeof(back)), ByteView(out, sizeof(out))),
              "RsaPublicKey::raw");
    expect(std::memcmp(back, in, sizeof(in)) == 0, "RSA round trip");
  }
  expect_ok(petrel::bn::kernel_select(saved), "restore kernel");
}

// ---- X25519, every constant-time implementation -------------------------------------------------
void x25519_case(unsigned seed) {
  petrel::X25519Impl impls[4];
  const size_t n = petrel::x25519_impls_available(impls, 4);
  size_t ran = 0;
  for (size_t i = 0; i < n; i++) {
    if (!petrel::x25519_impl_is_constant_time(impls[i])) {
      continue;
    }
    uint8_t k[32];
    uint8_t u[32];
    uint8_t out[32];
    uint8_t pub[32];
    fill(k, sizeof(k), seed, 8);
    fill(u, sizeof(u), seed, 9);
    u[31] &= 0x7f;
    on("x25519 shared secret + public key", petrel::x25519_impl_name(impls[i]));
    const Status s1 = petrel::x25519(out, k, u, impls[i]);
    const Status s2 = petrel::x25519_public_key(pub, k, impls[i]);
    off();
    expect_ok(s1, "x25519");
    expect_ok(s2, "x25519_public_key");
    ran++;
  }
  expect(ran > 0, "a constant-time X25519 implementation");
}

// ---- Poly1305 and ChaCha20-Poly1305, every constant-time Poly1305 ------------------------------
void poly1305_case(unsigned seed) {
  petrel::Poly1305Impl impls[4];
  const size_t n = petrel::poly1305_impls_available(impls, 4);
  size_t ran = 0;
  for (size_t i = 0; i < n; i++) {
    if (!petrel::poly1305_impl_is_constant_time(impls[i])) {
      continue;
    }
    uint8_t key[32];
    uint8_t msg[200];
    uint8_t tag[16];
    fill(key, sizeof(key), seed, 10);
    fill(msg, sizeof(msg), seed, 11);
    on("poly1305 (one-shot 200 + streaming 7+100)", petrel::poly1305_impl_name(impls[i]));
    const Status s1 = petrel::poly1305(MutableBytes(tag, 16), ByteView(key, 32),
                                       ByteView(msg, sizeof(msg)), impls[i]);
    petrel::Poly1305 p;
    const Status s2 = p.init(ByteView(key, 32), impls[i]);
    const Status s3 = p.update(ByteView(msg, 7));
    const Status s4 = p.update(ByteView(msg + 7, 100));
    const Status s5 = p.final(MutableBytes(tag, 16));
    off();
    expect_ok(s1, "poly1305");
    expect_ok(s2, "Poly1305::init");
    expect_ok(s3, "Poly1305::update");
    expect_ok(s4, "Poly1305::update");
    expect_ok(s5, "Poly1305::final");
    ran++;
  }
  expect(ran > 0, "a constant-time Poly1305 implementation");
}

// ---- ChaCha20, every constant-time implementation ------------------------------------------
// Whole and partial blocks, streaming pieces, aligned and misaligned buffers (the alignment is
// the same in both runs: it is public).
void chacha20_case(unsigned seed) {
  petrel::ChaCha20Impl impls[4];
  const size_t n = petrel::chacha20_impls_available(impls, 4);
  size_t ran = 0;
  for (size_t i = 0; i < n; i++) {
    if (!petrel::chacha20_impl_is_constant_time(impls[i])) {
      continue;
    }
    uint8_t key[32];
    uint8_t nonce[12];
    alignas(4) uint8_t buf[400];
    uint8_t block[64];
    fill(key, sizeof(key), seed, 18);
    fill(nonce, sizeof(nonce), seed, 19);
    fill(buf, sizeof(buf), seed, 20);
    on("chacha20 block + xor 300 + misaligned 200 + streaming 5+70+128+3",
       petrel::chacha20_impl_name(impls[i]));
    const Status s1 = petrel::chacha20_block_impl(block, key, 7, nonce, impls[i]);
    const Status s2 = petrel::chacha20_xor(MutableBytes(buf, 300), ByteView(key, 32),
                                           ByteView(nonce, 12), 1, ByteView(buf, 300), impls[i]);
    const Status s3 = petrel::chacha20_xor(MutableBytes(buf + 1, 200), ByteView(key, 32),
                                           ByteView(nonce, 12), 1, ByteView(buf + 3, 200),
                                           impls[i]);
    petrel::ChaCha20 c;
    Status s4 = c.init(ByteView(key, 32), ByteView(nonce, 12), 0, impls[i]);
    for (size_t len : {5u, 70u, 128u, 3u}) {
      if (s4 == Status::ok) {
        s4 = c.crypt(MutableBytes(buf, len), ByteView(buf, len));
      }
    }
    off();
    expect_ok(s1, "chacha20_block_impl");
    expect_ok(s2, "chacha20_xor");
    expect_ok(s3, "chacha20_xor misaligned");
    expect_ok(s4, "ChaCha20::crypt");
    ran++;
  }
  expect(ran > 0, "a constant-time ChaCha20 implementation");
}

// Every constant-time Poly1305 with every constant-time ChaCha20.
void chacha20_poly1305_case(unsigned seed) {
  petrel::Poly1305Impl impls[4];
  const size_t n = petrel::poly1305_impls_available(impls, 4);
  petrel::ChaCha20Impl cimpls[4];
  const size_t cn = petrel::chacha20_impls_available(cimpls, 4);
  size_t ran = 0;
  for (size_t k = 0; k < n * cn; k++) {
    const size_t i = k / cn;
    const petrel::ChaCha20Impl cimpl = cimpls[k % cn];
    if (!petrel::poly1305_impl_is_constant_time(impls[i]) ||
        !petrel::chacha20_impl_is_constant_time(cimpl)) {
      continue;
    }
    uint8_t key[32];
    uint8_t nonce[12];
    uint8_t aad[13];
    uint8_t pt[150];
    uint8_t ct[150];
    uint8_t out[150];
    uint8_t tag[16];
    fill(key, sizeof(key), seed, 12);
    fill(nonce, sizeof(nonce), seed, 13);
    fill(aad, sizeof(aad), seed, 14);
    fill(pt, sizeof(pt), seed, 15);
    petrel::ChaCha20Poly1305 aead;
    const std::string v =
        std::string(petrel::poly1305_impl_name(impls[i])) + "/" + petrel::chacha20_impl_name(cimpl);
    on("chacha20-poly1305 seal + open", v.c_str());
    const Status s1 = aead.init(ByteView(key, 32), impls[i], cimpl);
    const Status s2 = aead.seal(MutableBytes(ct, sizeof(ct)), MutableBytes(tag, 16),
                                ByteView(nonce, 12), ByteView(aad, sizeof(aad)),
                                ByteView(pt, sizeof(pt)));
    const Status s3 = aead.open(MutableBytes(out, sizeof(out)), ByteView(nonce, 12),
                                ByteView(aad, sizeof(aad)), ByteView(ct, sizeof(ct)),
                                ByteView(tag, 16));
    off();
    expect_ok(s1, "ChaCha20Poly1305::init");
    expect_ok(s2, "ChaCha20Poly1305::seal");
    expect_ok(s3, "ChaCha20Poly1305::open");
    expect(std::memcmp(out, pt, sizeof(pt)) == 0, "ChaCha20-Poly1305 round trip");
    ran++;
  }
  expect(ran > 0, "a constant-time Poly1305 implementation");
}

// ---- SHA block functions: every available variant of each table ------------------------------
// HMAC with a secret key over secret data (public lengths), in one window per variant, and for
// SHA-1/SHA-256 the constant-time TLS CBC MAC (hmac_ct) with a secret length as well. The
// selected variant runs every block of the window (hash_impl_select is process-wide).
void sha_case(unsigned seed) {
  size_t ran = 0;
  for (petrel::HashAlg alg :
       {petrel::HashAlg::sha1, petrel::HashAlg::sha256, petrel::HashAlg::sha512}) {
    petrel::HashImpl impls[8];
    const size_t n = petrel::hash_impls_available(alg, impls, 8);
    const petrel::HashImpl saved = petrel::hash_impl_active(alg);
    for (size_t i = 0; i < n; i++) {
      expect(petrel::hash_impl_is_constant_time(alg, impls[i]), "SHA variant claims constant time");
      expect_ok(petrel::hash_impl_select(alg, impls[i]), "select SHA variant");
      uint8_t key[32];
      uint8_t msg[300];
      uint8_t out[64];
      fill(key, sizeof(key), seed, 20);
      fill(msg, sizeof(msg), seed, 21);
      // The secret length of the hmac_ct call: seed-dependent, within [min, max].
      const size_t secret_len = 200 + (seed != 0 ? 37 : 0);
      Status s2 = Status::ok;
      on(alg == petrel::HashAlg::sha1     ? "sha1 hmac (+ hmac_ct)"
         : alg == petrel::HashAlg::sha256 ? "sha256 hmac (+ hmac_ct)"
                                          : "sha512 hmac",
         petrel::hash_impl_name(alg, impls[i]));
      const Status s1 = petrel::hmac(alg, MutableBytes(out, petrel::hash_digest_size(alg)),
                                     ByteView(key, sizeof(key)), ByteView(msg, sizeof(msg)));
      if (alg != petrel::HashAlg::sha512) {
        s2 = petrel::hmac_ct(alg, MutableBytes(out, petrel::hash_digest_size(alg)),
                             ByteView(key, sizeof(key)), ByteView(msg, 13),
                             ByteView(msg + 13, 280), secret_len, 150);
      }
      off();
      expect_ok(s1, "hmac");
      expect_ok(s2, "hmac_ct");
      ran++;
    }
    expect_ok(petrel::hash_impl_select(alg, saved), "restore SHA variant");
  }
  expect(ran >= 3, "a SHA variant per table");
}

// ---- the compact SHA block functions (what c32/c64 run with PETREL_MINIMAL) -------------------
// Three secret blocks through each, from a secret chaining value.
void sha_compact_case(unsigned seed) {
  uint8_t msg[3 * 128];
  fill(msg, sizeof(msg), seed, 22);
  uint32_t h32[8];
  uint64_t h64[8];
  fill(reinterpret_cast<uint8_t*>(h32), sizeof(h32), seed, 23);
  fill(reinterpret_cast<uint8_t*>(h64), sizeof(h64), seed, 24);
  on("sha1 blocks", "compact");
  petrel::hash_detail::sha1_blocks_compact(h32, msg, 3);
  off();
  on("sha256 blocks", "compact");
  petrel::hash_detail::sha256_blocks_compact(h32, msg, 3);
  off();
  on("sha512 blocks", "compact");
  petrel::hash_detail::sha512_blocks_compact(h64, msg, 3);
  off();
}

// ---- must-leak cases ------------------------------------------------------------------------------
// A planted secret-dependent branch: the same work on both sides, only the path differs (so it
// is the code trace, not the amount of work, that gives it away). The two arms are calls, so
// the compiler cannot turn the branch into predicated instructions (ARM conditional execution
// of an ALU instruction is invisible to the trace: README "Constant-time checks").
volatile uint32_t g_sink;
PETREL_TRACE_OPAQUE void arm_add(uint8_t v) { g_sink = g_sink + v; }
PETREL_TRACE_OPAQUE void arm_xor(uint8_t v) { g_sink = g_sink ^ v; }
__attribute__((noinline)) void planted_branch(const uint8_t* secret, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (secret[i] & 0x10) {
      arm_add(secret[i]);
    } else {
      arm_xor(secret[i]);
    }
  }
}

// A planted secret-dependent index: straight-line code, only the address read depends on the
// secret (so only the data trace can see it).
uint8_t g_table[256];
__attribute__((noinline)) void planted_index(const uint8_t* secret, size_t n) {
  uint32_t acc = 0;
  for (size_t i = 0; i < n; i++) {
    acc += g_table[secret[i]];
  }
  g_sink = acc;
}

void leak_branch(unsigned seed) {
  uint8_t secret[32];
  fill(secret, sizeof(secret), seed, 16);
  on("planted secret-dependent branch", "leak");
  planted_branch(secret, sizeof(secret));
  off();
}

void leak_index(unsigned seed) {
  uint8_t secret[32];
  fill(secret, sizeof(secret), seed, 17);
  for (size_t i = 0; i < sizeof(g_table); i++) {
    g_table[i] = static_cast<uint8_t>(i * 7);
  }
  on("planted secret-dependent index", "leak");
  planted_index(secret, sizeof(secret));
  off();
}

struct Case {
  const char* name;
  void (*fn)(unsigned seed);
  bool must_leak;
  bool (*present)();  // nullptr: on every target; else the case exists only where it is true
};

// The assembly AES rows that claim no constant time: must-leak cases where the build has them
// (tests/ct/trace.cmake registers them on the same condition, ct_trace.case_list ties the two).
bool have_aes_armv4() { return petrel::aes_impl_available(petrel::AesImpl::armv4); }
bool have_aes_mips32r2() { return petrel::aes_impl_available(petrel::AesImpl::mips32r2); }
// The bitsliced NEON AES claims constant time: a must-match case where it is available.
bool have_aes_armv7_neon() { return petrel::aes_impl_available(petrel::AesImpl::armv7_neon); }
// The fixsliced AES with ARM assembly rounds claims constant time: must match, where built.
bool have_aes_fixslice_armv4() {
  return petrel::aes_impl_available(petrel::AesImpl::fixslice_armv4);
}
// The assembly GHASH rows, where the build (and CPU) has them: "armv7-neon" claims constant time,
// "armv4" and "mips32r2" (4-bit tables) must leak.
bool have_ghash_armv7_neon() {
  return petrel::ghash_impl_available(petrel::GhashImpl::armv7_neon);
}
bool have_ghash_armv4_ct() {
  return petrel::ghash_impl_available(petrel::GhashImpl::armv4_ct);
}
bool have_ghash_armv4() {
  return petrel::ghash_impl_available(petrel::GhashImpl::armv4);
}
bool have_ghash_mips32r2() {
  return petrel::ghash_impl_available(petrel::GhashImpl::mips32r2);
}
bool present(const Case& c) { return c.present == nullptr || c.present(); }

const Case kCases[] = {
    {"aes_ct", [](unsigned s) { aes_modes(petrel::AesImpl::ct, "ct", s); }, false, nullptr},
    {"aes_fixslice", [](unsigned s) { aes_modes(petrel::AesImpl::fixslice, "fixslice", s); },
     false, nullptr},
    {"aes_fixslice_armv4",
     [](unsigned s) { aes_modes(petrel::AesImpl::fixslice_armv4, "fixslice-armv4", s); }, false,
     have_aes_fixslice_armv4},
    {"aes_armv7_neon",
     [](unsigned s) { aes_modes(petrel::AesImpl::armv7_neon, "armv7-neon", s); }, false,
     have_aes_armv7_neon},
    {"ghash_ct", [](unsigned s) { ghash_case(petrel::GhashImpl::ct, s); }, false, nullptr},
    {"ghash_armv4_ct", [](unsigned s) { ghash_case(petrel::GhashImpl::armv4_ct, s); }, false,
     have_ghash_armv4_ct},
    {"ghash_armv7_neon", [](unsigned s) { ghash_case(petrel::GhashImpl::armv7_neon, s); }, false,
     have_ghash_armv7_neon},
    {"rsa2048_private", rsa_private, false, nullptr},
    {"x25519", x25519_case, false, nullptr},
    {"chacha20", chacha20_case, false, nullptr},
    {"poly1305", poly1305_case, false, nullptr},
    {"chacha20_poly1305", chacha20_poly1305_case, false, nullptr},
    {"sha", sha_case, false, nullptr},
    {"sha_compact", sha_compact_case, false, nullptr},
    {"leak_aes_table", [](unsigned s) { aes_modes(petrel::AesImpl::table, "table", s); }, true,
     nullptr},
    {"leak_aes_armv4", [](unsigned s) { aes_modes(petrel::AesImpl::armv4, "armv4", s); }, true,
     have_aes_armv4},
    {"leak_aes_mips32r2",
     [](unsigned s) { aes_modes(petrel::AesImpl::mips32r2, "mips32r2", s); }, true,
     have_aes_mips32r2},
    {"leak_ghash_table4", [](unsigned s) { ghash_case(petrel::GhashImpl::table4, s); }, true,
     nullptr},
    {"leak_ghash_armv4", [](unsigned s) { ghash_case(petrel::GhashImpl::armv4, s); }, true,
     have_ghash_armv4},
    {"leak_ghash_mips32r2", [](unsigned s) { ghash_case(petrel::GhashImpl::mips32r2, s); }, true,
     have_ghash_mips32r2},
    {"leak_branch", leak_branch, true, nullptr},
    {"leak_index", leak_index, true, nullptr},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--list") == 0) {
    for (const Case& c : kCases) {
      if (present(c)) {
        std::printf("%s%s\n", c.name, c.must_leak ? " (must leak)" : "");
      }
    }
    return 0;
  }
  if (argc >= 2 && std::strcmp(argv[1], "--check-list") == 0) {
    std::set<std::string> want;
    for (int i = 2; i < argc; i++) {
      want.insert(argv[i]);
    }
    std::set<std::string> have;
    for (const Case& c : kCases) {
      if (present(c)) {
        have.insert(c.name);
      }
    }
    if (want != have) {
      std::fprintf(stderr, "tests/ct/trace.cmake's case list and ct_trace's cases differ\n");
      return 1;
    }
    std::printf("%zu trace cases registered\n", have.size());
    return 0;
  }
  if (argc != 3 || (std::strcmp(argv[2], "0") != 0 && std::strcmp(argv[2], "1") != 0)) {
    std::fprintf(stderr, "usage: ct_trace CASE 0|1 | --list | --check-list NAME...\n");
    return 2;
  }
  const unsigned seed = argv[2][0] == '1' ? 1u : 0u;
  for (const Case& c : kCases) {
    if (std::strcmp(argv[1], c.name) == 0 && present(c)) {
      c.fn(seed);
      if (g_failures != 0) {
        std::fprintf(stderr, "%s: %d functional failure(s)\n", c.name, g_failures);
        return 1;
      }
      std::printf("ok: %s seed %u, %d window(s)\n", c.name, seed, g_window);
      return 0;
    }
  }
  std::fprintf(stderr, "ct_trace: unknown case '%s'\n", argv[1]);
  return 2;
}
