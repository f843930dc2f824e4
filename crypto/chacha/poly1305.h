// Poly1305 one-time authenticator (RFC 8439 section 2.5), in implementations selectable by name.
//
// Variants (the table in poly1305.cpp, crypto/util/variant.h; tests/util/variant_headers_test.cpp
// checks this list against it; entry points: poly1305_internal.h):
//   name       constant-time  notes
//   "donna32"  yes            5 limbs of 26 bits, 32x32->64-bit products (poly1305-donna-32
//                             style); portable, in every build; the fast one on 32-bit CPUs
//   "donna64"  yes            3 limbs of 44/44/42 bits, 64x64->128-bit products with
//                             unsigned __int128; only on 64-bit hosts whose compiler has it
//   "armv4"    yes            ARM assembly, ARMv4 baseline (armel and armhf builds): radix 2^32,
//                             UMULL/UMLAL, crypto/chacha/arm/poly1305_armv4.S (+ _glue.cpp)
//
// The default (kPoly1305DefaultImpl): "donna64" on 64-bit hosts, "armv4" on little-endian ARM
// unless the build is PETREL_NO_ASM (a public definition of the petrel target), else "donna32".
//
// All are constant-time: no branch and no memory index depends on the key, the accumulator or
// the message contents (only on lengths), and the final reduction mod 2^130 - 5 selects with
// masks. A one-time key must never be used for two messages.
//
// Streaming: init(key) / update(data) any number of times / final(tag). The state (r, s, the
// accumulator and the buffered partial block) is wiped by final(), clear() and the destructor.
// Public API (installed): the declarations here are stable; variants (their names and enum
// values) are only ever added, and which ones a build has is its own (*_available()).
#ifndef PETREL_CRYPTO_CHACHA_POLY1305_H
#define PETREL_CRYPTO_CHACHA_POLY1305_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

constexpr size_t kPoly1305KeySize = 32;
constexpr size_t kPoly1305TagSize = 16;

enum class Poly1305Impl : uint8_t {
  donna32 = 0,
  donna64 = 1,
  armv4 = 2,
};

#if defined(__SIZEOF_INT128__) && UINTPTR_MAX > 0xffffffffu
constexpr Poly1305Impl kPoly1305DefaultImpl = Poly1305Impl::donna64;
#elif defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && !defined(__ARMEB__) && \
    !defined(PETREL_NO_ASM)
constexpr Poly1305Impl kPoly1305DefaultImpl = Poly1305Impl::armv4;
#else
constexpr Poly1305Impl kPoly1305DefaultImpl = Poly1305Impl::donna32;
#endif

const char* poly1305_impl_name(Poly1305Impl impl) noexcept;
bool poly1305_impl_is_constant_time(Poly1305Impl impl) noexcept;
bool poly1305_impl_available(Poly1305Impl impl) noexcept;
Status poly1305_impl_from_name(Poly1305Impl* out, const char* name) noexcept;
// Every implementation compiled into this build, in a fixed order; returns the count.
size_t poly1305_impls_available(Poly1305Impl* out, size_t max) noexcept;
// Every implementation the table lists, available or not; returns the count.
size_t poly1305_impls_listed(Poly1305Impl* out, size_t max) noexcept;

class Poly1305 final {
 public:
  Poly1305() noexcept = default;
  ~Poly1305();
  Poly1305(const Poly1305&) = delete;
  Poly1305& operator=(const Poly1305&) = delete;

  // key: 32 bytes (r || s). Errors: bad_key_length, not_available (impl not in this build).
  Status init(ByteView key, Poly1305Impl impl = kPoly1305DefaultImpl) noexcept;
  Status update(ByteView in) noexcept;
  // tag.size() >= 16; writes 16 bytes and wipes the state (init() again for a new message).
  Status final(MutableBytes tag) noexcept;
  void clear() noexcept;

  bool is_set() const noexcept { return m_set; }
  Poly1305Impl impl() const noexcept { return m_impl; }
  const char* impl_name() const noexcept { return poly1305_impl_name(m_impl); }

  // Implementation-private state: donna32 keeps r[5], h[5] and pad[4] in w32, donna64 keeps
  // r[3], h[3] and pad[2] in w64.
  struct State {
    uint32_t w32[14];
    uint64_t w64[8];
  };

 private:
  State m_state = {};
  uint8_t m_buf[16] = {};
  size_t m_buf_len = 0;
  Poly1305Impl m_impl = kPoly1305DefaultImpl;
  bool m_set = false;
};

// One-shot: tag = Poly1305(key, msg).
Status poly1305(MutableBytes tag, ByteView key, ByteView msg,
                Poly1305Impl impl = kPoly1305DefaultImpl) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_CHACHA_POLY1305_H
