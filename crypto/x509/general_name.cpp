/*
 * GeneralName (RFC 5280 section 4.2.1.6) reading and writing, GeneralNames lists and the
 * GeneralSubtrees of name constraints (RFC 5280 section 4.2.1.10: minimum 0, maximum absent).
 * Strict DER, views into the caller's buffer. Not constant-time: names are public.
 */
#include "crypto/x509/general_name.h"

#include "crypto/x509/internal.h"
#include "crypto/x509/name.h"

namespace petrel {
namespace x509 {

using namespace asn1;
using namespace internal;

namespace {

bool ia5_ok(ByteView v) {
  for (size_t i = 0; i < v.size(); i++) {
    if (v[i] > 0x7f) {
      return false;
    }
  }
  return true;
}

}  // namespace

Status read_general_name(Reader* in, GeneralName* out, bool in_constraint) noexcept {
  Reader r = *in;
  Tag tag = 0;
  Reader c;
  if (read_any_der(&r, &tag, &c) != Status::ok || (tag & kClassMask) != kClassContext) {
    return kBad;
  }
  const uint32_t number = tag & kNumberMask;
  const bool constructed = is_constructed(tag);
  GeneralName g;
  g.m_value = c.view();
  switch (number) {
    case 0:  // otherName: SEQUENCE { type-id OID, value [0] EXPLICIT ANY } (implicit tag)
    {
      ByteView oid;
      Reader v;
      if (!constructed || read_oid(&c, &oid) != Status::ok ||
          read_explicit(&c, &v, 0) != Status::ok || !c.empty()) {
        return kBad;
      }
      g.m_type = GeneralNameType::other_name;
      break;
    }
    case 1:
    case 2:
    case 6:
      if (constructed || !ia5_ok(c.view())) {
        return kBad;
      }
      g.m_type = number == 1   ? GeneralNameType::rfc822_name
                 : number == 2 ? GeneralNameType::dns_name
                               : GeneralNameType::uri;
      break;
    case 3:
    case 5:
      if (!constructed) {
        return kBad;
      }
      g.m_type = number == 3 ? GeneralNameType::x400_address : GeneralNameType::edi_party_name;
      break;
    case 4: {  // directoryName: [4] EXPLICIT Name (Name is a CHOICE, so explicit)
      ByteView name;
      if (!constructed || read_der_element(&c, &name, kSequence) != Status::ok || !c.empty() ||
          check_name(name) != Status::ok) {
        return kBad;
      }
      g.m_type = GeneralNameType::directory_name;
      g.m_value = name;
      break;
    }
    case 7: {
      const size_t n = c.remaining();
      const bool ok_len = in_constraint ? (n == 8 || n == 32) : (n == 4 || n == 16);
      if (constructed || !ok_len) {
        return kBad;
      }
      g.m_type = GeneralNameType::ip_address;
      break;
    }
    case 8:
      if (constructed || check_oid_contents(c.view()) != Status::ok) {
        return kBad;
      }
      g.m_type = GeneralNameType::registered_id;
      break;
    default:
      return kBad;
  }
  *in = r;
  *out = g;
  return Status::ok;
}

Status GeneralNamesReader::next(GeneralName* out, bool* out_done) noexcept {
  if (m_in.empty()) {
    *out_done = true;
    return Status::ok;
  }
  *out_done = false;
  return read_general_name(&m_in, out, false);
}

Status SubtreesReader::next(GeneralName* out, bool* out_done) noexcept {
  if (m_in.empty()) {
    *out_done = true;
    return Status::ok;
  }
  *out_done = false;
  Reader r = m_in;
  Reader subtree;
  if (read_sequence(&r, &subtree) != Status::ok ||
      read_general_name(&subtree, out, true) != Status::ok) {
    return kBad;
  }
  // minimum [0] INTEGER DEFAULT 0 (DER: absent), maximum [1] absent (RFC 5280 4.2.1.10).
  if (!subtree.empty()) {
    return kBad;
  }
  m_in = r;
  return Status::ok;
}

void add_general_name(Writer* w, const GeneralName& g) noexcept {
  const uint32_t n = static_cast<uint32_t>(g.m_type);
  if (g.m_type == GeneralNameType::directory_name) {
    begin_der(w, context_constructed(4));
    w->add_bytes(g.m_value);
    w->end();
  } else if (g.m_type == GeneralNameType::dns_name || g.m_type == GeneralNameType::rfc822_name ||
             g.m_type == GeneralNameType::uri || g.m_type == GeneralNameType::ip_address ||
             g.m_type == GeneralNameType::registered_id) {
    add_der(w, context(n), g.m_value);
  } else {
    w->fail(Status::invalid_argument);
  }
}

}  // namespace x509
}  // namespace petrel
