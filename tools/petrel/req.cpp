// petrel req: PKCS#10 requests and self-signed roots, with the options of `openssl req`:
//   petrel req -new -key KEY -subj SUBJ [-addext subjectAltName=DNS:a,IP:b,email:c]
//              [-sha256|-sha384|-sha512|-sha1] [-outform PEM|DER] [-out F]
//   petrel req -x509 -new -key KEY -subj SUBJ -days N [-set_serial N] [-addext ...] -out F
//   petrel req -in F -verify [-noout] [-subject]
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "crypto/rand/rng.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/csr.h"
#include "crypto/x509/issue.h"
#include "crypto/x509/name.h"
#include "crypto/x509/verify.h"
#include "tools/petrel/certs.h"
#include "tools/petrel/issue.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/options.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;
namespace x509 = petrel::x509;

const char* const kCmd = "req";

const CommandHelp kHelp = {
    kCmd, "-new -key KEY -subj /C=../O=../CN=.. [options]\n"
    "       petrel req -x509 -new -key KEY -subj SUBJ -days N [-set_serial N] -out FILE\n"
    "       petrel req -in FILE -verify [-noout] [-subject]",
    "  -addext: subjectAltName only, once; input files (keys, requests): at most 1 MiB\n",
    "  -DIGEST               the signature's digest: sha1, sha224, sha256 (the default), sha384,\n"
    "                        sha512, or any other name openssl takes for them (-SHA2-256, ...)\n"};

ByteView bytes_of(const std::string& s) {
  return ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// The extension name of an -addext argument: "subjectAltName" of "subjectAltName = DNS:a".
std::string addext_name(const std::string& ext) {
  return trim_blanks(ext.substr(0, ext.find('=')));
}

// One subjectAltName entry, owning its bytes (for IP: the 4 or 16 address bytes).
struct SanEntry {
  x509::GeneralNameType m_type = x509::GeneralNameType::dns_name;
  std::string m_value;
};

// "subjectAltName=DNS:a,IP:1.2.3.4,email:x@y" -> entries appended to *out.
bool parse_san(const std::string& ext, std::vector<SanEntry>* out, std::string* error) {
  const size_t eq = ext.find('=');
  if (eq == std::string::npos || addext_name(ext) != "subjectAltName") {
    *error = "-addext: only subjectAltName=... is supported";
    return false;
  }
  const std::string rest = ext.substr(eq + 1);
  size_t start = 0;
  for (;;) {
    const size_t comma = rest.find(',', start);
    const std::string item = trim_blanks(rest.substr(
        start, comma == std::string::npos ? std::string::npos : comma - start));
    const size_t colon = item.find(':');
    if (colon == std::string::npos || colon + 1 >= item.size()) {
      *error = "-addext: bad entry '" + item + "'";
      return false;
    }
    const std::string type = item.substr(0, colon);
    const std::string value = item.substr(colon + 1);
    SanEntry e;
    e.m_value = value;
    if (type == "DNS") {
      e.m_type = x509::GeneralNameType::dns_name;
    } else if (type == "email") {
      e.m_type = x509::GeneralNameType::rfc822_name;
    } else if (type == "URI") {
      e.m_type = x509::GeneralNameType::uri;
    } else if (type == "IP") {
      uint8_t ip[16];
      size_t ip_len = 0;
      if (x509::parse_ip_address(ip, &ip_len, bytes_of(value)) != Status::ok) {
        *error = "-addext: bad IP address '" + value + "'";
        return false;
      }
      e.m_type = x509::GeneralNameType::ip_address;
      e.m_value.assign(reinterpret_cast<const char*>(ip), ip_len);
    } else {
      *error = "-addext: unsupported name type '" + type + "' (DNS, IP, email, URI)";
      return false;
    }
    if (e.m_type != x509::GeneralNameType::ip_address) {
      for (char c : e.m_value) {
        if (static_cast<unsigned char>(c) > 0x7f) {
          *error = "-addext: names must be ASCII (IA5String)";
          return false;
        }
      }
    }
    out->push_back(std::move(e));
    if (comma == std::string::npos) {
      return true;
    }
    start = comma + 1;
  }
}

// GeneralName views of the entries. Built only once every entry is parsed: the views point into
// the entries' strings, so `entries` must not change while they are in use (a std::vector that
// grows moves its strings, and a short string keeps its bytes inside the object).
std::vector<x509::GeneralName> san_views(const std::vector<SanEntry>& entries) {
  std::vector<x509::GeneralName> v;
  v.reserve(entries.size());
  for (const SanEntry& e : entries) {
    x509::GeneralName g;
    g.m_type = e.m_type;
    g.m_value = bytes_of(e.m_value);
    v.push_back(g);
  }
  return v;
}

// The message for a -subj that write_name_from_text refused: it names the attribute and, for a
// length, the bound (openssl says "string too long ... maxsize=64" and the attribute).
std::string subj_error(const std::string& subj, const x509::NameTextError& e) {
  using Kind = x509::NameTextError::Kind;
  const std::string type = e.m_type != nullptr
                               ? std::string(e.m_type)
                               : std::string(reinterpret_cast<const char*>(e.m_type_text.data()),
                                             e.m_type_text.size());
  char buf[256];
  switch (e.m_kind) {
    case Kind::unknown_type:
      return "-subj: unknown attribute type '" + type +
             "' (known: C ST L O OU CN emailAddress DC UID serialNumber SN GN title street name "
             "initials pseudonym dnQualifier generationQualifier)";
    case Kind::empty_value:
      return "-subj: " + type + " has an empty value";
    case Kind::bad_characters:
      if (type == "C" || type == "serialNumber" || type == "dnQualifier") {
        return "-subj: " + type +
               " must be a PrintableString (letters, digits, space and ' ( ) + , - . / : = ?)";
      }
      if (type == "emailAddress" || type == "DC") {
        return "-subj: " + type + " must be ASCII (an IA5String)";
      }
      return "-subj: " + type + " is not valid UTF-8";
    case Kind::too_short:
    case Kind::too_long:
      if (e.m_min == e.m_max) {
        std::snprintf(buf, sizeof(buf), "-subj: %s must be exactly %zu characters (got %zu)",
                      type.c_str(), e.m_max, e.m_length);
      } else if (e.m_kind == Kind::too_long) {
        std::snprintf(buf, sizeof(buf), "-subj: %s must be at most %zu characters (got %zu)",
                      type.c_str(), e.m_max, e.m_length);
      } else {
        std::snprintf(buf, sizeof(buf), "-subj: %s must be at least %zu characters (got %zu)",
                      type.c_str(), e.m_min, e.m_length);
      }
      return buf;
    case Kind::syntax:
    case Kind::none:
      break;
  }
  return "bad -subj '" + subj + "' (expected /TYPE=value/...)";
}

int verify_request(const std::string& in, bool noout, bool subject) {
  std::vector<std::vector<uint8_t>> blobs;
  std::string error;
  if (!load_der_blobs(in, "CERTIFICATE REQUEST", kObjectLimit, &blobs, &error)) {
    return fail(kCmd, "%s", error.c_str());
  }
  x509::CertificationRequest csr;
  if (x509::parse_csr(&csr, ByteView(blobs[0].data(), blobs[0].size())) != Status::ok) {
    return fail(kCmd, "%s: malformed certificate request", input_name(in).c_str());
  }
  if (subject) {
    std::printf("subject=%s\n", name_text(csr.m_subject).c_str());
  }
  const Status s = x509::verify_csr(csr);
  if (s != Status::ok) {
    std::fprintf(stderr, "Certificate request self-signature verify failure\n");
    return kExitFail;
  }
  std::fprintf(stderr, "Certificate request self-signature verify OK\n");
  if (!noout) {
    Output out;
    if (!out.open("", &error) || !write_der_output(&out, csr.m_der, "CERTIFICATE REQUEST", false,
                                                   &error) ||
        !out.close(&error)) {
      return fail(kCmd, "%s", error.c_str());
    }
  }
  return kExitOk;
}

}  // namespace

int cmd_req(int argc, char** argv) {
  bool is_new = false;
  bool self_signed = false;
  bool verify = false;
  bool noout = false;
  bool subject_out = false;
  bool ignored = false;
  std::string key_path;
  std::string subj;
  std::string in;
  std::string out_path;
  std::string serial_text;
  std::string days_text;
  std::string outform;
  std::vector<std::string> addext;
  bool days_seen = false;
  bool outform_seen = false;
  const std::vector<Option> table = {
      flag("new", "create a request (with -x509: a self-signed certificate)", &is_new),
      flag("x509", "a self-signed CA certificate instead of a request", &self_signed),
      value("key", "KEY", "the signing key (RSA, P-256 or P-384; PEM or DER)", &key_path),
      value("subj", "SUBJ", "the subject, /C=../O=../CN=..", &subj),
      values("addext", "EXT", "subjectAltName=DNS:a,IP:b,email:c", &addext),
      value("days", "N", "validity of -x509 certificates, 1..36500 (default 30)", &days_text,
            &days_seen),
      value("set_serial", "N", "serial number of -x509 certificates (default random)",
            &serial_text),
      value("outform", "PEM|DER", "the output form (default PEM)", &outform, &outform_seen),
      value("out", "FILE", "the output file (default stdout)", &out_path),
      value("in", "FILE", "a request to verify", &in),
      flag("verify", "verify the request's self-signature (always done with -in)", &verify),
      flag("noout", "print no request", &noout),
      flag("subject", "print the request's subject", &subject_out),
      // openssl compatibility: Petrel never encrypts keys and never prompts.
      flag("nodes", "accepted, no effect (keys are never encrypted)", &ignored),
      flag("noenc", "the same as -nodes", &ignored),
      flag("batch", "accepted, no effect (never prompts)", &ignored),
  };
  petrel::HashAlg md = petrel::HashAlg::sha256;
  // -DIGEST: a digest option (-sha256, -SHA2-384, ...) from the library's table.
  const OtherOption digest_option = [&md](const std::string& name, ArgScanner*, bool* error) {
    if (petrel::hash_from_name(&md, name.c_str()) != Status::ok) {
      return false;
    }
    if (md == petrel::HashAlg::md5) {
      fail(kCmd, "-%s: MD5 does not sign requests (sha1, sha224, sha256, sha384, sha512)",
           name.c_str());
      *error = true;
    }
    return true;
  };
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr, digest_option);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  // openssl refuses an extension given twice; merging them silently would be a guess.
  for (size_t i = 0; i < addext.size(); ++i) {
    const std::string ext = addext_name(addext[i]);
    for (size_t j = 0; j < i; ++j) {
      if (addext_name(addext[j]) == ext) {
        return fail(kCmd,
                    "-addext: duplicate extension %s (give it once; several names go in one "
                    "list: subjectAltName=DNS:a,DNS:b)",
                    ext.c_str());
      }
    }
  }
  bool pem_out = true;
  if (outform_seen && !parse_form(kCmd, outform, &pem_out)) {
    return kExitFail;
  }
  const bool der_out = !pem_out;
  size_t days = 30;
  if (days_seen && !parse_days(kCmd, days_text, &days)) {
    return kExitFail;
  }
  if (!is_new) {
    if (in.empty()) {
      print_help(stderr, kHelp, table);
      return fail(kCmd, "need -new or -in FILE");
    }
    (void)verify;  // -in always verifies the self-signature, as -verify asks
    return verify_request(in, noout, subject_out);
  }
  if (key_path.empty() || subj.empty()) {
    return fail(kCmd, "-new needs -key KEY and -subj SUBJECT");
  }
  std::string error;
  // An RSA or EC (P-256/P-384: ECDSA) key.
  petrel::RsaPrivateKey rsa_key;
  petrel::EcPrivateKey ec_key;
  bool ec = false;
  if (!load_rsa_or_ec_private_key(kCmd, key_path, kFormAny, &rsa_key, &ec_key, &ec)) {
    return kExitFail;
  }
  if (ec && ec_key.m_alg == petrel::EcKeyAlg::x25519) {
    return fail(kCmd, "%s: an X25519 key cannot sign", input_name(key_path).c_str());
  }
  const x509::SigningKey key = ec ? x509::signing_key(ec_key) : x509::signing_key(rsa_key);
  std::vector<uint8_t> subject(subj.size() * 4 + 64);
  petrel::Writer nw(MutableBytes(subject.data(), subject.size()));
  size_t subject_len = 0;
  x509::NameTextError name_error;
  if (x509::write_name_from_text(&nw, bytes_of(subj), &name_error) != Status::ok ||
      nw.finish(&subject_len) != Status::ok) {
    return fail(kCmd, "%s", subj_error(subj, name_error).c_str());
  }
  const ByteView subject_der(subject.data(), subject_len);
  std::vector<SanEntry> san_entries;
  for (const std::string& e : addext) {
    if (!parse_san(e, &san_entries, &error)) {
      return fail(kCmd, "%s", error.c_str());
    }
  }
  const std::vector<x509::GeneralName> san = san_views(san_entries);
  std::vector<uint8_t> der(32768);
  size_t len = 0;
  const char* label = "CERTIFICATE REQUEST";
  if (!self_signed) {
    const Status s = x509::create_csr(MutableBytes(der.data(), der.size()), &len, key, subject_der,
                                      petrel::Span<const x509::GeneralName>(san.data(), san.size()),
                                      md, petrel::default_rng());
    if (s != Status::ok) {
      return fail(kCmd, "creating the request failed: %s", petrel::status_name(s));
    }
  } else {
    label = "CERTIFICATE";
    // The SAN entries as GeneralNames contents.
    std::vector<uint8_t> san_der(4096);
    petrel::Writer sw(MutableBytes(san_der.data(), san_der.size()));
    for (const x509::GeneralName& g : san) {
      x509::add_general_name(&sw, g);
    }
    size_t san_len = 0;
    std::vector<uint8_t> spki(petrel::kRsaMaxModulusBytes * 2 + 64);
    petrel::Writer kw(MutableBytes(spki.data(), spki.size()));
    x509::add_signer_public_key_info(&kw, key);
    size_t spki_len = 0;
    std::vector<uint8_t> serial;
    if (sw.finish(&san_len) != Status::ok || kw.finish(&spki_len) != Status::ok) {
      return fail(kCmd, "encoding failed");
    }
    if (!make_serial(serial_text, &serial, &error)) {
      return fail(kCmd, "%s", error.c_str());
    }
    x509::IssueSpec spec;
    spec.m_serial = ByteView(serial.data(), serial.size());
    spec.m_not_before = static_cast<int64_t>(std::time(nullptr));
    spec.m_not_after = spec.m_not_before + static_cast<int64_t>(days) * 86400;
    spec.m_role = x509::Role::ca;
    spec.m_subject = subject_der;
    spec.m_issuer = subject_der;
    spec.m_subject_key = ByteView(spki.data(), spki_len);
    spec.m_san = ByteView(san_der.data(), san_len);
    spec.m_hash = md;
    const Status s = x509::issue_certificate(MutableBytes(der.data(), der.size()), &len, spec, key,
                                             petrel::default_rng());
    if (s != Status::ok) {
      return fail(kCmd, "creating the certificate failed: %s", petrel::status_name(s));
    }
  }
  Output out;
  if (!out.open(out_path, &error) ||
      !write_der_output(&out, ByteView(der.data(), len), label, der_out, &error) ||
      !out.close(&error)) {
    return fail(kCmd, "%s", error.c_str());
  }
  return kExitOk;
}

}  // namespace petrel_tool
