// secure_wipe: zeroes memory in a way the optimizer cannot remove.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_UTIL_WIPE_H
#define PETREL_CRYPTO_UTIL_WIPE_H

#include <cstddef>

namespace petrel {

void secure_wipe(void* p, size_t n) noexcept;

template <typename T>
inline void secure_wipe_object(T& obj) noexcept {
  secure_wipe(&obj, sizeof(obj));
}

}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_WIPE_H
