// HMAC known answers: NIST CAVS HMAC.rsp (all [L=] sections, truncated Mac of Tlen bytes),
// RFC 2202 (MD5, SHA-1) and RFC 4231 (SHA-256/384/512); streaming, copying and error cases.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crypto/mac/hmac.h"
#include "tests/common/file_test.h"
#include "tests/common/hash_impls.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

bool alg_for_l(const std::string& l, HashAlg* alg) {
  if (l == "20") {
    *alg = HashAlg::sha1;
  } else if (l == "28") {
    *alg = HashAlg::sha224;
  } else if (l == "32") {
    *alg = HashAlg::sha256;
  } else if (l == "48") {
    *alg = HashAlg::sha384;
  } else if (l == "64") {
    *alg = HashAlg::sha512;
  } else {
    return false;
  }
  return true;
}

std::vector<uint8_t> mac(HashAlg alg, const std::vector<uint8_t>& key,
                         const std::vector<uint8_t>& msg) {
  std::vector<uint8_t> out(hash_digest_size(alg));
  EXPECT_EQ(hmac(alg, MutableBytes(out), ByteView(key), ByteView(msg)), Status::ok);
  return out;
}

void run_rfc_file_once(const std::string& path, const std::string& label, HashAlg alg) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const unsigned long long len_bits = c.number("Len");
    const std::vector<uint8_t> key = c.bytes("Key");
    const std::vector<uint8_t> msg = c.bytes("Msg");
    const std::vector<uint8_t> md = c.bytes("MD");
    check_all_read(c);
    ASSERT_EQ(msg.size() * 8, len_bits) << c.where();
    ASSERT_EQ(md.size(), hash_digest_size(alg)) << c.where();
    EXPECT_EQ(to_hex(mac(alg, key, msg)), to_hex(md)) << c.where();
    EXPECT_EQ(hmac_verify(alg, ByteView(key), ByteView(msg), ByteView(md)), Status::ok)
        << c.where();
    n++;
  }
  report_cases(label, n);
}

void run_rfc_file(const std::string& path, HashAlg alg) {
  for (size_t k = 0; k < petrel_test::hash_impl_sets(); k++) {
    petrel_test::HashImplSetScope scope(k);
    run_rfc_file_once(path, path + " [" + scope.name() + "]", alg);
  }
}

}  // namespace

static void run_nist_cavs(const std::string& label) {
  VectorFile f;
  ASSERT_TRUE(f.load("nist/hmac/HMAC.rsp"));
  size_t n = 0;
  size_t per_l[5] = {};
  for (VectorCase& c : f.cases()) {
    HashAlg alg = HashAlg::sha1;
    ASSERT_TRUE(alg_for_l(c.header("L"), &alg)) << c.where() << ": L=" << c.header("L");
    c.number("Count");
    const unsigned long long klen = c.number("Klen");
    const unsigned long long tlen = c.number("Tlen");
    const std::vector<uint8_t> key = c.bytes("Key");
    const std::vector<uint8_t> msg = c.bytes("Msg");
    std::vector<uint8_t> tag = c.bytes("Mac");
    check_all_read(c);
    ASSERT_EQ(key.size(), klen) << c.where();
    ASSERT_EQ(tag.size(), tlen) << c.where();
    ASSERT_LE(tlen, hash_digest_size(alg)) << c.where();
    const std::vector<uint8_t> full = mac(alg, key, msg);
    EXPECT_EQ(to_hex(full.data(), tlen), to_hex(tag)) << c.where();
    EXPECT_EQ(hmac_verify(alg, ByteView(key), ByteView(msg), ByteView(tag)), Status::ok)
        << c.where();
    tag[n % tag.size()] ^= 0x01;
    EXPECT_EQ(hmac_verify(alg, ByteView(key), ByteView(msg), ByteView(tag)), Status::auth_failed)
        << c.where();
    const size_t slot = alg == HashAlg::sha1     ? 0
                        : alg == HashAlg::sha224 ? 1
                        : alg == HashAlg::sha256 ? 2
                        : alg == HashAlg::sha384 ? 3
                                                 : 4;
    per_l[slot]++;
    n++;
  }
  for (size_t i = 0; i < 5; i++) {
    EXPECT_GT(per_l[i], 0u) << "no cases for L section " << i;
  }
  report_cases(label, n);
}

// Every file on every SHA variant set (tests/common/hash_impls.h: together they run each
// available block function of each table).
TEST(Hmac, NistCavs) {
  for (size_t k = 0; k < petrel_test::hash_impl_sets(); k++) {
    petrel_test::HashImplSetScope scope(k);
    run_nist_cavs("nist/hmac/HMAC.rsp [" + scope.name() + "]");
  }
}

TEST(Hmac, Rfc2202Md5) { run_rfc_file("hmac-rfc/rfc-2202-md5.txt", HashAlg::md5); }
TEST(Hmac, Rfc2202Sha1) { run_rfc_file("hmac-rfc/rfc-2202-sha1.txt", HashAlg::sha1); }
TEST(Hmac, Rfc4231Sha256) { run_rfc_file("hmac-rfc/rfc-4231-sha256.txt", HashAlg::sha256); }
TEST(Hmac, Rfc4231Sha384) { run_rfc_file("hmac-rfc/rfc-4231-sha384.txt", HashAlg::sha384); }
TEST(Hmac, Rfc4231Sha512) { run_rfc_file("hmac-rfc/rfc-4231-sha512.txt", HashAlg::sha512); }

// Streaming in random chunks and copying a keyed context give the one-shot result.
TEST(Hmac, StreamingAndCopy) {
  std::mt19937 rng(7);
  const HashAlg algs[] = {HashAlg::md5,    HashAlg::sha1,   HashAlg::sha224,
                          HashAlg::sha256, HashAlg::sha384, HashAlg::sha512};
  for (HashAlg alg : algs) {
    for (size_t klen : {0u, 1u, 20u, 64u, 65u, 128u, 129u, 300u}) {
      std::vector<uint8_t> key(klen);
      std::vector<uint8_t> msg(777);
      for (auto& b : key) {
        b = static_cast<uint8_t>(rng());
      }
      for (auto& b : msg) {
        b = static_cast<uint8_t>(rng());
      }
      const std::vector<uint8_t> want = mac(alg, key, msg);
      HmacCtx keyed;
      ASSERT_EQ(keyed.init(alg, ByteView(key)), Status::ok);
      HmacCtx ctx = keyed;  // the keyed template stays reusable
      size_t pos = 0;
      while (pos < msg.size()) {
        size_t chunk = rng() % 200;
        if (chunk > msg.size() - pos) {
          chunk = msg.size() - pos;
        }
        ctx.update(ByteView(msg.data() + pos, chunk));
        pos += chunk;
      }
      std::vector<uint8_t> got(ctx.tag_size());
      ASSERT_EQ(ctx.final(MutableBytes(got)), Status::ok);
      EXPECT_EQ(to_hex(got), to_hex(want)) << hash_name(alg) << " klen " << klen;
      HmacCtx again = keyed;
      again.update(ByteView(msg));
      ASSERT_EQ(again.final(MutableBytes(got)), Status::ok);
      EXPECT_EQ(to_hex(got), to_hex(want)) << hash_name(alg) << " klen " << klen;
    }
  }
}

TEST(Hmac, Errors) {
  const uint8_t key[16] = {1, 2, 3};
  uint8_t out[kMaxDigestSize];
  EXPECT_EQ(hmac(HashAlg::sha256, MutableBytes(out, 31), ByteView(key), ByteView()),
            Status::buffer_too_small);
  HmacCtx ctx;
  EXPECT_EQ(ctx.final(MutableBytes(out, sizeof(out))), Status::invalid_argument);
  ASSERT_EQ(ctx.init(HashAlg::sha384, ByteView(key)), Status::ok);
  EXPECT_EQ(ctx.final(MutableBytes(out, 47)), Status::buffer_too_small);
  EXPECT_EQ(ctx.final(MutableBytes(out, 48)), Status::ok);
  EXPECT_EQ(ctx.final(MutableBytes(out, 48)), Status::invalid_argument);  // already finished
  // Tags of length 0 or longer than the digest are rejected, not compared.
  uint8_t tag[65] = {};
  EXPECT_EQ(hmac_verify(HashAlg::sha256, ByteView(key), ByteView(), ByteView(tag, 0)),
            Status::invalid_argument);
  EXPECT_EQ(hmac_verify(HashAlg::sha256, ByteView(key), ByteView(), ByteView(tag, 33)),
            Status::invalid_argument);
  EXPECT_EQ(hmac_verify(HashAlg::sha256, ByteView(key), ByteView(), ByteView(tag, 32)),
            Status::auth_failed);
}
