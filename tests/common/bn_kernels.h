// The big-number kernels available in this build, for tests that run every vector on each, and a
// scope that selects one and restores the previous kernel.
#ifndef PETREL_TESTS_COMMON_BN_KERNELS_H
#define PETREL_TESTS_COMMON_BN_KERNELS_H

#include <gtest/gtest.h>

#include <vector>

#include "crypto/bignum/bignum.h"

namespace petrel_test {

// Every available kernel (at least the portable one of this build's limb width).
inline std::vector<petrel::bn::BnKernel> all_bn_kernels() {
  petrel::bn::BnKernel k[16];
  const size_t n = petrel::bn::kernels_available(k, 16);
  EXPECT_GE(n, 1u);
  return std::vector<petrel::bn::BnKernel>(k, k + (n < 16 ? n : 16));
}

class BnKernelScope final {
 public:
  explicit BnKernelScope(petrel::bn::BnKernel k) : m_saved(petrel::bn::kernel_active()) {
    EXPECT_EQ(petrel::bn::kernel_select(k), petrel::Status::ok) << petrel::bn::kernel_name(k);
  }
  ~BnKernelScope() { (void)petrel::bn::kernel_select(m_saved); }
  BnKernelScope(const BnKernelScope&) = delete;
  BnKernelScope& operator=(const BnKernelScope&) = delete;

 private:
  petrel::bn::BnKernel m_saved;
};

}  // namespace petrel_test

#endif  // PETREL_TESTS_COMMON_BN_KERNELS_H
