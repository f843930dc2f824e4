// petrel x509 -req (issuing from a PKCS#10 request) and the helpers it shares with petrel req.
#include "tools/petrel/issue.h"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/pem/pem.h"
#include "crypto/rand/random.h"
#include "crypto/rand/rng.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/csr.h"
#include "crypto/x509/issue.h"
#include "crypto/x509/name.h"
#include "crypto/x509/name_match.h"
#include "crypto/util/cursor.h"
#include "tools/petrel/certs.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"

namespace petrel_tool {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;
namespace x509 = petrel::x509;

bool parse_days(const char* cmd, const std::string& text, size_t* days) {
  size_t d = 0;
  if (!parse_size(text, &d) || d == 0 || d > 36500) {
    fail(cmd, "-days must be 1..36500");
    return false;
  }
  *days = d;
  return true;
}

bool make_serial(const std::string& text, std::vector<uint8_t>* out, std::string* error) {
  out->clear();
  if (text.empty()) {
    uint8_t r[16];
    // random_bytes() rather than a virtual call through default_rng(): the library is built
    // without RTTI, so UBSan's vptr check cannot follow its objects from here.
    if (petrel::random_bytes(MutableBytes(r, sizeof(r))) != Status::ok) {
      *error = "random serial: RNG failure";
      return false;
    }
    r[0] = static_cast<uint8_t>((r[0] & 0x7f) | 0x40);  // positive, 16 bytes, never zero
    out->assign(r, r + sizeof(r));
    return true;
  }
  // Big-endian bytes by repeated multiply-add (base 10 or 16).
  std::string digits = text;
  unsigned base = 10;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
    base = 16;
    digits = digits.substr(2);
  }
  std::vector<uint8_t> v(1, 0);
  for (char ch : digits) {
    unsigned d = 0;
    if (ch >= '0' && ch <= '9') {
      d = static_cast<unsigned>(ch - '0');
    } else if (base == 16 && ch >= 'a' && ch <= 'f') {
      d = static_cast<unsigned>(ch - 'a' + 10);
    } else if (base == 16 && ch >= 'A' && ch <= 'F') {
      d = static_cast<unsigned>(ch - 'A' + 10);
    } else {
      *error = "-set_serial: not a number: " + text;
      return false;
    }
    unsigned carry = d;
    for (size_t i = v.size(); i-- > 0;) {
      const unsigned x = v[i] * base + carry;
      v[i] = static_cast<uint8_t>(x & 0xff);
      carry = x >> 8;
    }
    if (carry != 0) {
      v.insert(v.begin(), static_cast<uint8_t>(carry));
    }
  }
  while (v.size() > 1 && v[0] == 0) {
    v.erase(v.begin());
  }
  if (digits.empty() || v.size() > 20 || (v.size() == 1 && v[0] == 0)) {
    *error = "-set_serial: must be 1..2^160-1";
    return false;
  }
  *out = v;
  return true;
}

namespace {

// A DNS name that can stand in a dNSName (RFC 5280 4.2.1.6, RFC 1034 preferred syntax): labels
// of letters, digits and inner hyphens, 1 to 63 characters, 253 in all, and at most a "*" as
// the whole left-most label of a name with two labels more (the only wildcard RFC 6125 matches).
bool is_dns_name(const std::string& s) {
  if (s.empty() || s.size() > 253 || s.back() == '.') {
    return false;
  }
  size_t start = 0;
  size_t labels = 0;
  bool wildcard = false;
  while (start <= s.size()) {
    size_t end = s.find('.', start);
    if (end == std::string::npos) {
      end = s.size();
    }
    const std::string label = s.substr(start, end - start);
    if (label == "*" && labels == 0) {
      wildcard = true;
    } else {
      if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
      }
      for (char c : label) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
          return false;
        }
      }
    }
    labels++;
    start = end + 1;
  }
  return !wildcard || labels >= 3;
}

// For -purpose server and a request without subjectAltName: the request's one CN as a
// GeneralNames contents (an iPAddress when the CN is an IPv4/IPv6 address, else a dNSName), so
// that the certificate verifies by host name under RFC 6125 (which looks at the SAN, not the
// CN), as public CAs copy it. *note says what was done, or why not.
bool san_from_cn(ByteView subject, std::vector<uint8_t>* san_der, std::string* note) {
  x509::NameReader r(subject);
  std::string cn;
  size_t cns = 0;
  for (;;) {
    x509::Attribute a;
    bool done = false;
    if (r.next(&a, &done) != Status::ok) {
      *note = "the subject is malformed";
      return false;
    }
    if (done) {
      break;
    }
    if (!petrel::asn1::oid_equal(a.m_type, ByteView(petrel::asn1::oid::kCommonName,
                                                     sizeof(petrel::asn1::oid::kCommonName)))) {
      continue;
    }
    cns++;
    uint8_t buf[1024];
    size_t len = 0;
    if (petrel::asn1::string_to_utf8(MutableBytes(buf, sizeof(buf)), &len, a.m_value_tag,
                                     a.m_value) != Status::ok) {
      *note = "its CN is not a string";
      return false;
    }
    cn.assign(reinterpret_cast<const char*>(buf), len);
  }
  if (cns != 1) {
    *note = cns == 0 ? "the subject has no CN" : "the subject has several CNs";
    return false;
  }
  uint8_t ip[16];
  size_t ip_len = 0;
  x509::GeneralName g;
  std::string text;
  const ByteView cn_view(reinterpret_cast<const uint8_t*>(cn.data()), cn.size());
  if (x509::parse_ip_address(ip, &ip_len, cn_view) == Status::ok) {
    g.m_type = x509::GeneralNameType::ip_address;
    g.m_value = ByteView(ip, ip_len);
    text = "IP:" + cn;
  } else if (is_dns_name(cn)) {
    g.m_type = x509::GeneralNameType::dns_name;
    g.m_value = cn_view;
    text = "DNS:" + cn;
  } else {
    *note = "its CN '" + cn + "' is neither a DNS name nor an IP address";
    return false;
  }
  san_der->assign(cn.size() + 16, 0);
  petrel::Writer w(MutableBytes(san_der->data(), san_der->size()));
  x509::add_general_name(&w, g);
  size_t len = 0;
  if (w.finish(&len) != Status::ok) {
    *note = "encoding the name failed";
    return false;
  }
  san_der->resize(len);
  *note = text;
  return true;
}

}  // namespace

int issue_from_csr(const char* cmd, const IssueParams& p) {
  if (p.m_csr.empty() || p.m_ca_cert.empty() || p.m_ca_key.empty()) {
    return fail(cmd, "-req needs -in CSR, -CA CERT and -CAkey KEY");
  }
  x509::Role role = x509::Role::server;
  if (p.m_role == "ca") {
    role = x509::Role::ca;
  } else if (p.m_role == "client") {
    role = x509::Role::client;
  } else if (p.m_role != "server") {
    return fail(cmd, "-purpose must be ca, server or client");
  }
  std::string error;
  std::vector<std::vector<uint8_t>> blobs;
  if (!load_der_blobs(p.m_csr, "CERTIFICATE REQUEST", kObjectLimit, &blobs, &error)) {
    return fail(cmd, "%s", error.c_str());
  }
  x509::CertificationRequest csr;
  if (x509::parse_csr(&csr, ByteView(blobs[0].data(), blobs[0].size())) != Status::ok) {
    return fail(cmd, "%s: malformed certificate request", input_name(p.m_csr).c_str());
  }
  if (x509::verify_csr(csr) != Status::ok) {
    return fail(cmd, "%s: request signature does not verify", input_name(p.m_csr).c_str());
  }
  CertBundle ca;
  if (!load_certs(p.m_ca_cert, kObjectLimit, &ca, &error)) {
    return fail(cmd, "%s", error.c_str());
  }
  const x509::Certificate& ca_cert = ca.m_certs[0];
  // An RSA or EC (ECDSA) CA key; it must be the CA certificate's key.
  petrel::RsaPrivateKey rsa_key;
  petrel::EcPrivateKey ec_key;
  bool ec = false;
  if (!load_rsa_or_ec_private_key(cmd, p.m_ca_key, kFormAny, &rsa_key, &ec_key, &ec)) {
    return kExitFail;
  }
  const Status match = ec ? x509::check_private_key_matches(ca_cert, ec_key)
                          : x509::check_private_key_matches(ca_cert, rsa_key);
  if (match != Status::ok) {
    return fail(cmd, "the CA key does not match the CA certificate");
  }
  const x509::SigningKey key = ec ? x509::signing_key(ec_key) : x509::signing_key(rsa_key);
  std::vector<uint8_t> serial;
  if (!make_serial(p.m_serial, &serial, &error)) {
    return fail(cmd, "%s", error.c_str());
  }
  x509::IssueSpec spec;
  spec.m_serial = ByteView(serial.data(), serial.size());
  spec.m_not_before = static_cast<int64_t>(std::time(nullptr));
  spec.m_not_after = spec.m_not_before + static_cast<int64_t>(p.m_days) * 86400;
  spec.m_role = role;
  spec.m_subject = csr.m_subject;
  spec.m_subject_key = csr.m_key.m_info.m_der;
  spec.m_san = csr.m_san;
  std::vector<uint8_t> cn_san;
  if (role == x509::Role::server && csr.m_san.empty()) {
    // RFC 6125 (and Petrel's own client) match host names against the subjectAltName only; a
    // request made with `-subj /CN=host` and no SAN would give a certificate that never
    // verifies by name. Public CAs copy the CN; so does this, and says so.
    std::string note;
    if (san_from_cn(csr.m_subject, &cn_san, &note)) {
      spec.m_san = ByteView(cn_san.data(), cn_san.size());
      std::fprintf(stderr,
                   "petrel %s: the request has no subjectAltName: added subjectAltName=%s "
                   "from its CN\n",
                   cmd, note.c_str());
    } else {
      warn(cmd,
           "the request has no subjectAltName and %s: the certificate has no subjectAltName "
           "and will not verify by host name",
           note.c_str());
    }
  }
  spec.m_issuer = ca_cert.m_subject;
  spec.m_issuer_key_id = ca_cert.m_subject_key_id;
  spec.m_hash = p.m_hash;
  std::vector<uint8_t> der(16384 + csr.m_der.size());
  size_t len = 0;
  const Status s = x509::issue_certificate(MutableBytes(der.data(), der.size()), &len, spec, key,
                                           petrel::default_rng());
  if (s != Status::ok) {
    return fail(cmd, "issuing failed: %s", petrel::status_name(s));
  }
  Output out;
  if (!out.open(p.m_out, &error) ||
      !write_cert_output(&out, ByteView(der.data(), len), p.m_der_out, &error) ||
      !out.close(&error)) {
    return fail(cmd, "%s", error.c_str());
  }
  return kExitOk;
}

}  // namespace petrel_tool
