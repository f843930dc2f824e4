// TLS PRF known answers. vectors/tls-prf/tls_prf_openssl.txt was computed with OpenSSL 3's
// TLS1-PRF KDF (an independent implementation; the command is in the file header), and
// tls12_prf_ietf_msg03416.txt is the P_SHA256 vector from the IETF TLS mailing list.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crypto/kdf/tls_prf.h"
#include "tests/common/file_test.h"
#include "tests/common/hash_impls.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

void run_file_once(const std::string& path, const std::string& what) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    const std::string prf = c.header("PRF");
    c.number("COUNT");
    const std::vector<uint8_t> secret = c.bytes("SECRET");
    const std::vector<uint8_t> label = c.bytes("LABEL");
    const std::vector<uint8_t> seed = c.bytes("SEED");
    const std::vector<uint8_t> want = c.bytes("OUTPUT");
    check_all_read(c);
    std::vector<uint8_t> got(want.size(), 0xee);
    Status s = Status::internal_error;
    if (prf == "TLS12-SHA256") {
      s = tls12_prf(HashAlg::sha256, MutableBytes(got), ByteView(secret), ByteView(label),
                    ByteView(seed));
    } else if (prf == "TLS12-SHA384") {
      s = tls12_prf(HashAlg::sha384, MutableBytes(got), ByteView(secret), ByteView(label),
                    ByteView(seed));
    } else if (prf == "TLS10-MD5-SHA1") {
      s = tls10_prf(MutableBytes(got), ByteView(secret), ByteView(label), ByteView(seed));
    } else {
      ADD_FAILURE() << c.where() << ": unknown PRF section '" << prf << "'";
      continue;
    }
    ASSERT_EQ(s, Status::ok) << c.where();
    EXPECT_EQ(to_hex(got), to_hex(want)) << c.where() << " " << prf;
    // A shorter request is a prefix of the longer output.
    if (want.size() > 1) {
      std::vector<uint8_t> part(want.size() / 2);
      if (prf == "TLS10-MD5-SHA1") {
        ASSERT_EQ(tls10_prf(MutableBytes(part), ByteView(secret), ByteView(label), ByteView(seed)),
                  Status::ok);
      } else {
        ASSERT_EQ(tls12_prf(prf == "TLS12-SHA256" ? HashAlg::sha256 : HashAlg::sha384,
                            MutableBytes(part), ByteView(secret), ByteView(label), ByteView(seed)),
                  Status::ok);
      }
      EXPECT_EQ(to_hex(part), to_hex(want.data(), part.size())) << c.where();
    }
    n++;
  }
  report_cases(what, n);
}

// Each file on every SHA variant set (tests/common/hash_impls.h), so the PRF runs each
// available block function of each table.
void run_file(const std::string& path) {
  for (size_t k = 0; k < petrel_test::hash_impl_sets(); k++) {
    petrel_test::HashImplSetScope scope(k);
    run_file_once(path, path + " [" + scope.name() + "]");
  }
}

}  // namespace

TEST(TlsPrf, OpenSslKnownAnswers) { run_file("tls-prf/tls_prf_openssl.txt"); }
TEST(TlsPrf, IetfMailingListVector) { run_file("tls-prf/tls12_prf_ietf_msg03416.txt"); }

TEST(TlsPrf, Errors) {
  const uint8_t secret[48] = {1};
  uint8_t out[16];
  for (HashAlg alg : {HashAlg::md5, HashAlg::sha1, HashAlg::sha224, HashAlg::sha512}) {
    EXPECT_EQ(tls12_prf(alg, MutableBytes(out), ByteView(secret), ByteView(), ByteView()),
              Status::unsupported)
        << hash_name(alg);
  }
  // Zero-length output is a no-op.
  EXPECT_EQ(tls12_prf(HashAlg::sha256, MutableBytes(), ByteView(secret), ByteView(), ByteView()),
            Status::ok);
  EXPECT_EQ(tls10_prf(MutableBytes(), ByteView(secret), ByteView(), ByteView()), Status::ok);
}
