// AES-GCM authenticated encryption (NIST SP 800-38D).
//
// GHASH variants (the table in gcm.cpp, crypto/util/variant.h; tests/util/variant_headers_test
// checks this list against it), chosen by name with AesGcm::init(key, impl):
//   name          constant-time  notes
//   "armv7-neon"  yes            crypto/modes/arm/neon/ghash_armv7_neon.S: VMULL.P8 64x64
//                                carry-less products, Karatsuba; ARMv7-A, used if the CPU has
//                                NEON (crypto/cpu arm_neon())
//   "armv4"       no             crypto/modes/arm/ghash_armv4.S: the 4-bit table method in ARM
//                                assembly (ARMv4, armel and armhf)
//   "mips32r2"    no             crypto/modes/mips/r2/ghash_mips32r2.S: the 4-bit table method,
//                                MIPS32r2, either byte order
//   "table4"      no             Shoup's 4-bit table of multiples of H; faster, indices depend on
//                                the data and H
//   "armv4-ct"    yes            crypto/modes/arm/ghash_armv4_ct.S (generated): the "ct" method
//                                in ARM assembly (ARMv4, armel and armhf), every MUL's Rs with
//                                bits 31:30 = 10 (no early termination)
//   "ct"          yes            carry-less multiplication from 32-bit integer products with holes
//                                (BearSSL ghash_ctmul32 style), no table, no branch on data
// The entry points are extern "C" over the GHASH state words (crypto/modes/gcm_internal.h).
//
// AesGcm::init(key) without a name takes the fastest available GHASH of the AES row's class: the
// first available constant-time row for a constant-time AES ("armv7-neon" where there is NEON,
// else "armv4-ct" on ARM, else "ct"), the first available row otherwise (the table is fastest first: "armv7-neon",
// "armv4", "mips32r2", "table4"). The tag comparison is constant-time; on a bad tag no plaintext is
// released.
// Public API (installed): the declarations here are stable; variants (their names and enum
// values) are only ever added, and which ones a build has is its own (*_available()).
#ifndef PETREL_CRYPTO_MODES_GCM_H
#define PETREL_CRYPTO_MODES_GCM_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

constexpr size_t kGcmTagSize = 16;
constexpr size_t kGcmMinTagSize = 4;

enum class GhashImpl : uint8_t {
  ct = 0,
  table4 = 1,
  armv4 = 2,
  mips32r2 = 3,
  armv7_neon = 4,
  armv4_ct = 5,
};

const char* ghash_impl_name(GhashImpl impl) noexcept;
bool ghash_impl_is_constant_time(GhashImpl impl) noexcept;
bool ghash_impl_available(GhashImpl impl) noexcept;
Status ghash_impl_from_name(GhashImpl* out, const char* name) noexcept;
// Every GHASH variant in this build (and usable on this CPU), in table order; returns the count.
size_t ghash_impls_available(GhashImpl* out, size_t max) noexcept;
// Every variant the table lists, available or not; returns the count.
size_t ghash_impls_listed(GhashImpl* out, size_t max) noexcept;
// The GHASH AesGcm::init(key) uses with an AES key of implementation aes.
GhashImpl ghash_default_for(AesImpl aes) noexcept;

namespace ghash_detail {
struct GhashOps;
}  // namespace ghash_detail

class AesGcm final {
 public:
  AesGcm() noexcept = default;
  ~AesGcm();
  AesGcm(const AesGcm&) = delete;
  AesGcm& operator=(const AesGcm&) = delete;

  // Derives H = AES_K(0^128) and the GHASH tables. The key must outlive this object. Without
  // impl, GHASH is ghash_default_for(key->impl()). Errors: invalid_argument (no key, or an
  // unknown impl), not_available (impl not in this build or CPU).
  Status init(const AesKey* key) noexcept;
  Status init(const AesKey* key, GhashImpl impl) noexcept;
  // Wipes H and the GHASH tables and forgets the key; init() may be called again.
  void clear() noexcept;
  const char* ghash_impl_name() const noexcept;
  GhashImpl ghash_impl() const noexcept { return m_impl; }
  bool ghash_is_constant_time() const noexcept;

  // iv: 1 or more bytes (12 recommended). out.size() >= pt.size(); tag.size() in [4, 16].
  Status seal(MutableBytes out, MutableBytes tag, ByteView iv, ByteView aad, ByteView pt) noexcept;
  // tag.size() in [4, 16]. out.size() >= ct.size(). On a bad tag: Status::auth_failed and out
  // is wiped (nothing of the plaintext is released).
  Status open(MutableBytes out, ByteView iv, ByteView aad, ByteView ct, ByteView tag) noexcept;

  // GHASH state, implementation-private: the Shoup 4-bit table (16 entries of two 64-bit
  // halves) or, for ct, H's 9 Karatsuba operands and their bit reversals (18 words).
  static constexpr size_t kTableWords = 16 * 2;

 private:
  const AesKey* m_key = nullptr;
  const ghash_detail::GhashOps* m_ops = nullptr;
  GhashImpl m_impl = GhashImpl::ct;
  alignas(16) uint64_t m_table[kTableWords] = {};  // 4-bit table (table variant) or H (ct)
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_MODES_GCM_H
