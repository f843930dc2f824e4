// The Rng interface wired to the library's sources: default_rng() (random_bytes()) and DrbgRng
// (a caller's HmacDrbg seeded from a caller's EntropySource), and RSA drawing from both.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "crypto/hash/hash.h"
#include "crypto/rand/entropy.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/rand/random.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"

using namespace petrel;

namespace {

// Hands out 0, 1, 2, ... as "entropy" and counts the calls; can be told to fail.
class CountingSource final : public EntropySource {
 public:
  Status get_entropy(MutableBytes out) noexcept override {
    m_calls++;
    if (m_fail) {
      std::memset(out.data(), 0, out.size());
      return Status::rng_failure;
    }
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = m_next++;
    }
    return Status::ok;
  }
  size_t m_calls = 0;
  bool m_fail = false;
  uint8_t m_next = 0;
};

std::vector<uint8_t> bytes_from(uint8_t start, size_t n) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; i++) {
    v[i] = static_cast<uint8_t>(start + i);
  }
  return v;
}

TEST(Rng, DefaultRngDrawsFromRandomBytes) {
  Rng& rng = default_rng();
  EXPECT_EQ(&rng, &default_rng());
  std::vector<uint8_t> a(64, 0);
  std::vector<uint8_t> b(64, 0);
  ASSERT_EQ(rng.generate(MutableBytes(a.data(), a.size())), Status::ok);
  ASSERT_EQ(rng.generate(MutableBytes(b.data(), b.size())), Status::ok);
  EXPECT_NE(a, b);
  EXPECT_NE(a, std::vector<uint8_t>(64, 0));
  std::vector<uint8_t> big(20000, 0);
  ASSERT_EQ(rng.generate(MutableBytes(big.data(), big.size())), Status::ok);
  EXPECT_NE(std::vector<uint8_t>(big.end() - 64, big.end()), std::vector<uint8_t>(64, 0));
  ASSERT_EQ(rng.generate(MutableBytes()), Status::ok);
}

TEST(Rng, DefaultRngForkSafe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    uint8_t c[32];
    const bool ok = default_rng().generate(MutableBytes(c, sizeof(c))) == Status::ok;
    const ssize_t w = write(fds[1], c, sizeof(c));
    _exit(ok && w == static_cast<ssize_t>(sizeof(c)) ? 0 : 1);
  }
  uint8_t p[32];
  ASSERT_EQ(default_rng().generate(MutableBytes(p, sizeof(p))), Status::ok);
  uint8_t c[32];
  ASSERT_EQ(read(fds[0], c, sizeof(c)), static_cast<ssize_t>(sizeof(c)));
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_NE(std::memcmp(p, c, sizeof(p)), 0);
  close(fds[0]);
  close(fds[1]);
}

// DrbgRng instantiates the DRBG with entropy = first 32 source bytes, nonce = next 16, and the
// personalization string: the same stream as an HmacDrbg set up by hand; long requests are
// split at kMaxRequestBytes.
TEST(Rng, DrbgRngIsTheDrbgStream) {
  CountingSource src;
  HmacDrbg drbg;
  const uint8_t pers[] = {'f', 'w'};
  DrbgRng rng(drbg, src, ByteView(pers, sizeof(pers)));
  std::vector<uint8_t> got(20000);
  ASSERT_EQ(rng.generate(MutableBytes(got.data(), got.size())), Status::ok);
  EXPECT_TRUE(drbg.instantiated());
  EXPECT_EQ(src.m_calls, 1u);

  HmacDrbg ref;
  const auto seed = bytes_from(0, 48);
  ASSERT_EQ(ref.instantiate(ByteView(seed.data(), 32), ByteView(seed.data() + 32, 16),
                            ByteView(pers, sizeof(pers))),
            Status::ok);
  std::vector<uint8_t> want(20000);
  ASSERT_EQ(ref.generate(MutableBytes(want.data(), 7500)), Status::ok);
  ASSERT_EQ(ref.generate(MutableBytes(want.data() + 7500, 7500)), Status::ok);
  ASSERT_EQ(ref.generate(MutableBytes(want.data() + 15000, 5000)), Status::ok);
  EXPECT_EQ(got, want);
  EXPECT_EQ(drbg.reseed_counter(), ref.reseed_counter());
}

TEST(Rng, DrbgRngReseedsFromItsSource) {
  CountingSource src;
  HmacDrbg drbg;
  ASSERT_EQ(drbg.set_reseed_interval(2), Status::ok);
  DrbgRng rng(drbg, src);
  uint8_t out[16];
  ASSERT_EQ(rng.generate(MutableBytes(out, sizeof(out))), Status::ok);  // instantiate + 1
  ASSERT_EQ(rng.generate(MutableBytes(out, sizeof(out))), Status::ok);  // 2
  EXPECT_EQ(src.m_calls, 1u);
  ASSERT_EQ(rng.generate(MutableBytes(out, sizeof(out))), Status::ok);  // reseed, then 1
  EXPECT_EQ(src.m_calls, 2u);

  // The same with a hand-driven DRBG.
  HmacDrbg ref;
  const auto seed = bytes_from(0, 48);
  ASSERT_EQ(ref.set_reseed_interval(2), Status::ok);
  ASSERT_EQ(ref.instantiate(ByteView(seed.data(), 32), ByteView(seed.data() + 32, 16),
                            ByteView()),
            Status::ok);
  uint8_t r[16];
  ASSERT_EQ(ref.generate(MutableBytes(r, sizeof(r))), Status::ok);
  ASSERT_EQ(ref.generate(MutableBytes(r, sizeof(r))), Status::ok);
  EXPECT_EQ(ref.generate(MutableBytes(r, sizeof(r))), Status::rng_failure);
  const auto seed2 = bytes_from(48, 48);
  ASSERT_EQ(ref.reseed(ByteView(seed2.data(), seed2.size()), ByteView()), Status::ok);
  ASSERT_EQ(ref.generate(MutableBytes(r, sizeof(r))), Status::ok);
  EXPECT_EQ(std::memcmp(out, r, sizeof(r)), 0);

  // Explicit reseed.
  ASSERT_EQ(rng.reseed(), Status::ok);
  EXPECT_EQ(src.m_calls, 3u);
  EXPECT_EQ(drbg.reseed_counter(), 1u);
}

TEST(Rng, DrbgRngSourceFailure) {
  CountingSource src;
  src.m_fail = true;
  HmacDrbg drbg;
  DrbgRng rng(drbg, src);
  uint8_t out[32];
  std::memset(out, 0xaa, sizeof(out));
  EXPECT_EQ(rng.generate(MutableBytes(out, sizeof(out))), Status::rng_failure);
  EXPECT_FALSE(drbg.instantiated());
  for (uint8_t b : out) {
    EXPECT_EQ(b, 0);
  }
  // A failure at reseed time also fails the request, with nothing released.
  src.m_fail = false;
  ASSERT_EQ(drbg.set_reseed_interval(1), Status::ok);
  ASSERT_EQ(rng.generate(MutableBytes(out, sizeof(out))), Status::ok);
  src.m_fail = true;
  std::memset(out, 0xaa, sizeof(out));
  EXPECT_EQ(rng.generate(MutableBytes(out, sizeof(out))), Status::rng_failure);
  for (uint8_t b : out) {
    EXPECT_EQ(b, 0);
  }
}

// RSA key generation, signing and encryption take either Rng.
TEST(Rng, RsaWithBothRngs) {
  OsEntropySource os;
  HmacDrbg drbg;
  DrbgRng fw(drbg, os);
  auto key = std::make_unique<RsaPrivateKey>();
  ASSERT_EQ(rsa_generate_key(key.get(), 1024, fw), Status::ok);
  uint8_t digest[32];
  ASSERT_EQ(hash(HashAlg::sha256, MutableBytes(digest, sizeof(digest)),
                 ByteView(reinterpret_cast<const uint8_t*>("abc"), 3)),
            Status::ok);
  uint8_t sig[128];
  ASSERT_EQ(rsa_pss_sign(MutableBytes(sig, sizeof(sig)), *key, HashAlg::sha256,
                         ByteView(digest, sizeof(digest)), default_rng()),
            Status::ok);
  EXPECT_EQ(rsa_pss_verify(key->public_key(), HashAlg::sha256, ByteView(digest, sizeof(digest)),
                           ByteView(sig, sizeof(sig))),
            Status::ok);
  uint8_t ct[128];
  uint8_t pt[128];
  size_t pt_len = 0;
  ASSERT_EQ(rsa_oaep_encrypt(MutableBytes(ct, sizeof(ct)), key->public_key(), HashAlg::sha256,
                             ByteView(digest, 16), ByteView(), fw),
            Status::ok);
  ASSERT_EQ(rsa_oaep_decrypt(MutableBytes(pt, sizeof(pt)), &pt_len, *key, HashAlg::sha256,
                             ByteView(ct, sizeof(ct)), ByteView(), default_rng()),
            Status::ok);
  EXPECT_EQ(pt_len, 16u);
  EXPECT_EQ(std::memcmp(pt, digest, 16), 0);
}

}  // namespace
