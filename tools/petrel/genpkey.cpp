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
#include "crypto/rand/rng.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "genpkey";
const char kUsage[] =
    "usage: petrel genpkey -algorithm EC|X25519 [-pkeyopt ec_paramgen_curve:P-256|P-384]\n"
    "                      [-out FILE] [-outform PEM|DER] [-text]\n"
    "  writes a PKCS#8 private key; a new -out file is created with mode 0600\n"
    "  EC curves: P-256 (prime256v1), P-384 (secp384r1); RSA keys: petrel genrsa\n";
}  // namespace

int cmd_genpkey(int argc, char** argv) {
  ArgScanner args(kCmd, argc, argv);
  std::string opt;
  std::string val;
  std::string out_path;
  std::string algorithm;
  std::string curve;
  bool pem = true;
  bool text = false;
  while (args.next(&opt)) {
    if (opt == "out") {
      if (!args.value(opt, &out_path)) {
        return kExitFail;
      }
    } else if (opt == "algorithm") {
      if (!args.value(opt, &algorithm)) {
        return kExitFail;
      }
    } else if (opt == "pkeyopt") {
      if (!args.value(opt, &val)) {
        return kExitFail;
      }
      const std::string prefix = "ec_paramgen_curve:";
      if (val.compare(0, prefix.size(), prefix) == 0) {
        curve = val.substr(prefix.size());
      } else if (val == "ec_param_enc:named_curve") {
        // the only encoding Petrel writes
      } else {
        return fail(kCmd, "unknown -pkeyopt '%s' (ec_paramgen_curve:NAME)", val.c_str());
      }
    } else if (opt == "outform") {
      if (!args.value(opt, &val) || !parse_form(kCmd, val, &pem)) {
        return kExitFail;
      }
    } else if (opt == "text") {
      text = true;
    } else if (opt == "help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else {
      return fail(kCmd, "unknown option -%s (see 'petrel genpkey -help')", opt.c_str());
    }
  }
  if (!args.operands().empty()) {
    return fail(kCmd, "unexpected argument '%s'", args.operands()[0].c_str());
  }
  petrel::EcKeyAlg alg = petrel::EcKeyAlg::p256;
  if (algorithm == "X25519" || algorithm == "x25519") {
    if (!curve.empty()) {
      return fail(kCmd, "ec_paramgen_curve is for -algorithm EC");
    }
    alg = petrel::EcKeyAlg::x25519;
  } else if (algorithm == "EC" || algorithm == "ec") {
    if (curve.empty()) {
      return fail(kCmd, "-algorithm EC needs -pkeyopt ec_paramgen_curve:P-256 or P-384");
    }
    if (!ec_curve_by_name(curve, &alg)) {
      return fail(kCmd, "unknown curve '%s' (P-256, P-384)", curve.c_str());
    }
  } else if (algorithm.empty()) {
    return fail(kCmd, "-algorithm is required (EC or X25519)");
  } else {
    return fail(kCmd, "algorithm '%s' not supported (EC, X25519; RSA: petrel genrsa)",
                algorithm.c_str());
  }
  petrel::EcPrivateKey key;
  petrel::Status st = petrel::ec_private_key_generate(&key, alg, petrel::default_rng());
  if (st == petrel::Status::unsupported) {
    return fail(kCmd, "%s key generation is not available in this build",
                petrel::ec_key_alg_name(alg));
  }
  if (st != petrel::Status::ok) {
    return fail(kCmd, "key generation failed: %s", petrel::status_name(st));
  }
  std::vector<uint8_t> out(petrel::kEcMaxPrivateKeyPemLen);
  size_t len = 0;
  st = petrel::ec_private_key_write(petrel::MutableBytes(out.data(), out.size()), &len, key,
                                    petrel::EcKeyFile::pkcs8_private, pem);
  if (st != petrel::Status::ok) {
    wipe_bytes(&out);
    return fail(kCmd, "cannot encode the key: %s", petrel::status_name(st));
  }
  out.resize(len);
  if (text) {
    const std::string t = ec_key_text(key, false);
    out.insert(out.end(), t.begin(), t.end());
  }
  const bool ok = write_all(kCmd, out_path, out.data(), out.size(), FileMode::private_key);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
