// Hash known-answer tests: NIST SHAVS (ShortMsg, LongMsg, Monte) for SHA-1/256/384/512, RFC 1321
// for MD5, FIPS 180-4 example values for SHA-224; streaming vs one-shot; HashCtx forking.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

std::vector<uint8_t> digest(HashAlg alg, const std::vector<uint8_t>& msg) {
  std::vector<uint8_t> out(hash_digest_size(alg));
  EXPECT_EQ(hash(alg, MutableBytes(out), ByteView(msg)), Status::ok);
  return out;
}

// Len (bits) / Msg / MD files: SHAVS byte-oriented ShortMsg/LongMsg and RFC 1321.
void run_msg_file(const std::string& path, HashAlg alg) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const unsigned long long len_bits = c.number("Len");
    std::vector<uint8_t> msg = c.bytes("Msg");
    const std::vector<uint8_t> md = c.bytes("MD");
    check_all_read(c);
    ASSERT_EQ(len_bits % 8, 0u) << c.where() << ": bit-oriented message";
    if (len_bits == 0) {
      msg.clear();  // Len = 0 is written as Msg = 00
    }
    ASSERT_EQ(msg.size() * 8, len_bits) << c.where();
    ASSERT_EQ(md.size(), hash_digest_size(alg)) << c.where();
    EXPECT_EQ(to_hex(digest(alg, msg)), to_hex(md)) << c.where();
    n++;
  }
  report_cases(path, n);
}

// SHAVS section 6.4 Monte Carlo: MD0 = MD1 = MD2 = Seed; 1000 iterations of
// MDi = H(MD(i-3) || MD(i-2) || MD(i-1)); the last becomes the checkpoint and the next Seed.
void run_monte_file(const std::string& path, HashAlg alg) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  const size_t dlen = hash_digest_size(alg);
  std::vector<uint8_t> seed;
  size_t checkpoints = 0;
  for (VectorCase& c : f.cases()) {
    if (c.has("Seed")) {
      seed = c.bytes("Seed");
      check_all_read(c);
      ASSERT_EQ(seed.size(), dlen) << c.where();
      ASSERT_EQ(std::to_string(dlen), c.header("L")) << c.where();
      continue;
    }
    const unsigned long long count = c.number("COUNT");
    const std::vector<uint8_t> expected = c.bytes("MD");
    check_all_read(c);
    ASSERT_EQ(count, checkpoints) << c.where();
    ASSERT_EQ(seed.size(), dlen) << c.where() << ": checkpoint before Seed";
    std::vector<uint8_t> m(3 * dlen);
    std::vector<uint8_t> md(dlen);
    std::memcpy(m.data(), seed.data(), dlen);
    std::memcpy(m.data() + dlen, seed.data(), dlen);
    std::memcpy(m.data() + 2 * dlen, seed.data(), dlen);
    for (int i = 3; i < 1003; i++) {
      ASSERT_EQ(hash(alg, MutableBytes(md), ByteView(m)), Status::ok);
      std::memmove(m.data(), m.data() + dlen, 2 * dlen);
      std::memcpy(m.data() + 2 * dlen, md.data(), dlen);
    }
    ASSERT_EQ(to_hex(md), to_hex(expected)) << c.where();
    seed = md;
    checkpoints++;
  }
  EXPECT_EQ(checkpoints, 100u) << path;
  report_cases(path, checkpoints);
}

const HashAlg kAll[] = {HashAlg::md5,    HashAlg::sha1,   HashAlg::sha224,
                        HashAlg::sha256, HashAlg::sha384, HashAlg::sha512};

}  // namespace

TEST(Sha1, ShortMsg) { run_msg_file("nist/sha/SHA1ShortMsg.rsp", HashAlg::sha1); }
TEST(Sha1, LongMsg) { run_msg_file("nist/sha/SHA1LongMsg.rsp", HashAlg::sha1); }
TEST(Sha1, Monte) { run_monte_file("nist/sha/SHA1Monte.rsp", HashAlg::sha1); }
TEST(Sha256, ShortMsg) { run_msg_file("nist/sha/SHA256ShortMsg.rsp", HashAlg::sha256); }
TEST(Sha256, LongMsg) { run_msg_file("nist/sha/SHA256LongMsg.rsp", HashAlg::sha256); }
TEST(Sha256, Monte) { run_monte_file("nist/sha/SHA256Monte.rsp", HashAlg::sha256); }
TEST(Sha384, ShortMsg) { run_msg_file("nist/sha/SHA384ShortMsg.rsp", HashAlg::sha384); }
TEST(Sha384, LongMsg) { run_msg_file("nist/sha/SHA384LongMsg.rsp", HashAlg::sha384); }
TEST(Sha384, Monte) { run_monte_file("nist/sha/SHA384Monte.rsp", HashAlg::sha384); }
TEST(Sha512, ShortMsg) { run_msg_file("nist/sha/SHA512ShortMsg.rsp", HashAlg::sha512); }
TEST(Sha512, LongMsg) { run_msg_file("nist/sha/SHA512LongMsg.rsp", HashAlg::sha512); }
TEST(Sha512, Monte) { run_monte_file("nist/sha/SHA512Monte.rsp", HashAlg::sha512); }
TEST(Md5, Rfc1321) { run_msg_file("md5/rfc-1321.txt", HashAlg::md5); }

// SHA-224: NIST has no SHAVS file in vectors/. These are the FIPS 180-4 example values published
// by NIST (csrc.nist.gov "SHA224.pdf" / FIPS 180-2 change notice examples): "abc", the 448-bit
// two-block message and one million 'a'. tests/hash/sha224_openssl.sh adds a differential test
// against `openssl dgst -sha224` on the host.
TEST(Sha224, Fips180Examples) {
  const std::string abc = "abc";
  const std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  const std::string million(1000000, 'a');
  EXPECT_EQ(to_hex(digest(HashAlg::sha224, std::vector<uint8_t>(abc.begin(), abc.end()))),
            "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
  EXPECT_EQ(to_hex(digest(HashAlg::sha224, std::vector<uint8_t>(two.begin(), two.end()))),
            "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525");
  EXPECT_EQ(to_hex(digest(HashAlg::sha224, std::vector<uint8_t>(million.begin(), million.end()))),
            "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67");
  report_cases("FIPS 180-4 SHA-224 examples", 3);
}

// Streaming with random chunk sizes (including empty updates and block-boundary straddles)
// must equal the one-shot digest, for every algorithm and many lengths.
TEST(HashCtx, StreamingEqualsOneShot) {
  std::mt19937 rng(12345);
  size_t checks = 0;
  for (HashAlg alg : kAll) {
    for (size_t len : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 111u, 112u, 127u, 128u, 129u, 1000u, 4097u}) {
      std::vector<uint8_t> msg(len);
      for (auto& b : msg) {
        b = static_cast<uint8_t>(rng());
      }
      const std::vector<uint8_t> want = digest(alg, msg);
      for (int trial = 0; trial < 8; trial++) {
        HashCtx ctx;
        ASSERT_EQ(ctx.init(alg), Status::ok);
        size_t pos = 0;
        while (pos < len) {
          size_t chunk = rng() % 150;
          if (chunk > len - pos) {
            chunk = len - pos;
          }
          ctx.update(ByteView(msg.data() + pos, chunk));
          pos += chunk;
        }
        ctx.update(ByteView());
        std::vector<uint8_t> got(ctx.digest_size());
        ASSERT_EQ(ctx.final(MutableBytes(got)), Status::ok);
        ASSERT_EQ(to_hex(got), to_hex(want)) << hash_name(alg) << " len " << len;
        checks++;
      }
    }
  }
  EXPECT_GT(checks, 0u);
}

// Copying a HashCtx forks it: both copies continue independently (TLS transcript hashes).
TEST(HashCtx, CopyForks) {
  for (HashAlg alg : kAll) {
    const std::vector<uint8_t> a(100, 0x11);
    const std::vector<uint8_t> b(70, 0x22);
    const std::vector<uint8_t> c(200, 0x33);
    HashCtx base;
    ASSERT_EQ(base.init(alg), Status::ok);
    base.update(ByteView(a));
    HashCtx fork = base;
    base.update(ByteView(b));
    fork.update(ByteView(c));
    std::vector<uint8_t> got_base(hash_digest_size(alg));
    std::vector<uint8_t> got_fork(hash_digest_size(alg));
    ASSERT_EQ(base.final(MutableBytes(got_base)), Status::ok);
    ASSERT_EQ(fork.final(MutableBytes(got_fork)), Status::ok);
    std::vector<uint8_t> ab = a;
    ab.insert(ab.end(), b.begin(), b.end());
    std::vector<uint8_t> ac = a;
    ac.insert(ac.end(), c.begin(), c.end());
    EXPECT_EQ(to_hex(got_base), to_hex(digest(alg, ab))) << hash_name(alg);
    EXPECT_EQ(to_hex(got_fork), to_hex(digest(alg, ac))) << hash_name(alg);
  }
}

TEST(HashCtx, Errors) {
  uint8_t out[kMaxDigestSize];
  for (HashAlg alg : kAll) {
    const size_t n = hash_digest_size(alg);
    EXPECT_EQ(hash(alg, MutableBytes(out, n - 1), ByteView()), Status::buffer_too_small);
    HashCtx ctx;
    ASSERT_EQ(ctx.init(alg), Status::ok);
    EXPECT_EQ(ctx.final(MutableBytes(out, n - 1)), Status::buffer_too_small);
    EXPECT_EQ(ctx.final(MutableBytes(out, n)), Status::ok);
    // final() ends the context: a second final() without init() is an error.
    EXPECT_EQ(ctx.final(MutableBytes(out, n)), Status::invalid_argument);
  }
  HashCtx never_init;
  EXPECT_EQ(never_init.final(MutableBytes(out, sizeof(out))), Status::invalid_argument);
}

TEST(HashNames, RoundTrip) {
  for (HashAlg alg : kAll) {
    HashAlg got = HashAlg::md5;
    ASSERT_EQ(hash_from_name(&got, hash_name(alg)), Status::ok);
    EXPECT_EQ(got, alg);
  }
}

// The names OpenSSL 3.0 gives these digests: PROV_NAMES_MD5 ... PROV_NAMES_SHA2_512 in its
// providers/implementations/include/prov/names.h, colon-separated as there. Each must be taken,
// in upper and lower case, and map to its digest; the first is the name openssl prints.
// (tests/tools/digest_names_test.sh checks the same against the openssl command itself.)
TEST(HashNames, OpenSslProviderNames) {
  const struct {
    const char* names;
    HashAlg alg;
  } kProvNames[] = {
      {"MD5:SSL3-MD5:1.2.840.113549.2.5", HashAlg::md5},
      {"SHA1:SHA-1:SSL3-SHA1:1.3.14.3.2.26", HashAlg::sha1},
      {"SHA2-224:SHA-224:SHA224:2.16.840.1.101.3.4.2.4", HashAlg::sha224},
      {"SHA2-256:SHA-256:SHA256:2.16.840.1.101.3.4.2.1", HashAlg::sha256},
      {"SHA2-384:SHA-384:SHA384:2.16.840.1.101.3.4.2.2", HashAlg::sha384},
      {"SHA2-512:SHA-512:SHA512:2.16.840.1.101.3.4.2.3", HashAlg::sha512},
  };
  size_t cases = 0;
  for (const auto& row : kProvNames) {
    const std::string all = row.names;
    EXPECT_EQ(all.substr(0, all.find(':')), hash_openssl_name(row.alg));
    size_t start = 0;
    while (start <= all.size()) {
      size_t end = all.find(':', start);
      if (end == std::string::npos) {
        end = all.size();
      }
      std::string name = all.substr(start, end - start);
      for (int lower = 0; lower < 2; lower++) {
        if (lower != 0) {
          for (char& c : name) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          }
        }
        HashAlg got = HashAlg::md5;
        EXPECT_EQ(hash_from_name(&got, name.c_str()), Status::ok) << name;
        EXPECT_EQ(got, row.alg) << name;
        cases++;
      }
      start = end + 1;
    }
  }
  std::printf("hash names: %zu cases\n", cases);
  EXPECT_EQ(cases, 46u);
}

// Spellings OpenSSL 3.0 refuses (`openssl dgst -NAME`: "Unknown option or message digest"),
// the legacy signature aliases Petrel leaves out (see hash.h), and digests it lacks (SHA-3,
// SHA-512/224).
TEST(HashNames, Refused) {
  HashAlg got = HashAlg::md5;
  for (const char* name : {"sha_256", "Sha_384", "sha2_256", "SHA-2-256", "md-5", "s-h-a256",
                           "sha256-", "sha--256", "sha2", "sha3-256", "sha512-224", "sha2567",
                           "a-very-long-name-indeed", "", "RSA-SHA256",
                           "sha256WithRSAEncryption"}) {
    EXPECT_EQ(hash_from_name(&got, name), Status::unsupported) << name;
  }
  EXPECT_EQ(hash_from_name(nullptr, "sha1"), Status::invalid_argument);
  EXPECT_EQ(hash_from_name(&got, nullptr), Status::invalid_argument);
  EXPECT_STREQ(hash_name_list(), "md5, sha1, sha224, sha256, sha384, sha512");
  EXPECT_EQ(hash_block_size(HashAlg::sha384), 128u);
  EXPECT_EQ(hash_block_size(HashAlg::md5), 64u);
}
