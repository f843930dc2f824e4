// HMAC (RFC 2104, FIPS 198-1) over any HashAlg. Keys longer than the block size are hashed
// first. Key material is wiped on final() and in the destructor.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_MAC_HMAC_H
#define PETREL_CRYPTO_MAC_HMAC_H

#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class HmacCtx final {
 public:
  HmacCtx() noexcept = default;
  ~HmacCtx();
  HmacCtx(const HmacCtx&) noexcept = default;
  HmacCtx& operator=(const HmacCtx&) noexcept = default;

  Status init(HashAlg alg, ByteView key) noexcept;
  void update(ByteView in) noexcept;
  // Writes the full tag (hash_digest_size(alg) bytes); out.size() must be at least that.
  Status final(MutableBytes out) noexcept;
  size_t tag_size() const noexcept { return m_inner.digest_size(); }

 private:
  HashCtx m_inner;
  HashCtx m_outer;
  bool m_set = false;
};

// One-shot. out.size() >= hash_digest_size(alg).
Status hmac(HashAlg alg, MutableBytes out, ByteView key, ByteView msg) noexcept;

// Constant-time verification of a (possibly truncated, >= 1 byte) tag.
Status hmac_verify(HashAlg alg, ByteView key, ByteView msg, ByteView tag) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_MAC_HMAC_H
