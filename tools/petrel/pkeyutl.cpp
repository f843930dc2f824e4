// petrel pkeyutl: RSA public-key operations with the options of OpenSSL 3.0's `openssl pkeyutl`:
//   -encrypt / -decrypt with PKCS#1 v1.5 (RFC 8017 7.2, the default) or OAEP (7.1;
//     -pkeyopt rsa_oaep_md:ALG, rsa_mgf1_md:ALG (default: the OAEP digest),
//     rsa_oaep_label:HEX (default: empty));
//   -sign / -verify of a digest given as input (-pkeyopt digest:ALG), PKCS#1 v1.5 or PSS;
//   -derive -inkey KEY -peerkey PEER: X25519 or ECDH (P-256/P-384), pkeyutl_derive.cpp.
// A failed decryption prints an error, writes nothing and exits 1.
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "tools/petrel/ec_util.h"
#include "tools/petrel/options.h"
#include "tools/petrel/rsa_util.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {

using petrel::ByteView;
using petrel::HashAlg;
using petrel::MutableBytes;
using petrel::Status;

const char* const kCmd = "pkeyutl";
const CommandHelp kHelp = {
    kCmd, "-encrypt|-decrypt|-sign|-verify|-derive -inkey FILE [options]",
    "  -sign/-verify take the message digest as input and need -pkeyopt digest:ALG\n"
    "  -derive -inkey KEY -peerkey PEER: X25519, P-256, P-384\n"
    "  key, input and signature files: at most 1 MiB each\n",
    nullptr};

enum class Op { none, encrypt, decrypt, sign, verify, derive };

}  // namespace

// PSS salt length for signing from openssl's -1/-2/N convention (also used by dgst).
size_t pss_sign_salt(long saltlen, const petrel::RsaPublicKey& key, HashAlg alg) {
  const size_t h = petrel::hash_digest_size(alg);
  if (saltlen == -1) {
    return h;
  }
  if (saltlen >= 0) {
    return static_cast<size_t>(saltlen);
  }
  // -2 / unset: the maximum, as OpenSSL 3.0 signs by default (emLen - hLen - 2).
  const size_t em_len = (key.bits() - 1 + 7) / 8;
  return em_len >= h + 2 ? em_len - h - 2 : 0;
}

size_t pss_verify_salt(long saltlen, HashAlg alg) {
  if (saltlen == -1) {
    return petrel::hash_digest_size(alg);
  }
  if (saltlen >= 0) {
    return static_cast<size_t>(saltlen);
  }
  return petrel::kPssSaltAny;
}

int cmd_pkeyutl(int argc, char** argv) {
  std::string key_path;
  std::string in_path;
  std::string out_path;
  std::string sig_path;
  std::string peer_path;
  std::string keyform_text;
  std::vector<std::string> pkeyopts;
  bool pubin = false;
  bool ops[5] = {false, false, false, false, false};
  static const Op kOps[5] = {Op::encrypt, Op::decrypt, Op::sign, Op::verify, Op::derive};
  const std::vector<Option> table = {
      flag("encrypt", "encrypt with the public key", &ops[0]),
      flag("decrypt", "decrypt with the private key", &ops[1]),
      flag("sign", "sign a digest with the private key", &ops[2]),
      flag("verify", "verify -sigfile over a digest", &ops[3]),
      flag("derive", "ECDH/X25519 shared secret with -peerkey", &ops[4]),
      value("inkey", "FILE", "the key file", &key_path),
      flag("pubin", "the key file is a public key", &pubin),
      value("keyform", "PEM|DER", "the key file's form (default: either)", &keyform_text),
      value("peerkey", "FILE", "the peer's public key (-derive)", &peer_path),
      value("in", "FILE", "the input (default stdin)", &in_path),
      value("out", "FILE", "the output (default stdout)", &out_path),
      value("sigfile", "FILE", "the signature to verify", &sig_path),
      values("pkeyopt", "OPT",
             "rsa_padding_mode:pkcs1|oaep|pss, rsa_oaep_md:ALG, rsa_mgf1_md:ALG, "
             "rsa_oaep_label:HEX, digest:ALG, rsa_pss_saltlen:N",
             &pkeyopts),
  };
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  Op op = Op::none;
  for (size_t i = 0; i < 5; i++) {
    if (ops[i]) {
      if (op != Op::none) {
        return fail(kCmd, "give only one of -encrypt, -decrypt, -sign, -verify, -derive");
      }
      op = kOps[i];
    }
  }
  int keyform = kFormAny;
  if (!parse_input_form(kCmd, keyform_text, &keyform)) {
    return kExitFail;
  }
  RsaParams params;
  for (const std::string& opt : pkeyopts) {
    if (!parse_rsa_opt(kCmd, opt, &params)) {
      return kExitFail;
    }
  }
  if (op == Op::none) {
    return fail(kCmd, "give one of -encrypt, -decrypt, -sign, -verify");
  }
  if (key_path.empty()) {
    return fail(kCmd, "no key given (-inkey FILE)");
  }
  if (op == Op::derive) {
    return pkeyutl_derive(kCmd, key_path, peer_path, keyform, out_path);
  }
  if (!peer_path.empty()) {
    return fail(kCmd, "-peerkey is for -derive");
  }
  if ((op == Op::decrypt || op == Op::sign) && pubin) {
    return fail(kCmd, "a private key is needed for -%s", op == Op::decrypt ? "decrypt" : "sign");
  }
  using Padding = RsaParams::Padding;
  if ((op == Op::encrypt || op == Op::decrypt) && params.padding == Padding::pss) {
    return fail(kCmd, "rsa_padding_mode:pss is for signatures");
  }
  if ((op == Op::sign || op == Op::verify) && params.padding == Padding::oaep) {
    return fail(kCmd, "rsa_padding_mode:oaep is for encryption");
  }
  if (!check_rsa_opts(kCmd, params)) {
    return kExitFail;
  }
  if ((op == Op::sign || op == Op::verify) && !params.digest_set) {
    return fail(kCmd, "unsupported: raw RSA signatures; give -pkeyopt digest:ALG and the digest "
                      "as input");
  }

  auto priv = new_private_key();
  petrel::RsaPublicKey pub;
  const bool need_private = op == Op::decrypt || op == Op::sign;
  if (need_private || !pubin) {
    if (!load_rsa_private_key(kCmd, key_path, keyform, priv.get())) {
      return kExitFail;
    }
  } else if (!load_rsa_public_key(kCmd, key_path, keyform, false, &pub)) {
    return kExitFail;
  }
  const petrel::RsaPublicKey& pk = (need_private || !pubin) ? priv->public_key() : pub;
  std::vector<uint8_t> in;
  std::string err;
  if (!read_whole(in_path, kObjectLimit, Secret::yes, &in, &err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  const ByteView input(in.data(), in.size());
  const ByteView label(params.oaep_label.data(), params.oaep_label.size());
  std::vector<uint8_t> out(pk.size());
  size_t out_len = pk.size();
  Status st = Status::ok;
  petrel::Rng& rng = petrel::default_rng();
  switch (op) {
    case Op::encrypt:
      st = params.padding == Padding::oaep
               ? petrel::rsa_oaep_encrypt(MutableBytes(out.data(), out.size()), pk,
                                          params.oaep_md, mgf1_hash(params, params.oaep_md), input,
                                          label, rng)
               : petrel::rsa_pkcs1_encrypt(MutableBytes(out.data(), out.size()), pk, input, rng);
      if (st != Status::ok) {
        return fail(kCmd, "encryption failed: %s (message too long for the key?)",
                    petrel::status_name(st));
      }
      break;
    case Op::decrypt:
      if (in.size() != pk.size()) {
        return fail(kCmd, "decryption failed: the input is %zu bytes, the key needs %zu",
                    in.size(), pk.size());
      }
      st = params.padding == Padding::oaep
               ? petrel::rsa_oaep_decrypt(MutableBytes(out.data(), out.size()), &out_len, *priv,
                                          params.oaep_md, mgf1_hash(params, params.oaep_md), input,
                                          label, rng)
               : petrel::rsa_pkcs1_decrypt(MutableBytes(out.data(), out.size()), &out_len, *priv,
                                           input, rng);
      if (st != Status::ok) {
        wipe_bytes(&out);
        wipe_bytes(&in);
        return fail(kCmd, "decryption failed");
      }
      break;
    case Op::sign:
      if (in.size() != petrel::hash_digest_size(params.digest)) {
        return fail(kCmd, "the input must be a %zu-byte digest",
                    petrel::hash_digest_size(params.digest));
      }
      st = params.padding == Padding::pss
               ? petrel::rsa_pss_sign(MutableBytes(out.data(), out.size()), *priv, params.digest,
                                      mgf1_hash(params, params.digest), input, rng,
                                      pss_sign_salt(params.pss_saltlen, pk, params.digest))
               : petrel::rsa_pkcs1_sign(MutableBytes(out.data(), out.size()), *priv,
                                        params.digest, input, rng);
      if (st != Status::ok) {
        return fail(kCmd, "signing failed: %s", petrel::status_name(st));
      }
      break;
    case Op::verify: {
      if (sig_path.empty()) {
        return fail(kCmd, "-verify needs -sigfile FILE");
      }
      std::vector<uint8_t> sig;
      if (!read_whole(sig_path, kObjectLimit, Secret::no, &sig, &err)) {
        return fail(kCmd, "%s", err.c_str());
      }
      const ByteView sv(sig.data(), sig.size());
      st = params.padding == Padding::pss
               ? petrel::rsa_pss_verify(pk, params.digest, mgf1_hash(params, params.digest), input,
                                        sv, pss_verify_salt(params.pss_saltlen, params.digest))
               : petrel::rsa_pkcs1_verify(pk, params.digest, input, sv);
      const char* msg = st == Status::ok ? "Signature Verified Successfully\n"
                                         : "Signature Verification Failure\n";
      std::string text(msg);
      if (!write_all(kCmd, out_path, reinterpret_cast<const uint8_t*>(text.data()),
                     text.size())) {
        return kExitFail;
      }
      return st == Status::ok ? kExitOk : kExitFail;
    }
    case Op::derive:
    case Op::none:
      break;
  }
  wipe_bytes(&in);
  const bool ok = write_all(kCmd, out_path, out.data(), out_len);
  wipe_bytes(&out);
  return ok ? kExitOk : kExitFail;
}

}  // namespace petrel_tool
