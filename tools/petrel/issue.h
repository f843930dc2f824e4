// Issuing, shared by petrel x509 -req and petrel req -x509: the -days and -set_serial values, and
// a certificate from a verified request. (Writing certificates and requests: certs.h.)
#ifndef PETREL_TOOLS_PETREL_ISSUE_H
#define PETREL_TOOLS_PETREL_ISSUE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/span.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

struct IssueParams {
  std::string m_csr;
  std::string m_ca_cert;
  std::string m_ca_key;
  std::string m_out;
  std::string m_role = "server";
  std::string m_serial;  // decimal or 0x-hex; empty: 128 random bits
  size_t m_days = 30;
  petrel::HashAlg m_hash = petrel::HashAlg::sha256;
  bool m_der_out = false;
};

// petrel x509 -req: issues a certificate for a verified request. Returns the exit status.
int issue_from_csr(const char* cmd, const IssueParams& p);

// -days N of req -x509 and x509 -req: 1..36500. Returns false after "-days must be 1..36500".
bool parse_days(const char* cmd, const std::string& text, size_t* days);
// Serial bytes from -set_serial (decimal or 0x-hex), or random when text is empty.
bool make_serial(const std::string& text, std::vector<uint8_t>* out, std::string* error);
}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_ISSUE_H
