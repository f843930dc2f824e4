/*
 * X.509 certificate parsing: RFC 5280 sections 4.1 (Certificate, TBSCertificate, names, times,
 * SubjectPublicKeyInfo) and 4.2.1 (the standard extensions), RFC 4055 section 3.1 (RSASSA-PSS
 * parameters), RFC 8017 appendix A (RSA keys and algorithm identifiers), name comparison after
 * RFC 5280 section 7.1. Strict DER throughout (crypto/asn1/der.h); views into the caller's
 * buffer, no heap. Not constant-time: certificates are public data.
 */
#include "crypto/x509/cert.h"

#include <cstring>

#include "crypto/asn1/oid.h"
#include "crypto/rsa/rsa_keys.h"

namespace petrel {
namespace x509 {
namespace {

using namespace asn1;

constexpr Status kBad = Status::decode_error;

bool oid_is(ByteView oid, const uint8_t* c, size_t n) { return oid_equal(oid, ByteView(c, n)); }
#define PETREL_OID_IS(v, name) oid_is((v), oid::name, sizeof(oid::name))

bool hash_from_oid(ByteView oid, HashAlg* out) {
  if (PETREL_OID_IS(oid, kSha1)) {
    *out = HashAlg::sha1;
  } else if (PETREL_OID_IS(oid, kSha224)) {
    *out = HashAlg::sha224;
  } else if (PETREL_OID_IS(oid, kSha256)) {
    *out = HashAlg::sha256;
  } else if (PETREL_OID_IS(oid, kSha384)) {
    *out = HashAlg::sha384;
  } else if (PETREL_OID_IS(oid, kSha512)) {
    *out = HashAlg::sha512;
  } else {
    return false;
  }
  return true;
}

// A hash AlgorithmIdentifier inside PSS parameters: OID with NULL or absent parameters.
Status read_hash_algorithm(Reader* in, HashAlg* out) {
  Reader seq;
  ByteView oid;
  if (read_sequence(in, &seq) != Status::ok || read_oid(&seq, &oid) != Status::ok) {
    return kBad;
  }
  if (!seq.empty() && read_null(&seq) != Status::ok) {
    return kBad;
  }
  if (!seq.empty()) {
    return kBad;
  }
  if (!hash_from_oid(oid, out)) {
    return Status::unsupported;
  }
  return Status::ok;
}

// RFC 4055 section 3.1 RSASSA-PSS-params.
Status parse_pss_params(Reader* params, SignatureAlgorithm* out) {
  Reader seq;
  if (read_sequence(params, &seq) != Status::ok || !params->empty()) {
    return kBad;
  }
  HashAlg hash = HashAlg::sha1;
  HashAlg mgf_hash = HashAlg::sha1;
  uint64_t salt = 20;
  bool present = false;
  Reader inner;
  if (read_optional_explicit(&seq, &inner, &present, 0) != Status::ok) {
    return kBad;
  }
  if (present) {
    const Status s = read_hash_algorithm(&inner, &hash);
    if (s != Status::ok) {
      return s;
    }
    if (!inner.empty()) {
      return kBad;
    }
  }
  if (read_optional_explicit(&seq, &inner, &present, 1) != Status::ok) {
    return kBad;
  }
  if (present) {
    Reader mgf;
    ByteView mgf_oid;
    if (read_sequence(&inner, &mgf) != Status::ok || !inner.empty() ||
        read_oid(&mgf, &mgf_oid) != Status::ok) {
      return kBad;
    }
    if (!PETREL_OID_IS(mgf_oid, kMgf1)) {
      return Status::unsupported;
    }
    const Status s = read_hash_algorithm(&mgf, &mgf_hash);
    if (s != Status::ok) {
      return s;
    }
    if (!mgf.empty()) {
      return kBad;
    }
  }
  if (read_optional_explicit(&seq, &inner, &present, 2) != Status::ok) {
    return kBad;
  }
  if (present) {
    if (read_uint64(&inner, &salt) != Status::ok || !inner.empty() || salt > 8192) {
      return kBad;
    }
  }
  if (read_optional_explicit(&seq, &inner, &present, 3) != Status::ok) {
    return kBad;
  }
  if (present) {
    uint64_t trailer = 0;
    if (read_uint64(&inner, &trailer) != Status::ok || !inner.empty()) {
      return kBad;
    }
    if (trailer != 1) {
      return Status::unsupported;
    }
  }
  if (!seq.empty()) {
    return kBad;
  }
  if (mgf_hash != hash) {
    return Status::unsupported;  // Petrel's PSS uses MGF1 with the message hash
  }
  out->m_scheme = SigScheme::rsa_pss;
  out->m_hash = hash;
  out->m_pss_salt_len = static_cast<size_t>(salt);
  return Status::ok;
}

struct Pkcs1Alg {
  const uint8_t* oid;
  size_t oid_len;
  HashAlg hash;
};

const Pkcs1Alg kPkcs1Algs[] = {
    {oid::kMd5WithRsa, sizeof(oid::kMd5WithRsa), HashAlg::md5},
    {oid::kSha1WithRsa, sizeof(oid::kSha1WithRsa), HashAlg::sha1},
    {oid::kSha224WithRsa, sizeof(oid::kSha224WithRsa), HashAlg::sha224},
    {oid::kSha256WithRsa, sizeof(oid::kSha256WithRsa), HashAlg::sha256},
    {oid::kSha384WithRsa, sizeof(oid::kSha384WithRsa), HashAlg::sha384},
    {oid::kSha512WithRsa, sizeof(oid::kSha512WithRsa), HashAlg::sha512},
};

}  // namespace

// ---- algorithms -------------------------------------------------------------------------------

Status parse_signature_algorithm(Reader* in, SignatureAlgorithm* out) noexcept {
  Reader r = *in;
  ByteView element;
  if (read_der_element(&r, &element, kSequence) != Status::ok) {
    return kBad;
  }
  Reader seq(element);
  Reader body;
  ByteView oid;
  if (read_sequence(&seq, &body) != Status::ok || read_oid(&body, &oid) != Status::ok) {
    return kBad;
  }
  SignatureAlgorithm alg;
  alg.m_der = element;
  alg.m_oid = oid;
  bool known = false;
  for (const Pkcs1Alg& a : kPkcs1Algs) {
    if (oid_equal(oid, ByteView(a.oid, a.oid_len))) {
      // RFC 8017 A.2.4 / RFC 4055 section 5: NULL parameters (absent is tolerated, as in the wild).
      if (!body.empty() && read_null(&body) != Status::ok) {
        return kBad;
      }
      if (!body.empty()) {
        return kBad;
      }
      alg.m_scheme = SigScheme::rsa_pkcs1;
      alg.m_hash = a.hash;
      known = true;
      break;
    }
  }
  if (!known && PETREL_OID_IS(oid, kRsassaPss)) {
    const Status s = parse_pss_params(&body, &alg);
    if (s == kBad) {
      return kBad;
    }
    if (s != Status::ok) {
      alg.m_scheme = SigScheme::unknown;  // parameters Petrel cannot verify
    }
    known = true;
  }
  if (!known) {
    // Unknown algorithm: the parameters must be one well-formed element, or none.
    if (!body.empty()) {
      Tag t = 0;
      Reader c;
      if (read_any_der(&body, &t, &c) != Status::ok || !body.empty()) {
        return kBad;
      }
    }
  }
  *in = r;
  *out = alg;
  return Status::ok;
}

void add_rsa_pkcs1_algorithm(Writer* w, HashAlg hash) noexcept {
  for (const Pkcs1Alg& a : kPkcs1Algs) {
    if (a.hash == hash) {
      begin_der(w, kSequence);
      add_oid(w, ByteView(a.oid, a.oid_len));
      add_null(w);
      w->end();
      return;
    }
  }
  w->fail(Status::invalid_argument);
}

Status parse_public_key_info(Reader* in, PublicKeyInfo* out) noexcept {
  Reader r = *in;
  ByteView element;
  if (read_der_element(&r, &element, kSequence) != Status::ok) {
    return kBad;
  }
  Reader seq(element);
  Reader body;
  Reader alg;
  ByteView oid;
  ByteView key;
  if (read_sequence(&seq, &body) != Status::ok || read_sequence(&body, &alg) != Status::ok ||
      read_oid(&alg, &oid) != Status::ok || read_bit_string_octets(&body, &key) != Status::ok ||
      !body.empty()) {
    return kBad;
  }
  PublicKeyInfo info;
  info.m_der = element;
  info.m_alg_oid = oid;
  info.m_key = key;
  if (PETREL_OID_IS(oid, kRsaEncryption)) {
    Reader rsa(key);
    Reader rsa_seq;
    if (read_null(&alg) != Status::ok || !alg.empty() ||
        read_sequence(&rsa, &rsa_seq) != Status::ok || !rsa.empty() ||
        read_unsigned_integer(&rsa_seq, &info.m_rsa_n) != Status::ok ||
        read_unsigned_integer(&rsa_seq, &info.m_rsa_e) != Status::ok || !rsa_seq.empty()) {
      return kBad;
    }
    size_t bits = info.m_rsa_n.size() * 8;
    uint8_t top = info.m_rsa_n[0];
    if (top == 0) {
      bits = 0;
    } else {
      while ((top & 0x80) == 0) {
        bits--;
        top = static_cast<uint8_t>(top << 1);
      }
    }
    info.m_rsa_bits = bits;
    info.m_type = KeyType::rsa;
  } else {
    // Other algorithms: parameters are one element or none.
    if (!alg.empty()) {
      Tag t = 0;
      Reader c;
      if (read_any_der(&alg, &t, &c) != Status::ok || !alg.empty()) {
        return kBad;
      }
    }
    info.m_type = PETREL_OID_IS(oid, kEcPublicKey) ? KeyType::ec : KeyType::unknown;
  }
  *in = r;
  *out = info;
  return Status::ok;
}

Status rsa_key_from_info(RsaPublicKey* out, const PublicKeyInfo& info, uint32_t flags) noexcept {
  if (info.m_type != KeyType::rsa) {
    return Status::unsupported;
  }
  return rsa_public_key_from_spki(out, info.m_der, flags);
}

void add_rsa_public_key_info(Writer* w, const RsaPublicKey& key) noexcept {
  uint8_t spki[kRsaMaxPublicKeyDerLen];
  size_t len = 0;
  if (rsa_public_key_to_spki(MutableBytes(spki, sizeof(spki)), &len, key) != Status::ok) {
    w->fail(Status::invalid_argument);
    return;
  }
  w->add_bytes(ByteView(spki, len));
}

Status verify_signature(const PublicKeyInfo& key, const SignatureAlgorithm& alg,
                        ByteView signed_data, ByteView signature, uint32_t key_flags) noexcept {
  if (key.m_type != KeyType::rsa || alg.m_scheme == SigScheme::unknown) {
    return Status::unsupported;
  }
  RsaPublicKey pub;
  Status s = rsa_key_from_info(&pub, key, key_flags);
  if (s != Status::ok) {
    return s;
  }
  uint8_t digest[kMaxDigestSize];
  s = hash(alg.m_hash, MutableBytes(digest, sizeof(digest)), signed_data);
  if (s != Status::ok) {
    return s;
  }
  const ByteView d(digest, hash_digest_size(alg.m_hash));
  if (signature.size() != pub.size()) {
    return Status::auth_failed;
  }
  if (alg.m_scheme == SigScheme::rsa_pkcs1) {
    s = rsa_pkcs1_verify(pub, alg.m_hash, d, signature);
  } else {
    s = rsa_pss_verify(pub, alg.m_hash, d, signature, alg.m_pss_salt_len);
  }
  if (s != Status::ok && s != Status::unsupported) {
    return Status::auth_failed;
  }
  return s;
}

// ---- names -------------------------------------------------------------------------------------

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
  Reader atv;
  ByteView type;
  Tag tag = 0;
  Reader value;
  if (read_sequence(&m_rdn, &atv) != Status::ok || read_oid(&atv, &type) != Status::ok ||
      read_any_der(&atv, &tag, &value) != Status::ok || !atv.empty()) {
    m_bad = true;
    return kBad;
  }
  if (is_string_tag(tag) && check_string(tag, value.view()) != Status::ok) {
    m_bad = true;
    return kBad;
  }
  out->m_type = type;
  out->m_value_tag = tag;
  out->m_value = value.view();
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

bool same_bytes(ByteView a, ByteView b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
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

// Compares two Names RDN by RDN, attribute by attribute.
bool names_match(ByteView a, ByteView b) {
  NameReader ra(a);
  NameReader rb(b);
  for (;;) {
    Attribute x;
    Attribute y;
    bool done_a = false;
    bool done_b = false;
    if (ra.next(&x, &done_a) != Status::ok || rb.next(&y, &done_b) != Status::ok) {
      return false;
    }
    if (done_a || done_b) {
      return done_a && done_b;
    }
    if (ra.rdn_start() != rb.rdn_start() || !attribute_equal(x, y)) {
      return false;
    }
  }
}

}  // namespace

bool name_equal(ByteView a, ByteView b) noexcept {
  if (same_bytes(a, b)) {
    return check_name(a) == Status::ok;
  }
  return names_match(a, b);
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
  // Compare the first k RDNs: walk the prefix fully against name truncated at k RDNs.
  NameReader rp(prefix);
  NameReader rn(name);
  for (;;) {
    Attribute x;
    Attribute y;
    bool done_p = false;
    bool done_n = false;
    if (rp.next(&x, &done_p) != Status::ok) {
      return false;
    }
    if (rn.next(&y, &done_n) != Status::ok) {
      return false;
    }
    if (done_p) {
      // The prefix ended: the name must be at an RDN boundary too.
      return done_n || rn.rdn_start();
    }
    if (done_n || rp.rdn_start() != rn.rdn_start() || !attribute_equal(x, y)) {
      return false;
    }
  }
}

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
    uint8_t utf8[512];
    size_t ul = 0;
    if (is_string_tag(a.m_value_tag) &&
        string_to_utf8(MutableBytes(utf8, sizeof(utf8)), &ul, a.m_value_tag, a.m_value) ==
            Status::ok) {
      for (size_t i = 0; i < ul; i++) {
        const uint8_t c = utf8[i];
        if (c < 0x20 || c == 0x7f) {
          static const char kHex[] = "0123456789ABCDEF";
          const char esc[3] = {'\\', kHex[c >> 4], kHex[c & 15]};
          put(out, &pos, &truncated, esc, 3);
        } else {
          const char ch = static_cast<char>(c);
          put(out, &pos, &truncated, &ch, 1);
        }
      }
    } else {
      put_str(out, &pos, &truncated, "<non-string>");
    }
  }
  out[pos] = 0;
  *out_len = pos;
  return truncated ? Status::buffer_too_small : Status::ok;
}

// ---- general names ------------------------------------------------------------------------------

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

Status OidListReader::next(ByteView* out, bool* out_done) noexcept {
  if (m_in.empty()) {
    *out_done = true;
    return Status::ok;
  }
  *out_done = false;
  return read_oid(&m_in, out);
}

// ---- extensions ---------------------------------------------------------------------------------

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
  // DER named bit list: no trailing zero bits (X.690 11.2.2).
  if ((bits[bits.size() - 1] & (1u << unused)) == 0) {
    return kBad;
  }
  uint16_t ku = 0;
  for (size_t i = 0; i < bits.size() * 8; i++) {
    if ((bits[i / 8] & (0x80u >> (i % 8))) != 0) {
      ku = static_cast<uint16_t>(ku | (1u << i));
    }
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
            read_any_der(&q, &t, &qv) != Status::ok || !q.empty()) {
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
    *out_bit = kExtNameConstraints;
    return parse_name_constraints(v, c);
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

Status parse_extensions(Reader* exts, Certificate* c) {
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

}  // namespace

Status ExtensionsReader::next(Extension* out, bool* out_done) noexcept {
  if (m_in.empty()) {
    *out_done = true;
    return Status::ok;
  }
  *out_done = false;
  return read_extension(&m_in, out);
}

// ---- certificates -------------------------------------------------------------------------------

Status read_certificate(Reader* in, Certificate* out) noexcept {
  Reader r = *in;
  ByteView whole;
  if (read_der_element(&r, &whole, kSequence) != Status::ok) {
    return kBad;
  }
  Certificate c;
  c.m_der = whole;
  Reader outer(whole);
  Reader cert;
  if (read_sequence(&outer, &cert) != Status::ok ||
      read_der_element(&cert, &c.m_tbs, kSequence) != Status::ok) {
    return kBad;
  }
  Reader tbs_outer(c.m_tbs);
  Reader tbs;
  if (read_sequence(&tbs_outer, &tbs) != Status::ok) {
    return kBad;
  }
  // version [0] EXPLICIT Version DEFAULT v1
  Reader ver;
  bool has_version = false;
  if (read_optional_explicit(&tbs, &ver, &has_version, 0) != Status::ok) {
    return kBad;
  }
  if (has_version) {
    uint64_t v = 0;
    if (read_uint64(&ver, &v) != Status::ok || !ver.empty() || v > 2 || v == 0) {
      return kBad;  // DER: v1 is omitted; only v2 and v3 may appear
    }
    c.m_version = static_cast<uint8_t>(v + 1);
  }
  bool negative = false;
  Reader serial;
  if (read_der(&tbs, &serial, kInteger) != Status::ok ||
      parse_integer_contents(serial.view(), &negative) != Status::ok || serial.remaining() > 21) {
    return kBad;  // RFC 5280 4.1.2.2: at most 20 octets (21 with a sign octet)
  }
  c.m_serial = serial.view();
  SignatureAlgorithm inner_alg;
  if (parse_signature_algorithm(&tbs, &inner_alg) != Status::ok ||
      read_der_element(&tbs, &c.m_issuer, kSequence) != Status::ok ||
      check_name(c.m_issuer) != Status::ok) {
    return kBad;
  }
  Reader validity;
  if (read_sequence(&tbs, &validity) != Status::ok ||
      read_time(&validity, &c.m_not_before) != Status::ok ||
      read_time(&validity, &c.m_not_after) != Status::ok || !validity.empty()) {
    return kBad;
  }
  if (read_der_element(&tbs, &c.m_subject, kSequence) != Status::ok ||
      check_name(c.m_subject) != Status::ok ||
      parse_public_key_info(&tbs, &c.m_key) != Status::ok) {
    return kBad;
  }
  // issuerUniqueID [1], subjectUniqueID [2]: v2 or v3 only; BIT STRING contents.
  for (uint32_t n = 1; n <= 2; n++) {
    Reader uid;
    bool present = false;
    if (read_optional_der(&tbs, &uid, &present, context(n)) != Status::ok) {
      return kBad;
    }
    if (present) {
      uint8_t unused = 0;
      if (c.m_version < 2 || !uid.read_u8(&unused) || unused > 7) {
        return kBad;
      }
    }
  }
  Reader exts_wrap;
  bool has_exts = false;
  if (read_optional_explicit(&tbs, &exts_wrap, &has_exts, 3) != Status::ok) {
    return kBad;
  }
  if (has_exts) {
    Reader exts;
    if (c.m_version != 3 || read_sequence(&exts_wrap, &exts) != Status::ok ||
        !exts_wrap.empty() || parse_extensions(&exts, &c) != Status::ok) {
      return kBad;
    }
  }
  if (!tbs.empty()) {
    return kBad;
  }
  if (parse_signature_algorithm(&cert, &c.m_sig_alg) != Status::ok ||
      read_bit_string_octets(&cert, &c.m_signature) != Status::ok || !cert.empty()) {
    return kBad;
  }
  // RFC 5280 4.1.1.2: the signature field in the TBSCertificate is the same algorithm.
  if (!same_bytes(inner_alg.m_der, c.m_sig_alg.m_der)) {
    return kBad;
  }
  *in = r;
  *out = c;
  return Status::ok;
}

Status parse_certificate(Certificate* out, ByteView der) noexcept {
  Reader r(der);
  Certificate c;
  if (read_certificate(&r, &c) != Status::ok || !r.empty()) {
    return kBad;
  }
  *out = c;
  return Status::ok;
}

bool is_self_issued(const Certificate& c) noexcept { return name_equal(c.m_issuer, c.m_subject); }

Status spki_sha256(uint8_t out[32], const Certificate& c) noexcept {
  return hash(HashAlg::sha256, MutableBytes(out, 32), c.m_key.m_der);
}

}  // namespace x509
}  // namespace petrel
