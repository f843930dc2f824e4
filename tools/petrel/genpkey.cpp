// petrel genpkey: EC (P-256, P-384) and X25519 key generation, written as OpenSSL 3.0's `openssl
// genpkey` writes them: PKCS#8 "PRIVATE KEY" (RFC 5915 inside for EC, RFC 8410 CurvePrivateKey
// for X25519), PEM or DER. Options in openssl's spelling: -algorithm EC|X25519, -pkeyopt
// ec_paramgen_curve:P-256|P-384 (also prime256v1, secp256r1,
// secp384r1), -out, -outform, -text. RSA keys:
// `petrel genrsa`. Randomness: default_rng().
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/ec/ec_keys.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "genpkey";
const CommandHelp kHelp = {
    kCmd, "-algorithm EC|X25519 [options]",
    "  writes a PKCS#8 private key; a new -out file is created with mode 0600\n"
    "  EC curves: P-256 (prime256v1), P-384 (secp384r1); RSA keys: petrel genrsa\n",
    nullptr};

// -pkeyopt ec_paramgen_curve:NAME (the last one counts) and ec_param_enc:named_curve.
bool parse_pkeyopts(const std::vector<std::string>& pkeyopts, std::string* curve) {
  const std::string prefix = "ec_paramgen_curve:";
  for (const std::string& val : pkeyopts) {
    if (val.compare(0, prefix.size(), prefix) == 0) {
      *curve = val.substr(prefix.size());
    } else if (val != "ec_param_enc:named_curve") {  // the only encoding Petrel writes
      fail(kCmd, "unknown -pkeyopt '%s' (ec_paramgen_curve:NAME)", val.c_str());
      return false;
    }
  }
  return true;
}

// The algorithm and curve of -algorithm and -pkeyopt.
bool choose_alg(const std::string& algorithm, const std::string& curve, petrel::EcKeyAlg* alg) {
  if (algorithm == "X25519" || algorithm == "x25519") {
    if (!curve.empty()) {
      fail(kCmd, "ec_paramgen_curve is for -algorithm EC");
      return false;
    }
    *alg = petrel::EcKeyAlg::x25519;
    return true;
  }
  if (algorithm == "EC" || algorithm == "ec") {
    if (curve.empty()) {
      fail(kCmd, "-algorithm EC needs -pkeyopt ec_paramgen_curve:P-256 or P-384");
      return false;
    }
    if (!ec_curve_by_name(curve, alg)) {
      fail(kCmd, "unknown curve '%s' (P-256, P-384)", curve.c_str());
      return false;
    }
    return true;
  }
  if (algorithm.empty()) {
    fail(kCmd, "-algorithm is required (EC or X25519)");
  } else {
    fail(kCmd, "algorithm '%s' not supported (EC, X25519; RSA: petrel genrsa)",
         algorithm.c_str());
  }
  return false;
}
}  // namespace

int cmd_genpkey(int argc, char** argv) {
  std::string out_path;
  std::string algorithm;
  std::string outform;
  std::vector<std::string> pkeyopts;
  bool text = false;
  const std::vector<Option> table = {
      value("algorithm", "EC|X25519", "the key type", &algorithm),
      values("pkeyopt", "OPT", "ec_paramgen_curve:P-256|P-384 (EC), ec_param_enc:named_curve",
             &pkeyopts),
      value("out", "FILE", "the output file (default stdout)", &out_path),
      value("outform", "PEM|DER", "the output's form (default PEM)", &outform),
      flag("text", "also print the key's components", &text),
  };
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  bool pem = true;
  std::string curve;
  petrel::EcKeyAlg alg = petrel::EcKeyAlg::p256;
  if ((!outform.empty() && !parse_form(kCmd, outform, &pem)) ||
      !parse_pkeyopts(pkeyopts, &curve) || !choose_alg(algorithm, curve, &alg)) {
    return kExitFail;
  }
  petrel::EcPrivateKey key;
  std::vector<uint8_t> out;
  if (!generate_ec_key(kCmd, alg, &key) ||
      !encode_key(
          kCmd, petrel::kEcMaxPrivateKeyPemLen,
          [&](petrel::MutableBytes dst, size_t* len) {
            return petrel::ec_private_key_write(dst, len, key, petrel::EcKeyFile::pkcs8_private,
                                                pem);
          },
          &out)) {
    return kExitFail;
  }
  // openssl genpkey -text writes the key, then its text.
  std::string report = text ? ec_key_text(key, false) : std::string();
  const bool ok = write_parts(kCmd, out_path, view_of(out), view_of(report), FileMode::private_key);
  wipe_string(&report);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
