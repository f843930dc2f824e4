// The multiply-accumulate kernel seam of crypto/bignum: the functions an assembly variant
// implements, as plain C symbols over limb pointers and counts (no C++ object layout), and the
// ops record the kernel table (mul_add.cpp) holds per variant. Internal to the library.
//
// Calling contract of every kernel, whatever the ISA (AAPCS on ARM: arguments in r0-r3 then on
// the stack, result in r0, r4-r11 preserved; O32 on MIPS: a0-a3 then the stack at sp+16, result
// in v0, s0-s7 preserved; the platform ABI elsewhere). W is the limb width of the variant (32 or
// 64 bits), limbs are little-endian arrays (limb 0 least significant), n >= 1, and lengths are
// public (a kernel may branch on n, never on a limb value).
//
//   limb petrel_bn_mul_add_<v>(limb* acc, const limb* a, size_t n, limb b)
//       acc[0..n) += a[0..n) * b; returns the carry limb (the high limb of the n+1-limb result).
//       acc and a do not overlap.
//
//   limb petrel_bn_mont_step_<v>(limb* t, const limb* a, limb b, const limb* m, limb m0inv,
//                                size_t n, limb top)
//       One CIOS Montgomery step: q = (t[0] + a[0] * b) * m0inv mod 2^W; then
//       t[0..n) + ret * 2^(W*n) = (t + top * 2^(W*n) + a * b + q * m) / 2^W. With t < 2^(W*n) + m
//       and top, ret in {0, 1}. a may equal m (from_mont calls it with a = m and b = 0); t
//       overlaps neither.
//
//   void petrel_bn_mont_mul_<v>(limb* r, const limb* a, const limb* b, const limb* m,
//                               limb m0inv, size_t n)
//       A whole CIOS Montgomery multiplication: r = a * b / 2^(W*n) mod m, fully reduced
//       (r < m), for a, b < m; the n steps of mont_step from r = 0, then one subtraction of m,
//       masked (taken when the last top is 1 or r >= m, whatever the values). r overlaps
//       neither a nor b. The portable form and the kernels without their own loop run their
//       mont_step n times (mul_add.cpp); armv4, armv6 and mips32r2 have the loop in
//       assembly, armv7-neon a NEON one (its t in a buffer on its own stack: r is written only
//       at the end).
//
// All read and write only the n limbs named, keep no state, and must run in time independent
// of the limb values (the table's constant_time flag says whether they do on every CPU of the
// target). The portable kernels are petrel_bn_*_c32 and petrel_bn_*_c64 (mul_add.cpp); the
// assembly ones petrel_bn_*_armv4 and petrel_bn_*_armv6 (crypto/bignum/arm/, 32-bit limbs, ARM
// state, AAPCS), petrel_bn_mont_mul_armv7_neon (crypto/bignum/arm/neon/, AAPCS, d8-d15 kept)
// and petrel_bn_*_mips32r2 (crypto/bignum/mips/r2/, O32), declared below and defined only where
// their file is built (mul_add.cpp refers to them only then).
#ifndef PETREL_CRYPTO_BIGNUM_BN_KERNEL_H
#define PETREL_CRYPTO_BIGNUM_BN_KERNEL_H

#include <cstddef>
#include <cstdint>

#include "crypto/bignum/bignum.h"

extern "C" {
uint32_t petrel_bn_mul_add_c32(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept;
uint32_t petrel_bn_mont_step_c32(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                                 uint32_t m0inv, size_t n, uint32_t top) noexcept;
// Defined only where the compiler has unsigned __int128 (the c64 entry is a stub elsewhere).
uint64_t petrel_bn_mul_add_c64(uint64_t* acc, const uint64_t* a, size_t n, uint64_t b) noexcept;
uint64_t petrel_bn_mont_step_c64(uint64_t* t, const uint64_t* a, uint64_t b, const uint64_t* m,
                                 uint64_t m0inv, size_t n, uint64_t top) noexcept;
uint32_t petrel_bn_mul_add_armv4(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept;
uint32_t petrel_bn_mont_step_armv4(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                                   uint32_t m0inv, size_t n, uint32_t top) noexcept;
void petrel_bn_mont_mul_c32(uint32_t* r, const uint32_t* a, const uint32_t* b, const uint32_t* m,
                            uint32_t m0inv, size_t n) noexcept;
void petrel_bn_mont_mul_c64(uint64_t* r, const uint64_t* a, const uint64_t* b, const uint64_t* m,
                            uint64_t m0inv, size_t n) noexcept;
void petrel_bn_mont_mul_armv4(uint32_t* r, const uint32_t* a, const uint32_t* b,
                              const uint32_t* m, uint32_t m0inv, size_t n) noexcept;
void petrel_bn_mont_mul_mips32r2(uint32_t* r, const uint32_t* a, const uint32_t* b,
                                 const uint32_t* m, uint32_t m0inv, size_t n) noexcept;
void petrel_bn_mont_mul_armv6(uint32_t* r, const uint32_t* a, const uint32_t* b,
                              const uint32_t* m, uint32_t m0inv, size_t n) noexcept;
// Runs the NEON code for n a multiple of 8 in 8..256, petrel_bn_mont_mul_armv6 for any other n
// (crypto/bignum/arm/neon/mont_armv7_neon.S); the armv7-neon row's mul_add and mont_step are
// the armv6 ones.
void petrel_bn_mont_mul_armv7_neon(uint32_t* r, const uint32_t* a, const uint32_t* b,
                                   const uint32_t* m, uint32_t m0inv, size_t n) noexcept;
uint32_t petrel_bn_mul_add_armv6(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept;
uint32_t petrel_bn_mont_step_armv6(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                                   uint32_t m0inv, size_t n, uint32_t top) noexcept;
uint32_t petrel_bn_mul_add_mips32r2(uint32_t* acc, const uint32_t* a, size_t n,
                                    uint32_t b) noexcept;
uint32_t petrel_bn_mont_step_mips32r2(uint32_t* t, const uint32_t* a, uint32_t b,
                                      const uint32_t* m, uint32_t m0inv, size_t n,
                                      uint32_t top) noexcept;
}

namespace petrel {
namespace bn {

// The functions of one kernel, over this build's Limb.
struct KernelOps {
  Limb (*mul_add)(Limb* acc, const Limb* a, size_t n, Limb b) noexcept;
  Limb (*mont_step)(Limb* t, const Limb* a, Limb b, const Limb* m, Limb m0inv, size_t n,
                    Limb top) noexcept;
  void (*mont_mul)(Limb* r, const Limb* a, const Limb* b, const Limb* m, Limb m0inv,
                   size_t n) noexcept;
};

// The active kernel's ops (never null).
const KernelOps& kernel_ops() noexcept;

}  // namespace bn
}  // namespace petrel

#endif  // PETREL_CRYPTO_BIGNUM_BN_KERNEL_H
