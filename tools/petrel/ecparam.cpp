// petrel ecparam: `openssl ecparam -name prime256v1 -genkey [-noout]` as OpenSSL 3.0 writes it:
// the "EC PARAMETERS" block (the namedCurve OID, RFC 5480) unless -noout, then with -genkey a
// SEC 1 "EC PRIVATE KEY" (RFC 5915, with the [0] curve and [1] public key). Named curves only
// (P-256, P-384). -out files that
// hold a private key are created 0600.
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/pem/pem.h"
#include "crypto/rand/rng.h"
#include "crypto/util/cursor.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "ecparam";
const char kUsage[] =
    "usage: petrel ecparam -name prime256v1|secp384r1 [-genkey] [-noout] [-out FILE]\n"
    "                      [-outform PEM|DER]\n"
    "  -genkey writes a SEC 1 'EC PRIVATE KEY'; the file is created with mode 0600\n"
    "  explicit parameters (-param_enc explicit) are not supported\n";
}  // namespace

int cmd_ecparam(int argc, char** argv) {
  ArgScanner args(kCmd, argc, argv);
  std::string opt;
  std::string val;
  std::string out_path;
  std::string name;
  bool genkey = false;
  bool noout = false;
  bool pem = true;
  while (args.next(&opt)) {
    if (opt == "out") {
      if (!args.value(opt, &out_path)) {
        return kExitFail;
      }
    } else if (opt == "name") {
      if (!args.value(opt, &name)) {
        return kExitFail;
      }
    } else if (opt == "genkey") {
      genkey = true;
    } else if (opt == "noout") {
      noout = true;
    } else if (opt == "outform") {
      if (!args.value(opt, &val) || !parse_form(kCmd, val, &pem)) {
        return kExitFail;
      }
    } else if (opt == "param_enc") {
      if (!args.value(opt, &val)) {
        return kExitFail;
      }
      if (val != "named_curve") {
        return fail(kCmd, "-param_enc %s not supported (named curves only)", val.c_str());
      }
    } else if (opt == "help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else {
      return fail(kCmd, "unknown option -%s (see 'petrel ecparam -help')", opt.c_str());
    }
  }
  if (!args.operands().empty()) {
    return fail(kCmd, "unexpected argument '%s'", args.operands()[0].c_str());
  }
  petrel::EcKeyAlg alg = petrel::EcKeyAlg::p256;
  if (name.empty()) {
    return fail(kCmd, "-name is required (prime256v1 or secp384r1)");
  }
  if (!ec_curve_by_name(name, &alg)) {
    return fail(kCmd, "unknown curve '%s' (prime256v1, secp384r1)", name.c_str());
  }
  std::vector<uint8_t> out;
  if (!noout) {
    uint8_t der[16];
    petrel::Writer w(petrel::MutableBytes(der, sizeof(der)));
    const petrel::ByteView oid =
        alg == petrel::EcKeyAlg::p384
            ? petrel::ByteView(petrel::asn1::oid::kSecp384r1, sizeof(petrel::asn1::oid::kSecp384r1))
            : petrel::ByteView(petrel::asn1::oid::kPrime256v1,
                               sizeof(petrel::asn1::oid::kPrime256v1));
    petrel::asn1::add_oid(&w, oid);
    size_t len = 0;
    if (w.finish(&len) != petrel::Status::ok) {
      return fail(kCmd, "cannot encode the parameters");
    }
    if (pem) {
      std::vector<uint8_t> p(petrel::pem::pem_encoded_len(13, len));
      size_t plen = 0;
      if (petrel::pem::write_pem(petrel::MutableBytes(p.data(), p.size()), &plen,
                                 "EC PARAMETERS", petrel::ByteView(der, len)) != petrel::Status::ok) {
        return fail(kCmd, "cannot encode the parameters");
      }
      out.assign(p.begin(), p.begin() + static_cast<long>(plen));
    } else {
      out.assign(der, der + len);
    }
  }
  if (genkey) {
    petrel::EcPrivateKey key;
    petrel::Status st = petrel::ec_private_key_generate(&key, alg, petrel::default_rng());
    if (st == petrel::Status::unsupported) {
      return fail(kCmd, "%s key generation is not available in this build",
                  petrel::ec_key_alg_name(alg));
    }
    if (st != petrel::Status::ok) {
      return fail(kCmd, "key generation failed: %s", petrel::status_name(st));
    }
    std::vector<uint8_t> k(petrel::kEcMaxPrivateKeyPemLen);
    size_t len = 0;
    st = petrel::ec_private_key_write(petrel::MutableBytes(k.data(), k.size()), &len, key,
                                      petrel::EcKeyFile::sec1_private, pem);
    if (st != petrel::Status::ok) {
      wipe_bytes(&k);
      return fail(kCmd, "cannot encode the key: %s", petrel::status_name(st));
    }
    out.insert(out.end(), k.begin(), k.begin() + static_cast<long>(len));
    wipe_bytes(&k);
  }
  const bool ok = write_all(kCmd, out_path, out.data(), out.size(),
                            genkey ? FileMode::private_key : FileMode::normal);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
