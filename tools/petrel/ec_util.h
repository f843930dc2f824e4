// Helpers shared by the EC subcommands of the petrel tool (genpkey, ecparam, ec, pkeyutl
// -derive, dgst -sign/-verify with EC keys, req/x509 with EC keys): key loading with clear
// messages, whether a key file holds an EC/X25519 key, the curve names openssl takes, and the
// openssl -text layout of EC keys.
#ifndef PETREL_TOOLS_PETREL_EC_UTIL_H
#define PETREL_TOOLS_PETREL_EC_UTIL_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crypto/ec/ec_keys.h"
#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

// Whether a key file (PEM or DER) holds an EC or X25519 key rather than an RSA one: an "EC
// PRIVATE KEY" block, or a PKCS#8/SPKI whose algorithm is id-ecPublicKey or id-X25519.
// false for stdin ("-" or ""), which is not read here (so `dgst -sign -` takes RSA keys only).
bool file_is_ec_key(const std::string& path);
bool bytes_are_ec_key(const std::vector<uint8_t>& data);

// Reads a private key file once (stdin too) and loads it as an EC key if it holds one (*is_ec
// true), else as an RSA key: the commands that take either (req -key, x509 -CAkey, dgst -sign,
// s_client/get -key).
bool load_rsa_or_ec_private_key(const char* cmd, const std::string& path, int form,
                                petrel::RsaPrivateKey* rsa, petrel::EcPrivateKey* ec, bool* is_ec);

// Loads an EC/X25519 private key (SEC 1 or PKCS#8, PEM or DER; form as key_file.h kForm*).
bool load_ec_private_key(const char* cmd, const std::string& path, int form,
                         petrel::EcPrivateKey* key);
// Loads a public key (SPKI); with allow_private a private key file gives its public key.
// *storage holds the bytes the key views.
bool load_ec_public_key(const char* cmd, const std::string& path, int form, bool allow_private,
                        petrel::EcPublicKey* key, std::vector<uint8_t>* storage);

// "P-256", "prime256v1", "secp256r1", "P-384", "secp384r1" -> curve; false otherwise.
bool ec_curve_by_name(const std::string& name, petrel::EcKeyAlg* out);
// The openssl short name: "prime256v1", "secp384r1".
const char* ec_curve_short_name(petrel::EcKeyAlg a);

// openssl's layout of a key's bytes: 4-space-indented lines of 15 "xx:" bytes.
void append_hex_block(std::string* out, const uint8_t* p, size_t n);
// `openssl ec -text` / `openssl pkey -text` of a key.
std::string ec_key_text(const petrel::EcPrivateKey& key, bool public_only);
std::string ec_public_key_text(const petrel::EcPublicKey& key);

// pkeyutl -derive (pkeyutl_derive.cpp): the shared secret of KEY and the peer's public key
// (X25519: RFC 7748; P-256/P-384: ECDH, the x coordinate), raw bytes to out_path.
int pkeyutl_derive(const char* cmd, const std::string& key_path, const std::string& peer_path,
                   int keyform, const std::string& out_path);

// dgst -sign/-verify/-prverify with an EC key (dgst_ec.cpp): ECDSA over the message digest,
// DER signatures (RFC 3279 2.2.3) as openssl writes them.
int dgst_ec_sign_verify(const char* cmd, const std::string& key_path, bool sign, bool from_private,
                        const std::string& sig_path, int keyform, petrel::HashAlg alg,
                        const uint8_t* digest, size_t digest_len, const std::string& out_path);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_EC_UTIL_H
