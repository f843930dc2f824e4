// Strict DER (X.690 section 10 on top of the BER rules of section 8) over the Reader/Writer of
// crypto/util/cursor.h. Used by RSA key files, X.509 certificates, CSRs and the TLS client.
//
// Conventions: the Reader being consumed comes first (it plays the role of `this`), then the
// outputs, then the inputs. Every read returns Status::ok or Status::decode_error (malformed
// DER, wrong tag, value out of range) and leaves the Reader unchanged on failure. Writers append
// to a Writer, whose sticky error is checked once at the end (Writer::finish).
//
// Tags are held in one uint32_t: the class in bits 31..30, the constructed bit in bit 29, the tag
// number in bits 28..0 (so kSequence == 0x20000010). Numbers >= 31 use the high-tag-number form
// on the wire; it is parsed and written, minimal form only, up to kMaxTagNumber.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_ASN1_DER_H
#define PETREL_CRYPTO_ASN1_DER_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/cursor.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace asn1 {

using Tag = uint32_t;

constexpr Tag kClassUniversal = 0u << 30;
constexpr Tag kClassApplication = 1u << 30;
constexpr Tag kClassContext = 2u << 30;
constexpr Tag kClassPrivate = 3u << 30;
constexpr Tag kClassMask = 3u << 30;
constexpr Tag kConstructed = 1u << 29;
constexpr Tag kNumberMask = (1u << 29) - 1;
constexpr Tag kMaxTagNumber = (1u << 28) - 1;  // four base-128 octets

constexpr Tag kBoolean = 1;
constexpr Tag kInteger = 2;
constexpr Tag kBitString = 3;
constexpr Tag kOctetString = 4;
constexpr Tag kNull = 5;
constexpr Tag kOid = 6;
constexpr Tag kEnumerated = 10;
constexpr Tag kUtf8String = 12;
constexpr Tag kSequence = 16 | kConstructed;
constexpr Tag kSet = 17 | kConstructed;
constexpr Tag kNumericString = 18;
constexpr Tag kPrintableString = 19;
constexpr Tag kT61String = 20;  // TeletexString
constexpr Tag kIa5String = 22;
constexpr Tag kUtcTime = 23;
constexpr Tag kGeneralizedTime = 24;
constexpr Tag kVisibleString = 26;
constexpr Tag kUniversalString = 28;
constexpr Tag kBmpString = 30;

// [n] primitive (implicit tagging of a primitive type) and [n] constructed (explicit tagging,
// or implicit tagging of a SEQUENCE/SET).
constexpr Tag context(uint32_t n) { return kClassContext | n; }
constexpr Tag context_constructed(uint32_t n) { return kClassContext | kConstructed | n; }

constexpr bool is_constructed(Tag t) { return (t & kConstructed) != 0; }

// Nesting limit for recursive walkers: enter() fails once max levels are open.
// Certificates nest about 10 deep; 32 leaves room and bounds the stack of a walker.
constexpr size_t kDefaultMaxDepth = 32;
class DepthLimit final {
 public:
  explicit DepthLimit(size_t max = kDefaultMaxDepth) noexcept : m_depth(0), m_max(max) {}
  [[nodiscard]] bool enter() noexcept {
    if (m_depth >= m_max) {
      return false;
    }
    m_depth++;
    return true;
  }
  void leave() noexcept {
    if (m_depth > 0) {
      m_depth--;
    }
  }
  size_t depth() const noexcept { return m_depth; }

 private:
  size_t m_depth;
  size_t m_max;
};

// ---- element framing ------------------------------------------------------------------------

// Reads one element with any tag: its tag, its contents, and how many header bytes it had.
Status read_any_der(Reader* in, Tag* out_tag, Reader* out_contents,
                    size_t* out_header_len = nullptr) noexcept;
// Reads one element of an open type (X.680 ANY: AlgorithmIdentifier parameters, a Name's
// AttributeValue, a policy qualifier) as strict DER: read_any_der, and then the contents rules
// of every universal type found in it, recursively (to kDefaultMaxDepth levels): BOOLEAN one
// octet 00 or FF, NULL empty, INTEGER and ENUMERATED minimal, BIT STRING with valid and zero
// unused bits, OBJECT IDENTIFIER as check_oid_contents, the string types as check_string;
// SEQUENCE and SET constructed, every other universal type primitive (DER has no constructed
// strings), no end-of-contents octets. Elements of other classes are walked for framing only:
// their type is not known here. Times, OCTET STRING and the rarer universal types are not
// interpreted.
Status read_any_value(Reader* in, Tag* out_tag, Reader* out_contents,
                      size_t* out_header_len = nullptr) noexcept;
// Reads one element and checks its tag.
Status read_der(Reader* in, Reader* out_contents, Tag tag) noexcept;
// Reads one element with that tag and gives the whole element (header and contents).
Status read_der_element(Reader* in, ByteView* out_element, Tag tag) noexcept;
// The tag of the next element, without consuming it (decode_error if the tag is malformed).
Status peek_tag(const Reader& in, Tag* out_tag) noexcept;
// true if the next element's tag is `tag`.
bool next_is(const Reader& in, Tag tag) noexcept;
// OPTIONAL / DEFAULT elements: if the next element has this tag it is read and *out_present is
// true; otherwise nothing is consumed and *out_present is false.
Status read_optional_der(Reader* in, Reader* out_contents, bool* out_present, Tag tag) noexcept;
// Walks a whole DER encoding: every element well-formed, constructed ones recursively (to
// max_depth levels), and nothing trailing. The typed contents of primitives are not checked.
Status validate_der(ByteView in, size_t max_depth = kDefaultMaxDepth) noexcept;

// ---- typed readers --------------------------------------------------------------------------

Status read_sequence(Reader* in, Reader* out_contents) noexcept;
Status read_set(Reader* in, Reader* out_contents) noexcept;
// [n] EXPLICIT: the constructed context tag around one inner element (the inner is returned as
// a reader over the wrapper's contents; the caller reads the one element and checks empty()).
Status read_explicit(Reader* in, Reader* out_inner, uint32_t n) noexcept;
Status read_optional_explicit(Reader* in, Reader* out_inner, bool* out_present,
                              uint32_t n) noexcept;

// INTEGER, content checked minimal and non-empty. The two's-complement contents as they are.
Status read_integer(Reader* in, ByteView* out_contents) noexcept;
// A non-negative INTEGER as big-endian magnitude bytes without the leading 0x00 (zero gives one
// 0x00 byte). Negative values are decode_error.
Status read_unsigned_integer(Reader* in, ByteView* out_magnitude) noexcept;
// A non-negative INTEGER that fits in 64 bits.
Status read_uint64(Reader* in, uint64_t* out) noexcept;
// Same checks on contents already framed (e.g. an implicitly tagged INTEGER).
Status parse_integer_contents(ByteView contents, bool* out_negative) noexcept;

Status read_boolean(Reader* in, bool* out) noexcept;  // DER: only 0x00 and 0xFF
Status read_null(Reader* in) noexcept;

// OBJECT IDENTIFIER contents (checked: non-empty, minimal base-128, last octet terminates).
Status read_oid(Reader* in, ByteView* out_contents) noexcept;
Status check_oid_contents(ByteView contents) noexcept;
// Exact byte comparison with a constant from crypto/asn1/oid.h.
bool oid_equal(ByteView a, ByteView b) noexcept;
// Dotted text ("1.2.840.113549.1.1.11") into out, NUL-terminated; *out_len excludes the NUL.
// buffer_too_small if it does not fit; decode_error if the contents are invalid or an arc
// exceeds 64 bits.
Status oid_to_text(MutableBytes out, size_t* out_len, ByteView contents) noexcept;
// Dotted text to DER contents (first arc 0..2, second < 40 unless first is 2; arcs <= 2^64-1).
Status oid_from_text(MutableBytes out, size_t* out_len, ByteView text) noexcept;

// BIT STRING: *out_bits is the data octets, *out_unused the unused bit count (0..7) of the last
// octet. DER: unused bits are zero, and an empty string has unused == 0.
Status read_bit_string(Reader* in, ByteView* out_bits, uint8_t* out_unused) noexcept;
// BIT STRING that must be whole octets (keys, signatures).
Status read_bit_string_octets(Reader* in, ByteView* out) noexcept;
Status read_octet_string(Reader* in, ByteView* out) noexcept;

// Character strings. is_string_tag() says which tags are; read_string reads any of them (the
// tag is returned) and checks its character set: PrintableString and NumericString their X.680
// sets, IA5String/VisibleString 7-bit, UTF8String well-formed UTF-8 (no overlong forms, no
// surrogates), BMPString even length without surrogates, UniversalString multiple of 4 and
// <= U+10FFFF. T61String is taken as Latin-1 bytes (common practice; no check possible).
bool is_string_tag(Tag tag) noexcept;
Status check_string(Tag tag, ByteView contents) noexcept;
Status read_string(Reader* in, Tag* out_tag, ByteView* out_contents) noexcept;
Status read_string_of(Reader* in, ByteView* out_contents, Tag tag) noexcept;
// Converts string contents of a string tag to UTF-8 (for printing and comparing names).
// read_string_char reads the next character (a Unicode code point) of such contents, checking it
// as check_string does; decode_error if it is malformed.
Status read_string_char(Reader* in, Tag tag, uint32_t* out_cp) noexcept;
Status string_to_utf8(MutableBytes out, size_t* out_len, Tag tag, ByteView contents) noexcept;

// UTCTime (YYMMDDHHMMSSZ, 1950..2049 per RFC 5280 4.1.2.5.1) or GeneralizedTime
// (YYYYMMDDHHMMSSZ); no fractional seconds, no offsets, full range checks. Seconds since
// 1970-01-01T00:00:00Z (negative before).
Status read_time(Reader* in, int64_t* out_epoch) noexcept;
Status parse_utc_time(ByteView contents, int64_t* out_epoch) noexcept;
Status parse_generalized_time(ByteView contents, int64_t* out_epoch) noexcept;
// Broken-down UTC time from epoch seconds (years 0..9999), and back.
struct DateTime {
  int32_t year;
  int32_t month;   // 1..12
  int32_t day;     // 1..31
  int32_t hour;    // 0..23
  int32_t minute;  // 0..59
  int32_t second;  // 0..59 (no leap seconds in DER times)
};
Status epoch_to_datetime(DateTime* out, int64_t epoch) noexcept;
Status datetime_to_epoch(int64_t* out, const DateTime& dt) noexcept;

// ---- writers --------------------------------------------------------------------------------

// Writes the tag and opens the contents; close with w->end(). The length is made minimal then.
void begin_der(Writer* w, Tag tag) noexcept;
// A whole element from contents known in advance.
void add_der(Writer* w, Tag tag, ByteView contents) noexcept;
// INTEGER from unsigned big-endian bytes: leading zeros are stripped, 0x00 added if the top bit
// is set; empty input means zero.
void add_unsigned_integer(Writer* w, ByteView magnitude) noexcept;
void add_uint64(Writer* w, uint64_t v) noexcept;
void add_boolean(Writer* w, bool v) noexcept;
void add_null(Writer* w) noexcept;
void add_oid(Writer* w, ByteView contents) noexcept;  // invalid_argument if not a valid OID
void add_bit_string(Writer* w, ByteView octets) noexcept;  // unused bits = 0
void add_octet_string(Writer* w, ByteView in) noexcept;
// A string of a string tag; its character set is checked (invalid_argument if wrong).
void add_string(Writer* w, Tag tag, ByteView contents) noexcept;
// UTCTime for years 1950..2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5).
void add_time(Writer* w, int64_t epoch) noexcept;
void add_utc_time(Writer* w, int64_t epoch) noexcept;  // invalid_argument outside 1950..2049
void add_generalized_time(Writer* w, int64_t epoch) noexcept;  // years 0..9999

}  // namespace asn1
}  // namespace petrel

#endif  // PETREL_CRYPTO_ASN1_DER_H
