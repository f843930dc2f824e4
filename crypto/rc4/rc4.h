// RC4 stream cipher. LEGACY: RC4 is broken (RFC 7465 prohibits it in TLS); it is here only to
// talk to old provisioning servers that offer nothing else. Keys of 5 to 256 bytes
// (40 to 2048 bits). Not constant-time (the state is a secret-indexed table by design).
#ifndef PETREL_CRYPTO_RC4_RC4_H
#define PETREL_CRYPTO_RC4_RC4_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class Rc4 final {
 public:
  Rc4() noexcept = default;
  ~Rc4();
  Rc4(const Rc4&) = delete;
  Rc4& operator=(const Rc4&) = delete;

  Status init(ByteView key) noexcept;                    // 5..256 bytes
  Status crypt(MutableBytes out, ByteView in) noexcept;  // out.size() >= in.size(); in place ok
  void clear() noexcept;

 private:
  uint8_t m_s[256] = {};
  uint8_t m_i = 0;
  uint8_t m_j = 0;
  bool m_set = false;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_RC4_RC4_H
