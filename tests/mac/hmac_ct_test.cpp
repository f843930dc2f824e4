// hmac_ct (the constant-time HMAC over a secret-length message) against HmacCtx, which
// hmac_test.cpp checks against NIST CAVS and RFC 2202/4231: every data_len in [min_len, max]
// for block-boundary sizes (64- and 128-byte blocks), header lengths 0 and 13 (the TLS MAC
// header), short and long keys (up to and over both block sizes).
#include <gtest/gtest.h>

#include <vector>

#include "crypto/mac/hmac.h"
#include "crypto/mac/hmac_ct.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

std::vector<uint8_t> ref_hmac(HashAlg alg, const std::vector<uint8_t>& key, const uint8_t* header,
                              size_t header_len, const uint8_t* data, size_t data_len) {
  HmacCtx h;
  EXPECT_EQ(h.init(alg, ByteView(key.data(), key.size())), Status::ok);
  h.update(ByteView(header, header_len));
  h.update(ByteView(data, data_len));
  std::vector<uint8_t> out(hash_digest_size(alg));
  EXPECT_EQ(h.final(MutableBytes(out.data(), out.size())), Status::ok);
  return out;
}

TEST(HmacCt, MatchesHmacForEverySecretLength) {
  size_t n = 0;
  std::vector<uint8_t> data(400);
  for (size_t i = 0; i < data.size(); i++) {
    data[i] = static_cast<uint8_t>(i * 7 + 3);
  }
  uint8_t header[13];
  for (size_t i = 0; i < sizeof(header); i++) {
    header[i] = static_cast<uint8_t>(0xa0 + i);
  }
  for (HashAlg alg : {HashAlg::md5, HashAlg::sha1, HashAlg::sha224, HashAlg::sha256,
                      HashAlg::sha384, HashAlg::sha512}) {
    for (size_t key_len : {0u, 16u, 20u, 32u, 48u, 64u, 65u, 100u, 128u, 129u}) {
      std::vector<uint8_t> key(key_len);
      for (size_t i = 0; i < key_len; i++) {
        key[i] = static_cast<uint8_t>(0x11 * i + key_len);
      }
      for (size_t header_len : {0u, 13u}) {
        for (size_t max : {0u, 1u, 42u, 43u, 50u, 51u, 55u, 56u, 63u, 64u, 98u, 99u, 111u, 112u,
                           119u, 120u, 127u, 128u, 226u, 227u, 240u, 256u, 300u, 399u}) {
          const size_t min = max > 260 ? max - 255 : (max > 3 ? 3 : 0);
          for (size_t len = min; len <= max; len++) {
            uint8_t out[64];
            ASSERT_EQ(hmac_ct(alg, MutableBytes(out, sizeof(out)), ByteView(key.data(), key.size()),
                              ByteView(header, header_len), ByteView(data.data(), max), len, min),
                      Status::ok);
            const std::vector<uint8_t> want = ref_hmac(alg, key, header, header_len, data.data(), len);
            ASSERT_EQ(to_hex(out, want.size()), to_hex(want))
                << hash_name(alg) << " key " << key_len << " header " << header_len << " max " << max
                << " len " << len;
            n++;
          }
        }
      }
    }
  }
  report_cases("hmac_ct vs HmacCtx", n);
}

TEST(HmacCt, Errors) {
  uint8_t out[64];
  uint8_t data[10] = {};
  EXPECT_EQ(hmac_ct(static_cast<HashAlg>(99), MutableBytes(out, sizeof(out)), ByteView(),
                    ByteView(), ByteView(data, 10), 5, 0),
            Status::unsupported);
  EXPECT_EQ(hmac_ct(HashAlg::sha384, MutableBytes(out, 47), ByteView(), ByteView(),
                    ByteView(data, 10), 5, 0),
            Status::buffer_too_small);
  EXPECT_EQ(hmac_ct(HashAlg::sha256, MutableBytes(out, 31), ByteView(), ByteView(),
                    ByteView(data, 10), 5, 0),
            Status::buffer_too_small);
  EXPECT_EQ(hmac_ct(HashAlg::sha1, MutableBytes(out, sizeof(out)), ByteView(), ByteView(),
                    ByteView(data, 10), 5, 11),
            Status::invalid_argument);
}

}  // namespace
