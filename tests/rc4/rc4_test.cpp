// RC4 keystream known answers from RFC 6229 (every key length file; OFFSET is the keystream
// offset, PLAINTEXT is zeros so CIPHERTEXT is the keystream), plus chunking and key-length checks.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crypto/rc4/rc4.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

void run_file(const std::string& path, size_t key_bits) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    c.number("COUNT");
    const std::vector<uint8_t> key = c.bytes("KEY");
    const unsigned long long offset = c.number("OFFSET");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    ASSERT_TRUE(c.has_header("ENCRYPT")) << c.where();
    ASSERT_EQ(key.size() * 8, key_bits) << c.where();
    ASSERT_EQ(pt.size(), ct.size()) << c.where();
    Rc4 rc4;
    ASSERT_EQ(rc4.init(ByteView(key)), Status::ok) << c.where();
    std::vector<uint8_t> skip(static_cast<size_t>(offset));
    ASSERT_EQ(rc4.crypt(MutableBytes(skip), ByteView(skip)), Status::ok);  // in place
    std::vector<uint8_t> out(pt.size());
    ASSERT_EQ(rc4.crypt(MutableBytes(out), ByteView(pt)), Status::ok);
    EXPECT_EQ(to_hex(out), to_hex(ct)) << c.where() << " offset " << offset;
    n++;
  }
  report_cases(path, n);
}

}  // namespace

TEST(Rc4, Rfc6229_40) { run_file("rfc6229/rfc-6229-40.txt", 40); }
TEST(Rc4, Rfc6229_56) { run_file("rfc6229/rfc-6229-56.txt", 56); }
TEST(Rc4, Rfc6229_64) { run_file("rfc6229/rfc-6229-64.txt", 64); }
TEST(Rc4, Rfc6229_80) { run_file("rfc6229/rfc-6229-80.txt", 80); }
TEST(Rc4, Rfc6229_128) { run_file("rfc6229/rfc-6229-128.txt", 128); }
TEST(Rc4, Rfc6229_192) { run_file("rfc6229/rfc-6229-192.txt", 192); }
TEST(Rc4, Rfc6229_256) { run_file("rfc6229/rfc-6229-256.txt", 256); }

// Any chunking of the stream gives the same output, and decrypting restores the plaintext.
TEST(Rc4, ChunkingAndRoundTrip) {
  std::mt19937 rng(99);
  std::vector<uint8_t> key(16);
  for (auto& b : key) {
    b = static_cast<uint8_t>(rng());
  }
  std::vector<uint8_t> pt(5000);
  for (auto& b : pt) {
    b = static_cast<uint8_t>(rng());
  }
  Rc4 whole;
  ASSERT_EQ(whole.init(ByteView(key)), Status::ok);
  std::vector<uint8_t> want(pt.size());
  ASSERT_EQ(whole.crypt(MutableBytes(want), ByteView(pt)), Status::ok);
  for (int trial = 0; trial < 10; trial++) {
    Rc4 rc4;
    ASSERT_EQ(rc4.init(ByteView(key)), Status::ok);
    std::vector<uint8_t> got(pt.size());
    size_t pos = 0;
    while (pos < pt.size()) {
      size_t chunk = rng() % 37;
      if (chunk > pt.size() - pos) {
        chunk = pt.size() - pos;
      }
      ASSERT_EQ(rc4.crypt(MutableBytes(got.data() + pos, chunk), ByteView(pt.data() + pos, chunk)),
                Status::ok);
      pos += chunk;
    }
    ASSERT_EQ(to_hex(got), to_hex(want));
  }
  Rc4 dec;
  ASSERT_EQ(dec.init(ByteView(key)), Status::ok);
  ASSERT_EQ(dec.crypt(MutableBytes(want), ByteView(want)), Status::ok);
  EXPECT_EQ(to_hex(want), to_hex(pt));
}

TEST(Rc4, Errors) {
  uint8_t key[257] = {};
  Rc4 rc4;
  EXPECT_EQ(rc4.init(ByteView(key, 4)), Status::bad_key_length);
  EXPECT_EQ(rc4.init(ByteView(key, 257)), Status::bad_key_length);
  EXPECT_EQ(rc4.init(ByteView(key, 0)), Status::bad_key_length);
  uint8_t buf[8] = {};
  EXPECT_EQ(rc4.crypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);  // no key
  EXPECT_EQ(rc4.init(ByteView(key, 5)), Status::ok);
  EXPECT_EQ(rc4.init(ByteView(key, 256)), Status::ok);
  EXPECT_EQ(rc4.crypt(MutableBytes(buf, 7), ByteView(buf, 8)), Status::buffer_too_small);
  rc4.clear();
  EXPECT_EQ(rc4.crypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);
}
