// RSA key files (crypto/rsa/rsa_key_files.h) against files written by the openssl command
// (tests/rsa/keys/README.md): every encoding parses, every conversion reproduces openssl's bytes
// exactly, and malformed or wrong-type input gets a clear Status.
#include "crypto/rsa/rsa_key_files.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "tests/common/file_test.h"
#include "tests/rsa/test_rng.h"

namespace petrel {
namespace {

using petrel_test::report_cases;

std::vector<uint8_t> key_file(const std::string& name) {
  const std::string path = std::string(PETREL_SOURCE_DIR) + "/tests/rsa/keys/" + name;
  std::ifstream f(path, std::ios::binary);
  EXPECT_TRUE(f.good()) << path;
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(f)),
                              std::istreambuf_iterator<char>());
}

ByteView view(const std::vector<uint8_t>& v) { return ByteView(v.data(), v.size()); }

struct Encoding {
  const char* file;
  RsaKeyFile kind;
  bool pem;
};
constexpr Encoding kEncodings[] = {
    {"k1024.pkcs1.pem", RsaKeyFile::pkcs1_private, true},
    {"k1024.pkcs1.der", RsaKeyFile::pkcs1_private, false},
    {"k1024.pkcs8.pem", RsaKeyFile::pkcs8_private, true},
    {"k1024.pkcs8.der", RsaKeyFile::pkcs8_private, false},
    {"k1024.spki.pem", RsaKeyFile::spki_public, true},
    {"k1024.spki.der", RsaKeyFile::spki_public, false},
    {"k1024.pkcs1pub.pem", RsaKeyFile::pkcs1_public, true},
    {"k1024.pkcs1pub.der", RsaKeyFile::pkcs1_public, false},
};

std::vector<uint8_t> write_private(const RsaPrivateKey& key, RsaKeyFile kind, bool pem) {
  std::vector<uint8_t> out(kRsaMaxPrivateKeyPemLen);
  size_t len = 0;
  EXPECT_EQ(rsa_private_key_write(MutableBytes(out.data(), out.size()), &len, key, kind, pem),
            Status::ok);
  out.resize(len);
  return out;
}

std::vector<uint8_t> write_public(const RsaPublicKey& key, RsaKeyFile kind, bool pem) {
  std::vector<uint8_t> out(kRsaMaxPublicKeyPemLen);
  size_t len = 0;
  EXPECT_EQ(rsa_public_key_write(MutableBytes(out.data(), out.size()), &len, key, kind, pem),
            Status::ok);
  out.resize(len);
  return out;
}

// Every private encoding, read, written as every encoding, equals openssl's file.
TEST(RsaKeys, PrivateConversionsMatchOpenssl) {
  size_t n = 0;
  for (const Encoding& src : kEncodings) {
    if (!rsa_key_file_is_private(src.kind)) {
      continue;
    }
    const auto in = key_file(src.file);
    EXPECT_EQ(rsa_key_file_kind(view(in)), src.kind) << src.file;
    auto key = std::make_unique<RsaPrivateKey>();
    RsaKeyFile kind = RsaKeyFile::unknown;
    ASSERT_EQ(rsa_private_key_load(key.get(), view(in), 0, &kind), Status::ok) << src.file;
    EXPECT_EQ(kind, src.kind);
    EXPECT_EQ(key->bits(), 1024u);
    for (const Encoding& dst : kEncodings) {
      EXPECT_EQ(write_private(*key, dst.kind, dst.pem), key_file(dst.file))
          << src.file << " -> " << dst.file;
      n++;
    }
  }
  report_cases("private key conversions", n);
}

TEST(RsaKeys, PublicConversionsMatchOpenssl) {
  size_t n = 0;
  for (const Encoding& src : kEncodings) {
    const auto in = key_file(src.file);
    if (rsa_key_file_is_private(src.kind)) {
      RsaPublicKey pub;
      RsaKeyFile kind = RsaKeyFile::unknown;
      EXPECT_EQ(rsa_public_key_load(&pub, view(in), 0, &kind), Status::invalid_argument);
      EXPECT_EQ(kind, src.kind);
      continue;
    }
    EXPECT_EQ(rsa_key_file_kind(view(in)), src.kind) << src.file;
    RsaPublicKey pub;
    ASSERT_EQ(rsa_public_key_load(&pub, view(in)), Status::ok) << src.file;
    for (const Encoding& dst : kEncodings) {
      if (rsa_key_file_is_private(dst.kind)) {
        continue;
      }
      EXPECT_EQ(write_public(pub, dst.kind, dst.pem), key_file(dst.file))
          << src.file << " -> " << dst.file;
      n++;
    }
  }
  report_cases("public key conversions", n);
}

TEST(RsaKeys, SpkiFromCertificateStyleDer) {
  const auto spki = key_file("k1024.spki.der");
  RsaPublicKey pub;
  ASSERT_EQ(rsa_public_key_from_spki(&pub, view(spki)), Status::ok);
  // The same key read from the PKCS#1 form of the private key has the same n and e.
  auto key = std::make_unique<RsaPrivateKey>();
  ASSERT_EQ(rsa_private_key_from_pkcs1(key.get(), view(key_file("k1024.pkcs1.der"))),
            Status::ok);
  uint8_t a[600];
  uint8_t b[600];
  size_t la = 0;
  size_t lb = 0;
  ASSERT_EQ(pub.export_part(RsaPart::n, MutableBytes(a, sizeof(a)), &la), Status::ok);
  ASSERT_EQ(key->export_part(RsaPart::n, MutableBytes(b, sizeof(b)), &lb), Status::ok);
  EXPECT_EQ(std::vector<uint8_t>(a, a + la), std::vector<uint8_t>(b, b + lb));
  // Wrong entry points for the other encodings.
  EXPECT_EQ(rsa_public_key_from_spki(&pub, view(key_file("k1024.pkcs1pub.der"))),
            Status::decode_error);
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(spki)), Status::decode_error);
  EXPECT_EQ(rsa_private_key_from_pkcs8(key.get(), view(key_file("k1024.pkcs1.der"))),
            Status::decode_error);
  EXPECT_FALSE(key->is_set());
}

// RFC 5958 OneAsymmetricKey (version 1) may carry publicKey [1] IMPLICIT BIT STRING after the
// private key: made here from openssl's version 0 k1024.pkcs8.der (version octet set to 1, the
// [1] element appended, the outer length fixed). The public key field is read for form only (a
// whole-octet BIT STRING: an unused-bits octet of 0, as for every key bit string), so the key
// loads with any octets in it and is refused with unused bits or an empty field; version 0 with
// the field is refused (RFC 5958: v2 fields only in v2, which Petrel numbers 1).
TEST(RsaKeys, Pkcs8Version1PublicKeyField) {
  const std::vector<uint8_t> v0 = key_file("k1024.pkcs8.der");
  ASSERT_EQ(v0.size(), 4u + 0x277u);
  ASSERT_EQ(v0[0], 0x30);
  ASSERT_EQ(v0[1], 0x82);
  ASSERT_EQ(v0[4], 0x02);  // version INTEGER 0
  ASSERT_EQ(v0[6], 0x00);
  auto with_field = [&v0](uint8_t version, const std::vector<uint8_t>& contents) {
    std::vector<uint8_t> out = v0;
    out[6] = version;
    out.push_back(0x81);
    out.push_back(static_cast<uint8_t>(contents.size()));
    out.insert(out.end(), contents.begin(), contents.end());
    const size_t len = out.size() - 4;
    out[2] = static_cast<uint8_t>(len >> 8);
    out[3] = static_cast<uint8_t>(len);
    return out;
  };
  auto key = std::make_unique<RsaPrivateKey>();
  EXPECT_EQ(rsa_private_key_from_pkcs8(key.get(), view(with_field(1, {0x00, 0x01, 0x02, 0x03}))),
            Status::ok);
  EXPECT_TRUE(key->is_set());
  EXPECT_EQ(rsa_private_key_from_pkcs8(key.get(), view(with_field(1, {0x00}))), Status::ok);
  EXPECT_EQ(rsa_private_key_from_pkcs8(key.get(), view(with_field(1, {0x07, 0x80}))),
            Status::decode_error);
  EXPECT_FALSE(key->is_set());
  EXPECT_EQ(rsa_private_key_from_pkcs8(key.get(), view(with_field(1, {}))), Status::decode_error);
  EXPECT_EQ(rsa_private_key_from_pkcs8(key.get(), view(with_field(0, {0x00, 0x01}))),
            Status::decode_error);
}

TEST(RsaKeys, WrongTypeFiles) {
  auto key = std::make_unique<RsaPrivateKey>();
  RsaPublicKey pub;
  RsaKeyFile kind = RsaKeyFile::unknown;
  // Public key where a private key is asked for, and the reverse.
  EXPECT_EQ(rsa_private_key_load(key.get(), view(key_file("k1024.spki.pem")), 0, &kind),
            Status::invalid_argument);
  EXPECT_EQ(kind, RsaKeyFile::spki_public);
  EXPECT_EQ(rsa_private_key_load(key.get(), view(key_file("k1024.pkcs1pub.der")), 0, &kind),
            Status::invalid_argument);
  EXPECT_EQ(kind, RsaKeyFile::pkcs1_public);
  // Other algorithms, encrypted PKCS#8, RSA-PSS-restricted keys.
  EXPECT_EQ(rsa_private_key_load(key.get(), view(key_file("ec.pkcs8.pem")), 0, &kind),
            Status::unsupported);
  EXPECT_EQ(kind, RsaKeyFile::pkcs8_private);
  EXPECT_EQ(rsa_public_key_load(&pub, view(key_file("ec.spki.pem")), 0, &kind),
            Status::unsupported);
  EXPECT_EQ(rsa_private_key_load(key.get(), view(key_file("k1024.enc.pem")), 0, &kind),
            Status::unsupported);
  EXPECT_EQ(kind, RsaKeyFile::pkcs8_encrypted);
  EXPECT_EQ(rsa_private_key_load(key.get(), view(key_file("pss.pkcs8.pem")), 0, &kind),
            Status::unsupported);
  // Not a key at all.
  const std::string text = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
  const ByteView tv(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  EXPECT_EQ(rsa_key_file_kind(tv), RsaKeyFile::unknown);
  EXPECT_EQ(rsa_private_key_load(key.get(), tv, 0, &kind), Status::decode_error);
  EXPECT_EQ(rsa_public_key_load(&pub, ByteView(), 0, &kind), Status::decode_error);
  EXPECT_FALSE(key->is_set());
}

// Every truncation and every trailing byte of every DER file is a decode_error; so is every
// single-byte corruption that breaks the framing, and none may crash (run under ASan too).
TEST(RsaKeys, TruncatedAndTrailing) {
  size_t n = 0;
  auto key = std::make_unique<RsaPrivateKey>();
  RsaPublicKey pub;
  for (const Encoding& e : kEncodings) {
    if (e.pem) {
      continue;
    }
    const auto der = key_file(e.file);
    for (size_t len = 0; len < der.size(); len++) {
      const ByteView v(der.data(), len);
      EXPECT_EQ(rsa_private_key_load(key.get(), v), Status::decode_error) << e.file << len;
      EXPECT_EQ(rsa_public_key_load(&pub, v), Status::decode_error) << e.file << len;
      n++;
    }
    auto longer = der;
    longer.push_back(0);
    EXPECT_EQ(rsa_private_key_load(key.get(), view(longer)), Status::decode_error);
    EXPECT_EQ(rsa_public_key_load(&pub, view(longer)), Status::decode_error);
    EXPECT_EQ(rsa_public_key_from_spki(&pub, view(longer)), Status::decode_error);
    EXPECT_EQ(rsa_private_key_from_pkcs8(key.get(), view(longer)), Status::decode_error);
    EXPECT_EQ(rsa_private_key_from_pkcs1(key.get(), view(longer)), Status::decode_error);
    EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(longer)), Status::decode_error);
    n++;
    // Flip one bit of every byte (bit i mod 8): never a crash; either an error or a key that
    // loads (a bit in a value that the key checks cannot catch, e.g. in d).
    for (size_t i = 0; i < der.size(); i++) {
      {
        auto bad = der;
        bad[i] ^= static_cast<uint8_t>(1u << (i % 8));
        if (rsa_key_file_is_private(e.kind)) {
          (void)rsa_private_key_load(key.get(), view(bad));
        } else {
          (void)rsa_public_key_load(&pub, view(bad));
        }
      }
    }
  }
  EXPECT_FALSE(key->is_set());
  report_cases("truncated/trailing key files", n);
}

// Hand-built RSAPublicKey encodings.
std::vector<uint8_t> seq_of(const std::vector<std::vector<uint8_t>>& items) {
  std::vector<uint8_t> body;
  for (const auto& i : items) {
    body.insert(body.end(), i.begin(), i.end());
  }
  std::vector<uint8_t> out = {0x30};
  if (body.size() < 128) {
    out.push_back(static_cast<uint8_t>(body.size()));
  } else if (body.size() < 256) {
    out.push_back(0x81);
    out.push_back(static_cast<uint8_t>(body.size()));
  } else {
    out.push_back(0x82);
    out.push_back(static_cast<uint8_t>(body.size() >> 8));
    out.push_back(static_cast<uint8_t>(body.size()));
  }
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

std::vector<uint8_t> integer(const std::vector<uint8_t>& contents, bool long_len = false) {
  std::vector<uint8_t> out = {0x02};
  if (long_len || contents.size() >= 128) {
    out.push_back(0x81);
  }
  out.push_back(static_cast<uint8_t>(contents.size()));
  out.insert(out.end(), contents.begin(), contents.end());
  return out;
}

TEST(RsaKeys, BadPublicKeyValues) {
  // n and e of the openssl key.
  RsaPublicKey pub;
  ASSERT_EQ(rsa_public_key_load(&pub, view(key_file("k1024.pkcs1pub.der"))), Status::ok);
  std::vector<uint8_t> n(128);
  size_t len = 0;
  ASSERT_EQ(pub.export_part(RsaPart::n, MutableBytes(n.data(), n.size()), &len), Status::ok);
  ASSERT_EQ(len, 128u);
  std::vector<uint8_t> n_int = {0x00};  // top bit set: DER sign byte
  n_int.insert(n_int.end(), n.begin(), n.end());
  const std::vector<uint8_t> e = {0x01, 0x00, 0x01};

  // The reference encoding parses; the variants do not.
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_int), integer(e)}))),
            Status::ok);
  // A second leading zero byte on the modulus: non-minimal INTEGER.
  std::vector<uint8_t> n_zero = {0x00};
  n_zero.insert(n_zero.end(), n_int.begin(), n_int.end());
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_zero), integer(e)}))),
            Status::decode_error);
  // Negative modulus (no sign byte).
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n), integer(e)}))),
            Status::decode_error);
  // Non-minimal length of the exponent.
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_int), integer(e, true)}))),
            Status::decode_error);
  // Exponent 1, even exponents, zero, and an exponent >= n: well-formed DER, bad values.
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_int), integer({0x01})}))),
            Status::invalid_argument);
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_int), integer({0x00})}))),
            Status::invalid_argument);
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_int), integer({0x02})}))),
            Status::invalid_argument);
  EXPECT_EQ(rsa_public_key_from_pkcs1(
                &pub, view(seq_of({integer(n_int), integer({0x01, 0x00, 0x00})}))),
            Status::invalid_argument);
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_int), integer(n_int)}))),
            Status::invalid_argument);
  // Even modulus.
  auto n_even = n_int;
  n_even.back() ^= 1;
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_even), integer(e)}))),
            Status::invalid_argument);
  // Too small a modulus (512 bits) without the test flag.
  std::vector<uint8_t> n512(n_int.begin(), n_int.begin() + 65);
  n512.back() |= 1;
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n512), integer(e)}))),
            Status::bad_key_length);
  // Missing exponent, extra element.
  EXPECT_EQ(rsa_public_key_from_pkcs1(&pub, view(seq_of({integer(n_int)}))),
            Status::decode_error);
  EXPECT_EQ(rsa_public_key_from_pkcs1(
                &pub, view(seq_of({integer(n_int), integer(e), integer({0x00})}))),
            Status::decode_error);
  // At the API level, a modulus given with a leading zero byte is refused too.
  EXPECT_EQ(pub.set(view(n_int), view(e)), Status::invalid_argument);
}

TEST(RsaKeys, SpkiParametersStrict) {
  const auto good = key_file("k1024.spki.der");
  RsaPublicKey pub;
  ASSERT_EQ(rsa_public_key_from_spki(&pub, view(good)), Status::ok);
  // 30 81 9f | 30 0d | 06 09 <rsaEncryption> | 05 00 | 03 81 8d 00 ...
  ASSERT_EQ(good[3], 0x30);
  ASSERT_EQ(good[16], 0x05);
  // NULL replaced by an absent parameter: shorten the AlgorithmIdentifier.
  std::vector<uint8_t> absent(good.begin(), good.end());
  absent.erase(absent.begin() + 16, absent.begin() + 18);
  absent[4] = 0x0b;
  absent[2] = static_cast<uint8_t>(absent[2] - 2);
  EXPECT_EQ(rsa_public_key_from_spki(&pub, view(absent)), Status::decode_error);
  // A BIT STRING with unused bits.
  auto unused = good;
  unused[21] = 0x01;
  EXPECT_EQ(rsa_public_key_from_spki(&pub, view(unused)), Status::decode_error);
}

TEST(RsaKeys, GeneratedKeyRoundTrip) {
  petrel_test::SplitMixRng rng(7);
  auto key = std::make_unique<RsaPrivateKey>();
  ASSERT_EQ(rsa_generate_key(key.get(), 1024, rng), Status::ok);
  size_t n = 0;
  for (const Encoding& e : kEncodings) {
    const auto out = write_private(*key, e.kind, e.pem);
    if (rsa_key_file_is_private(e.kind)) {
      auto back = std::make_unique<RsaPrivateKey>();
      ASSERT_EQ(rsa_private_key_load(back.get(), view(out)), Status::ok);
      EXPECT_EQ(write_private(*back, e.kind, e.pem), out);
    } else {
      RsaPublicKey pub;
      ASSERT_EQ(rsa_public_key_load(&pub, view(out)), Status::ok);
      EXPECT_EQ(write_public(pub, e.kind, e.pem), out);
    }
    n++;
  }
  // Too small an output buffer: an error, and no key bytes left behind.
  std::vector<uint8_t> small(100, 0xaa);
  size_t len = 0;
  EXPECT_EQ(rsa_private_key_write(MutableBytes(small.data(), small.size()), &len, *key,
                                  RsaKeyFile::pkcs8_private, false),
            Status::buffer_too_small);
  EXPECT_EQ(small, std::vector<uint8_t>(100, 0));
  report_cases("generated key round trips", n);
}

}  // namespace
}  // namespace petrel
