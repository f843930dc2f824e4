// The framing shared by the key files of every key family (crypto/rsa/rsa_key_files.h,
// crypto/ec/ec_keys.h): the PKCS#8 PrivateKeyInfo wrapper around a family's private key, the
// PEM key blocks of a text, and the DER-or-PEM output of a finished encoding. What is inside
// the wrapper (the AlgorithmIdentifier's parameters, the private key's own structure) stays
// with the family.
//
// PKCS#8 is RFC 5208 section 5 (PrivateKeyInfo, version 0) and RFC 5958 section 2
// (OneAsymmetricKey, version 1, which may carry the public key):
//   SEQUENCE { version INTEGER (0 | 1), privateKeyAlgorithm AlgorithmIdentifier,
//              privateKey OCTET STRING, attributes [0] IMPLICIT SET OF Attribute OPTIONAL,
//              publicKey [1] IMPLICIT BIT STRING OPTIONAL -- version 1 only }
// Encrypted PKCS#8 (EncryptedPrivateKeyInfo) is not read here (absent in Petrel).
// Not constant-time in the framing (lengths and tags are public); key bytes are only viewed or
// copied, and an output that may hold a private key is wiped on failure.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_PEM_KEY_FILE_H
#define PETREL_CRYPTO_PEM_KEY_FILE_H

#include <cstddef>
#include <cstdint>

#include "crypto/asn1/der.h"
#include "crypto/pem/pem.h"
#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace key_file {

// ---- PKCS#8 -----------------------------------------------------------------------------------

// A PrivateKeyInfo taken apart, as views of the caller's DER.
struct PrivateKeyInfo {
  uint64_t m_version = 0;     // 0 or 1
  ByteView m_algorithm;       // the whole AlgorithmIdentifier element (for the family's reader)
  ByteView m_private_key;     // the privateKey OCTET STRING's contents
  ByteView m_public_key;      // version 1 publicKey: the BIT STRING's octets (empty if absent)
};

// Reads a PrivateKeyInfo that occupies exactly `der`: the framing above, the version 0 or 1,
// the AlgorithmIdentifier a SEQUENCE, the attributes skipped, the publicKey (version 1 only)
// with zero unused bits, nothing trailing. decode_error otherwise.
Status parse_private_key_info(PrivateKeyInfo* out, ByteView der) noexcept;

// Writes a PrivateKeyInfo version 0: add_algorithm(w) writes the AlgorithmIdentifier, then
// add_private_key(w) the privateKey's contents (the family's private key encoding). The
// Writer's sticky error reports a failure, as for every DER writer.
template <typename AddAlgorithm, typename AddPrivateKey>
void add_private_key_info(Writer* w, AddAlgorithm add_algorithm,
                          AddPrivateKey add_private_key) noexcept {
  asn1::begin_der(w, asn1::kSequence);
  asn1::add_uint64(w, 0);
  add_algorithm(w);
  asn1::begin_der(w, asn1::kOctetString);
  add_private_key(w);
  w->end();
  w->end();
}

// ---- PEM key blocks ---------------------------------------------------------------------------

// true if a PEM block's label is exactly s ("PRIVATE KEY", ...).
bool label_is(ByteView label, const char* s) noexcept;

// pem::next_block for a key reader: a block with RFC 1421 headers (OpenSSL's legacy encrypted
// keys, "Proc-Type: 4,ENCRYPTED") is skipped and sets *io_encrypted, so the reader can say
// "encrypted" when it finds no key it reads. *out_found is false, with ok, at the end.
Status next_key_block(Reader* text, pem::Block* out, bool* out_found, bool* io_encrypted) noexcept;

// ---- output -----------------------------------------------------------------------------------

// A finished key encoding to the caller's buffer: PEM with pem_label, or the DER as it is when
// pem_label is nullptr. buffer_too_small if it does not fit; then, when `secret`, out is wiped.
Status write_key_file(MutableBytes out, size_t* out_len, ByteView der, const char* pem_label,
                      bool secret) noexcept;

}  // namespace key_file
}  // namespace petrel

#endif  // PETREL_CRYPTO_PEM_KEY_FILE_H
