// Name and address matching used by path validation (crypto/x509/verify.h), exposed for tests
// and for the TLS client: RFC 6125 host names, RFC 5280 4.2.1.10 subtrees and name
// constraints, and IP address text.
// Public API (installed): the declarations here are stable, as the rules verify.h applies.
#ifndef PETREL_CRYPTO_X509_NAME_MATCH_H
#define PETREL_CRYPTO_X509_NAME_MATCH_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/x509/cert.h"

namespace petrel {
namespace x509 {

// RFC 6125 section 6.4: `pattern` (a dNSName) matches `host` case-insensitively; a wildcard is
// allowed only as the whole left-most label ("*.example.com"), matches exactly one non-empty
// label, and needs at least two labels after it. Partial wildcards ("w*.example.com") and
// wildcards elsewhere never match. An IP address literal never matches a pattern.
bool dns_name_matches(ByteView pattern, ByteView host) noexcept;
// RFC 5280 4.2.1.10 subtree matching.
bool dns_in_subtree(ByteView name, ByteView base) noexcept;      // "example.com", ".example.com"
bool email_in_subtree(ByteView email, ByteView base) noexcept;   // mailbox, host, ".domain"
bool ip_in_subtree(ByteView ip, ByteView base_and_mask) noexcept;
// Text to binary address: IPv4 dotted quad (4 bytes) or IPv6 (16 bytes, "::" and a trailing
// dotted quad allowed). decode_error otherwise.
Status parse_ip_address(uint8_t out[16], size_t* out_len, ByteView text) noexcept;

// The leaf's dNSNames against `host`; with cn_fallback, the subject CNs (PrintableString,
// UTF8String or IA5String) when the leaf has no dNSName (RFC 6125 6.4.4).
bool leaf_matches_host(const Certificate& leaf, ByteView host, bool cn_fallback) noexcept;
// An iPAddress of the leaf's subjectAltName equal to `ip` (4 or 16 bytes).
bool leaf_matches_ip(const Certificate& leaf, ByteView ip) noexcept;
// The names of `c` (subject, subjectAltName entries, subject emailAddress; for the leaf without
// dNSName, a host-name-like CN as a dNSName; with cn_fallback, every CN leaf_matches_host may
// match, trailing dot dropped) against the name constraints of `ca`. Fails closed: a malformed
// list, or a constraint of a name's type that Petrel cannot evaluate, gives false.
bool satisfies_name_constraints(const Certificate& c, const Certificate& ca, bool is_leaf,
                                bool cn_fallback = false) noexcept;

}  // namespace x509
}  // namespace petrel

#endif  // PETREL_CRYPTO_X509_NAME_MATCH_H
