// AES-GCM authenticated encryption (NIST SP 800-38D).
// GHASH follows the AesKey's implementation: with the "ct" AES it uses a constant-time carry-less
// multiplication; with "table" a 4-bit table (Shoup), which is faster and not constant-time.
// The tag comparison is constant-time; on a bad tag no plaintext is released.
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

class AesGcm final {
 public:
  AesGcm() noexcept = default;
  ~AesGcm();
  AesGcm(const AesGcm&) = delete;
  AesGcm& operator=(const AesGcm&) = delete;

  // Derives H = AES_K(0^128) and the GHASH tables. The key must outlive this object.
  Status init(const AesKey* key) noexcept;
  // Wipes H and the GHASH tables and forgets the key; init() may be called again.
  void clear() noexcept;
  const char* ghash_impl_name() const noexcept;
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
  bool m_ct = true;
  alignas(16) uint64_t m_table[kTableWords] = {};  // 4-bit table (table variant) or H (ct)
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_MODES_GCM_H
