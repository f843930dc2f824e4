// Poly1305 (crypto/chacha/poly1305.h) on every implementation of the build: RFC 8439 2.5.2 and
// the appendix A.3 vectors (the edge cases of the final reduction), streaming, agreement between
// implementations on misaligned messages, argument errors.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "tests/chacha/chacha_test_util.h"

using namespace petrel;
using namespace petrel_chacha_test;
using petrel_test::check_all_read;
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

struct PolyVector {
  int number;  // 0: section 2.5.2; n: appendix A.3 test vector #n
  const char* key;
  const char* msg;
  const char* tag;
};

const PolyVector kPolyVectors[] = {
    // Section 2.5.2: "Cryptographic Forum Research Group".
    {0, "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b",
     "43727970746f6772617068696320466f72756d2052657365617263682047726f7570",
     "a8061dc1305136c6c22b8baf0c0127a9"},
    // Appendix A.3, test vectors #1 to #11 (#5-#11 give r and s separately: key = r || s).
    {1,
     "0000000000000000000000000000000000000000000000000000000000000000",
     "0000000000000000000000000000000000000000000000000000000000000000"
     "0000000000000000000000000000000000000000000000000000000000000000",
     "00000000000000000000000000000000"},
    {2,
     "0000000000000000000000000000000036e5f6b5c5e06070f0efca96227a863e",
     "416e79207375626d697373696f6e20746f20746865204945544620696e74656e"
     "6465642062792074686520436f6e7472696275746f7220666f72207075626c69"
     "636174696f6e20617320616c6c206f722070617274206f6620616e2049455446"
     "20496e7465726e65742d4472616674206f722052464320616e6420616e792073"
     "746174656d656e74206d6164652077697468696e2074686520636f6e74657874"
     "206f6620616e204945544620616374697669747920697320636f6e7369646572"
     "656420616e20224945544620436f6e747269627574696f6e222e205375636820"
     "73746174656d656e747320696e636c756465206f72616c2073746174656d656e"
     "747320696e20494554462073657373696f6e732c2061732077656c6c20617320"
     "7772697474656e20616e6420656c656374726f6e696320636f6d6d756e696361"
     "74696f6e73206d61646520617420616e792074696d65206f7220706c6163652c"
     "207768696368206172652061646472657373656420746f",
     "36e5f6b5c5e06070f0efca96227a863e"},
    {3,
     "36e5f6b5c5e06070f0efca96227a863e00000000000000000000000000000000",
     "416e79207375626d697373696f6e20746f20746865204945544620696e74656e"
     "6465642062792074686520436f6e7472696275746f7220666f72207075626c69"
     "636174696f6e20617320616c6c206f722070617274206f6620616e2049455446"
     "20496e7465726e65742d4472616674206f722052464320616e6420616e792073"
     "746174656d656e74206d6164652077697468696e2074686520636f6e74657874"
     "206f6620616e204945544620616374697669747920697320636f6e7369646572"
     "656420616e20224945544620436f6e747269627574696f6e222e205375636820"
     "73746174656d656e747320696e636c756465206f72616c2073746174656d656e"
     "747320696e20494554462073657373696f6e732c2061732077656c6c20617320"
     "7772697474656e20616e6420656c656374726f6e696320636f6d6d756e696361"
     "74696f6e73206d61646520617420616e792074696d65206f7220706c6163652c"
     "207768696368206172652061646472657373656420746f",
     "f3477e7cd95417af89a6b8794c310cf0"},
    {4,
     "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
     "2754776173206272696c6c69672c20616e642074686520736c6974687920746f"
     "7665730a446964206779726520616e642067696d626c6520696e207468652077"
     "6162653a0a416c6c206d696d737920776572652074686520626f726f676f7665"
     "732c0a416e6420746865206d6f6d65207261746873206f757467726162652e",
     "4541669a7eaaee61e708dc7cbcc5eb62"},
    {5,
     "0200000000000000000000000000000000000000000000000000000000000000",
     "ffffffffffffffffffffffffffffffff",
     "03000000000000000000000000000000"},
    {6,
     "02000000000000000000000000000000ffffffffffffffffffffffffffffffff",
     "02000000000000000000000000000000",
     "03000000000000000000000000000000"},
    {7,
     "0100000000000000000000000000000000000000000000000000000000000000",
     "fffffffffffffffffffffffffffffffff0ffffffffffffffffffffffffffffff"
     "11000000000000000000000000000000",
     "05000000000000000000000000000000"},
    {8,
     "0100000000000000000000000000000000000000000000000000000000000000",
     "fffffffffffffffffffffffffffffffffbfefefefefefefefefefefefefefefe"
     "01010101010101010101010101010101",
     "00000000000000000000000000000000"},
    {9,
     "0200000000000000000000000000000000000000000000000000000000000000",
     "fdffffffffffffffffffffffffffffff",
     "faffffffffffffffffffffffffffffff"},
    {10,
     "0100000000000000040000000000000000000000000000000000000000000000",
     "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
     "0000000000000000000000000000000001000000000000000000000000000000",
     "14000000000000005500000000000000"},
    {11,
     "0100000000000000040000000000000000000000000000000000000000000000",
     "e33594d7505e43b900000000000000003394d7505e4379cd0100000000000000"
     "00000000000000000000000000000000",
     "13000000000000000000000000000000"},
};

TEST(Poly1305, Rfc8439Section2_5_2AndAppendixA3) {
  size_t n = 0;
  for (Poly1305Impl impl : poly_impls()) {
    for (const PolyVector& v : kPolyVectors) {
      const std::vector<uint8_t> key = H(v.key);
      const std::vector<uint8_t> msg = H(v.msg);
      uint8_t tag[16];
      ASSERT_EQ(poly1305(MutableBytes(tag), ByteView(key), ByteView(msg), impl), Status::ok);
      EXPECT_EQ(to_hex(tag, 16), v.tag) << poly1305_impl_name(impl) << " vector " << v.number;
      // Streaming in pieces of every length 1..17.
      for (size_t piece = 1; piece <= 17; piece++) {
        Poly1305 p;
        ASSERT_EQ(p.init(ByteView(key), impl), Status::ok);
        for (size_t off = 0; off < msg.size(); off += piece) {
          const size_t len = std::min(piece, msg.size() - off);
          ASSERT_EQ(p.update(ByteView(msg.data() + off, len)), Status::ok);
        }
        ASSERT_EQ(p.final(MutableBytes(tag)), Status::ok);
        EXPECT_EQ(to_hex(tag, 16), v.tag)
            << poly1305_impl_name(impl) << " vector " << v.number << " piece " << piece;
      }
      n++;
    }
  }
  report_cases("RFC 8439 2.5.2 + A.3 Poly1305 (x implementations)", n);
}

TEST(Poly1305, Implementations) {
  const std::vector<Poly1305Impl> impls = poly_impls();
  ASSERT_FALSE(impls.empty());
  EXPECT_EQ(impls[0], Poly1305Impl::donna32);  // the portable one is in every build
#if defined(PETREL_TEST_POLY1305_ARMV4)
  EXPECT_TRUE(poly1305_impl_available(Poly1305Impl::armv4));  // every little-endian ARM build
  EXPECT_EQ(kPoly1305DefaultImpl, Poly1305Impl::armv4);
#endif
  EXPECT_TRUE(poly1305_impl_available(kPoly1305DefaultImpl));
  for (Poly1305Impl impl : impls) {
    EXPECT_TRUE(poly1305_impl_is_constant_time(impl));
    Poly1305Impl back;
    EXPECT_EQ(poly1305_impl_from_name(&back, poly1305_impl_name(impl)), Status::ok);
    EXPECT_EQ(back, impl);
  }
  Poly1305Impl x;
  EXPECT_EQ(poly1305_impl_from_name(&x, "nonesuch"), Status::unsupported);
  if (!poly1305_impl_available(Poly1305Impl::donna64)) {
    EXPECT_EQ(poly1305_impl_from_name(&x, "donna64"), Status::not_available);
    Poly1305 p;
    const std::vector<uint8_t> key = H(kPolyVectors[0].key);
    EXPECT_EQ(p.init(ByteView(key), Poly1305Impl::donna64), Status::not_available);
  }
  std::printf("[ impls    ] poly1305: %zu (default %s)\n", impls.size(),
              poly1305_impl_name(kPoly1305DefaultImpl));
}

// Random keys and messages: every implementation gives the same tag (the RFC vectors above are
// the known answers; this covers limb patterns they do not), including all-0xff keys and data.
TEST(Poly1305, ImplementationsAgree) {
  const std::vector<Poly1305Impl> impls = poly_impls();
  std::mt19937 rng(8439);
  for (int i = 0; i < 300; i++) {
    std::vector<uint8_t> key = random_bytes(rng, 32);
    std::vector<uint8_t> msg = random_bytes(rng, rng() % 300);
    if (i % 10 == 0) {
      std::fill(key.begin(), key.end(), 0xff);
    }
    if (i % 7 == 0) {
      std::fill(msg.begin(), msg.end(), 0xff);
    }
    std::string first;
    for (Poly1305Impl impl : impls) {
      uint8_t tag[16];
      // The message at offset i % 4 (the assembly has a word path and an unaligned one).
      std::vector<uint8_t> buf(msg.size() + 4);
      std::copy(msg.begin(), msg.end(), buf.begin() + i % 4);
      ASSERT_EQ(poly1305(MutableBytes(tag), ByteView(key), ByteView(buf.data() + i % 4, msg.size()),
                         impl),
                Status::ok);
      if (first.empty()) {
        first = to_hex(tag, 16);
      } else {
        EXPECT_EQ(to_hex(tag, 16), first) << poly1305_impl_name(impl) << " case " << i;
      }
    }
  }
  report_cases("Poly1305 random keys and messages, implementations agree (x impls)",
               300 * impls.size());
}

TEST(Poly1305, ArgumentErrors) {
  Poly1305 p;
  uint8_t tag[16];
  uint8_t key[32] = {};
  EXPECT_EQ(p.update(ByteView(key)), Status::invalid_argument);
  EXPECT_EQ(p.final(MutableBytes(tag)), Status::invalid_argument);
  EXPECT_EQ(p.init(ByteView(key, 16)), Status::bad_key_length);
  ASSERT_EQ(p.init(ByteView(key)), Status::ok);
  EXPECT_EQ(p.final(MutableBytes(tag, 15)), Status::invalid_argument);
  EXPECT_EQ(p.final(MutableBytes(tag)), Status::ok);
  EXPECT_FALSE(p.is_set());  // final() ends the message
}

}  // namespace
