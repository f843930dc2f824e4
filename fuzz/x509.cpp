// Fuzz target "x509": crypto/x509 on arbitrary bytes. Aims at parse_certificate (TBSCertificate,
// names, validity, SubjectPublicKeyInfo, parse_signature_algorithm with RSASSA-PSS parameters,
// every extension parser), the lazy readers (NameReader, GeneralNamesReader, SubtreesReader,
// OidListReader, ExtensionsReader), name_to_text, name_equal, name_has_prefix, parse_csr, and
// verify_certificate with the input as leaf and as its own trust anchor (path building, name
// constraints, host name matching, signature verification on hostile keys).
// Properties: a parsed certificate's views lie inside the input and the tbsCertificate is a
// prefix-aligned part of it; a certificate is always equal to itself by name_equal; a
// self-issued certificate in the store verifies as itself without a crash, with a verdict.
#include <cstring>

#include "crypto/x509/cert.h"
#include "crypto/x509/csr.h"
#include "crypto/x509/verify.h"
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

template <typename R, typename T>
void drain(R r) {
  for (int i = 0; i < 256; i++) {
    T item;
    bool done = false;
    if (r.next(&item, &done) != Status::ok || done) {
      return;
    }
  }
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  Certificate c;
  if (parse_certificate(&c, in) == Status::ok) {
    PETREL_FUZZ_CHECK(c.m_der.data() == data && c.m_der.size() == size);
    PETREL_FUZZ_CHECK(inside(c.m_tbs, in) && inside(c.m_subject, c.m_tbs) &&
                      inside(c.m_issuer, c.m_tbs) && inside(c.m_san, c.m_tbs) &&
                      inside(c.m_key.m_info.m_der, c.m_tbs) && inside(c.m_signature, in));
    PETREL_FUZZ_CHECK(c.m_version >= 1 && c.m_version <= 3);
    PETREL_FUZZ_CHECK(name_equal(c.m_subject, c.m_subject));
    PETREL_FUZZ_CHECK(name_has_prefix(c.m_subject, c.m_subject));
    uint8_t text[2048];
    size_t len = 0;
    const Status s = name_to_text(MutableBytes(text, sizeof(text)), &len, c.m_subject);
    PETREL_FUZZ_CHECK(s == Status::ok || s == Status::buffer_too_small);
    drain<GeneralNamesReader, GeneralName>(GeneralNamesReader(c.m_san));
    drain<SubtreesReader, GeneralName>(SubtreesReader(c.m_nc_permitted));
    drain<SubtreesReader, GeneralName>(SubtreesReader(c.m_nc_excluded));
    drain<OidListReader, ByteView>(OidListReader(c.m_ext_key_usage));
    drain<ExtensionsReader, Extension>(ExtensionsReader(c.m_extensions_der));
    Attribute a;
    bool done = false;
    NameReader nr(c.m_issuer);
    while (nr.next(&a, &done) == Status::ok && !done) {
    }
    // Path validation with the certificate as its own anchor and as a leaf under itself.
    const Certificate store_certs[1] = {c};
    TrustStore store;
    store.m_certs = Span<const Certificate>(store_certs, 1);
    VerifyOptions opts;
    opts.m_time = c.m_not_before;
    opts.m_purpose = Purpose::server_auth;
    static const char kHost[] = "www.example.com";
    opts.m_hostname = ByteView(reinterpret_cast<const uint8_t*>(kHost), sizeof(kHost) - 1);
    opts.m_partial_chain = true;
    VerifyResult r;
    const VerifyError e = verify_certificate(&r, c, Span<const Certificate>(store_certs, 1), store,
                                             opts);
    PETREL_FUZZ_CHECK(e == r.m_error && r.m_path_len <= kMaxChainDepth);
    PETREL_FUZZ_CHECK(verify_error_name(e) != nullptr);
  }
  CertificationRequest csr;
  if (parse_csr(&csr, in) == Status::ok) {
    PETREL_FUZZ_CHECK(inside(csr.m_info, in) && inside(csr.m_subject, csr.m_info));
    drain<GeneralNamesReader, GeneralName>(GeneralNamesReader(csr.m_san));
    (void)verify_csr(csr);
  }
  return 0;
}
