/*
 * Name and address matching for path validation: RFC 6125 section 6.4 host names (wildcards
 * only as the whole left-most label), the leaf's subjectAltName (and, optionally, subject CN)
 * against the host or IP address asked for, RFC 5280 section 4.2.1.10 subtree matching and a
 * CA's name constraints over the certificates below it, IPv4/IPv6 address text (RFC 4291
 * section 2.2). Not constant-time: names are public.
 */
#include "crypto/x509/name_match.h"

#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/x509/internal.h"

namespace petrel {
namespace x509 {

using internal::same_bytes;

namespace {

using asn1::oid_equal;

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

// ---- the leaf's names and name constraints --------------------------------------------------

namespace {

// The CN string types the host name check reads (leaf_matches_host).
bool cn_string_tag(asn1::Tag t) {
  return t == asn1::kPrintableString || t == asn1::kUtf8String || t == asn1::kIa5String;
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

}  // namespace

bool leaf_matches_host(const Certificate& leaf, ByteView host, bool cn_fallback) noexcept {
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
      if (dns_name_matches(g.m_value, host)) {
        return true;
      }
    }
  }
  if (saw_dns || !cn_fallback) {
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
        cn_string_tag(a.m_value_tag) &&
        dns_name_matches(a.m_value, host)) {
      return true;
    }
  }
}

bool leaf_matches_ip(const Certificate& leaf, ByteView ip) noexcept {
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

bool satisfies_name_constraints(const Certificate& c, const Certificate& ca, bool is_leaf,
                                bool cn_fallback) noexcept {
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
    if (!is_leaf || saw_dns || !oid_equal(a.m_type, cn_oid)) {
      continue;
    }
    // Without dNSNames, a CN that looks like a host name is a dNSName for the constraints (as
    // OpenSSL). With cn_fallback, every CN the host name check may match (leaf_matches_host:
    // any Printable/UTF8/IA5 CN, wildcards and a trailing dot included) must pass them as a
    // dNSName, or "*.evil.com" and "www.evil.com." would bypass a CA limited to example.com.
    // One trailing dot (the absolute form) is dropped for the subtree test.
    const bool host_checked = cn_fallback && cn_string_tag(a.m_value_tag);
    if (cn_is_hostname(a.m_value) || host_checked) {
      ByteView dns = a.m_value;
      if (host_checked && !dns.empty() && dns[dns.size() - 1] == '.') {
        dns = dns.first(dns.size() - 1);
      }
      if (dns.empty() || !name_allowed(ca, GeneralNameType::dns_name, dns)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace x509
}  // namespace petrel
