// The client's key exchanges (tls/key_exchange.h).
//   RSA (RFC 5246 7.4.7.1): a 48-byte premaster secret, client_version followed by 46 random
//   bytes, encrypted with PKCS#1 v1.5 to the server's certificate key.
//   ECDHE_RSA and ECDHE_ECDSA (RFC 8422 5.4 and 5.7) over X25519 (RFC 7748) or secp256r1
//   (SP 800-56A ECDH, the x coordinate, RFC 8422 5.10): the server's signed ephemeral key, the
//   client's ephemeral key pair made at ClientKeyExchange, the shared secret as premaster.
//   ECDSA signatures of ServerKeyExchange (RFC 8422 5.4) are checked with crypto/ec/ecdsa.h.
#include "tls/key_exchange.h"

#include <cstring>

#include "crypto/ec/ec.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/ec/x25519.h"
#include "crypto/util/build_config.h"
#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/util/wipe.h"
#include "tls/client.h"
#include "tls/messages.h"

namespace petrel {
namespace tls {
namespace {

constexpr uint16_t kGroups[] = {kGroupX25519, kGroupSecp256r1, kGroupSecp384r1};

bool nist_group(uint16_t g, EcCurve* c) noexcept {
  if (g == kGroupSecp256r1) {
    *c = EcCurve::p256;
    return true;
  }
  if (g == kGroupSecp384r1) {
    *c = EcCurve::p384;
    return true;
  }
  return false;
}

bool offered(Span<const uint16_t> list, uint16_t v) noexcept {
  for (uint16_t x : list) {
    if (x == v) {
      return true;
    }
  }
  return false;
}

// Verifies the ECDSA signature of a ServerKeyExchange (RFC 8422 5.4): the hash of
// client_random || server_random || params by the scheme (TLS 1.2; the curve in the scheme's
// name is not binding in TLS 1.2) or SHA-1 (scheme 0: TLS 1.0/1.1, RFC 4492 5.4).
Status verify_params_ecdsa(const KeyExchangeInput& in, uint16_t scheme, ByteView params,
                           ByteView sig, const char** why) noexcept {
  EcPublicKey key;
  EcCurve c = EcCurve::p256;
  if (ec_public_key_from_spki(&key, in.m_peer_spki) != Status::ok ||
      !ec_key_alg_curve(key.m_alg, &c)) {
    *why = errtext("the server's EC key cannot be loaded");
    return Status::invalid_argument;
  }
  HashAlg alg = HashAlg::sha256;
  switch (scheme) {
    case 0:
    case kSigEcdsaSha1: alg = HashAlg::sha1; break;
    case kSigEcdsaSecp256r1Sha256: alg = HashAlg::sha256; break;
    case kSigEcdsaSecp384r1Sha384: alg = HashAlg::sha384; break;
    case kSigEcdsaSecp521r1Sha512: alg = HashAlg::sha512; break;
    default:
      *why = errtext("the server signed its key exchange with a scheme that needs a non-ECDSA key");
      return Status::invalid_argument;
  }
  HashCtx h;
  if (h.init(alg) != Status::ok) {
    return Status::internal_error;
  }
  h.update(in.m_client_random);
  h.update(in.m_server_random);
  h.update(params);
  uint8_t digest[kMaxDigestSize];
  const size_t len = h.digest_size();
  if (h.final(MutableBytes(digest, len)) != Status::ok) {
    return Status::internal_error;
  }
  if (ecdsa_verify(c, key.m_point, ByteView(digest, len), sig) != Status::ok) {
    *why = errtext("the signature of the server's key exchange does not verify");
    return Status::auth_failed;
  }
  return Status::ok;
}

// Verifies the RSA signature of a ServerKeyExchange over client_random || server_random ||
// params with the certificate key.
Status verify_params_with(const RsaPublicKeyBase& key, const KeyExchangeInput& in,
                          uint16_t scheme, ByteView params, ByteView sig,
                          const char** why) noexcept {
  HashAlg alg = HashAlg::sha256;
  bool pss = false;
  switch (scheme) {
    case 0:
      break;  // TLS 1.0/1.1: MD5 || SHA-1
    case kSigRsaPkcs1Sha1: alg = HashAlg::sha1; break;
    case kSigRsaPkcs1Sha256: alg = HashAlg::sha256; break;
    case kSigRsaPkcs1Sha384: alg = HashAlg::sha384; break;
    case kSigRsaPkcs1Sha512: alg = HashAlg::sha512; break;
    case kSigRsaPssRsaeSha256: alg = HashAlg::sha256; pss = true; break;
    case kSigRsaPssRsaeSha384: alg = HashAlg::sha384; pss = true; break;
    case kSigRsaPssRsaeSha512: alg = HashAlg::sha512; pss = true; break;
    default:
      *why = errtext("the server signed its key exchange with a scheme that needs a non-RSA key");
      return Status::invalid_argument;
  }
  uint8_t digest[36 > kMaxDigestSize ? 36 : kMaxDigestSize];
  Status st;
  if (scheme == 0) {
    HashCtx md5;
    HashCtx sha1;
    if (md5.init(HashAlg::md5) != Status::ok || sha1.init(HashAlg::sha1) != Status::ok) {
      return Status::internal_error;
    }
    md5.update(in.m_client_random);
    md5.update(in.m_server_random);
    md5.update(params);
    sha1.update(in.m_client_random);
    sha1.update(in.m_server_random);
    sha1.update(params);
    if (md5.final(MutableBytes(digest, 16)) != Status::ok ||
        sha1.final(MutableBytes(digest + 16, 20)) != Status::ok) {
      return Status::internal_error;
    }
    st = rsa_pkcs1_verify_md5sha1(key, ByteView(digest, 36), sig);
  } else {
    HashCtx h;
    if (h.init(alg) != Status::ok) {
      return Status::internal_error;
    }
    h.update(in.m_client_random);
    h.update(in.m_server_random);
    h.update(params);
    size_t len = h.digest_size();
    if (h.final(MutableBytes(digest, len)) != Status::ok) {
      return Status::internal_error;
    }
    st = pss ? rsa_pss_verify(key, alg, ByteView(digest, len), sig, len)
             : rsa_pkcs1_verify(key, alg, ByteView(digest, len), sig);
  }
  if (st != Status::ok) {
    *why = errtext("the signature of the server's key exchange does not verify");
    return Status::auth_failed;
  }
  return Status::ok;
}

// The key is loaded in storage of its size class (rsa_key_files.h with_rsa_public_key), on the stack
// only while the signature is checked.
Status verify_params(const KeyExchangeInput& in, uint16_t scheme, ByteView params, ByteView sig,
                     const char** why) noexcept {
  if (in.m_kind == KeyExchange::ecdhe_ecdsa) {
    return verify_params_ecdsa(in, scheme, params, sig, why);
  }
  bool loaded = false;
  const Status st =
      with_rsa_public_key_spki(in.m_peer_spki, 0, [&](const RsaPublicKeyBase& key) {
        loaded = true;
        return verify_params_with(key, in, scheme, params, sig, why);
      });
  if (!loaded) {
    *why = errtext("the server's RSA key cannot be loaded");
    return Status::invalid_argument;
  }
  return st;
}

}  // namespace

Span<const uint16_t> kx_offered_groups() noexcept {
  return Span<const uint16_t>(kGroups, sizeof(kGroups) / sizeof(kGroups[0]));
}

bool kx_needs_server_key_exchange(KeyExchange kind) noexcept {
  switch (kind) {
    case KeyExchange::rsa:
      return false;
    case KeyExchange::ecdhe_rsa:
    case KeyExchange::ecdhe_ecdsa:
      return true;
  }
  return false;
}

Status kx_check_server_certificate(KeyExchange kind, const x509::Certificate& leaf,
                                   const char** why) noexcept {
  if (kind == KeyExchange::ecdhe_ecdsa) {
    if (leaf.m_key.m_info.m_type != x509::KeyType::ec || leaf.m_key.m_ec_status != Status::ok ||
        leaf.m_key.m_ec.m_alg == EcKeyAlg::x25519) {
      *why = errtext("the server certificate's key is not a P-256/P-384 key (ECDHE_ECDSA)");
      return Status::unsupported;
    }
    if ((leaf.m_extensions & x509::kExtKeyUsage) != 0 &&
        (leaf.m_key_usage & x509::kKuDigitalSignature) == 0) {
      *why = errtext("the server certificate's keyUsage does not allow digitalSignature (ECDHE_ECDSA)");
      return Status::unsupported;
    }
    return Status::ok;
  }
  if (leaf.m_key.m_info.m_type != x509::KeyType::rsa) {
    *why = errtext("the server certificate's key is not an RSA key (only RSA certificates are supported)");
    return Status::unsupported;
  }
  bool has_ku = (leaf.m_extensions & x509::kExtKeyUsage) != 0;
  switch (kind) {
    case KeyExchange::rsa:
      if (has_ku && (leaf.m_key_usage & x509::kKuKeyEncipherment) == 0) {
        *why = errtext("the server certificate's keyUsage does not allow keyEncipherment (RSA key exchange)");
        return Status::unsupported;
      }
      return Status::ok;
    case KeyExchange::ecdhe_rsa:
      if (has_ku && (leaf.m_key_usage & x509::kKuDigitalSignature) == 0) {
        *why = errtext("the server certificate's keyUsage does not allow digitalSignature (ECDHE_RSA)");
        return Status::unsupported;
      }
      return Status::ok;
    case KeyExchange::ecdhe_ecdsa:
      break;
  }
  *why = errtext("unknown key exchange");
  return Status::unsupported;
}

Status kx_process_server_key_exchange(KeyExchangeState* state, ByteView body,
                                      const KeyExchangeInput& in, uint8_t* alert,
                                      const char** why) noexcept {
  *state = KeyExchangeState();
  if (!kBuildEc) {  // only ECDHE sends one; this build has none (PETREL_MINIMAL)
    *alert = static_cast<uint8_t>(Alert::unexpected_message);
    *why = errtext("ServerKeyExchange, but this build has no ECDHE");
    return Status::unsupported;
  }
  ServerKeyExchangeEcdhe ske;
  if (parse_server_key_exchange_ecdhe(&ske, in.m_version, body) != Status::ok) {
    *alert = static_cast<uint8_t>(Alert::decode_error);
    *why = errtext("malformed ServerKeyExchange");
    return Status::decode_error;
  }
  if (!offered(kx_offered_groups(), ske.m_group)) {
    *alert = static_cast<uint8_t>(Alert::illegal_parameter);
    *why = errtext("the server chose an elliptic-curve group that was not offered");
    return Status::invalid_argument;
  }
  if (ske.m_group == kGroupX25519 && ske.m_point.size() != kX25519KeySize) {
    *alert = static_cast<uint8_t>(Alert::illegal_parameter);
    *why = errtext("the server's X25519 key is not 32 bytes");
    return Status::invalid_argument;
  }
  EcCurve curve = EcCurve::p256;
  if (nist_group(ske.m_group, &curve) && ec_point_check(curve, ske.m_point) != Status::ok) {
    *alert = static_cast<uint8_t>(Alert::illegal_parameter);
    *why = errtext("the server's P-256/P-384 key is not an uncompressed point of the curve");
    return Status::invalid_argument;
  }
  if (in.m_version >= kTls12 && !offered(in.m_sig_schemes, ske.m_scheme)) {
    *alert = static_cast<uint8_t>(Alert::illegal_parameter);
    *why = errtext("the server signed its key exchange with a scheme that was not offered");
    return Status::invalid_argument;
  }
  Status st = verify_params(in, in.m_version >= kTls12 ? ske.m_scheme : 0, ske.m_params,
                            ske.m_signature, why);
  if (st != Status::ok) {
    *alert = static_cast<uint8_t>(st == Status::auth_failed ? Alert::decrypt_error
                                                            : Alert::illegal_parameter);
    return st;
  }
  state->m_group = ske.m_group;
  std::memcpy(state->m_peer_point, ske.m_point.data(), ske.m_point.size());
  state->m_peer_point_len = ske.m_point.size();
  return Status::ok;
}

Status kx_write_client_key_exchange(Writer* w, MutableBytes premaster, size_t* premaster_len,
                                    const KeyExchangeState& state,
                                    const KeyExchangeInput& in) noexcept {
  *premaster_len = 0;
  if (premaster.size() < kMaxPremasterSize) {
    return Status::invalid_argument;
  }
  EcCurve curve = EcCurve::p256;
  const bool ecdhe =
      kBuildEc && (in.m_kind == KeyExchange::ecdhe_rsa || in.m_kind == KeyExchange::ecdhe_ecdsa);
  if (ecdhe && nist_group(state.m_group, &curve)) {
    const size_t n = ec_scalar_size(curve);
    const size_t pn = ec_point_size(curve);
    uint8_t priv[kEcMaxScalarSize];
    uint8_t pub[kEcMaxPointSize];
    const ByteView peer(state.m_peer_point, state.m_peer_point_len);
    Status st = ec_generate_key(curve, MutableBytes(priv, n), MutableBytes(pub, pn), *in.m_rng);
    if (st == Status::ok) {
      st = ec_ecdh(curve, premaster.first(n), ByteView(priv, n), peer);
    }
    secure_wipe(priv, sizeof(priv));
    if (st != Status::ok) {
      secure_wipe(premaster.data(), n);
      return st;
    }
    write_client_key_exchange_ecdhe(w, ByteView(pub, pn));
    *premaster_len = n;
    return Status::ok;
  }
  if (ecdhe) {
    if (state.m_group != kGroupX25519 || state.m_peer_point_len != kX25519KeySize) {
      return Status::invalid_argument;
    }
    uint8_t priv[kX25519KeySize];
    uint8_t pub[kX25519KeySize];
    Status st = x25519_keypair(pub, priv, *in.m_rng);
    if (st == Status::ok) {
      // invalid_argument here is the all-zero shared secret (a low-order server point).
      st = x25519(premaster.data(), priv, state.m_peer_point);
    }
    secure_wipe(priv, sizeof(priv));
    if (st != Status::ok) {
      secure_wipe(premaster.data(), kX25519KeySize);
      return st;
    }
    write_client_key_exchange_ecdhe(w, ByteView(pub, sizeof(pub)));
    *premaster_len = kX25519KeySize;
    return Status::ok;
  }
  if (in.m_kind != KeyExchange::rsa) {
    return Status::invalid_argument;
  }
  // The server's key in storage of its size class (rsa_key_files.h), on the stack only while the
  // premaster secret is encrypted.
  return with_rsa_public_key_spki(in.m_peer_spki, 0, [&](const RsaPublicKeyBase& key) {
    premaster[0] = static_cast<uint8_t>(in.m_client_version >> 8);
    premaster[1] = static_cast<uint8_t>(in.m_client_version);
    Status st = in.m_rng->generate(premaster.subspan(2, 46));
    if (st != Status::ok) {
      secure_wipe(premaster.data(), 48);
      return st;
    }
    uint8_t enc[kRsaMaxModulusBytes];
    st = rsa_pkcs1_encrypt(MutableBytes(enc, sizeof(enc)), key, premaster.first(48), *in.m_rng);
    if (st != Status::ok) {
      secure_wipe(premaster.data(), 48);
      return st;
    }
    write_client_key_exchange_rsa(w, ByteView(enc, key.size()));
    *premaster_len = 48;
    return Status::ok;
  });
}

}  // namespace tls
}  // namespace petrel
