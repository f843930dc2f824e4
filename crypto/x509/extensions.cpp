/*
 * Certificate extensions (RFC 5280 section 4.2): framing, duplicates, and the readers of the
 * standard extensions Petrel understands (basicConstraints 4.2.1.9, keyUsage 4.2.1.3,
 * extendedKeyUsage 4.2.1.12, subjectAltName 4.2.1.6, key identifiers 4.2.1.1-2, nameConstraints
 * 4.2.1.10, certificatePolicies 4.2.1.4 structure only); the other known ones are checked as
 * well-formed DER and ignored. Strict DER, views into the caller's buffer. Not constant-time:
 * certificates are public.
 */
#include "crypto/x509/extensions.h"

#include "crypto/asn1/oid.h"
#include "crypto/util/build_config.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/internal.h"

namespace petrel {
namespace x509 {

using namespace asn1;
using namespace internal;

Status OidListReader::next(ByteView* out, bool* out_done) noexcept {
  if (m_in.empty()) {
    *out_done = true;
    return Status::ok;
  }
  *out_done = false;
  return read_oid(&m_in, out);
}

namespace {

// Runs a list reader to the end; decode_error if any entry is malformed or the list is empty.
template <typename ListReader, typename Item>
Status check_list(ByteView contents, bool allow_empty) {
  ListReader r(contents);
  size_t n = 0;
  for (;;) {
    Item item;
    bool done = false;
    if (r.next(&item, &done) != Status::ok) {
      return kBad;
    }
    if (done) {
      return (n == 0 && !allow_empty) ? kBad : Status::ok;
    }
    n++;
  }
}

Status parse_basic_constraints(Reader* v, Certificate* c) {
  Reader seq;
  if (read_sequence(v, &seq) != Status::ok || !v->empty()) {
    return kBad;
  }
  if (next_is(seq, kBoolean)) {
    bool ca = false;
    if (read_boolean(&seq, &ca) != Status::ok || !ca) {
      return kBad;  // DER: the DEFAULT FALSE is omitted
    }
    c->m_ca = true;
  }
  if (next_is(seq, kInteger)) {
    uint64_t len = 0;
    if (read_uint64(&seq, &len) != Status::ok || len > 0xffffffffu) {
      return kBad;
    }
    c->m_has_path_len = true;
    c->m_path_len = static_cast<uint32_t>(len);
  }
  return seq.empty() ? Status::ok : kBad;
}

Status parse_key_usage(Reader* v, Certificate* c) {
  ByteView bits;
  uint8_t unused = 0;
  if (read_bit_string(v, &bits, &unused) != Status::ok || !v->empty() || bits.empty() ||
      bits.size() > 2) {
    return kBad;
  }
  // DER wants a named bit list without trailing zero bits (X.690 11.2.2), but keyUsage alone is
  // read as OpenSSL, Go and browsers read it, trailing zero bits (even a whole zero octet)
  // accepted: deployed roots encode it so (the Mozilla roots "Trustwave Global ECC P256/P384
  // Certification Authority" have 03 03 07 06 00), and the bits mean the same either way. The
  // BIT STRING itself is still strict (unused bits 0..7 and zero, read_bit_string), at most two
  // octets, and at least one bit must be set (RFC 5280 4.2.1.3).
  uint16_t ku = 0;
  for (size_t i = 0; i < bits.size() * 8; i++) {
    if ((bits[i / 8] & (0x80u >> (i % 8))) != 0) {
      ku = static_cast<uint16_t>(ku | (1u << i));
    }
  }
  if (ku == 0) {
    return kBad;
  }
  c->m_key_usage = ku;
  return Status::ok;
}

Status parse_authority_key_id(Reader* v, Certificate* c) {
  Reader seq;
  if (read_sequence(v, &seq) != Status::ok || !v->empty()) {
    return kBad;
  }
  Reader part;
  bool present = false;
  if (read_optional_der(&seq, &part, &present, context(0)) != Status::ok) {
    return kBad;
  }
  if (present) {
    c->m_authority_key_id = part.view();
  }
  if (read_optional_der(&seq, &part, &present, context_constructed(1)) != Status::ok) {
    return kBad;
  }
  if (present && check_list<GeneralNamesReader, GeneralName>(part.view(), false) != Status::ok) {
    return kBad;
  }
  if (read_optional_der(&seq, &part, &present, context(2)) != Status::ok) {
    return kBad;
  }
  bool negative = false;
  if (present && parse_integer_contents(part.view(), &negative) != Status::ok) {
    return kBad;
  }
  return seq.empty() ? Status::ok : kBad;
}

Status parse_name_constraints(Reader* v, Certificate* c) {
  Reader seq;
  if (read_sequence(v, &seq) != Status::ok || !v->empty()) {
    return kBad;
  }
  Reader part;
  bool present = false;
  if (read_optional_der(&seq, &part, &present, context_constructed(0)) != Status::ok) {
    return kBad;
  }
  if (present) {
    if (check_list<SubtreesReader, GeneralName>(part.view(), false) != Status::ok) {
      return kBad;
    }
    c->m_nc_permitted = part.view();
    c->m_has_nc_permitted = true;
  }
  if (read_optional_der(&seq, &part, &present, context_constructed(1)) != Status::ok) {
    return kBad;
  }
  if (present) {
    if (check_list<SubtreesReader, GeneralName>(part.view(), false) != Status::ok) {
      return kBad;
    }
    c->m_nc_excluded = part.view();
    c->m_has_nc_excluded = true;
  }
  // RFC 5280 4.2.1.10: at least one of the two.
  if (!seq.empty() || (!c->m_has_nc_permitted && !c->m_has_nc_excluded)) {
    return kBad;
  }
  return Status::ok;
}

// certificatePolicies (RFC 5280 4.2.1.4): SEQUENCE SIZE (1..MAX) OF PolicyInformation; each
// qualifier is SEQUENCE { OID, ANY }. Structure only.
Status parse_policies(Reader* v, Certificate* c) {
  Reader seq;
  if (read_sequence(v, &seq) != Status::ok || !v->empty() || seq.empty()) {
    return kBad;
  }
  c->m_policies = seq.view();
  while (!seq.empty()) {
    Reader info;
    ByteView oid;
    if (read_sequence(&seq, &info) != Status::ok || read_oid(&info, &oid) != Status::ok) {
      return kBad;
    }
    if (!info.empty()) {
      Reader quals;
      if (read_sequence(&info, &quals) != Status::ok || !info.empty() || quals.empty()) {
        return kBad;
      }
      while (!quals.empty()) {
        Reader q;
        ByteView qoid;
        Tag t = 0;
        Reader qv;
        if (read_sequence(&quals, &q) != Status::ok || read_oid(&q, &qoid) != Status::ok ||
            read_any_value(&q, &t, &qv) != Status::ok || !q.empty()) {
          return kBad;
        }
      }
    }
  }
  return Status::ok;
}

// Any well-formed DER value (the recognised-but-ignored extensions).
Status parse_any(Reader* v) {
  if (validate_der(v->view()) != Status::ok || v->empty()) {
    return kBad;
  }
  return Status::ok;
}

Status parse_extension(ByteView oid, Reader* v, Certificate* c, uint32_t* out_bit) {
  *out_bit = 0;
  if (PETREL_OID_IS(oid, kBasicConstraints)) {
    *out_bit = kExtBasicConstraints;
    return parse_basic_constraints(v, c);
  }
  if (PETREL_OID_IS(oid, kKeyUsage)) {
    *out_bit = kExtKeyUsage;
    return parse_key_usage(v, c);
  }
  if (PETREL_OID_IS(oid, kExtKeyUsage)) {
    *out_bit = kExtExtKeyUsage;
    Reader seq;
    if (read_sequence(v, &seq) != Status::ok || !v->empty() ||
        check_list<OidListReader, ByteView>(seq.view(), false) != Status::ok) {
      return kBad;
    }
    c->m_ext_key_usage = seq.view();
    return Status::ok;
  }
  if (PETREL_OID_IS(oid, kSubjectAltName) || PETREL_OID_IS(oid, kIssuerAltName)) {
    const bool san = PETREL_OID_IS(oid, kSubjectAltName);
    *out_bit = san ? kExtSubjectAltName : kExtIssuerAltName;
    Reader seq;
    if (read_sequence(v, &seq) != Status::ok || !v->empty() ||
        check_list<GeneralNamesReader, GeneralName>(seq.view(), false) != Status::ok) {
      return kBad;
    }
    if (san) {
      c->m_san = seq.view();
    }
    return Status::ok;
  }
  if (PETREL_OID_IS(oid, kSubjectKeyIdentifier)) {
    *out_bit = kExtSubjectKeyId;
    if (read_octet_string(v, &c->m_subject_key_id) != Status::ok || !v->empty()) {
      return kBad;
    }
    return Status::ok;
  }
  if (PETREL_OID_IS(oid, kAuthorityKeyIdentifier)) {
    *out_bit = kExtAuthorityKeyId;
    return parse_authority_key_id(v, c);
  }
  if (PETREL_OID_IS(oid, kNameConstraints)) {
    *out_bit = kExtNameConstraints;  // PETREL_MINIMAL: not parsed; verify.cpp refuses the path
    return kBuildNameConstraints ? parse_name_constraints(v, c) : Status::ok;
  }
  if (PETREL_OID_IS(oid, kCertificatePolicies)) {
    *out_bit = kExtCertificatePolicies;
    return parse_policies(v, c);
  }
  struct Ignored {
    const uint8_t* oid;
    size_t len;
    uint32_t bit;
  };
  static const Ignored kIgnored[] = {
      {oid::kCrlDistributionPoints, sizeof(oid::kCrlDistributionPoints), kExtCrlDistributionPoints},
      {oid::kAuthorityInfoAccess, sizeof(oid::kAuthorityInfoAccess), kExtAuthorityInfoAccess},
      {oid::kPolicyMappings, sizeof(oid::kPolicyMappings), kExtPolicyMappings},
      {oid::kPolicyConstraints, sizeof(oid::kPolicyConstraints), kExtPolicyConstraints},
      {oid::kInhibitAnyPolicy, sizeof(oid::kInhibitAnyPolicy), kExtInhibitAnyPolicy},
  };
  for (const Ignored& i : kIgnored) {
    if (oid_equal(oid, ByteView(i.oid, i.len))) {
      *out_bit = i.bit;
      return parse_any(v);
    }
  }
  return Status::ok;  // unknown
}

Status read_extension(Reader* in, Extension* out) {
  Reader ext;
  if (read_sequence(in, &ext) != Status::ok || read_oid(&ext, &out->m_oid) != Status::ok) {
    return kBad;
  }
  out->m_critical = false;
  if (next_is(ext, kBoolean)) {
    if (read_boolean(&ext, &out->m_critical) != Status::ok || !out->m_critical) {
      return kBad;  // DER: DEFAULT FALSE is omitted
    }
  }
  if (read_octet_string(&ext, &out->m_value) != Status::ok || !ext.empty()) {
    return kBad;
  }
  return Status::ok;
}

}  // namespace

Status parse_extensions(Reader* exts, Certificate* c) noexcept {
  c->m_extensions_der = exts->view();
  if (exts->empty()) {
    return kBad;  // SIZE (1..MAX)
  }
  // Duplicates (RFC 5280 4.2: at most one instance of an extension) are checked pairwise over
  // the OIDs; certificates carry few extensions, and kMaxExtensions bounds the work.
  constexpr size_t kMaxExtensions = 64;
  size_t count = 0;
  Reader all = *exts;
  while (!exts->empty()) {
    if (++count > kMaxExtensions) {
      return kBad;
    }
    const Reader here = *exts;
    Extension e;
    if (read_extension(exts, &e) != Status::ok) {
      return kBad;
    }
    Reader earlier = all;
    while (earlier.data() != here.data()) {
      Extension prev;
      if (read_extension(&earlier, &prev) != Status::ok) {
        return kBad;
      }
      if (oid_equal(prev.m_oid, e.m_oid)) {
        return kBad;
      }
    }
    Reader v(e.m_value);
    uint32_t bit = 0;
    if (parse_extension(e.m_oid, &v, c, &bit) != Status::ok) {
      return kBad;
    }
    if (bit == 0) {
      if (e.m_critical) {
        c->m_unknown_critical = true;
      }
    } else {
      c->m_extensions |= bit;
      if (e.m_critical) {
        c->m_critical |= bit;
      }
    }
  }
  return Status::ok;
}


Status ExtensionsReader::next(Extension* out, bool* out_done) noexcept {
  if (m_in.empty()) {
    *out_done = true;
    return Status::ok;
  }
  *out_done = false;
  return read_extension(&m_in, out);
}

}  // namespace x509
}  // namespace petrel
