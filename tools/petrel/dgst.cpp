// petrel dgst: MD5 (RFC 1321), SHA-1/SHA-224/256/384/512 (FIPS 180-4) and HMAC (RFC 2104) over
// files or stdin, printing the same lines as OpenSSL 3.0's `openssl dgst`:
//   SHA2-256(file)= hex          HMAC-SHA2-256(file)= hex          hex *file   (with -r)
// and, like it, "SHA256(file)= " when no digest is named (sha256 is the default).
// As in OpenSSL 3.0, a MAC over stdin is labelled with the digest name only ("SHA2-256(stdin)= ").
// An unreadable file is reported and skipped; the others are still processed and the exit status
// is 1, as with openssl.
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/dgst.h"
#include "tools/petrel/options.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace {

using petrel::ByteView;
using petrel::HashAlg;
using petrel::MutableBytes;
using petrel::Status;

const char* const kCmd = "dgst";
constexpr size_t kChunk = 64 * 1024;

// The digest: named by an option that the library's table knows (-sha256, -SHA2-256,
// -sha-256, ...), else sha256. The output line's label is OpenSSL 3.0's name for it.
struct Digest {
  HashAlg alg = HashAlg::sha256;
  std::string option;  // as given, for messages; empty: none given
  const char* label = "SHA256";  // OpenSSL 3.0 labels its default digest with the old name
};

const CommandHelp kHelp = {
    kCmd, "[-DIGEST] [options] [FILE...]",
    "  default digest sha256; reads stdin when no FILE is given\n"
    "  -sign KEY -out SIG FILE signs; -verify PUBKEY|-prverify KEY -signature SIG FILE verifies\n"
    "  key and -signature files: at most 1 MiB each; the input files stream\n",
    "  -DIGEST               md5, sha1, sha224, sha256, sha384, sha512, or any other name\n"
    "                        openssl takes for them (-SHA2-256, -sha-256, -ssl3-md5, the OIDs)\n"};

// Wipes the strings that held a MAC key.
void wipe_all(std::vector<std::string>* v) {
  for (std::string& s : *v) {
    if (!s.empty()) {
      petrel::secure_wipe(&s[0], s.size());
    }
  }
  v->clear();
}

struct Options {
  Digest digest;
  bool mac = false;  // HMAC with key
  std::vector<uint8_t> key;
  bool coreutils = false;  // -r
  std::string out_path;
  DgstSignOptions sign;  // -sign / -verify / -prverify (dgst_sign.cpp)

  ~Options() { wipe_bytes(&key); }
};

// Hashes or MACs one input; *line receives the formatted output line.
bool digest_one(const Options& o, Input* in, std::string* line) {
  petrel::HashCtx hash;
  petrel::HmacCtx hmac;
  Status s = o.mac ? hmac.init(o.digest.alg, ByteView(o.key.data(), o.key.size()))
                   : hash.init(o.digest.alg);
  if (s != Status::ok) {
    fail(kCmd, "cannot set up %s: %s", petrel::hash_name(o.digest.alg), petrel::status_name(s));
    return false;
  }
  std::vector<uint8_t> buf(kChunk);
  std::string err;
  for (;;) {
    size_t got = 0;
    if (!in->read(buf.data(), buf.size(), &got, &err)) {
      fail(kCmd, "%s", err.c_str());
      return false;
    }
    if (o.mac) {
      hmac.update(ByteView(buf.data(), got));
    } else {
      hash.update(ByteView(buf.data(), got));
    }
    if (got < buf.size()) {
      break;
    }
  }
  uint8_t out[petrel::kMaxDigestSize];
  const size_t out_len = petrel::hash_digest_size(o.digest.alg);
  s = o.mac ? hmac.final(MutableBytes(out, sizeof(out))) : hash.final(MutableBytes(out, sizeof(out)));
  if (s != Status::ok) {
    fail(kCmd, "%s failed: %s", petrel::hash_name(o.digest.alg), petrel::status_name(s));
    return false;
  }
  const std::string hex = to_hex(out, out_len);
  const std::string& name = in->display_name();
  if (o.coreutils) {
    *line = hex + " *" + name + "\n";
  } else {
    // OpenSSL 3.0 prefixes "HMAC-" only for named files, not for stdin.
    const bool stdin_input = name == "stdin" && !in->is_file();
    const std::string prefix = (o.mac && !stdin_input) ? "HMAC-" : "";
    *line = prefix + o.digest.label + "(" + name + ")= " + hex + "\n";
  }
  return true;
}

// The MAC key from -hmac KEY or -mac HMAC -macopt key:STRING|hexkey:HEX, into o->key.
bool resolve_mac(const std::vector<std::string>& hmacs, bool have_mac, const std::string& mac,
                 const std::vector<std::string>& macopts, Options* o) {
  if (hmacs.size() + macopts.size() > 1) {
    fail(kCmd, "the MAC key is given twice");
    return false;
  }
  if (have_mac && mac != "HMAC" && mac != "hmac") {
    fail(kCmd, "unsupported MAC '%s' (only HMAC)", mac.c_str());
    return false;
  }
  if (!hmacs.empty()) {
    o->key.assign(hmacs[0].begin(), hmacs[0].end());
  } else if (!macopts.empty()) {
    const std::string& val = macopts[0];
    if (val.compare(0, 7, "hexkey:") == 0) {
      std::string err;
      if (!parse_hex(&o->key, val.substr(7), &err)) {
        fail(kCmd, "bad -macopt hexkey: %s", err.c_str());
        return false;
      }
      if (o->key.empty()) {
        fail(kCmd, "bad -macopt hexkey: empty key");
        return false;
      }
    } else if (val.compare(0, 4, "key:") == 0) {
      o->key.assign(val.begin() + 4, val.end());
    } else {
      fail(kCmd, "unsupported -macopt '%s' (use key:STRING or hexkey:HEX)", val.c_str());
      return false;
    }
  }
  if (have_mac && macopts.empty()) {
    fail(kCmd, "-mac HMAC needs a key: -macopt key:STRING or -macopt hexkey:HEX");
    return false;
  }
  if (!macopts.empty() && !have_mac) {
    fail(kCmd, "-macopt needs -mac HMAC");
    return false;
  }
  if (!hmacs.empty() && have_mac) {
    fail(kCmd, "give the key either with -hmac or with -mac HMAC -macopt, not both");
    return false;
  }
  o->mac = !hmacs.empty() || have_mac;
  return true;
}

}  // namespace

int cmd_dgst(int argc, char** argv) {
  Options o;
  std::vector<std::string> hmacs;
  std::vector<std::string> macopts;
  std::string mac;
  bool have_mac = false;
  bool have_out = false;
  std::vector<Option> table = {
      flag("r", "print 'hex *file' (coreutils style) instead of 'ALG(file)= hex'", &o.coreutils),
      values("hmac", "KEY", "HMAC with KEY (its bytes as given)", &hmacs),
      value("mac", "HMAC", "a MAC (HMAC only), keyed by -macopt", &mac, &have_mac),
      values("macopt", "OPT", "key:STRING or hexkey:HEX", &macopts),
      value("out", "FILE", "the output file (default stdout)", &o.out_path, &have_out),
  };
  o.sign.add_to(&table);
  // -DIGEST: any name in the library's digest table.
  const OtherOption digest_option = [&o](const std::string& name, ArgScanner*, bool* error) {
    HashAlg alg = HashAlg::sha256;
    if (petrel::hash_from_name(&alg, name.c_str()) != Status::ok) {
      return false;
    }
    if (!o.digest.option.empty() && o.digest.alg != alg) {
      fail(kCmd, "two digests given: -%s and -%s", o.digest.option.c_str(), name.c_str());
      *error = true;
    }
    o.digest.alg = alg;
    o.digest.option = name;
    o.digest.label = petrel::hash_openssl_name(alg);
    return true;
  };
  std::vector<std::string> files;
  const Parsed parsed = parse_options(kHelp, table, argc, argv, &files, digest_option);
  const bool ok = parsed == Parsed::ok && resolve_mac(hmacs, have_mac, mac, macopts, &o);
  wipe_all(&hmacs);
  wipe_all(&macopts);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (!ok || !o.sign.resolve()) {
    return kExitFail;
  }
  if (have_out && o.out_path.empty()) {
    return fail(kCmd, "-out needs a file name");
  }

  if (o.sign.active()) {
    if (o.mac || o.coreutils) {
      return fail(kCmd, "-sign/-verify cannot be combined with a MAC or -r");
    }
    return dgst_sign_verify(o.sign, o.digest.alg, files, o.out_path);
  }
  if (!o.sign.signature.empty()) {
    return fail(kCmd, "-signature needs -verify or -prverify");
  }

  std::string err;
  Output out;
  if (!out.open(o.out_path, &err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  int status = kExitOk;
  std::string line;
  if (files.empty()) {
    Input in;
    if (!in.open("", &err)) {
      return fail(kCmd, "%s", err.c_str());
    }
    if (!digest_one(o, &in, &line)) {
      return kExitFail;
    }
    if (!out.write_str(line, &err)) {
      return fail(kCmd, "%s", err.c_str());
    }
  }
  for (const std::string& f : files) {
    Input in;
    if (!in.open(f, &err)) {
      fail(kCmd, "%s", err.c_str());
      status = kExitFail;
      continue;
    }
    if (!digest_one(o, &in, &line)) {
      status = kExitFail;
      continue;
    }
    if (!out.write_str(line, &err)) {
      return fail(kCmd, "%s", err.c_str());
    }
  }
  if (!out.close(&err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  return status;
}

}  // namespace petrel_tool
