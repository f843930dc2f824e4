// The DRBG test hook of rand_test_hooks.h. Not part of libpetrel: this file is built into the
// petrel_test_hooks library that only the tests and fuzzers link (CMakeLists.txt), and
// tests/packaging/check_no_test_hooks.sh checks that the release library has none of it.
#include "crypto/rand/rand_test_hooks.h"

#include <cstring>

namespace petrel {

// The private members the test hook reaches (hmac_drbg.h names this struct a friend).
struct HmacDrbgAccess {
  static Status export_state(const HmacDrbg& d, MutableBytes v, MutableBytes key) noexcept {
    if (!d.m_set) {
      return Status::invalid_argument;
    }
    if (v.size() < HmacDrbg::kOutLen || key.size() < HmacDrbg::kOutLen) {
      return Status::buffer_too_small;
    }
    std::memcpy(v.data(), d.m_v, HmacDrbg::kOutLen);
    std::memcpy(key.data(), d.m_key, HmacDrbg::kOutLen);
    return Status::ok;
  }
};

Status hmac_drbg_export_state_for_testing(const HmacDrbg& drbg, MutableBytes v,
                                          MutableBytes key) noexcept {
  return HmacDrbgAccess::export_state(drbg, v, key);
}

}  // namespace petrel
