// Constant-time checker: run each case under valgrind memcheck (tests/ct/tests.cmake).
// Keys and secret inputs are poisoned with CT_POISON; any branch or memory index that depends on
// them is reported by memcheck as a use of an uninitialised value. Outputs that are public by
// design (ciphertext, tags, digests of public data) are unpoisoned before they are compared.
//
// The case list is the program's: fixed cases plus one (or a few) per available variant of every
// family, derived from the variant tables (AES, GHASH, the bignum kernel, ChaCha20, Poly1305,
// X25519). A variant that claims constant time must pass; one that does not must be caught (leak_*).
//
// Usage: ct_check CASE                         run one case (exit 0; valgrind decides)
//        ct_check --list                       print the case names
//        ct_check --ctest-file FILE VALGRIND   write the CTest include file of every case
//        ct_check --must-leak VALGRIND CASE    succeed only if memcheck reports CASE
//        ct_check --check-file FILE            fail unless FILE has exactly the cases
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

int g_failures = 0;

void expect_ok(Status s, const char* what) {
  if (s != Status::ok) {
    std::fprintf(stderr, "%s: %s\n", what, petrel::status_name(s));
    g_failures++;
  }
}

void fill(uint8_t* p, size_t n, uint8_t seed) {
  for (size_t i = 0; i < n; i++) {
    p[i] = static_cast<uint8_t>(seed + 31 * i + (i >> 3));
  }
}

}  // namespace petrel_ct

namespace {

using namespace petrel_ct;

// Deliberate leak: a secret-indexed table read and a branch on a secret. memcheck must see it.
volatile uint8_t g_sink;
void leak_selftest() {
  static const uint8_t table[256] = {1, 2, 3};
  uint8_t secret[4] = {9, 8, 7, 6};
  CT_POISON(secret, sizeof(secret));
  g_sink = table[secret[0]];
  if (secret[1] == 8) {
    g_sink = 1;
  }
}

struct Case {
  std::string name;
  std::function<void()> fn;
  bool must_leak;  // a variant that is not constant-time, or the self-test: memcheck must report
};

// The cases that do not depend on a variant table.
std::vector<Case> fixed_cases() {
  return {
      {"cbc_ct_pkcs7", cbc_pkcs7, false},
      {"ctr_ct", ctr, false},
      {"cfb128_ct", [] { feedback_case(false); }, false},
      {"ofb_ct", [] { feedback_case(true); }, false},
      {"gcm_ct_seal", [] { gcm(false); }, false},
      {"gcm_ct_open", [] { gcm(true); }, false},
      {"md5", [] { hash_case(petrel::HashAlg::md5); }, false},
      {"sha1", [] { hash_case(petrel::HashAlg::sha1); }, false},
      {"sha256", [] { hash_case(petrel::HashAlg::sha256); hash_case(petrel::HashAlg::sha224); }, false},
      {"sha512", [] { hash_case(petrel::HashAlg::sha512); hash_case(petrel::HashAlg::sha384); }, false},
      {"hmac_sha1", [] { hmac_case(petrel::HashAlg::sha1); hmac_case(petrel::HashAlg::md5); }, false},
      {"hmac_sha256", [] { hmac_case(petrel::HashAlg::sha256); }, false},
      {"hmac_sha384", [] { hmac_case(petrel::HashAlg::sha384); hmac_case(petrel::HashAlg::sha512); }, false},
      {"tls10_prf", [] { prf(false); }, false},
      {"tls12_prf", [] { prf(true); }, false},
      {"ct_mem_equal", mem_equal, false},
      {"hmac_drbg", drbg_case, false},
      {"rsa_private_op", rsa_private_op, false},
      {"rsa_pkcs1_sign", [] { rsa_sign(false); }, false},
      {"rsa_pss_sign", [] { rsa_sign(true); }, false},
      {"rsa_pkcs1_decrypt_padding", [] { rsa_decrypt(Dec::pkcs1); }, false},
      {"rsa_oaep_decrypt", [] { rsa_decrypt(Dec::oaep); }, false},
      {"rsa_tls_premaster", [] { rsa_decrypt(Dec::tls); }, false},
      {"bignum_modexp", bignum_modexp, false},
      {"tls_cbc_open", tls_cbc_open, false},
      {"tls_gcm_open", tls_gcm_open, false},
      {"tls_chacha_open", tls_chacha_open, false},
      {"tls_finished", tls_finished, false},
      {"tls_premaster_encrypt", tls_premaster_encrypt, false},
      {"chacha20_poly1305_open", chacha20_poly1305_open_case, false},
      {"ec_p256_ecdh", [] { ec_scalar_case(true); }, false},
      {"ec_p256_public", [] { ec_scalar_case(false); }, false},
      {"ecdsa_p256_sign", ecdsa_sign_case, false},
      {"ec_keys_client_key", ec_keys_client_key_case, false},
      {"leak_selftest", leak_selftest, true},
  };
}

// One case (or a set of them) per available variant of each family, from the variant tables:
// a variant that claims constant time is a must-pass case, one that does not a must-leak case
// (leak_<family>_<name>), so adding a variant adds its check without anyone writing it here.
struct FamilyCount {
  const char* family;
  size_t variants;
};

template <typename Id>
void add_variant_cases(std::vector<Case>& out, std::vector<FamilyCount>& counts, const char* family,
                       size_t (*listed)(Id*, size_t), bool (*available)(Id),
                       bool (*constant_time)(Id), const char* (*name)(Id),
                       const std::vector<std::pair<std::string, std::function<void(Id)>>>& parts) {
  Id ids[32];
  const size_t n = listed(ids, 32);
  size_t used = 0;
  for (size_t i = 0; i < n && i < 32; i++) {
    const Id id = ids[i];
    if (!available(id)) {
      continue;  // a stub: nothing to run in this build
    }
    used++;
    const std::string v = name(id);
    if (constant_time(id)) {
      for (const auto& part : parts) {
        const std::function<void(Id)> fn = part.second;
        out.push_back({std::string(family) + "_" + v + part.first, [fn, id] { fn(id); }, false});
      }
    } else {
      // The first part is the one that must be caught (the block or multiply function itself).
      const std::function<void(Id)> fn = parts.front().second;
      out.push_back({std::string("leak_") + family + "_" + v, [fn, id] { fn(id); }, true});
    }
  }
  counts.push_back({family, used});
}

bool g_bn_ct(petrel::bn::BnKernel k) { return petrel::bn::kernel_is_constant_time(k); }

std::vector<Case> all_cases(std::vector<FamilyCount>* counts_out = nullptr) {
  std::vector<Case> out = fixed_cases();
  std::vector<FamilyCount> counts;
  using petrel::AesImpl;
  add_variant_cases<AesImpl>(out, counts, "aes", petrel::aes_impls_listed, petrel::aes_impl_available,
                             petrel::aes_impl_is_constant_time, petrel::aes_impl_name,
                             {{"_encrypt", [](AesImpl i) { aes_encrypt(i, false); }},
                              {"_decrypt", [](AesImpl i) { aes_encrypt(i, true); }},
                              {"_schedule", [](AesImpl i) { aes_schedule(i); }}});
  using petrel::GhashImpl;
  add_variant_cases<GhashImpl>(out, counts, "ghash", petrel::ghash_impls_listed,
                               petrel::ghash_impl_available, petrel::ghash_impl_is_constant_time,
                               petrel::ghash_impl_name,
                               {{"", [](GhashImpl g) { gcm(true, g); }}});
  using petrel::bn::BnKernel;
  add_variant_cases<BnKernel>(out, counts, "bn_kernel", petrel::bn::kernels_listed,
                              petrel::bn::kernel_available, g_bn_ct, petrel::bn::kernel_name,
                              {{"", [](BnKernel k) {
                                  expect_ok(petrel::bn::kernel_select(k), "kernel_select");
                                  bignum_modexp();
                                  rsa_private_op();
                                }}});
  using petrel::Poly1305Impl;
  add_variant_cases<Poly1305Impl>(out, counts, "poly1305", petrel::poly1305_impls_listed,
                                  petrel::poly1305_impl_available,
                                  petrel::poly1305_impl_is_constant_time, petrel::poly1305_impl_name,
                                  {{"", [](Poly1305Impl i) { poly1305_case(i); }}});
  using petrel::ChaCha20Impl;
  add_variant_cases<ChaCha20Impl>(out, counts, "chacha20", petrel::chacha20_impls_listed,
                                  petrel::chacha20_impl_available,
                                  petrel::chacha20_impl_is_constant_time, petrel::chacha20_impl_name,
                                  {{"", [](ChaCha20Impl i) { chacha20_case(i); }}});
  using petrel::X25519Impl;
  add_variant_cases<X25519Impl>(out, counts, "x25519", petrel::x25519_impls_listed,
                                petrel::x25519_impl_available, petrel::x25519_impl_is_constant_time,
                                petrel::x25519_impl_name,
                                {{"", [](X25519Impl i) { x25519_case(i); }}});
  if (counts_out != nullptr) {
    *counts_out = counts;
  }
  return out;
}

// CTest include file: one add_test per case, read by ctest at test time (TEST_INCLUDE_FILES), so
// the list is the program's own and cannot drift from a hand-written one.
int write_ctest_file(const char* path, const char* self, const char* valgrind) {
  FILE* f = std::fopen(path, "w");
  if (f == nullptr) {
    std::perror(path);
    return 1;
  }
  std::fprintf(f, "# Generated by ct_check --ctest-file from the variant tables; do not edit.\n");
  for (const Case& c : all_cases()) {
    if (c.must_leak) {
      std::fprintf(f, "add_test([=[ct.%s]=] \"%s\" --must-leak \"%s\" \"%s\")\n", c.name.c_str(), self,
                   valgrind, c.name.c_str());
    } else {
      std::fprintf(f,
                   "add_test([=[ct.%s]=] \"%s\" -q --error-exitcode=99 --track-origins=yes \"%s\" "
                   "\"%s\")\n",
                   c.name.c_str(), valgrind, self, c.name.c_str());
    }
  }
  return std::fclose(f) == 0 ? 0 : 1;
}

// Runs CASE under valgrind; succeeds only if memcheck reports it (exit status 99 exactly: a crash
// or a clean run both fail).
int must_leak(const char* self, const char* valgrind, const char* name) {
  const std::string cmd = std::string("'") + valgrind + "' -q --error-exitcode=99 '" + self + "' '" +
                          name + "' 2>/dev/null";
  const int st = std::system(cmd.c_str());
  const int rc = (st != -1 && WIFEXITED(st)) ? WEXITSTATUS(st) : -1;
  std::printf("valgrind exit %d (99 = leak caught)\n", rc);
  return rc == 99 ? 0 : 1;
}

// The include file holds exactly the cases of this program, and every family's table gave at
// least one variant.
int check_file(const char* path) {
  std::FILE* f = std::fopen(path, "r");
  if (f == nullptr) {
    std::fprintf(stderr, "%s: missing (ct_check's POST_BUILD step did not run)\n", path);
    return 1;
  }
  std::set<std::string> in_file;
  char line[2048];
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    const char* p = std::strstr(line, "[=[ct.");
    const char* q = p != nullptr ? std::strstr(p, "]=]") : nullptr;
    if (p != nullptr && q != nullptr) {
      in_file.insert(std::string(p + 6, q));
    }
  }
  std::fclose(f);
  std::vector<FamilyCount> counts;
  const std::vector<Case> cases = all_cases(&counts);
  std::set<std::string> have;
  size_t leaks = 0;
  for (const Case& c : cases) {
    have.insert(c.name);
    leaks += c.must_leak;
  }
  int bad = 0;
  if (have != in_file || have.size() != cases.size()) {
    std::fprintf(stderr, "%s and ct_check's cases differ (%zu vs %zu)\n", path, in_file.size(),
                 have.size());
    bad = 1;
  }
  std::printf("%zu constant-time cases (%zu must leak); variants from the tables:", cases.size(),
              leaks);
  for (const FamilyCount& fc : counts) {
    std::printf(" %s %zu", fc.family, fc.variants);
    if (fc.variants == 0) {
      bad = 1;
    }
  }
  std::printf("\n");
  return bad;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--list") == 0) {
    for (const Case& c : all_cases()) {
      std::printf("%s%s\n", c.name.c_str(), c.must_leak ? " (must leak)" : "");
    }
    return 0;
  }
  if (argc == 4 && std::strcmp(argv[1], "--ctest-file") == 0) {
    return write_ctest_file(argv[2], argv[0], argv[3]);
  }
  if (argc == 4 && std::strcmp(argv[1], "--must-leak") == 0) {
    return must_leak(argv[0], argv[2], argv[3]);
  }
  if (argc == 3 && std::strcmp(argv[1], "--check-file") == 0) {
    return check_file(argv[2]);
  }
  if (argc != 2) {
    std::fprintf(stderr,
                 "usage: ct_check CASE | --list | --ctest-file FILE VALGRIND | --must-leak VALGRIND CASE"
                 " | --check-file FILE\n");
    return 2;
  }
  for (const Case& c : all_cases()) {
    if (c.name == argv[1]) {
      c.fn();
      if (g_failures != 0) {
        std::fprintf(stderr, "%s: %d functional failure(s)\n", c.name.c_str(), g_failures);
        return 1;
      }
      return 0;
    }
  }
  std::fprintf(stderr, "ct_check: unknown case '%s'\n", argv[1]);
  return 2;
}
