/*
 * Certification path building and validation: RFC 5280 section 6.1 (basic path validation,
 * without revocation and policy processing). The name checks (RFC 6125 host names, RFC 5280
 * 4.2.1.10 name constraints) are in name_match.cpp. The order of
 * the checks follows OpenSSL's X509_verify_cert so that the first error agrees with `openssl
 * verify`. Bounded depth-first search over caller-parsed certificates; no heap. Not
 * constant-time: certificates and names are public.
 */
#include "crypto/x509/verify.h"

#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/hash/hash.h"
#include "crypto/util/build_config.h"
#include "crypto/x509/internal.h"
#include "crypto/x509/name_match.h"

namespace petrel {
namespace x509 {
using asn1::oid_equal;
using internal::same_bytes;

const char* verify_error_name(VerifyError e) noexcept {
  switch (e) {
    case VerifyError::ok: return "ok";
    case VerifyError::invalid_argument: return "invalid_argument";
    case VerifyError::unknown_issuer: return "unknown_issuer";
    case VerifyError::untrusted_root: return "untrusted_root";
    case VerifyError::chain_too_long: return "chain_too_long";
    case VerifyError::bad_signature: return "bad_signature";
    case VerifyError::expired: return "expired";
    case VerifyError::not_yet_valid: return "not_yet_valid";
    case VerifyError::not_ca: return "not_ca";
    case VerifyError::no_key_cert_sign: return "no_key_cert_sign";
    case VerifyError::path_too_long: return "path_too_long";
    case VerifyError::name_constraint: return "name_constraint";
    case VerifyError::wrong_purpose: return "wrong_purpose";
    case VerifyError::hostname_mismatch: return "hostname_mismatch";
    case VerifyError::ip_mismatch: return "ip_mismatch";
    case VerifyError::weak_key: return "weak_key";
    case VerifyError::weak_algorithm: return "weak_algorithm";
    case VerifyError::unsupported_algorithm: return "unsupported_algorithm";
    case VerifyError::unsupported_key: return "unsupported_key";
    case VerifyError::unknown_critical_extension: return "unknown_critical_extension";
    case VerifyError::search_limit: return "search_limit";
    case VerifyError::unsupported_curve: return "unsupported_curve";
    case VerifyError::bad_ec_key: return "bad_ec_key";
  }
  return "unknown_error";
}

const char* verify_error_text(VerifyError e) noexcept {
  switch (e) {
    case VerifyError::ok: return "ok";
    case VerifyError::invalid_argument: return "invalid verification options";
    case VerifyError::unknown_issuer: return "unable to get local issuer certificate";
    case VerifyError::untrusted_root: return "self-signed certificate not trusted";
    case VerifyError::chain_too_long: return "certificate chain too long";
    case VerifyError::bad_signature: return "certificate signature failure";
    case VerifyError::expired: return "certificate has expired";
    case VerifyError::not_yet_valid: return "certificate is not yet valid";
    case VerifyError::not_ca: return "issuer is not a CA certificate";
    case VerifyError::no_key_cert_sign: return "issuer key usage does not allow certificate signing";
    case VerifyError::path_too_long: return "path length constraint exceeded";
    case VerifyError::name_constraint: return "name constraints violated";
    case VerifyError::wrong_purpose: return "unsupported certificate purpose";
    case VerifyError::hostname_mismatch: return "hostname mismatch";
    case VerifyError::ip_mismatch: return "IP address mismatch";
    case VerifyError::weak_key: return "key too small";
    case VerifyError::weak_algorithm: return "signature algorithm too weak";
    case VerifyError::unsupported_algorithm: return "unsupported signature or key algorithm";
    case VerifyError::unsupported_key: return "RSA public exponent over 64 bits not supported";
    case VerifyError::unknown_critical_extension: return "unhandled critical extension";
    case VerifyError::search_limit: return "certificate path search limit reached";
    case VerifyError::unsupported_curve:
      return "EC key with explicit parameters or on a curve other than P-256/P-384 not supported";
    case VerifyError::bad_ec_key: return "EC public key is not a point of its curve";
  }
  return "unknown error";
}

// ---- path validation ---------------------------------------------------------------------------

namespace {

struct Search {
  const Certificate* path[kMaxChainDepth];
  size_t len;
  Span<const Certificate> untrusted;
  Span<const CandidateCert> candidates;  // used instead of `untrusted` when use_candidates
  bool use_candidates;
  const TrustStore* store;
  const VerifyOptions* opts;
  size_t steps;
  size_t validated;
  bool depth_hit;
  bool limit_hit;  // kMaxSearchSteps or kMaxPathsValidated stopped the search
  // The first refused complete path, or the longest incomplete one.
  VerifyResult first_failure;
  bool have_failure;
  const Certificate* longest[kMaxChainDepth];
  size_t longest_len;
  bool longest_top_self_issued;  // read when the search is over (its top may be gone then)
};

bool in_store(const TrustStore& store, const Certificate& c) {
  for (const Certificate& a : store.m_certs) {
    if (same_bytes(a.m_der, c.m_der)) {
      return true;
    }
  }
  return false;
}

bool pinned(const TrustStore& store, const Certificate& c) {
  const size_t n = store.m_spki_sha256.size() / 32;
  if (n == 0) {
    return false;
  }
  uint8_t h[32];
  if (spki_sha256(h, c) != Status::ok) {
    return false;
  }
  for (size_t i = 0; i < n; i++) {
    if (std::memcmp(store.m_spki_sha256.data() + 32 * i, h, 32) == 0) {
      return true;
    }
  }
  return false;
}

// Key identifiers: 1 = match, 0 = unknown (one is absent), -1 = contradiction.
int key_id_relation(const Certificate& child, bool issuer_has_key_id, ByteView issuer_key_id) {
  if (child.m_authority_key_id.empty() || !issuer_has_key_id) {
    return 0;
  }
  return same_bytes(child.m_authority_key_id, issuer_key_id) ? 1 : -1;
}

int key_id_relation(const Certificate& child, const Certificate& issuer) {
  return key_id_relation(child, (issuer.m_extensions & kExtSubjectKeyId) != 0,
                         issuer.m_subject_key_id);
}

bool ku_allows(const Certificate& c, uint16_t bits) {
  return (c.m_extensions & kExtKeyUsage) == 0 || (c.m_key_usage & bits) != 0;
}

bool eku_allows(const Certificate& c, Purpose p) {
  if (p == Purpose::any || (c.m_extensions & kExtExtKeyUsage) == 0) {
    return true;
  }
  const ByteView want = p == Purpose::server_auth
                            ? ByteView(asn1::oid::kServerAuth, sizeof(asn1::oid::kServerAuth))
                            : ByteView(asn1::oid::kClientAuth, sizeof(asn1::oid::kClientAuth));
  OidListReader r(c.m_ext_key_usage);
  for (;;) {
    ByteView oid;
    bool done = false;
    if (r.next(&oid, &done) != Status::ok || done) {
      return false;
    }
    if (oid_equal(oid, want)) {
      return true;
    }
  }
}

// X509_check_ca: a CA if basicConstraints says so, or a version 1 self-issued certificate;
// keyUsage, when present, must include keyCertSign. The trust anchor at the top of the path
// (a store certificate or a pinned one) is trust anchor information, an input of RFC 5280
// 6.1.1 (d), not a certificate the path validates: without basicConstraints it is accepted
// when its keyUsage has keyCertSign, as `openssl verify` accepts such a root (X509_check_ca 4
// at the top of the chain). An intermediate needs basicConstraints cA (OpenSSL too: "X509_STRICT
// is implicit for intermediate CAs").
VerifyError check_issuer_role(const Certificate& c, bool anchor) {
  if ((c.m_extensions & kExtBasicConstraints) != 0) {
    if (!c.m_ca) {
      return VerifyError::not_ca;
    }
  } else if (!(c.m_version == 1 && is_self_issued(c)) &&
             !(anchor && (c.m_extensions & kExtKeyUsage) != 0 &&
               (c.m_key_usage & kKuKeyCertSign) != 0)) {
    return VerifyError::not_ca;
  }
  if (!ku_allows(c, kKuKeyCertSign)) {
    return VerifyError::no_key_cert_sign;
  }
  return VerifyError::ok;
}

VerifyError check_time(const Certificate& c, int64_t t) {
  if (t < c.m_not_before) {
    return VerifyError::not_yet_valid;
  }
  if (t > c.m_not_after) {
    return VerifyError::expired;
  }
  return VerifyError::ok;
}

VerifyError validate(VerifyResult* res, const Certificate* const* path, size_t n,
                     bool pinned_anchor, const VerifyOptions& o) {
  res->m_path_len = n;
  for (size_t i = 0; i < n; i++) {
    res->m_path[i] = path[i];
  }
  res->m_pinned_anchor = pinned_anchor;
  auto fail = [res](VerifyError e, size_t depth) {
    res->m_error = e;
    res->m_depth = depth;
    return e;
  };
  // 1. Extensions, roles, purpose, path length (leaf upwards).
  size_t plen = 0;
  for (size_t i = 0; i < n; i++) {
    const Certificate& c = *path[i];
    if (c.m_unknown_critical) {
      return fail(VerifyError::unknown_critical_extension, i);
    }
    if (i > 0) {
      const VerifyError e = check_issuer_role(c, i + 1 == n);
      if (e != VerifyError::ok) {
        return fail(e, i);
      }
    }
    if (o.m_purpose != Purpose::any) {
      if (!eku_allows(c, o.m_purpose)) {
        return fail(VerifyError::wrong_purpose, i);
      }
      if (i == 0) {
        const uint16_t need = o.m_purpose == Purpose::server_auth
                                  ? (kKuDigitalSignature | kKuKeyEncipherment | kKuKeyAgreement)
                                  : (kKuDigitalSignature | kKuKeyAgreement);
        if (!ku_allows(c, need)) {
          return fail(VerifyError::wrong_purpose, i);
        }
      }
    }
    if (i > 1 && c.m_has_path_len && plen > c.m_path_len) {
      return fail(VerifyError::path_too_long, i);
    }
    if (i > 0 && !is_self_issued(c)) {
      plen++;
    }
  }
  // 2. Key sizes and signature algorithms.
  for (size_t i = 0; i < n; i++) {
    const Certificate& c = *path[i];
    if (c.m_key.m_info.m_type == KeyType::rsa && c.m_key.m_rsa.m_bits < o.m_min_rsa_bits) {
      return fail(VerifyError::weak_key, i);
    }
    if (c.m_key.m_info.m_type == KeyType::rsa &&
        c.m_key.m_rsa.m_e.size() > kRsaMaxPublicExponentBits / 8) {
      return fail(VerifyError::unsupported_key, i);
    }
    if (c.m_key.m_info.m_type == KeyType::ec) {
      const SubjectKey& k = c.m_key;
      if (k.m_ec_status == Status::invalid_argument) {
        return fail(VerifyError::bad_ec_key, i);
      }
      if (k.m_ec_status != Status::ok) {
        return fail(VerifyError::unsupported_curve, i);
      }
      const size_t bits = 8 * (ec_key_alg_public_size(k.m_ec.m_alg) - 1) / 2;
      if (bits < o.m_min_ec_bits) {
        return fail(VerifyError::weak_key, i);
      }
    }
    if (i + 1 < n) {
      const SignatureAlgorithm& a = c.m_sig_alg;
      if (a.m_scheme != SigScheme::unknown &&
          ((a.m_hash == HashAlg::md5 && !o.m_allow_md5) ||
           (a.m_hash == HashAlg::sha1 && !o.m_allow_sha1))) {
        return fail(VerifyError::weak_algorithm, i);
      }
    }
  }
  // 3. Host name / address of the leaf.
  if (!o.m_hostname.empty() && !leaf_matches_host(*path[0], o.m_hostname, o.m_cn_fallback)) {
    return fail(VerifyError::hostname_mismatch, 0);
  }
  if (!o.m_ip.empty() && !leaf_matches_ip(*path[0], o.m_ip)) {
    return fail(VerifyError::ip_mismatch, 0);
  }
  // 4. Signatures and validity, from the anchor down.
  for (size_t k = n; k-- > 0;) {
    const Certificate& c = *path[k];
    if (k + 1 < n) {
      const Certificate& issuer = *path[k + 1];
      const uint32_t flags = o.m_min_rsa_bits < kRsaMinModulusBits ? kRsaAllowSmallModulus : 0;
      const Status s = verify_signature(issuer.m_key.m_info, c.m_sig_alg, c.m_tbs, c.m_signature, flags);
      if (s == Status::unsupported) {
        return fail(VerifyError::unsupported_algorithm, k);
      }
      if (s != Status::ok) {
        return fail(VerifyError::bad_signature, k);
      }
    }
    const VerifyError e = check_time(c, o.m_time);
    if (e != VerifyError::ok) {
      return fail(e, k);
    }
  }
  // 5. Name constraints of each CA over the certificates below it (self-issued intermediates
  // excepted, RFC 5280 6.1.3 (b)).
  for (size_t i = 1; i < n; i++) {
    const Certificate& ca = *path[i];
    if ((ca.m_extensions & kExtNameConstraints) == 0) {
      continue;
    }
    if (!kBuildNameConstraints) {  // PETREL_MINIMAL: constraints it cannot check (build_config.h)
      return fail(VerifyError::unknown_critical_extension, i);
    }
    for (size_t j = 0; j < i; j++) {
      if (j > 0 && is_self_issued(*path[j])) {
        continue;
      }
      if (!satisfies_name_constraints(*path[j], ca, j == 0, o.m_cn_fallback)) {
        return fail(VerifyError::name_constraint, j);
      }
    }
  }
  res->m_error = VerifyError::ok;
  res->m_depth = 0;
  return VerifyError::ok;
}

bool on_path(const Search& s, const Certificate& c) {
  for (size_t i = 0; i < s.len; i++) {
    if (s.path[i] == &c || same_bytes(s.path[i]->m_der, c.m_der)) {
      return true;
    }
  }
  return false;
}

bool on_path(const Search& s, ByteView der) {
  for (size_t i = 0; i < s.len; i++) {
    if (same_bytes(s.path[i]->m_der, der)) {
      return true;
    }
  }
  return false;
}

bool extend(Search* s);

// Puts a candidate on the path, parsed into a Certificate of this frame (kept out of line so
// that only the levels that hold a candidate pay for one), and searches on from it.
__attribute__((noinline)) bool try_candidate(Search* s, const CandidateCert& cand) {
  Certificate c;
  if (parse_certificate(&c, cand.m_der) != Status::ok) {
    return false;  // not a certificate: not an issuer
  }
  s->path[s->len++] = &c;
  const bool found = extend(s);
  s->len--;
  return found;
}

// Returns true when a valid path was found (left in s->first_failure as the result).
bool extend(Search* s) {
  const Certificate& top = *s->path[s->len - 1];
  if (s->len > s->longest_len) {
    s->longest_len = s->len;
    for (size_t i = 0; i < s->len; i++) {
      s->longest[i] = s->path[i];
    }
    s->longest_top_self_issued = is_self_issued(top);
  }
  const bool anchor_cert =
      in_store(*s->store, top) && (s->opts->m_partial_chain || is_self_issued(top));
  const bool anchor_pin = !anchor_cert && pinned(*s->store, top);
  if (anchor_cert || anchor_pin) {
    if (s->validated >= kMaxPathsValidated) {
      s->limit_hit = true;
      return false;
    }
    s->validated++;
    VerifyResult r;
    if (validate(&r, s->path, s->len, anchor_pin, *s->opts) == VerifyError::ok) {
      s->first_failure = r;
      return true;
    }
    if (!s->have_failure) {
      s->first_failure = r;
      s->have_failure = true;
    }
    return false;
  }
  if (s->len >= s->opts->m_max_depth) {
    s->depth_hit = true;
    return false;
  }
  // Candidates: store certificates, then untrusted ones; key-identifier matches first. Only a
  // certificate whose subject is the issuer name sought costs a step: a large store of
  // unrelated roots does not use up the budget.
  for (int pass = 0; pass < 2; pass++) {
    for (int source = 0; source < 2; source++) {
      if (source == 1 && s->use_candidates) {
        for (const CandidateCert& cand : s->candidates) {
          const int rel = key_id_relation(top, cand.m_has_subject_key_id, cand.m_subject_key_id);
          if (rel < 0 || (pass == 0) != (rel > 0)) {
            continue;
          }
          if (!name_equal(top.m_issuer, cand.m_subject) || on_path(*s, cand.m_der)) {
            continue;
          }
          if (s->steps >= kMaxSearchSteps) {
            s->limit_hit = true;
            return false;
          }
          s->steps++;
          if (try_candidate(s, cand)) {
            return true;
          }
        }
        continue;
      }
      const Span<const Certificate> pool = source == 0 ? s->store->m_certs : s->untrusted;
      for (const Certificate& cand : pool) {
        const int rel = key_id_relation(top, cand);
        if (rel < 0 || (pass == 0) != (rel > 0)) {
          continue;
        }
        if (!name_equal(top.m_issuer, cand.m_subject) || on_path(*s, cand)) {
          continue;
        }
        if (s->steps >= kMaxSearchSteps) {
          s->limit_hit = true;
          return false;
        }
        s->steps++;
        s->path[s->len++] = &cand;
        if (extend(s)) {
          return true;
        }
        s->len--;
      }
    }
  }
  return false;
}

}  // namespace

namespace {

VerifyError run_search(VerifyResult* out, const Certificate& leaf, Search* sp,
                       const TrustStore& store, const VerifyOptions& options) noexcept {
  *out = VerifyResult();
  if ((!options.m_ip.empty() && options.m_ip.size() != 4 && options.m_ip.size() != 16) ||
      options.m_max_depth == 0 || options.m_max_depth > kMaxChainDepth ||
      store.m_spki_sha256.size() % 32 != 0) {
    out->m_error = VerifyError::invalid_argument;
    return out->m_error;
  }
  Search& s = *sp;
  s.path[0] = &leaf;
  s.len = 1;
  s.store = &store;
  s.opts = &options;
  s.steps = 0;
  s.validated = 0;
  s.depth_hit = false;
  s.limit_hit = false;
  s.have_failure = false;
  s.longest_len = 0;
  s.longest_top_self_issued = false;
  if (extend(&s)) {
    *out = s.first_failure;
    return VerifyError::ok;
  }
  if (s.limit_hit) {
    // The search stopped early: whatever failed so far is not the verdict.
    out->m_error = VerifyError::search_limit;
    out->m_path_len = s.longest_len;
    for (size_t i = 0; i < s.longest_len; i++) {
      out->m_path[i] = s.longest[i];
    }
    out->m_depth = s.longest_len - 1;
    return out->m_error;
  }
  if (s.have_failure) {
    *out = s.first_failure;
    return out->m_error;
  }
  out->m_path_len = s.longest_len;
  for (size_t i = 0; i < s.longest_len; i++) {
    out->m_path[i] = s.longest[i];
  }
  out->m_depth = s.longest_len - 1;
  if (s.depth_hit) {
    out->m_error = VerifyError::chain_too_long;
  } else if (s.longest_top_self_issued) {
    out->m_error = VerifyError::untrusted_root;
  } else {
    out->m_error = VerifyError::unknown_issuer;
  }
  return out->m_error;
}

}  // namespace

VerifyError verify_certificate(VerifyResult* out, const Certificate& leaf,
                               Span<const Certificate> untrusted, const TrustStore& store,
                               const VerifyOptions& options) noexcept {
  Search s;
  s.untrusted = untrusted;
  s.use_candidates = false;
  return run_search(out, leaf, &s, store, options);
}

VerifyError verify_certificate(VerifyResult* out, const Certificate& leaf,
                               Span<const CandidateCert> untrusted, const TrustStore& store,
                               const VerifyOptions& options) noexcept {
  Search s;
  s.candidates = untrusted;
  s.use_candidates = true;
  const VerifyError e = run_search(out, leaf, &s, store, options);
  // Candidates were parsed in frames of the search, gone now: only the leaf and the store's
  // certificates are still there to point at.
  for (size_t i = 0; i < out->m_path_len; i++) {
    const Certificate* p = out->m_path[i];
    // Addresses compared as integers (< between unrelated pointers is unspecified).
    const uintptr_t a = reinterpret_cast<uintptr_t>(p);
    const uintptr_t lo = reinterpret_cast<uintptr_t>(store.m_certs.data());
    const bool in_store_span =
        !store.m_certs.empty() && a >= lo && a < lo + store.m_certs.size() * sizeof(Certificate);
    if (p != &leaf && !in_store_span) {
      out->m_path[i] = nullptr;
    }
  }
  return e;
}

}  // namespace x509
}  // namespace petrel
