// petrel x509 -req (issuing from a PKCS#10 request) and the helpers it shares with petrel req.
#include "tools/petrel/issue.h"

#include <cstring>
#include <ctime>

#include "crypto/pem/pem.h"
#include "crypto/rand/random.h"
#include "crypto/rand/rng.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/csr.h"
#include "crypto/x509/issue.h"
#include "tools/petrel/certs.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"

namespace petrel_tool {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;
namespace x509 = petrel::x509;

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

bool write_der_output(Output* out, ByteView der, const char* label, bool der_out,
                      std::string* error) {
  if (der_out) {
    return out->write(der.data(), der.size(), error);
  }
  std::vector<uint8_t> pem(petrel::pem::pem_encoded_len(std::strlen(label), der.size()));
  size_t len = 0;
  if (petrel::pem::write_pem(MutableBytes(pem.data(), pem.size()), &len, label, der) !=
      Status::ok) {
    *error = "PEM encoding failed";
    return false;
  }
  return out->write(pem.data(), len, error);
}

bool write_cert_output(Output* out, ByteView der, bool der_out, std::string* error) {
  return write_der_output(out, der, "CERTIFICATE", der_out, error);
}

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
