// The ECDHE key exchange's checks of a ServerKeyExchange (tls/key_exchange.h) for the EC groups
// and ECDSA: a P-256 share off the curve, a compressed share, a group not offered, a scheme not
// offered, an RSA scheme with an EC certificate, and a well-formed ECDSA signature that does not
// verify. The server key and the valid point are an openssl-made P-256 key
// (tests/x509/fixtures/ec_p256.spki.der). Runs on every preset.
#include <gtest/gtest.h>

#include <cstdio>
#include <vector>

#include "crypto/asn1/spki.h"
#include "tests/common/file_test.h"
#include "tls/client.h"
#include "tls/key_exchange.h"
#include "tls/record.h"

using namespace petrel;
using namespace petrel::tls;

namespace {

std::vector<uint8_t> read_fixture(const char* name) {
  std::vector<uint8_t> out;
  const std::string path = std::string(PETREL_SOURCE_DIR) + "/tests/x509/fixtures/" + name;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    ADD_FAILURE() << "cannot open " << path;
    return out;
  }
  uint8_t buf[512];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    out.insert(out.end(), buf, buf + n);
  }
  std::fclose(f);
  return out;
}

std::vector<uint8_t> ske(uint16_t group, const std::vector<uint8_t>& point, uint16_t scheme,
                         const std::vector<uint8_t>& sig) {
  std::vector<uint8_t> b = {3, static_cast<uint8_t>(group >> 8), static_cast<uint8_t>(group),
                            static_cast<uint8_t>(point.size())};
  b.insert(b.end(), point.begin(), point.end());
  b.push_back(static_cast<uint8_t>(scheme >> 8));
  b.push_back(static_cast<uint8_t>(scheme));
  b.push_back(static_cast<uint8_t>(sig.size() >> 8));
  b.push_back(static_cast<uint8_t>(sig.size()));
  b.insert(b.end(), sig.begin(), sig.end());
  return b;
}

}  // namespace

TEST(TlsKxEc, ServerKeyExchangeRefusals) {
  const std::vector<uint8_t> spki = read_fixture("ec_p256.spki.der");
  PublicKeyInfo info;
  ASSERT_EQ(parse_public_key_info(&info, ByteView(spki.data(), spki.size())), Status::ok);
  const std::vector<uint8_t> good_point(info.m_key.begin(), info.m_key.end());
  ASSERT_EQ(good_point.size(), 65u);
  std::vector<uint8_t> off_curve = good_point;
  off_curve.back() ^= 1;
  std::vector<uint8_t> compressed(good_point.begin(), good_point.begin() + 33);
  compressed[0] = static_cast<uint8_t>(0x02 | (good_point.back() & 1));
  // SEQUENCE { INTEGER 1, INTEGER 1 }: well-formed, not a signature of these params.
  const std::vector<uint8_t> sig = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01};
  uint8_t cr[32] = {1};
  uint8_t sr[32] = {2};
  const uint16_t schemes[] = {kSigEcdsaSecp256r1Sha256, kSigRsaPkcs1Sha256};
  KeyExchangeInput in{};
  in.m_kind = KeyExchange::ecdhe_ecdsa;
  in.m_peer_spki = ByteView(spki.data(), spki.size());
  in.m_client_version = kTls12;
  in.m_version = kTls12;
  in.m_client_random = ByteView(cr, sizeof(cr));
  in.m_server_random = ByteView(sr, sizeof(sr));
  in.m_sig_schemes = Span<const uint16_t>(schemes, 2);
  in.m_rng = nullptr;
  struct Case {
    const char* name;
    std::vector<uint8_t> body;
    Status st;
    Alert alert;
  };
  const Case cases[] = {
      {"P-256 share off the curve", ske(kGroupSecp256r1, off_curve, kSigEcdsaSecp256r1Sha256, sig),
       Status::invalid_argument, Alert::illegal_parameter},
      {"compressed P-256 share", ske(kGroupSecp256r1, compressed, kSigEcdsaSecp256r1Sha256, sig),
       Status::invalid_argument, Alert::illegal_parameter},
      {"P-384 group with a P-256 share", ske(kGroupSecp384r1, good_point, kSigEcdsaSecp256r1Sha256, sig),
       Status::invalid_argument, Alert::illegal_parameter},
      {"secp521r1 not offered", ske(25, good_point, kSigEcdsaSecp256r1Sha256, sig),
       Status::invalid_argument, Alert::illegal_parameter},
      {"scheme not offered", ske(kGroupSecp256r1, good_point, kSigEcdsaSecp384r1Sha384, sig),
       Status::invalid_argument, Alert::illegal_parameter},
      {"RSA scheme with an EC certificate", ske(kGroupSecp256r1, good_point, kSigRsaPkcs1Sha256, sig),
       Status::invalid_argument, Alert::illegal_parameter},
      {"ECDSA signature that does not verify", ske(kGroupSecp256r1, good_point, kSigEcdsaSecp256r1Sha256, sig),
       Status::auth_failed, Alert::decrypt_error},
      {"malformed ECDSA signature", ske(kGroupSecp256r1, good_point, kSigEcdsaSecp256r1Sha256, {0x30, 0x00}),
       Status::auth_failed, Alert::decrypt_error},
  };
  size_t n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    KeyExchangeState state;
    uint8_t alert = 0;
    const char* why = nullptr;
    EXPECT_EQ(kx_process_server_key_exchange(&state, ByteView(c.body.data(), c.body.size()), in,
                                             &alert, &why),
              c.st);
    EXPECT_EQ(alert, static_cast<uint8_t>(c.alert));
    EXPECT_NE(why, nullptr);
    n++;
  }
  petrel_test::report_cases("tls ECDHE ServerKeyExchange refusals", n);
}
