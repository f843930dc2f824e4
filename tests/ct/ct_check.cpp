// Constant-time checker: run each case under valgrind memcheck (tests/ct/tests.cmake).
// Keys and secret inputs are poisoned with CT_POISON; any branch or memory index that depends on
// them is reported by memcheck as a use of an uninitialised value. Outputs that are public by
// design (ciphertext, tags, digests of public data) are unpoisoned before they are compared.
//
// Usage: ct_check CASE          run one case (exit 0; valgrind decides)
//        ct_check --list        print the case names
//        ct_check --check-list NAME...   fail unless NAME... is exactly the case list
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"
#include "crypto/kdf/tls_prf.h"
#include "crypto/mac/hmac.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"
#include "crypto/util/ct.h"

namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;

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

void aes_schedule(petrel::AesImpl impl) {
  uint8_t key[32];
  fill(key, sizeof(key), 1);
  for (size_t len : {16u, 24u, 32u}) {
    CT_POISON(key, sizeof(key));
    petrel::AesKey k;
    expect_ok(k.init(ByteView(key, len), impl), "AesKey::init");
  }
}

void aes_encrypt(petrel::AesImpl impl, bool decrypt) {
  uint8_t key[32];
  uint8_t block[64];
  fill(key, sizeof(key), 2);
  fill(block, sizeof(block), 3);
  for (size_t len : {16u, 24u, 32u}) {
    petrel::AesKey k;
    CT_POISON(key, sizeof(key));
    expect_ok(k.init(ByteView(key, len), impl), "AesKey::init");
    CT_POISON(block, sizeof(block));
    if (decrypt) {
      k.decrypt_blocks(block, block, sizeof(block) / 16);
    } else {
      k.encrypt_blocks(block, block, sizeof(block) / 16);
    }
    CT_UNPOISON(block, sizeof(block));
    CT_UNPOISON(key, sizeof(key));
  }
}

void cbc_pkcs7() {
  uint8_t key[16];
  uint8_t iv[16];
  uint8_t pt[45];
  uint8_t ct[48];
  uint8_t out[48];
  fill(key, sizeof(key), 4);
  fill(iv, sizeof(iv), 5);
  fill(pt, sizeof(pt), 6);
  petrel::AesKey k;
  CT_POISON(key, sizeof(key));
  expect_ok(k.init(ByteView(key, sizeof(key)), petrel::AesImpl::ct), "AesKey::init");
  size_t ct_len = 0;
  CT_POISON(pt, sizeof(pt));
  expect_ok(petrel::aes_cbc_encrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(ct, sizeof(ct)), &ct_len,
                                          ByteView(pt, sizeof(pt))),
            "aes_cbc_encrypt_pkcs7");
  CT_UNPOISON(ct, sizeof(ct));  // ciphertext is public
  size_t out_len = 0;
  expect_ok(petrel::aes_cbc_decrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(out, sizeof(out)), &out_len,
                                          ByteView(ct, ct_len)),
            "aes_cbc_decrypt_pkcs7");
  // A bad padding must be detected without a secret-dependent branch before the final verdict.
  ct[ct_len - 1] ^= 1;
  Status s = petrel::aes_cbc_decrypt_pkcs7(k, ByteView(iv, 16), MutableBytes(out, sizeof(out)), &out_len,
                                           ByteView(ct, ct_len));
  if (s != Status::bad_padding && s != Status::ok) {
    g_failures++;
  }
}

void ctr() {
  uint8_t key[32];
  uint8_t iv[16];
  uint8_t buf[100];
  fill(key, sizeof(key), 7);
  fill(iv, sizeof(iv), 8);
  fill(buf, sizeof(buf), 9);
  petrel::AesKey k;
  CT_POISON(key, sizeof(key));
  expect_ok(k.init(ByteView(key, sizeof(key)), petrel::AesImpl::ct), "AesKey::init");
  petrel::AesCtr c;
  expect_ok(c.init(&k, ByteView(iv, 16)), "AesCtr::init");
  CT_POISON(buf, sizeof(buf));
  expect_ok(c.crypt(MutableBytes(buf, sizeof(buf)), ByteView(buf, sizeof(buf))), "AesCtr::crypt");
}

void gcm(bool open) {
  uint8_t key[32];
  uint8_t iv[12];
  uint8_t aad[20];
  uint8_t pt[77];
  uint8_t ct[77];
  uint8_t tag[16];
  fill(key, sizeof(key), 10);
  fill(iv, sizeof(iv), 11);
  fill(aad, sizeof(aad), 12);
  fill(pt, sizeof(pt), 13);
  petrel::AesKey k;
  CT_POISON(key, sizeof(key));
  expect_ok(k.init(ByteView(key, sizeof(key)), petrel::AesImpl::ct), "AesKey::init");
  petrel::AesGcm g;
  expect_ok(g.init(&k), "AesGcm::init");
  CT_POISON(pt, sizeof(pt));
  expect_ok(g.seal(MutableBytes(ct, sizeof(ct)), MutableBytes(tag, sizeof(tag)), ByteView(iv, sizeof(iv)),
                   ByteView(aad, sizeof(aad)), ByteView(pt, sizeof(pt))),
            "AesGcm::seal");
  CT_UNPOISON(ct, sizeof(ct));
  CT_UNPOISON(tag, sizeof(tag));
  if (open) {
    uint8_t out[77];
    expect_ok(g.open(MutableBytes(out, sizeof(out)), ByteView(iv, sizeof(iv)), ByteView(aad, sizeof(aad)),
                     ByteView(ct, sizeof(ct)), ByteView(tag, sizeof(tag))),
              "AesGcm::open");
    tag[3] ^= 0x10;
    if (g.open(MutableBytes(out, sizeof(out)), ByteView(iv, sizeof(iv)), ByteView(aad, sizeof(aad)),
               ByteView(ct, sizeof(ct)), ByteView(tag, sizeof(tag))) != Status::auth_failed) {
      std::fprintf(stderr, "AesGcm::open accepted a bad tag\n");
      g_failures++;
    }
  }
}

void hash_case(petrel::HashAlg alg) {
  uint8_t msg[300];
  uint8_t out[petrel::kMaxDigestSize];
  fill(msg, sizeof(msg), 14);
  CT_POISON(msg, sizeof(msg));
  // Several lengths, so padding and multi-block paths run on secret data.
  for (size_t len : {0u, 1u, 55u, 56u, 64u, 111u, 112u, 128u, 300u}) {
    expect_ok(petrel::hash(alg, MutableBytes(out, sizeof(out)), ByteView(msg, len)), "hash");
  }
}

void hmac_case(petrel::HashAlg alg) {
  uint8_t key[200];
  uint8_t msg[150];
  uint8_t out[petrel::kMaxDigestSize];
  fill(key, sizeof(key), 15);
  fill(msg, sizeof(msg), 16);
  CT_POISON(key, sizeof(key));
  CT_POISON(msg, sizeof(msg));
  for (size_t klen : {0u, 20u, 64u, 200u}) {
    expect_ok(petrel::hmac(alg, MutableBytes(out, sizeof(out)), ByteView(key, klen), ByteView(msg, sizeof(msg))),
              "hmac");
  }
  CT_UNPOISON(out, sizeof(out));
  // Verification of a public tag against a secret key: the verdict is the only thing released.
  Status s = petrel::hmac_verify(alg, ByteView(key, 20), ByteView(msg, sizeof(msg)), ByteView(out, 10));
  (void)s;
}

void prf(bool tls12) {
  uint8_t secret[48];
  uint8_t seed[64];
  uint8_t out[104];
  const char label[] = "key expansion";
  fill(secret, sizeof(secret), 17);
  fill(seed, sizeof(seed), 18);
  CT_POISON(secret, sizeof(secret));
  ByteView lbl(reinterpret_cast<const uint8_t*>(label), sizeof(label) - 1);
  if (tls12) {
    expect_ok(petrel::tls12_prf(petrel::HashAlg::sha256, MutableBytes(out, sizeof(out)), ByteView(secret, 48), lbl,
                                ByteView(seed, sizeof(seed))),
              "tls12_prf");
    expect_ok(petrel::tls12_prf(petrel::HashAlg::sha384, MutableBytes(out, sizeof(out)), ByteView(secret, 47), lbl,
                                ByteView(seed, sizeof(seed))),
              "tls12_prf");
  } else {
    expect_ok(petrel::tls10_prf(MutableBytes(out, sizeof(out)), ByteView(secret, 47), lbl,
                                ByteView(seed, sizeof(seed))),
              "tls10_prf");
  }
}

void mem_equal() {
  uint8_t a[32];
  uint8_t b[32];
  fill(a, sizeof(a), 19);
  fill(b, sizeof(b), 19);
  b[31] ^= 1;
  CT_POISON(a, sizeof(a));
  uint32_t m = petrel::ct::mem_eq_mask(a, b, sizeof(a));
  CT_UNPOISON(&m, sizeof(m));
  if (m != 0) {
    g_failures++;
  }
}

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
  const char* name;
  void (*fn)();
};

const Case kCases[] = {
    {"aes_ct_schedule", [] { aes_schedule(petrel::AesImpl::ct); }},
    {"aes_ct_encrypt", [] { aes_encrypt(petrel::AesImpl::ct, false); }},
    {"aes_ct_decrypt", [] { aes_encrypt(petrel::AesImpl::ct, true); }},
    {"cbc_ct_pkcs7", cbc_pkcs7},
    {"ctr_ct", ctr},
    {"gcm_ct_seal", [] { gcm(false); }},
    {"gcm_ct_open", [] { gcm(true); }},
    {"md5", [] { hash_case(petrel::HashAlg::md5); }},
    {"sha1", [] { hash_case(petrel::HashAlg::sha1); }},
    {"sha256", [] { hash_case(petrel::HashAlg::sha256); hash_case(petrel::HashAlg::sha224); }},
    {"sha512", [] { hash_case(petrel::HashAlg::sha512); hash_case(petrel::HashAlg::sha384); }},
    {"hmac_sha1", [] { hmac_case(petrel::HashAlg::sha1); hmac_case(petrel::HashAlg::md5); }},
    {"hmac_sha256", [] { hmac_case(petrel::HashAlg::sha256); }},
    {"hmac_sha384", [] { hmac_case(petrel::HashAlg::sha384); hmac_case(petrel::HashAlg::sha512); }},
    {"tls10_prf", [] { prf(false); }},
    {"tls12_prf", [] { prf(true); }},
    {"ct_mem_equal", mem_equal},
    {"leak_selftest", leak_selftest},
    {"leak_aes_table", [] { aes_encrypt(petrel::AesImpl::table, false); }},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--list") == 0) {
    for (const Case& c : kCases) {
      std::printf("%s\n", c.name);
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
      have.insert(c.name);
    }
    if (want != have) {
      std::fprintf(stderr, "tests.cmake case list and ct_check's cases differ\n");
      return 1;
    }
    std::printf("%zu constant-time cases registered\n", have.size());
    return 0;
  }
  if (argc != 2) {
    std::fprintf(stderr, "usage: ct_check CASE | --list\n");
    return 2;
  }
  for (const Case& c : kCases) {
    if (std::strcmp(argv[1], c.name) == 0) {
      c.fn();
      if (g_failures != 0) {
        std::fprintf(stderr, "%s: %d functional failure(s)\n", c.name, g_failures);
        return 1;
      }
      return 0;
    }
  }
  std::fprintf(stderr, "ct_check: unknown case '%s'\n", argv[1]);
  return 2;
}
