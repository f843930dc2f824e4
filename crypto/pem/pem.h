// Base64 (RFC 4648 section 4) and PEM (RFC 7468) reading and writing, without heap: every
// output goes to a caller buffer with its length returned in *out_len.
//
// Private keys pass through here, so base64 decoding maps characters with arithmetic masks (no
// table indexed by a secret character); the only branches are on whitespace and '=' padding,
// whose positions are the public layout of the text.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_PEM_PEM_H
#define PETREL_CRYPTO_PEM_PEM_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace pem {

// ---- base64 ---------------------------------------------------------------------------------

// 4 * ceil(n / 3): the exact encoded length (no newlines).
constexpr size_t base64_encoded_len(size_t n) { return (n / 3 + (n % 3 != 0 ? 1 : 0)) * 4; }
// An upper bound for the decoded length of n characters.
constexpr size_t base64_decoded_max_len(size_t n) { return (n / 4) * 3 + 3; }

// Standard alphabet with '=' padding, no newlines.
Status base64_encode(MutableBytes out, size_t* out_len, ByteView in) noexcept;
// Strict: the alphabet A-Z a-z 0-9 + / only, length a multiple of 4, '=' only as the last one
// or two characters, and the padding bits zero (one encoding per value). decode_error otherwise.
// On any failure the partial output is wiped.
Status base64_decode(MutableBytes out, size_t* out_len, ByteView in) noexcept;
// As base64_decode, but ASCII whitespace (space, tab, CR, LF) anywhere is skipped (PEM bodies).
Status base64_decode_lines(MutableBytes out, size_t* out_len, ByteView in) noexcept;

// ---- PEM ------------------------------------------------------------------------------------

struct Block {
  ByteView label;  // "CERTIFICATE", "PRIVATE KEY", ...
  ByteView body;   // the base64 text between the BEGIN and END lines
};

// Finds the next "-----BEGIN <label>-----" line (at the start of a line) in *text and its
// matching "-----END <label>-----" line; consumes through the END line. Text outside blocks is
// skipped (RFC 7468 section 2 allows explanatory text). *out_found is false, with ok, when no
// BEGIN line remains. decode_error for a block without a matching END, or a malformed line;
// unsupported for RFC 1421 headers in the block (e.g. "Proc-Type: 4,ENCRYPTED", OpenSSL's
// legacy encrypted keys), which Petrel does not read: that block is consumed and *out set
// (label and body), so a reader of bundles may skip it and go on.
Status next_block(Reader* text, Block* out, bool* out_found) noexcept;
// Base64-decodes a block's body.
Status decode_block(MutableBytes out, size_t* out_len, const Block& block) noexcept;
// Decodes the first block whose label equals `label` (any label if label is nullptr).
// decode_error if there is none.
Status read_pem(MutableBytes out, size_t* out_len, ByteView text, const char* label) noexcept;

// The exact length write_pem produces.
size_t pem_encoded_len(size_t label_len, size_t der_len) noexcept;
// "-----BEGIN <label>-----\n", base64 in lines of 64 characters, "-----END <label>-----\n".
Status write_pem(MutableBytes out, size_t* out_len, const char* label, ByteView der) noexcept;

enum class Format { der, pem, unknown };
// der: the input is exactly one DER element (of any tag). pem: it contains a BEGIN line.
Format detect_format(ByteView in) noexcept;
// Accepts either form: DER is returned as it is (*out_der views `in`); PEM is decoded (first
// block with `label`, or any if nullptr) into scratch and *out_der views the decoded bytes.
Status load_der(ByteView* out_der, MutableBytes scratch, ByteView in, const char* label) noexcept;

}  // namespace pem
}  // namespace petrel

#endif  // PETREL_CRYPTO_PEM_PEM_H
