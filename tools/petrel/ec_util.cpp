// EC helpers of the petrel tool (see ec_util.h).
#include "tools/petrel/ec_util.h"

#include <cstdio>
#include <cstring>

#include "crypto/asn1/spki.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/rsa_util.h"

namespace petrel_tool {

namespace {

using petrel::ByteView;
using petrel::EcKeyAlg;
using petrel::EcKeyProblem;
using petrel::Status;

void report(const char* cmd, const std::string& path, Status st, EcKeyProblem p) {
  if (p != EcKeyProblem::none) {
    fail(cmd, "%s: cannot load the EC key: %s", input_name(path).c_str(),
         petrel::ec_key_problem_text(p));
  } else {
    fail(cmd, "%s: cannot load the EC key: %s", input_name(path).c_str(),
         petrel::status_name(st));
  }
}

}  // namespace

bool bytes_are_ec_key(const std::vector<uint8_t>& data) {
  const ByteView in(data.data(), data.size());
  const petrel::EcKeyFile kind = petrel::ec_key_file_kind(in);
  if (kind == petrel::EcKeyFile::sec1_private) {
    return true;
  }
  if (kind == petrel::EcKeyFile::unknown || kind == petrel::EcKeyFile::pkcs8_encrypted) {
    return false;
  }
  // PKCS#8 or SPKI: the algorithm decides. Try the EC readers (they say not_ec for RSA).
  if (kind == petrel::EcKeyFile::pkcs8_private) {
    petrel::EcPrivateKey k;
    EcKeyProblem p = EcKeyProblem::none;
    (void)petrel::ec_private_key_load(&k, in, &p);
    return p != EcKeyProblem::not_ec && p != EcKeyProblem::malformed;
  }
  std::vector<uint8_t> scratch(petrel::kEcMaxPublicKeyDerLen + 4096);
  petrel::EcPublicKey k;
  EcKeyProblem p = EcKeyProblem::none;
  (void)petrel::ec_public_key_load(&k, petrel::MutableBytes(scratch.data(), scratch.size()), in, &p);
  return p != EcKeyProblem::not_ec && p != EcKeyProblem::malformed;
}

bool file_is_ec_key(const std::string& path) {
  if (is_std_stream(path)) {
    return false;  // stdin can be read once only: the caller's RSA reader takes it
  }
  std::vector<uint8_t> data;
  std::string err;
  if (!read_whole(path, kObjectLimit, Secret::yes, &data, &err)) {
    return false;
  }
  const bool ec = bytes_are_ec_key(data);
  wipe_bytes(&data);
  return ec;
}

namespace {
bool load_ec_private_bytes(const char* cmd, const std::string& path,
                           const std::vector<uint8_t>& data, petrel::EcPrivateKey* key) {
  EcKeyProblem p = EcKeyProblem::none;
  const Status st = petrel::ec_private_key_load(key, view_of(data), &p);
  if (st != Status::ok) {
    report(cmd, path, st, p);
    return false;
  }
  return true;
}
}  // namespace

bool load_rsa_or_ec_private_key(const char* cmd, const std::string& path, int form,
                                petrel::RsaPrivateKey* rsa, petrel::EcPrivateKey* ec, bool* is_ec) {
  return with_key_file(cmd, path, form, [&](const std::vector<uint8_t>& data) {
    *is_ec = bytes_are_ec_key(data);
    return *is_ec ? load_ec_private_bytes(cmd, path, data, ec)
                  : load_rsa_private_key_bytes(cmd, path, data, rsa);
  });
}

bool load_ec_private_key(const char* cmd, const std::string& path, int form,
                         petrel::EcPrivateKey* key) {
  return with_key_file(cmd, path, form, [&](const std::vector<uint8_t>& data) {
    return load_ec_private_bytes(cmd, path, data, key);
  });
}

bool load_ec_public_key(const char* cmd, const std::string& path, int form, bool allow_private,
                        petrel::EcPublicKey* key, std::vector<uint8_t>* storage) {
  return with_key_file(cmd, path, form, [&](const std::vector<uint8_t>& data) {
    const ByteView in = view_of(data);
    if (allow_private && petrel::ec_key_file_kind(in) != petrel::EcKeyFile::spki_public) {
      petrel::EcPrivateKey priv;
      if (!load_ec_private_bytes(cmd, path, data, &priv)) {
        return false;
      }
      storage->assign(priv.public_key().begin(), priv.public_key().end());
      key->m_alg = priv.m_alg;
      key->m_point = ByteView(storage->data(), storage->size());
      return true;
    }
    storage->assign(petrel::kEcMaxPublicKeyDerLen + data.size(), 0);
    EcKeyProblem p = EcKeyProblem::none;
    petrel::EcPublicKey k;
    const Status st = petrel::ec_public_key_load(
        &k, petrel::MutableBytes(storage->data(), storage->size()), in, &p);
    if (st != Status::ok) {
      report(cmd, path, st, p);
      return false;
    }
    // Keep a copy of the point in storage (the key may view `data`).
    std::vector<uint8_t> point(k.m_point.begin(), k.m_point.end());
    *storage = point;
    key->m_alg = k.m_alg;
    key->m_point = ByteView(storage->data(), storage->size());
    return true;
  });
}

bool ec_curve_by_name(const std::string& name, EcKeyAlg* out) {
  if (name == "P-256" || name == "prime256v1" || name == "secp256r1" || name == "P256") {
    *out = EcKeyAlg::p256;
  } else if (name == "P-384" || name == "secp384r1" || name == "P384") {
    *out = EcKeyAlg::p384;
  } else {
    return false;
  }
  return true;
}

const char* ec_curve_short_name(EcKeyAlg a) {
  return a == EcKeyAlg::p384 ? "secp384r1" : a == EcKeyAlg::p256 ? "prime256v1" : "X25519";
}

void append_hex_block(std::string* out, const uint8_t* p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i % 15 == 0) {
      *out += "    ";
    }
    char hex[4];
    std::snprintf(hex, sizeof(hex), "%02x", p[i]);
    *out += hex;
    if (i + 1 < n) {
      *out += ":";
    }
    if (i % 15 == 14 || i + 1 == n) {
      *out += "\n";
    }
  }
}

namespace {
void curve_lines(std::string* out, EcKeyAlg a) {
  if (a == EcKeyAlg::x25519) {
    return;
  }
  *out += "ASN1 OID: ";
  *out += ec_curve_short_name(a);
  *out += "\nNIST CURVE: ";
  *out += petrel::ec_key_alg_name(a);
  *out += "\n";
}
size_t bits_of(EcKeyAlg a) { return a == EcKeyAlg::p384 ? 384 : a == EcKeyAlg::p256 ? 256 : 253; }
}  // namespace

std::string ec_key_text(const petrel::EcPrivateKey& key, bool public_only) {
  std::string s;
  char head[64];
  const char* what = key.m_alg == EcKeyAlg::x25519 ? "X25519 " : "";
  std::snprintf(head, sizeof(head), "%s%s-Key: (%zu bit)\n", what,
                public_only ? "Public" : "Private", bits_of(key.m_alg));
  s += head;
  if (!public_only) {
    s += "priv:\n";
    append_hex_block(&s, key.d().data(), key.d().size());
  }
  s += "pub:\n";
  append_hex_block(&s, key.public_key().data(), key.public_key().size());
  curve_lines(&s, key.m_alg);
  return s;
}

std::string ec_public_key_text(const petrel::EcPublicKey& key) {
  std::string s;
  char head[64];
  std::snprintf(head, sizeof(head), "%sPublic-Key: (%zu bit)\npub:\n",
                key.m_alg == EcKeyAlg::x25519 ? "X25519 " : "", bits_of(key.m_alg));
  s += head;
  append_hex_block(&s, key.m_point.data(), key.m_point.size());
  curve_lines(&s, key.m_alg);
  return s;
}

}  // namespace petrel_tool
