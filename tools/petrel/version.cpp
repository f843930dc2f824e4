// petrel version [-a]: the version; with -a also the variants of each family in this build (from
// the variant tables) and what the CPU probe found.
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/bignum/bignum.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/cpu/cpu.h"
#include "crypto/ec/x25519.h"
#include "crypto/modes/gcm.h"
#include "crypto/rc4/rc4.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

#ifndef PETREL_VERSION
#define PETREL_VERSION "unknown"
#endif

namespace petrel_tool {
namespace {

bool bn_ct(petrel::bn::BnKernel k) { return petrel::bn::kernel_is_constant_time(k); }

template <typename Id>
void print_family(const char* label, size_t (*listed)(Id*, size_t), bool (*available)(Id),
                  bool (*constant_time)(Id), const char* (*name)(Id), Id dflt) {
  Id ids[32];
  const size_t n = listed(ids, 32);
  std::printf("%s:", label);
  size_t shown = 0;
  for (size_t i = 0; i < n && i < 32; ++i) {
    if (!available(ids[i])) {
      continue;
    }
    const bool ct = constant_time(ids[i]);
    const bool d = ids[i] == dflt;
    std::printf("%s %s%s%s%s%s", shown == 0 ? "" : ",", name(ids[i]), ct || d ? " (" : "",
                ct ? "constant-time" : "", ct && d ? ", " : "", d ? "default)" : (ct ? ")" : ""));
    shown++;
  }
  size_t missing = 0;
  for (size_t i = 0; i < n && i < 32; ++i) {
    if (!available(ids[i])) {
      std::printf("%s %s", missing == 0 ? "; not available:" : ",", name(ids[i]));
      missing++;
    }
  }
  std::printf("\n");
}

}  // namespace

int cmd_version(int argc, char** argv) {
  bool all = false;
  const CommandHelp help = {"version", "[-a]", nullptr, nullptr};
  const std::vector<Option> table = {
      flag("a", "also the variants of each family and the CPU's features", &all),
  };
  const Parsed parsed = parse_options(help, table, argc, argv, nullptr);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  std::printf("petrel %s\n", PETREL_VERSION);
  if (all) {
    // One line per family, from its variant table: the available variants in table order, e.g.
    // "aes implementations: ct (constant-time), table, fixslice (constant-time, default)", then
    // those this build or CPU lacks, e.g. "bignum kernels: c64 (constant-time, default); not
    // available: c32".
    print_family<petrel::AesImpl>("aes implementations", petrel::aes_impls_listed,
                                  petrel::aes_impl_available, petrel::aes_impl_is_constant_time,
                                  petrel::aes_impl_name, petrel::kAesDefaultImpl);
    print_family<petrel::GhashImpl>(
        "ghash implementations", petrel::ghash_impls_listed, petrel::ghash_impl_available,
        petrel::ghash_impl_is_constant_time, petrel::ghash_impl_name,
        petrel::ghash_default_for(petrel::kAesDefaultImpl));
    print_family<petrel::bn::BnKernel>("bignum kernels", petrel::bn::kernels_listed,
                                       petrel::bn::kernel_available, bn_ct,
                                       petrel::bn::kernel_name, petrel::bn::kernel_active());
    print_family<petrel::ChaCha20Impl>(
        "chacha20 implementations", petrel::chacha20_impls_listed, petrel::chacha20_impl_available,
        petrel::chacha20_impl_is_constant_time, petrel::chacha20_impl_name,
        petrel::chacha20_default_impl());
    print_family<petrel::Poly1305Impl>(
        "poly1305 implementations", petrel::poly1305_impls_listed, petrel::poly1305_impl_available,
        petrel::poly1305_impl_is_constant_time, petrel::poly1305_impl_name,
        petrel::kPoly1305DefaultImpl);
    print_family<petrel::X25519Impl>("x25519 implementations", petrel::x25519_impls_listed,
                                     petrel::x25519_impl_available,
                                     petrel::x25519_impl_is_constant_time, petrel::x25519_impl_name,
                                     petrel::kX25519DefaultImpl);
    print_family<petrel::Rc4Impl>("rc4 implementations", petrel::rc4_impls_listed,
                                  petrel::rc4_impl_available, petrel::rc4_impl_is_constant_time,
                                  petrel::rc4_impl_name, petrel::rc4_default_impl());
    std::printf("cpu: %s\n", petrel::cpu::describe());
  }
  return kExitOk;
}

}  // namespace petrel_tool
