// Constant-time helpers (BearSSL inner.h, BoringSSL constant_time_*, Botan CT::Mask).
// Masks are all-ones (true) or all-zeros (false). None of these branch on their inputs.
//
// CT_POISON(p, n) / CT_UNPOISON(p, n): in a build with PETREL_CT_VALGRIND defined they mark
// memory as undefined for valgrind's memcheck, so any branch or memory index that depends on
// it is reported (tests/ct/). In every other build they do nothing.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_UTIL_CT_H
#define PETREL_CRYPTO_UTIL_CT_H

#include <cstddef>
#include <cstdint>

#if defined(PETREL_CT_VALGRIND)
#include <valgrind/memcheck.h>
#define CT_POISON(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define CT_UNPOISON(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))
#else
#define CT_POISON(p, n) ((void)(p), (void)(n))
#define CT_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace petrel {
namespace ct {

// Hides a value from the optimizer so it cannot turn mask arithmetic back into branches.
inline uint32_t value_barrier(uint32_t a) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __asm__("" : "+r"(a) : /* no inputs */);
#endif
  return a;
}

inline uint64_t value_barrier64(uint64_t a) noexcept {
#if (defined(__GNUC__) || defined(__clang__)) && (UINTPTR_MAX > 0xffffffffu)
  __asm__("" : "+r"(a) : /* no inputs */);
#elif defined(__GNUC__) || defined(__clang__)
  uint32_t lo = static_cast<uint32_t>(a);
  uint32_t hi = static_cast<uint32_t>(a >> 32);
  __asm__("" : "+r"(lo), "+r"(hi) : /* no inputs */);
  a = (static_cast<uint64_t>(hi) << 32) | lo;
#endif
  return a;
}

// All-ones if the top bit of a is set.
inline uint32_t msb_mask(uint32_t a) noexcept {
  return value_barrier(0u - (a >> 31));
}
// All-ones if a == 0.
inline uint32_t is_zero(uint32_t a) noexcept {
  return msb_mask(~a & (a - 1));
}
inline uint32_t eq(uint32_t a, uint32_t b) noexcept { return is_zero(a ^ b); }
inline uint32_t neq(uint32_t a, uint32_t b) noexcept { return ~eq(a, b); }
// All-ones if a < b (unsigned).
inline uint32_t lt(uint32_t a, uint32_t b) noexcept {
  return msb_mask(a ^ ((a ^ b) | ((a - b) ^ a)));
}
inline uint32_t ge(uint32_t a, uint32_t b) noexcept { return ~lt(a, b); }
inline uint32_t gt(uint32_t a, uint32_t b) noexcept { return lt(b, a); }
inline uint32_t le(uint32_t a, uint32_t b) noexcept { return ~lt(b, a); }

// mask ? a : b
inline uint32_t select(uint32_t mask, uint32_t a, uint32_t b) noexcept {
  return (mask & a) | (~mask & b);
}
inline uint8_t select8(uint32_t mask, uint8_t a, uint8_t b) noexcept {
  return static_cast<uint8_t>(select(mask, a, b));
}

// Copies src to dst when mask is all-ones; leaves dst unchanged when it is zero.
inline void cond_copy(uint32_t mask, uint8_t* dst, const uint8_t* src, size_t n) noexcept {
  const uint8_t m = static_cast<uint8_t>(mask);
  for (size_t i = 0; i < n; i++) {
    dst[i] = static_cast<uint8_t>((dst[i] & ~m) | (src[i] & m));
  }
}

// All-ones if the n bytes at a and b are equal. Time depends only on n.
inline uint32_t mem_eq_mask(const uint8_t* a, const uint8_t* b, size_t n) noexcept {
  uint32_t acc = 0;
  for (size_t i = 0; i < n; i++) {
    acc |= static_cast<uint32_t>(a[i] ^ b[i]);
  }
  return is_zero(acc);
}

// true if equal; the comparison itself takes time depending only on n.
inline bool mem_equal(const uint8_t* a, const uint8_t* b, size_t n) noexcept {
  return mem_eq_mask(a, b, n) != 0;
}

}  // namespace ct
}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_CT_H
