// Fuzz target "rsa_keys": crypto/rsa/rsa_key_files.h on arbitrary bytes as a key file. Aims at
// rsa_key_file_kind, rsa_private_key_load and rsa_public_key_load (PEM and DER detection, the
// PEM reader), rsa_private_key_from_pkcs1 / _from_pkcs8, rsa_public_key_from_pkcs1 / _from_spki
// (strict DER, PrivateKeyInfo attributes and version 1), RsaPublicKey::set and
// RsaPrivateKey::set (the value checks: p * q = n, qinv, ranges), and the writers
// rsa_*_key_to_pkcs1 / _to_pkcs8 / _to_spki and rsa_*_key_write (DER and PEM).
// Keys load with kRsaAllowSmallModulus (256-bit moduli and up: faster, and more of the value
// checks reachable).
// Properties: a key that loads re-encodes in every encoding of its kind (DER and PEM) and loads
// again with the same n, e (and d, p, q, dp, dq, qinv); a loader that accepts agrees with the
// direct from_* reader and with rsa_key_file_kind; a PKCS#1 or SPKI DER input that loads is
// re-encoded byte for byte (DER is canonical, the readers are strict).
#include <cstring>
#include <initializer_list>

#include "crypto/rsa/rsa_key_files.h"
#include "fuzz/driver.h"

using namespace petrel;

namespace {

constexpr uint32_t kFlags = kRsaAllowSmallModulus;
uint8_t g_enc[kRsaMaxPrivateKeyPemLen];
uint8_t g_a[kRsaMaxModulusBytes];
uint8_t g_b[kRsaMaxModulusBytes];

bool same_public(const RsaPublicKey& x, const RsaPublicKey& y) {
  for (RsaPart part : {RsaPart::n, RsaPart::e}) {
    size_t la = 0;
    size_t lb = 0;
    PETREL_FUZZ_CHECK(x.export_part(part, MutableBytes(g_a), &la) == Status::ok);
    PETREL_FUZZ_CHECK(y.export_part(part, MutableBytes(g_b), &lb) == Status::ok);
    if (la != lb || std::memcmp(g_a, g_b, la) != 0) {
      return false;
    }
  }
  return true;
}

bool same_private(const RsaPrivateKey& x, const RsaPrivateKey& y) {
  for (RsaPart part : {RsaPart::n, RsaPart::e, RsaPart::d, RsaPart::p, RsaPart::q, RsaPart::dp,
                       RsaPart::dq, RsaPart::qinv}) {
    size_t la = 0;
    size_t lb = 0;
    const Status sa = x.export_part(part, MutableBytes(g_a), &la);
    const Status sb = y.export_part(part, MutableBytes(g_b), &lb);
    PETREL_FUZZ_CHECK(sa == sb);
    if (sa == Status::ok && (la != lb || std::memcmp(g_a, g_b, la) != 0)) {
      return false;
    }
  }
  return true;
}

void check_public(const RsaPublicKey& key, ByteView in, RsaKeyFile kind, bool pem_in) {
  for (RsaKeyFile k : {RsaKeyFile::pkcs1_public, RsaKeyFile::spki_public}) {
    for (bool pem : {false, true}) {
      size_t len = 0;
      PETREL_FUZZ_CHECK(rsa_public_key_write(MutableBytes(g_enc), &len, key, k, pem) ==
                        Status::ok);
      PETREL_FUZZ_CHECK(len <= (pem ? kRsaMaxPublicKeyPemLen : kRsaMaxPublicKeyDerLen));
      RsaPublicKey again;
      RsaKeyFile kind2 = RsaKeyFile::unknown;
      PETREL_FUZZ_CHECK(rsa_public_key_load(&again, ByteView(g_enc, len), kFlags, &kind2) ==
                        Status::ok);
      PETREL_FUZZ_CHECK(kind2 == k);
      PETREL_FUZZ_CHECK(same_public(key, again));
      if (!pem && !pem_in && k == kind) {
        PETREL_FUZZ_CHECK(len == in.size() && std::memcmp(g_enc, in.data(), len) == 0);
      }
    }
  }
  size_t len = 0;
  PETREL_FUZZ_CHECK(rsa_public_key_to_spki(MutableBytes(g_enc), &len, key) == Status::ok);
  RsaPublicKey again;
  PETREL_FUZZ_CHECK(rsa_public_key_from_spki(&again, ByteView(g_enc, len), kFlags) == Status::ok);
  PETREL_FUZZ_CHECK(same_public(key, again));
  PETREL_FUZZ_CHECK(rsa_public_key_to_pkcs1(MutableBytes(g_enc), &len, key) == Status::ok);
  PETREL_FUZZ_CHECK(rsa_public_key_from_pkcs1(&again, ByteView(g_enc, len), kFlags) ==
                    Status::ok);
  PETREL_FUZZ_CHECK(same_public(key, again));
}

void check_private(const RsaPrivateKey& key, ByteView in, RsaKeyFile kind, bool pem_in) {
  for (RsaKeyFile k : {RsaKeyFile::pkcs1_private, RsaKeyFile::pkcs8_private}) {
    for (bool pem : {false, true}) {
      size_t len = 0;
      PETREL_FUZZ_CHECK(rsa_private_key_write(MutableBytes(g_enc), &len, key, k, pem) ==
                        Status::ok);
      PETREL_FUZZ_CHECK(len <= (pem ? kRsaMaxPrivateKeyPemLen : kRsaMaxPrivateKeyDerLen));
      RsaPrivateKey again;
      RsaKeyFile kind2 = RsaKeyFile::unknown;
      PETREL_FUZZ_CHECK(rsa_private_key_load(&again, ByteView(g_enc, len), kFlags, &kind2) ==
                        Status::ok);
      PETREL_FUZZ_CHECK(kind2 == k);
      PETREL_FUZZ_CHECK(same_private(key, again));
      if (!pem && !pem_in && k == kind && k == RsaKeyFile::pkcs1_private) {
        PETREL_FUZZ_CHECK(len == in.size() && std::memcmp(g_enc, in.data(), len) == 0);
      }
    }
  }
  size_t len = 0;
  RsaPrivateKey again;
  PETREL_FUZZ_CHECK(rsa_private_key_to_pkcs1(MutableBytes(g_enc), &len, key) == Status::ok);
  PETREL_FUZZ_CHECK(rsa_private_key_from_pkcs1(&again, ByteView(g_enc, len), kFlags) ==
                    Status::ok);
  PETREL_FUZZ_CHECK(same_private(key, again));
  PETREL_FUZZ_CHECK(rsa_private_key_to_pkcs8(MutableBytes(g_enc), &len, key) == Status::ok);
  PETREL_FUZZ_CHECK(rsa_private_key_from_pkcs8(&again, ByteView(g_enc, len), kFlags) ==
                    Status::ok);
  PETREL_FUZZ_CHECK(same_private(key, again));
  // A private kind written as a public one gives the public part.
  PETREL_FUZZ_CHECK(rsa_private_key_write(MutableBytes(g_enc), &len, key, RsaKeyFile::spki_public,
                                          false) == Status::ok);
  RsaPublicKey pub;
  PETREL_FUZZ_CHECK(rsa_public_key_from_spki(&pub, ByteView(g_enc, len), kFlags) == Status::ok);
  PETREL_FUZZ_CHECK(same_public(key.public_key(), pub));
  check_public(key.public_key(), in, RsaKeyFile::unknown, true);
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  const RsaKeyFile shape = rsa_key_file_kind(in);
  (void)rsa_key_file_name(shape);
  (void)rsa_key_file_pem_label(shape);

  RsaPrivateKey priv;
  RsaKeyFile kind = RsaKeyFile::unknown;
  if (rsa_private_key_load(&priv, in, kFlags, &kind) == Status::ok) {
    PETREL_FUZZ_CHECK(priv.is_set());
    PETREL_FUZZ_CHECK(kind == RsaKeyFile::pkcs1_private || kind == RsaKeyFile::pkcs8_private);
    // The loaders take PEM too (with text around it): byte-for-byte comparison only below, where
    // the direct DER readers accepted the input.
    check_private(priv, in, kind, true);
  }
  RsaPublicKey pub;
  kind = RsaKeyFile::unknown;
  if (rsa_public_key_load(&pub, in, kFlags, &kind) == Status::ok) {
    PETREL_FUZZ_CHECK(pub.is_set());
    PETREL_FUZZ_CHECK(kind == RsaKeyFile::pkcs1_public || kind == RsaKeyFile::spki_public);
    check_public(pub, in, kind, true);
  }

  // The direct readers on the raw bytes: whatever they accept round-trips too, and a DER input
  // that one accepts is what the loader calls it.
  RsaPrivateKey p2;
  if (rsa_private_key_from_pkcs1(&p2, in, kFlags) == Status::ok) {
    PETREL_FUZZ_CHECK(shape == RsaKeyFile::pkcs1_private);
    check_private(p2, in, RsaKeyFile::pkcs1_private, false);
  }
  if (rsa_private_key_from_pkcs8(&p2, in, kFlags) == Status::ok) {
    PETREL_FUZZ_CHECK(shape == RsaKeyFile::pkcs8_private);
    check_private(p2, in, RsaKeyFile::pkcs8_private, false);
  }
  RsaPublicKey q2;
  if (rsa_public_key_from_pkcs1(&q2, in, kFlags) == Status::ok) {
    PETREL_FUZZ_CHECK(shape == RsaKeyFile::pkcs1_public);
    check_public(q2, in, RsaKeyFile::pkcs1_public, false);
  }
  if (rsa_public_key_from_spki(&q2, in, kFlags) == Status::ok) {
    PETREL_FUZZ_CHECK(shape == RsaKeyFile::spki_public);
    check_public(q2, in, RsaKeyFile::spki_public, false);
  }
  return 0;
}
