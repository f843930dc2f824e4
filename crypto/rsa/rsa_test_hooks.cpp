// The RSA test hooks of rsa_test_hooks.h. Not part of libpetrel: this file is built into the
// petrel_test_hooks library that only the tests and fuzzers link (CMakeLists.txt), and
// tests/packaging/check_no_test_hooks.sh checks that the release library has none of it.
#include "crypto/rsa/rsa_test_hooks.h"

#include "crypto/rsa/rsa.h"
#include "crypto/util/ct.h"

namespace petrel {

// The private members the test hooks reach (rsa.h names this struct a friend).
struct RsaPrivateKeyAccess {
  static void poison_secrets(const RsaPrivateKey& key) noexcept {
    const bn::Modulus* factors[2] = {&key.m_p, &key.m_q};
    for (const bn::Modulus* f : factors) {
      CT_POISON(f->m, sizeof(f->m));
      CT_POISON(f->rr, sizeof(f->rr));
      CT_POISON(f->one, sizeof(f->one));
      CT_POISON(&f->m0inv, sizeof(f->m0inv));
    }
    CT_POISON(key.m_dp, sizeof(key.m_dp));
    CT_POISON(key.m_dq, sizeof(key.m_dq));
    CT_POISON(key.m_qinv, sizeof(key.m_qinv));
    CT_POISON(key.m_qinv_mont, sizeof(key.m_qinv_mont));
    CT_POISON(key.m_d, sizeof(key.m_d));
  }

  static bool flip_bit(RsaPrivateKey& key, RsaKeyFault part, size_t bit) noexcept {
    bn::Limb* limbs = nullptr;
    size_t n = 0;
    switch (part) {
      case RsaKeyFault::dp:
        limbs = key.m_dp;
        n = sizeof(key.m_dp) / sizeof(key.m_dp[0]);
        break;
      case RsaKeyFault::dq:
        limbs = key.m_dq;
        n = sizeof(key.m_dq) / sizeof(key.m_dq[0]);
        break;
      case RsaKeyFault::qinv:
        limbs = key.m_qinv_mont;
        n = sizeof(key.m_qinv_mont) / sizeof(key.m_qinv_mont[0]);
        break;
    }
    const size_t bits_per_limb = 8 * sizeof(bn::Limb);
    if (limbs == nullptr || bit >= n * bits_per_limb) {
      return false;
    }
    limbs[bit / bits_per_limb] ^= static_cast<bn::Limb>(1) << (bit % bits_per_limb);
    return true;
  }
};

void rsa_ct_poison_secrets_for_testing(const RsaPrivateKey& key) noexcept {
  RsaPrivateKeyAccess::poison_secrets(key);
}

bool rsa_flip_key_bit_for_testing(RsaPrivateKey& key, RsaKeyFault part, size_t bit) noexcept {
  return RsaPrivateKeyAccess::flip_bit(key, part, bit);
}

}  // namespace petrel
