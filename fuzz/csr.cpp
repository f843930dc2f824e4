// Fuzz target "csr": crypto/x509/csr.h on arbitrary bytes as a PKCS#10 request (RFC 2986).
// Aims at parse_csr (CertificationRequestInfo, the Name, read_subject_key, the attributes and
// the extensionRequest unpacking with its subjectAltName check, parse_signature_algorithm) and
// verify_csr (PKCS#1 v1.5 and PSS self-signatures over hostile RSA keys), then name_to_text and
// GeneralNamesReader over what the request holds.
// Properties: parse-or-refuse without a crash; a parsed request's views lie inside the input in
// their nested order (info inside the request, subject/key/attributes inside info, extensions
// inside attributes, subjectAltName inside extensions, signature after info); a request whose
// signature verifies no longer verifies with one bit of its signature or of its signed info
// flipped (a forgery of negligible probability otherwise).
#include <cstring>

#include "crypto/x509/csr.h"
#include "fuzz/driver.h"

using namespace petrel;
using namespace petrel::x509;

namespace {

bool inside(ByteView part, ByteView whole) {
  if (part.empty()) {
    return true;
  }
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

uint8_t g_copy[1 << 16];

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  CertificationRequest csr;
  if (parse_csr(&csr, in) != Status::ok) {
    return 0;
  }
  PETREL_FUZZ_CHECK(csr.m_der.data() == data && csr.m_der.size() == size);
  PETREL_FUZZ_CHECK(inside(csr.m_info, in) && !csr.m_info.empty());
  PETREL_FUZZ_CHECK(inside(csr.m_subject, csr.m_info) && inside(csr.m_key.m_info.m_der, csr.m_info));
  PETREL_FUZZ_CHECK(inside(csr.m_attributes, csr.m_info));
  PETREL_FUZZ_CHECK(inside(csr.m_extensions, csr.m_attributes));
  PETREL_FUZZ_CHECK(inside(csr.m_san, csr.m_extensions));
  PETREL_FUZZ_CHECK(inside(csr.m_sig_alg.m_der, in) && inside(csr.m_signature, in));
  PETREL_FUZZ_CHECK(csr.m_sig_alg.m_der.data() >= csr.m_info.data() + csr.m_info.size());
  PETREL_FUZZ_CHECK(csr.m_signature.empty() ||
                    csr.m_signature.data() >= csr.m_sig_alg.m_der.data() + csr.m_sig_alg.m_der.size());

  uint8_t text[2048];
  size_t len = 0;
  const Status s = name_to_text(MutableBytes(text, sizeof(text)), &len, csr.m_subject);
  PETREL_FUZZ_CHECK(s == Status::ok || s == Status::buffer_too_small || s == Status::decode_error);
  PETREL_FUZZ_CHECK(len <= sizeof(text));
  GeneralNamesReader names(csr.m_san);
  for (int i = 0; i < 256; i++) {
    GeneralName g;
    bool done = false;
    if (names.next(&g, &done) != Status::ok || done) {
      break;
    }
    PETREL_FUZZ_CHECK(inside(g.m_value, csr.m_san));
  }

  if (verify_csr(csr) != Status::ok || size > sizeof(g_copy)) {
    return 0;
  }
  // A verified request: flip one bit of the signature, then one of the signed info (positions
  // from the input's length, so the replay is deterministic).
  const size_t sig_off = static_cast<size_t>(csr.m_signature.data() - data);
  const size_t info_off = static_cast<size_t>(csr.m_info.data() - data);
  const size_t flips[2] = {sig_off + size % csr.m_signature.size(),
                           info_off + size % csr.m_info.size()};
  for (size_t at : flips) {
    std::memcpy(g_copy, data, size);
    g_copy[at] ^= static_cast<uint8_t>(1u << (size % 8));
    CertificationRequest bad;
    if (parse_csr(&bad, ByteView(g_copy, size)) == Status::ok) {
      PETREL_FUZZ_CHECK(verify_csr(bad) != Status::ok);
    }
  }
  return 0;
}
