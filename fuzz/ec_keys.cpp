// Fuzz target "ec_keys": crypto/ec/ec_keys.h on arbitrary bytes as a key file. Aims at
// ec_key_file_kind, ec_private_key_load and ec_public_key_load (PEM and DER detection, the PEM
// reader, EC PARAMETERS blocks skipped), ec_private_key_from_sec1 / _from_pkcs8 (RFC 5915, RFC
// 5208/5958, RFC 8410 X25519; the [0] curve against the PKCS#8 curve, the [1] public key against
// d*G), ec_curve_from_params (named, explicit, implicit curves), ec_public_key_from_spki (point
// checks), and the writers ec_private_key_write / ec_public_key_write (DER and PEM).
// Properties: a key that loads re-encodes in every kind it has (SEC 1 for P-256/P-384, PKCS#8,
// SPKI; DER and PEM) and loads again to the same d and public key; a public key that loads
// re-encodes to an SPKI that loads to the same point; a DER SPKI input that loads is re-encoded
// byte for byte.
#include <cstring>
#include <initializer_list>

#include "crypto/ec/ec_keys.h"
#include "fuzz/driver.h"

using namespace petrel;

namespace {

uint8_t g_enc[kEcMaxPrivateKeyPemLen + kEcMaxPublicKeyPemLen];
uint8_t g_scratch[kEcKeyScratchLen];
uint8_t g_scratch2[kEcKeyScratchLen];

void check_private(const EcPrivateKey& key) {
  for (EcKeyFile kind : {EcKeyFile::sec1_private, EcKeyFile::pkcs8_private}) {
    for (bool pem : {false, true}) {
      size_t len = 0;
      const Status st = ec_private_key_write(MutableBytes(g_enc), &len, key, kind, pem);
      if (kind == EcKeyFile::sec1_private && key.m_alg == EcKeyAlg::x25519) {
        PETREL_FUZZ_CHECK(st == Status::invalid_argument);
        continue;
      }
      PETREL_FUZZ_CHECK(st == Status::ok);
      EcPrivateKey again;
      PETREL_FUZZ_CHECK(ec_private_key_load(&again, ByteView(g_enc, len)) == Status::ok);
      PETREL_FUZZ_CHECK(again.m_alg == key.m_alg);
      PETREL_FUZZ_CHECK(std::memcmp(again.m_d, key.m_d, sizeof(key.m_d)) == 0);
      PETREL_FUZZ_CHECK(std::memcmp(again.m_pub, key.m_pub, sizeof(key.m_pub)) == 0);
    }
  }
}

void check_public(const EcPublicKey& key) {
  for (bool pem : {false, true}) {
    size_t len = 0;
    PETREL_FUZZ_CHECK(ec_public_key_write(MutableBytes(g_enc), &len, key, pem) == Status::ok);
    EcPublicKey again;
    PETREL_FUZZ_CHECK(ec_public_key_load(&again, MutableBytes(g_scratch2), ByteView(g_enc, len)) ==
                      Status::ok);
    PETREL_FUZZ_CHECK(again.m_alg == key.m_alg);
    PETREL_FUZZ_CHECK(again.m_point.size() == key.m_point.size() &&
                      std::memcmp(again.m_point.data(), key.m_point.data(), key.m_point.size()) == 0);
  }
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  (void)ec_key_file_kind(in);
  EcPrivateKey priv;
  EcKeyProblem problem = EcKeyProblem::none;
  if (ec_private_key_load(&priv, in, &problem) == Status::ok) {
    PETREL_FUZZ_CHECK(problem == EcKeyProblem::none);
    check_private(priv);
    check_public(priv.public_part());
  } else {
    PETREL_FUZZ_CHECK(problem != EcKeyProblem::none);
  }
  EcPublicKey pub;
  if (ec_public_key_load(&pub, MutableBytes(g_scratch), in, &problem) == Status::ok) {
    check_public(pub);
    EcPublicKey direct;
    if (ec_public_key_from_spki(&direct, in) == Status::ok) {
      // DER input: canonical, so re-encoded byte for byte.
      size_t len = 0;
      PETREL_FUZZ_CHECK(ec_public_key_to_spki(MutableBytes(g_enc), &len, direct) == Status::ok);
      PETREL_FUZZ_CHECK(len == size && std::memcmp(g_enc, data, size) == 0);
    }
  }
  return 0;
}
