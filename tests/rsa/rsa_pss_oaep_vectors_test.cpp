// RSASSA-PSS and RSAES-OAEP known answers from RSA Laboratories' PKCS#1 v2.1 test vectors
// (vectors/rsa-pkcs1/pss-vect-prefix.txt and oaep-vect-prefix.txt: Examples 1 and 2, a 1024-bit
// and a 1025-bit key, 6 messages each; SHA-1 with MGF1-SHA-1, 20-byte salts and seeds). The
// files give the salt and the seed, so signing and encryption are checked byte for byte through
// a scripted Rng; verification and decryption are checked too, and mutations must fail.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "tests/common/file_test.h"
#include "tests/rsa/rsalabs_file.h"
#include "tests/rsa/test_rng.h"

namespace petrel {
namespace {

using Bytes = std::vector<uint8_t>;
using petrel_test::to_hex;

ByteView bv(const Bytes& b) { return ByteView(b.data(), b.size()); }

// Hands out the scripted bytes first (the published salt or seed), then a SplitMix stream (for
// the private operation's blinding).
class SaltThenRandom final : public Rng {
 public:
  explicit SaltThenRandom(Bytes first) : m_first(std::move(first)), m_rest(99) {}
  Status generate(MutableBytes out) noexcept override {
    if (m_pos < m_first.size()) {
      if (out.size() > m_first.size() - m_pos) {
        return Status::rng_failure;  // the salt must be drawn in one piece
      }
      for (size_t i = 0; i < out.size(); i++) {
        out[i] = m_first[m_pos++];
      }
      return Status::ok;
    }
    return m_rest.generate(out);
  }
  size_t first_remaining() const { return m_first.size() - m_pos; }

 private:
  Bytes m_first;
  size_t m_pos = 0;
  petrel_test::SplitMixRng m_rest;
};

void load_key(petrel_test::RsaLabsItem& k, RsaPrivateKey* key) {
  const Bytes n = k.take("RSA modulus n");
  const Bytes e = k.take("RSA public exponent e");
  const Bytes d = k.take("RSA private exponent d");
  const Bytes p = k.take("Prime p");
  const Bytes q = k.take("Prime q");
  const Bytes dp = k.take("p's CRT exponent dP");
  const Bytes dq = k.take("q's CRT exponent dQ");
  const Bytes qinv = k.take("CRT coefficient qInv");
  k.check_all_taken();
  RsaPrivateParts parts{bv(n), bv(e), bv(d), bv(p), bv(q), bv(dp), bv(dq), bv(qinv)};
  ASSERT_EQ(key->set(parts), Status::ok) << k.name;
}

Bytes sha1(const Bytes& msg) {
  Bytes out(20);
  EXPECT_EQ(hash(HashAlg::sha1, MutableBytes(out.data(), out.size()), bv(msg)), Status::ok);
  return out;
}

TEST(RsaLabsV21, PssVect) {
  auto examples = petrel_test::load_rsalabs("rsa-pkcs1/pss-vect-prefix.txt");
  ASSERT_EQ(examples.size(), 2u);
  size_t cases = 0;
  for (auto& ex : examples) {
    auto key = std::make_unique<RsaPrivateKey>();
    load_key(ex.key, key.get());
    const RsaPublicKey& pub = key->public_key();
    for (auto& item : ex.items) {
      const Bytes msg = item.take("Message to be signed");
      const Bytes salt = item.take("Salt");
      const Bytes want = item.take("Signature");
      item.check_all_taken();
      ASSERT_EQ(salt.size(), 20u);
      ASSERT_EQ(want.size(), key->size());
      const Bytes dg = sha1(msg);
      EXPECT_EQ(rsa_pss_verify(pub, HashAlg::sha1, bv(dg), bv(want)), Status::ok) << item.name;
      EXPECT_EQ(rsa_pss_verify(pub, HashAlg::sha1, bv(dg), bv(want), 20), Status::ok);
      EXPECT_NE(rsa_pss_verify(pub, HashAlg::sha1, bv(dg), bv(want), 19), Status::ok);
      SaltThenRandom rng(salt);
      Bytes sig(key->size());
      ASSERT_EQ(rsa_pss_sign(MutableBytes(sig.data(), sig.size()), *key, HashAlg::sha1, bv(dg),
                             rng, 20),
                Status::ok)
          << item.name;
      EXPECT_EQ(rng.first_remaining(), 0u);
      EXPECT_EQ(to_hex(sig), to_hex(want)) << item.name;
      // Any changed bit of the signature or the digest fails.
      Bytes bad = want;
      bad[bad.size() / 2] ^= 0x10;
      EXPECT_EQ(rsa_pss_verify(pub, HashAlg::sha1, bv(dg), bv(bad)), Status::auth_failed);
      Bytes bad_dg = dg;
      bad_dg[0] ^= 1;
      EXPECT_EQ(rsa_pss_verify(pub, HashAlg::sha1, bv(bad_dg), bv(want)), Status::auth_failed);
      cases++;
    }
  }
  petrel_test::report_cases("pss-vect-prefix.txt", cases);
}

TEST(RsaLabsV21, OaepVect) {
  auto examples = petrel_test::load_rsalabs("rsa-pkcs1/oaep-vect-prefix.txt");
  ASSERT_EQ(examples.size(), 2u);
  petrel_test::SplitMixRng blind(5);
  size_t cases = 0;
  for (auto& ex : examples) {
    auto key = std::make_unique<RsaPrivateKey>();
    load_key(ex.key, key.get());
    for (auto& item : ex.items) {
      const Bytes msg = item.take("Message to be encrypted");
      const Bytes seed = item.take("Seed");
      const Bytes want = item.take("Encryption");
      item.check_all_taken();
      ASSERT_EQ(want.size(), key->size());
      petrel_test::ScriptedRng seeded(seed);
      Bytes ct(key->size());
      ASSERT_EQ(rsa_oaep_encrypt(MutableBytes(ct.data(), ct.size()), key->public_key(),
                                 HashAlg::sha1, bv(msg), ByteView(), seeded),
                Status::ok)
          << item.name;
      EXPECT_EQ(seeded.remaining(), 0u);
      EXPECT_EQ(to_hex(ct), to_hex(want)) << item.name;
      Bytes out(key->size());
      size_t out_len = 0;
      ASSERT_EQ(rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, *key,
                                 HashAlg::sha1, bv(want), ByteView(), blind),
                Status::ok)
          << item.name;
      out.resize(out_len);
      EXPECT_EQ(to_hex(out), to_hex(msg)) << item.name;
      // A different label, or a changed ciphertext, is bad_padding.
      const uint8_t label[1] = {'L'};
      out.assign(key->size(), 0);
      EXPECT_EQ(rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, *key,
                                 HashAlg::sha1, bv(want), ByteView(label, 1), blind),
                Status::bad_padding);
      Bytes bad = want;
      bad[bad.size() - 1] ^= 1;
      EXPECT_EQ(rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, *key,
                                 HashAlg::sha1, bv(bad), ByteView(), blind),
                Status::bad_padding);
      cases++;
    }
  }
  petrel_test::report_cases("oaep-vect-prefix.txt", cases);
}

}  // namespace
}  // namespace petrel
