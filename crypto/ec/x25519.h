// X25519 Diffie-Hellman on Curve25519 (RFC 7748), in implementations selectable by name.
//
// Variants (the table in x25519.cpp, crypto/util/variant.h; tests/util/variant_headers_test.cpp
// checks this list against it; entry points: x25519_internal.h):
//   name     constant-time  notes
//   "fe32"   yes            field elements in 10 signed limbs of 26/25 bits (ref10 style),
//                           32x32->64-bit products; portable, in every build, the one for
//                           32-bit CPUs
//   "fe64"   yes            5 limbs of 51 bits, 64x64->128-bit products (unsigned __int128);
//                           only on 64-bit hosts whose compiler has it
//   "armv6"  yes            8 words of 32 bits, the field multiply in ARM assembly with UMAAL
//                           (crypto/ec/arm/x25519_armv6.S); ARM builds for ARMv6 and later
//                           (armhf), the default there
//
// All run the same Montgomery ladder (RFC 7748 section 5): 255 steps whatever the scalar, the
// points swapped with masks (no branch and no memory index depends on the scalar), and the
// inversion is a fixed exponentiation (z^(p-2)).
//
// Inputs: the scalar is clamped here (section 5: bits 0-2 and 255 cleared, bit 254 set); the
// peer's u-coordinate has its top bit ignored and non-canonical values (>= p) are accepted and
// reduced, as section 5 requires.
//
// x25519() refuses an all-zero shared secret (section 6.1: the peer sent a point of small
// order) with Status::invalid_argument. The check runs in constant time; only its verdict is
// declassified. out holds the (zero) result either way.
// Public API (installed): the declarations here are stable; variants (their names and enum
// values) are only ever added, and which ones a build has is its own (*_available()).
#ifndef PETREL_CRYPTO_EC_X25519_H
#define PETREL_CRYPTO_EC_X25519_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class Rng;

constexpr size_t kX25519KeySize = 32;

enum class X25519Impl : uint8_t {
  fe32 = 0,
  fe64 = 1,
  armv6 = 2,
};

#if defined(__SIZEOF_INT128__) && UINTPTR_MAX > 0xffffffffu
constexpr X25519Impl kX25519DefaultImpl = X25519Impl::fe64;
#elif defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && defined(__ARM_ARCH) && \
    __ARM_ARCH >= 6 && !defined(__ARMEB__) && !defined(PETREL_NO_ASM)
constexpr X25519Impl kX25519DefaultImpl = X25519Impl::armv6;
#else
constexpr X25519Impl kX25519DefaultImpl = X25519Impl::fe32;
#endif

const char* x25519_impl_name(X25519Impl impl) noexcept;
bool x25519_impl_is_constant_time(X25519Impl impl) noexcept;
bool x25519_impl_available(X25519Impl impl) noexcept;
Status x25519_impl_from_name(X25519Impl* out, const char* name) noexcept;
// Every implementation compiled into this build, in a fixed order; returns the count.
size_t x25519_impls_available(X25519Impl* out, size_t max) noexcept;
// Every implementation the table lists, available or not; returns the count.
size_t x25519_impls_listed(X25519Impl* out, size_t max) noexcept;

// out = X25519(scalar, point). Errors: invalid_argument (a null pointer, or the all-zero
// shared secret), not_available (impl not in this build).
Status x25519(uint8_t out[kX25519KeySize], const uint8_t scalar[kX25519KeySize],
              const uint8_t point[kX25519KeySize], X25519Impl impl = kX25519DefaultImpl) noexcept;

// out = X25519(scalar, 9): the public key of a private scalar. The result is public and is
// declassified (CT_UNPOISON) before return.
Status x25519_public_key(uint8_t out[kX25519KeySize], const uint8_t scalar[kX25519KeySize],
                         X25519Impl impl = kX25519DefaultImpl) noexcept;

// A fresh key pair: 32 random bytes from rng as the private key (clamped when used, stored as
// drawn) and its public key. On an Rng failure both outputs are zeroed and rng_failure returned.
Status x25519_keypair(uint8_t public_key[kX25519KeySize], uint8_t private_key[kX25519KeySize],
                      Rng& rng, X25519Impl impl = kX25519DefaultImpl) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_X25519_H
