// Shared helpers of the petrel tool's RSA subcommands (see rsa_util.h).
#include "tools/petrel/rsa_util.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "crypto/util/wipe.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

using petrel::ByteView;
using petrel::RsaKeyFile;
using petrel::Status;

namespace {

std::string lower(const std::string& s) {
  std::string r = s;
  for (char& c : r) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return r;
}

// One line naming the library's reason (rsa_key_problem_text), with the kind found.
void report_load_error(const char* cmd, const std::string& path, Status st, RsaKeyFile kind,
                       petrel::RsaKeyProblem problem, bool want_private) {
  using petrel::RsaKeyProblem;
  const std::string name = input_name(path);
  if (problem == RsaKeyProblem::wrong_kind) {
    fail(cmd, "%s: no %s key in file (found a %s)", name.c_str(),
         want_private ? "private" : "public", petrel::rsa_key_file_name(kind));
  } else if (problem == RsaKeyProblem::no_key) {
    fail(cmd, "%s: no %s key in file", name.c_str(), want_private ? "private" : "public");
  } else if (problem != RsaKeyProblem::none) {
    fail(cmd, "%s: %s", name.c_str(), petrel::rsa_key_problem_text(problem));
  } else {
    fail(cmd, "%s: bad RSA key: %s", name.c_str(), petrel::status_name(st));
  }
}

}  // namespace

bool load_rsa_private_key(const char* cmd, const std::string& path, int form,
                          petrel::RsaPrivateKey* key) {
  return with_key_file(cmd, path, form, [&](const std::vector<uint8_t>& data) {
    return load_rsa_private_key_bytes(cmd, path, data, key);
  });
}

bool load_rsa_private_key_bytes(const char* cmd, const std::string& path,
                                const std::vector<uint8_t>& data, petrel::RsaPrivateKey* key) {
  RsaKeyFile kind = RsaKeyFile::unknown;
  petrel::RsaKeyProblem problem = petrel::RsaKeyProblem::none;
  const Status st = petrel::rsa_private_key_load(key, view_of(data), 0, &kind, &problem);
  if (st != Status::ok) {
    report_load_error(cmd, path, st, kind, problem, true);
    return false;
  }
  return true;
}

bool load_rsa_public_key(const char* cmd, const std::string& path, int form, bool allow_private,
                         petrel::RsaPublicKey* key) {
  return with_key_file(cmd, path, form, [&](const std::vector<uint8_t>& data) {
    const ByteView in = view_of(data);
    const RsaKeyFile kind = petrel::rsa_key_file_kind(in);
    if (allow_private && petrel::rsa_key_file_is_private(kind)) {
      auto priv = new_private_key();
      if (!load_rsa_private_key_bytes(cmd, path, data, priv.get())) {
        return false;
      }
      // Copy the public half through its encoding.
      uint8_t der[petrel::kRsaMaxPublicKeyDerLen];
      size_t len = 0;
      const bool ok = petrel::rsa_public_key_to_pkcs1(petrel::MutableBytes(der, sizeof(der)),
                                                      &len, priv->public_key()) == Status::ok &&
                      petrel::rsa_public_key_from_pkcs1(key, ByteView(der, len)) == Status::ok;
      if (!ok) {
        fail(cmd, "%s: cannot take the public key", input_name(path).c_str());
      }
      return ok;
    }
    RsaKeyFile k2 = RsaKeyFile::unknown;
    petrel::RsaKeyProblem problem = petrel::RsaKeyProblem::none;
    const Status st = petrel::rsa_public_key_load(key, in, 0, &k2, &problem);
    if (st != Status::ok) {
      report_load_error(cmd, path, st, k2, problem, false);
      return false;
    }
    return true;
  });
}

bool check_rsa_opts(const char* cmd, const RsaParams& p) {
  using Padding = RsaParams::Padding;
  if (p.mgf1_md_set && p.padding == Padding::pkcs1) {
    fail(cmd, "rsa_mgf1_md needs rsa_padding_mode:pss or rsa_padding_mode:oaep");
    return false;
  }
  if (p.mgf1_md_set && p.mgf1_md == petrel::HashAlg::md5) {
    fail(cmd, "unsupported: md5 as the MGF1 hash");
    return false;
  }
  if (p.oaep_label_set && p.padding != Padding::oaep) {
    fail(cmd, "rsa_oaep_label needs rsa_padding_mode:oaep");
    return false;
  }
  return true;
}

bool parse_rsa_opt(const char* cmd, const std::string& opt, RsaParams* p) {
  const size_t colon = opt.find(':');
  if (colon == std::string::npos) {
    fail(cmd, "bad option '%s' (want name:value)", opt.c_str());
    return false;
  }
  const std::string name = opt.substr(0, colon);
  const std::string value = opt.substr(colon + 1);
  if (name == "rsa_padding_mode") {
    const std::string v = lower(value);
    if (v == "pkcs1") {
      p->padding = RsaParams::Padding::pkcs1;
    } else if (v == "pss") {
      p->padding = RsaParams::Padding::pss;
    } else if (v == "oaep") {
      p->padding = RsaParams::Padding::oaep;
    } else {
      fail(cmd, "unsupported rsa_padding_mode '%s' (pkcs1, pss, oaep)", value.c_str());
      return false;
    }
    p->padding_set = true;
    return true;
  }
  if (name == "rsa_pss_saltlen") {
    if (value == "digest") {
      p->pss_saltlen = -1;
    } else if (value == "max" || value == "auto") {
      p->pss_saltlen = -2;
    } else {
      char* end = nullptr;
      errno = 0;
      const long v = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || errno != 0 || v < -2 || v > 4096) {
        fail(cmd, "bad rsa_pss_saltlen '%s'", value.c_str());
        return false;
      }
      p->pss_saltlen = v;
    }
    return true;
  }
  if (name == "rsa_oaep_label") {
    std::string error;
    if (!parse_hex(&p->oaep_label, value, &error)) {
      fail(cmd, "bad rsa_oaep_label: %s", error.c_str());
      return false;
    }
    p->oaep_label_set = true;
    return true;
  }
  petrel::HashAlg alg;
  if (name == "rsa_oaep_md" || name == "rsa_mgf1_md" || name == "digest") {
    if (!digest_by_name(cmd, value, name.c_str(), &alg)) {
      return false;
    }
    if (name == "rsa_oaep_md") {
      p->oaep_md = alg;
      p->oaep_md_set = true;
    } else if (name == "rsa_mgf1_md") {
      p->mgf1_md = alg;
      p->mgf1_md_set = true;
    } else {
      p->digest = alg;
      p->digest_set = true;
    }
    return true;
  }
  fail(cmd, "unsupported option '%s'", name.c_str());
  return false;
}

std::unique_ptr<petrel::RsaPrivateKey> new_private_key() {
  return std::unique_ptr<petrel::RsaPrivateKey>(new petrel::RsaPrivateKey());
}

}  // namespace petrel_tool
