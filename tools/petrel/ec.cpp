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
#include "tools/petrel/key_file.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {
const char* const kCmd = "ec";
const CommandHelp kHelp = {
    kCmd, "[options]",
    "  P-256/P-384 keys; private keys are written as SEC 1 'EC PRIVATE KEY' (mode 0600),\n"
    "  public keys as SubjectPublicKeyInfo; the input file is at most 1 MiB\n",
    nullptr};
}  // namespace

int cmd_ec(int argc, char** argv) {
  KeyIoOptions io;
  std::vector<Option> table;
  io.add_to(&table);
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (!io.resolve(kCmd)) {
    return kExitFail;
  }
  petrel::EcPrivateKey priv;
  petrel::EcPublicKey pub;
  std::vector<uint8_t> storage;
  if (io.m_pubin) {
    if (!load_ec_public_key(kCmd, io.m_in, io.m_in_form, false, &pub, &storage)) {
      return kExitFail;
    }
  } else if (!load_ec_private_key(kCmd, io.m_in, io.m_in_form, &priv)) {
    return kExitFail;
  } else {
    pub = priv.public_part();
  }
  if (pub.m_alg == petrel::EcKeyAlg::x25519) {
    return fail(kCmd, "%s: an X25519 key is not an EC key (petrel ec takes P-256/P-384)",
                input_name(io.m_in).c_str());
  }
  std::fputs("read EC key\n", stderr);
  std::string report;
  if (io.m_text) {
    report = io.m_pubin ? ec_public_key_text(pub) : ec_key_text(priv, false);
  }
  std::vector<uint8_t> out;
  bool ok = true;
  if (!io.m_noout) {
    std::fputs("writing EC key\n", stderr);
    const bool pub_out = io.m_pubin || io.m_pubout;
    ok = encode_key(
        kCmd, pub_out ? petrel::kEcMaxPublicKeyPemLen : petrel::kEcMaxPrivateKeyPemLen,
        [&](petrel::MutableBytes dst, size_t* len) {
          return pub_out ? petrel::ec_public_key_write(dst, len, pub, io.m_out_pem)
                         : petrel::ec_private_key_write(dst, len, priv,
                                                        petrel::EcKeyFile::sec1_private,
                                                        io.m_out_pem);
        },
        &out);
  }
  // openssl writes the text first, then the key; the file is 0600 when either is private.
  const bool private_out = !io.m_pubin && (io.m_text || (!io.m_pubout && !io.m_noout));
  ok = ok && write_parts(kCmd, io.m_out, view_of(report), view_of(out),
                         private_out ? FileMode::private_key : FileMode::normal);
  wipe_string(&report);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
