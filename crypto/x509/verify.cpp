/*
 * Certification path building and validation: RFC 5280 section 6.1 (basic path validation,
 * without revocation and policy processing), section 4.2.1.10 (name constraints), RFC 6125
 * section 6.4 (host name matching, wildcards only as the whole left-most label). The order of
 * the checks follows OpenSSL's X509_verify_cert so that the first error agrees with `openssl
 * verify`. Bounded depth-first search over caller-parsed certificates; no heap. Not
 * constant-time: certificates and names are public.
 */
#include "crypto/x509/verify.h"

#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/hash/hash.h"

namespace petrel {
namespace x509 {
namespace {

using asn1::oid_equal;

bool same_bytes(ByteView a, ByteView b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

uint8_t lower(uint8_t c) { return (c >= 'A' && c <= 'Z') ? static_cast<uint8_t>(c + 32) : c; }

bool equal_ci(ByteView a, ByteView b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); i++) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

size_t find_byte(ByteView v, uint8_t c) {
  for (size_t i = 0; i < v.size(); i++) {
    if (v[i] == c) {
      return i;
    }
  }
  return SIZE_MAX;
}

}  // namespace

// ---- names ---------------------------------------------------------------------------------------

bool dns_name_matches(ByteView pattern, ByteView host) noexcept {
  if (pattern.empty() || host.empty()) {
    return false;
  }
  uint8_t ip[16];
  size_t ip_len = 0;
  if (parse_ip_address(ip, &ip_len, host) == Status::ok) {
    return false;
  }
  const size_t star = find_byte(pattern, '*');
  if (star == SIZE_MAX) {
    return equal_ci(pattern, host);
  }
  // Only "*." at the start, no other '*', and at least two labels after it.
  if (star != 0 || pattern.size() < 2 || pattern[1] != '.') {
    return false;
  }
  const ByteView rest = pattern.subspan(1);  // ".example.com"
  if (find_byte(rest, '*') != SIZE_MAX) {
    return false;
  }
  const ByteView after = rest.subspan(1);  // "example.com"
  const size_t dot = find_byte(after, '.');
  if (dot == SIZE_MAX || dot == 0 || dot + 1 >= after.size()) {
    return false;
  }
  // host = label + rest, with a non-empty label without dots.
  if (host.size() <= rest.size()) {
    return false;
  }
  const size_t label_len = host.size() - rest.size();
  if (find_byte(host.first(label_len), '.') != SIZE_MAX) {
    return false;
  }
  return equal_ci(host.subspan(label_len), rest);
}

bool dns_in_subtree(ByteView name, ByteView base) noexcept {
  if (base.empty()) {
    return true;  // an empty base matches every name
  }
  if (name.size() < base.size()) {
    return false;
  }
  const ByteView tail = name.subspan(name.size() - base.size());
  if (!equal_ci(tail, base)) {
    return false;
  }
  if (name.size() == base.size()) {
    return true;
  }
  // "example.com" covers "www.example.com"; ".example.com" covers only sub-domains.
  return base[0] == '.' || name[name.size() - base.size() - 1] == '.';
}

bool email_in_subtree(ByteView email, ByteView base) noexcept {
  const size_t at = find_byte(email, '@');
  if (at == SIZE_MAX) {
    return false;
  }
  const ByteView host = email.subspan(at + 1);
  const size_t base_at = find_byte(base, '@');
  if (base_at != SIZE_MAX) {
    // A whole mailbox: the local part exactly, the host case-insensitively.
    return base_at == at && same_bytes(email.first(at), base.first(base_at)) &&
           equal_ci(host, base.subspan(base_at + 1));
  }
  if (!base.empty() && base[0] == '.') {
    return host.size() > base.size() && equal_ci(host.subspan(host.size() - base.size()), base);
  }
  return equal_ci(host, base);
}

bool ip_in_subtree(ByteView ip, ByteView base_and_mask) noexcept {
  if (ip.size() * 2 != base_and_mask.size()) {
    return false;
  }
  const size_t n = ip.size();
  for (size_t i = 0; i < n; i++) {
    const uint8_t mask = base_and_mask[n + i];
    if ((ip[i] & mask) != (base_and_mask[i] & mask)) {
      return false;
    }
  }
  return true;
}

namespace {

bool parse_ipv4(uint8_t out[4], ByteView t) {
  size_t pos = 0;
  for (size_t part = 0; part < 4; part++) {
    if (part > 0) {
      if (pos >= t.size() || t[pos] != '.') {
        return false;
      }
      pos++;
    }
    uint32_t v = 0;
    size_t digits = 0;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') {
      v = v * 10 + (t[pos] - '0');
      digits++;
      pos++;
      if (digits > 3) {
        return false;
      }
    }
    if (digits == 0 || v > 255 || (digits > 1 && t[pos - digits] == '0')) {
      return false;
    }
    out[part] = static_cast<uint8_t>(v);
  }
  return pos == t.size();
}

int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  c = lower(c);
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
}

bool parse_ipv6(uint8_t out[16], ByteView t) {
  uint16_t groups[8] = {};
  size_t n = 0;
  size_t gap = SIZE_MAX;  // index where "::" was
  size_t pos = 0;
  if (t.size() >= 2 && t[0] == ':' && t[1] == ':') {
    gap = 0;
    pos = 2;
  } else if (!t.empty() && t[0] == ':') {
    return false;
  }
  while (pos < t.size()) {
    // A trailing dotted quad takes two groups.
    const ByteView rest = t.subspan(pos);
    if (find_byte(rest, '.') != SIZE_MAX && find_byte(rest, ':') == SIZE_MAX) {
      uint8_t v4[4];
      if (n > 6 || !parse_ipv4(v4, rest)) {
        return false;
      }
      groups[n++] = static_cast<uint16_t>(v4[0] << 8 | v4[1]);
      groups[n++] = static_cast<uint16_t>(v4[2] << 8 | v4[3]);
      pos = t.size();
      break;
    }
    uint32_t v = 0;
    size_t digits = 0;
    while (pos < t.size() && hex_value(t[pos]) >= 0) {
      v = v * 16 + static_cast<uint32_t>(hex_value(t[pos]));
      digits++;
      pos++;
    }
    if (digits == 0 || digits > 4 || n >= 8) {
      return false;
    }
    groups[n++] = static_cast<uint16_t>(v);
    if (pos == t.size()) {
      break;
    }
    if (t[pos] != ':') {
      return false;
    }
    pos++;
    if (pos < t.size() && t[pos] == ':') {
      if (gap != SIZE_MAX) {
        return false;
      }
      gap = n;
      pos++;
    } else if (pos == t.size()) {
      return false;  // a trailing single ':'
    }
  }
  if (gap == SIZE_MAX) {
    if (n != 8) {
      return false;
    }
  } else if (n > 7) {
    return false;
  }
  uint16_t full[8] = {};
  if (gap == SIZE_MAX) {
    std::memcpy(full, groups, sizeof(full));
  } else {
    const size_t tail = n - gap;
    for (size_t i = 0; i < gap; i++) {
      full[i] = groups[i];
    }
    for (size_t i = 0; i < tail; i++) {
      full[8 - tail + i] = groups[gap + i];
    }
  }
  for (size_t i = 0; i < 8; i++) {
    out[2 * i] = static_cast<uint8_t>(full[i] >> 8);
    out[2 * i + 1] = static_cast<uint8_t>(full[i]);
  }
  return true;
}

}  // namespace

Status parse_ip_address(uint8_t out[16], size_t* out_len, ByteView text) noexcept {
  if (find_byte(text, ':') == SIZE_MAX) {
    if (parse_ipv4(out, text)) {
      *out_len = 4;
      return Status::ok;
    }
    return Status::decode_error;
  }
  if (parse_ipv6(out, text)) {
    *out_len = 16;
    return Status::ok;
  }
  return Status::decode_error;
}

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
    case VerifyError::unknown_critical_extension: return "unknown_critical_extension";
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
    case VerifyError::unknown_critical_extension: return "unhandled critical extension";
  }
  return "unknown error";
}

// ---- path validation ---------------------------------------------------------------------------

namespace {

struct Search {
  const Certificate* path[kMaxChainDepth];
  size_t len;
  Span<const Certificate> untrusted;
  const TrustStore* store;
  const VerifyOptions* opts;
  size_t steps;
  size_t validated;
  bool depth_hit;
  // The first refused complete path, or the longest incomplete one.
  VerifyResult first_failure;
  bool have_failure;
  const Certificate* longest[kMaxChainDepth];
  size_t longest_len;
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
int key_id_relation(const Certificate& child, const Certificate& issuer) {
  if (child.m_authority_key_id.empty() || (issuer.m_extensions & kExtSubjectKeyId) == 0) {
    return 0;
  }
  return same_bytes(child.m_authority_key_id, issuer.m_subject_key_id) ? 1 : -1;
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
// keyUsage, when present, must include keyCertSign.
VerifyError check_issuer_role(const Certificate& c) {
  if ((c.m_extensions & kExtBasicConstraints) != 0) {
    if (!c.m_ca) {
      return VerifyError::not_ca;
    }
  } else if (!(c.m_version == 1 && is_self_issued(c))) {
    return VerifyError::not_ca;
  }
  if (!ku_allows(c, kKuKeyCertSign)) {
    return VerifyError::no_key_cert_sign;
  }
  return VerifyError::ok;
}

bool host_matches(const Certificate& leaf, const VerifyOptions& o) {
  bool saw_dns = false;
  GeneralNamesReader r(leaf.m_san);
  for (;;) {
    GeneralName g;
    bool done = false;
    if (r.next(&g, &done) != Status::ok || done) {
      break;
    }
    if (g.m_type == GeneralNameType::dns_name) {
      saw_dns = true;
      if (dns_name_matches(g.m_value, o.m_hostname)) {
        return true;
      }
    }
  }
  if (saw_dns || !o.m_cn_fallback) {
    return false;
  }
  NameReader n(leaf.m_subject);
  for (;;) {
    Attribute a;
    bool done = false;
    if (n.next(&a, &done) != Status::ok || done) {
      return false;
    }
    if (oid_equal(a.m_type, ByteView(asn1::oid::kCommonName, sizeof(asn1::oid::kCommonName))) &&
        (a.m_value_tag == asn1::kPrintableString || a.m_value_tag == asn1::kUtf8String ||
         a.m_value_tag == asn1::kIa5String) &&
        dns_name_matches(a.m_value, o.m_hostname)) {
      return true;
    }
  }
}

bool ip_matches(const Certificate& leaf, ByteView ip) {
  GeneralNamesReader r(leaf.m_san);
  for (;;) {
    GeneralName g;
    bool done = false;
    if (r.next(&g, &done) != Status::ok || done) {
      return false;
    }
    if (g.m_type == GeneralNameType::ip_address && same_bytes(g.m_value, ip)) {
      return true;
    }
  }
}

// Subtree check of one name against a CA's constraints. *out_type_constrained receives whether
// any subtree of this type exists (permitted side).
bool name_in_base(GeneralNameType type, ByteView name, const GeneralName& base) {
  switch (type) {
    case GeneralNameType::dns_name: return dns_in_subtree(name, base.m_value);
    case GeneralNameType::rfc822_name: return email_in_subtree(name, base.m_value);
    case GeneralNameType::ip_address: return ip_in_subtree(name, base.m_value);
    case GeneralNameType::directory_name: return name_has_prefix(name, base.m_value);
    default: return false;
  }
}

bool supported_constraint_type(GeneralNameType t) {
  return t == GeneralNameType::dns_name || t == GeneralNameType::rfc822_name ||
         t == GeneralNameType::ip_address || t == GeneralNameType::directory_name;
}

// Walks one GeneralSubtrees list for a name of `type`: *of_type says whether any base has that
// type, *matched whether one of them contains the name. false on a malformed list, or on a base
// of the name's type that Petrel cannot evaluate (fail closed).
bool scan_subtrees(ByteView trees, GeneralNameType type, ByteView name, bool* of_type,
                   bool* matched) {
  *of_type = false;
  *matched = false;
  SubtreesReader r(trees);
  for (;;) {
    GeneralName base;
    bool done = false;
    if (r.next(&base, &done) != Status::ok) {
      return false;
    }
    if (done) {
      return true;
    }
    if (base.m_type == type) {
      *of_type = true;
      if (!supported_constraint_type(type)) {
        return false;
      }
      if (name_in_base(type, name, base)) {
        *matched = true;
      }
    }
  }
}

// One name of `type` against the CA's permitted and excluded subtrees.
bool name_allowed(const Certificate& ca, GeneralNameType type, ByteView name) {
  bool of_type = false;
  bool matched = false;
  if (ca.m_has_nc_permitted) {
    if (!scan_subtrees(ca.m_nc_permitted, type, name, &of_type, &matched)) {
      return false;
    }
    if (of_type && !matched) {
      return false;
    }
  }
  if (ca.m_has_nc_excluded) {
    if (!scan_subtrees(ca.m_nc_excluded, type, name, &of_type, &matched) || matched) {
      return false;
    }
  }
  return true;
}

// A CN that looks like a host name (letters, digits, '-', '.', at least one dot, no empty
// label), as OpenSSL checks it against DNS constraints when the leaf has no dNSName.
bool cn_is_hostname(ByteView v) {
  if (v.empty() || v[0] == '.' || v[v.size() - 1] == '.') {
    return false;
  }
  bool dot = false;
  for (size_t i = 0; i < v.size(); i++) {
    const uint8_t c = v[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == '.') {
      if (v[i - 1] == '.') {
        return false;
      }
      dot = true;
    } else if (!alnum && c != '-' && c != '_') {
      return false;
    }
  }
  return dot;
}

bool satisfies_constraints(const Certificate& c, const Certificate& ca, bool is_leaf) {
  if (name_rdn_count(c.m_subject) > 0 &&
      !name_allowed(ca, GeneralNameType::directory_name, c.m_subject)) {
    return false;
  }
  const ByteView email_oid(asn1::oid::kEmailAddress, sizeof(asn1::oid::kEmailAddress));
  const ByteView cn_oid(asn1::oid::kCommonName, sizeof(asn1::oid::kCommonName));
  bool saw_dns = false;
  GeneralNamesReader r(c.m_san);
  for (;;) {
    GeneralName g;
    bool done = false;
    if (r.next(&g, &done) != Status::ok) {
      return false;
    }
    if (done) {
      break;
    }
    if (g.m_type == GeneralNameType::dns_name) {
      saw_dns = true;
    }
    if (!name_allowed(ca, g.m_type, g.m_value)) {
      return false;
    }
  }
  NameReader n(c.m_subject);
  for (;;) {
    Attribute a;
    bool done = false;
    if (n.next(&a, &done) != Status::ok) {
      return false;
    }
    if (done) {
      break;
    }
    if (oid_equal(a.m_type, email_oid) && a.m_value_tag == asn1::kIa5String &&
        !name_allowed(ca, GeneralNameType::rfc822_name, a.m_value)) {
      return false;
    }
    if (is_leaf && !saw_dns && oid_equal(a.m_type, cn_oid) && cn_is_hostname(a.m_value) &&
        !name_allowed(ca, GeneralNameType::dns_name, a.m_value)) {
      return false;
    }
  }
  return true;
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
      const VerifyError e = check_issuer_role(c);
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
    if (c.m_key.m_type == KeyType::rsa && c.m_key.m_rsa_bits < o.m_min_rsa_bits) {
      return fail(VerifyError::weak_key, i);
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
  if (!o.m_hostname.empty() && !host_matches(*path[0], o)) {
    return fail(VerifyError::hostname_mismatch, 0);
  }
  if (!o.m_ip.empty() && !ip_matches(*path[0], o.m_ip)) {
    return fail(VerifyError::ip_mismatch, 0);
  }
  // 4. Signatures and validity, from the anchor down.
  for (size_t k = n; k-- > 0;) {
    const Certificate& c = *path[k];
    if (k + 1 < n) {
      const Certificate& issuer = *path[k + 1];
      const uint32_t flags = o.m_min_rsa_bits < kRsaMinModulusBits ? kRsaAllowSmallModulus : 0;
      const Status s = verify_signature(issuer.m_key, c.m_sig_alg, c.m_tbs, c.m_signature, flags);
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
    for (size_t j = 0; j < i; j++) {
      if (j > 0 && is_self_issued(*path[j])) {
        continue;
      }
      if (!satisfies_constraints(*path[j], ca, j == 0)) {
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

// Returns true when a valid path was found (left in s->first_failure as the result).
bool extend(Search* s) {
  const Certificate& top = *s->path[s->len - 1];
  if (s->len > s->longest_len) {
    s->longest_len = s->len;
    for (size_t i = 0; i < s->len; i++) {
      s->longest[i] = s->path[i];
    }
  }
  const bool anchor_cert =
      in_store(*s->store, top) && (s->opts->m_partial_chain || is_self_issued(top));
  const bool anchor_pin = !anchor_cert && pinned(*s->store, top);
  if (anchor_cert || anchor_pin) {
    if (s->validated >= kMaxPathsValidated) {
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
  // Candidates: store certificates, then untrusted ones; key-identifier matches first.
  for (int pass = 0; pass < 2; pass++) {
    for (int source = 0; source < 2; source++) {
      const Span<const Certificate> pool = source == 0 ? s->store->m_certs : s->untrusted;
      for (const Certificate& cand : pool) {
        if (s->steps >= kMaxSearchSteps) {
          return false;
        }
        const int rel = key_id_relation(top, cand);
        if (rel < 0 || (pass == 0) != (rel > 0)) {
          continue;
        }
        s->steps++;
        if (!name_equal(top.m_issuer, cand.m_subject) || on_path(*s, cand)) {
          continue;
        }
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

VerifyError verify_certificate(VerifyResult* out, const Certificate& leaf,
                               Span<const Certificate> untrusted, const TrustStore& store,
                               const VerifyOptions& options) noexcept {
  *out = VerifyResult();
  if ((!options.m_ip.empty() && options.m_ip.size() != 4 && options.m_ip.size() != 16) ||
      options.m_max_depth == 0 || options.m_max_depth > kMaxChainDepth ||
      store.m_spki_sha256.size() % 32 != 0) {
    out->m_error = VerifyError::invalid_argument;
    return out->m_error;
  }
  Search s;
  s.path[0] = &leaf;
  s.len = 1;
  s.untrusted = untrusted.first(kMaxUntrusted);
  s.store = &store;
  s.opts = &options;
  s.steps = 0;
  s.validated = 0;
  s.depth_hit = false;
  s.have_failure = false;
  s.longest_len = 0;
  if (extend(&s)) {
    *out = s.first_failure;
    return VerifyError::ok;
  }
  if (s.have_failure) {
    *out = s.first_failure;
    return out->m_error;
  }
  out->m_path_len = s.longest_len;
  for (size_t i = 0; i < s.longest_len; i++) {
    out->m_path[i] = s.longest[i];
  }
  const Certificate& top = *s.longest[s.longest_len - 1];
  out->m_depth = s.longest_len - 1;
  if (s.depth_hit) {
    out->m_error = VerifyError::chain_too_long;
  } else if (is_self_issued(top)) {
    out->m_error = VerifyError::untrusted_root;
  } else {
    out->m_error = VerifyError::unknown_issuer;
  }
  return out->m_error;
}

}  // namespace x509
}  // namespace petrel
