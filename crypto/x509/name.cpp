/*
 * X.509 Names (RFC 5280 section 4.1.2.4): the attribute reader and checker, comparison after
 * RFC 5280 section 7.1 (UTF-8, ASCII case folding, whitespace folding; each RDN compared as a
 * set) and the RFC 5280 4.2.1.10 directoryName prefix test. The text forms (printing, and
 * writing from "/TYPE=value") are name_text.cpp. Strict DER, no heap. Not constant-time: names
 * are public.
 */
#include "crypto/x509/name.h"

#include <algorithm>
#include <cstring>

#include "crypto/asn1/oid.h"
#include "crypto/util/build_config.h"
#include "crypto/x509/internal.h"

namespace petrel {
namespace x509 {

using namespace asn1;
using namespace internal;

namespace {

// X.520 value syntax of the attribute types Petrel knows: countryName is a PrintableString
// (X.520, RFC 5280 appendix A); emailAddress (PKCS#9) and domainComponent (RFC 4519) are
// IA5String, also taken as a DirectoryString; every other known type is a DirectoryString
// (TeletexString, PrintableString, UniversalString, UTF8String, BMPString). A value of another
// tag (a context or application tag, a constructed value, an INTEGER, ...) is refused for those
// types; OpenSSL accepts any value there (X509_NAME_ENTRY holds ASN1_ANY) and prints the bytes.
// Types Petrel does not know may hold any value.
bool value_tag_allowed(ByteView type, Tag tag) {
  if (PETREL_OID_IS(type, kCountryName)) {
    return tag == kPrintableString;
  }
  const bool directory = tag == kT61String || tag == kPrintableString ||
                         tag == kUniversalString || tag == kUtf8String || tag == kBmpString;
  if (PETREL_OID_IS(type, kEmailAddress) || PETREL_OID_IS(type, kDomainComponent)) {
    return directory || tag == kIa5String;
  }
  static const struct {
    const uint8_t* oid;
    size_t len;
  } kDirectoryTypes[] = {
#define PETREL_DT(o) {oid::o, sizeof(oid::o)}
      PETREL_DT(kStateOrProvinceName), PETREL_DT(kLocalityName),
      PETREL_DT(kOrganizationName),    PETREL_DT(kOrganizationalUnitName),
      PETREL_DT(kCommonName),          PETREL_DT(kUserId),
      PETREL_DT(kSerialNumber),        PETREL_DT(kSurname),
      PETREL_DT(kGivenName),           PETREL_DT(kTitle),
      PETREL_DT(kStreetAddress),       PETREL_DT(kName),
      PETREL_DT(kInitials),            PETREL_DT(kPseudonym),
      PETREL_DT(kDnQualifier),         PETREL_DT(kGenerationQualifier),
#undef PETREL_DT
  };
  for (const auto& t : kDirectoryTypes) {
    if (oid_is(type, t.oid, t.len)) {
      return directory;
    }
  }
  return true;
}

// Reads one AttributeTypeAndValue of an RDN's contents, with its value checked: a string of
// its character set, of a tag the X.520 syntax of its type allows.
bool read_attribute(Reader* rdn, Attribute* out) {
  Reader atv;
  ByteView type;
  Tag tag = 0;
  Reader value;
  if (read_sequence(rdn, &atv) != Status::ok || read_oid(&atv, &type) != Status::ok) {
    return false;
  }
  const ByteView value_der = atv.view();
  // AttributeValue is ANY (RFC 5280 4.1.2.4): strict DER whatever its type.
  if (read_any_value(&atv, &tag, &value) != Status::ok || !atv.empty()) {
    return false;
  }
  if ((is_string_tag(tag) && check_string(tag, value.view()) != Status::ok) ||
      !value_tag_allowed(type, tag)) {
    return false;
  }
  out->m_type = type;
  out->m_value_tag = tag;
  out->m_value = value.view();
  out->m_value_der = value_der;
  out->m_multi_valued = false;
  return true;
}

}  // namespace

NameReader::NameReader(ByteView name) noexcept {
  Reader r(name);
  if (read_sequence(&r, &m_rdns) != Status::ok || !r.empty()) {
    m_bad = true;
  }
}

Status NameReader::next(Attribute* out, bool* out_done) noexcept {
  if (m_bad) {
    return kBad;
  }
  m_rdn_start = false;
  if (m_rdn.empty()) {
    if (m_rdns.empty()) {
      *out_done = true;
      return Status::ok;
    }
    if (read_set(&m_rdns, &m_rdn) != Status::ok || m_rdn.empty()) {
      m_bad = true;
      return kBad;
    }
    m_rdn_start = true;
    // A multi-valued RDN has more than one element in its SET.
    Reader probe = m_rdn;
    Tag t = 0;
    Reader c;
    m_multi = read_any_der(&probe, &t, &c) == Status::ok && !probe.empty();
  }
  if (!read_attribute(&m_rdn, out)) {
    m_bad = true;
    return kBad;
  }
  out->m_multi_valued = m_multi;
  *out_done = false;
  return Status::ok;
}

Status check_name(ByteView name) noexcept {
  NameReader r(name);
  for (;;) {
    Attribute a;
    bool done = false;
    if (r.next(&a, &done) != Status::ok) {
      return kBad;
    }
    if (done) {
      return Status::ok;
    }
  }
}

namespace {

// Canonical form of a string value for comparison: UTF-8, ASCII lower case, whitespace folded.
bool canonical_value(MutableBytes buf, size_t* out_len, const Attribute& a) {
  if (!is_string_tag(a.m_value_tag)) {
    return false;
  }
  uint8_t raw[512];
  size_t raw_len = 0;
  if (string_to_utf8(MutableBytes(raw, sizeof(raw)), &raw_len, a.m_value_tag, a.m_value) !=
      Status::ok) {
    return false;
  }
  size_t n = 0;
  bool pending_space = false;
  for (size_t i = 0; i < raw_len; i++) {
    uint8_t c = raw[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = n > 0;
      continue;
    }
    if (pending_space) {
      if (n >= buf.size()) {
        return false;
      }
      buf[n++] = ' ';
      pending_space = false;
    }
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<uint8_t>(c - 'A' + 'a');
    }
    if (n >= buf.size()) {
      return false;
    }
    buf[n++] = c;
  }
  *out_len = n;
  return true;
}


bool attribute_equal(const Attribute& a, const Attribute& b) {
  if (!oid_equal(a.m_type, b.m_type)) {
    return false;
  }
  if (a.m_value_tag == b.m_value_tag && same_bytes(a.m_value, b.m_value)) {
    return true;
  }
  uint8_t ca[512];
  uint8_t cb[512];
  size_t la = 0;
  size_t lb = 0;
  if (!canonical_value(MutableBytes(ca, sizeof(ca)), &la, a) ||
      !canonical_value(MutableBytes(cb, sizeof(cb)), &lb, b)) {
    return false;
  }
  return same_bytes(ByteView(ca, la), ByteView(cb, lb));
}

// Attributes of an RDN compared as sets: bounded so that the matching needs no heap.
constexpr size_t kMaxRdnAttributes = 32;

// Two RDNs' SET contents, equal as sets (RFC 5280 7.1; X.501 9.3): the same number of
// attributes and a one-to-one matching of equal attributes. Greedy matching is exact here:
// attribute_equal is an equivalence (equal types and equal canonical values), so any unused
// equal partner will do.
bool rdn_equal(ByteView a, ByteView b) {
  if (same_bytes(a, b)) {
    return true;
  }
  size_t na = 0;
  size_t nb = 0;
  Reader ca(a);
  Reader cb(b);
  Attribute x;
  while (!ca.empty()) {
    if (!read_attribute(&ca, &x) || ++na > kMaxRdnAttributes) {
      return false;
    }
  }
  while (!cb.empty()) {
    if (!read_attribute(&cb, &x) || ++nb > kMaxRdnAttributes) {
      return false;
    }
  }
  if (na != nb || na == 0) {
    return false;
  }
  uint32_t used = 0;
  Reader ra(a);
  while (!ra.empty()) {
    if (!read_attribute(&ra, &x)) {
      return false;
    }
    Reader rb(b);
    bool found = false;
    for (size_t j = 0; !rb.empty(); j++) {
      Attribute y;
      if (!read_attribute(&rb, &y)) {
        return false;
      }
      if ((used & (uint32_t{1} << j)) == 0 && attribute_equal(x, y)) {
        used |= uint32_t{1} << j;
        found = true;
        break;
      }
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

// Compares the first `limit` RDNs of two Names (all of them when limit is SIZE_MAX): each pair
// of RDNs as sets. *out_rest_a / *out_rest_b say whether RDNs remain after the compared ones.
bool rdns_match(ByteView a, ByteView b, size_t limit, bool* out_rest_a, bool* out_rest_b) {
  if (check_name(a) != Status::ok || check_name(b) != Status::ok) {
    return false;
  }
  Reader na(a);
  Reader nb(b);
  Reader ra;
  Reader rb;
  if (read_sequence(&na, &ra) != Status::ok || read_sequence(&nb, &rb) != Status::ok) {
    return false;
  }
  for (size_t i = 0; i < limit && !ra.empty() && !rb.empty(); i++) {
    Reader sa;
    Reader sb;
    if (read_set(&ra, &sa) != Status::ok || read_set(&rb, &sb) != Status::ok ||
        !rdn_equal(sa.view(), sb.view())) {
      return false;
    }
  }
  *out_rest_a = !ra.empty();
  *out_rest_b = !rb.empty();
  return true;
}

}  // namespace

bool name_equal(ByteView a, ByteView b) noexcept {
  if (same_bytes(a, b)) {
    return check_name(a) == Status::ok;
  }
  if (!kBuildNameCanonicalMatch) {  // PETREL_MINIMAL: identical DER only (build_config.h)
    return false;
  }
  bool rest_a = false;
  bool rest_b = false;
  return rdns_match(a, b, SIZE_MAX, &rest_a, &rest_b) && !rest_a && !rest_b;
}

size_t name_rdn_count(ByteView name) noexcept {
  NameReader r(name);
  size_t n = 0;
  for (;;) {
    Attribute a;
    bool done = false;
    if (r.next(&a, &done) != Status::ok || done) {
      return n;
    }
    if (r.rdn_start()) {
      n++;
    }
  }
}

bool name_has_prefix(ByteView name, ByteView prefix) noexcept {
  const size_t k = name_rdn_count(prefix);
  if (k > name_rdn_count(name)) {
    return false;
  }
  if (k == 0) {
    return check_name(prefix) == Status::ok;
  }
  bool rest_name = false;
  bool rest_prefix = false;
  return rdns_match(name, prefix, k, &rest_name, &rest_prefix) && !rest_prefix;
}

}  // namespace x509
}  // namespace petrel
