// Helpers shared by the RSA subcommands of the petrel tool (genrsa, rsa, pkeyutl, dgst -sign):
// RSA key loading with clear messages for a key of the wrong kind (the file reading and the
// -inform check are key_file.h's), and the -sigopt / -pkeyopt parameters in OpenSSL's spelling.
// (dgst's own signing options are in dgst.h.)
#ifndef PETREL_TOOLS_PETREL_RSA_UTIL_H
#define PETREL_TOOLS_PETREL_RSA_UTIL_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_key_files.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

// Loads an RSA private key (PKCS#1 or PKCS#8, PEM or DER; the EC loaders of ec_util.h have the
// same contract); `form` (kForm*, key_file.h) is what -inform/-keyform asked for. Error
// messages name the kind found ("no private key in file (found a SubjectPublicKeyInfo public
// key)").
bool load_rsa_private_key(const char* cmd, const std::string& path, int form,
                          petrel::RsaPrivateKey* key);
// The same from the bytes read_key_file() read from `path` (the caller wipes them).
bool load_rsa_private_key_bytes(const char* cmd, const std::string& path,
                                const std::vector<uint8_t>& data, petrel::RsaPrivateKey* key);
// Loads an RSA public key (SPKI or PKCS#1); with allow_private, a private key file gives its public
// half (as openssl does for -verify with -inkey KEY without -pubin... and for dgst -prverify).
bool load_rsa_public_key(const char* cmd, const std::string& path, int form, bool allow_private,
                         petrel::RsaPublicKey* key);

// RSA signature/encryption parameters from -sigopt / -pkeyopt "name:value" strings.
struct RsaParams {
  enum class Padding { pkcs1, pss, oaep } padding = Padding::pkcs1;
  bool padding_set = false;
  long pss_saltlen = -3;  // -1 digest, -2 max (sign) / auto (verify), -3 unset, >= 0 bytes
  petrel::HashAlg oaep_md = petrel::HashAlg::sha1;
  bool oaep_md_set = false;
  petrel::HashAlg mgf1_md = petrel::HashAlg::sha1;  // unset: the OAEP digest / the PSS digest
  bool mgf1_md_set = false;
  std::vector<uint8_t> oaep_label;  // rsa_oaep_label:HEX (unset: empty)
  bool oaep_label_set = false;
  petrel::HashAlg digest = petrel::HashAlg::sha256;  // pkeyutl -sign/-verify digest:
  bool digest_set = false;
};
bool parse_rsa_opt(const char* cmd, const std::string& opt, RsaParams* p);
// The MGF1 hash of an OAEP or PSS operation whose digest is `digest`: rsa_mgf1_md if given,
// else the digest itself (as openssl defaults it).
inline petrel::HashAlg mgf1_hash(const RsaParams& p, petrel::HashAlg digest) {
  return p.mgf1_md_set ? p.mgf1_md : digest;
}
// Refuses (with a message, false) options that do not apply to the padding in p: rsa_mgf1_md
// without PSS or OAEP, rsa_oaep_label without OAEP, MD5 as an MGF1 hash.
bool check_rsa_opts(const char* cmd, const RsaParams& p);

// PSS salt lengths from OpenSSL's rsa_pss_saltlen convention: -1 = digest length, -2 or unset =
// the maximum when signing (OpenSSL 3.0's default) and any length when verifying, N = N bytes.
size_t pss_sign_salt(long saltlen, const petrel::RsaPublicKey& key, petrel::HashAlg alg);
size_t pss_verify_salt(long saltlen, petrel::HashAlg alg);

// A process-wide RSA private key object on the heap (about 12 KiB; too big for some stacks).
std::unique_ptr<petrel::RsaPrivateKey> new_private_key();

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_RSA_UTIL_H
