// Unit tests of crypto/x509 parsing: certificate and request parsing on fixtures made by the
// openssl command (fuzz/corpus/x509/, expected values taken from `openssl x509 -noout -serial
// -subject -dates -ext ...` on the same files), the strictness rules, and the strict DER of open
// types. Names: x509_names_test.cpp; path validation: x509_verify_test.cpp; truncations and
// byte flips: x509_robustness_test.cpp (all one x509_test program). Runs on every preset.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <dirent.h>
#include <initializer_list>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/csr.h"
#include "crypto/x509/issue.h"
#include "crypto/x509/name.h"
#include "crypto/x509/public_key.h"
#include "crypto/x509/verify.h"
#include "tests/common/file_test.h"
#include "tests/x509/x509_test_util.h"

using namespace petrel;
using namespace petrel::x509;
using namespace petrel::x509_test;

namespace {

// ---- parsing -------------------------------------------------------------------------------

TEST(X509Parse, RootIntermediateLeafFields) {
  Loaded root, inter, leaf;
  load(&root, "root.der");
  load(&inter, "int.der");
  load(&leaf, "leaf.der");
  // openssl x509 -noout -serial -subject -issuer -dates -ext subjectKeyIdentifier,...
  EXPECT_EQ(hex(root.cert.m_serial), "1000");
  EXPECT_EQ(hex(inter.cert.m_serial), "1001");
  EXPECT_EQ(hex(leaf.cert.m_serial), "1002");
  EXPECT_EQ(name_str(root.cert.m_subject), "C = US, O = Petrel Test, CN = Petrel Root");
  EXPECT_EQ(name_str(root.cert.m_issuer), "C = US, O = Petrel Test, CN = Petrel Root");
  EXPECT_EQ(name_str(inter.cert.m_subject), "C = US, O = Petrel Test, CN = Petrel Intermediate");
  EXPECT_EQ(name_str(leaf.cert.m_subject), "C = US, O = Good, CN = www.example.com");
  EXPECT_EQ(name_str(leaf.cert.m_issuer), "C = US, O = Petrel Test, CN = Petrel Intermediate");
  EXPECT_EQ(root.cert.m_not_before, k2020);
  EXPECT_EQ(root.cert.m_not_after, k2055);  // GeneralizedTime
  EXPECT_EQ(leaf.cert.m_not_after, k2035);  // UTCTime
  EXPECT_EQ(hex(root.cert.m_subject_key_id), "0188A0253B16BF572D535AB2DBC70F90CC409DF3");
  EXPECT_EQ(hex(inter.cert.m_subject_key_id), "FC94DC69D6E9EC3D0CFB1B7F78CB321390F44350");
  EXPECT_EQ(hex(inter.cert.m_authority_key_id), "0188A0253B16BF572D535AB2DBC70F90CC409DF3");
  EXPECT_EQ(hex(leaf.cert.m_authority_key_id), "FC94DC69D6E9EC3D0CFB1B7F78CB321390F44350");
  EXPECT_EQ(hex(leaf.cert.m_subject_key_id), "71F2C3A7F50F24DC5BD025C7E40E8E063E036B80");
  EXPECT_EQ(root.cert.m_version, 3);
  EXPECT_TRUE(root.cert.m_ca);
  EXPECT_FALSE(root.cert.m_has_path_len);
  EXPECT_EQ(root.cert.m_key_usage, kKuKeyCertSign | kKuCrlSign);
  EXPECT_EQ(root.cert.m_critical & (kExtBasicConstraints | kExtKeyUsage),
            kExtBasicConstraints | kExtKeyUsage);
  EXPECT_FALSE(leaf.cert.m_ca);
  EXPECT_EQ(leaf.cert.m_key_usage, kKuDigitalSignature | kKuKeyEncipherment);
  EXPECT_EQ(leaf.cert.m_key.m_info.m_type, KeyType::rsa);
  EXPECT_EQ(leaf.cert.m_key.m_rsa.m_bits, 2048u);
  EXPECT_EQ(hex(leaf.cert.m_key.m_rsa.m_e), "010001");
  EXPECT_EQ(leaf.cert.m_sig_alg.m_scheme, SigScheme::rsa_pkcs1);
  EXPECT_EQ(leaf.cert.m_sig_alg.m_hash, HashAlg::sha256);
  EXPECT_TRUE(is_self_issued(root.cert));
  EXPECT_FALSE(is_self_issued(leaf.cert));
  // SAN: DNS:www.example.com, IP:192.0.2.1
  GeneralNamesReader r(leaf.cert.m_san);
  GeneralName g;
  bool done = false;
  ASSERT_EQ(r.next(&g, &done), Status::ok);
  ASSERT_FALSE(done);
  EXPECT_EQ(g.m_type, GeneralNameType::dns_name);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(g.m_value.data()), g.m_value.size()),
            "www.example.com");
  ASSERT_EQ(r.next(&g, &done), Status::ok);
  EXPECT_EQ(g.m_type, GeneralNameType::ip_address);
  EXPECT_EQ(hex(g.m_value), "C0000201");
  ASSERT_EQ(r.next(&g, &done), Status::ok);
  EXPECT_TRUE(done);
  // EKU: serverAuth
  OidListReader e(leaf.cert.m_ext_key_usage);
  ByteView oid;
  ASSERT_EQ(e.next(&oid, &done), Status::ok);
  EXPECT_TRUE(asn1::oid_equal(oid, ByteView(asn1::oid::kServerAuth, sizeof(asn1::oid::kServerAuth))));
}

TEST(X509Parse, ExtensionsAndAlgorithms) {
  Loaded c;
  load(&c, "leaf_pss.der");  // -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -md sha256
  EXPECT_EQ(c.cert.m_sig_alg.m_scheme, SigScheme::rsa_pss);
  EXPECT_EQ(c.cert.m_sig_alg.m_hash, HashAlg::sha256);
  EXPECT_EQ(c.cert.m_sig_alg.m_pss_salt_len, 32u);
  load(&c, "leaf_md5.der");  // parsed; refused by verification
  EXPECT_EQ(c.cert.m_sig_alg.m_hash, HashAlg::md5);
  load(&c, "leaf_crit.der");  // 1.2.3.4 = critical
  EXPECT_TRUE(c.cert.m_unknown_critical);
  load(&c, "leaf_policies.der");
  EXPECT_NE(c.cert.m_extensions & kExtCertificatePolicies, 0u);
  EXPECT_NE(c.cert.m_extensions & kExtCrlDistributionPoints, 0u);
  EXPECT_NE(c.cert.m_extensions & kExtAuthorityInfoAccess, 0u);
  EXPECT_FALSE(c.cert.m_unknown_critical);
  load(&c, "root_v1.der");
  EXPECT_EQ(c.cert.m_version, 1);
  EXPECT_EQ(c.cert.m_extensions, 0u);
  load(&c, "int_pl0.der");
  EXPECT_TRUE(c.cert.m_has_path_len);
  EXPECT_EQ(c.cert.m_path_len, 0u);
  load(&c, "int_nc_dns.der");  // permitted;DNS:example.com
  ASSERT_TRUE(c.cert.m_has_nc_permitted);
  EXPECT_FALSE(c.cert.m_has_nc_excluded);
  SubtreesReader st(c.cert.m_nc_permitted);
  GeneralName g;
  bool done = false;
  ASSERT_EQ(st.next(&g, &done), Status::ok);
  EXPECT_EQ(g.m_type, GeneralNameType::dns_name);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(g.m_value.data()), g.m_value.size()),
            "example.com");
  load(&c, "int_nc_dir.der");  // permitted;dirName: C=US, O=Good
  SubtreesReader sd(c.cert.m_nc_permitted);
  ASSERT_EQ(sd.next(&g, &done), Status::ok);
  EXPECT_EQ(g.m_type, GeneralNameType::directory_name);
  EXPECT_EQ(name_str(g.m_value), "C = US, O = Good");
  load(&c, "leaf_ipv6.der");
  GeneralNamesReader r(c.cert.m_san);
  ASSERT_EQ(r.next(&g, &done), Status::ok);
  ASSERT_EQ(r.next(&g, &done), Status::ok);
  EXPECT_EQ(hex(g.m_value), "20010DB8000000000000000000000001");
}

TEST(X509Parse, Requests) {
  const std::vector<uint8_t> a = read_file(kDir + "petrel_req_san.csr.der");
  CertificationRequest csr;
  ASSERT_EQ(parse_csr(&csr, bv(a)), Status::ok);
  EXPECT_EQ(verify_csr(csr), Status::ok);
  EXPECT_EQ(name_str(csr.m_subject),
            "C = US, ST = Some State, O = Petrel Interop, OU = Servers, CN = www.example.com");
  EXPECT_FALSE(csr.m_san.empty());
  const std::vector<uint8_t> b = read_file(kDir + "openssl_req_pss.csr.der");
  ASSERT_EQ(parse_csr(&csr, bv(b)), Status::ok);
  EXPECT_EQ(csr.m_sig_alg.m_scheme, SigScheme::rsa_pss);
  EXPECT_EQ(verify_csr(csr), Status::ok);
  std::vector<uint8_t> bad = b;
  bad[bad.size() - 1] ^= 1;
  ASSERT_EQ(parse_csr(&csr, bv(bad)), Status::ok);
  EXPECT_EQ(verify_csr(csr), Status::auth_failed);
}

// The one SubjectPublicKeyInfo reader (crypto/asn1/spki.h) and the one RSA key reader behind
// it (rsa_key_files.h), as certificates use them. Expected values: `openssl x509 -noout -modulus`
// and `-text` on the same files (leaf: modulus BD82DEDC..., e 65537; cert_ec: id-ecPublicKey on
// prime256v1, OID 1.2.840.10045.3.1.7).
TEST(X509Parse, OneSubjectPublicKeyInfoReader) {
  Loaded leaf;
  load(&leaf, "leaf.der");
  const PublicKeyInfo& info = leaf.cert.m_key.m_info;
  PublicKeyInfo again;
  ASSERT_EQ(parse_public_key_info(&again, info.m_der), Status::ok);
  EXPECT_EQ(again.m_type, KeyType::rsa);
  EXPECT_EQ(hex(again.m_params), "0500");  // NULL
  RsaPublicKeyParts parts;
  ASSERT_EQ(rsa_public_key_parts(&parts, again), Status::ok);
  EXPECT_EQ(hex(parts.m_n).substr(0, 32), "BD82DEDCF74B7AC14C3F9BEFE18EBC3C");
  EXPECT_EQ(parts.m_n.data(), leaf.cert.m_key.m_rsa.m_n.data());
  RsaPublicKey a;
  RsaPublicKey b;
  ASSERT_EQ(rsa_public_key_from_info(&a, info), Status::ok);
  ASSERT_EQ(rsa_public_key_from_spki(&b, info.m_der), Status::ok);
  EXPECT_EQ(a.bits(), 2048u);
  EXPECT_EQ(b.bits(), 2048u);

  Loaded ec;
  load(&ec, "cert_ec.der");
  EXPECT_EQ(ec.cert.m_key.m_info.m_type, KeyType::ec);
  EXPECT_EQ(hex(ec.cert.m_key.m_info.m_params), "06082A8648CE3D030107");
  EXPECT_EQ(ec.cert.m_key.m_info.m_key.size(), 65u);  // uncompressed point 04 || x || y
  EXPECT_EQ(rsa_public_key_parts(&parts, ec.cert.m_key.m_info), Status::unsupported);
  EXPECT_EQ(rsa_public_key_from_info(&a, ec.cert.m_key.m_info), Status::unsupported);

  // rsaEncryption without its NULL parameters: malformed for the RSA reader, so for the
  // certificate parser too. The SPKI is rebuilt with the same key bits.
  std::vector<uint8_t> spki = {0x30, 0x00, 0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48,
                               0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x03};
  const size_t key_len = info.m_key.size() + 1;
  ASSERT_LT(key_len, 0x10000u);
  spki.push_back(0x82);
  spki.push_back(static_cast<uint8_t>(key_len >> 8));
  spki.push_back(static_cast<uint8_t>(key_len));
  spki.push_back(0);
  spki.insert(spki.end(), info.m_key.begin(), info.m_key.end());
  const size_t body = spki.size() - 2;
  spki.insert(spki.begin() + 1, {0x82, static_cast<uint8_t>(body >> 8), static_cast<uint8_t>(body)});
  spki.erase(spki.begin() + 4);
  ASSERT_EQ(parse_public_key_info(&again, bv(spki)), Status::ok);
  EXPECT_TRUE(again.m_params.empty());
  EXPECT_EQ(rsa_public_key_parts(&parts, again), Status::decode_error);
  Reader r(bv(spki));
  SubjectKey key;
  EXPECT_EQ(read_subject_key(&r, &key), Status::decode_error);
}

// check_private_key_matches: k1024_self.der was made by `openssl req -x509` with
// tests/rsa/keys/k1024.pkcs1.pem; other1024.pem is an unrelated openssl genrsa key.
TEST(X509Parse, PrivateKeyMatchesCertificate) {
  Loaded cert;
  load(&cert, "k1024_self.der");
  const std::vector<uint8_t> mine =
      read_file(std::string(PETREL_SOURCE_DIR) + "/tests/rsa/keys/k1024.pkcs1.pem");
  const std::vector<uint8_t> other =
      read_file(std::string(PETREL_SOURCE_DIR) + "/tests/x509/keys/other1024.pem");
  RsaPrivateKey k_mine;
  RsaPrivateKey k_other;
  ASSERT_EQ(rsa_private_key_load(&k_mine, bv(mine)), Status::ok);
  ASSERT_EQ(rsa_private_key_load(&k_other, bv(other)), Status::ok);
  EXPECT_EQ(check_private_key_matches(cert.cert, k_mine), Status::ok);
  EXPECT_EQ(check_private_key_matches(cert.cert, k_other), Status::auth_failed);
  RsaPrivateKey unset;
  EXPECT_EQ(check_private_key_matches(cert.cert, unset), Status::invalid_argument);
  // Same e, n of another key: a mismatch (the fixture chain's leaf is a 2048-bit key).
  Loaded leaf;
  load(&leaf, "leaf.der");
  EXPECT_EQ(check_private_key_matches(leaf.cert, k_mine), Status::auth_failed);
  // A certificate with an EC key: not an RSA key at all.
  Loaded ec;
  load(&ec, "cert_ec.der");
  EXPECT_EQ(check_private_key_matches(ec.cert, k_mine), Status::unsupported);
}


// A deployed root whose keyUsage BIT STRING has a trailing zero octet (03 03 07 06 00, see
// tests/x509/fixtures/README.md): read as OpenSSL reads it (Certificate Sign, CRL Sign).
TEST(X509Parse, KeyUsageTrailingZeroOctetOfDeployedRoot) {
  const std::vector<uint8_t> der = read_file(kFixtures + "trustwave_global_ecc_p256.der");
  Certificate c;
  ASSERT_EQ(parse_certificate(&c, bv(der)), Status::ok);
  EXPECT_EQ(c.m_key_usage, kKuKeyCertSign | kKuCrlSign);
  EXPECT_NE(c.m_critical & kExtKeyUsage, 0u);
  EXPECT_EQ(c.m_key.m_info.m_type, KeyType::ec);
  EXPECT_NE(name_str(c.m_subject).find("CN = Trustwave Global ECC P256 Certification Authority"),
            std::string::npos);
  // Find the keyUsage value and check that other malformations are still refused.
  const uint8_t ku[] = {0x03, 0x03, 0x07, 0x06, 0x00};
  size_t at = SIZE_MAX;
  for (size_t i = 0; i + sizeof(ku) <= der.size(); i++) {
    if (std::memcmp(der.data() + i, ku, sizeof(ku)) == 0) {
      at = i;
      break;
    }
  }
  ASSERT_NE(at, SIZE_MAX);
  std::vector<uint8_t> t = der;
  t[at + 4] = 0x01;  // a set unused bit: not DER for any BIT STRING
  EXPECT_EQ(parse_certificate(&c, bv(t)), Status::decode_error);
  t = der;
  t[at + 2] = 0x08;  // 8 unused bits
  EXPECT_EQ(parse_certificate(&c, bv(t)), Status::decode_error);
  t = der;
  t[at + 3] = 0x00;  // no bit set at all (RFC 5280 4.2.1.3)
  EXPECT_EQ(parse_certificate(&c, bv(t)), Status::decode_error);
  t = der;
  t[at + 3] = 0x86;  // digitalSignature too, still with the trailing zero octet
  ASSERT_EQ(parse_certificate(&c, bv(t)), Status::ok);
  EXPECT_EQ(c.m_key_usage, kKuDigitalSignature | kKuKeyCertSign | kKuCrlSign);
}

// RFC 5280 4.1.2.2: serials over 20 octets handled gracefully, up to kMaxSerialLen (64).
TEST(X509Parse, LongSerialNumbers) {
  const std::vector<uint8_t> a = read_file(kFixtures + "serial30.der");
  Certificate c;
  ASSERT_EQ(parse_certificate(&c, bv(a)), Status::ok);
  // openssl x509 -noout -serial
  EXPECT_EQ(hex(c.m_serial), "7C7CDE13B704198D30D29B47CE1B0CE898A3BB3337CF967EF71BD4F3395C");
  const std::vector<uint8_t> b = read_file(kFixtures + "serial65.der");
  EXPECT_EQ(parse_certificate(&c, bv(b)), Status::decode_error);
}

TEST(X509Parse, StrictnessRejects) {
  Loaded c;
  load(&c, "leaf.der");
  // Trailing byte.
  std::vector<uint8_t> t = c.der;
  t.push_back(0);
  Certificate out;
  EXPECT_EQ(parse_certificate(&out, bv(t)), Status::decode_error);
  // Truncated by one.
  t = c.der;
  t.pop_back();
  EXPECT_EQ(parse_certificate(&out, bv(t)), Status::decode_error);
  EXPECT_EQ(parse_certificate(&out, ByteView()), Status::decode_error);
}

TEST(X509Parse, OpenTypesAreStrictDer) {
  const std::string dir = std::string(PETREL_SOURCE_DIR) + "/fuzz/corpus/diff_x509/";
  Certificate c;
  const std::vector<uint8_t> cn = read_file(dir + "known_diff_cn_application_tag.der");
  EXPECT_EQ(parse_certificate(&c, bv(cn)), Status::decode_error);
  std::vector<uint8_t> der = read_file(dir + "known_diff_spki_params_bad_boolean.der");
  EXPECT_EQ(parse_certificate(&c, bv(der)), Status::decode_error);
  // Re-encode with a valid BOOLEAN: find the AlgorithmIdentifier SEQUENCE that ends in 01 00
  // inside the SPKI and grow it and the SEQUENCEs around it (all short-form or 82 lengths).
  size_t at = SIZE_MAX;
  for (size_t i = 0; i + 2 <= der.size(); i++) {
    if (der[i] == 0x01 && der[i + 1] == 0x00) {
      at = i;
      break;
    }
  }
  ASSERT_NE(at, SIZE_MAX);
  // Walk the DER from the top and grow every element that contains the BOOLEAN.
  std::vector<uint8_t> fixed;
  std::function<bool(size_t, size_t)> copy = [&](size_t from, size_t to) -> bool {
    size_t i = from;
    while (i < to) {
      const uint8_t tag = der[i];
      size_t hl = 2;
      size_t len = der[i + 1];
      if (len == 0x81) {
        len = der[i + 2];
        hl = 3;
      } else if (len == 0x82) {
        len = (static_cast<size_t>(der[i + 2]) << 8) | der[i + 3];
        hl = 4;
      } else if (len > 0x80) {
        return false;
      }
      const size_t end = i + hl + len;
      const bool contains = at >= i && at < end;
      const size_t new_len = contains ? len + 1 : len;
      fixed.push_back(tag);
      if (hl == 2 && new_len < 0x80) {
        fixed.push_back(static_cast<uint8_t>(new_len));
      } else if (hl == 3 || (hl == 2 && new_len < 0x100)) {
        fixed.push_back(0x81);
        fixed.push_back(static_cast<uint8_t>(new_len));
      } else {
        fixed.push_back(0x82);
        fixed.push_back(static_cast<uint8_t>(new_len >> 8));
        fixed.push_back(static_cast<uint8_t>(new_len));
      }
      if (i == at) {
        fixed.push_back(0xff);  // the BOOLEAN's one contents octet
      } else if (contains && (tag & 0x20) != 0) {
        if (!copy(i + hl, end)) {
          return false;
        }
      } else {
        fixed.insert(fixed.end(), der.begin() + static_cast<std::ptrdiff_t>(i + hl),
                     der.begin() + static_cast<std::ptrdiff_t>(end));
      }
      i = end;
    }
    return true;
  };
  ASSERT_TRUE(copy(0, der.size()));
  ASSERT_EQ(fixed.size(), der.size() + 1);
  EXPECT_EQ(parse_certificate(&c, bv(fixed)), Status::ok);
  EXPECT_EQ(c.m_key.m_info.m_type, KeyType::unknown);
  EXPECT_EQ(hex(c.m_key.m_info.m_params), "0101FF");
}


}  // namespace
