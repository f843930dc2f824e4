// secure_wipe: zeroes memory so that the optimizer cannot remove it.
// With gcc and clang: memset (word stores, fast on the small cores) followed by an empty asm
// statement that takes the pointer and clobbers memory, so the compiler must assume the zeroes
// are read and cannot drop the stores (BoringSSL OPENSSL_cleanse). Elsewhere: byte stores through
// a volatile pointer (mbedTLS platform_zeroize).
#include "crypto/util/wipe.h"

#include <cstring>

namespace petrel {

void secure_wipe(void* p, size_t n) noexcept {
  if (p == nullptr || n == 0) {
    return;
  }
#if defined(__GNUC__) || defined(__clang__)
  std::memset(p, 0, n);
  __asm__ __volatile__("" : : "r"(p) : "memory");
#else
  volatile unsigned char* vp = static_cast<volatile unsigned char*>(p);
  for (size_t i = 0; i < n; i++) {
    vp[i] = 0;
  }
#endif
}

}  // namespace petrel
