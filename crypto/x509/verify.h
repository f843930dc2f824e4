// Certification path building and validation (RFC 5280 section 6, without revocation and policy
// processing), host name and IP address checks (RFC 6125), name constraints (RFC 5280
// 4.2.1.10). No heap: the path is an array of pointers to the caller's parsed certificates
// (or, with CandidateCert, to certificates parsed on the search's stack).
//
// Path building starts at the leaf and looks for issuers among the trust store's certificates
// first, then among the untrusted certificates the peer sent (any order, unrelated ones
// ignored). Candidates are certificates whose subject equals the issuer name; a candidate whose
// subjectKeyIdentifier contradicts the child's authorityKeyIdentifier is skipped, and those
// whose key identifier matches are tried first. The search backtracks: if a complete path fails
// validation, other candidates are tried, and the first failure is reported when none succeeds.
// A path ends at a trust anchor: a self-issued certificate of the store (byte-identical; with
// m_partial_chain any certificate of the store, as RFC 5280 allows and `openssl verify
// -partial_chain` does), or any certificate whose SubjectPublicKeyInfo SHA-256 is pinned in the
// store. A store certificate that is not an anchor may still serve as an intermediate. The anchor's own signature is not
// checked; its validity period, basicConstraints, keyUsage and name constraints are (as OpenSSL
// does), so a trust store can be the usual bundle of self-signed roots.
//
// Checks, in this order (the order of `openssl verify`, so the first error reported agrees):
//  1. for every certificate: no unknown critical extension; issuers are CAs (basicConstraints
//     cA, or a version 1 self-issued anchor) with keyCertSign if keyUsage is present; the
//     purpose (extendedKeyUsage of every certificate, when present, contains the one asked for;
//     the leaf's keyUsage allows it); pathLenConstraint;
//  2. key sizes (RSA at least min_rsa_bits; EC keys on P-256 or P-384, the curve's size at
//     least min_ec_bits; explicit EC parameters and other curves refused as unsupported_curve,
//     a point not on its curve as bad_ec_key) and signature algorithms (MD5 and SHA-1 refused
//     by default, as OpenSSL 3 does at its default security level 1);
//  3. the host name or IP address against the leaf's subjectAltName;
//  4. from the anchor down: each signature, and each validity period at the given time;
//  5. name constraints of every CA over the certificates below it.
// Public API (installed): the declarations here are stable; verify errors are only ever added.
#ifndef PETREL_CRYPTO_X509_VERIFY_H
#define PETREL_CRYPTO_X509_VERIFY_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/name_match.h"  // dns_name_matches, parse_ip_address, ...

namespace petrel {
namespace x509 {

constexpr size_t kMaxChainDepth = 8;      // certificates in a path, leaf and anchor included
// Every untrusted certificate passed is searched. The work is bounded by search steps: a step is
// one candidate whose subject equals the issuer name sought (the name comparisons over the
// store and the untrusted list that select candidates are not steps), and by complete paths
// validated. When a bound stops the search before a valid path is found, the result is
// VerifyError::search_limit, never a partial verdict.
constexpr size_t kMaxSearchSteps = 256;   // issuer candidates tried, over the whole search
constexpr size_t kMaxPathsValidated = 8;  // complete paths validated (signature work bound)

enum class VerifyError : uint8_t {
  ok = 0,
  invalid_argument,            // bad options (e.g. an IP address of the wrong length)
  unknown_issuer,              // no path to a trust anchor
  untrusted_root,              // the path ends at a self-issued certificate that is not trusted
  chain_too_long,              // a path would exceed max_depth certificates
  bad_signature,
  expired,
  not_yet_valid,
  not_ca,                      // an issuer without basicConstraints cA
  no_key_cert_sign,            // an issuer whose keyUsage lacks keyCertSign
  path_too_long,               // pathLenConstraint exceeded
  name_constraint,             // a name outside the permitted or inside the excluded subtrees
  wrong_purpose,               // extendedKeyUsage / keyUsage do not allow the purpose
  hostname_mismatch,
  ip_mismatch,
  weak_key,                    // RSA modulus shorter than min_rsa_bits
  weak_algorithm,              // MD5 (or SHA-1 when refused) signature
  unsupported_algorithm,       // a signature or key algorithm Petrel cannot verify
  unsupported_key,             // an RSA public exponent of more than 64 bits (see rsa.h)
  unknown_critical_extension,
  search_limit,                // the path search hit kMaxSearchSteps or kMaxPathsValidated
  unsupported_curve,           // an EC key with explicit parameters or on a curve other than
                               // P-256/P-384 (or a compressed point)
  bad_ec_key,                  // an EC key that is not a point of its curve
};

// A short, stable, lower-case name ("unknown_issuer").
const char* verify_error_name(VerifyError e) noexcept;
// A sentence for people ("certificate has expired").
const char* verify_error_text(VerifyError e) noexcept;

enum class Purpose : uint8_t { any, server_auth, client_auth };

struct TrustStore {
  Span<const Certificate> m_certs;
  Span<const uint8_t> m_spki_sha256;  // pins, 32 bytes each (size a multiple of 32)
};

struct VerifyOptions {
  int64_t m_time = 0;                 // seconds since the epoch
  Purpose m_purpose = Purpose::any;
  ByteView m_hostname;                // empty: no host name check
  ByteView m_ip;                      // 4 or 16 bytes; empty: no address check
  bool m_cn_fallback = false;         // match the host name against the subject CN when the
                                      // leaf has no dNSName (off by default, RFC 6125 6.4.4)
  bool m_allow_md5 = false;
  bool m_allow_sha1 = false;          // as OpenSSL 3 at security level 1 (SHA-1: 63 bits)
  size_t m_min_rsa_bits = 1024;
  size_t m_min_ec_bits = 256;         // EC keys: the curve's order size in bits (256 or 384)
  size_t m_max_depth = kMaxChainDepth;  // at most kMaxChainDepth
  bool m_partial_chain = false;       // every store certificate is an anchor, not only roots
};

struct VerifyResult {
  VerifyError m_error = VerifyError::ok;
  size_t m_depth = 0;                   // the certificate the error is about (0 = leaf)
  size_t m_path_len = 0;                // certificates in m_path (the accepted or refused path)
  const Certificate* m_path[kMaxChainDepth] = {};
  bool m_pinned_anchor = false;         // the path ends at a pinned key, not a store certificate
};

// Builds and validates a path for `leaf`. Returns out->m_error.
VerifyError verify_certificate(VerifyResult* out, const Certificate& leaf,
                               Span<const Certificate> untrusted, const TrustStore& store,
                               const VerifyOptions& options) noexcept;

// CandidateCert and make_candidate: cert.h.

// The same search and checks with the untrusted certificates as candidates: one is parsed again
// in full, into a Certificate on the stack of the search, only while the search has it on the
// path being tried (so the memory is one Certificate per level of that path, at most
// kMaxChainDepth - 1, not one per certificate sent); the price is one parse per search step
// (at most kMaxSearchSteps). m_der should be a certificate that parse_certificate() accepts
// (make_candidate's source); one that does not is never an issuer.
// The verdict, m_error and m_depth are those of the form above for the same certificates; in
// out->m_path, the entries of candidates are null on return (their Certificates are gone), those
// of the leaf and of store certificates are kept.
VerifyError verify_certificate(VerifyResult* out, const Certificate& leaf,
                               Span<const CandidateCert> untrusted, const TrustStore& store,
                               const VerifyOptions& options) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_VERIFY_H
