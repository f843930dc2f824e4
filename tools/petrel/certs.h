// Certificate-file helpers shared by the petrel verify, x509 and req commands: splitting PEM
// bundles or concatenated DER into certificates, writing a certificate or request as PEM or DER,
// and printing names and times the way `openssl x509` does.
#ifndef PETREL_TOOLS_PETREL_CERTS_H
#define PETREL_TOOLS_PETREL_CERTS_H

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <vector>

#include "crypto/util/span.h"
#include "crypto/x509/cert.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

// DER blobs of every PEM block with `label` in a PEM file, or the concatenated DER elements of a
// DER file ("-" or empty: stdin), read with read_whole() under `limit`.
bool load_der_blobs(const std::string& path, const char* label, const InputLimit& limit,
                    std::vector<std::vector<uint8_t>>* out, std::string* error);

// Parsed certificates with the buffers they view (the buffers never move).
struct CertBundle {
  std::list<std::vector<uint8_t>> m_buffers;
  std::vector<petrel::x509::Certificate> m_certs;
};

// Appends every certificate of a file to the bundle. A certificate that does not parse is an
// error naming its index in the file.
// kObjectLimit for a certificate, kBundleLimit for -CAfile and -untrusted.
bool load_certs(const std::string& path, const InputLimit& limit, CertBundle* out,
                std::string* error);

// Appends the certificates of a bundle (a trust store such as
// /etc/ssl/certs/ca-certificates.crt, or -untrusted): like load_certs, but a block it cannot use
// (a certificate that does not parse, a PEM block of another type, an encrypted or malformed
// PEM block, bad base64) is skipped with a warning on stderr naming it (its position in the
// file, and the subject when it can be read), and the rest is loaded. An error only when the
// file cannot be read or holds no usable certificate.
bool load_cert_bundle(const std::string& path, const InputLimit& limit, CertBundle* out,
                      std::string* error);

// Writes DER as PEM with `label`, or raw DER.
bool write_der_output(Output* out, petrel::ByteView der, const char* label, bool der_out,
                      std::string* error);
bool write_cert_output(Output* out, petrel::ByteView der, bool der_out, std::string* error);

// "C = US, O = Example, CN = host" (OpenSSL's default one-line form).
std::string name_text(petrel::ByteView name);
// "Jan  2 03:04:05 2024 GMT" (OpenSSL's ASN1_TIME_print form).
std::string time_text(int64_t epoch);
// "AB:CD:..." upper-case hex with colons.
std::string colon_hex(petrel::ByteView v);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_CERTS_H
