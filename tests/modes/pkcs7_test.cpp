// PKCS#7 padding (crypto/modes/modes.h pkcs7_pad, the one-shot CBC/PKCS#7 functions), run
// against every AES implementation: against `openssl enc` output, every length round trip,
// every kind of bad padding, and argument errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/modes/modes.h"
#include "tests/common/aes_impls.h"
#include "tests/common/file_test.h"
#include "tests/modes/mode_helpers.h"

using namespace petrel;
using petrel_test::check_all_read;
using petrel_test::random_bytes;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

// pkcs7_pad and the one-shot CBC/PKCS#7 against `openssl enc -aes-128-cbc` (the padding as
// openssl writes it, seen through `-nopad` decryption; vectors/openssl/pkcs7_pad.txt, 0..40-byte
// plaintexts, every pad length).
TEST(Pkcs7, PadMatchesOpenssl) {
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    VectorFile f;
    ASSERT_TRUE(f.load("openssl/pkcs7_pad.txt"));
    size_t n = 0;
    for (VectorCase& c : f.cases()) {
      ASSERT_TRUE(c.has_header("PAD")) << c.where();
      c.number("COUNT");
      const std::vector<uint8_t> k = c.bytes("KEY");
      const std::vector<uint8_t> iv = c.bytes("IV");
      const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
      const std::vector<uint8_t> padded = c.bytes("PADDED");
      const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
      check_all_read(c);
      ASSERT_EQ(padded.size(), pkcs7_padded_size(pt.size())) << c.where();
      ASSERT_EQ(ct.size(), padded.size()) << c.where();
      // The last block, with its data in front and junk behind.
      const size_t tail = pt.size() % kAesBlockSize;
      std::vector<uint8_t> block(kAesBlockSize, 0xa5);
      std::copy(pt.end() - static_cast<std::ptrdiff_t>(tail), pt.end(), block.begin());
      ASSERT_EQ(pkcs7_pad(MutableBytes(block), tail), Status::ok) << c.where();
      EXPECT_EQ(to_hex(block), to_hex(std::vector<uint8_t>(padded.end() - 16, padded.end())))
          << c.where();
      AesKey key;
      ASSERT_EQ(key.init(ByteView(k), impl), Status::ok) << c.where();
      std::vector<uint8_t> out(padded.size(), 0xee);
      size_t out_len = 0;
      ASSERT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(out), &out_len, ByteView(pt)),
                Status::ok)
          << c.where();
      EXPECT_EQ(to_hex(out), to_hex(ct)) << c.where();
      std::vector<uint8_t> back(ct.size(), 0xee);
      ASSERT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(back), &out_len, ByteView(ct)),
                Status::ok)
          << c.where();
      back.resize(out_len);
      EXPECT_EQ(to_hex(back), to_hex(pt)) << c.where();
      n++;
    }
    EXPECT_EQ(n, 41u);
    report_cases(std::string("openssl/pkcs7_pad.txt ") + aes_impl_name(impl), n);
  }
}

TEST(Pkcs7, PadErrors) {
  uint8_t block[17] = {};
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 16), 16), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 15), 0), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 17), 0), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(nullptr, 16), 0), Status::invalid_argument);
  EXPECT_EQ(pkcs7_pad(MutableBytes(block, 16), 15), Status::ok);
  EXPECT_EQ(block[15], 1);
}

TEST(Pkcs7, RoundTripAllLengths) {
  std::mt19937 rng(11);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    const std::vector<uint8_t> k = random_bytes(rng, 32);
    const std::vector<uint8_t> iv = random_bytes(rng, 16);
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    for (size_t len = 0; len <= 50; len++) {
      const std::vector<uint8_t> pt = random_bytes(rng, len);
      const size_t padded = pkcs7_padded_size(len);
      EXPECT_EQ(padded, (len / 16 + 1) * 16);
      std::vector<uint8_t> ct(padded);
      size_t ct_len = 0;
      ASSERT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(ct), &ct_len, ByteView(pt)),
                Status::ok);
      ASSERT_EQ(ct_len, padded);
      // The padding really is PKCS#7: decrypting raw shows 'n' bytes of value n.
      AesCbc raw;
      ASSERT_EQ(raw.init(&key, ByteView(iv)), Status::ok);
      std::vector<uint8_t> plain(padded);
      ASSERT_EQ(raw.decrypt(MutableBytes(plain), ByteView(ct)), Status::ok);
      EXPECT_TRUE(std::equal(pt.begin(), pt.end(), plain.begin()));
      for (size_t i = len; i < padded; i++) {
        EXPECT_EQ(plain[i], padded - len);
      }
      std::vector<uint8_t> back(padded, 0xAA);
      size_t back_len = 0;
      ASSERT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(back), &back_len, ByteView(ct)),
                Status::ok);
      ASSERT_EQ(back_len, len);
      EXPECT_TRUE(std::equal(pt.begin(), pt.end(), back.begin()));
      // In place both ways.
      std::vector<uint8_t> buf(padded);
      std::copy(pt.begin(), pt.end(), buf.begin());
      size_t n = 0;
      ASSERT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &n, ByteView(buf.data(), len)),
                Status::ok);
      EXPECT_EQ(buf, ct);
      ASSERT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &n, ByteView(buf)),
                Status::ok);
      EXPECT_EQ(n, len);
      EXPECT_TRUE(std::equal(pt.begin(), pt.end(), buf.begin()));
    }
  }
}

// Every kind of bad padding gives Status::bad_padding, *out_len = 0 and a wiped output.
TEST(Pkcs7, BadPaddingVariants) {
  struct Variant {
    const char* what;
    std::vector<uint8_t> last_block;
  };
  auto block = [](uint8_t fill, std::initializer_list<std::pair<size_t, uint8_t>> set) {
    std::vector<uint8_t> b(16, fill);
    for (const auto& p : set) {
      b[p.first] = p.second;
    }
    return b;
  };
  const std::vector<Variant> variants = {
      {"pad byte 0", block(0x41, {{15, 0x00}})},
      {"pad byte 17", block(0x11, {{15, 0x11}})},
      {"pad byte 0xff", block(0xFF, {})},
      {"pad byte 0x80", block(0x80, {})},
      {"pad 2, second byte wrong", block(0x41, {{15, 2}, {14, 3}})},
      {"pad 4, middle byte wrong", block(0x41, {{15, 4}, {14, 4}, {13, 5}, {12, 4}})},
      {"pad 4, first byte wrong", block(0x41, {{15, 4}, {14, 4}, {13, 4}, {12, 0}})},
      {"pad 16, first byte wrong", block(0x10, {{0, 0x11}})},
      {"pad 16, one bit off in the middle", block(0x10, {{7, 0x18}})},
      {"pad 15, byte 1 wrong", block(0x0F, {{0, 0x00}, {1, 0x0E}})},
  };
  std::mt19937 rng(5);
  size_t n = 0;
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    const std::vector<uint8_t> k = random_bytes(rng, 16);
    const std::vector<uint8_t> iv = random_bytes(rng, 16);
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    for (const Variant& v : variants) {
      for (size_t nblocks : {1, 3}) {
        std::vector<uint8_t> plain = random_bytes(rng, 16 * (nblocks - 1));
        plain.insert(plain.end(), v.last_block.begin(), v.last_block.end());
        size_t len = 12345;
        EXPECT_EQ(pkcs7_unpad(ByteView(plain), &len), Status::bad_padding) << v.what;
        EXPECT_EQ(len, 0u);
        AesCbc raw;
        ASSERT_EQ(raw.init(&key, ByteView(iv)), Status::ok);
        std::vector<uint8_t> ct(plain.size());
        ASSERT_EQ(raw.encrypt(MutableBytes(ct), ByteView(plain)), Status::ok);
        std::vector<uint8_t> out(plain.size() + 7, 0xAA);
        size_t out_len = 999;
        EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(out), &out_len, ByteView(ct)),
                  Status::bad_padding)
            << v.what << " " << aes_impl_name(impl);
        EXPECT_EQ(out_len, 0u);
        EXPECT_EQ(out, std::vector<uint8_t>(out.size(), 0)) << v.what << ": output not wiped";
        n++;
      }
    }
  }
  report_cases("PKCS#7 bad padding variants (all impls)", n);
  // And the good extremes.
  size_t len = 0;
  const std::vector<uint8_t> full_pad = block(0x10, {});
  const std::vector<uint8_t> one_pad = block(0x41, {{15, 1}});
  EXPECT_EQ(pkcs7_unpad(ByteView(full_pad), &len), Status::ok);
  EXPECT_EQ(len, 0u);
  EXPECT_EQ(pkcs7_unpad(ByteView(one_pad), &len), Status::ok);
  EXPECT_EQ(len, 15u);
}

TEST(Pkcs7, Errors) {
  uint8_t k[16] = {};
  uint8_t iv[16] = {};
  uint8_t buf[64] = {};
  size_t len = 0;
  EXPECT_EQ(pkcs7_unpad(ByteView(), &len), Status::invalid_argument);
  EXPECT_EQ(pkcs7_unpad(ByteView(buf, 15), &len), Status::invalid_argument);
  EXPECT_EQ(pkcs7_unpad(ByteView(buf, 16), nullptr), Status::invalid_argument);
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv, 8), MutableBytes(buf), &len, ByteView(buf, 5)),
              Status::bad_iv_length);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf, 16), &len, ByteView(buf, 16)),
              Status::buffer_too_small);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf, 15), &len, ByteView()),
              Status::buffer_too_small);
    EXPECT_EQ(aes_cbc_encrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), nullptr, ByteView()),
              Status::invalid_argument);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &len, ByteView()),
              Status::invalid_argument);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf), &len, ByteView(buf, 20)),
              Status::invalid_argument);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv), MutableBytes(buf, 16), &len, ByteView(buf, 32)),
              Status::buffer_too_small);
    EXPECT_EQ(aes_cbc_decrypt_pkcs7(key, ByteView(iv, 17), MutableBytes(buf), &len, ByteView(buf, 32)),
              Status::bad_iv_length);
  }
}
