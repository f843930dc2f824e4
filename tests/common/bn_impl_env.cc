// Linked into the bignum and RSA test programs only (tests/bignum/tests.cmake,
// tests/rsa/tests.cmake): before any test runs, selects the big-number multiply-accumulate kernel
// named by the environment variable PETREL_TEST_BN_IMPL (a kKernels name: "c32", "c64", "armv4",
// "armv6", "mips32r2"; bignum.h), so that CTest can run the same vector tests once per kernel the build has. A name
// the build lacks, or an unknown one, is an error (exit 1), never a silent fallback. Without the
// variable the library's default kernel runs. Either way the kernel in use is printed.
#include <cstdio>
#include <cstdlib>

#include "crypto/bignum/bignum.h"

namespace {

struct SelectBnImpl {
  SelectBnImpl() {
    using namespace petrel::bn;
    const char* name = std::getenv("PETREL_TEST_BN_IMPL");
    if (name != nullptr && name[0] != '\0') {
      BnKernel k{};
      petrel::Status s = kernel_from_name(&k, name);
      if (s == petrel::Status::ok) {
        s = kernel_select(k);
      }
      if (s != petrel::Status::ok) {
        std::fprintf(stderr, "PETREL_TEST_BN_IMPL=%s: %s\n", name, petrel::status_name(s));
        std::exit(1);
      }
    }
    std::printf("[ bn kernel] %s%s\n", mul_add_impl_name(),
                name != nullptr && name[0] != '\0' ? " (PETREL_TEST_BN_IMPL)" : " (default)");
  }
};

const SelectBnImpl g_select;

}  // namespace
