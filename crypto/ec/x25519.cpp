// X25519 (RFC 7748 section 5): the table of implementations and the public functions. The
// Montgomery ladder over GF(2^255 - 19) is one template (x25519_ladder_internal.h) over three
// field representations, each in its file with its entry point: x25519_fe32.cpp,
// x25519_fe64.cpp, x25519_armv6.cpp (the multiply in crypto/ec/arm/x25519_armv6.S).
//
// fe32: 10 signed 32-bit limbs of alternately 26 and 25 bits (limb i has weight
// 2^ceil(25.5 i)), products in int64_t: the representation of ref10 (Bernstein, Duif, Lange,
// Schwabe, Yang) as used by SUPERCOP, Monocypher and BoringSSL's 32-bit path. fe64: 5 unsigned
// limbs of 51 bits with unsigned __int128 products (curve25519-donna-c64 style).
// Both are constant-time: straight-line arithmetic, a mask-driven conditional swap, a fixed
// exponentiation for the inversion and a mask-driven final reduction.
#include "crypto/ec/x25519.h"

#include <cstring>

#include "crypto/ec/x25519_internal.h"

#include "crypto/rand/rng.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

using x25519_detail::LadderOps;

constexpr LadderOps kFe32Ops = {petrel_x25519_ladder_fe32};
#if defined(PETREL_X25519_FE64)
constexpr LadderOps kFe64Ops = {petrel_x25519_ladder_fe64};
constexpr const LadderOps* fe64_ops() noexcept { return &kFe64Ops; }
#else
constexpr const LadderOps* fe64_ops() noexcept { return nullptr; }  // stub: not in this build
#endif
#if defined(PETREL_X25519_ARMV6)
constexpr LadderOps kArmv6Ops = {petrel_x25519_ladder_armv6};
constexpr const LadderOps* armv6_ops() noexcept { return &kArmv6Ops; }
#else
constexpr const LadderOps* armv6_ops() noexcept { return nullptr; }  // e.g. armel (ARMv5TE)
#endif

// The table (crypto/util/variant.h): name, old name (none), constant-time, ops, CPU check.
constexpr Variant<X25519Impl, LadderOps> kImpls[] = {
    {X25519Impl::fe32, "fe32", nullptr, true, &kFe32Ops, nullptr},
    {X25519Impl::fe64, "fe64", nullptr, true, fe64_ops(), nullptr},
    {X25519Impl::armv6, "armv6", nullptr, true, armv6_ops(), nullptr},
};

const uint8_t kBasePoint[32] = {9};

}  // namespace
}  // namespace petrel

namespace petrel {

const char* x25519_impl_name(X25519Impl impl) noexcept { return variant::name(kImpls, impl); }
bool x25519_impl_is_constant_time(X25519Impl impl) noexcept {
  return variant::is_constant_time(kImpls, impl);
}
bool x25519_impl_available(X25519Impl impl) noexcept { return variant::available(kImpls, impl); }
Status x25519_impl_from_name(X25519Impl* out, const char* name) noexcept {
  return variant::from_name(kImpls, out, name);
}
size_t x25519_impls_available(X25519Impl* out, size_t max) noexcept {
  return variant::list_available(kImpls, out, max);
}
size_t x25519_impls_listed(X25519Impl* out, size_t max) noexcept {
  return variant::list_all(kImpls, out, max);
}

Status x25519(uint8_t out[kX25519KeySize], const uint8_t scalar[kX25519KeySize],
              const uint8_t point[kX25519KeySize], X25519Impl impl) noexcept {
  if (out == nullptr || scalar == nullptr || point == nullptr) {
    return Status::invalid_argument;
  }
  const LadderOps* ops = variant::ops(kImpls, impl);
  if (ops == nullptr) {
    return Status::not_available;
  }
  uint8_t k[32];
  uint8_t u[32];
  std::memcpy(k, scalar, sizeof(k));
  std::memcpy(u, point, sizeof(u));  // out may alias point
  k[0] &= 248;
  k[31] &= 127;
  k[31] |= 64;
  ops->ladder(out, k, u);
  secure_wipe(k, sizeof(k));
  // Section 6.1: refuse the all-zero output, in constant time; only the verdict is released.
  uint32_t acc = 0;
  for (size_t i = 0; i < kX25519KeySize; i++) {
    acc |= out[i];
  }
  uint32_t zero = ct::is_zero(acc);
  CT_UNPOISON(&zero, sizeof(zero));
  return zero != 0 ? Status::invalid_argument : Status::ok;
}

Status x25519_public_key(uint8_t out[kX25519KeySize], const uint8_t scalar[kX25519KeySize],
                         X25519Impl impl) noexcept {
  const Status s = x25519(out, scalar, kBasePoint, impl);
  if (out != nullptr) {
    CT_UNPOISON(out, kX25519KeySize);  // a public key is public
  }
  return s;
}

Status x25519_keypair(uint8_t public_key[kX25519KeySize], uint8_t private_key[kX25519KeySize],
                      Rng& rng, X25519Impl impl) noexcept {
  if (public_key == nullptr || private_key == nullptr) {
    return Status::invalid_argument;
  }
  Status s = rng.generate(MutableBytes(private_key, kX25519KeySize));
  if (s == Status::ok) {
    s = x25519_public_key(public_key, private_key, impl);
  } else {
    s = Status::rng_failure;
  }
  if (s != Status::ok) {
    secure_wipe(private_key, kX25519KeySize);
    secure_wipe(public_key, kX25519KeySize);
  }
  return s;
}

}  // namespace petrel
