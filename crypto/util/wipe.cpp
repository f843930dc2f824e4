// secure_wipe: writes through a volatile pointer, then a compiler barrier that claims to read
// the memory, so neither the stores nor the call can be elided (mbedTLS platform_zeroize,
// BoringSSL OPENSSL_cleanse).
#include "crypto/util/wipe.h"

#include <cstring>

namespace petrel {

void secure_wipe(void* p, size_t n) noexcept {
  if (p == nullptr || n == 0) {
    return;
  }
  volatile unsigned char* vp = static_cast<volatile unsigned char*>(p);
  for (size_t i = 0; i < n; i++) {
    vp[i] = 0;
  }
#if defined(__GNUC__) || defined(__clang__)
  __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

}  // namespace petrel
