// What this build of the library contains, as compile-time constants (CMake option
// PETREL_MINIMAL, issue 10). The default build has everything. PETREL_MINIMAL=ON builds what a
// device client with RSA key exchange needs and nothing else, so that section garbage collection
// can drop the rest from a static link:
//   TLS 1.2 only; the RSA key-exchange suites with AES-GCM and AES-CBC (no ECDHE, no
//   ChaCha20-Poly1305, no RC4); RSA signatures only (no ECDSA in TLS or X.509, no elliptic
//   curves); no MD5 (TLS 1.0/1.1 PRF, MD5+SHA-1 signatures, RC4-MD5); one implementation per
//   algorithm: the portable constant-time ones (AES "ct", GHASH "ct"), no assembly, the SHA
//   block functions as compact loops; no SHA-384/512, no RSASSA-PSS, no error texts.
// The code paths of what is left out stay compiled (so both configurations keep building) but
// sit behind `if (kBuild...)` on these constants, which the optimizer removes; an API that is
// not built returns Status::unsupported, a suite that is not built is unknown (find_suite).
// Dispatch stays a plain chain: no #if around code, only this header reads the macro.
// Public API (installed): the constants' names are stable; their values are this build's.
#ifndef PETREL_CRYPTO_UTIL_BUILD_CONFIG_H
#define PETREL_CRYPTO_UTIL_BUILD_CONFIG_H

namespace petrel {

#if defined(PETREL_MINIMAL) && PETREL_MINIMAL
constexpr bool kMinimalBuild = true;
#else
constexpr bool kMinimalBuild = false;
#endif

// Elliptic curves: ECDHE (X25519, P-256, P-384) and ECDSA, in TLS and in X.509 verification.
constexpr bool kBuildEc = !kMinimalBuild;
// The ChaCha20-Poly1305 TLS suites.
constexpr bool kBuildChaCha20Poly1305Suites = !kMinimalBuild;
// The RC4 TLS suites (legacy).
constexpr bool kBuildRc4Suites = !kMinimalBuild;
// TLS 1.0 and 1.1, with what only they need: the MD5/SHA-1 PRF and MD5+SHA-1 signatures.
constexpr bool kBuildTls10 = !kMinimalBuild;
// MD5 in HashCtx, hash(), HMAC (TLS 1.0/1.1 and RC4-MD5; md5WithRSA certificates are refused
// by default anyway).
constexpr bool kBuildMd5 = !kMinimalBuild;
// The second, table-based implementations (not constant-time) beside the constant-time ones:
// AES "table", GHASH "table4".
constexpr bool kBuildTableVariants = !kMinimalBuild;
// The portable SHA block functions ("c32", "c64") as compact loops rather than unrolled
// (crypto/hash/hash_internal.h, hash_detail::*_blocks_compact): about 7 KB less on Thumb-2.
constexpr bool kCompactHashes = kMinimalBuild;
// SHA-384 and SHA-512 (HashCtx, hash(), HMAC give Status::unsupported without them), with what
// needs them: the SHA-384 TLS suites, the SHA-384 transcript, sha384/sha512 signature schemes
// and certificate signatures (refused as an unsupported algorithm).
constexpr bool kBuildSha512 = !kMinimalBuild;
// RSASSA-PSS (rsa_pss_sign/verify give Status::unsupported): PSS certificate signatures are
// refused as an unsupported algorithm, and the client key offers PKCS#1 v1.5 schemes only.
constexpr bool kBuildRsaPss = !kMinimalBuild;
// X.509 name constraints (RFC 5280 4.2.1.10). Without them (PETREL_MINIMAL) the extension is
// not parsed, and a path in which a CA certificate carries it, critical or not, is refused
// (VerifyError::unknown_critical_extension): never accepted unchecked.
constexpr bool kBuildNameConstraints = !kMinimalBuild;
// RFC 5280 7.1 name comparison (case-insensitive, whitespace-folded strings, attributes of an
// RDN in any order) in chain building. Without it (PETREL_MINIMAL) two names match only when
// their DER is identical (an issuer field copied from its CA's subject, as CAs issue them);
// another encoding of the same name finds no issuer (VerifyError::unknown_issuer): stricter.
constexpr bool kBuildNameCanonicalMatch = !kMinimalBuild;
// Session resumption (session IDs, RFC 5077 tickets; ClientConfig::m_session, m_session_out).
// Without it (PETREL_MINIMAL) init() refuses a configuration that sets m_session or
// m_session_out, no ticket is offered (m_offer_tickets is ignored) and every handshake is full.
constexpr bool kBuildResumption = !kMinimalBuild;
// The error texts (tls::Client::error_text(), error_name(), alert_name(), the I/O drivers'
// error_text()). Without them (PETREL_MINIMAL) every such text is kNoErrorText and the codes
// say what failed: tls::Client::error(), alert_received(), verify_error(), IoStatus.
constexpr bool kBuildErrorTexts = !kMinimalBuild;
constexpr const char* kNoErrorText = "no error texts in this build (PETREL_MINIMAL): see the error codes";
// `text`, or kNoErrorText in a build without error texts; inlined, so that the literal is not
// emitted there. Every error literal of the library goes through it.
constexpr const char* errtext(const char* text) noexcept {
  return kBuildErrorTexts ? text : kNoErrorText;
}

}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_BUILD_CONFIG_H
