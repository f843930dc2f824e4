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

const char kDgstUsage[] =
    "usage: petrel dgst [-md5|-sha1|-sha224|-sha256|-sha384|-sha512]\n"
    "                   [-hmac KEY | -mac HMAC -macopt key:STRING|hexkey:HEX] [-r] [-out FILE]\n"
    "                   [FILE...]\n"
    "       petrel dgst [-DIGEST] -sign KEY [-sigopt rsa_padding_mode:pss]\n"
    "                   [-sigopt rsa_pss_saltlen:N] [-sigopt rsa_mgf1_md:ALG]\n"
    "                   [-keyform PEM|DER] -out SIG FILE\n"
    "       petrel dgst [-DIGEST] -verify PUBKEY|-prverify KEY [-sigopt ...] -signature SIG FILE\n"
    "  default digest sha256; reads stdin when no FILE is given\n"
    "  -r  print 'hex *file' (coreutils style) instead of 'ALG(file)= hex'\n"
    "  key and -signature files: at most 1 MiB each; the input files stream\n";

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

}  // namespace

int cmd_dgst(int argc, char** argv) {
  Options o;
  ArgScanner args(kCmd, argc, argv);
  std::string opt;
  std::string val;
  bool have_hmac = false;
  bool have_mac = false;
  bool have_macopt = false;
  while (args.next(&opt)) {
    bool sign_opt = false;
    if (!dgst_sign_option(opt, &args, &o.sign, &sign_opt)) {
      return kExitFail;
    }
    if (sign_opt) {
      continue;
    }
    HashAlg alg = HashAlg::sha256;
    if (petrel::hash_from_name(&alg, opt.c_str()) == Status::ok) {
      if (!o.digest.option.empty() && o.digest.alg != alg) {
        return fail(kCmd, "two digests given: -%s and -%s", o.digest.option.c_str(), opt.c_str());
      }
      o.digest.alg = alg;
      o.digest.option = opt;
      o.digest.label = petrel::hash_openssl_name(alg);
    } else if (opt == "r") {
      o.coreutils = true;
    } else if (opt == "hmac") {
      if (!args.value(opt, &val)) {
        return kExitFail;
      }
      if (have_hmac || have_macopt) {
        return fail(kCmd, "the MAC key is given twice");
      }
      o.key.assign(val.begin(), val.end());
      petrel::secure_wipe(&val[0], val.size());
      have_hmac = true;
    } else if (opt == "mac") {
      if (!args.value(opt, &val)) {
        return kExitFail;
      }
      if (val != "HMAC" && val != "hmac") {
        return fail(kCmd, "unsupported MAC '%s' (only HMAC)", val.c_str());
      }
      have_mac = true;
    } else if (opt == "macopt") {
      if (!args.value(opt, &val)) {
        return kExitFail;
      }
      if (have_hmac || have_macopt) {
        return fail(kCmd, "the MAC key is given twice");
      }
      if (val.compare(0, 7, "hexkey:") == 0) {
        std::string err;
        if (!parse_hex(&o.key, val.substr(7), &err)) {
          return fail(kCmd, "bad -macopt hexkey: %s", err.c_str());
        }
        if (o.key.empty()) {
          return fail(kCmd, "bad -macopt hexkey: empty key");
        }
      } else if (val.compare(0, 4, "key:") == 0) {
        o.key.assign(val.begin() + 4, val.end());
      } else {
        return fail(kCmd, "unsupported -macopt '%s' (use key:STRING or hexkey:HEX)", val.c_str());
      }
      petrel::secure_wipe(&val[0], val.size());
      have_macopt = true;
    } else if (opt == "out") {
      if (!args.value(opt, &o.out_path)) {
        return kExitFail;
      }
      if (o.out_path.empty()) {
        return fail(kCmd, "-out needs a file name");
      }
    } else if (opt == "help") {
      std::fputs(kDgstUsage, stdout);
      return kExitOk;
    } else {
      return fail(kCmd, "unknown option -%s (see 'petrel help dgst')", opt.c_str());
    }
  }
  if (have_mac && !have_macopt) {
    return fail(kCmd, "-mac HMAC needs a key: -macopt key:STRING or -macopt hexkey:HEX");
  }
  if (have_macopt && !have_mac) {
    return fail(kCmd, "-macopt needs -mac HMAC");
  }
  if (have_hmac && have_mac) {
    return fail(kCmd, "give the key either with -hmac or with -mac HMAC -macopt, not both");
  }
  o.mac = have_hmac || have_mac;
  if (o.sign.active()) {
    if (o.mac || o.coreutils) {
      return fail(kCmd, "-sign/-verify cannot be combined with a MAC or -r");
    }
    return dgst_sign_verify(o.sign, o.digest.alg, args.operands(), o.out_path);
  }
  if (!o.sign.signature.empty()) {
    return fail(kCmd, "-signature needs -verify or -prverify");
  }

  std::string err;
  Output out;
  if (!out.open(o.out_path, &err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  const std::vector<std::string> files = args.operands();
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
