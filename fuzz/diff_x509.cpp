// Fuzz target "diff_x509" (differential, against OpenSSL's libcrypto; host builds only):
// parse-or-refuse agreement of DER certificates between Petrel's x509::parse_certificate
// (crypto/x509/cert.h: the whole of parse_certificate and the extension parsers behind it)
// and OpenSSL's d2i_X509, and agreement on the fields both read: serial number, issuer and
// subject Name encodings, validity times, the SubjectPublicKeyInfo encoding, the signature.
// Property: a certificate Petrel accepts, OpenSSL accepts too, with the same fields, unless
// the difference is one of the documented ones below. Certificates OpenSSL accepts and Petrel
// refuses are expected (Petrel is the stricter reader) and not reported:
//   - Petrel refuses BER and non-minimal DER (indefinite lengths, long-form small lengths,
//     non-minimal INTEGERs, a DEFAULT value encoded) where d2i_X509 is lenient;
//   - Petrel parses the contents of known extensions (basicConstraints, keyUsage, SAN, name
//     constraints, ...) and refuses malformed ones, duplicates, more than 64, a tbs signature
//     algorithm that differs from the outer one, an over-long serial, a version that does
//     not match the fields present; d2i_X509 decodes extension contents lazily;
//   - unknown critical extensions: both parse (the verdict belongs to path validation).
// Documented difference in the other direction (Petrel accepts, OpenSSL refuses), not
// reported (known_difference() below):
//   - Name attribute values of attribute types Petrel does not know: Petrel reads
//     AttributeValue as ANY (RFC 5280 4.1.2.4), in strict DER (asn1::read_any_value), keeps a
//     value of a non-string type and never compares it as text; OpenSSL's X509_NAME_ENTRY takes
//     only universal types of its B_ASN1_PRINTABLE mask ("mstring not universal"). Any
//     attribute whose tag is not a universal string tag (asn1::is_string_tag) or SEQUENCE is
//     put in this category. (Known types must have their X.520 syntax: the [APPLICATION 29]
//     commonName this target found, known_diff_cn_application_tag.der, is refused by both.)
// No longer a difference: the contents of open-type elements. Petrel checks the DER rules of
// the universal types inside AlgorithmIdentifier parameters, AttributeValues and policy
// qualifiers (BOOLEAN and NULL lengths, INTEGER padding, BIT STRING unused bits, OID and string
// encodings), as OpenSSL's ASN1_ANY does, so the zero-length BOOLEAN the campaign found in
// an unknown key algorithm's parameters (known_diff_spki_params_bad_boolean.der) is refused by
// both, and such an input is reported again.
// Any other input that OpenSSL refuses while Petrel accepts aborts with OpenSSL's error queue
// on stderr.
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/x509.h>

#include <cstring>
#include <ctime>
#include <initializer_list>

#include "crypto/asn1/der.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/name.h"
#include "fuzz/driver.h"

using namespace petrel;
using namespace petrel::x509;

namespace {

bool same_der(ByteView want, const uint8_t* der, int len) {
  return len >= 0 && static_cast<size_t>(len) == want.size() &&
         std::memcmp(want.data(), der, want.size()) == 0;
}

bool same_name(ByteView want, const X509_NAME* name) {
  const unsigned char* der = nullptr;
  size_t len = 0;
  if (X509_NAME_get0_der(const_cast<X509_NAME*>(name), &der, &len) != 1) {
    return false;
  }
  return len == want.size() && std::memcmp(der, want.data(), len) == 0;
}

bool same_time(int64_t want, const ASN1_TIME* t) {
  struct tm tm;
  std::memset(&tm, 0, sizeof(tm));
  if (ASN1_TIME_to_tm(t, &tm) != 1) {
    return false;
  }
  // Seconds since the epoch from the broken-down UTC time (days from civil, H. Hinnant).
  int64_t y = tm.tm_year + 1900;
  const int64_t m = tm.tm_mon + 1;
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + tm.tm_mday - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  return days * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec == want;
}

bool value_openssl_takes(asn1::Tag t) {
  return t == asn1::kSequence || ((t & asn1::kClassMask) == asn1::kClassUniversal && asn1::is_string_tag(t));
}

bool known_difference(const Certificate& c) {
  for (ByteView name : {c.m_issuer, c.m_subject}) {
    NameReader r(name);
    for (int i = 0; i < 1024; i++) {
      Attribute a;
      bool done = false;
      if (r.next(&a, &done) != Status::ok || done) {
        break;
      }
      if (!value_openssl_takes(a.m_value_tag)) {
        return true;
      }
    }
  }
  return false;
}

void report(const char* what) {
  std::fprintf(stderr, "diff_x509: Petrel accepts, OpenSSL %s\n", what);
  ERR_print_errors_fp(stderr);
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  Certificate c;
  const bool mine = parse_certificate(&c, ByteView(data, size)) == Status::ok;
  const unsigned char* p = data;
  X509* x = d2i_X509(nullptr, &p, static_cast<long>(size));
  // d2i_X509 reads the first element; trailing bytes make it a different input for Petrel.
  const bool theirs = x != nullptr && p == data + size;
  if (mine && !theirs && known_difference(c)) {
    X509_free(x);
    ERR_clear_error();
    return 0;
  }
  if (mine) {
    if (!theirs) {
      report(x == nullptr ? "refuses" : "stops before the end");
    }
    PETREL_FUZZ_CHECK(theirs);
    // The fields both read.
    const ASN1_INTEGER* serial = X509_get0_serialNumber(x);
    unsigned char* sder = nullptr;
    const int slen = i2d_ASN1_INTEGER(const_cast<ASN1_INTEGER*>(serial), &sder);
    // Petrel's m_serial is the contents; the encoding is 02 len contents (len < 128: 20 octets max).
    bool serial_ok = slen == static_cast<int>(c.m_serial.size()) + 2 &&
                     std::memcmp(sder + 2, c.m_serial.data(), c.m_serial.size()) == 0;
    OPENSSL_free(sder);
    if (!serial_ok) {
      report("reads another serial number");
    }
    PETREL_FUZZ_CHECK(serial_ok);
    PETREL_FUZZ_CHECK(same_name(c.m_subject, X509_get_subject_name(x)));
    PETREL_FUZZ_CHECK(same_name(c.m_issuer, X509_get_issuer_name(x)));
    PETREL_FUZZ_CHECK(static_cast<long>(c.m_version) == X509_get_version(x) + 1);
    PETREL_FUZZ_CHECK(same_time(c.m_not_before, X509_get0_notBefore(x)));
    PETREL_FUZZ_CHECK(same_time(c.m_not_after, X509_get0_notAfter(x)));
    unsigned char* kder = nullptr;
    const int klen = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &kder);
    const bool key_ok = same_der(c.m_key.m_info.m_der, kder, klen);
    OPENSSL_free(kder);
    PETREL_FUZZ_CHECK(key_ok);
    const ASN1_BIT_STRING* sig = nullptr;
    const X509_ALGOR* alg = nullptr;
    X509_get0_signature(&sig, &alg, x);
    PETREL_FUZZ_CHECK(sig != nullptr && static_cast<size_t>(ASN1_STRING_length(sig)) == c.m_signature.size() &&
                      std::memcmp(ASN1_STRING_get0_data(sig), c.m_signature.data(), c.m_signature.size()) == 0);
    PETREL_FUZZ_CHECK(X509_get_ext_count(x) >= 0);
  }
  X509_free(x);
  ERR_clear_error();
  return 0;
}
