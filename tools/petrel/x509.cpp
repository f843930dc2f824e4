// petrel x509: print certificates (as `openssl x509 -noout -text|-subject|-issuer|-dates|
// -fingerprint`), and issue a certificate from a PKCS#10 request with a CA key
// (`-req -in CSR -CA CERT -CAkey KEY -days N -purpose ca|server|client [-set_serial N]`).
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/hash/hash.h"
#include "crypto/pem/pem.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/verify.h"
#include "tools/petrel/certs.h"
#include "tools/petrel/issue.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;
namespace asn1 = petrel::asn1;
namespace x509 = petrel::x509;

const char* const kCmd = "x509";

const CommandHelp kHelp = {
    kCmd, "-in FILE [-noout] [-text] [-subject] [-issuer] [-dates] [-fingerprint] [-DIGEST]\n"
    "       petrel x509 -req -in CSR -CA CERT -CAkey KEY -days N -purpose ca|server|client\n"
    "                   [-set_serial N] [-DIGEST] [-out FILE]",
    "  input files (certificates, requests, keys): at most 1 MiB each\n",
    "  -DIGEST               -md5 (fingerprints only), -sha1, -sha224, -sha256 (the signing\n"
    "                        default), -sha384, -sha512, or any other name openssl takes for\n"
    "                        them (-SHA2-256, -sha-256)\n"};

std::string oid_name(ByteView oid) {
  const asn1::OidInfo* info = asn1::oid_lookup(oid);
  if (info != nullptr) {
    return info->name;
  }
  char text[160];
  size_t len = 0;
  if (asn1::oid_to_text(MutableBytes(reinterpret_cast<uint8_t*>(text), sizeof(text)), &len,
                        oid) != Status::ok) {
    return "<bad oid>";
  }
  return std::string(text, len);
}

std::string general_name_text(const x509::GeneralName& g) {
  const std::string v(reinterpret_cast<const char*>(g.m_value.data()), g.m_value.size());
  switch (g.m_type) {
    case x509::GeneralNameType::dns_name: return "DNS:" + v;
    case x509::GeneralNameType::rfc822_name: return "email:" + v;
    case x509::GeneralNameType::uri: return "URI:" + v;
    case x509::GeneralNameType::directory_name: return "DirName:" + name_text(g.m_value);
    case x509::GeneralNameType::ip_address: {
      std::string s = "IP Address:";
      char part[8];
      if (g.m_value.size() == 4 || g.m_value.size() == 8) {
        for (size_t i = 0; i < g.m_value.size(); i++) {
          std::snprintf(part, sizeof(part), "%s%u", i == 0 ? "" : (i == 4 ? "/" : "."),
                        g.m_value[i]);
          s += part;
        }
      } else {
        for (size_t i = 0; i < g.m_value.size(); i += 2) {
          std::snprintf(part, sizeof(part), "%s%X", i == 0 ? "" : (i == 16 ? "/" : ":"),
                        (g.m_value[i] << 8) | g.m_value[i + 1]);
          s += part;
        }
      }
      return s;
    }
    default: return "othername:<unsupported>";
  }
}

template <typename ListReader>
std::string names_text(ByteView contents) {
  ListReader r(contents);
  std::string s;
  for (;;) {
    x509::GeneralName g;
    bool done = false;
    if (r.next(&g, &done) != Status::ok || done) {
      return s;
    }
    if (!s.empty()) {
      s += ", ";
    }
    s += general_name_text(g);
  }
}

std::string hex_block(ByteView v, const char* indent) {
  std::string s = indent;
  for (size_t i = 0; i < v.size(); i++) {
    char b[4];
    std::snprintf(b, sizeof(b), "%02x", v[i]);
    s += b;
    if (i + 1 < v.size()) {
      s += ':';
      if (i % 15 == 14) {
        s += "\n";
        s += indent;
      }
    }
  }
  return s + "\n";
}

std::string extension_text(const x509::Certificate& c, const x509::Extension& e) {
  const char* ind = "                ";
  const std::string name = oid_name(e.m_oid);
  std::string head = std::string("            ") + name + ":" + (e.m_critical ? " critical" : "") +
                     "\n";
  std::string body;
  if (name == "basicConstraints") {
    body = std::string(ind) + (c.m_ca ? "CA:TRUE" : "CA:FALSE");
    if (c.m_has_path_len) {
      body += ", pathlen:" + std::to_string(c.m_path_len);
    }
    body += "\n";
  } else if (name == "keyUsage") {
    static const char* const kBits[] = {"Digital Signature", "Non Repudiation",
                                        "Key Encipherment",  "Data Encipherment",
                                        "Key Agreement",     "Certificate Sign",
                                        "CRL Sign",          "Encipher Only",
                                        "Decipher Only"};
    std::string s;
    for (size_t i = 0; i < 9; i++) {
      if ((c.m_key_usage & (1u << i)) != 0) {
        s += (s.empty() ? "" : ", ");
        s += kBits[i];
      }
    }
    body = std::string(ind) + s + "\n";
  } else if (name == "extKeyUsage") {
    x509::OidListReader r(c.m_ext_key_usage);
    std::string s;
    for (;;) {
      ByteView oid;
      bool done = false;
      if (r.next(&oid, &done) != Status::ok || done) {
        break;
      }
      s += (s.empty() ? "" : ", ") + oid_name(oid);
    }
    body = std::string(ind) + s + "\n";
  } else if (name == "subjectAltName") {
    body = std::string(ind) + names_text<x509::GeneralNamesReader>(c.m_san) + "\n";
  } else if (name == "subjectKeyIdentifier") {
    body = std::string(ind) + colon_hex(c.m_subject_key_id) + "\n";
  } else if (name == "authorityKeyIdentifier") {
    body = std::string(ind) + colon_hex(c.m_authority_key_id) + "\n";
  } else if (name == "nameConstraints") {
    if (c.m_has_nc_permitted) {
      body += std::string(ind) + "Permitted: " +
              names_text<x509::SubtreesReader>(c.m_nc_permitted) + "\n";
    }
    if (c.m_has_nc_excluded) {
      body += std::string(ind) + "Excluded: " +
              names_text<x509::SubtreesReader>(c.m_nc_excluded) + "\n";
    }
  } else {
    body = hex_block(e.m_value, ind);
  }
  return head + body;
}

std::string sig_alg_text(const x509::SignatureAlgorithm& a) {
  std::string s = oid_name(a.m_oid);
  if (a.m_scheme == x509::SigScheme::rsa_pss) {
    s += " (hash " + std::string(petrel::hash_name(a.m_hash)) + ", MGF1 same hash, salt " +
         std::to_string(a.m_pss_salt_len) + ")";
  }
  return s;
}

std::string cert_text(const x509::Certificate& c) {
  std::string s = "Certificate:\n    Data:\n";
  s += "        Version: " + std::to_string(c.m_version) + " (0x" +
       std::to_string(c.m_version - 1) + ")\n";
  s += "        Serial Number:\n" + hex_block(c.m_serial, "            ");
  s += "        Signature Algorithm: " + sig_alg_text(c.m_sig_alg) + "\n";
  s += "        Issuer: " + name_text(c.m_issuer) + "\n";
  s += "        Validity\n";
  s += "            Not Before: " + time_text(c.m_not_before) + "\n";
  s += "            Not After : " + time_text(c.m_not_after) + "\n";
  s += "        Subject: " + name_text(c.m_subject) + "\n";
  s += "        Subject Public Key Info:\n";
  s += "            Public Key Algorithm: " + oid_name(c.m_key.m_info.m_alg_oid) + "\n";
  if (c.m_key.m_info.m_type == x509::KeyType::rsa) {
    s += "                Public-Key: (" + std::to_string(c.m_key.m_rsa.m_bits) + " bit)\n";
    s += "                Modulus:\n" + hex_block(c.m_key.m_rsa.m_n, "                    ");
    s += "                Exponent: 0x" + colon_hex(c.m_key.m_rsa.m_e) + "\n";
  } else if (c.m_key.m_info.m_type == x509::KeyType::ec && c.m_key.m_ec_status == petrel::Status::ok) {
    const bool p384 = c.m_key.m_ec.m_alg == petrel::EcKeyAlg::p384;
    s += std::string("                Public-Key: (") + (p384 ? "384" : "256") + " bit)\n";
    s += "                pub:\n" + hex_block(c.m_key.m_ec.m_point, "                    ");
    s += std::string("                ASN1 OID: ") + (p384 ? "secp384r1" : "prime256v1") + "\n";
    s += std::string("                NIST CURVE: ") + (p384 ? "P-384" : "P-256") + "\n";
  } else if (c.m_key.m_info.m_type == x509::KeyType::ec) {
    s += std::string("                (EC key not usable: ") +
         petrel::ec_key_problem_text(c.m_key.m_ec_problem) + ")\n";
  }
  if (!c.m_extensions_der.empty()) {
    s += "        X509v3 extensions:\n";
    x509::ExtensionsReader r(c.m_extensions_der);
    for (;;) {
      x509::Extension e;
      bool done = false;
      if (r.next(&e, &done) != Status::ok || done) {
        break;
      }
      s += extension_text(c, e);
    }
  }
  s += "    Signature Algorithm: " + sig_alg_text(c.m_sig_alg) + "\n";
  s += "    Signature Value:\n" + hex_block(c.m_signature, "        ");
  return s;
}

int show(const std::string& in, const std::string& out_path, bool noout, bool text, bool subject,
         bool issuer, bool dates, bool fingerprint, petrel::HashAlg fp_alg, const std::string& fp_option,
         bool der_out) {
  CertBundle bundle;
  std::string error;
  if (!load_certs(in, kObjectLimit, &bundle, &error)) {
    return fail(kCmd, "%s", error.c_str());
  }
  const x509::Certificate& c = bundle.m_certs[0];
  Output out;
  if (!out.open(out_path, &error)) {
    return fail(kCmd, "%s", error.c_str());
  }
  std::string s;
  if (text) {
    s += cert_text(c);
  }
  if (subject) {
    s += "subject=" + name_text(c.m_subject) + "\n";
  }
  if (issuer) {
    s += "issuer=" + name_text(c.m_issuer) + "\n";
  }
  if (dates) {
    s += "notBefore=" + time_text(c.m_not_before) + "\n";
    s += "notAfter=" + time_text(c.m_not_after) + "\n";
  }
  if (fingerprint) {
    uint8_t d[petrel::kMaxDigestSize];
    if (petrel::hash(fp_alg, MutableBytes(d, sizeof(d)), c.m_der) != Status::ok) {
      return fail(kCmd, "hash failed");
    }
    // openssl labels the default digest "SHA1" and a named one as the option spelled it.
    const std::string label = fp_option.empty() ? "SHA1" : fp_option;
    s += label + " Fingerprint=" + colon_hex(ByteView(d, petrel::hash_digest_size(fp_alg))) +
         "\n";
  }
  bool ok = out.write_str(s, &error);
  if (ok && !noout) {
    ok = write_cert_output(&out, c.m_der, der_out, &error);
  }
  if (!ok || !out.close(&error)) {
    return fail(kCmd, "%s", error.c_str());
  }
  return kExitOk;
}

}  // namespace

int cmd_x509(int argc, char** argv) {
  std::string in;
  std::string out;
  bool noout = false;
  bool text = false;
  bool subject = false;
  bool issuer = false;
  bool dates = false;
  bool fingerprint = false;
  std::string outform;
  bool outform_seen = false;
  bool req = false;
  IssueParams issue;
  std::string days_text;
  bool days_seen = false;
  const std::vector<Option> table = {
      value("in", "FILE", "the certificate (with -req: the request)", &in),
      value("out", "FILE", "the output file (default stdout)", &out),
      value("outform", "PEM|DER", "the output form (default PEM)", &outform, &outform_seen),
      flag("noout", "print no certificate", &noout),
      flag("text", "print the certificate in text", &text),
      flag("subject", "print the subject", &subject),
      flag("issuer", "print the issuer", &issuer),
      flag("dates", "print notBefore and notAfter", &dates),
      flag("fingerprint", "print the fingerprint (SHA-1 unless -DIGEST)", &fingerprint),
      flag("req", "issue a certificate for the -in request", &req),
      value("CA", "CERT", "the issuing CA's certificate", &issue.m_ca_cert),
      value("CAkey", "KEY", "the issuing CA's private key", &issue.m_ca_key),
      value("days", "N", "validity, 1..36500 (default 30)", &days_text, &days_seen),
      value("purpose", "ROLE", "ca, server or client (default server)", &issue.m_role),
      value("set_serial", "N", "the serial number (default random)", &issue.m_serial),
  };
  petrel::HashAlg md = petrel::HashAlg::sha256;
  std::string md_option;
  // -DIGEST: -sha256, -SHA2-256, -md5 (fingerprints only): the library's digest table.
  const OtherOption digest_option = [&md, &md_option](const std::string& name, ArgScanner*,
                                                      bool*) {
    if (petrel::hash_from_name(&md, name.c_str()) != Status::ok) {
      return false;
    }
    md_option = name;
    return true;
  };
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr, digest_option);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  bool pem_out = true;
  if (outform_seen && !parse_form(kCmd, outform, &pem_out)) {
    return kExitFail;
  }
  const bool der_out = !pem_out;
  if (days_seen && !parse_days(kCmd, days_text, &issue.m_days)) {
    return kExitFail;
  }
  if (req) {
    if (md == petrel::HashAlg::md5) {
      return fail(kCmd, "-%s: MD5 does not sign certificates (sha1, sha224, sha256, sha384, "
                  "sha512)", md_option.c_str());
    }
    issue.m_csr = in;
    issue.m_out = out;
    issue.m_hash = md;
    issue.m_der_out = der_out;
    return issue_from_csr(kCmd, issue);
  }
  const petrel::HashAlg fp = md_option.empty() ? petrel::HashAlg::sha1 : md;
  return show(in, out, noout, text, subject, issuer, dates, fingerprint, fp, md_option, der_out);
}

}  // namespace petrel_tool
