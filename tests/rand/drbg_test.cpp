// HMAC_DRBG-SHA256 known answers from NIST CAVP (HMAC_DRBG.txt, SHA-256, the prefix kept in
// vectors/nist/drbg/, with intermediate V and Key), limits and error statuses, the OS entropy
// source and the process-wide random_bytes() including fork safety.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "crypto/rand/entropy.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/rand/rand_test_hooks.h"
#include "crypto/rand/random.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

void expect_state(const HmacDrbg& d, const std::string& v, const std::string& key,
                  const std::string& where) {
  uint8_t gv[32];
  uint8_t gk[32];
  ASSERT_EQ(hmac_drbg_export_state_for_testing(d, MutableBytes(gv), MutableBytes(gk)), Status::ok);
  EXPECT_EQ(to_hex(gv, 32), v) << where << " V";
  EXPECT_EQ(to_hex(gk, 32), key) << where << " Key";
}

bool all_zero(const std::vector<uint8_t>& v) {
  for (uint8_t b : v) {
    if (b != 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

// CAVP prediction-resistance vectors: each generate call is preceded by a reseed with
// EntropyInputPR and the AdditionalInput, then generates with no additional input
// (SP 800-90A section 9.3.1 step 7), so they exercise instantiate, reseed with additional
// input, generate and the update function, and check the working state after each step.
TEST(HmacDrbg, NistCavpSha256) {
  const std::string path = "nist/drbg/HMAC_DRBG_SHA256_pr_true_prefix.txt";
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    ASSERT_TRUE(c.has_header("SHA-256")) << c.where();
    ASSERT_EQ(c.header("PredictionResistance"), "True") << c.where();
    const unsigned long long out_bits = std::stoull(c.header("ReturnedBitsLen"));
    c.number("COUNT");
    const std::vector<uint8_t> entropy = c.bytes("EntropyInput");
    const std::vector<uint8_t> nonce = c.bytes("Nonce");
    const std::vector<uint8_t> pers = c.bytes("PersonalizationString");
    const std::vector<std::string> v = c.get_all("V");
    const std::vector<std::string> key = c.get_all("Key");
    const std::vector<std::string> adin = c.get_all("AdditionalInput");
    const std::vector<std::string> epr = c.get_all("EntropyInputPR");
    const std::vector<uint8_t> want = c.bytes("ReturnedBits");
    ASSERT_EQ(c.get_all("** INSTANTIATE:").size(), 1u) << c.where();
    ASSERT_EQ(c.get_all("** GENERATE (FIRST CALL):").size(), 1u) << c.where();
    ASSERT_EQ(c.get_all("** GENERATE (SECOND CALL):").size(), 1u) << c.where();
    check_all_read(c);
    ASSERT_EQ(v.size(), 3u) << c.where();
    ASSERT_EQ(key.size(), 3u) << c.where();
    ASSERT_EQ(adin.size(), 2u) << c.where();
    ASSERT_EQ(epr.size(), 2u) << c.where();
    ASSERT_EQ(want.size() * 8, out_bits) << c.where();
    ASSERT_EQ(pers.size() * 8, std::stoull(c.header("PersonalizationStringLen"))) << c.where();

    HmacDrbg drbg;
    ASSERT_EQ(drbg.instantiate(ByteView(entropy), ByteView(nonce), ByteView(pers)), Status::ok);
    EXPECT_EQ(drbg.reseed_counter(), 1u);
    expect_state(drbg, v[0], key[0], c.where() + " instantiate");
    std::vector<uint8_t> out(want.size());
    for (size_t call = 0; call < 2; call++) {
      const std::vector<uint8_t> e = from_hex(epr[call]);
      const std::vector<uint8_t> a = from_hex(adin[call]);
      ASSERT_EQ(a.size() * 8, std::stoull(c.header("AdditionalInputLen"))) << c.where();
      ASSERT_EQ(drbg.reseed(ByteView(e), ByteView(a)), Status::ok) << c.where();
      ASSERT_EQ(drbg.generate(MutableBytes(out)), Status::ok) << c.where();
      expect_state(drbg, v[call + 1], key[call + 1],
                   c.where() + " generate " + std::to_string(call + 1));
    }
    EXPECT_EQ(to_hex(out), to_hex(want)) << c.where();
    EXPECT_EQ(drbg.reseed_counter(), 2u);
    n++;
  }
  report_cases(path, n);
}

TEST(HmacDrbg, Errors) {
  std::vector<uint8_t> entropy(32, 0x42);
  std::vector<uint8_t> out(HmacDrbg::kMaxRequestBytes + 1, 0xaa);
  HmacDrbg d;
  // Not instantiated.
  EXPECT_EQ(d.generate(MutableBytes(out.data(), 16)), Status::invalid_argument);
  EXPECT_EQ(d.reseed(ByteView(entropy), ByteView()), Status::invalid_argument);
  // Zero-length and short entropy.
  EXPECT_EQ(d.instantiate(ByteView(), ByteView(), ByteView()), Status::invalid_argument);
  EXPECT_EQ(d.instantiate(ByteView(entropy.data(), 31), ByteView(), ByteView()),
            Status::invalid_argument);
  EXPECT_FALSE(d.instantiated());
  ASSERT_EQ(d.instantiate(ByteView(entropy), ByteView(), ByteView()), Status::ok);
  EXPECT_EQ(d.reseed(ByteView(), ByteView()), Status::invalid_argument);
  // Request over the limit: rejected and the output zeroed, never partially filled.
  EXPECT_EQ(d.generate(MutableBytes(out)), Status::invalid_argument);
  EXPECT_TRUE(all_zero(out));
  EXPECT_EQ(d.generate(MutableBytes(out.data(), HmacDrbg::kMaxRequestBytes)), Status::ok);
  // Reseed interval.
  EXPECT_EQ(d.set_reseed_interval(0), Status::invalid_argument);
  ASSERT_EQ(d.set_reseed_interval(3), Status::ok);
  ASSERT_EQ(d.reseed(ByteView(entropy), ByteView()), Status::ok);
  EXPECT_EQ(d.generate(MutableBytes(out.data(), 16)), Status::ok);
  EXPECT_EQ(d.generate(MutableBytes(out.data(), 16)), Status::ok);
  EXPECT_EQ(d.generate(MutableBytes(out.data(), 16)), Status::ok);
  std::fill(out.begin(), out.end(), 0xaa);
  EXPECT_EQ(d.generate(MutableBytes(out.data(), 16)), Status::rng_failure);  // reseed required
  EXPECT_TRUE(all_zero(std::vector<uint8_t>(out.begin(), out.begin() + 16)));
  ASSERT_EQ(d.reseed(ByteView(entropy), ByteView()), Status::ok);
  EXPECT_EQ(d.generate(MutableBytes(out.data(), 16)), Status::ok);
  d.clear();
  EXPECT_EQ(d.generate(MutableBytes(out.data(), 16)), Status::invalid_argument);
  uint8_t v[32];
  uint8_t k[32];
  EXPECT_EQ(hmac_drbg_export_state_for_testing(d, MutableBytes(v), MutableBytes(k)), Status::invalid_argument);
}

// Generating with additional input must differ from generating without it, and the output of
// two equal instances must match (determinism).
TEST(HmacDrbg, AdditionalInputAndDeterminism) {
  std::vector<uint8_t> entropy(48, 0x01);
  std::vector<uint8_t> adin(20, 0x02);
  HmacDrbg a;
  HmacDrbg b;
  HmacDrbg c;
  ASSERT_EQ(a.instantiate(ByteView(entropy), ByteView(), ByteView()), Status::ok);
  ASSERT_EQ(b.instantiate(ByteView(entropy), ByteView(), ByteView()), Status::ok);
  ASSERT_EQ(c.instantiate(ByteView(entropy), ByteView(), ByteView()), Status::ok);
  std::vector<uint8_t> oa(100);
  std::vector<uint8_t> ob(100);
  std::vector<uint8_t> oc(100);
  ASSERT_EQ(a.generate(MutableBytes(oa)), Status::ok);
  ASSERT_EQ(b.generate(MutableBytes(ob)), Status::ok);
  ASSERT_EQ(c.generate(MutableBytes(oc), ByteView(adin)), Status::ok);
  EXPECT_EQ(to_hex(oa), to_hex(ob));
  EXPECT_NE(to_hex(oa), to_hex(oc));
}

TEST(Entropy, OsSource) {
  OsEntropySource os;
  std::vector<uint8_t> a(1000);
  std::vector<uint8_t> b(1000);
  EXPECT_EQ(os.get_entropy(MutableBytes()), Status::invalid_argument);
  ASSERT_EQ(os.get_entropy(MutableBytes(a)), Status::ok);
  ASSERT_EQ(os.get_entropy(MutableBytes(b)), Status::ok);
  EXPECT_FALSE(all_zero(a));
  EXPECT_NE(to_hex(a), to_hex(b));
  // Through the interface.
  EntropySource& src = os;
  ASSERT_EQ(src.get_entropy(MutableBytes(a.data(), 1)), Status::ok);
}

TEST(RandomBytes, Basic) {
  EXPECT_FALSE(random_is_deterministic());
  std::vector<uint8_t> a(20000);  // more than one DRBG request
  std::vector<uint8_t> b(20000);
  ASSERT_EQ(random_bytes(MutableBytes()), Status::ok);
  ASSERT_EQ(random_bytes(MutableBytes(a)), Status::ok);
  ASSERT_EQ(random_bytes(MutableBytes(b)), Status::ok);
  EXPECT_FALSE(all_zero(a));
  EXPECT_NE(to_hex(a), to_hex(b));
  // Past the reseed threshold.
  for (size_t i = 0; i < kReseedRequests + 10; i++) {
    ASSERT_EQ(random_bytes(MutableBytes(a.data(), 8)), Status::ok);
  }
}

// A forked child must not replay the parent's stream: both continue from the same DRBG state,
// so without the pid check they would print the same bytes.
TEST(RandomBytes, ForkSafety) {
  uint8_t warm[16];
  ASSERT_EQ(random_bytes(MutableBytes(warm)), Status::ok);  // seed before forking
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    uint8_t buf[32];
    const bool ok = random_bytes(MutableBytes(buf)) == Status::ok;
    const ssize_t w = write(fds[1], buf, sizeof(buf));
    _exit(ok && w == static_cast<ssize_t>(sizeof(buf)) ? 0 : 1);
  }
  close(fds[1]);
  uint8_t parent_buf[32];
  ASSERT_EQ(random_bytes(MutableBytes(parent_buf)), Status::ok);
  uint8_t child_buf[32] = {};
  size_t got = 0;
  while (got < sizeof(child_buf)) {
    const ssize_t r = read(fds[0], child_buf + got, sizeof(child_buf) - got);
    if (r <= 0) {
      break;
    }
    got += static_cast<size_t>(r);
  }
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_EQ(got, sizeof(child_buf));
  EXPECT_NE(to_hex(parent_buf, 32), to_hex(child_buf, 32));
}
