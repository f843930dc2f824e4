// petrel verify: certificate path validation (crypto/x509/verify.h) with the options and output
// of `openssl verify`:
//   petrel verify -CAfile F [-untrusted F] [-purpose sslserver|sslclient]
//                 [-verify_hostname NAME] [-verify_ip IP] [-attime EPOCH] CERT...
// prints "CERT: OK" for each good certificate; for a bad one prints
//   error <reason> at <depth> depth lookup: <text>
//   error CERT: verification failed
// on stderr, and the exit status is 2 (as openssl's). Inputs may be PEM or DER, with several
// certificates per file (for CERT, the first one is verified, as openssl does).
// -partial_chain as openssl's. Petrel additions: -spki_sha256 HEX pins a trust anchor key;
// -cn_fallback; -auth_level 0 (allow MD5, SHA-1 and keys below 1024 bits) or 1 (the default:
// the checks of OpenSSL 3's level 1: RSA >= 1024 bits, no MD5 or SHA-1 signatures).
// Each certificate is verified twice, with the untrusted certificates parsed and as
// x509::CandidateCert (as tls/ does); a disagreement is reported as an internal error.
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "crypto/x509/verify.h"
#include "tools/petrel/certs.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace {

using petrel::ByteView;
using petrel::Span;
using petrel::Status;
namespace x509 = petrel::x509;

const char* const kCmd = "verify";
constexpr int kExitVerifyFailed = 2;

const CommandHelp kHelp = {
    kCmd, "-CAfile FILE [options] CERT...",
    "  -CAfile, -untrusted and -spki_sha256 may be repeated; PEM or DER files\n"
    "  -CAfile and -untrusted files: at most 16 MiB each; CERT files: at most 1 MiB\n",
    nullptr};

bool parse_epoch(const std::string& s, int64_t* out) {
  if (s.empty() || s.size() > 18) {
    return false;
  }
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

int cmd_verify(int argc, char** argv) {
  std::vector<std::string> ca_files;
  std::vector<std::string> untrusted_files;
  std::vector<std::string> pin_texts;
  x509::VerifyOptions opts;
  opts.m_time = static_cast<int64_t>(std::time(nullptr));
  std::string purpose;
  std::string hostname;
  std::string ip_text;
  std::string attime;
  std::string auth_level;
  bool purpose_seen = false;
  bool ip_seen = false;
  bool attime_seen = false;
  bool auth_level_seen = false;
  const std::vector<Option> table = {
      values("CAfile", "FILE", "trusted certificates", &ca_files),
      values("untrusted", "FILE", "intermediate certificates", &untrusted_files),
      value("purpose", "NAME", "sslserver, sslclient or any", &purpose, &purpose_seen),
      value("verify_hostname", "NAME", "the DNS name the certificate must match", &hostname),
      value("verify_ip", "IP", "the IPv4 or IPv6 address it must match", &ip_text, &ip_seen),
      value("attime", "EPOCH", "verify at this time (seconds since the epoch)", &attime,
            &attime_seen),
      values("spki_sha256", "HEX", "a trust anchor key by its SHA-256 pin", &pin_texts),
      value("auth_level", "0|1", "0: allow MD5, SHA-1 and small keys; 1: not (default)",
            &auth_level, &auth_level_seen),
      flag("cn_fallback", "match the hostname against the CN when there is no SAN",
           &opts.m_cn_fallback),
      flag("partial_chain", "accept an intermediate in -CAfile as a trust anchor",
           &opts.m_partial_chain),
  };
  std::vector<std::string> certs;
  const Parsed parsed = parse_options(kHelp, table, argc, argv, &certs);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (purpose_seen) {
    if (purpose == "sslserver") {
      opts.m_purpose = x509::Purpose::server_auth;
    } else if (purpose == "sslclient") {
      opts.m_purpose = x509::Purpose::client_auth;
    } else if (purpose == "any") {
      opts.m_purpose = x509::Purpose::any;
    } else {
      return fail(kCmd, "unknown purpose '%s' (sslserver, sslclient, any)", purpose.c_str());
    }
  }
  uint8_t ip[16];
  size_t ip_len = 0;
  if (ip_seen &&
      x509::parse_ip_address(ip, &ip_len, ByteView(reinterpret_cast<const uint8_t*>(
                                                        ip_text.data()), ip_text.size())) !=
          Status::ok) {
    return fail(kCmd, "invalid IP address '%s'", ip_text.c_str());
  }
  if (attime_seen && !parse_epoch(attime, &opts.m_time)) {
    return fail(kCmd, "invalid -attime '%s' (seconds since the epoch)", attime.c_str());
  }
  std::vector<uint8_t> pins;
  for (const std::string& text : pin_texts) {
    std::vector<uint8_t> pin;
    std::string err;
    if (!parse_hex(&pin, text, &err) || pin.size() != 32) {
      return fail(kCmd, "-spki_sha256 needs 64 hex digits");
    }
    pins.insert(pins.end(), pin.begin(), pin.end());
  }
  if (auth_level_seen) {
    if (auth_level == "0") {
      opts.m_allow_md5 = true;
      opts.m_allow_sha1 = true;
      opts.m_min_rsa_bits = 0;
    } else if (auth_level != "1") {
      return fail(kCmd, "-auth_level must be 0 or 1");
    }
  }
  if (certs.empty()) {
    print_help(stderr, kHelp, table);
    return fail(kCmd, "no certificate to verify");
  }
  if (ca_files.empty() && pins.empty()) {
    return fail(kCmd, "no trust anchors (-CAfile or -spki_sha256)");
  }
  CertBundle anchors;
  CertBundle untrusted;
  std::string error;
  // Bundles: a block that cannot be used is skipped with a warning (certs.h).
  for (const std::string& f : ca_files) {
    if (!load_cert_bundle(f, kBundleLimit, &anchors, &error)) {
      return fail(kCmd, "%s", error.c_str());
    }
  }
  for (const std::string& f : untrusted_files) {
    if (!load_cert_bundle(f, kBundleLimit, &untrusted, &error)) {
      return fail(kCmd, "%s", error.c_str());
    }
  }
  opts.m_hostname = ByteView(reinterpret_cast<const uint8_t*>(hostname.data()), hostname.size());
  opts.m_ip = ByteView(ip, ip_len);
  x509::TrustStore store;
  store.m_certs = Span<const x509::Certificate>(anchors.m_certs.data(), anchors.m_certs.size());
  store.m_spki_sha256 = Span<const uint8_t>(pins.data(), pins.size());
  const Span<const x509::Certificate> pool(untrusted.m_certs.data(), untrusted.m_certs.size());
  // The same untrusted certificates as candidates (the form tls/ uses): every verdict is made
  // both ways and must agree, so the openssl comparisons (tests/x509) check both searches.
  std::vector<x509::CandidateCert> candidates;
  for (const x509::Certificate& c : untrusted.m_certs) {
    candidates.push_back(x509::make_candidate(c));
  }

  int status = kExitOk;
  for (const std::string& path : certs) {
    CertBundle leaf;
    if (!load_certs(path, kObjectLimit, &leaf, &error)) {
      std::fprintf(stderr, "%s\nerror %s: verification failed\n", error.c_str(), path.c_str());
      status = kExitVerifyFailed;
      continue;
    }
    x509::VerifyResult result;
    const x509::VerifyError e = x509::verify_certificate(&result, leaf.m_certs[0], pool, store,
                                                         opts);
    x509::VerifyResult by_candidates;
    const x509::VerifyError e2 = x509::verify_certificate(
        &by_candidates, leaf.m_certs[0],
        Span<const x509::CandidateCert>(candidates.data(), candidates.size()), store, opts);
    if (e2 != e || by_candidates.m_depth != result.m_depth ||
        by_candidates.m_path_len != result.m_path_len) {
      std::fprintf(stderr, "error %s: internal error: the search over candidates says %s at %zu, "
                   "the search over parsed certificates %s at %zu\n", path.c_str(),
                   x509::verify_error_name(e2), by_candidates.m_depth, x509::verify_error_name(e),
                   result.m_depth);
      status = kExitVerifyFailed;
      continue;
    }
    if (e == x509::VerifyError::ok) {
      std::printf("%s: OK\n", path.c_str());
      continue;
    }
    std::string subject = "?";
    if (result.m_depth < result.m_path_len) {
      subject = name_text(result.m_path[result.m_depth]->m_subject);
    }
    std::fprintf(stderr, "%s\nerror %s at %zu depth lookup: %s\nerror %s: verification failed\n",
                 subject.c_str(), x509::verify_error_name(e), result.m_depth,
                 x509::verify_error_text(e), path.c_str());
    status = kExitVerifyFailed;
  }
  std::fflush(stdout);
  return status;
}

}  // namespace petrel_tool
