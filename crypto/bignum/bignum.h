// Fixed-size natural numbers for RSA: little-endian arrays of limbs with an explicit limb count,
// no heap. Limbs are uint64_t (products in unsigned __int128) on 64-bit hosts that have it and
// uint32_t (products in uint64_t) elsewhere, chosen at compile time; PETREL_BN_FORCE_LIMB32
// forces 32-bit limbs on any host (to test the 32-bit path on a fast machine).
//
// Constant-time unless the comment says "variable-time": no branch and no memory index depends
// on limb values. Lengths (limb counts, bit sizes of moduli) are treated as public.
// Public API (installed): the declarations here are stable; kernel variants (BnKernel names and
// values) are only ever added, and which ones a build has is its own. The kernel entry points
// are library-internal (crypto/bignum/bn_kernel.h, not installed).
#ifndef PETREL_CRYPTO_BIGNUM_BIGNUM_H
#define PETREL_CRYPTO_BIGNUM_BIGNUM_H

#include <cstddef>
#include <cstdint>

#include "crypto/rand/rng.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace bn {

#if defined(__SIZEOF_INT128__) && !defined(PETREL_BN_FORCE_LIMB32) && (UINTPTR_MAX > 0xffffffffu)
using Limb = uint64_t;
using DLimb = unsigned __int128;
#define PETREL_BN_LIMB_BITS 64
#else
using Limb = uint32_t;
using DLimb = uint64_t;
#define PETREL_BN_LIMB_BITS 32
#endif

constexpr size_t kLimbBits = sizeof(Limb) * 8;
constexpr size_t kLimbBytes = sizeof(Limb);
// Largest modulus for public operations (verification, encryption).
constexpr size_t kMaxBits = 8192;
constexpr size_t kMaxLimbs = kMaxBits / kLimbBits;
// Largest modulus for constant-time exponentiation and private-key operations.
constexpr size_t kMaxPrivBits = 4096;
constexpr size_t kMaxPrivLimbs = kMaxPrivBits / kLimbBits;

constexpr size_t limbs_for_bits(size_t bits) { return (bits + kLimbBits - 1) / kLimbBits; }
constexpr size_t limbs_for_bytes(size_t bytes) { return (bytes + kLimbBytes - 1) / kLimbBytes; }

// ---- the multiply-accumulate kernel (mul_add.cpp, crypto/bignum/bn_kernel.h) -----------------
// The inner loops of every product, in variants chosen by name (crypto/util/variant.h):
//
//   name        alias           constant-time  limb  notes
//   "armv7-neon"                yes (*)        32    crypto/bignum/arm/neon/mont_armv7_neon.S, a
//                                                    NEON mont_mul (VMULL/VMLAL.U32, n a multiple
//                                                    of 8 up to 256; other n and mul_add,
//                                                    mont_step: armv6); ARMv7-A builds (armhf),
//                                                    run where crypto/cpu says NEON
//   "armv6"                     yes (*)        32    crypto/bignum/arm/mul_add_armv6.S, UMAAL; built
//                                                    where the compiler targets ARMv6 or later
//                                                    (armhf)
//   "armv4"                     yes (*)        32    crypto/bignum/arm/mul_add_armv4.S, UMLAL; any
//                                                    ARM-state target, ARMv5TE baseline (armel,
//                                                    armhf)
//   "mips32r2"                  yes (*)        32    crypto/bignum/mips/r2/mul_add_mips32r2.S,
//                                                    MADDU; MIPS32r2 O32, both byte orders
//   "c64"       "portable-c64"  yes (*)        64    portable C++, 64x64->128-bit products
//                                                    (unsigned __int128); 64-bit hosts
//   "c32"       "portable-c32"  yes (*)        32    portable C++, 32x32->64-bit products; every
//                                                    build whose Limb is 32 bits
//
// (*) provided the CPU's multiplier takes a fixed time (the ARM926EJ-S of armel ends UMULL/UMLAL
// early on small Rs operands: see mul_add_armv4.S; the portable C++ compiles to the same
// instructions there). A kernel works on this build's Limb: a variant of the other width, or
// one whose file this target does not build (cmake/PetrelSources.cmake, PETREL_NO_ASM), is
// listed and reports not available. The assembly kernels need no run-time CPU check: each is
// built only where the compiler's target level guarantees its instructions.
//
// The kernel is process-wide: the first available one in table order (the fastest first) unless
// kernel_select() names another. Selecting while another thread computes with big numbers is
// not allowed (tests select before they compute).
enum class BnKernel : uint8_t {
  c32 = 0,
  c64 = 1,
  armv4 = 2,
  armv6 = 3,
  mips32r2 = 4,
  armv7_neon = 5,
};
const char* kernel_name(BnKernel k) noexcept;
bool kernel_is_constant_time(BnKernel k) noexcept;
bool kernel_available(BnKernel k) noexcept;
// By name or alias; Status::not_available for a kernel this build or CPU lacks.
Status kernel_from_name(BnKernel* out, const char* name) noexcept;
// The available kernels in table order; returns the count (out may be null).
size_t kernels_available(BnKernel* out, size_t max) noexcept;
// Every kernel the table lists, available or not; returns the count.
size_t kernels_listed(BnKernel* out, size_t max) noexcept;
// Makes k the process-wide kernel. Status::not_available (nothing changed) if k is not available.
Status kernel_select(BnKernel k) noexcept;
BnKernel kernel_active() noexcept;
// Name of the active kernel (kernel_name(kernel_active())).
const char* mul_add_impl_name() noexcept;

// acc[0..n) += a[0..n) * b; returns the carry limb. Runs the active kernel.
Limb mul_add(Limb* acc, const Limb* a, size_t n, Limb b) noexcept;
// One step of CIOS Montgomery multiplication, the inner loop of mont_mul: with q chosen so that
// t + a * b + q * m is divisible by 2^w (q = (t[0] + a[0] * b) * m0inv mod 2^w), sets
// t[0..n) + (return value) * 2^(w*n) = (t + top * 2^(w*n) + a * b + q * m) / 2^w. n >= 1, top and
// the return value are 0 or 1 when t < 2^(w*n) + m. Runs the active kernel.
Limb mont_step(Limb* t, const Limb* a, Limb b, const Limb* m, Limb m0inv, size_t n,
               Limb top) noexcept;

// The portable kernels themselves, callable at either width (the c32 and c64 entries; tests
// compare the widths).
uint32_t mul_add_limbs(uint32_t* acc, const uint32_t* a, size_t n, uint32_t b) noexcept;
#if defined(__SIZEOF_INT128__)
uint64_t mul_add_limbs(uint64_t* acc, const uint64_t* a, size_t n, uint64_t b) noexcept;
#endif
uint32_t mont_step_limbs(uint32_t* t, const uint32_t* a, uint32_t b, const uint32_t* m,
                         uint32_t m0inv, size_t n, uint32_t top) noexcept;
#if defined(__SIZEOF_INT128__)
uint64_t mont_step_limbs(uint64_t* t, const uint64_t* a, uint64_t b, const uint64_t* m,
                         uint64_t m0inv, size_t n, uint64_t top) noexcept;
#endif

// ---- conversions --------------------------------------------------------------------------------
// x[0..n) = big-endian `in`. Leading zero bytes are allowed; Status::invalid_argument if the value
// does not fit in n limbs (the check looks at the excess bytes in constant time).
Status from_bytes(Limb* x, size_t n, ByteView in) noexcept;
// Writes x as exactly out.size() big-endian bytes (zero-padded on the left).
// Status::buffer_too_small if the value does not fit (checked in constant time; only the outcome
// is revealed).
Status to_bytes(MutableBytes out, const Limb* x, size_t n) noexcept;

// ---- basic arithmetic (all constant-time) -------------------------------------------------------
void set_zero(Limb* x, size_t n) noexcept;
void set_word(Limb* x, size_t n, Limb w) noexcept;
void copy(Limb* dst, const Limb* src, size_t n) noexcept;
// Bit length of x. Variable-time: for public values only (moduli, public exponents).
size_t bit_length_vartime(const Limb* x, size_t n) noexcept;
// Bit i of x (i public), 0 or 1.
inline Limb bit(const Limb* x, size_t i) noexcept {
  return (x[i / kLimbBits] >> (i % kLimbBits)) & 1u;
}

// Masks are all-ones (true) or zero (false), of Limb width.
Limb is_zero_mask(const Limb* x, size_t n) noexcept;
Limb eq_mask(const Limb* a, const Limb* b, size_t n) noexcept;
Limb lt_mask(const Limb* a, const Limb* b, size_t n) noexcept;       // a < b
Limb eq_word_mask(const Limb* a, size_t n, Limb w) noexcept;         // a == w

// r = a + b, returns the carry (0/1). r may alias a or b.
Limb add(Limb* r, const Limb* a, const Limb* b, size_t n) noexcept;
// r = a - b, returns the borrow (0/1). r may alias a or b.
Limb sub(Limb* r, const Limb* a, const Limb* b, size_t n) noexcept;
// x += b if mask, returns the carry (0 if !mask).
Limb cond_add(Limb mask, Limb* x, const Limb* b, size_t n) noexcept;
// x -= b if mask, returns the borrow (0 if !mask).
Limb cond_sub(Limb mask, Limb* x, const Limb* b, size_t n) noexcept;
// x += w (a single word), returns the carry.
Limb add_word(Limb* x, size_t n, Limb w) noexcept;
Limb sub_word(Limb* x, size_t n, Limb w) noexcept;
void cond_copy(Limb mask, Limb* dst, const Limb* src, size_t n) noexcept;
void cond_swap(Limb mask, Limb* a, Limb* b, size_t n) noexcept;
// x >>= 1 with `top` (0/1) shifted into the most significant bit.
void shr1(Limb* x, size_t n, Limb top) noexcept;
// x <<= 1, returns the bit shifted out.
Limb shl1(Limb* x, size_t n) noexcept;
// r[0..na+nb) = a * b (schoolbook over mul_add_limbs). r must not alias a or b.
void mul(Limb* r, const Limb* a, size_t na, const Limb* b, size_t nb) noexcept;

// Constant-time bit-serial division: q[0..nx) = x / d, r[0..nd) = x mod d. d must be non-zero
// (the caller checks); q or r may be null if not wanted. nd <= kMaxLimbs.
void div_ct(Limb* q, Limb* r, const Limb* x, size_t nx, const Limb* d, size_t nd) noexcept;

// Binary extended GCD (Pornin's optimized form: rounds of 31 steps on 64-bit approximations,
// 2 * n * kLimbBits steps in all), m odd, x < m:
// out = x^-1 mod m. Returns an all-ones mask if gcd(x, m) == 1, else zero (out is then garbage).
// If gcd is not null it receives gcd(x, m). n <= kMaxLimbs. The first form works in
// ws[0..mod_inv_odd_ws_limbs(n)) (five numbers in 31-bit words, one word per limb), which must
// not overlap the arguments and is left holding secrets (the caller wipes it); the second uses a
// stack area sized for kMaxLimbs.
constexpr size_t mod_inv_odd_ws_limbs(size_t n) { return 5 * (n * kLimbBits / 31 + 2); }
Limb mod_inv_odd(Limb* out, Limb* gcd, const Limb* x, const Limb* m, size_t n, Limb* ws) noexcept;
Limb mod_inv_odd(Limb* out, Limb* gcd, const Limb* x, const Limb* m, size_t n) noexcept;

// ---- Montgomery arithmetic (montgomery.cpp) -----------------------------------------------------
// An odd modulus m > 1 with its Montgomery constants, R = 2^(kLimbBits * n), as the Montgomery
// functions below read it: views of its three arrays (n limbs each) and the constants. Made from
// a Modulus or a ModulusSlots (implicitly), it is only valid while that object is.
struct ModulusRef {
  const Limb* m;
  const Limb* rr;    // R^2 mod m
  const Limb* one;   // R mod m (1 in Montgomery form)
  Limb m0inv;        // -m^-1 mod 2^kLimbBits
  size_t n;          // limbs
  size_t bits;       // bit length of m (public)
};

// A modulus in arrays of `cap` limbs that the caller owns, so that storage can be sized to the
// key (crypto/rsa RsaPublicKeyOf<bits>): m, rr and one point at them; n, bits and m0inv as in
// ModulusRef.
struct ModulusSlots {
  Limb* m;
  Limb* rr;
  Limb* one;
  size_t cap;
  Limb m0inv = 0;
  size_t n = 0;
  size_t bits = 0;

  // Status::invalid_argument if m is even, m <= 1, or needs more than cap limbs.
  // Constant-time in the value of m apart from its bit length.
  // value may be m itself. No array on the stack.
  Status set(const Limb* value, size_t limbs) noexcept;
  // Big-endian; Status::invalid_argument also if the value does not fit in cap limbs.
  Status set_bytes(ByteView be) noexcept;
  void wipe() noexcept;
  operator ModulusRef() const noexcept { return ModulusRef{m, rr, one, m0inv, n, bits}; }

 private:
  void set_r_mod_m() noexcept;  // one = R mod m, from m, n and bits
};

// The same with its own arrays of kMaxLimbs limbs (3 KiB), for keys whose size is not chosen at
// compile time (the private-key factors, key generation, tests).
struct Modulus {
  Limb m[kMaxLimbs];
  Limb rr[kMaxLimbs];
  Limb one[kMaxLimbs];
  Limb m0inv;
  size_t n = 0;
  size_t bits = 0;

  // As ModulusSlots (cap = kMaxLimbs).
  Status set(const Limb* value, size_t limbs) noexcept;
  Status set_bytes(ByteView be) noexcept;
  void wipe() noexcept;
  operator ModulusRef() const noexcept { return ModulusRef{m, rr, one, m0inv, n, bits}; }

 private:
  ModulusSlots slots() noexcept;
  void take(const ModulusSlots& s) noexcept;
};

// Stack use: the functions below that take `ws` work in the caller's area ws[0..X_ws_limbs(m.n))
// and keep no array on their own stack, so that a caller that knows the size of its modulus
// (crypto/rsa) sizes one area for it; ws must not overlap the other arguments, and is left
// holding intermediate values (the caller wipes it if they are secret). The forms without ws
// keep an area sized for the largest modulus (kMaxLimbs, or kMaxPrivLimbs for modexp_ct) on
// their stack, for code where stack is not scarce (key generation, checks, tests).

// r = a * b / R mod m, for a < R, b < m (or a < m, b < R); r < m. mont_mul_to needs r distinct
// from a and b (no overlap) and uses no stack array; mont_mul allows r == a or r == b (then it
// works in a kMaxLimbs temporary on its stack, 1 KiB).
void mont_mul_to(Limb* r, const Limb* a, const Limb* b, const ModulusRef& m) noexcept;
void mont_mul(Limb* r, const Limb* a, const Limb* b, const ModulusRef& m) noexcept;
void to_mont(Limb* r, const Limb* a, const ModulusRef& m) noexcept;    // a < m; like mont_mul
// r = a / R mod m (a < R); r may alias a; no stack array.
void from_mont(Limb* r, const Limb* a, const ModulusRef& m) noexcept;
// r = a + b mod m and r = a - b mod m for a, b < m; r may alias a or b; no stack array.
void mod_add(Limb* r, const Limb* a, const Limb* b, const ModulusRef& m) noexcept;
void mod_sub(Limb* r, const Limb* a, const Limb* b, const ModulusRef& m) noexcept;
// r[0..m.n) = x[0..nx) mod m, for any nx (Horner over m.n-limb chunks in Montgomery form).
// r must not overlap x.
constexpr size_t reduce_ws_limbs(size_t n) { return 2 * n; }
void reduce(Limb* r, const Limb* x, size_t nx, const ModulusRef& m, Limb* ws) noexcept;
void reduce(Limb* r, const Limb* x, size_t nx, const ModulusRef& m) noexcept;

// r = base^exp mod m with a fixed 4-bit window; the table (16 entries of m.n limbs, in ws) is
// read by scanning every entry. base < m; r may alias base; the exponent's length (exp_limbs) is
// public, its value is not. Status::unsupported if m.n > kMaxPrivLimbs.
constexpr size_t kModexpWindowBits = 4;
constexpr size_t modexp_ct_ws_limbs(size_t n) { return ((1u << kModexpWindowBits) + 2) * n; }
Status modexp_ct(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs, const ModulusRef& m,
                 Limb* ws) noexcept;
Status modexp_ct(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                 const ModulusRef& m) noexcept;
// r = base^exp mod m by square-and-multiply: variable-time in exp (public exponents only),
// constant-time in base. r may alias base.
constexpr size_t modexp_public_ws_limbs(size_t n) { return 2 * n; }
void modexp_public(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                   const ModulusRef& m, Limb* ws) noexcept;
void modexp_public(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                   const ModulusRef& m) noexcept;

// ---- primes (prime.cpp) -------------------------------------------------------------------------
// All-ones if w (odd, > the largest table prime) has no factor among the small odd primes
// below 2048. Constant-time (Barrett reduction, no division instruction).
Limb trial_division_mask(const Limb* w, size_t n) noexcept;
// FIPS 186-4 C.3.1 Miller-Rabin with `rounds` random bases from rng, w odd > 3, n <= kMaxPrivLimbs.
// *probably_prime is set only when the function returns Status::ok. The exponentiations are
// constant-time; which round rejects a composite is not hidden (composites are discarded).
Status miller_rabin(bool* probably_prime, const Limb* w, size_t n, size_t rounds,
                    Rng& rng) noexcept;
// Minimum Miller-Rabin rounds for a prime of `bits` bits generated for RSA (FIPS 186-4 C.3 /
// FIPS 186-5 B.1, error probability <= 2^-100 at 512 bits, 2^-112 from 1024 bits).
size_t miller_rabin_rounds(size_t bits) noexcept;

}  // namespace bn
}  // namespace petrel

#endif  // PETREL_CRYPTO_BIGNUM_BIGNUM_H
