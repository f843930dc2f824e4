// petrel genrsa: RSA key generation (FIPS 186-4 B.3.3 through rsa_generate_key) written as
// `openssl genrsa` of OpenSSL 3.0 writes it: PKCS#8 "PRIVATE KEY" PEM by default, PKCS#1
// "RSA PRIVATE KEY" with -traditional. Randomness: the library's default_rng() (OS-seeded
// HMAC_DRBG).
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/options.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "genrsa";
const CommandHelp kHelp = {
    kCmd, "[options] [BITS]",
    "  BITS 1024..4096, even (default 2048); public exponent 65537\n"
    "  writes a PKCS#8 PEM private key (PKCS#1 'RSA PRIVATE KEY' with -traditional);\n"
    "  a new -out file is created with mode 0600\n",
    nullptr};
}  // namespace

int cmd_genrsa(int argc, char** argv) {
  std::string out_path;
  bool traditional = false;
  bool f4 = false;
  const std::vector<Option> table = {
      value("out", "FILE", "the output file (default stdout)", &out_path),
      flag("traditional", "write PKCS#1 'RSA PRIVATE KEY'", &traditional),
      flag("f4", "public exponent 65537 (the default)", &f4),
      flag("F4", "the same as -f4", &f4),
  };
  std::vector<std::string> rest;
  const Parsed parsed = parse_options(kHelp, table, argc, argv, &rest);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
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
  const petrel::Status st = petrel::rsa_generate_key(key.get(), bits, petrel::default_rng());
  if (st != petrel::Status::ok) {
    return fail(kCmd, "key generation failed: %s", petrel::status_name(st));
  }
  std::vector<uint8_t> out;
  const bool ok =
      encode_key(
          kCmd, petrel::kRsaMaxPrivateKeyPemLen,
          [&](petrel::MutableBytes dst, size_t* len) {
            return petrel::rsa_private_key_write(
                dst, len, *key,
                traditional ? petrel::RsaKeyFile::pkcs1_private : petrel::RsaKeyFile::pkcs8_private,
                true);
          },
          &out) &&
      write_all(kCmd, out_path, out.data(), out.size(), FileMode::private_key);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
