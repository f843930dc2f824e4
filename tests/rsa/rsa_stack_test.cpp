// Stack use of RSA operations, measured: the operation runs on a thread whose stack is a buffer
// painted with a pattern; afterwards the deepest overwritten byte gives the high-water mark.
// Prints the figures (bytes) and fails if a private operation needs more than the budget that
// crypto/rsa/rsa.h documents. Skipped under AddressSanitizer (its redzones inflate frames).
#include <gtest/gtest.h>

#include <pthread.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "tests/rsa/test_rng.h"

#if defined(__SANITIZE_ADDRESS__)
#define PETREL_STACK_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PETREL_STACK_TEST_ASAN 1
#endif
#endif

namespace petrel {
namespace {

// (Unused where AddressSanitizer skips the stack tests.)
[[maybe_unused]] std::vector<uint8_t> read_key_file(const char* name) {
  const std::string path = std::string(PETREL_SOURCE_DIR) + "/tests/rsa/keys/" + name;
  std::vector<uint8_t> out;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    ADD_FAILURE() << "cannot open " << path;
    return out;
  }
  int c;
  while ((c = std::fgetc(f)) != EOF) {
    out.push_back(static_cast<uint8_t>(c));
  }
  std::fclose(f);
  return out;
}

constexpr size_t kStackSize = 256 * 1024;
constexpr uint8_t kPaint = 0xa7;

struct Job {
  std::function<void()> fn;
};

void* run_job(void* arg) {
  static_cast<Job*>(arg)->fn();
  return nullptr;
}

// Bytes of stack the function used (stacks grow down on every target Petrel supports).
[[maybe_unused]] size_t stack_used(const std::function<void()>& fn) {
  std::vector<uint8_t> stack(kStackSize + 4096);
  // Page-align the stack start for pthread_attr_setstack.
  uintptr_t base = reinterpret_cast<uintptr_t>(stack.data());
  base = (base + 4095) & ~static_cast<uintptr_t>(4095);
  uint8_t* lo = reinterpret_cast<uint8_t*>(base);
  std::memset(lo, kPaint, kStackSize);
  pthread_attr_t attr;
  EXPECT_EQ(pthread_attr_init(&attr), 0);
  EXPECT_EQ(pthread_attr_setstack(&attr, lo, kStackSize), 0);
  Job job{fn};
  pthread_t t;
  EXPECT_EQ(pthread_create(&t, &attr, run_job, &job), 0);
  EXPECT_EQ(pthread_join(t, nullptr), 0);
  pthread_attr_destroy(&attr);
  size_t untouched = 0;
  while (untouched < kStackSize && lo[untouched] == kPaint) {
    untouched++;
  }
  return kStackSize - untouched;
}

TEST(RsaStack, PrivateAndPublicOperations) {
#if defined(PETREL_STACK_TEST_ASAN)
  GTEST_SKIP() << "stack depth is not meaningful under AddressSanitizer";
#else
  petrel_test::SplitMixRng rng(3);
  // A 2048-bit key made by openssl (tests/rsa/keys/README.md); key generation has its own test
  // (RsaKeygen.Generate2048) and took most of this one's time under qemu.
  auto key = std::make_unique<RsaPrivateKey>();
  const std::vector<uint8_t> pem = read_key_file("k2048.pkcs1.pem");
  ASSERT_FALSE(pem.empty());
  ASSERT_EQ(rsa_private_key_load(key.get(), ByteView(pem.data(), pem.size())), Status::ok);
  ASSERT_EQ(key->bits(), 2048u);
  uint8_t digest[32] = {1, 2, 3};
  std::vector<uint8_t> sig(key->size());
  // The thread's own start-up (libc, the std::function call) is included: a few hundred bytes.
  const size_t base = stack_used([] {});
  const size_t sign = stack_used([&] {
    EXPECT_EQ(rsa_pss_sign(MutableBytes(sig.data(), sig.size()), *key, HashAlg::sha256,
                           ByteView(digest, 32), rng),
              Status::ok);
  });
  const size_t verify = stack_used([&] {
    EXPECT_EQ(rsa_pss_verify(key->public_key(), HashAlg::sha256, ByteView(digest, 32),
                             ByteView(sig.data(), sig.size())),
              Status::ok);
  });
  std::vector<uint8_t> ct(key->size());
  std::vector<uint8_t> pt(key->size());
  const size_t decrypt = stack_used([&] {
    EXPECT_EQ(rsa_oaep_encrypt(MutableBytes(ct.data(), ct.size()), key->public_key(),
                               HashAlg::sha256, ByteView(digest, 32), ByteView(), rng),
              Status::ok);
    size_t len = 0;
    EXPECT_EQ(rsa_oaep_decrypt(MutableBytes(pt.data(), pt.size()), &len, *key, HashAlg::sha256,
                               ByteView(ct.data(), ct.size()), ByteView(), rng),
              Status::ok);
  });
  ASSERT_GT(sign, base);
  ASSERT_GT(verify, base);
  ASSERT_GT(decrypt, base);
  std::printf("[ stack    ] 2048-bit key, beyond the thread's own %zu bytes: PSS sign %zu, "
              "PSS verify %zu, OAEP encrypt+decrypt %zu bytes; sizeof(RsaPrivateKey) %zu, "
              "sizeof(RsaPublicKey) %zu\n",
              base, sign - base, verify - base, decrypt - base, sizeof(RsaPrivateKey),
              sizeof(RsaPublicKey));
  // crypto/rsa/rsa.h documents about 5.3 KB for a private operation and 4.6 KB for a public
  // one with a 2048-bit key; the budgets leave about 10 %.
  EXPECT_LT(sign - base, 5888u);
  EXPECT_LT(decrypt - base, 5888u);
  EXPECT_LT(verify - base, 5120u);
  EXPECT_GT(sign, verify);  // the private operation is the deeper one
#endif
}

// A public key read at run time (a certificate's) goes through with_rsa_public_key (rsa_key_files.h),
// which loads it into the smallest storage size class. The stack of a PKCS#1 v1.5 verification
// that way, per class, against the same verification with an RsaPublicKey (8192-bit storage) on
// the stack. n is any odd number of the size (set() does not look for factors) and the
// signature does not verify: the path, and so the stack, is that of a good signature.
TEST(RsaStack, PublicKeySizeClasses) {
#if defined(PETREL_STACK_TEST_ASAN)
  GTEST_SKIP() << "stack depth is not meaningful under AddressSanitizer";
#else
  const size_t base = stack_used([] {});
  size_t by_class[3] = {};
  size_t whole[3] = {};
  const size_t sizes[3] = {2048, 4096, 8192};
  for (size_t i = 0; i < 3; i++) {
    const size_t k = sizes[i] / 8;
    std::vector<uint8_t> n(k, 0x5b);
    n[0] = 0xc3;
    n[k - 1] = 0x01;
    const uint8_t e[] = {0x01, 0x00, 0x01};
    auto pub = std::make_unique<RsaPublicKey>();
    ASSERT_EQ(pub->set(ByteView(n.data(), k), ByteView(e, sizeof(e))), Status::ok);
    std::vector<uint8_t> spki(kRsaMaxPublicKeyDerLen);
    size_t spki_len = 0;
    ASSERT_EQ(rsa_public_key_to_spki(MutableBytes(spki.data(), spki.size()), &spki_len, *pub),
              Status::ok);
    std::vector<uint8_t> sig(k, 0x42);
    uint8_t digest[32] = {9, 8, 7};
    size_t chosen = 0;
    by_class[i] = stack_used([&] {
      const Status st = with_rsa_public_key_spki(
          ByteView(spki.data(), spki_len), 0, [&](const RsaPublicKeyBase& key) {
            chosen = key.max_bits();
            return rsa_pkcs1_verify(key, HashAlg::sha256, ByteView(digest, 32),
                                    ByteView(sig.data(), k));
          });
      EXPECT_EQ(st, Status::auth_failed);
    }) - base;
    EXPECT_EQ(chosen, sizes[i]);
    whole[i] = stack_used([&] {
      RsaPublicKey key;
      EXPECT_EQ(rsa_public_key_from_spki(&key, ByteView(spki.data(), spki_len)), Status::ok);
      EXPECT_EQ(rsa_pkcs1_verify(key, HashAlg::sha256, ByteView(digest, 32),
                                 ByteView(sig.data(), k)),
                Status::auth_failed);
    }) - base;
  }
  std::printf("[ stack    ] PKCS#1 v1.5 verification from a SubjectPublicKeyInfo, beyond the "
              "thread's own %zu bytes: size classes 2048/4096/8192 bits: %zu / %zu / %zu bytes; "
              "with an RsaPublicKey on the stack: %zu / %zu / %zu bytes; "
              "sizeof(RsaPublicKeyOf<2048>) %zu, <4096> %zu, RsaPublicKey %zu\n",
              base, by_class[0], by_class[1], by_class[2], whole[0], whole[1], whole[2],
              sizeof(RsaPublicKeyOf<2048>), sizeof(RsaPublicKeyOf<4096>), sizeof(RsaPublicKey));
  // Only the chosen class's key is on the stack: a smaller class saves the difference of the
  // storage sizes (3 * (8192 - bits) / 8 bytes), less what the dispatch adds.
  EXPECT_LT(by_class[0] + 2048, whole[0]);
  EXPECT_LT(by_class[1] + 1024, whole[1]);
  EXPECT_LT(by_class[0], by_class[1]);
  EXPECT_LT(by_class[1], by_class[2]);
#endif
}

}  // namespace
}  // namespace petrel
