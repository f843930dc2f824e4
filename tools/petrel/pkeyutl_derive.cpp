// petrel pkeyutl -derive: key agreement as `openssl pkeyutl -derive -inkey KEY -peerkey PEER`:
// X25519 (RFC 7748 section 6.1; an all-zero result is refused) or ECDH on P-256/P-384
// (SP 800-56A 5.7.1.2, the x coordinate; the peer point is checked first). KEY is a private
// key file (SEC 1 or PKCS#8), PEER a public key (SPKI) or a private key file whose public key
// is taken; both must be of the same algorithm. The raw shared secret is written to -out (a new
// file created 0600: it is secret).
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/ec/ec.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/ec/x25519.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

int pkeyutl_derive(const char* cmd, const std::string& key_path, const std::string& peer_path,
                   int keyform, const std::string& out_path) {
  if (peer_path.empty()) {
    return fail(cmd, "-derive needs -peerkey FILE");
  }
  petrel::EcPrivateKey key;
  if (!load_ec_private_key(cmd, key_path, keyform, &key)) {
    return kExitFail;
  }
  petrel::EcPublicKey peer;
  std::vector<uint8_t> storage;
  if (!load_ec_public_key(cmd, peer_path, kFormAny, true, &peer, &storage)) {
    return kExitFail;
  }
  if (peer.m_alg != key.m_alg) {
    return fail(cmd, "the peer key is %s, the private key %s: they must be of the same curve",
                petrel::ec_key_alg_name(peer.m_alg), petrel::ec_key_alg_name(key.m_alg));
  }
  uint8_t secret[petrel::kEcMaxScalarSize];
  size_t len = 0;
  petrel::Status st = petrel::Status::ok;
  petrel::EcCurve c = petrel::EcCurve::p256;
  if (petrel::ec_key_alg_curve(key.m_alg, &c)) {
    len = petrel::ec_scalar_size(c);
    st = petrel::ec_ecdh(c, petrel::MutableBytes(secret, len), key.d(), peer.m_point);
  } else {
    len = petrel::kX25519KeySize;
    st = petrel::x25519(secret, key.m_d, peer.m_point.data());
  }
  if (st != petrel::Status::ok) {
    petrel::secure_wipe(secret, sizeof(secret));
    return fail(cmd, "key derivation failed: %s", st == petrel::Status::invalid_argument
                                                      ? "the peer's public key is invalid"
                                                      : petrel::status_name(st));
  }
  const bool ok = write_all(cmd, out_path, secret, len, FileMode::private_key);
  petrel::secure_wipe(secret, sizeof(secret));
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
