// ChaCha20-Poly1305 (crypto/chacha/chacha20_poly1305.h), every ChaCha20 x Poly1305 pair of the
// build: RFC 8439 2.6.2 (Poly1305 key generation) and 2.8.2 (AEAD); BoringSSL's and OpenSSL's
// test data (pyca's copies, vectors/chacha20poly1305/), parsed as published, every field read,
// OpenSSL's "Result = CIPHERFINAL_ERROR" case refused, again with misaligned buffers (the
// assembly rows have a word path and a byte path); tampering (wiped output), the RFC 7905 nonce.
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

// ---- ChaCha20-Poly1305 --------------------------------------------------------------------------

TEST(ChaCha20Poly1305, Rfc8439Section2_6_2KeyGen) {
  const std::vector<uint8_t> key = H("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  const std::vector<uint8_t> nonce = H("000000000001020304050607");
  uint8_t otk[32];
  poly1305_key_gen(otk, key.data(), nonce.data());
  EXPECT_EQ(to_hex(otk, 32), "8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646");
}

TEST(ChaCha20Poly1305, Rfc8439Section2_8_2) {
  const std::vector<uint8_t> key = H("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  // Nonce: the 32-bit fixed-common part 07:00:00:00, then the IV 40:41:...:47.
  const std::vector<uint8_t> nonce = H("070000004041424344454647");
  const std::vector<uint8_t> aad = H("50515253c0c1c2c3c4c5c6c7");
  const std::vector<uint8_t> pt = H(kSunscreenHex);
  const std::string want_ct =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
    "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
    "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116";
  const std::string want_tag = "1ae10b594f09e26a7e902ecbd0600691";
  // The section's intermediate values: the one-time key and the Poly1305 input.
  uint8_t otk[32];
  poly1305_key_gen(otk, key.data(), nonce.data());
  EXPECT_EQ(to_hex(otk, 32), "7bac2b252db447af09b67a55a4e955840ae1d6731075d9eb2a9375783ed553ff");
  const std::vector<uint8_t> mac_data = H(
      "50515253c0c1c2c3c4c5c6c700000000d31a8d34648e60db7b86afbc53ef7ec2"
      "a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
      "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58"
      "fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b"
      "611600000000000000000000000000000c000000000000007200000000000000");
  for (Poly1305Impl impl : poly_impls()) {
  for (ChaCha20Impl cimpl : chacha_impls()) {
    SCOPED_TRACE(std::string(poly1305_impl_name(impl)) + "/" + chacha20_impl_name(cimpl));
    uint8_t tag[16];
    ASSERT_EQ(poly1305(MutableBytes(tag), ByteView(otk, 32), ByteView(mac_data), impl), Status::ok);
    EXPECT_EQ(to_hex(tag, 16), want_tag);

    ChaCha20Poly1305 aead;
    ASSERT_EQ(aead.init(ByteView(key), impl, cimpl), Status::ok);
    std::vector<uint8_t> ct(pt.size());
    ASSERT_EQ(aead.seal(MutableBytes(ct), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                        ByteView(pt)),
              Status::ok);
    EXPECT_EQ(to_hex(ct), want_ct);
    EXPECT_EQ(to_hex(tag, 16), want_tag);
    std::vector<uint8_t> back(ct.size());
    ASSERT_EQ(aead.open(MutableBytes(back), ByteView(nonce), ByteView(aad), ByteView(ct),
                        ByteView(tag, 16)),
              Status::ok);
    EXPECT_EQ(back, pt);
    // In place, both ways.
    std::vector<uint8_t> buf = pt;
    ASSERT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                        ByteView(buf)),
              Status::ok);
    EXPECT_EQ(to_hex(buf), want_ct);
    ASSERT_EQ(aead.open(MutableBytes(buf), ByteView(nonce), ByteView(aad), ByteView(buf),
                        ByteView(tag, 16)),
              Status::ok);
    EXPECT_EQ(buf, pt);
  }
  }
}

// Every single-bit change of the tag, and changes to the ciphertext, the AAD and the nonce, are
// refused with auth_failed and a wiped output.
TEST(ChaCha20Poly1305, TamperingIsRefusedAndOutputWiped) {
  std::mt19937 rng(7905);
  const std::vector<uint8_t> key = random_bytes(rng, 32);
  const std::vector<uint8_t> nonce = random_bytes(rng, 12);
  const std::vector<uint8_t> aad = random_bytes(rng, 13);
  const std::vector<uint8_t> pt = random_bytes(rng, 77);
  for (Poly1305Impl impl : poly_impls()) {
  for (ChaCha20Impl cimpl : chacha_impls()) {
    ChaCha20Poly1305 aead;
    ASSERT_EQ(aead.init(ByteView(key), impl, cimpl), Status::ok);
    std::vector<uint8_t> ct(pt.size());
    uint8_t tag[16];
    ASSERT_EQ(aead.seal(MutableBytes(ct), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                        ByteView(pt)),
              Status::ok);
    auto expect_refused = [&](const std::vector<uint8_t>& n, const std::vector<uint8_t>& a,
                              const std::vector<uint8_t>& c, const uint8_t* t, const char* what) {
      std::vector<uint8_t> out(c.size(), 0xa5);
      EXPECT_EQ(aead.open(MutableBytes(out), ByteView(n), ByteView(a), ByteView(c), ByteView(t, 16)),
                Status::auth_failed)
          << what;
      EXPECT_EQ(out, std::vector<uint8_t>(c.size(), 0)) << what << ": output not wiped";
    };
    for (int bit = 0; bit < 128; bit++) {
      uint8_t bad[16];
      std::memcpy(bad, tag, 16);
      bad[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
      expect_refused(nonce, aad, ct, bad, "tag bit");
    }
    for (size_t i = 0; i < ct.size(); i += 7) {
      std::vector<uint8_t> c = ct;
      c[i] ^= 0x40;
      expect_refused(nonce, aad, c, tag, "ciphertext");
    }
    std::vector<uint8_t> a = aad;
    a[5] ^= 1;
    expect_refused(nonce, a, ct, tag, "aad");
    expect_refused(nonce, std::vector<uint8_t>(aad.begin(), aad.end() - 1), ct, tag, "short aad");
    std::vector<uint8_t> n = nonce;
    n[11] ^= 0x80;
    expect_refused(n, aad, ct, tag, "nonce");
    expect_refused(nonce, aad, std::vector<uint8_t>(ct.begin(), ct.end() - 1), tag, "truncated");
  }
  }
}

TEST(ChaCha20Poly1305, ArgumentErrorsAndTlsNonce) {
  ChaCha20Poly1305 aead;
  uint8_t key[32] = {};
  uint8_t nonce[12] = {};
  uint8_t buf[32] = {};
  uint8_t tag[16] = {};
  EXPECT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag), ByteView(nonce), ByteView(), ByteView(buf)),
            Status::invalid_argument);  // no key
  EXPECT_EQ(aead.init(ByteView(key, 31)), Status::bad_key_length);
  ASSERT_EQ(aead.init(ByteView(key)), Status::ok);
  EXPECT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag), ByteView(nonce, 8), ByteView(), ByteView(buf)),
            Status::bad_iv_length);
  EXPECT_EQ(aead.seal(MutableBytes(buf, 31), MutableBytes(tag), ByteView(nonce), ByteView(), ByteView(buf)),
            Status::invalid_argument);
  EXPECT_EQ(aead.seal(MutableBytes(buf), MutableBytes(tag, 15), ByteView(nonce), ByteView(), ByteView(buf)),
            Status::invalid_argument);
  EXPECT_EQ(aead.open(MutableBytes(buf), ByteView(nonce), ByteView(), ByteView(buf), ByteView(tag, 15)),
            Status::invalid_argument);
  EXPECT_EQ(aead.open(MutableBytes(buf), ByteView(nonce, 13), ByteView(), ByteView(buf), ByteView(tag)),
            Status::bad_iv_length);
  // Empty message and AAD: a tag all the same.
  ASSERT_EQ(aead.seal(MutableBytes(), MutableBytes(tag), ByteView(nonce), ByteView(), ByteView()),
            Status::ok);
  EXPECT_EQ(aead.open(MutableBytes(), ByteView(nonce), ByteView(), ByteView(), ByteView(tag)), Status::ok);

  // RFC 7905 section 2: the sequence number, big-endian and left-padded, xored into the IV.
  const std::vector<uint8_t> iv = H("a0a1a2a3a4a5a6a7a8a9aaab");
  uint8_t n[12];
  chacha20_poly1305_tls_nonce(n, iv.data(), 0x0102030405060708ull);
  EXPECT_EQ(to_hex(n, 12), "a0a1a2a3a5a7a5a3adafada3");
  chacha20_poly1305_tls_nonce(n, iv.data(), 0);
  EXPECT_EQ(to_hex(n, 12), to_hex(iv));
}

// A value of the pyca copies of the BoringSSL file: hex, or a "quoted string" taken as its bytes.
std::vector<uint8_t> value_bytes(VectorCase& c, const char* name) {
  const std::string v = c.get(name);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    return std::vector<uint8_t>(v.begin() + 1, v.end() - 1);
  }
  bool ok = false;
  std::vector<uint8_t> b = from_hex(v, &ok);
  EXPECT_TRUE(ok) << c.where() << ": " << name << " is neither hex nor a quoted string";
  return b;
}

void check_aead_case(VectorCase& c, const std::vector<uint8_t>& key, const std::vector<uint8_t>& nonce,
                     const std::vector<uint8_t>& pt, const std::vector<uint8_t>& aad,
                     const std::vector<uint8_t>& ct, const std::vector<uint8_t>& tag, bool must_fail) {
  for (Poly1305Impl impl : poly_impls()) {
  for (ChaCha20Impl cimpl : chacha_impls()) {
    SCOPED_TRACE(std::string(poly1305_impl_name(impl)) + "/" + chacha20_impl_name(cimpl));
    ChaCha20Poly1305 aead;
    ASSERT_EQ(aead.init(ByteView(key), impl, cimpl), Status::ok) << c.where();
    std::vector<uint8_t> out(ct.size(), 0x5a);
    const Status s = aead.open(MutableBytes(out), ByteView(nonce), ByteView(aad), ByteView(ct), ByteView(tag));
    if (must_fail) {
      EXPECT_EQ(s, Status::auth_failed) << c.where();
      EXPECT_EQ(out, std::vector<uint8_t>(ct.size(), 0)) << c.where();
      continue;
    }
    EXPECT_EQ(s, Status::ok) << c.where();
    EXPECT_EQ(to_hex(out), to_hex(pt)) << c.where();
    std::vector<uint8_t> sealed(pt.size());
    uint8_t t[16];
    ASSERT_EQ(aead.seal(MutableBytes(sealed), MutableBytes(t), ByteView(nonce), ByteView(aad), ByteView(pt)),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(sealed), to_hex(ct)) << c.where();
    EXPECT_EQ(to_hex(t, 16), to_hex(tag)) << c.where();
    // Again with the input at offset 1 and the output at offset 2 (the byte paths).
    std::vector<uint8_t> in1(pt.size() + 1), out2(pt.size() + 2);
    if (!pt.empty()) {
      std::memcpy(in1.data() + 1, pt.data(), pt.size());
    }
    ASSERT_EQ(aead.seal(MutableBytes(out2.data() + 2, pt.size()), MutableBytes(t), ByteView(nonce),
                        ByteView(aad), ByteView(in1.data() + 1, pt.size())),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(out2.data() + 2, pt.size()), to_hex(ct)) << c.where() << " misaligned";
    EXPECT_EQ(to_hex(t, 16), to_hex(tag)) << c.where() << " misaligned";
    if (!ct.empty()) {
      std::memcpy(out2.data() + 2, ct.data(), ct.size());
    }
    ASSERT_EQ(aead.open(MutableBytes(in1.data() + 1, ct.size()), ByteView(nonce), ByteView(aad),
                        ByteView(out2.data() + 2, ct.size()), ByteView(tag)),
              Status::ok)
        << c.where();
    EXPECT_EQ(to_hex(in1.data() + 1, ct.size()), to_hex(pt)) << c.where() << " misaligned open";
  }
  }
}

// BoringSSL's chacha20_poly1305 test data as pyca ships it: COUNT, KEY, NONCE, IN, AD, CT, TAG.
TEST(ChaCha20Poly1305, BoringSslFile) {
  VectorFile f;
  ASSERT_TRUE(f.load("chacha20poly1305/boringssl.txt"));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    c.number("COUNT");
    const std::vector<uint8_t> key = value_bytes(c, "KEY");
    const std::vector<uint8_t> nonce = value_bytes(c, "NONCE");
    const std::vector<uint8_t> pt = value_bytes(c, "IN");
    const std::vector<uint8_t> aad = value_bytes(c, "AD");
    const std::vector<uint8_t> ct = value_bytes(c, "CT");
    const std::vector<uint8_t> tag = value_bytes(c, "TAG");
    check_all_read(c);
    ASSERT_EQ(ct.size(), pt.size()) << c.where();
    ASSERT_EQ(tag.size(), 16u) << c.where();
    check_aead_case(c, key, nonce, pt, aad, ct, tag, false);
    n++;
  }
  report_cases("BoringSSL chacha20_poly1305 (pyca boringssl.txt)", n);
}

// OpenSSL's evpciph.txt cases as pyca ships them: COUNT, Key, IV, AAD, Tag, Plaintext,
// Ciphertext, and "Result = CIPHERFINAL_ERROR" on a case whose tag must be refused.
TEST(ChaCha20Poly1305, OpenSslFile) {
  VectorFile f;
  ASSERT_TRUE(f.load("chacha20poly1305/openssl.txt"));
  size_t n = 0;
  size_t failures = 0;
  for (VectorCase& c : f.cases()) {
    c.number("COUNT");
    const std::vector<uint8_t> key = c.bytes("Key");
    const std::vector<uint8_t> nonce = c.bytes("IV");
    const std::vector<uint8_t> aad = c.bytes("AAD");
    const std::vector<uint8_t> tag = c.bytes("Tag");
    const std::vector<uint8_t> pt = c.bytes("Plaintext");
    const std::vector<uint8_t> ct = c.bytes("Ciphertext");
    bool must_fail = false;
    if (c.has("Result")) {
      const std::string r = c.get("Result");
      ASSERT_EQ(r, "CIPHERFINAL_ERROR") << c.where();
      must_fail = true;
      failures++;
    }
    check_all_read(c);
    check_aead_case(c, key, nonce, pt, aad, ct, tag, must_fail);
    n++;
  }
  EXPECT_GT(failures, 0u) << "the OpenSSL file's failure case was not seen";
  report_cases("OpenSSL chacha20-poly1305 (pyca openssl.txt)", n);
}

}  // namespace
