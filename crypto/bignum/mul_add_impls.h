// Which multiply-accumulate kernels (crypto/bignum/mul_add.cpp) this build has, decided at
// compile time from what the target guarantees, and the assembly entry points. Each macro is
// 1 or 0 and follows the guard at the top of its .S file exactly:
//   armv4    crypto/bignum/arm/mul_add_armv4.S     ARM state, UMLAL (ARMv5TE baseline: armel)
//   armv6    crypto/bignum/arm/mul_add_armv6.S     ARM state, UMAAL (ARMv6 and later: armhf)
//   mips32r2 crypto/bignum/mips/mul_add_mips32r2.S MIPS32r2, O32, MADDU (mipsel, mips)
// Internal to the library and its tests; tests/CMakeLists.txt includes it to know which
// variants to run.
#ifndef PETREL_CRYPTO_BIGNUM_MUL_ADD_IMPLS_H
#define PETREL_CRYPTO_BIGNUM_MUL_ADD_IMPLS_H

#include <cstddef>
#include <cstdint>

#if defined(__arm__) && defined(__ARM_ARCH_ISA_ARM)
#define PETREL_BN_HAVE_ARMV4 1
#else
#define PETREL_BN_HAVE_ARMV4 0
#endif

#if PETREL_BN_HAVE_ARMV4 && defined(__ARM_ARCH) && __ARM_ARCH >= 6
#define PETREL_BN_HAVE_ARMV6 1
#else
#define PETREL_BN_HAVE_ARMV6 0
#endif

#if defined(__mips__) && defined(__mips_isa_rev) && defined(_ABIO32) && defined(_MIPS_SIM)
#if __mips_isa_rev >= 2 && __mips_isa_rev < 6 && _MIPS_SIM == _ABIO32
#define PETREL_BN_HAVE_MIPS32R2 1
#endif
#endif
#ifndef PETREL_BN_HAVE_MIPS32R2
#define PETREL_BN_HAVE_MIPS32R2 0
#endif

extern "C" {
uint32_t petrel_bn_mul_add_armv4(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept;
uint32_t petrel_bn_mont_step_armv4(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                                   uint32_t m0inv, size_t n, uint32_t top) noexcept;
uint32_t petrel_bn_mul_add_armv6(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept;
uint32_t petrel_bn_mont_step_armv6(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                                   uint32_t m0inv, size_t n, uint32_t top) noexcept;
uint32_t petrel_bn_mul_add_mips32r2(uint32_t* acc, const uint32_t* a, size_t n,
                                    uint32_t b) noexcept;
uint32_t petrel_bn_mont_step_mips32r2(uint32_t* t, const uint32_t* a, uint32_t b,
                                      const uint32_t* m, uint32_t m0inv, size_t n,
                                      uint32_t top) noexcept;
}

#endif  // PETREL_CRYPTO_BIGNUM_MUL_ADD_IMPLS_H
