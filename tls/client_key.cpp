// RsaClientKey: an in-memory RSA key behind the ClientKey interface (tls/client.h).
// CertificateVerify signatures: PKCS#1 v1.5 (RFC 8017 8.2) with the scheme's hash, RSA-PSS with
// MGF1 over the same hash and salt = hash length (RFC 8446 4.2.3 rsa_pss_rsae_*), and for TLS
// 1.0/1.1 the 36-byte MD5 || SHA-1 digest without DigestInfo.
// EcClientKey: ECDSA (FIPS 186-4 6, crypto/ec/ecdsa.h, RFC 6979 nonces hedged with the Rng),
// DER signatures (RFC 8422 5.4); TLS 1.0/1.1 sign the SHA-1 half of MD5 || SHA-1 (RFC 4492 5.10).
#include "tls/client.h"

#include "crypto/util/build_config.h"

namespace petrel {
namespace tls {
namespace {

constexpr uint16_t kRsaSchemes[] = {kSigRsaPkcs1Sha256, kSigRsaPssRsaeSha256, kSigRsaPkcs1Sha384,
                                    kSigRsaPssRsaeSha384, kSigRsaPkcs1Sha1};
// PETREL_MINIMAL (no RSASSA-PSS, no SHA-384): PKCS#1 v1.5 with SHA-256 or SHA-1.
constexpr uint16_t kRsaSchemesMinimal[] = {kSigRsaPkcs1Sha256, kSigRsaPkcs1Sha1};
static_assert(!kMinimalBuild || (!kBuildRsaPss && !kBuildSha512),
              "kRsaSchemesMinimal assumes a minimal build has neither PSS nor SHA-384");

constexpr uint16_t kEcSchemes[] = {kSigEcdsaSecp256r1Sha256, kSigEcdsaSecp384r1Sha384,
                                   kSigEcdsaSha1};

}  // namespace

Span<const uint16_t> EcClientKey::schemes() const noexcept {
  return Span<const uint16_t>(kEcSchemes, sizeof(kEcSchemes) / sizeof(kEcSchemes[0]));
}

Status EcClientKey::sign(MutableBytes sig, size_t* sig_len, uint16_t scheme,
                         ByteView digest) noexcept {
  *sig_len = 0;
  EcCurve c = EcCurve::p256;
  if (!ec_key_alg_curve(m_key.m_alg, &c)) {
    return Status::invalid_argument;  // X25519 cannot sign
  }
  HashAlg h = HashAlg::sha256;
  switch (scheme) {
    case 0:
      if (digest.size() != 36) {
        return Status::invalid_argument;
      }
      digest = digest.subspan(16);  // the SHA-1 digest
      h = HashAlg::sha1;
      break;
    case kSigEcdsaSha1: h = HashAlg::sha1; break;
    case kSigEcdsaSecp256r1Sha256: h = HashAlg::sha256; break;
    case kSigEcdsaSecp384r1Sha384: h = HashAlg::sha384; break;
    default:
      return Status::unsupported;
  }
  return ecdsa_sign(c, sig, sig_len, m_key.d(), digest, h, &m_rng);
}

Span<const uint16_t> RsaClientKey::schemes() const noexcept {
  if (kMinimalBuild) {
    return Span<const uint16_t>(kRsaSchemesMinimal,
                                sizeof(kRsaSchemesMinimal) / sizeof(kRsaSchemesMinimal[0]));
  }
  return Span<const uint16_t>(kRsaSchemes, sizeof(kRsaSchemes) / sizeof(kRsaSchemes[0]));
}

Status RsaClientKey::sign(MutableBytes sig, size_t* sig_len, uint16_t scheme,
                          ByteView digest) noexcept {
  *sig_len = 0;
  if (sig.size() < m_key.size()) {
    return Status::buffer_too_small;
  }
  Status st;
  switch (scheme) {
    case 0:  // TLS 1.0/1.1: MD5 || SHA-1
      st = kBuildTls10 ? rsa_pkcs1_sign_md5sha1(sig, m_key, digest, m_rng) : Status::unsupported;
      break;
    case kSigRsaPkcs1Sha1:
      st = rsa_pkcs1_sign(sig, m_key, HashAlg::sha1, digest, m_rng);
      break;
    case kSigRsaPkcs1Sha256:
      st = rsa_pkcs1_sign(sig, m_key, HashAlg::sha256, digest, m_rng);
      break;
    case kSigRsaPkcs1Sha384:
      if (!kBuildSha512) {
        return Status::unsupported;
      }
      st = rsa_pkcs1_sign(sig, m_key, HashAlg::sha384, digest, m_rng);
      break;
    case kSigRsaPssRsaeSha256:
      if (!kBuildRsaPss) {
        return Status::unsupported;
      }
      st = rsa_pss_sign(sig, m_key, HashAlg::sha256, digest, m_rng);
      break;
    case kSigRsaPssRsaeSha384:
      if (!kBuildRsaPss || !kBuildSha512) {
        return Status::unsupported;
      }
      st = rsa_pss_sign(sig, m_key, HashAlg::sha384, digest, m_rng);
      break;
    default:
      return Status::unsupported;
  }
  if (st == Status::ok) {
    *sig_len = m_key.size();
  }
  return st;
}

}  // namespace tls
}  // namespace petrel
