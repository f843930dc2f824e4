// EC key files, beside the RSA ones of crypto/rsa/rsa_key_files.h:
//   - public keys: X.509 SubjectPublicKeyInfo with id-ecPublicKey and a namedCurve (RFC 5480
//     section 2.1.1: prime256v1 or secp384r1), the point uncompressed and checked with
//     ec_point_check; X25519 SubjectPublicKeyInfo (RFC 8410 section 4, id-X25519, no
//     parameters, 32 octets);
//   - private keys: SEC 1 ECPrivateKey "EC PRIVATE KEY" (RFC 5915 section 3), PKCS#8
//     PrivateKeyInfo "PRIVATE KEY" (RFC 5208; RFC 5958 OneAsymmetricKey version 1 is read) with
//     id-ecPublicKey (RFC 5915 section 2) or id-X25519 (RFC 8410 section 7, the CurvePrivateKey
//     OCTET STRING);
// in DER and PEM (RFC 7468).
//
// Parsing is strict DER through crypto/asn1/der.h (decode_error for anything malformed:
// non-minimal lengths, trailing bytes, wrong tags or versions, a private key of the wrong
// length). A well-formed key Petrel does not take gives Status::unsupported and says why as an
// EcKeyProblem: explicit curve parameters (specifiedCurve, RFC 5480 says MUST NOT) or
// implicitCurve, a named curve other than P-256/P-384, a compressed point, an encrypted PKCS#8
// file. Key values are checked: the point with ec_point_check, d with ec_private_check, and
// for P-256 the public key in the file (when present) must be d*G (invalid_argument
// otherwise); P-384 has no d*G in this build (crypto/ec/ec.h), so a P-384 private key file
// must carry its public key, which is checked to be on the curve but not against d.
//
// Writing produces the encodings OpenSSL 3 produces (so files convert byte for byte: SEC 1
// with the [0] parameters and the [1] public key; PKCS#8 version 0 around an ECPrivateKey
// without [0] parameters; X25519 PKCS#8 version 0 without the public key). Private key material
// in local buffers is wiped before return, EcPrivateKey wipes itself in its destructor.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_EC_EC_KEYS_H
#define PETREL_CRYPTO_EC_EC_KEYS_H

#include <cstddef>
#include <cstdint>

#include "crypto/asn1/spki.h"
#include "crypto/ec/ec.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

// The key algorithms of this file.
enum class EcKeyAlg : uint8_t { p256, p384, x25519 };
const char* ec_key_alg_name(EcKeyAlg a) noexcept;  // "P-256", "P-384", "X25519"
size_t ec_key_alg_private_size(EcKeyAlg a) noexcept;  // 32, 48, 32
size_t ec_key_alg_public_size(EcKeyAlg a) noexcept;   // 65, 97, 32
inline EcKeyAlg ec_key_alg_of(EcCurve c) noexcept {
  return c == EcCurve::p384 ? EcKeyAlg::p384 : EcKeyAlg::p256;
}
// The curve of a P-256/P-384 algorithm (false for X25519).
bool ec_key_alg_curve(EcKeyAlg a, EcCurve* out) noexcept;

constexpr size_t kEcMaxPublicKeyDerLen = 27 + kEcMaxPointSize;   // SPKI of a P-384 point
constexpr size_t kEcMaxPrivateKeyDerLen = 64 + kEcMaxScalarSize + kEcMaxPointSize;
constexpr size_t kEcMaxPrivateKeyPemLen = kEcMaxPrivateKeyDerLen * 4 / 3 + 100;
constexpr size_t kEcMaxPublicKeyPemLen = kEcMaxPublicKeyDerLen * 4 / 3 + 100;
// The decoding buffer of the loaders: room for a key with explicit P-384 parameters, so that
// such a key is refused for what it is (a larger DER is reported as not an EC key).
constexpr size_t kEcKeyScratchLen = 1024;

enum class EcKeyFile : uint8_t {
  unknown,
  sec1_private,     // ECPrivateKey, "EC PRIVATE KEY" (P-256/P-384 only)
  pkcs8_private,    // PrivateKeyInfo, "PRIVATE KEY"
  pkcs8_encrypted,  // EncryptedPrivateKeyInfo (not supported)
  spki_public,      // SubjectPublicKeyInfo, "PUBLIC KEY"
};
const char* ec_key_file_pem_label(EcKeyFile kind) noexcept;

// Why an EC key could not be read, for messages (ec_key_problem_text: words).
enum class EcKeyProblem : uint8_t {
  none,
  malformed,         // not PEM or DER, bad base64, malformed DER
  no_key,            // no key block of a kind read here
  wrong_kind,        // a public key where a private key was asked
  encrypted,         // ENCRYPTED PRIVATE KEY or a legacy encrypted PEM block
  not_ec,            // another algorithm (RSA, Ed25519, ...)
  explicit_params,   // specifiedCurve parameters (explicit curve), or implicitCurve (NULL)
  unknown_curve,     // a named curve other than prime256v1 / secp384r1
  compressed_point,  // a compressed or hybrid point encoding
  bad_point,         // not a point of the curve (ec_point_check)
  bad_private,       // d out of [1, n-1], or the file's public key is not d*G
  no_public,         // a private key without its public key on a curve without d*G here
};
const char* ec_key_problem_text(EcKeyProblem p) noexcept;

// ---- public keys ------------------------------------------------------------------------------

// The key of an id-ecPublicKey or id-X25519 SubjectPublicKeyInfo, as a view of the caller's
// buffer (the point is checked).
struct EcPublicKey {
  EcKeyAlg m_alg = EcKeyAlg::p256;
  ByteView m_point;  // 04||X||Y for P-256/P-384, the 32-byte u-coordinate for X25519
};

// The curve of an id-ecPublicKey parameters element (ECParameters of RFC 5480: only the
// namedCurve choice is taken). decode_error if malformed; unsupported with *problem set for
// explicit/implicit parameters or another curve.
Status ec_curve_from_params(EcCurve* out, ByteView params, EcKeyProblem* problem = nullptr) noexcept;
// The reader of a SubjectPublicKeyInfo read by crypto/asn1/spki.h for id-ecPublicKey (and
// id-X25519, absent parameters): decode_error (malformed), unsupported (another algorithm,
// explicit parameters, another curve, a compressed point), invalid_argument (not on the curve).
Status ec_public_key_from_info(EcPublicKey* out, const PublicKeyInfo& info,
                               EcKeyProblem* problem = nullptr) noexcept;
// SubjectPublicKeyInfo DER (the whole SEQUENCE) -> key.
Status ec_public_key_from_spki(EcPublicKey* out, ByteView spki,
                               EcKeyProblem* problem = nullptr) noexcept;
// Writes a SubjectPublicKeyInfo (the point is checked first).
Status ec_public_key_to_spki(MutableBytes out, size_t* out_len, const EcPublicKey& key) noexcept;

// ---- private keys -----------------------------------------------------------------------------

struct EcPrivateKey {
  EcKeyAlg m_alg = EcKeyAlg::p256;
  uint8_t m_d[kEcMaxScalarSize] = {};   // big-endian scalar (X25519: the 32 raw octets)
  uint8_t m_pub[kEcMaxPointSize] = {};  // the public key (always set once loaded)
  EcPrivateKey() noexcept = default;
  EcPrivateKey(const EcPrivateKey&) = delete;
  EcPrivateKey& operator=(const EcPrivateKey&) = delete;
  ~EcPrivateKey() noexcept;
  ByteView d() const noexcept { return ByteView(m_d, ec_key_alg_private_size(m_alg)); }
  ByteView public_key() const noexcept { return ByteView(m_pub, ec_key_alg_public_size(m_alg)); }
  EcPublicKey public_part() const noexcept {
    EcPublicKey k;
    k.m_alg = m_alg;
    k.m_point = public_key();
    return k;
  }
  void wipe() noexcept;
};

// Sets a key from its private value; the public key is computed, and `pub`, when given, must
// equal it. invalid_argument for a bad d or a public key that does not match.
Status ec_private_key_set(EcPrivateKey* out, EcKeyAlg alg, ByteView d, ByteView pub = ByteView()) noexcept;
// A fresh key pair (P-256, P-384, X25519).
Status ec_private_key_generate(EcPrivateKey* out, EcKeyAlg alg, Rng& rng) noexcept;

// ECPrivateKey DER (RFC 5915: version 1, the [0] namedCurve required here unless `curve` is
// given by an enclosing PKCS#8, [1] public key optional).
Status ec_private_key_from_sec1(EcPrivateKey* out, ByteView der,
                                EcKeyProblem* problem = nullptr) noexcept;
// PrivateKeyInfo DER with id-ecPublicKey or id-X25519.
Status ec_private_key_from_pkcs8(EcPrivateKey* out, ByteView der,
                                 EcKeyProblem* problem = nullptr) noexcept;
// sec1_private (P-256/P-384 only) or pkcs8_private, DER or PEM.
Status ec_private_key_write(MutableBytes out, size_t* out_len, const EcPrivateKey& key,
                            EcKeyFile kind, bool pem) noexcept;
// spki_public, DER or PEM.
Status ec_public_key_write(MutableBytes out, size_t* out_len, const EcPublicKey& key,
                           bool pem) noexcept;

// ---- files (PEM or DER) -----------------------------------------------------------------------

// Which kind of EC key file `in` is: by PEM label ("EC PRIVATE KEY", "PRIVATE KEY", "PUBLIC
// KEY", "ENCRYPTED PRIVATE KEY"), or for DER by a full parse attempt. unknown otherwise (also for
// an RSA key file).
EcKeyFile ec_key_file_kind(ByteView in) noexcept;
// Reads a private key: PEM (the first "EC PRIVATE KEY" or "PRIVATE KEY" block; "EC
// PARAMETERS" blocks before it, as `openssl ecparam -genkey` writes, are skipped) or DER
// (SEC 1 or PKCS#8). *out_problem (optional) says why it failed.
Status ec_private_key_load(EcPrivateKey* out, ByteView in,
                           EcKeyProblem* out_problem = nullptr) noexcept;
// Reads a public key: PEM "PUBLIC KEY" or SPKI DER. `scratch` holds the decoded PEM that
// out->m_point views (kEcKeyScratchLen bytes; DER input is viewed in place).
Status ec_public_key_load(EcPublicKey* out, MutableBytes scratch, ByteView in,
                          EcKeyProblem* out_problem = nullptr) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_EC_KEYS_H
