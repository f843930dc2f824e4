// Negative cases of crypto/rsa on a published key (RSA Laboratories pkcs1v15crypt example 1):
// malformed keys, bad signature lengths, near-miss encodings, every kind of bad v1.5 padding,
// the TLS premaster implicit rejection, injected CRT faults, RNG failures. Part of the rsa_test
// program.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "crypto/bignum/bignum.h"
#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/rsa/rsa_test_hooks.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"
#include "tests/rsa/test_rng.h"
#include "tests/rsa/rsa_test_util.h"

namespace petrel {
namespace {

using petrel_test::from_hex;
using petrel_test::SplitMixRng;
using petrel_test::to_hex;
using namespace rsa_test;  // tests/rsa/rsa_test_util.h

// ---- negative cases on a published key ------------------------------------------------------

class RsaNegative : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ex = petrel_test::load_rsalabs("rsa-pkcs1/pkcs1v15crypt-vectors.txt");
    ASSERT_FALSE(ex.empty());
    load_labs_key(ex[0].key, &m_key);
    for (auto& it : ex[0].items) {
      (void)it.take("Message");
      (void)it.take("Seed");
      (void)it.take("Encryption");
    }
    for (size_t i = 1; i < ex.size(); i++) {
      ex[i].skip();  // the first key is enough here; every example is RsaLabs.Pkcs1v15Crypt's
    }
    m_labs = ex[0];
    auto& k = m_labs.key;
    m_n = k.fields["Modulus"];
    m_e = k.fields["Public exponent"];
  }
  // Raw-encrypts a hand-made encoded block (the public operation has no padding).
  Bytes raw_encrypt(const Bytes& em) {
    Bytes c(m_key.size());
    EXPECT_EQ(m_key.public_key().raw(MutableBytes(c.data(), c.size()), bv(em)), Status::ok);
    return c;
  }
  petrel_test::RsaLabsExample m_labs;
  RsaPrivateKey m_key;
  Bytes m_n, m_e;
};

TEST_F(RsaNegative, PublicKeyValidation) {
  RsaPublicKey k;
  EXPECT_EQ(k.set(bv(m_n), bv(m_e)), Status::ok);
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("01"))), Status::invalid_argument);     // e = 1
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("010000"))), Status::invalid_argument); // even e
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("00"))), Status::invalid_argument);     // e = 0
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("0003"))), Status::ok);                 // e = 3
  EXPECT_EQ(k.set(bv(m_n), bv(m_n)), Status::invalid_argument);                // e = n
  // e is bounded to 64 bits (rsa.h kRsaMaxPublicExponentBits): 2^64 - 1 is the largest.
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("FFFFFFFFFFFFFFFF"))), Status::ok);
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("00FFFFFFFFFFFFFFFF"))), Status::ok);
  EXPECT_EQ(k.set(bv(m_n), bv(from_hex("010000000000000001"))), Status::unsupported);  // 2^64+1
  Bytes n_minus_2 = m_n;
  n_minus_2.back() = static_cast<uint8_t>(n_minus_2.back() - 2);  // n is odd: its last byte >= 1
  if (m_n.back() >= 3) {
    EXPECT_EQ(k.set(bv(m_n), bv(n_minus_2)), Status::unsupported);
  }
  Bytes lead = m_n;
  lead.insert(lead.begin(), 0x00);
  EXPECT_EQ(k.set(bv(lead), bv(m_e)), Status::invalid_argument);  // leading zero byte
  Bytes even = m_n;
  even.back() ^= 1;
  EXPECT_EQ(k.set(bv(even), bv(m_e)), Status::invalid_argument);
  Bytes small(m_n.begin(), m_n.begin() + 64);  // 512 bits
  small.back() |= 1;
  EXPECT_EQ(k.set(bv(small), bv(m_e)), Status::bad_key_length);
  EXPECT_EQ(k.set(bv(small), bv(m_e), kRsaAllowSmallModulus), Status::ok);
  EXPECT_EQ(k.set(ByteView(), bv(m_e)), Status::invalid_argument);
}

TEST_F(RsaNegative, PrivateKeyValidation) {
  auto& k = m_labs.key;
  RsaPrivateParts parts;
  parts.n = bv(k.fields["Modulus"]);
  parts.e = bv(k.fields["Public exponent"]);
  parts.p = bv(k.fields["Prime 1"]);
  parts.q = bv(k.fields["Prime 2"]);
  parts.dp = bv(k.fields["Prime exponent 1"]);
  parts.dq = bv(k.fields["Prime exponent 2"]);
  parts.qinv = bv(k.fields["Coefficient"]);
  RsaPrivateKey key;
  EXPECT_EQ(key.set(parts), Status::ok);  // d is optional
  parts.p = bv(k.fields["Prime 2"]);      // p = q: n != p q
  EXPECT_EQ(key.set(parts), Status::invalid_argument);
  EXPECT_FALSE(key.is_set());
  parts.p = bv(k.fields["Prime 1"]);
  Bytes badqinv = k.fields["Coefficient"];
  badqinv.back() ^= 2;
  parts.qinv = bv(badqinv);
  EXPECT_EQ(key.set(parts), Status::invalid_argument);
}

TEST_F(RsaNegative, SignatureLengthAndRange) {
  SplitMixRng rng(9);
  const Bytes dg = digest_of(HashAlg::sha256, from_hex("00"));
  Bytes sig(m_key.size());
  ASSERT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key, HashAlg::sha256, bv(dg),
                           rng),
            Status::ok);
  const RsaPublicKey& pub = m_key.public_key();
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(sig)), Status::ok);
  Bytes longer = sig;
  longer.insert(longer.begin(), 0x00);  // same value, one byte longer
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(longer)), Status::auth_failed);
  Bytes shorter(sig.begin() + 1, sig.end());
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(shorter)), Status::auth_failed);
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha256, bv(dg), bv(m_n)), Status::auth_failed);  // s = n
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg), bv(sig)), Status::invalid_argument);
  // Wrong hash algorithm with a right-sized digest.
  const Bytes dg384 = digest_of(HashAlg::sha384, from_hex("00"));
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha384, bv(dg384), bv(sig)), Status::auth_failed);
  // Output buffer too small.
  Bytes tiny(m_key.size() - 1);
  EXPECT_EQ(rsa_pkcs1_sign(MutableBytes(tiny.data(), tiny.size()), m_key, HashAlg::sha256,
                           bv(dg), rng),
            Status::buffer_too_small);
}

// The verifier compares the whole block: signatures over blocks that a lenient parser would
// accept (DigestInfo without NULL, trailing garbage, short padding) must fail.
TEST_F(RsaNegative, VerifyRejectsNearMissEncodings) {
  const size_t k = m_key.size();
  const Bytes dg = digest_of(HashAlg::sha1, from_hex("616263"));
  const Bytes prefix = from_hex("3021300906052b0e03021a05000414");
  const Bytes prefix_nonull = from_hex("301f300706052b0e03021a0414");
  SplitMixRng rng(10);
  auto sign_block = [&](const Bytes& em) {
    Bytes s(k);
    EXPECT_EQ(m_key.raw(MutableBytes(s.data(), s.size()), bv(em), rng), Status::ok);
    return s;
  };
  auto block = [&](const Bytes& t, size_t ff_len, uint8_t bt) {
    Bytes em;
    em.push_back(0x00);
    em.push_back(bt);
    em.insert(em.end(), ff_len, 0xff);
    em.push_back(0x00);
    em.insert(em.end(), t.begin(), t.end());
    em.resize(k, 0x00);
    return em;
  };
  Bytes t = prefix;
  t.insert(t.end(), dg.begin(), dg.end());
  const RsaPublicKey& pub = m_key.public_key();
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg), bv(sign_block(block(t, k - 3 - t.size(),
                                                                            1)))),
            Status::ok);
  // digest moved left, garbage at the end
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg),
                             bv(sign_block(block(t, k - 3 - t.size() - 4, 1)))),
            Status::auth_failed);
  // block type 2
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg),
                             bv(sign_block(block(t, k - 3 - t.size(), 2)))),
            Status::auth_failed);
  // DigestInfo without the NULL parameters
  Bytes t2 = prefix_nonull;
  t2.insert(t2.end(), dg.begin(), dg.end());
  EXPECT_EQ(rsa_pkcs1_verify(pub, HashAlg::sha1, bv(dg),
                             bv(sign_block(block(t2, k - 3 - t2.size(), 1)))),
            Status::auth_failed);
}

TEST_F(RsaNegative, Md5Sha1SignatureForm) {
  SplitMixRng rng(11);
  Bytes digest36(36);
  for (size_t i = 0; i < 36; i++) {
    digest36[i] = static_cast<uint8_t>(i * 7 + 1);
  }
  Bytes sig(m_key.size());
  ASSERT_EQ(rsa_pkcs1_sign_md5sha1(MutableBytes(sig.data(), sig.size()), m_key, bv(digest36), rng),
            Status::ok);
  EXPECT_EQ(rsa_pkcs1_verify_md5sha1(m_key.public_key(), bv(digest36), bv(sig)), Status::ok);
  // The recovered block is 00 01 FF.. 00 || the 36 bytes, with no DigestInfo.
  Bytes em(m_key.size());
  ASSERT_EQ(m_key.public_key().raw(MutableBytes(em.data(), em.size()), bv(sig)), Status::ok);
  Bytes want(m_key.size(), 0xff);
  want[0] = 0x00;
  want[1] = 0x01;
  want[m_key.size() - 37] = 0x00;
  std::memcpy(want.data() + m_key.size() - 36, digest36.data(), 36);
  EXPECT_EQ(to_hex(em), to_hex(want));
  digest36[35] ^= 1;
  EXPECT_EQ(rsa_pkcs1_verify_md5sha1(m_key.public_key(), bv(digest36), bv(sig)),
            Status::auth_failed);
  EXPECT_EQ(rsa_pkcs1_verify_md5sha1(m_key.public_key(), bv(Bytes(35)), bv(sig)),
            Status::invalid_argument);
}

// Every kind of bad PKCS#1 v1.5 encryption padding gives the same status and no output.
TEST_F(RsaNegative, EveryBadV15PaddingSameStatus) {
  const size_t k = m_key.size();
  SplitMixRng rng(12);
  auto good_block = [&](size_t msg_len) {
    Bytes em(k);
    em[0] = 0x00;
    em[1] = 0x02;
    for (size_t i = 2; i < k - msg_len - 1; i++) {
      em[i] = static_cast<uint8_t>(0x11 + i % 200);
    }
    em[k - msg_len - 1] = 0x00;
    for (size_t i = k - msg_len; i < k; i++) {
      em[i] = 0x5a;
    }
    return em;
  };
  Bytes out(k);
  size_t out_len = 99;
  // Valid baselines: a 16-byte message, the longest (k-11) and an empty message.
  for (size_t len : {size_t{16}, k - 11, size_t{0}}) {
    ASSERT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key,
                                bv(raw_encrypt(good_block(len))), rng),
              Status::ok)
        << len;
    EXPECT_EQ(out_len, len);
  }
  std::vector<std::pair<std::string, Bytes>> bad;
  {
    Bytes em = good_block(16);
    em[0] = 0x01;
    bad.emplace_back("first byte not zero", em);
  }
  {
    Bytes em = good_block(16);
    em[1] = 0x01;
    bad.emplace_back("block type 1", em);
  }
  {
    Bytes em = good_block(16);
    em[1] = 0x00;
    bad.emplace_back("block type 0", em);
  }
  {
    Bytes em = good_block(16);
    em[k - 17] = 0x01;  // no zero separator anywhere
    bad.emplace_back("no separator", em);
  }
  for (size_t ps = 0; ps < 8; ps++) {
    Bytes em = good_block(16);
    em[2 + ps] = 0x00;
    bad.emplace_back("PS of " + std::to_string(ps) + " bytes", em);
  }
  for (const auto& b : bad) {
    out_len = 99;
    std::memset(out.data(), 0xee, out.size());
    EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key,
                                bv(raw_encrypt(b.second)), rng),
              Status::bad_padding)
        << b.first;
    EXPECT_EQ(out_len, 0u) << b.first;
    EXPECT_EQ(out[0], 0u) << b.first << ": output not wiped";
  }
  std::printf("[ negative ] %zu kinds of bad v1.5 padding\n", bad.size());
  // Public problems are reported as such.
  EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key,
                              bv(Bytes(k - 1, 1)), rng),
            Status::invalid_argument);
  EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, m_key, bv(m_n), rng),
            Status::invalid_argument);
  EXPECT_EQ(rsa_pkcs1_decrypt(MutableBytes(out.data(), k - 12), &out_len, m_key,
                              bv(raw_encrypt(good_block(16))), rng),
            Status::buffer_too_small);
}

TEST_F(RsaNegative, TlsPremasterImplicitRejection) {
  const size_t k = m_key.size();
  Bytes pms(48);
  pms[0] = 0x03;
  pms[1] = 0x03;
  for (size_t i = 2; i < 48; i++) {
    pms[i] = static_cast<uint8_t>(i);
  }
  SplitMixRng enc_rng(13);
  Bytes ct(k);
  ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), m_key.public_key(), bv(pms),
                              enc_rng),
            Status::ok);
  Bytes out(48);
  SplitMixRng rng(14);
  ASSERT_EQ(rsa_pkcs1_decrypt_tls_premaster(MutableBytes(out.data(), 48), m_key, bv(ct), 0x0303,
                                            rng),
            Status::ok);
  EXPECT_EQ(to_hex(out), to_hex(pms));
  // Wrong version, wrong length, bad padding: ok status, and the 48 random bytes drawn first.
  std::vector<Bytes> bad_cts;
  {
    Bytes v = pms;
    v[1] = 0x01;
    ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), m_key.public_key(), bv(v),
                                enc_rng),
              Status::ok);
    bad_cts.push_back(ct);
    Bytes v47(pms.begin(), pms.begin() + 47);
    ASSERT_EQ(rsa_pkcs1_encrypt(MutableBytes(ct.data(), ct.size()), m_key.public_key(), bv(v47),
                                enc_rng),
              Status::ok);
    bad_cts.push_back(ct);
    Bytes em(k, 0x33);
    em[0] = 0x00;
    em[1] = 0x01;  // wrong block type
    em[k - 49] = 0x00;
    bad_cts.push_back(raw_encrypt(em));
  }
  for (size_t i = 0; i < bad_cts.size(); i++) {
    SplitMixRng r1(100 + i), r2(100 + i);
    Bytes expect(48);
    ASSERT_EQ(r2.generate(MutableBytes(expect.data(), 48)), Status::ok);
    ASSERT_EQ(rsa_pkcs1_decrypt_tls_premaster(MutableBytes(out.data(), 48), m_key,
                                              bv(bad_cts[i]), 0x0303, r1),
              Status::ok)
        << i;
    EXPECT_EQ(to_hex(out), to_hex(expect)) << i;
  }
}

// A fault in a CRT part of the key (one flipped bit of dp, dq or q^-1, as a fault in the device's
// memory would give) makes one half of the CRT wrong; unchecked, that signature would give the
// key away (gcd(s^e - m, n) = q or p). The verify-after-sign check must refuse it and wipe the
// output. The same call with the key restored succeeds.
TEST_F(RsaNegative, CrtFaultIsCaught) {
  SplitMixRng rng(15);
  const Bytes dg = digest_of(HashAlg::sha256, from_hex("0102"));
  for (RsaKeyFault part : {RsaKeyFault::dp, RsaKeyFault::dq, RsaKeyFault::qinv}) {
    for (size_t bit : {size_t{0}, size_t{77}, size_t{500}}) {
      SCOPED_TRACE(::testing::Message() << "part " << static_cast<int>(part) << " bit " << bit);
      Bytes sig(m_key.size(), 0xcc);
      ASSERT_TRUE(rsa_flip_key_bit_for_testing(m_key, part, bit));
      const Status st = rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key,
                                       HashAlg::sha256, bv(dg), rng);
      ASSERT_TRUE(rsa_flip_key_bit_for_testing(m_key, part, bit));  // restored
      EXPECT_EQ(st, Status::internal_error);
      EXPECT_EQ(sig, Bytes(m_key.size(), 0)) << "faulty output not wiped";
      EXPECT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key, HashAlg::sha256,
                               bv(dg), rng),
                Status::ok);
    }
  }
  EXPECT_FALSE(rsa_flip_key_bit_for_testing(m_key, RsaKeyFault::dp, size_t{1} << 20));
}

TEST_F(RsaNegative, RngFailurePropagates) {
  petrel_test::FailingRng bad;
  const Bytes dg = digest_of(HashAlg::sha256, from_hex("0102"));
  Bytes sig(m_key.size());
  EXPECT_EQ(rsa_pkcs1_sign(MutableBytes(sig.data(), sig.size()), m_key, HashAlg::sha256, bv(dg),
                           bad),
            Status::rng_failure);
  EXPECT_EQ(rsa_pkcs1_encrypt(MutableBytes(sig.data(), sig.size()), m_key.public_key(),
                              bv(from_hex("00")), bad),
            Status::rng_failure);
}

TEST_F(RsaNegative, SetFromNedMatchesCrt) {
  auto& k = m_labs.key;
  RsaPrivateKey key;
  ASSERT_EQ(key.set_from_ned(bv(k.fields["Modulus"]), bv(k.fields["Public exponent"]),
                             bv(k.fields["Exponent"])),
            Status::ok);
  uint8_t a[512], b[512];
  size_t la = 0, lb = 0;
  for (RsaPart part : {RsaPart::p, RsaPart::q, RsaPart::dp, RsaPart::dq, RsaPart::qinv}) {
    ASSERT_EQ(key.export_part(part, MutableBytes(a, sizeof(a)), &la), Status::ok);
    ASSERT_EQ(m_key.export_part(part, MutableBytes(b, sizeof(b)), &lb), Status::ok);
    EXPECT_EQ(to_hex(a, la), to_hex(b, lb)) << static_cast<int>(part);
  }
  // A wrong d cannot be factored.
  Bytes badd = k.fields["Exponent"];
  badd.back() ^= 4;
  EXPECT_NE(key.set_from_ned(bv(k.fields["Modulus"]), bv(k.fields["Public exponent"]), bv(badd)),
            Status::ok);
}

}  // namespace
}  // namespace petrel
