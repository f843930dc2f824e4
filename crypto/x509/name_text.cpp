/*
 * X.509 Names as text (RFC 5280 section 4.1.2.4): printed in OpenSSL's one-line form
 * (name_to_text, escaped as `openssl x509 -noout -subject` escapes), and written from OpenSSL's
 * "/TYPE=value" text (write_name_from_text: OpenSSL's string types and length bounds; a
 * multi-valued RDN sorted as DER sorts a SET OF, X.690 11.6). The DER reader and the comparison
 * are name.cpp. No heap. Not constant-time: names are public.
 */
#include <algorithm>
#include <cstring>

#include "crypto/asn1/oid.h"
#include "crypto/x509/internal.h"
#include "crypto/x509/name.h"

namespace petrel {
namespace x509 {

using namespace asn1;
using namespace internal;

namespace {

void put(MutableBytes out, size_t* pos, bool* truncated, const char* s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (*pos + 1 >= out.size()) {
      *truncated = true;
      return;
    }
    out[(*pos)++] = static_cast<uint8_t>(s[i]);
  }
}

void put_str(MutableBytes out, size_t* pos, bool* truncated, const char* s) {
  put(out, pos, truncated, s, std::strlen(s));
}

void put_hex_byte(MutableBytes out, size_t* pos, bool* truncated, uint8_t c, bool backslash) {
  static const char kHex[] = "0123456789ABCDEF";
  const char esc[3] = {'\\', kHex[c >> 4], kHex[c & 15]};
  if (backslash) {
    put(out, pos, truncated, esc, 3);
  } else {
    put(out, pos, truncated, esc + 1, 2);
  }
}

// Characters that make OpenSSL quote the whole value (RFC 2253 specials, with ESC_QUOTE).
bool needs_quotes_anywhere(uint32_t cp) {
  return cp == ',' || cp == '+' || cp == ';' || cp == '<' || cp == '>';
}

// Prints one string value as `openssl x509 -subject` does by default (XN_FLAG_SEP_CPLUS_SPC,
// ASN1_STRFLGS_ESC_2253 | ESC_CTRL | ESC_MSB | ESC_QUOTE | UTF8_CONVERT): the value is taken to
// UTF-8; every byte >= 0x80 (so also the C1 controls U+0080..U+009F) and every C0 control and
// DEL is written "\XX"; '"' and '\\' are backslash-escaped; a value holding , + ; < > or
// starting with '#' or ' ', or ending with ' ', is put in double quotes. So a value cannot pass
// for a separator or another attribute, and no raw control byte reaches a terminal.
void put_string_value(MutableBytes out, size_t* pos, bool* truncated, Tag tag, ByteView value) {
  bool quotes = false;
  {
    Reader r(value);
    bool first = true;
    uint32_t cp = 0;
    while (!r.empty() && read_string_char(&r, tag, &cp) == Status::ok) {
      // As OpenSSL's do_buf: the last character's flags replace the first's, so a lone '#' is
      // not quoted (a lone ' ' is, as a trailing space).
      const bool last = r.empty();
      if (needs_quotes_anywhere(cp) || (first && !last && (cp == '#' || cp == ' ')) ||
          (last && cp == ' ')) {
        quotes = true;
      }
      first = false;
    }
  }
  if (quotes) {
    put_str(out, pos, truncated, "\"");
  }
  Reader r(value);
  uint32_t cp = 0;
  while (!r.empty() && read_string_char(&r, tag, &cp) == Status::ok) {
    uint8_t utf8[4];
    size_t n = 0;
    if (cp < 0x80) {
      utf8[n++] = static_cast<uint8_t>(cp);
    } else if (cp < 0x800) {
      utf8[n++] = static_cast<uint8_t>(0xc0 | (cp >> 6));
      utf8[n++] = static_cast<uint8_t>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      utf8[n++] = static_cast<uint8_t>(0xe0 | (cp >> 12));
      utf8[n++] = static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3f));
      utf8[n++] = static_cast<uint8_t>(0x80 | (cp & 0x3f));
    } else {
      utf8[n++] = static_cast<uint8_t>(0xf0 | (cp >> 18));
      utf8[n++] = static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3f));
      utf8[n++] = static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3f));
      utf8[n++] = static_cast<uint8_t>(0x80 | (cp & 0x3f));
    }
    for (size_t i = 0; i < n; i++) {
      const uint8_t c = utf8[i];
      if (c < 0x20 || c >= 0x7f) {
        put_hex_byte(out, pos, truncated, c, true);
      } else if (c == '"' || c == '\\') {
        const char esc[2] = {'\\', static_cast<char>(c)};
        put(out, pos, truncated, esc, 2);
      } else {
        const char ch = static_cast<char>(c);
        put(out, pos, truncated, &ch, 1);
      }
    }
  }
  if (quotes) {
    put_str(out, pos, truncated, "\"");
  }
}

}  // namespace

Status name_to_text(MutableBytes out, size_t* out_len, ByteView name) noexcept {
  if (out.empty()) {
    return Status::buffer_too_small;
  }
  size_t pos = 0;
  bool truncated = false;
  NameReader r(name);
  bool first = true;
  for (;;) {
    Attribute a;
    bool done = false;
    if (r.next(&a, &done) != Status::ok) {
      out[0] = 0;
      return kBad;
    }
    if (done) {
      break;
    }
    if (!first) {
      put_str(out, &pos, &truncated, r.rdn_start() ? ", " : " + ");
    }
    first = false;
    const OidInfo* info = oid_lookup(a.m_type);
    if (info != nullptr) {
      put_str(out, &pos, &truncated, info->name);
    } else {
      char dotted[128];
      size_t dl = 0;
      if (oid_to_text(MutableBytes(reinterpret_cast<uint8_t*>(dotted), sizeof(dotted)), &dl,
                      a.m_type) == Status::ok) {
        put(out, &pos, &truncated, dotted, dl);
      }
    }
    put_str(out, &pos, &truncated, " = ");
    if (is_string_tag(a.m_value_tag)) {
      put_string_value(out, &pos, &truncated, a.m_value_tag, a.m_value);
    } else {
      // Not a string (only possible for attribute types Petrel does not know): RFC 4514
      // section 2.4's "#" and the hex of the value's whole DER encoding.
      put_str(out, &pos, &truncated, "#");
      for (size_t i = 0; i < a.m_value_der.size(); i++) {
        put_hex_byte(out, &pos, &truncated, a.m_value_der[i], false);
      }
    }
  }
  out[pos] = 0;
  *out_len = pos;
  return truncated ? Status::buffer_too_small : Status::ok;
}

// ---- writing names from text ---------------------------------------------------------------

namespace {

// The -subj types, their string type, and their length bounds in characters as OpenSSL's
// ASN1_STRING_TABLE (crypto/asn1/a_strnid.c) has them, from the X.520 upper bounds of RFC 5280
// appendix A (ub-common-name 64, ub-locality-name 128, ...); max 0: no bound (OpenSSL has none
// for DC, UID, title, street, pseudonym, dnQualifier, generationQualifier).
struct NameType {
  const char* name;
  const uint8_t* oid;
  size_t oid_len;
  Tag tag;
  size_t min;
  size_t max;
};

#define PETREL_NT(text, o, t, lo, hi) {text, oid::o, sizeof(oid::o), t, lo, hi}
const NameType kNameTypes[] = {
    PETREL_NT("C", kCountryName, kPrintableString, 2, 2),
    PETREL_NT("ST", kStateOrProvinceName, kUtf8String, 1, 128),
    PETREL_NT("L", kLocalityName, kUtf8String, 1, 128),
    PETREL_NT("O", kOrganizationName, kUtf8String, 1, 64),
    PETREL_NT("OU", kOrganizationalUnitName, kUtf8String, 1, 64),
    PETREL_NT("CN", kCommonName, kUtf8String, 1, 64),
    PETREL_NT("emailAddress", kEmailAddress, kIa5String, 1, 128),
    PETREL_NT("DC", kDomainComponent, kIa5String, 1, 0),
    PETREL_NT("UID", kUserId, kUtf8String, 1, 0),
    PETREL_NT("serialNumber", kSerialNumber, kPrintableString, 1, 64),
    PETREL_NT("SN", kSurname, kUtf8String, 1, 32768),
    PETREL_NT("GN", kGivenName, kUtf8String, 1, 32768),
    PETREL_NT("title", kTitle, kUtf8String, 1, 0),
    PETREL_NT("street", kStreetAddress, kUtf8String, 1, 0),
    PETREL_NT("name", kName, kUtf8String, 1, 32768),
    PETREL_NT("initials", kInitials, kUtf8String, 1, 32768),
    PETREL_NT("pseudonym", kPseudonym, kUtf8String, 1, 0),
    PETREL_NT("dnQualifier", kDnQualifier, kPrintableString, 1, 0),
    PETREL_NT("generationQualifier", kGenerationQualifier, kUtf8String, 1, 0),
};
#undef PETREL_NT

const NameType* find_type(ByteView name) {
  for (const NameType& t : kNameTypes) {
    if (std::strlen(t.name) == name.size() && std::memcmp(t.name, name.data(), name.size()) == 0) {
      return &t;
    }
  }
  return nullptr;
}

// Characters of a checked string value: UTF-8 code points, or bytes of the one-byte types.
size_t char_count(Tag tag, ByteView v) {
  if (tag != kUtf8String) {
    return v.size();
  }
  size_t n = 0;
  for (size_t i = 0; i < v.size(); i++) {
    if ((v[i] & 0xc0) != 0x80) {
      n++;
    }
  }
  return n;
}

// X.690 11.6 order of two DER elements: by their encodings as octet strings, a shorter one that
// is a prefix of the other first.
bool der_less(ByteView a, ByteView b) {
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  const int c = std::memcmp(a.data(), b.data(), n);
  return c < 0 || (c == 0 && a.size() < b.size());
}

// Sorts the DER elements in region (the contents of a SET OF, well formed: written by us) in
// place, by selection: the least of the remaining elements is rotated to the front. No heap.
void sort_set_contents(MutableBytes region) {
  size_t pos = 0;
  while (pos < region.size()) {
    Reader r(ByteView(region.data() + pos, region.size() - pos));
    size_t best_off = 0;
    size_t best_len = 0;
    ByteView best;
    size_t off = 0;
    while (!r.empty()) {
      const size_t before = r.remaining();
      Tag t = 0;
      Reader c;
      if (read_any_der(&r, &t, &c) != Status::ok) {
        return;  // cannot happen for what write_name_from_text wrote
      }
      const size_t len = before - r.remaining();
      const ByteView e(region.data() + pos + off, len);
      if (best.empty() || der_less(e, best)) {
        best = e;
        best_off = off;
        best_len = len;
      }
      off += len;
    }
    uint8_t* base = region.data() + pos;
    std::rotate(base, base + best_off, base + best_off + best_len);
    pos += best_len;
  }
}

Status refuse(NameTextError* err, NameTextError::Kind kind, const NameType* type, ByteView text,
              size_t length) {
  if (err != nullptr) {
    err->m_kind = kind;
    err->m_type = type != nullptr ? type->name : nullptr;
    err->m_type_text = text;
    err->m_min = type != nullptr ? type->min : 0;
    err->m_max = type != nullptr ? type->max : 0;
    err->m_length = length;
  }
  return Status::invalid_argument;
}

}  // namespace

Status write_name_from_text(Writer* w, ByteView text, NameTextError* err) noexcept {
  using Kind = NameTextError::Kind;
  if (err != nullptr) {
    *err = NameTextError();
  }
  if (text.empty() || text[0] != '/') {
    return refuse(err, Kind::syntax, nullptr, text, 0);
  }
  begin_der(w, kSequence);
  size_t pos = 0;
  bool rdn_open = false;
  size_t rdn_start = 0;    // where the open RDN's SET contents start in w
  size_t rdn_values = 0;   // attributes in it
  while (pos < text.size()) {
    const uint8_t sep = text[pos++];
    // TYPE up to '='.
    const size_t type_start = pos;
    while (pos < text.size() && text[pos] != '=') {
      pos++;
    }
    const ByteView type_text = text.subspan(type_start, pos - type_start);
    if (pos >= text.size()) {
      if (pos == type_start && sep == '/' && !rdn_open) {
        break;  // "/" alone: an empty name
      }
      return refuse(err, Kind::syntax, nullptr, type_text, 0);
    }
    const NameType* type = find_type(type_text);
    if (type == nullptr) {
      return refuse(err, Kind::unknown_type, nullptr, type_text, 0);
    }
    pos++;  // '='
    if (sep == '/' || !rdn_open) {
      if (rdn_open) {
        if (rdn_values > 1 && w->status() == Status::ok) {
          sort_set_contents(w->written_mutable().subspan(rdn_start));
        }
        w->end();
      }
      begin_der(w, kSet);
      rdn_open = true;
      rdn_start = w->size();
      rdn_values = 0;
    }
    begin_der(w, kSequence);
    add_oid(w, ByteView(type->oid, type->oid_len));
    // The value goes straight into the writer (no bound from a local buffer), then is checked.
    begin_der(w, type->tag);
    const size_t value_start = w->size();
    while (pos < text.size() && text[pos] != '/' && text[pos] != '+') {
      uint8_t c = text[pos++];
      if (c == '\\') {
        if (pos >= text.size()) {
          return refuse(err, Kind::syntax, type, type_text, 0);
        }
        c = text[pos++];
      }
      w->add_u8(c);
    }
    if (w->status() != Status::ok) {
      return w->status();
    }
    const ByteView value = w->written().subspan(value_start);
    if (value.empty()) {
      return refuse(err, Kind::empty_value, type, type_text, 0);
    }
    if (check_string(type->tag, value) != Status::ok) {
      return refuse(err, Kind::bad_characters, type, type_text, 0);
    }
    const size_t chars = char_count(type->tag, value);
    if (chars < type->min) {
      return refuse(err, Kind::too_short, type, type_text, chars);
    }
    if (type->max != 0 && chars > type->max) {
      return refuse(err, Kind::too_long, type, type_text, chars);
    }
    w->end();  // the string
    w->end();  // the AttributeTypeAndValue
    rdn_values++;
  }
  if (rdn_open) {
    if (rdn_values > 1 && w->status() == Status::ok) {
      sort_set_contents(w->written_mutable().subspan(rdn_start));
    }
    w->end();
  }
  w->end();
  return w->status();
}

}  // namespace x509
}  // namespace petrel
