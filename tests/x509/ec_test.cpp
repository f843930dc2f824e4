// EC keys in X.509: id-ecPublicKey SubjectPublicKeyInfo (RFC 5480) and X25519 (RFC 8410) read
// through the one SPKI reader, ecdsa-with-SHA* signature algorithms (RFC 5758), the verdicts
// for keys Petrel does not take (explicit parameters, P-521, compressed points, points off the
// curve), and ECDSA self-signatures of the deployed ECC roots: the Trustwave fixture and every
// P-256/P-384 root of the system bundle when it is present. Fixtures made by the openssl
// command (tests/x509/fixtures/README.md). Runs on every preset.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/pem/pem.h"
#include "crypto/x509/algorithm.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/verify.h"

using namespace petrel;
using namespace petrel::x509;

namespace {

const std::string kFix = std::string(PETREL_SOURCE_DIR) + "/tests/x509/fixtures/";

std::vector<uint8_t> read_all(const std::string& path, bool must = true) {
  std::vector<uint8_t> out;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    if (must) {
      ADD_FAILURE() << "cannot open " << path;
    }
    return out;
  }
  uint8_t buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    out.insert(out.end(), buf, buf + n);
  }
  std::fclose(f);
  return out;
}

ByteView bv(const std::vector<uint8_t>& v) { return ByteView(v.data(), v.size()); }

Status read_key(const std::vector<uint8_t>& der, SubjectKey* key) {
  Reader r(bv(der));
  const Status st = read_subject_key(&r, key);
  if (st == Status::ok && !r.empty()) {
    return Status::decode_error;
  }
  return st;
}

}  // namespace

TEST(X509Ec, NamedCurveKeys) {
  size_t cases = 0;
  struct Case {
    const char* file;
    EcKeyAlg alg;
    size_t point;
  };
  for (const Case& c : {Case{"ec_p256.spki.der", EcKeyAlg::p256, 65},
                        Case{"ec_p384.spki.der", EcKeyAlg::p384, 97}}) {
    SCOPED_TRACE(c.file);
    const std::vector<uint8_t> der = read_all(kFix + c.file);
    SubjectKey key;
    ASSERT_EQ(read_key(der, &key), Status::ok);
    EXPECT_EQ(key.m_info.m_type, KeyType::ec);
    EXPECT_EQ(key.m_ec_status, Status::ok);
    EXPECT_EQ(key.m_ec.m_alg, c.alg);
    EXPECT_EQ(key.m_ec.m_point.size(), c.point);
    EXPECT_EQ(key.m_ec.m_point[0], 0x04);
    // Written again byte for byte (the encoding openssl produced).
    uint8_t out[kEcMaxPublicKeyDerLen];
    size_t len = 0;
    ASSERT_EQ(ec_public_key_to_spki(MutableBytes(out, sizeof(out)), &len, key.m_ec), Status::ok);
    EXPECT_EQ(std::vector<uint8_t>(out, out + len), der);
    // A point off the curve: the last byte of Y changed (checked with ec_point_check).
    std::vector<uint8_t> bad = der;
    bad.back() ^= 0x01;
    SubjectKey k2;
    ASSERT_EQ(read_key(bad, &k2), Status::ok);  // the certificate still parses ...
    EXPECT_EQ(k2.m_ec_status, Status::invalid_argument);  // ... its key is refused
    EXPECT_EQ(k2.m_ec_problem, EcKeyProblem::bad_point);
    cases++;
  }
  const std::vector<uint8_t> x = read_all(kFix + "x25519.spki.der");
  EcPublicKey xk;
  ASSERT_EQ(ec_public_key_from_spki(&xk, bv(x)), Status::ok);
  EXPECT_EQ(xk.m_alg, EcKeyAlg::x25519);
  EXPECT_EQ(xk.m_point.size(), 32u);
  cases++;
  std::printf("X509Ec.NamedCurveKeys: %zu keys\n", cases);
}

TEST(X509Ec, KeysPetrelDoesNotTake) {
  struct Case {
    const char* file;
    Status st;
    EcKeyProblem problem;
  };
  size_t cases = 0;
  for (const Case& c : {Case{"ec_explicit_params.spki.der", Status::unsupported,
                             EcKeyProblem::explicit_params},
                        Case{"ec_p521.spki.der", Status::unsupported, EcKeyProblem::unknown_curve},
                        Case{"ec_p256_compressed.spki.der", Status::unsupported,
                             EcKeyProblem::compressed_point}}) {
    SCOPED_TRACE(c.file);
    const std::vector<uint8_t> der = read_all(kFix + c.file);
    SubjectKey key;
    ASSERT_EQ(read_key(der, &key), Status::ok);
    EXPECT_EQ(key.m_ec_status, c.st);
    EXPECT_EQ(key.m_ec_problem, c.problem);
    EcPublicKey k;
    EcKeyProblem p = EcKeyProblem::none;
    EXPECT_EQ(ec_public_key_from_spki(&k, bv(der), &p), c.st);
    EXPECT_EQ(p, c.problem);
    EXPECT_NE(std::string(ec_key_problem_text(p)), "unknown problem");
    cases++;
  }
  // A certificate with explicit parameters is parsed, and refused by path validation with
  // its own reason.
  const std::vector<uint8_t> der = read_all(kFix + "ec_explicit_params_self.der");
  Certificate cert;
  ASSERT_EQ(parse_certificate(&cert, bv(der)), Status::ok);
  EXPECT_EQ(cert.m_key.m_ec_problem, EcKeyProblem::explicit_params);
  TrustStore store;
  store.m_certs = Span<const Certificate>(&cert, 1);
  VerifyOptions o;
  o.m_time = 1800000000;
  VerifyResult res;
  EXPECT_EQ(verify_certificate(&res, cert, Span<const Certificate>(), store, o),
            VerifyError::unsupported_curve);
  EXPECT_NE(std::string(verify_error_text(VerifyError::unsupported_curve)).find("explicit"),
            std::string::npos);
  // Its self-signature cannot be checked either.
  EXPECT_EQ(verify_signature(cert.m_key.m_info, cert.m_sig_alg, cert.m_tbs, cert.m_signature),
            Status::unsupported);
  cases++;
  std::printf("X509Ec.KeysPetrelDoesNotTake: %zu cases\n", cases);
}

TEST(X509Ec, EcdsaAlgorithmIdentifiers) {
  struct Case {
    const uint8_t* oid;
    size_t len;
    HashAlg hash;
  };
  using namespace asn1::oid;
  size_t cases = 0;
  for (const Case& c : {Case{kEcdsaWithSha224, sizeof(kEcdsaWithSha224), HashAlg::sha224},
                        Case{kEcdsaWithSha256, sizeof(kEcdsaWithSha256), HashAlg::sha256},
                        Case{kEcdsaWithSha384, sizeof(kEcdsaWithSha384), HashAlg::sha384},
                        Case{kEcdsaWithSha512, sizeof(kEcdsaWithSha512), HashAlg::sha512}}) {
    std::vector<uint8_t> der = {0x30, static_cast<uint8_t>(c.len + 2), 0x06,
                                static_cast<uint8_t>(c.len)};
    der.insert(der.end(), c.oid, c.oid + c.len);
    Reader r(bv(der));
    SignatureAlgorithm alg;
    ASSERT_EQ(parse_signature_algorithm(&r, &alg), Status::ok);
    EXPECT_EQ(alg.m_scheme, SigScheme::ecdsa);
    EXPECT_EQ(alg.m_hash, c.hash);
    // The writer gives the same bytes.
    uint8_t out[32];
    Writer w(MutableBytes(out, sizeof(out)));
    add_ecdsa_algorithm(&w, c.hash);
    size_t len = 0;
    ASSERT_EQ(w.finish(&len), Status::ok);
    EXPECT_EQ(std::vector<uint8_t>(out, out + len), der);
    // RFC 5758 3.2: parameters MUST be absent; a NULL is malformed.
    der[1] += 2;
    der.push_back(0x05);
    der.push_back(0x00);
    Reader r2(bv(der));
    EXPECT_EQ(parse_signature_algorithm(&r2, &alg), Status::decode_error);
    cases++;
  }
  std::printf("X509Ec.EcdsaAlgorithmIdentifiers: %zu algorithms\n", cases);
}

// The Trustwave Global ECC P256 root (a deployed certificate): its ECDSA self-signature
// verifies, and fails once a byte of the signature or of the signed bytes changes.
TEST(X509Ec, DeployedRootSelfSignature) {
  const std::vector<uint8_t> der = read_all(kFix + "trustwave_global_ecc_p256.der");
  Certificate c;
  ASSERT_EQ(parse_certificate(&c, bv(der)), Status::ok);
  EXPECT_EQ(c.m_key.m_ec_status, Status::ok);
  EXPECT_EQ(c.m_key.m_ec.m_alg, EcKeyAlg::p256);
  EXPECT_EQ(c.m_sig_alg.m_scheme, SigScheme::ecdsa);
  EXPECT_EQ(verify_signature(c.m_key.m_info, c.m_sig_alg, c.m_tbs, c.m_signature), Status::ok);
  std::vector<uint8_t> sig(c.m_signature.begin(), c.m_signature.end());
  sig.back() ^= 0x01;
  EXPECT_EQ(verify_signature(c.m_key.m_info, c.m_sig_alg, c.m_tbs, bv(sig)), Status::auth_failed);
  std::vector<uint8_t> tbs(c.m_tbs.begin(), c.m_tbs.end());
  tbs[tbs.size() / 2] ^= 0x01;
  EXPECT_EQ(verify_signature(c.m_key.m_info, c.m_sig_alg, bv(tbs), c.m_signature),
            Status::auth_failed);
  // As a trust anchor of its own: accepted by path validation.
  TrustStore store;
  store.m_certs = Span<const Certificate>(&c, 1);
  VerifyOptions o;
  o.m_time = 1800000000;  // 2027
  VerifyResult res;
  EXPECT_EQ(verify_certificate(&res, c, Span<const Certificate>(), store, o), VerifyError::ok);
  // The curve size policy: P-256 is below a 384-bit minimum.
  o.m_min_ec_bits = 384;
  EXPECT_EQ(verify_certificate(&res, c, Span<const Certificate>(), store, o),
            VerifyError::weak_key);
}

// Every EC root of the system bundle (Debian: /etc/ssl/certs/ca-certificates.crt): those on
// P-256/P-384 are usable keys and their self-signatures verify (as `openssl verify
// -check_ss_sig` says of each; the roots are signed by their CAs, not by Petrel).
TEST(X509Ec, SystemBundleEccRoots) {
  const std::vector<uint8_t> text = read_all("/etc/ssl/certs/ca-certificates.crt", false);
  if (text.empty()) {
    GTEST_SKIP() << "no system bundle";
  }
  Reader r(bv(text));
  size_t certs = 0;
  size_t ec = 0;
  size_t checked = 0;
  size_t other_curves = 0;
  std::vector<uint8_t> der(8192);
  for (;;) {
    pem::Block b;
    bool found = false;
    ASSERT_EQ(pem::next_block(&r, &b, &found), Status::ok);
    if (!found) {
      break;
    }
    size_t len = 0;
    ASSERT_EQ(pem::decode_block(MutableBytes(der.data(), der.size()), &len, b), Status::ok);
    Certificate c;
    if (parse_certificate(&c, ByteView(der.data(), len)) != Status::ok) {
      continue;  // bundle_test.sh covers the blocks Petrel skips
    }
    certs++;
    if (c.m_key.m_info.m_type != KeyType::ec) {
      continue;
    }
    ec++;
    if (c.m_key.m_ec_status != Status::ok) {
      other_curves++;
      EXPECT_EQ(c.m_key.m_ec_problem, EcKeyProblem::unknown_curve);
      continue;
    }
    if (c.m_sig_alg.m_scheme != SigScheme::ecdsa || !is_self_issued(c)) {
      continue;
    }
    EXPECT_EQ(verify_signature(c.m_key.m_info, c.m_sig_alg, c.m_tbs, c.m_signature), Status::ok)
        << "root " << checked;
    checked++;
  }
  std::printf("X509Ec.SystemBundleEccRoots: %zu certificates, %zu EC keys, %zu self-signatures "
              "verified, %zu on other curves\n",
              certs, ec, checked, other_curves);
  EXPECT_GT(checked, 0u);
}
