// The compact SHA block functions (crypto/hash/hash_internal.h, hash_detail::*_blocks_compact:
// what "c32"/"c64" run in a PETREL_MINIMAL build) on the NIST SHAVS vectors (ShortMsg, LongMsg,
// Monte), in every build. The padding (FIPS 180-4 5.1) and the output are written here, apart
// from the library's Merkle-Damgard code; the initial values come from the library's *_init().
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/hash/hash_internal.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

// Writes msg || 0x80 || zeros || big-endian bit length (8 bytes; 16 for the 128-byte blocks)
// into m (reused: the Monte Carlo tests hash 100,000 messages).
void pad(std::vector<uint8_t>* m, const uint8_t* msg, size_t len, size_t block) {
  const size_t len_bytes = block / 8;
  size_t n = len + 1;
  while ((n + len_bytes) % block != 0) {
    n++;
  }
  m->assign(n + len_bytes, 0);
  if (len != 0) {
    std::memcpy(m->data(), msg, len);
  }
  (*m)[len] = 0x80;
  const uint64_t bits = static_cast<uint64_t>(len) * 8;
  for (size_t i = 0; i < 8; i++) {
    (*m)[n + len_bytes - 1 - i] = static_cast<uint8_t>(bits >> (8 * i));
  }
}

// The padded message in two calls (one block, then the rest: nblocks 1 and any count, 0 too).
template <typename Word, size_t N>
void run_blocks(void (*blocks)(Word*, const uint8_t*, size_t), Word (&h)[N],
                const std::vector<uint8_t>& m, size_t block) {
  const size_t n = m.size() / block;
  blocks(h, m.data(), 1);
  blocks(h, m.data() + block, n - 1);
}

template <typename Word, size_t N>
void big_endian(uint8_t* out, const Word (&h)[N], size_t out_len) {
  for (size_t i = 0; i < out_len; i++) {
    out[i] = static_cast<uint8_t>(h[i / sizeof(Word)] >> (8 * (sizeof(Word) - 1 - i % sizeof(Word))));
  }
}

// H(msg) with the compact block function of alg into out (hash_digest_size(alg) bytes).
void compact_digest(HashAlg alg, const uint8_t* msg, size_t len, uint8_t* out) {
  static std::vector<uint8_t> m;
  switch (alg) {
    case HashAlg::sha1: {
      Sha1State s;
      sha1_init(&s);
      pad(&m, msg, len, 64);
      run_blocks(hash_detail::sha1_blocks_compact, s.h, m, 64);
      big_endian(out, s.h, 20);
      return;
    }
    case HashAlg::sha256: {
      Sha256State s;
      sha256_init(&s);
      pad(&m, msg, len, 64);
      run_blocks(hash_detail::sha256_blocks_compact, s.h, m, 64);
      big_endian(out, s.h, 32);
      return;
    }
    case HashAlg::sha384:
    case HashAlg::sha512: {
      Sha512State s;
      if (alg == HashAlg::sha384) {
        sha384_init(&s);
      } else {
        sha512_init(&s);
      }
      pad(&m, msg, len, 128);
      run_blocks(hash_detail::sha512_blocks_compact, s.h, m, 128);
      big_endian(out, s.h, hash_digest_size(alg));
      return;
    }
    default:
      ADD_FAILURE() << "no compact form of " << hash_name(alg);
  }
}

std::vector<uint8_t> compact_digest(HashAlg alg, const std::vector<uint8_t>& msg) {
  std::vector<uint8_t> out(hash_digest_size(alg));
  compact_digest(alg, msg.data(), msg.size(), out.data());
  return out;
}

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
    EXPECT_EQ(to_hex(compact_digest(alg, msg)), to_hex(md)) << c.where();
    n++;
  }
  EXPECT_GT(n, 0u) << path;
  report_cases(path + " [compact]", n);
}

// SHAVS 6.4 Monte Carlo, as tests/hash/hash_test.cpp runs it.
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
      continue;
    }
    const unsigned long long count = c.number("COUNT");
    const std::vector<uint8_t> expected = c.bytes("MD");
    check_all_read(c);
    ASSERT_EQ(count, checkpoints) << c.where();
    ASSERT_EQ(seed.size(), dlen) << c.where() << ": checkpoint before Seed";
    std::vector<uint8_t> m(3 * dlen);
    std::vector<uint8_t> md(dlen);
    for (size_t i = 0; i < 3; i++) {
      std::memcpy(m.data() + i * dlen, seed.data(), dlen);
    }
    for (int i = 3; i < 1003; i++) {
      compact_digest(alg, m.data(), m.size(), md.data());
      std::memmove(m.data(), m.data() + dlen, 2 * dlen);
      std::memcpy(m.data() + 2 * dlen, md.data(), dlen);
    }
    ASSERT_EQ(to_hex(md), to_hex(expected)) << c.where();
    seed = md;
    checkpoints++;
  }
  EXPECT_EQ(checkpoints, 100u) << path;
  report_cases(path + " [compact]", checkpoints);
}

}  // namespace

TEST(HashCompact, Sha1ShortMsg) { run_msg_file("nist/sha/SHA1ShortMsg.rsp", HashAlg::sha1); }
TEST(HashCompact, Sha1LongMsg) { run_msg_file("nist/sha/SHA1LongMsg.rsp", HashAlg::sha1); }
TEST(HashCompact, Sha1Monte) { run_monte_file("nist/sha/SHA1Monte.rsp", HashAlg::sha1); }
TEST(HashCompact, Sha256ShortMsg) { run_msg_file("nist/sha/SHA256ShortMsg.rsp", HashAlg::sha256); }
TEST(HashCompact, Sha256LongMsg) { run_msg_file("nist/sha/SHA256LongMsg.rsp", HashAlg::sha256); }
TEST(HashCompact, Sha256Monte) { run_monte_file("nist/sha/SHA256Monte.rsp", HashAlg::sha256); }
TEST(HashCompact, Sha384ShortMsg) { run_msg_file("nist/sha/SHA384ShortMsg.rsp", HashAlg::sha384); }
TEST(HashCompact, Sha384LongMsg) { run_msg_file("nist/sha/SHA384LongMsg.rsp", HashAlg::sha384); }
TEST(HashCompact, Sha384Monte) { run_monte_file("nist/sha/SHA384Monte.rsp", HashAlg::sha384); }
TEST(HashCompact, Sha512ShortMsg) { run_msg_file("nist/sha/SHA512ShortMsg.rsp", HashAlg::sha512); }
TEST(HashCompact, Sha512LongMsg) { run_msg_file("nist/sha/SHA512LongMsg.rsp", HashAlg::sha512); }
TEST(HashCompact, Sha512Monte) { run_monte_file("nist/sha/SHA512Monte.rsp", HashAlg::sha512); }
