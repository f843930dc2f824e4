// petrel ec: EC key file conversion and display with the options and output of OpenSSL 3.0's
// `openssl ec`: a private key is written as SEC 1 "EC PRIVATE KEY" (RFC 5915), -pubout writes
// the SubjectPublicKeyInfo (RFC 5480), -pubin reads one; PEM or DER; -text prints the key as
// openssl does (priv, pub, ASN1 OID, NIST CURVE); -noout writes no key. P-256 and P-384 (a
// P-384 private key file must carry its public key, see crypto/ec/ec_keys.h); X25519 keys are
// not EC keys for openssl ec and are refused here too.
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/ec/ec_keys.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "ec";
const char kUsage[] =
    "usage: petrel ec [-in FILE] [-inform PEM|DER] [-pubin] [-out FILE] [-outform PEM|DER]\n"
    "                 [-pubout] [-text] [-noout]\n"
    "  P-256/P-384 keys; private keys are written as SEC 1 'EC PRIVATE KEY' (mode 0600),\n"
    "  public keys as SubjectPublicKeyInfo; the input file is at most 1 MiB\n";
}  // namespace

int cmd_ec(int argc, char** argv) {
  ArgScanner args(kCmd, argc, argv);
  std::string opt;
  std::string val;
  std::string in_path;
  std::string out_path;
  int inform = kFormAny;
  bool out_pem = true;
  bool pubin = false;
  bool pubout = false;
  bool text = false;
  bool noout = false;
  while (args.next(&opt)) {
    if (opt == "in") {
      if (!args.value(opt, &in_path)) {
        return kExitFail;
      }
    } else if (opt == "out") {
      if (!args.value(opt, &out_path)) {
        return kExitFail;
      }
    } else if (opt == "inform" || opt == "outform") {
      bool pem = true;
      if (!args.value(opt, &val) || !parse_form(kCmd, val, &pem)) {
        return kExitFail;
      }
      if (opt == "inform") {
        inform = pem ? kFormPem : kFormDer;
      } else {
        out_pem = pem;
      }
    } else if (opt == "pubin") {
      pubin = true;
    } else if (opt == "pubout") {
      pubout = true;
    } else if (opt == "text") {
      text = true;
    } else if (opt == "noout") {
      noout = true;
    } else if (opt == "help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else {
      return fail(kCmd, "unknown option -%s (see 'petrel ec -help')", opt.c_str());
    }
  }
  if (!args.operands().empty()) {
    return fail(kCmd, "unexpected argument '%s'", args.operands()[0].c_str());
  }
  petrel::EcPrivateKey priv;
  petrel::EcPublicKey pub;
  std::vector<uint8_t> storage;
  if (pubin) {
    if (!load_ec_public_key(kCmd, in_path, inform, false, &pub, &storage)) {
      return kExitFail;
    }
  } else if (!load_ec_private_key(kCmd, in_path, inform, &priv)) {
    return kExitFail;
  } else {
    pub = priv.public_part();
  }
  if (pub.m_alg == petrel::EcKeyAlg::x25519) {
    return fail(kCmd, "%s: an X25519 key is not an EC key (petrel ec takes P-256/P-384)",
                input_name(in_path).c_str());
  }
  std::fputs("read EC key\n", stderr);
  std::string report;
  if (text) {
    report = pubin ? ec_public_key_text(pub) : ec_key_text(priv, false);
  }
  std::vector<uint8_t> out;
  if (!noout) {
    std::fputs("writing EC key\n", stderr);
    out.resize(petrel::kEcMaxPrivateKeyPemLen + petrel::kEcMaxPublicKeyPemLen);
    size_t len = 0;
    const petrel::MutableBytes dst(out.data(), out.size());
    const petrel::Status st =
        pubin || pubout
            ? petrel::ec_public_key_write(dst, &len, pub, out_pem)
            : petrel::ec_private_key_write(dst, &len, priv, petrel::EcKeyFile::sec1_private, out_pem);
    if (st != petrel::Status::ok) {
      wipe_bytes(&out);
      return fail(kCmd, "cannot encode the key: %s", petrel::status_name(st));
    }
    out.resize(len);
  }
  std::vector<uint8_t> all(report.begin(), report.end());
  all.insert(all.end(), out.begin(), out.end());
  wipe_bytes(&out);
  const bool private_out = (text && !pubin) || (!pubin && !pubout && !noout);
  const bool ok = write_all(kCmd, out_path, all.data(), all.size(),
                            private_out ? FileMode::private_key : FileMode::normal);
  if (!report.empty()) {
    petrel::secure_wipe(&report[0], report.size());
  }
  wipe_bytes(&all);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
