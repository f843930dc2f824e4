// RsaClientKey: an in-memory RSA key behind the ClientKey interface (tls/client.h).
// CertificateVerify signatures: PKCS#1 v1.5 (RFC 8017 8.2) with the scheme's hash, RSA-PSS with
// MGF1 over the same hash and salt = hash length (RFC 8446 4.2.3 rsa_pss_rsae_*), and for TLS
// 1.0/1.1 the 36-byte MD5 || SHA-1 digest without DigestInfo.
#include "tls/client.h"

namespace petrel {
namespace tls {
namespace {

constexpr uint16_t kRsaSchemes[] = {kSigRsaPkcs1Sha256, kSigRsaPssRsaeSha256, kSigRsaPkcs1Sha384,
                                    kSigRsaPssRsaeSha384, kSigRsaPkcs1Sha1};

}  // namespace

Span<const uint16_t> RsaClientKey::schemes() const noexcept {
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
    case 0:
      st = rsa_pkcs1_sign_md5sha1(sig, m_key, digest, m_rng);
      break;
    case kSigRsaPkcs1Sha1:
      st = rsa_pkcs1_sign(sig, m_key, HashAlg::sha1, digest, m_rng);
      break;
    case kSigRsaPkcs1Sha256:
      st = rsa_pkcs1_sign(sig, m_key, HashAlg::sha256, digest, m_rng);
      break;
    case kSigRsaPkcs1Sha384:
      st = rsa_pkcs1_sign(sig, m_key, HashAlg::sha384, digest, m_rng);
      break;
    case kSigRsaPssRsaeSha256:
      st = rsa_pss_sign(sig, m_key, HashAlg::sha256, digest, m_rng);
      break;
    case kSigRsaPssRsaeSha384:
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
