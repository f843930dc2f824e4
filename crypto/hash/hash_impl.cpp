// The variant tables of the SHA block functions (crypto/util/variant.h; the list of names and
// their constant-time claims is in hash.h): per hash the portable C++ row and the assembly rows
// for the ISAs that have one, and the process-wide choice that hashing, HMAC, hmac_ct and the
// TLS PRF all run (hash_detail::*_compress_blocks). Modelled on the bignum kernel table
// (crypto/bignum/mul_add.cpp): the first available row unless hash_impl_select() names another.
#include <atomic>

#include "crypto/cpu/cpu.h"
#include "crypto/hash/hash.h"
#include "crypto/hash/hash_internal.h"
#include "crypto/util/variant.h"

namespace petrel {

namespace {

struct Sha32Ops {
  void (*blocks)(uint32_t* state, const uint8_t* in, size_t nblocks) noexcept;
};
struct Sha64Ops {
  void (*blocks)(uint64_t* state, const uint8_t* in, size_t nblocks) noexcept;
};

constexpr Sha32Ops kSha1C32 = {petrel_sha1_blocks_c32};
constexpr Sha32Ops kSha256C32 = {petrel_sha256_blocks_c32};
constexpr Sha64Ops kSha512C64 = {petrel_sha512_blocks_c64};

// The assembly rows: built where cmake/PetrelSources.cmake adds their folder (PETREL_ASM_*) and
// the compiler's target has their instructions; each condition is the guard at the top of the
// .S file (a file whose guard is false assembles to nothing).
#if defined(PETREL_ASM_ARM) && defined(__ARM_ARCH_ISA_ARM)
constexpr Sha32Ops kSha1Armv4 = {petrel_sha1_blocks_armv4};
constexpr Sha32Ops kSha256Armv4 = {petrel_sha256_blocks_armv4};
constexpr Sha64Ops kSha512Armv4 = {petrel_sha512_blocks_armv4};
constexpr const Sha32Ops* sha1_armv4() noexcept { return &kSha1Armv4; }
constexpr const Sha32Ops* sha256_armv4() noexcept { return &kSha256Armv4; }
constexpr const Sha64Ops* sha512_armv4() noexcept { return &kSha512Armv4; }
#else
constexpr const Sha32Ops* sha1_armv4() noexcept { return nullptr; }
constexpr const Sha32Ops* sha256_armv4() noexcept { return nullptr; }
constexpr const Sha64Ops* sha512_armv4() noexcept { return nullptr; }
#endif
// The NEON rows: built where the compiler targets ARMv7-A (PETREL_ASM_ARM_NEON, armhf), run
// only where the CPU has NEON (cpu::arm_neon(), the rows' CPU check).
#if defined(PETREL_ASM_ARM_NEON)
constexpr Sha32Ops kSha1Armv7Neon = {petrel_sha1_blocks_armv7_neon};
constexpr Sha32Ops kSha256Armv7Neon = {petrel_sha256_blocks_armv7_neon};
constexpr Sha64Ops kSha512Armv7Neon = {petrel_sha512_blocks_armv7_neon};
constexpr const Sha32Ops* sha1_armv7_neon() noexcept { return &kSha1Armv7Neon; }
constexpr const Sha32Ops* sha256_armv7_neon() noexcept { return &kSha256Armv7Neon; }
constexpr const Sha64Ops* sha512_armv7_neon() noexcept { return &kSha512Armv7Neon; }
#else
constexpr const Sha32Ops* sha1_armv7_neon() noexcept { return nullptr; }
constexpr const Sha32Ops* sha256_armv7_neon() noexcept { return nullptr; }
constexpr const Sha64Ops* sha512_armv7_neon() noexcept { return nullptr; }
#endif
bool neon_ok() noexcept { return cpu::arm_neon(); }
#if defined(PETREL_ASM_MIPS32R2) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && \
    __mips_isa_rev < 6 && defined(_ABIO32) && _MIPS_SIM == _ABIO32
constexpr Sha32Ops kSha1Mips32r2 = {petrel_sha1_blocks_mips32r2};
constexpr Sha32Ops kSha256Mips32r2 = {petrel_sha256_blocks_mips32r2};
constexpr const Sha32Ops* sha1_mips32r2() noexcept { return &kSha1Mips32r2; }
constexpr const Sha32Ops* sha256_mips32r2() noexcept { return &kSha256Mips32r2; }
#else
constexpr const Sha32Ops* sha1_mips32r2() noexcept { return nullptr; }
constexpr const Sha32Ops* sha256_mips32r2() noexcept { return nullptr; }
#endif

using Sha32Variant = Variant<HashImpl, Sha32Ops>;
using Sha64Variant = Variant<HashImpl, Sha64Ops>;

// name, old name, constant-time, ops, CPU check. Fastest first (scripts/perf-table figures in
// the .S headers and the README).
constexpr Sha32Variant kSha1[] = {
    {HashImpl::armv7_neon, "armv7-neon", nullptr, true, sha1_armv7_neon(), neon_ok},
    {HashImpl::armv4, "armv4", nullptr, true, sha1_armv4(), nullptr},
    {HashImpl::mips32r2, "mips32r2", nullptr, true, sha1_mips32r2(), nullptr},
    {HashImpl::c32, "c32", "portable", true, &kSha1C32, nullptr},
};
constexpr Sha32Variant kSha256[] = {
    {HashImpl::armv7_neon, "armv7-neon", nullptr, true, sha256_armv7_neon(), neon_ok},
    {HashImpl::armv4, "armv4", nullptr, true, sha256_armv4(), nullptr},
    {HashImpl::mips32r2, "mips32r2", nullptr, true, sha256_mips32r2(), nullptr},
    {HashImpl::c32, "c32", "portable", true, &kSha256C32, nullptr},
};
constexpr Sha64Variant kSha512[] = {
    {HashImpl::armv7_neon, "armv7-neon", nullptr, true, sha512_armv7_neon(), neon_ok},
    {HashImpl::armv4, "armv4", nullptr, true, sha512_armv4(), nullptr},
    {HashImpl::c64, "c64", "portable", true, &kSha512C64, nullptr},
};

template <typename V, size_t N>
const V* first_available(const V (&table)[N]) noexcept {
  for (const V& v : table) {
    if (v.available()) {
      return &v;
    }
  }
  return nullptr;  // unreachable: the portable row is always there
}

// The selected row per table; null until first use or hash_impl_select(). Relaxed loads and
// stores of one pointer: every thread that races on the first use stores the same value.
std::atomic<const Sha32Variant*> g_sha1{nullptr};
std::atomic<const Sha32Variant*> g_sha256{nullptr};
std::atomic<const Sha64Variant*> g_sha512{nullptr};

template <typename V, size_t N>
const V& active(std::atomic<const V*>& slot, const V (&table)[N]) noexcept {
  const V* v = slot.load(std::memory_order_relaxed);
  if (v == nullptr) {
    v = first_available(table);
    slot.store(v, std::memory_order_relaxed);
  }
  return *v;
}

template <typename V, size_t N>
Status select(std::atomic<const V*>& slot, const V (&table)[N], HashImpl impl) noexcept {
  const V* v = variant::find(table, impl);
  if (v == nullptr) {
    return Status::invalid_argument;
  }
  if (!v->available()) {
    return Status::not_available;
  }
  slot.store(v, std::memory_order_relaxed);
  return Status::ok;
}

enum class Family : uint8_t { none, sha1, sha256, sha512 };

Family family(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::sha1:
      return Family::sha1;
    case HashAlg::sha224:
    case HashAlg::sha256:
      return Family::sha256;
    case HashAlg::sha384:
    case HashAlg::sha512:
      return Family::sha512;
    case HashAlg::md5:
      break;
  }
  return Family::none;
}

}  // namespace

namespace hash_detail {
void sha1_compress_blocks(uint32_t h[5], const uint8_t* p, size_t blocks) noexcept {
  active(g_sha1, kSha1).ops->blocks(h, p, blocks);
}
void sha256_compress_blocks(uint32_t h[8], const uint8_t* p, size_t blocks) noexcept {
  active(g_sha256, kSha256).ops->blocks(h, p, blocks);
}
void sha512_compress_blocks(uint64_t h[8], const uint8_t* p, size_t blocks) noexcept {
  active(g_sha512, kSha512).ops->blocks(h, p, blocks);
}
}  // namespace hash_detail

const char* hash_impl_name(HashAlg alg, HashImpl impl) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return variant::name(kSha1, impl);
    case Family::sha256:
      return variant::name(kSha256, impl);
    case Family::sha512:
      return variant::name(kSha512, impl);
    case Family::none:
      break;
  }
  return "unknown";
}

bool hash_impl_is_constant_time(HashAlg alg, HashImpl impl) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return variant::is_constant_time(kSha1, impl);
    case Family::sha256:
      return variant::is_constant_time(kSha256, impl);
    case Family::sha512:
      return variant::is_constant_time(kSha512, impl);
    case Family::none:
      break;
  }
  return false;
}

bool hash_impl_available(HashAlg alg, HashImpl impl) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return variant::available(kSha1, impl);
    case Family::sha256:
      return variant::available(kSha256, impl);
    case Family::sha512:
      return variant::available(kSha512, impl);
    case Family::none:
      break;
  }
  return false;
}

Status hash_impl_from_name(HashAlg alg, HashImpl* out, const char* name) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return variant::from_name(kSha1, out, name);
    case Family::sha256:
      return variant::from_name(kSha256, out, name);
    case Family::sha512:
      return variant::from_name(kSha512, out, name);
    case Family::none:
      break;
  }
  return Status::unsupported;
}

size_t hash_impls_available(HashAlg alg, HashImpl* out, size_t max) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return variant::list_available(kSha1, out, max);
    case Family::sha256:
      return variant::list_available(kSha256, out, max);
    case Family::sha512:
      return variant::list_available(kSha512, out, max);
    case Family::none:
      break;
  }
  return 0;
}

size_t hash_impls_listed(HashAlg alg, HashImpl* out, size_t max) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return variant::list_all(kSha1, out, max);
    case Family::sha256:
      return variant::list_all(kSha256, out, max);
    case Family::sha512:
      return variant::list_all(kSha512, out, max);
    case Family::none:
      break;
  }
  return 0;
}

Status hash_impl_select(HashAlg alg, HashImpl impl) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return select(g_sha1, kSha1, impl);
    case Family::sha256:
      return select(g_sha256, kSha256, impl);
    case Family::sha512:
      return select(g_sha512, kSha512, impl);
    case Family::none:
      break;
  }
  return Status::unsupported;
}

HashImpl hash_impl_active(HashAlg alg) noexcept {
  switch (family(alg)) {
    case Family::sha1:
      return active(g_sha1, kSha1).id;
    case Family::sha256:
      return active(g_sha256, kSha256).id;
    case Family::sha512:
      return active(g_sha512, kSha512).id;
    case Family::none:
      break;
  }
  return HashImpl::c32;
}

}  // namespace petrel
