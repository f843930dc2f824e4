// petrel dgst -sign / -verify / -prverify: RSA signatures over a file's digest with OpenSSL 3.0's
// `openssl dgst` options: PKCS#1 v1.5 (RFC 8017 8.2) by default, RSASSA-PSS (8.1) with
// -sigopt rsa_padding_mode:pss [-sigopt rsa_pss_saltlen:N|digest|max|auto] [-sigopt
// rsa_mgf1_md:ALG] (MGF1 over the digest unless rsa_mgf1_md names another). Verification prints
// "Verified OK" (exit 0) or "Verification failure" (exit 1), as openssl does. EC keys: ECDSA,
// dgst_ec.cpp.
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/dgst.h"
#include "tools/petrel/options.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;

const char* const kCmd = "dgst";

bool digest_input(const std::string& path, petrel::HashAlg alg, std::vector<uint8_t>* out) {
  Input in;
  std::string err;
  if (!in.open(path, &err)) {
    fail(kCmd, "%s", err.c_str());
    return false;
  }
  petrel::HashCtx ctx;
  if (ctx.init(alg) != Status::ok) {
    fail(kCmd, "cannot set up the digest");
    return false;
  }
  std::vector<uint8_t> buf(64 * 1024);
  for (;;) {
    size_t got = 0;
    if (!in.read(buf.data(), buf.size(), &got, &err)) {
      fail(kCmd, "%s", err.c_str());
      return false;
    }
    ctx.update(ByteView(buf.data(), got));
    if (got < buf.size()) {
      break;
    }
  }
  out->assign(petrel::kMaxDigestSize, 0);
  if (ctx.final(MutableBytes(out->data(), out->size())) != Status::ok) {
    fail(kCmd, "digest failed");
    return false;
  }
  out->resize(petrel::hash_digest_size(alg));
  return true;
}

}  // namespace

void DgstSignOptions::add_to(std::vector<Option>* table) {
  table->push_back(value("sign", "KEY", "sign the digest with a private key (RSA or EC)",
                         &sign_key, &seen[0]));
  table->push_back(value("verify", "PUBKEY", "verify -signature with a public key", &verify_key,
                         &seen[1]));
  table->push_back(value("prverify", "KEY", "verify -signature with a private key's public half",
                         &prverify_key, &seen[2]));
  table->push_back(value("signature", "FILE", "the signature to verify", &signature, &seen[3]));
  table->push_back(values("sigopt", "OPT",
                          "rsa_padding_mode:pkcs1|pss, rsa_pss_saltlen:N, rsa_mgf1_md:ALG",
                          &sigopts));
  table->push_back(value("keyform", "PEM|DER", "the key file's form (default: either)",
                         &keyform_text));
}

bool DgstSignOptions::resolve() {
  static const char* const kNames[] = {"sign", "verify", "prverify", "signature"};
  const std::string* const paths[] = {&sign_key, &verify_key, &prverify_key, &signature};
  for (size_t i = 0; i < 4; i++) {
    if (seen[i] && paths[i]->empty()) {
      fail(kCmd, "-%s needs a file name", kNames[i]);
      return false;
    }
  }
  for (const std::string& opt : sigopts) {
    if (!parse_rsa_opt(kCmd, opt, &params)) {
      return false;
    }
  }
  return parse_input_form(kCmd, keyform_text, &keyform);
}

int dgst_sign_verify(const DgstSignOptions& o, petrel::HashAlg alg,
                     const std::vector<std::string>& files, const std::string& out_path) {
  const int modes = (o.sign_key.empty() ? 0 : 1) + (o.verify_key.empty() ? 0 : 1) +
                    (o.prverify_key.empty() ? 0 : 1);
  if (modes != 1) {
    return fail(kCmd, "give only one of -sign, -verify, -prverify");
  }
  if (files.size() > 1) {
    return fail(kCmd, "signing and verification take one input file");
  }
  {
    // EC keys: ECDSA (dgst_ec.cpp).
    const std::string& key_path = !o.sign_key.empty()     ? o.sign_key
                                  : !o.prverify_key.empty() ? o.prverify_key
                                                            : o.verify_key;
    if (file_is_ec_key(key_path)) {
      if (o.params.padding_set) {
        return fail(kCmd, "-sigopt rsa_* options are for RSA keys");
      }
      std::vector<uint8_t> d;
      if (!digest_input(files.empty() ? std::string() : files[0], alg, &d)) {
        return kExitFail;
      }
      return dgst_ec_sign_verify(kCmd, key_path, !o.sign_key.empty(), o.verify_key.empty(),
                                 o.signature, o.keyform, alg, d.data(), d.size(), out_path);
    }
  }
  using Padding = RsaParams::Padding;
  if (o.params.padding == Padding::oaep) {
    return fail(kCmd, "rsa_padding_mode:oaep is for encryption");
  }
  if (!check_rsa_opts(kCmd, o.params)) {
    return kExitFail;
  }
  const bool pss = o.params.padding == Padding::pss;
  std::vector<uint8_t> digest;
  auto priv = new_private_key();
  petrel::RsaPublicKey pub;
  if (!o.sign_key.empty() || !o.prverify_key.empty()) {
    const std::string& path = o.sign_key.empty() ? o.prverify_key : o.sign_key;
    if (!load_rsa_private_key(kCmd, path, o.keyform, priv.get())) {
      return kExitFail;
    }
  } else if (!load_rsa_public_key(kCmd, o.verify_key, o.keyform, false, &pub)) {
    return kExitFail;
  }
  if (!digest_input(files.empty() ? std::string() : files[0], alg, &digest)) {
    return kExitFail;
  }
  const ByteView dv(digest.data(), digest.size());
  if (!o.sign_key.empty()) {
    if (!o.signature.empty()) {
      return fail(kCmd, "-signature is for verification");
    }
    std::vector<uint8_t> sig(priv->size());
    const MutableBytes sv(sig.data(), sig.size());
    petrel::Rng& rng = petrel::default_rng();
    const Status st =
        pss ? petrel::rsa_pss_sign(sv, *priv, alg, mgf1_hash(o.params, alg), dv, rng,
                                   pss_sign_salt(o.params.pss_saltlen, priv->public_key(), alg))
            : petrel::rsa_pkcs1_sign(sv, *priv, alg, dv, rng);
    if (st != Status::ok) {
      return fail(kCmd, "signing failed: %s", petrel::status_name(st));
    }
    return write_all(kCmd, out_path, sig.data(), sig.size()) ? kExitOk : kExitFail;
  }
  if (o.signature.empty()) {
    return fail(kCmd, "no signature to verify (-signature FILE)");
  }
  std::vector<uint8_t> sig;
  std::string err;
  if (!read_whole(o.signature, kObjectLimit, Secret::no, &sig, &err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  const petrel::RsaPublicKey& key = o.verify_key.empty() ? priv->public_key() : pub;
  const ByteView sv(sig.data(), sig.size());
  const Status st = pss ? petrel::rsa_pss_verify(key, alg, mgf1_hash(o.params, alg), dv, sv,
                                                 pss_verify_salt(o.params.pss_saltlen, alg))
                        : petrel::rsa_pkcs1_verify(key, alg, dv, sv);
  const std::string text = st == Status::ok ? "Verified OK\n" : "Verification failure\n";
  if (!write_all(kCmd, out_path, reinterpret_cast<const uint8_t*>(text.data()), text.size())) {
    return kExitFail;
  }
  return st == Status::ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
