// petrel dgst -sign/-verify/-prverify with an EC key: ECDSA (FIPS 186-4 6; crypto/ec/ecdsa.h)
// over the file's digest, the signature a DER Ecdsa-Sig-Value (RFC 3279 2.2.3) as `openssl dgst
// -sign` writes it. Signing uses RFC 6979 deterministic nonces hedged with 32 bytes of
// default_rng() (RFC 6979 section 3.6). X25519 keys cannot sign.
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/ec/ecdsa.h"
#include "crypto/rand/rng.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

int dgst_ec_sign_verify(const char* cmd, const std::string& key_path, bool sign, bool from_private,
                        const std::string& sig_path, int keyform, petrel::HashAlg alg,
                        const uint8_t* digest, size_t digest_len, const std::string& out_path) {
  if (alg == petrel::HashAlg::md5) {
    return fail(cmd, "ECDSA with MD5 is not supported");
  }
  const petrel::ByteView dv(digest, digest_len);
  petrel::EcCurve c = petrel::EcCurve::p256;
  if (sign) {
    if (!sig_path.empty()) {
      return fail(cmd, "-signature is for verification");
    }
    petrel::EcPrivateKey key;
    if (!load_ec_private_key(cmd, key_path, keyform, &key)) {
      return kExitFail;
    }
    if (!petrel::ec_key_alg_curve(key.m_alg, &c)) {
      return fail(cmd, "%s: an X25519 key cannot sign", input_name(key_path).c_str());
    }
    uint8_t sig[petrel::kEcdsaMaxSignatureSize];
    size_t len = 0;
    const petrel::Status st = petrel::ecdsa_sign(c, petrel::MutableBytes(sig, sizeof(sig)), &len,
                                                 key.d(), dv, alg, &petrel::default_rng());
    if (st != petrel::Status::ok) {
      return fail(cmd, "signing failed: %s", petrel::status_name(st));
    }
    return write_all(cmd, out_path, sig, len) ? kExitOk : kExitFail;
  }
  if (sig_path.empty()) {
    return fail(cmd, "no signature to verify (-signature FILE)");
  }
  petrel::EcPublicKey pub;
  std::vector<uint8_t> storage;
  if (!load_ec_public_key(cmd, key_path, keyform, from_private, &pub, &storage)) {
    return kExitFail;
  }
  if (!petrel::ec_key_alg_curve(pub.m_alg, &c)) {
    return fail(cmd, "%s: an X25519 key cannot verify signatures", input_name(key_path).c_str());
  }
  std::vector<uint8_t> sig;
  std::string err;
  if (!read_whole(sig_path, kObjectLimit, Secret::no, &sig, &err)) {
    return fail(cmd, "%s", err.c_str());
  }
  const petrel::Status st =
      petrel::ecdsa_verify(c, pub.m_point, dv, petrel::ByteView(sig.data(), sig.size()));
  const std::string text = st == petrel::Status::ok ? "Verified OK\n" : "Verification failure\n";
  if (!write_all(cmd, out_path, reinterpret_cast<const uint8_t*>(text.data()), text.size())) {
    return kExitFail;
  }
  return st == petrel::Status::ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
