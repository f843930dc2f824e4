// Internal interface between crypto/ec/x25519.cpp (the variant table, clamping and the
// all-zero check) and each X25519 implementation. Not part of the public API.
//
// The entry point is a plain C symbol over byte strings, so that an assembly variant can
// implement it without knowing the C++ field-element types. Calling contract (AAPCS on ARM, O32
// on MIPS, the platform ABI elsewhere; no state kept between calls):
//
//   void petrel_x25519_ladder_<v>(uint8_t out[32], const uint8_t scalar[32],
//                                 const uint8_t u[32])
//       out = the u-coordinate of scalar * (u, ...) on Curve25519 (RFC 7748 section 5, the
//       Montgomery ladder, x_2 * z_2^(p-2) encoded little-endian). scalar is already clamped by
//       the caller; u is taken mod 2^255 (its top bit is ignored). out must not overlap scalar
//       or u (the caller copies u first). Constant time in scalar: no branch and no address
//       depends on it. Wipes its stack copies.
#ifndef PETREL_CRYPTO_EC_X25519_INTERNAL_H
#define PETREL_CRYPTO_EC_X25519_INTERNAL_H

#include <cstdint>

extern "C" {
// "fe32": 10 limbs of 25.5 bits (ref10), in every build.
void petrel_x25519_ladder_fe32(uint8_t out[32], const uint8_t scalar[32],
                               const uint8_t u[32]) noexcept;
// "fe64": 5 limbs of 51 bits, unsigned __int128; only where the compiler has it on 64 bits.
void petrel_x25519_ladder_fe64(uint8_t out[32], const uint8_t scalar[32],
                               const uint8_t u[32]) noexcept;
// "armv6": 8 words of 32 bits, the field multiply in crypto/ec/arm/x25519_armv6.S (UMAAL),
// the ladder in x25519.cpp; ARM builds for ARMv6 and later only (PETREL_X25519_ARMV6).
void petrel_x25519_ladder_armv6(uint8_t out[32], const uint8_t scalar[32],
                                const uint8_t u[32]) noexcept;
void petrel_fe25519_mul_armv6(uint32_t out[8], const uint32_t a[8], const uint32_t b[8]) noexcept;
}

#if defined(PETREL_ASM_ARM) && defined(__ARM_ARCH_ISA_ARM) && defined(__ARM_ARCH) && \
    __ARM_ARCH >= 6 && !defined(__ARMEB__)
#define PETREL_X25519_ARMV6 1
#endif
// "fe64" is built where the compiler has unsigned __int128 on a 64-bit target.
#if defined(__SIZEOF_INT128__) && UINTPTR_MAX > 0xffffffffu
#define PETREL_X25519_FE64 1
#endif

namespace petrel {
namespace x25519_detail {

// A variant's function: out = X25519(clamped scalar, u), 32-byte strings (RFC 7748 section 5).
struct LadderOps {
  void (*ladder)(uint8_t* out, const uint8_t* scalar, const uint8_t* u) noexcept;
};

}  // namespace x25519_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_X25519_INTERNAL_H
