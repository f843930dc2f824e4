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
#include "crypto/util/cursor.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "ecparam";
const CommandHelp kHelp = {
    kCmd, "-name prime256v1|secp384r1 [options]",
    "  -genkey writes a SEC 1 'EC PRIVATE KEY'; the file is created with mode 0600\n"
    "  explicit parameters (-param_enc explicit) are not supported\n",
    nullptr};

// The namedCurve parameters (RFC 5480), PEM "EC PARAMETERS" or DER, appended to *out.
bool write_parameters(petrel::EcKeyAlg alg, bool pem, std::vector<uint8_t>* out) {
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
    return false;
  }
  if (!pem) {
    out->insert(out->end(), der, der + len);
    return true;
  }
  std::vector<uint8_t> p(petrel::pem::pem_encoded_len(13, len));
  size_t plen = 0;
  if (petrel::pem::write_pem(petrel::MutableBytes(p.data(), p.size()), &plen, "EC PARAMETERS",
                             petrel::ByteView(der, len)) != petrel::Status::ok) {
    return false;
  }
  out->insert(out->end(), p.begin(), p.begin() + static_cast<std::ptrdiff_t>(plen));
  return true;
}
}  // namespace

int cmd_ecparam(int argc, char** argv) {
  std::string out_path;
  std::string name;
  std::string outform;
  std::string param_enc;
  bool genkey = false;
  bool noout = false;
  const std::vector<Option> table = {
      value("name", "CURVE", "the curve: prime256v1 (P-256) or secp384r1 (P-384)", &name),
      flag("genkey", "generate a key on the curve", &genkey),
      flag("noout", "write no parameters", &noout),
      value("out", "FILE", "the output file (default stdout)", &out_path),
      value("outform", "PEM|DER", "the output's form (default PEM)", &outform),
      value("param_enc", "named_curve", "the parameter encoding (named_curve only)", &param_enc),
  };
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  bool pem = true;
  if (!outform.empty() && !parse_form(kCmd, outform, &pem)) {
    return kExitFail;
  }
  if (!param_enc.empty() && param_enc != "named_curve") {
    return fail(kCmd, "-param_enc %s not supported (named curves only)", param_enc.c_str());
  }
  petrel::EcKeyAlg alg = petrel::EcKeyAlg::p256;
  if (name.empty()) {
    return fail(kCmd, "-name is required (prime256v1 or secp384r1)");
  }
  if (!ec_curve_by_name(name, &alg)) {
    return fail(kCmd, "unknown curve '%s' (prime256v1, secp384r1)", name.c_str());
  }
  std::vector<uint8_t> out;
  if (!noout && !write_parameters(alg, pem, &out)) {
    return fail(kCmd, "cannot encode the parameters");
  }
  bool ok = true;
  if (genkey) {
    petrel::EcPrivateKey key;
    ok = generate_ec_key(kCmd, alg, &key) &&
         encode_key(
             kCmd, petrel::kEcMaxPrivateKeyPemLen,
             [&](petrel::MutableBytes dst, size_t* len) {
               return petrel::ec_private_key_write(dst, len, key, petrel::EcKeyFile::sec1_private,
                                                   pem);
             },
             &out);
  }
  ok = ok && write_all(kCmd, out_path, out.data(), out.size(),
                       genkey ? FileMode::private_key : FileMode::normal);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
