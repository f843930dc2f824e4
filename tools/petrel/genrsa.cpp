// petrel genrsa: RSA key generation (FIPS 186-4 B.3.3 through rsa_generate_key) written as
// `openssl genrsa` of OpenSSL 3.0 writes it: PKCS#8 "PRIVATE KEY" PEM by default, PKCS#1
// "RSA PRIVATE KEY" with -traditional. Randomness: the library's default_rng() (OS-seeded
// HMAC_DRBG).
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_keys.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "genrsa";
const char kUsage[] =
    "usage: petrel genrsa [-out FILE] [-traditional] [BITS]\n"
    "  BITS 1024..4096, even (default 2048); public exponent 65537\n"
    "  writes a PKCS#8 PEM private key (PKCS#1 'RSA PRIVATE KEY' with -traditional);\n"
    "  a new -out file is created with mode 0600\n";
}  // namespace

int cmd_genrsa(int argc, char** argv) {
  ArgScanner args(kCmd, argc, argv);
  std::string opt;
  std::string out_path;
  bool traditional = false;
  while (args.next(&opt)) {
    if (opt == "out") {
      if (!args.value(opt, &out_path)) {
        return kExitFail;
      }
    } else if (opt == "traditional") {
      traditional = true;
    } else if (opt == "f4" || opt == "F4") {
      // 65537, the default
    } else if (opt == "help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else {
      return fail(kCmd, "unknown option -%s (see 'petrel help genrsa')", opt.c_str());
    }
  }
  const std::vector<std::string> rest = args.operands();
  size_t bits = 2048;
  if (rest.size() > 1) {
    return fail(kCmd, "extra arguments after the key size");
  }
  if (rest.size() == 1 && !parse_size(rest[0], &bits)) {
    return fail(kCmd, "bad key size '%s'", rest[0].c_str());
  }
  if (bits < 1024 || bits > petrel::kRsaMaxPrivateBits || bits % 2 != 0) {
    return fail(kCmd, "key size %zu not supported (even, 1024..%zu)", bits,
                petrel::kRsaMaxPrivateBits);
  }
  auto key = new_private_key();
  petrel::Status st = petrel::rsa_generate_key(key.get(), bits, petrel::default_rng());
  if (st != petrel::Status::ok) {
    return fail(kCmd, "key generation failed: %s", petrel::status_name(st));
  }
  std::vector<uint8_t> out(petrel::kRsaMaxPrivateKeyPemLen);
  size_t len = 0;
  st = petrel::rsa_private_key_write(
      petrel::MutableBytes(out.data(), out.size()), &len, *key,
      traditional ? petrel::RsaKeyFile::pkcs1_private : petrel::RsaKeyFile::pkcs8_private, true);
  if (st != petrel::Status::ok) {
    wipe_bytes(&out);
    return fail(kCmd, "cannot encode the key: %s", petrel::status_name(st));
  }
  const bool ok = write_all(kCmd, out_path, out.data(), len, FileMode::private_key);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
