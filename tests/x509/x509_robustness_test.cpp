// Robustness of every crypto/x509 parser against truncations and single-byte flips of every
// fixture and, when PETREL_X509_CORPUS names it, of the generated chain corpus (run under ASan
// by the host-asan preset). Part of the x509_test program; runs on every preset.
// 64-bit inode numbers for readdir() on 32-bit targets (else EOVERFLOW under qemu-user), as
// fuzz/replay_main.cpp.
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <dirent.h>
#include <initializer_list>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/x509/cert.h"
#include "crypto/x509/csr.h"
#include "crypto/x509/issue.h"
#include "crypto/x509/name.h"
#include "crypto/x509/public_key.h"
#include "crypto/x509/verify.h"
#include "tests/common/file_test.h"
#include "tests/x509/x509_test_util.h"

using namespace petrel;
using namespace petrel::x509;
using namespace petrel::x509_test;

namespace {

// ---- robustness: truncations and byte flips ------------------------------------------------------

// Exercises every parser and iterator on one input; returns whether it parsed as a certificate.
bool exercise(ByteView in) {
  Certificate c;
  bool parsed = parse_certificate(&c, in) == Status::ok;
  if (parsed) {
    char text[1024];
    size_t len = 0;
    (void)name_to_text(MutableBytes(reinterpret_cast<uint8_t*>(text), sizeof(text)), &len,
                       c.m_subject);
    GeneralNamesReader g(c.m_san);
    SubtreesReader p(c.m_nc_permitted);
    SubtreesReader x(c.m_nc_excluded);
    ExtensionsReader e(c.m_extensions_der);
    // Each reader runs to its own end (at most 64 entries), not only while the SAN has one.
    GeneralName n;
    Extension ext;
    bool done = false;
    for (int i = 0; i < 64 && g.next(&n, &done) == Status::ok && !done; i++) {
    }
    done = false;
    for (int i = 0; i < 64 && p.next(&n, &done) == Status::ok && !done; i++) {
    }
    done = false;
    for (int i = 0; i < 64 && x.next(&n, &done) == Status::ok && !done; i++) {
    }
    done = false;
    for (int i = 0; i < 64 && e.next(&ext, &done) == Status::ok && !done; i++) {
    }
    (void)name_equal(c.m_issuer, c.m_subject);
    (void)name_has_prefix(c.m_subject, c.m_issuer);
  }
  CertificationRequest csr;
  if (parse_csr(&csr, in) == Status::ok) {
    GeneralNamesReader g(csr.m_san);
    GeneralName n;
    bool done = false;
    while (g.next(&n, &done) == Status::ok && !done) {
    }
  }
  return parsed;
}

void mutate_all(const std::vector<uint8_t>& der, size_t* runs) {
  std::vector<uint8_t> buf;
  for (size_t n = 0; n < der.size(); n++) {
    // A heap copy of exactly n bytes, so ASan sees any read past the end.
    buf.assign(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(n));
    // Every proper prefix (n < der.size() always holds here) must be refused.
    EXPECT_FALSE(exercise(ByteView(buf.data(), buf.size()))) << "a " << n << "-byte truncation parsed";
    (*runs)++;
  }
  for (size_t i = 0; i < der.size(); i++) {
    for (uint8_t mask : {uint8_t{0x01}, uint8_t{0x80}, uint8_t{0xff}}) {
      buf = der;
      buf[i] ^= mask;
      (void)exercise(ByteView(buf.data(), buf.size()));
      (*runs)++;
    }
  }
}

std::vector<std::string> list_dir(const std::string& dir, const char* suffix) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    return out;
  }
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > std::strlen(suffix) &&
        n.compare(n.size() - std::strlen(suffix), std::strlen(suffix), suffix) == 0) {
      out.push_back(dir + "/" + n);
    }
  }
  closedir(d);
  return out;
}

TEST(X509Robustness, FixtureTruncationsAndFlips) {
  const std::vector<std::string> files = list_dir(kDir, ".der");
  ASSERT_GE(files.size(), 10u);
  size_t runs = 0;
  for (const std::string& f : files) {
    const std::vector<uint8_t> der = read_file(f);
    mutate_all(der, &runs);
  }
  petrel_test::report_cases("x509 fixture mutations", runs);
}

// The generated corpus (PEM files from make_corpus.sh), when CTest points at it (host presets).
TEST(X509Robustness, GeneratedCorpusTruncationsAndFlips) {
  const char* dir = std::getenv("PETREL_X509_CORPUS");
  if (dir == nullptr) {
    GTEST_SKIP() << "PETREL_X509_CORPUS not set (host presets set it)";
  }
  const std::vector<std::string> files = list_dir(dir, ".der");
  ASSERT_GE(files.size(), 40u);
  size_t runs = 0;
  for (const std::string& f : files) {
    const std::vector<uint8_t> der = read_file(f);
    Certificate c;
    EXPECT_EQ(parse_certificate(&c, bv(der)), Status::ok) << f;
    mutate_all(der, &runs);
  }
  petrel_test::report_cases("x509 generated corpus mutations", runs);
}


}  // namespace
