// RSA key files: PKCS#1 RSAPrivateKey / RSAPublicKey (RFC 8017 appendix A.1), PKCS#8
// PrivateKeyInfo (RFC 5208 section 5; RFC 5958 OneAsymmetricKey version 1 is read too) and
// X.509 SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7, RFC 3279 section 2.3.1), in DER and PEM
// (RFC 7468 labels "RSA PRIVATE KEY", "RSA PUBLIC KEY", "PRIVATE KEY", "PUBLIC KEY").
// Defined in rsa_key_der.cpp (the ASN.1 structures) and rsa_key_files.cpp (which kind a file
// holds, PEM or DER framing, why a key was refused). The key types themselves are rsa.h.
//
// Parsing is strict DER through crypto/asn1/der.h: non-minimal lengths or integers, truncation,
// trailing bytes, negative integers, or a missing/other-than-NULL rsaEncryption parameter give
// Status::decode_error. A well-formed file of another kind gives:
//   - Status::invalid_argument: a public key where a private key was asked (or a private key
//     given to a public-key-only reader); rsa_key_file_kind() tells which kind it is;
//   - Status::unsupported: a key of another algorithm (EC, RSASSA-PSS-restricted keys),
//     an encrypted PKCS#8 file or legacy encrypted PEM, a multi-prime (version 1)
//     RSAPrivateKey, a public exponent over 64 bits (RsaPublicKey::set).
// The file loaders also say why, as an RsaKeyProblem.
// Key values are then checked by RsaPublicKey::set / RsaPrivateKey::set (invalid_argument or
// bad_key_length: even or too small modulus, exponent 1 or even, p * q != n, ...).
//
// Writing produces the encodings OpenSSL produces (so files convert byte for byte). Private key
// material passing through local buffers is wiped before return.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_RSA_RSA_KEY_FILES_H
#define PETREL_CRYPTO_RSA_RSA_KEY_FILES_H

#include <cstddef>
#include <cstdint>

#include "crypto/asn1/spki.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

// Upper bounds of the DER encodings (public keys up to 8192 bits, private keys up to 4096).
constexpr size_t kRsaMaxPublicKeyDerLen = 2 * (kRsaMaxModulusBytes + 5) + 48;
constexpr size_t kRsaMaxPrivateKeyDerLen = 3 * (kRsaMaxPrivateBits / 8 + 5) +
                                           5 * (kRsaMaxPrivateBits / 16 + 5) + 64;
// PEM text of those (64-character lines, BEGIN/END lines).
constexpr size_t kRsaMaxPublicKeyPemLen = kRsaMaxPublicKeyDerLen * 4 / 3 + 200;
constexpr size_t kRsaMaxPrivateKeyPemLen = kRsaMaxPrivateKeyDerLen * 4 / 3 + 200;

enum class RsaKeyFile : uint8_t {
  unknown,          // not a key file Petrel reads
  pkcs1_private,    // RSAPrivateKey, "RSA PRIVATE KEY"
  pkcs1_public,     // RSAPublicKey, "RSA PUBLIC KEY"
  pkcs8_private,    // PrivateKeyInfo, "PRIVATE KEY"
  pkcs8_encrypted,  // EncryptedPrivateKeyInfo, "ENCRYPTED PRIVATE KEY" (not supported)
  spki_public,      // SubjectPublicKeyInfo, "PUBLIC KEY"
};

// Why a key file could not be loaded (the load functions' optional *out_problem), for messages:
// rsa_key_problem_text() says it in words ("not an RSA key (EC)").
enum class RsaKeyProblem : uint8_t {
  none,
  malformed,           // neither PEM nor DER, bad base64, malformed DER
  no_key,              // a PEM text without any RSA key block
  wrong_kind,          // only public key(s) where a private key was asked, or the reverse
  encrypted,           // ENCRYPTED PRIVATE KEY, or a legacy "Proc-Type: 4,ENCRYPTED" PEM block
  not_rsa_ec,          // an EC key (ecPublicKey SPKI/PKCS#8, or an "EC PRIVATE KEY" block)
  not_rsa,             // another algorithm (DSA, Ed25519, RSASSA-PSS-restricted, ...)
  multi_prime,         // an RSAPrivateKey of version 1 (otherPrimeInfos)
  exponent_too_large,  // e of more than kRsaMaxPublicExponentBits bits
  private_too_large,   // a private key over kRsaMaxPrivateBits (4096)
  public_too_large,    // a public key over kRsaMaxModulusBits (8192)
  too_small,           // a modulus under kRsaMinModulusBits (1024)
  bad_values,          // values that fail RsaPublicKey::set / RsaPrivateKey::set
};
const char* rsa_key_problem_text(RsaKeyProblem p) noexcept;

// A short name for messages ("PKCS#1 RSA private key", ...).
const char* rsa_key_file_name(RsaKeyFile kind) noexcept;
// The PEM label of a kind ("RSA PRIVATE KEY", ...), nullptr for unknown.
const char* rsa_key_file_pem_label(RsaKeyFile kind) noexcept;
bool rsa_key_file_is_private(RsaKeyFile kind) noexcept;

// Which kind of key file `in` (DER or PEM) is, by PEM label or by the shape of the DER (the
// outer SEQUENCE and the tags of its first elements); unknown if neither matches. Not a full
// parse: the readers below still check everything.
RsaKeyFile rsa_key_file_kind(ByteView in) noexcept;

// ---- public keys --------------------------------------------------------------------------------

// The values of an RSA SubjectPublicKeyInfo, as views (no key set-up, no value checks): what a
// certificate parser keeps and a printer shows.
struct RsaPublicKeyParts {
  ByteView m_n;       // modulus magnitude (no leading zero octet)
  ByteView m_e;       // public exponent magnitude
  size_t m_bits = 0;  // bit length of n
};

// The one RSA reader of a SubjectPublicKeyInfo read by crypto/asn1/spki.h: the algorithm must
// be rsaEncryption (unsupported otherwise) with NULL parameters, and the BIT STRING must hold
// one RSAPublicKey with nothing after it (decode_error otherwise).
Status rsa_public_key_parts(RsaPublicKeyParts* out, const PublicKeyInfo& info) noexcept;
// The same, loaded into a key (flags as RsaPublicKey::set).
Status rsa_public_key_from_info(RsaPublicKeyBase* out, const PublicKeyInfo& info,
                                uint32_t flags = 0) noexcept;
// SubjectPublicKeyInfo DER (the whole SEQUENCE, as X.509 certificates carry it) -> key:
// parse_public_key_info, then rsa_public_key_from_info.
Status rsa_public_key_from_spki(RsaPublicKeyBase* out, ByteView spki, uint32_t flags = 0) noexcept;
// RSAPublicKey DER (SEQUENCE { modulus, publicExponent }) -> key.
Status rsa_public_key_from_pkcs1(RsaPublicKeyBase* out, ByteView der, uint32_t flags = 0) noexcept;

Status rsa_public_key_to_pkcs1(MutableBytes out, size_t* out_len,
                               const RsaPublicKeyBase& key) noexcept;
Status rsa_public_key_to_spki(MutableBytes out, size_t* out_len,
                              const RsaPublicKeyBase& key) noexcept;

// ---- public keys sized to the key ---------------------------------------------------------------
// For a key met at run time (a peer's certificate): loads the key of `info` (as
// rsa_public_key_from_info, flags as RsaPublicKeyBase::set) into an RsaPublicKeyOf of the
// smallest size class that holds its modulus (2048, 4096 or 8192 bits), then returns
// fn(const RsaPublicKeyBase&); a loading error is returned without calling fn. Each class has its
// own frame, so only the chosen one is on the stack: a 2048-bit key takes 0.8 KiB of it (64-bit
// host; 3 * 256 bytes of arrays), a 4096-bit one 1.6 KiB, a larger one 3 KiB.
template <size_t kBits, typename Fn>
__attribute__((noinline)) Status with_rsa_public_key_of(const PublicKeyInfo& info,
                                                        uint32_t flags, const Fn& fn) noexcept {
  RsaPublicKeyOf<kBits> key;
  const Status st = rsa_public_key_from_info(&key, info, flags);
  if (st != Status::ok) {
    return st;
  }
  return fn(static_cast<const RsaPublicKeyBase&>(key));
}

template <typename Fn>
Status with_rsa_public_key(const PublicKeyInfo& info, uint32_t flags, const Fn& fn) noexcept {
  RsaPublicKeyParts parts;
  const Status st = rsa_public_key_parts(&parts, info);
  if (st != Status::ok) {
    return st;
  }
  if (parts.m_n.size() <= 2048 / 8) {
    return with_rsa_public_key_of<2048>(info, flags, fn);
  }
  if (parts.m_n.size() <= 4096 / 8) {
    return with_rsa_public_key_of<4096>(info, flags, fn);
  }
  return with_rsa_public_key_of<kRsaMaxModulusBits>(info, flags, fn);
}

// The same from SubjectPublicKeyInfo DER (as rsa_public_key_from_spki).
template <typename Fn>
Status with_rsa_public_key_spki(ByteView spki, uint32_t flags, const Fn& fn) noexcept {
  PublicKeyInfo info;
  if (parse_public_key_info(&info, spki) != Status::ok) {
    return Status::decode_error;
  }
  return with_rsa_public_key(info, flags, fn);
}

// ---- private keys -------------------------------------------------------------------------------

// RSAPrivateKey DER (version 0, two primes) -> key.
Status rsa_private_key_from_pkcs1(RsaPrivateKey* out, ByteView der, uint32_t flags = 0) noexcept;
// PrivateKeyInfo DER (version 0 or 1, rsaEncryption with NULL parameters, the RSAPrivateKey in
// the OCTET STRING; attributes [0] and publicKey [1] are skipped) -> key.
Status rsa_private_key_from_pkcs8(RsaPrivateKey* out, ByteView der, uint32_t flags = 0) noexcept;

// The key must hold d (loaded from a file or generated); Status::not_available otherwise.
Status rsa_private_key_to_pkcs1(MutableBytes out, size_t* out_len,
                                const RsaPrivateKey& key) noexcept;
Status rsa_private_key_to_pkcs8(MutableBytes out, size_t* out_len,
                                const RsaPrivateKey& key) noexcept;

// ---- files (PEM or DER) -------------------------------------------------------------------------

// Reads a private key from PEM ("RSA PRIVATE KEY" or "PRIVATE KEY": the first such block,
// wherever it is, e.g. after a "PUBLIC KEY" block) or
// DER (PKCS#1 or PKCS#8). *out_kind (optional) receives the kind found, also on failure, so a
// caller can say e.g. "this is a public key"; *out_problem (optional) why it failed.
Status rsa_private_key_load(RsaPrivateKey* out, ByteView in, uint32_t flags = 0,
                            RsaKeyFile* out_kind = nullptr,
                            RsaKeyProblem* out_problem = nullptr) noexcept;
// Reads a public key from PEM ("PUBLIC KEY" or "RSA PUBLIC KEY", the first such block) or DER
// (SPKI or PKCS#1).
Status rsa_public_key_load(RsaPublicKeyBase* out, ByteView in, uint32_t flags = 0,
                           RsaKeyFile* out_kind = nullptr,
                           RsaKeyProblem* out_problem = nullptr) noexcept;

// Writes a key in one of the four encodings, as DER or as PEM with the kind's label.
// kind must be public for the first, and any kind but unknown/pkcs8_encrypted for the second
// (a public kind writes the key's public part).
Status rsa_public_key_write(MutableBytes out, size_t* out_len, const RsaPublicKeyBase& key,
                            RsaKeyFile kind, bool pem) noexcept;
Status rsa_private_key_write(MutableBytes out, size_t* out_len, const RsaPrivateKey& key,
                             RsaKeyFile kind, bool pem) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_RSA_RSA_KEY_FILES_H
