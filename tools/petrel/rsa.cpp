// petrel rsa: RSA key file conversion, display and checking with the options and output of
// OpenSSL 3.0's `openssl rsa`: PKCS#8 "PRIVATE KEY" by default, PKCS#1 with -traditional,
// SubjectPublicKeyInfo with -pubout, PKCS#1 RSAPublicKey with -RSAPublicKey_out; PEM or DER;
// -text prints the components as openssl does; -check prints "RSA key ok".
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

using petrel::RsaKeyFile;
using petrel::RsaPart;
using petrel::Status;

const char* const kCmd = "rsa";
const CommandHelp kHelp = {
    kCmd, "[options]",
    "  private keys are written as PKCS#8 (PKCS#1 with -traditional), public keys as\n"
    "  SubjectPublicKeyInfo (PKCS#1 RSAPublicKey with -RSAPublicKey_out); a private key file\n"
    "  is created with mode 0600; the input file is at most 1 MiB\n",
    nullptr};

// openssl's ASN1_bn_print layout: "name:" then 4-space-indented lines of 15 "xx:" bytes, with a
// leading 00 when the top bit is set; small values (<= 64 bits) on one line in decimal and hex.
void print_number(std::string* out, const char* name, const uint8_t* be, size_t len) {
  if (len <= 8) {
    unsigned long long v = 0;
    for (size_t i = 0; i < len; i++) {
      v = (v << 8) | be[i];
    }
    char buf[80];
    std::snprintf(buf, sizeof(buf), "%s %llu (0x%llx)\n", name, v, v);
    *out += buf;
    return;
  }
  *out += name;
  *out += "\n";
  std::vector<uint8_t> b;
  if ((be[0] & 0x80) != 0) {
    b.push_back(0);
  }
  b.insert(b.end(), be, be + len);
  for (size_t i = 0; i < b.size(); i++) {
    if (i % 15 == 0) {
      *out += "    ";
    }
    char hex[4];
    std::snprintf(hex, sizeof(hex), "%02x", b[i]);
    *out += hex;
    if (i + 1 < b.size()) {
      *out += ":";
    }
    if (i % 15 == 14 || i + 1 == b.size()) {
      *out += "\n";
    }
  }
}

template <typename Key>
bool print_part(std::string* out, const Key& key, RsaPart part, const char* name) {
  uint8_t buf[petrel::kRsaMaxModulusBytes];
  size_t len = 0;
  if (key.export_part(part, petrel::MutableBytes(buf, sizeof(buf)), &len) != Status::ok) {
    return false;
  }
  print_number(out, name, buf, len);
  petrel::secure_wipe(buf, sizeof(buf));
  return true;
}

}  // namespace

int cmd_rsa(int argc, char** argv) {
  KeyIoOptions io;
  bool rsa_pub_in = false;
  bool rsa_pub_out = false;
  bool traditional = false;
  bool check = false;
  std::vector<Option> table;
  io.add_to(&table);
  table.push_back(flag("RSAPublicKey_in", "the input is a PKCS#1 public key (as -pubin)",
                       &rsa_pub_in));
  table.push_back(flag("RSAPublicKey_out", "write the public key as PKCS#1 RSAPublicKey",
                       &rsa_pub_out));
  table.push_back(flag("traditional", "write a private key as PKCS#1 'RSA PRIVATE KEY'",
                       &traditional));
  table.push_back(flag("check", "check the private key (prints 'RSA key ok')", &check));
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (!io.resolve(kCmd)) {
    return kExitFail;
  }
  const bool pubin = io.m_pubin || rsa_pub_in;
  if (pubin && check) {
    return fail(kCmd, "-check needs a private key (only private keys can be checked)");
  }

  auto priv = new_private_key();
  petrel::RsaPublicKey pub;
  if (pubin) {
    if (!load_rsa_public_key(kCmd, io.m_in, io.m_in_form, false, &pub)) {
      return kExitFail;
    }
  } else if (!load_rsa_private_key(kCmd, io.m_in, io.m_in_form, priv.get())) {
    return kExitFail;
  }
  const petrel::RsaPublicKey& pk = pubin ? pub : priv->public_key();

  std::string report;
  if (io.m_text) {
    char head[64];
    if (pubin) {
      std::snprintf(head, sizeof(head), "Public-Key: (%zu bit)\n", pk.bits());
      report += head;
      print_part(&report, pk, RsaPart::n, "Modulus:");
      print_part(&report, pk, RsaPart::e, "Exponent:");
    } else {
      std::snprintf(head, sizeof(head), "Private-Key: (%zu bit, 2 primes)\n", pk.bits());
      report += head;
      static const struct {
        RsaPart part;
        const char* name;
      } kParts[] = {{RsaPart::n, "modulus:"},         {RsaPart::e, "publicExponent:"},
                    {RsaPart::d, "privateExponent:"}, {RsaPart::p, "prime1:"},
                    {RsaPart::q, "prime2:"},          {RsaPart::dp, "exponent1:"},
                    {RsaPart::dq, "exponent2:"},      {RsaPart::qinv, "coefficient:"}};
      for (const auto& p : kParts) {
        if (!print_part(&report, *priv, p.part, p.name)) {
          return fail(kCmd, "cannot print the %s", p.name);
        }
      }
    }
  }
  int status = kExitOk;
  if (check) {
    const Status st = priv->check(petrel::default_rng());
    if (st == Status::ok) {
      report += "RSA key ok\n";
    } else {
      report += "RSA key not ok\n";
      status = kExitFail;
    }
  }
  std::vector<uint8_t> out;
  bool ok = true;
  if (!io.m_noout) {
    std::fputs("writing RSA key\n", stderr);
    const bool pub_out = pubin || io.m_pubout || rsa_pub_out;
    ok = encode_key(
        kCmd, pub_out ? petrel::kRsaMaxPublicKeyPemLen : petrel::kRsaMaxPrivateKeyPemLen,
        [&](petrel::MutableBytes dst, size_t* len) {
          if (pub_out) {
            return petrel::rsa_public_key_write(
                dst, len, pk, rsa_pub_out ? RsaKeyFile::pkcs1_public : RsaKeyFile::spki_public,
                io.m_out_pem);
          }
          return petrel::rsa_private_key_write(
              dst, len, *priv, traditional ? RsaKeyFile::pkcs1_private : RsaKeyFile::pkcs8_private,
              io.m_out_pem);
        },
        &out);
  }
  // openssl writes the text first, then the key, to the same output. The output file is
  // created 0600 when it holds private material, by openssl's rule (which also covers a public
  // key read with -pubin and written without -pubout).
  const bool private_out =
      (io.m_text && !pubin) || (!io.m_pubout && !rsa_pub_out && !io.m_noout);
  ok = ok && write_parts(kCmd, io.m_out, view_of(report), view_of(out),
                         private_out ? FileMode::private_key : FileMode::normal);
  wipe_string(&report);
  wipe_bytes(&out);
  if (!ok) {
    return kExitFail;
  }
  return status;
}

}  // namespace petrel_tool
