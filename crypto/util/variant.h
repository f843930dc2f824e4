// One table per algorithm family of the variants (implementations) it has: the name list, the
// availability check and the dispatch all read that table, so that adding a variant is one
// entry plus its file. (BoringSSL crypto/fipsmodule/aes/internal.h: a variant the build lacks is
// still listed and its stub reports "not available"; Botan's provider() names.)
//
// Naming scheme, the same in every family (README "Variants"):
//   portable C++     named by technique: "ct" (constant-time by construction), "table"/"table4"
//                    (table-based), "c32"/"c64" (32- or 64-bit words), "donna32"/"donna64",
//                    "fe32"/"fe64" (the established names of those limb layouts)
//   assembly         named by the oldest ISA it needs: "armv4" (ARMv4 and later, also ARMv5TE),
//                    "armv7-neon" (ARMv7-A with NEON), "mips32" and "mips32r2"
// Names are lower case, letters, digits and '-'. An older name a tool, test or README used is
// kept as the entry's alias and still accepted by lookup (never reported).
//
// A variant is available when its functions are in this build (ops != nullptr: its file was
// compiled for this target) and the CPU has what it needs (cpu_ok() true, from crypto/cpu/;
// nullptr when it needs nothing). Lookup by an unknown name is Status::unsupported; by a known
// name that this build or CPU lacks, Status::not_available.
#ifndef PETREL_CRYPTO_UTIL_VARIANT_H
#define PETREL_CRYPTO_UTIL_VARIANT_H

#include <cstddef>
#include <cstring>

#include "crypto/util/status.h"

namespace petrel {

template <typename Id, typename Ops>
struct Variant {
  Id id;
  const char* name;
  const char* alias;       // an older name still accepted by lookup, or nullptr
  bool constant_time;      // no branch and no memory index depends on a secret
  const Ops* ops;          // nullptr: a stub, the variant is not in this build
  bool (*cpu_ok)();        // nullptr: runs on every CPU of the target; else the run-time check

  bool available() const noexcept { return ops != nullptr && (cpu_ok == nullptr || cpu_ok()); }
};

namespace variant {

template <typename Id, typename Ops, size_t N>
const Variant<Id, Ops>* find(const Variant<Id, Ops> (&table)[N], Id id) noexcept {
  for (const Variant<Id, Ops>& v : table) {
    if (v.id == id) {
      return &v;
    }
  }
  return nullptr;
}

template <typename Id, typename Ops, size_t N>
const char* name(const Variant<Id, Ops> (&table)[N], Id id) noexcept {
  const Variant<Id, Ops>* v = find(table, id);
  return v != nullptr ? v->name : "unknown";
}

template <typename Id, typename Ops, size_t N>
bool is_constant_time(const Variant<Id, Ops> (&table)[N], Id id) noexcept {
  const Variant<Id, Ops>* v = find(table, id);
  return v != nullptr && v->constant_time;
}

template <typename Id, typename Ops, size_t N>
bool available(const Variant<Id, Ops> (&table)[N], Id id) noexcept {
  const Variant<Id, Ops>* v = find(table, id);
  return v != nullptr && v->available();
}

// The ops of an available variant, or nullptr (unknown, stub, or the CPU lacks a feature).
template <typename Id, typename Ops, size_t N>
const Ops* ops(const Variant<Id, Ops> (&table)[N], Id id) noexcept {
  const Variant<Id, Ops>* v = find(table, id);
  return v != nullptr && v->available() ? v->ops : nullptr;
}

// By name or alias: ok, not_available (known but not in this build or CPU), unsupported
// (unknown), invalid_argument (null pointer).
template <typename Id, typename Ops, size_t N>
Status from_name(const Variant<Id, Ops> (&table)[N], Id* out, const char* name) noexcept {
  if (out == nullptr || name == nullptr) {
    return Status::invalid_argument;
  }
  for (const Variant<Id, Ops>& v : table) {
    if (std::strcmp(v.name, name) == 0 || (v.alias != nullptr && std::strcmp(v.alias, name) == 0)) {
      if (!v.available()) {
        return Status::not_available;
      }
      *out = v.id;
      return Status::ok;
    }
  }
  return Status::unsupported;
}

// The available variants in table order, up to max of them into out (which may be null);
// returns how many there are.
template <typename Id, typename Ops, size_t N>
size_t list_available(const Variant<Id, Ops> (&table)[N], Id* out, size_t max) noexcept {
  size_t n = 0;
  for (const Variant<Id, Ops>& v : table) {
    if (v.available()) {
      if (out != nullptr && n < max) {
        out[n] = v.id;
      }
      n++;
    }
  }
  return n;
}

// Every variant the table lists, available or not (for `petrel version -a` and the tests).
template <typename Id, typename Ops, size_t N>
size_t list_all(const Variant<Id, Ops> (&table)[N], Id* out, size_t max) noexcept {
  size_t n = 0;
  for (const Variant<Id, Ops>& v : table) {
    if (out != nullptr && n < max) {
      out[n] = v.id;
    }
    n++;
  }
  return n;
}

}  // namespace variant
}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_VARIANT_H
