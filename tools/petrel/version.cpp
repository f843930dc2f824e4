// petrel version [-a]: the version; with -a also the AES implementations and the big-number
// kernels in this build.
#include <cstdio>
#include <string>

#include "crypto/aes/aes.h"
#include "crypto/bignum/bignum.h"
#include "tools/petrel/tool.h"

#ifndef PETREL_VERSION
#define PETREL_VERSION "unknown"
#endif

namespace petrel_tool {

int cmd_version(int argc, char** argv) {
  const char* cmd = "version";
  ArgScanner args(cmd, argc, argv);
  bool all = false;
  std::string opt;
  while (args.next(&opt)) {
    if (opt == "a") {
      all = true;
    } else if (opt == "help") {
      std::fputs("usage: petrel version [-a]\n", stdout);
      return kExitOk;
    } else {
      return fail(cmd, "unknown option -%s", opt.c_str());
    }
  }
  if (!args.operands().empty()) {
    return fail(cmd, "unexpected argument '%s'", args.operands()[0].c_str());
  }
  std::printf("petrel %s\n", PETREL_VERSION);
  if (all) {
    petrel::AesImpl impls[16];
    size_t n = petrel::aes_impls_available(impls, sizeof(impls) / sizeof(impls[0]));
    // e.g. "aes implementations: ct (constant-time, default), table"
    std::printf("aes implementations:");
    for (size_t i = 0; i < n; ++i) {
      const bool ct = petrel::aes_impl_is_constant_time(impls[i]);
      const bool dflt = impls[i] == petrel::kAesDefaultImpl;
      std::printf("%s %s%s%s%s%s", i == 0 ? "" : ",", petrel::aes_impl_name(impls[i]),
                  ct || dflt ? " (" : "", ct ? "constant-time" : "", ct && dflt ? ", " : "",
                  dflt ? "default)" : (ct ? ")" : ""));
    }
    std::printf("\n");
    // e.g. "bignum kernels: portable-c32, armv4, armv6 (default)"
    petrel::bn::MulAddImpl kernels[8];
    const size_t nk = petrel::bn::mul_add_impls_available(kernels, 8);
    std::printf("bignum kernels:");
    for (size_t i = 0; i < nk; ++i) {
      std::printf("%s %s%s", i == 0 ? "" : ",", petrel::bn::mul_add_impl_name(kernels[i]),
                  kernels[i] == petrel::bn::mul_add_impl() ? " (default)" : "");
    }
    std::printf("\n");
  }
  return kExitOk;
}

}  // namespace petrel_tool
