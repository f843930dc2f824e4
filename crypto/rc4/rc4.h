// RC4 stream cipher. LEGACY: RC4 is broken (RFC 7465 prohibits it in TLS); it is here only to
// talk to old provisioning servers that offer nothing else. Keys of 5 to 256 bytes
// (40 to 2048 bits). Not constant-time (the state is a secret-indexed table by design), in
// every variant.
//
// Variants of the keystream loop (the table in rc4.cpp, crypto/util/variant.h;
// tests/util/variant_headers_test.cpp checks this list against it):
//   name       constant-time  notes
//   "mips32r2" no             MIPS32r2 assembly (crypto/rc4/mips/r2/rc4_mips32r2.S), eight bytes
//                             per pass, whole words in and out; mipsel and mips builds only
//   "armv4"    no             ARMv4 assembly (crypto/rc4/arm/rc4_armv4.S), eight bytes per pass,
//                             whole words in and out when both are aligned; little-endian ARM
//                             builds only (armel, armhf)
//   "c"        no             portable C++, four bytes per pass; in every build
// The key schedule is the portable C++ for both. Without a name, init() takes the first
// available row (the assembly where the build has it): no variant is constant-time, so the
// fastest is the default.
// Public API (installed): the declarations here are stable; variants (their names and enum
// values) are only ever added, and which ones a build has is its own (*_available()).
#ifndef PETREL_CRYPTO_RC4_RC4_H
#define PETREL_CRYPTO_RC4_RC4_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

enum class Rc4Impl : uint8_t {
  c = 0,
  mips32r2 = 1,
  armv4 = 2,
};

const char* rc4_impl_name(Rc4Impl impl) noexcept;
bool rc4_impl_is_constant_time(Rc4Impl impl) noexcept;
bool rc4_impl_available(Rc4Impl impl) noexcept;
// Looks an implementation up by its name ("c", "mips32r2", "armv4").
Status rc4_impl_from_name(Rc4Impl* out, const char* name) noexcept;
// Every implementation in this build (and usable on this CPU), in table order (fastest first);
// returns the count.
size_t rc4_impls_available(Rc4Impl* out, size_t max) noexcept;
// Every implementation the table lists, available or not; returns the count.
size_t rc4_impls_listed(Rc4Impl* out, size_t max) noexcept;
// The one init(key) uses: the first available row.
Rc4Impl rc4_default_impl() noexcept;

class Rc4 final {
 public:
  Rc4() noexcept = default;
  ~Rc4();
  Rc4(const Rc4&) = delete;
  Rc4& operator=(const Rc4&) = delete;

  Status init(ByteView key) noexcept;                    // 5..256 bytes, rc4_default_impl()
  // Errors: bad_key_length, not_available (impl not in this build), invalid_argument (unknown).
  Status init(ByteView key, Rc4Impl impl) noexcept;
  Status crypt(MutableBytes out, ByteView in) noexcept;  // out.size() >= in.size(); in place ok
  void clear() noexcept;

  Rc4Impl impl() const noexcept { return m_impl; }
  const char* impl_name() const noexcept { return rc4_impl_name(m_impl); }

 private:
  uint8_t m_state[258] = {};  // S[256], i, j (crypto/rc4/rc4_internal.h)
  void (*m_crypt)(uint8_t*, uint8_t*, const uint8_t*, size_t) noexcept = nullptr;
  Rc4Impl m_impl = Rc4Impl::c;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_RC4_RC4_H
