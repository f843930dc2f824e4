// Tests of crypto/pem: base64 against RFC 4648 section 10, strictness, PEM block iteration,
// headers, writing in 64-column lines, DER/PEM detection. (openssl cross-checks: tests.cmake.)
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "crypto/pem/pem.h"
#include "tests/common/file_test.h"

namespace petrel {
namespace pem {
namespace {

ByteView text(const std::string& s) {
  return ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

std::string encode(const std::string& in) {
  std::vector<uint8_t> out(base64_encoded_len(in.size()));
  size_t len = 0;
  EXPECT_EQ(base64_encode(MutableBytes(out.data(), out.size()), &len, text(in)), Status::ok);
  return std::string(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(len));
}

Status decode(const std::string& in, std::string* out, bool lines = false) {
  std::vector<uint8_t> buf(base64_decoded_max_len(in.size()));
  size_t len = 0;
  const MutableBytes o(buf.data(), buf.size());
  const Status s = lines ? base64_decode_lines(o, &len, text(in)) : base64_decode(o, &len, text(in));
  if (s == Status::ok) {
    out->assign(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len));
  }
  return s;
}

TEST(Base64, Rfc4648Vectors) {
  const char* const kVec[][2] = {{"", ""},           {"f", "Zg=="},         {"fo", "Zm8="},
                                 {"foo", "Zm9v"},     {"foob", "Zm9vYg=="},  {"fooba", "Zm9vYmE="},
                                 {"foobar", "Zm9vYmFy"}};
  size_t n = 0;
  for (const auto& v : kVec) {
    EXPECT_EQ(encode(v[0]), v[1]);
    std::string out;
    ASSERT_EQ(decode(v[1], &out), Status::ok) << v[1];
    EXPECT_EQ(out, v[0]);
    n++;
  }
  petrel_test::report_cases("base64 RFC 4648 section 10", n);
}

TEST(Base64, AllBytesAllLengthsRoundTrip) {
  size_t n = 0;
  for (size_t len = 0; len <= 70; len++) {
    for (size_t start = 0; start < 256; start += 37) {
      std::string in;
      for (size_t i = 0; i < len; i++) {
        in += static_cast<char>((start + i * 101) & 0xff);
      }
      const std::string enc = encode(in);
      EXPECT_EQ(enc.size(), 4 * ((len + 2) / 3));
      std::string out;
      ASSERT_EQ(decode(enc, &out), Status::ok);
      EXPECT_EQ(out, in);
      n++;
    }
  }
  // Every character of the alphabet decodes to its index.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < 64; i++) {
    std::string out;
    ASSERT_EQ(decode(std::string(1, alphabet[i]) + "AAA", &out), Status::ok);
    EXPECT_EQ(static_cast<uint8_t>(out[0]) >> 2, i);
    n++;
  }
  // Every other byte value is rejected.
  for (int c = 0; c < 256; c++) {
    if (alphabet.find(static_cast<char>(c)) != std::string::npos || c == '=') {
      continue;
    }
    std::string out;
    EXPECT_EQ(decode(std::string(1, static_cast<char>(c)) + "AAA", &out), Status::decode_error) << c;
    n++;
  }
  petrel_test::report_cases("base64 round trips and alphabet", n);
}

TEST(Base64, Rejects) {
  const char* const kBad[] = {
      "Zg=",        // length not a multiple of 4
      "Zg",         // missing padding
      "Zh==",       // non-zero padding bits
      "Zm9=",       // non-zero padding bits (one pad)
      "Zg==Zg==",   // data after padding
      "Z===",       // three pads
      "====",
      "Zm9v=",
      "=Zm9",
      "Zm=v",
      "Zm9v\n",     // whitespace in strict mode
      "Zm9-",       // URL-safe alphabet is not accepted
      "Zm9_",
  };
  size_t n = 0;
  for (const char* b : kBad) {
    std::string out;
    EXPECT_EQ(decode(b, &out), Status::decode_error) << b;
    n++;
  }
  std::string out;
  EXPECT_EQ(decode("Zm9v\nYmFy\r\n", &out, true), Status::ok);
  EXPECT_EQ(out, "foobar");
  EXPECT_EQ(decode(" Z m 9 v\tY g = = \n", &out, true), Status::ok);
  EXPECT_EQ(out, "foob");
  EXPECT_EQ(decode("Zg==\nZg==", &out, true), Status::decode_error);
  // Output too small: buffer_too_small, and what was written is wiped.
  uint8_t small[5] = {0x11, 0x11, 0x11, 0x11, 0x11};
  size_t len = 0;
  EXPECT_EQ(base64_decode(MutableBytes(small, 5), &len, text("Zm9vYmFy")), Status::buffer_too_small);
  for (uint8_t b : small) {
    EXPECT_TRUE(b == 0 || b == 0x11);
  }
  uint8_t enc_small[3];
  EXPECT_EQ(base64_encode(MutableBytes(enc_small, 3), &len, text("f")), Status::buffer_too_small);
  petrel_test::report_cases("base64 rejections", n);
}

const char kTwoBlocks[] =
    "Some explanatory text\n"
    "-----BEGIN FIRST-----\n"
    "Zm9v\n"
    "-----END FIRST-----\n"
    "between\r\n"
    "xx-----BEGIN NOT AT LINE START-----\n"
    "-----BEGIN SECOND THING-----\r\n"
    "Zm9v\r\n"
    "YmFy\r\n"
    "-----END SECOND THING-----\r\n"
    "trailing\n";

TEST(Pem, IteratesBlocks) {
  const std::string two_blocks = kTwoBlocks;  // outlives the Reader over it
  Reader r(text(two_blocks));
  Block b;
  bool found = false;
  ASSERT_EQ(next_block(&r, &b, &found), Status::ok);
  ASSERT_TRUE(found);
  EXPECT_EQ(std::string(b.label.begin(), b.label.end()), "FIRST");
  uint8_t out[16];
  size_t len = 0;
  ASSERT_EQ(decode_block(MutableBytes(out, sizeof(out)), &len, b), Status::ok);
  EXPECT_EQ(std::string(out, out + len), "foo");
  ASSERT_EQ(next_block(&r, &b, &found), Status::ok);
  ASSERT_TRUE(found);
  EXPECT_EQ(std::string(b.label.begin(), b.label.end()), "SECOND THING");
  ASSERT_EQ(decode_block(MutableBytes(out, sizeof(out)), &len, b), Status::ok);
  EXPECT_EQ(std::string(out, out + len), "foobar");
  ASSERT_EQ(next_block(&r, &b, &found), Status::ok);
  EXPECT_FALSE(found);
  EXPECT_TRUE(r.empty());
  // By label.
  ASSERT_EQ(read_pem(MutableBytes(out, sizeof(out)), &len, text(kTwoBlocks), "SECOND THING"),
            Status::ok);
  EXPECT_EQ(len, 6u);
  EXPECT_EQ(read_pem(MutableBytes(out, sizeof(out)), &len, text(kTwoBlocks), "THIRD"),
            Status::decode_error);
  EXPECT_EQ(read_pem(MutableBytes(out, sizeof(out)), &len, text(kTwoBlocks), nullptr), Status::ok);
  EXPECT_EQ(len, 3u);
}

TEST(Pem, RejectsMalformed) {
  struct {
    const char* pem;
    Status want;
  } const cases[] = {
      {"-----BEGIN A-----\nZm9v\n-----END B-----\n", Status::decode_error},    // label mismatch
      {"-----BEGIN A-----\nZm9v\n", Status::decode_error},                     // no END
      {"-----BEGIN A-----\nZm9v\n-----END A---\n", Status::decode_error},      // short dashes
      {"-----BEGIN A\nZm9v\n-----END A-----\n", Status::decode_error},         // no dashes
      {"-----BEGIN -----\nZm9v\n-----END -----\n", Status::decode_error},      // empty label
      {"-----BEGIN A----- x\nZm9v\n-----END A-----\n", Status::decode_error},  // junk on line
      {"-----BEGIN A-----\nZm9v\n-----END A----- x\n", Status::decode_error},
      {"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
       "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nZm9v\n"
       "-----END RSA PRIVATE KEY-----\n",
       Status::unsupported},
      {"-----BEGIN A-----\nZm9v!\n-----END A-----\n", Status::decode_error},  // bad base64
      {"-----BEGIN A-----\nZm9\n-----END A-----\n", Status::decode_error},
      {"-----BEGIN A-----\n-----END A-----\n", Status::ok},                  // empty body
      {"-----BEGIN A-----\nZm9v\n-----END A-----", Status::ok},              // no final newline
  };
  size_t n = 0;
  for (const auto& c : cases) {
    uint8_t out[16];
    size_t len = 0;
    EXPECT_EQ(read_pem(MutableBytes(out, sizeof(out)), &len, text(c.pem), nullptr), c.want) << c.pem;
    n++;
  }
  petrel_test::report_cases("PEM rejections", n);
}

TEST(Pem, WriteReadRoundTrip) {
  size_t n = 0;
  for (size_t der_len = 0; der_len <= 200; der_len++) {
    std::vector<uint8_t> der(der_len);
    for (size_t i = 0; i < der_len; i++) {
      der[i] = static_cast<uint8_t>(i * 13 + der_len);
    }
    const size_t need = pem_encoded_len(11, der_len);
    std::vector<uint8_t> pem(need + 1, 0xee);
    size_t len = 0;
    ASSERT_EQ(write_pem(MutableBytes(pem.data(), need), &len, "CERTIFICATE",
                        ByteView(der.data(), der.size())),
              Status::ok);
    ASSERT_EQ(len, need);
    EXPECT_EQ(pem[need], 0xee);
    if (need > 0) {
      EXPECT_EQ(write_pem(MutableBytes(pem.data(), need - 1), &len, "CERTIFICATE",
                          ByteView(der.data(), der.size())),
                Status::buffer_too_small);
    }
    // Every line is at most 64 characters; all but the last body line exactly 64.
    const std::string s(pem.begin(), pem.begin() + static_cast<std::ptrdiff_t>(need));
    size_t start = 0;
    std::vector<size_t> widths;
    while (start < s.size()) {
      const size_t nl = s.find('\n', start);
      ASSERT_NE(nl, std::string::npos);
      widths.push_back(nl - start);
      start = nl + 1;
    }
    ASSERT_GE(widths.size(), 2u);
    for (size_t i = 1; i + 1 < widths.size(); i++) {
      EXPECT_LE(widths[i], 64u);
      if (i + 2 < widths.size()) {
        EXPECT_EQ(widths[i], 64u);
      }
    }
    std::vector<uint8_t> back(der_len + 3);
    size_t back_len = 0;
    ASSERT_EQ(read_pem(MutableBytes(back.data(), back.size()), &back_len, text(s), "CERTIFICATE"),
              Status::ok);
    ASSERT_EQ(back_len, der_len);
    EXPECT_EQ(0, der_len == 0 ? 0 : std::memcmp(back.data(), der.data(), der_len));
    n++;
  }
  uint8_t out[64];
  size_t len = 0;
  EXPECT_EQ(write_pem(MutableBytes(out, sizeof(out)), &len, "", ByteView()), Status::invalid_argument);
  EXPECT_EQ(write_pem(MutableBytes(out, sizeof(out)), &len, "A\nB", ByteView()),
            Status::invalid_argument);
  petrel_test::report_cases("PEM write/read sizes", n);
}

TEST(Pem, DetectAndLoad) {
  const uint8_t der[] = {0x30, 0x03, 0x02, 0x01, 0x05};
  EXPECT_EQ(detect_format(ByteView(der, sizeof(der))), Format::der);
  EXPECT_EQ(detect_format(ByteView(der, 4)), Format::unknown);
  uint8_t pem[256];
  size_t pem_len = 0;
  ASSERT_EQ(write_pem(MutableBytes(pem, sizeof(pem)), &pem_len, "THING", ByteView(der, sizeof(der))),
            Status::ok);
  EXPECT_EQ(detect_format(ByteView(pem, pem_len)), Format::pem);
  uint8_t scratch[64];
  ByteView out;
  ASSERT_EQ(load_der(&out, MutableBytes(scratch, sizeof(scratch)), ByteView(der, sizeof(der)), "THING"),
            Status::ok);
  EXPECT_EQ(out.data(), der);
  ASSERT_EQ(load_der(&out, MutableBytes(scratch, sizeof(scratch)), ByteView(pem, pem_len), "THING"),
            Status::ok);
  ASSERT_EQ(out.size(), sizeof(der));
  EXPECT_EQ(0, std::memcmp(out.data(), der, sizeof(der)));
  EXPECT_EQ(load_der(&out, MutableBytes(scratch, sizeof(scratch)), ByteView(pem, pem_len), "OTHER"),
            Status::decode_error);
  EXPECT_EQ(load_der(&out, MutableBytes(scratch, sizeof(scratch)), text("hello"), nullptr),
            Status::decode_error);
}

}  // namespace
}  // namespace pem
}  // namespace petrel
