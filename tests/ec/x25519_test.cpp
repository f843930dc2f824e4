// X25519 tests (crypto/ec/x25519.h), run against every implementation of the build:
//  - RFC 7748 section 5.2 vectors (pyca's copy, vectors/ecc/x25519/rfc7748.txt);
//  - the section 5.2 iterated vectors, typed in from the RFC text: 1 and 1,000 iterations on every
//    target; 1,000,000 iterations only where PETREL_X25519_MILLION is set (host builds register one
//    ctest test per implementation, ec_x25519_million_<impl>, tests/ec/tests.cmake);
//  - the section 6.1 Diffie-Hellman example (both public keys, both directions);
//  - the all-zero output refusal of section 6.1 for the small-order points;
//  - u-coordinate handling of section 5 (top bit ignored, non-canonical values reduced);
//  - keypair generation through an Rng, and agreement between implementations.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/ec/x25519.h"
#include "crypto/rand/rng.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::check_all_read;
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

namespace {

std::vector<X25519Impl> impls() {
  X25519Impl out[8];
  const size_t n = x25519_impls_available(out, 8);
  return std::vector<X25519Impl>(out, out + n);
}

std::vector<uint8_t> H(const char* hex) {
  std::vector<uint8_t> v = from_hex(hex);
  EXPECT_EQ(v.size(), 32u) << hex;
  v.resize(32);
  return v;
}

TEST(X25519, Rfc7748Section5_2File) {
  VectorFile f;
  ASSERT_TRUE(f.load("ecc/x25519/rfc7748.txt"));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    c.number("COUNT");
    const std::vector<uint8_t> k = c.bytes("INPUT_SCALAR");
    const std::vector<uint8_t> u = c.bytes("INPUT_U");
    const std::vector<uint8_t> want = c.bytes("OUTPUT_U");
    check_all_read(c);
    ASSERT_EQ(k.size(), 32u);
    ASSERT_EQ(u.size(), 32u);
    for (X25519Impl impl : impls()) {
      uint8_t out[32];
      ASSERT_EQ(x25519(out, k.data(), u.data(), impl), Status::ok) << c.where();
      EXPECT_EQ(to_hex(out, 32), to_hex(want)) << c.where() << " " << x25519_impl_name(impl);
    }
    n++;
  }
  report_cases("RFC 7748 5.2 (pyca rfc7748.txt)", n);
}

// Section 5.2: k = u = 9; k, u = X25519(k, u), k; the result is k.
std::string iterate(X25519Impl impl, unsigned long iterations) {
  uint8_t k[32] = {9};
  uint8_t u[32] = {9};
  for (unsigned long i = 0; i < iterations; i++) {
    uint8_t r[32];
    EXPECT_EQ(x25519(r, k, u, impl), Status::ok);
    std::memcpy(u, k, 32);
    std::memcpy(k, r, 32);
  }
  return to_hex(k, 32);
}

TEST(X25519, Rfc7748Section5_2Iterated) {
  size_t n = 0;
  for (X25519Impl impl : impls()) {
    EXPECT_EQ(iterate(impl, 1), "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079")
        << x25519_impl_name(impl);
    EXPECT_EQ(iterate(impl, 1000), "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51")
        << x25519_impl_name(impl);
    n += 2;
  }
  report_cases("RFC 7748 5.2 iterated, 1 and 1,000 (x implementations)", n);
}

TEST(X25519, Rfc7748Section5_2IteratedMillion) {
  // PETREL_X25519_MILLION: "all", or one implementation's name (one ctest test per
  // implementation, so that they run in parallel).
  const char* env = std::getenv("PETREL_X25519_MILLION");
  if (env == nullptr || env[0] == '\0') {
    GTEST_SKIP() << "1,000,000 iterations: set PETREL_X25519_MILLION=all or =<impl> "
                    "(ctest ec_x25519_million_*)";
  }
  const bool all = std::strcmp(env, "all") == 0;
  X25519Impl only = kX25519DefaultImpl;
  if (!all) {
    ASSERT_EQ(x25519_impl_from_name(&only, env), Status::ok) << "PETREL_X25519_MILLION=" << env;
  }
  size_t n = 0;
  for (X25519Impl impl : impls()) {
    if (!all && impl != only) {
      continue;
    }
    EXPECT_EQ(iterate(impl, 1000000),
              "7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f665424")
        << x25519_impl_name(impl);
    n++;
  }
  report_cases(std::string("RFC 7748 5.2 iterated, 1,000,000 (") + env + ")", n);
}

TEST(X25519, Rfc7748Section6_1DiffieHellman) {
  const std::vector<uint8_t> a = H("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  const std::vector<uint8_t> b = H("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  const std::string a_pub = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  const std::string b_pub = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  const std::string k = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
  for (X25519Impl impl : impls()) {
    uint8_t pa[32], pb[32], ka[32], kb[32];
    ASSERT_EQ(x25519_public_key(pa, a.data(), impl), Status::ok);
    ASSERT_EQ(x25519_public_key(pb, b.data(), impl), Status::ok);
    EXPECT_EQ(to_hex(pa, 32), a_pub);
    EXPECT_EQ(to_hex(pb, 32), b_pub);
    ASSERT_EQ(x25519(ka, a.data(), pb, impl), Status::ok);
    ASSERT_EQ(x25519(kb, b.data(), pa, impl), Status::ok);
    EXPECT_EQ(to_hex(ka, 32), k) << x25519_impl_name(impl);
    EXPECT_EQ(to_hex(kb, 32), k) << x25519_impl_name(impl);
    // Output aliasing the point or the scalar.
    uint8_t buf[32];
    std::memcpy(buf, pb, 32);
    ASSERT_EQ(x25519(buf, a.data(), buf, impl), Status::ok);
    EXPECT_EQ(to_hex(buf, 32), k);
    std::memcpy(buf, a.data(), 32);
    ASSERT_EQ(x25519(buf, buf, pb, impl), Status::ok);
    EXPECT_EQ(to_hex(buf, 32), k);
  }
}

// Points of small order (and their non-canonical encodings) give the all-zero output, which
// section 6.1 says to refuse. The list is the usual one (libsodium, BoringSSL): 0, 1, the two
// points of order 8, p - 1, p, p + 1, and the same with the top bit set.
TEST(X25519, AllZeroOutputRefused) {
  const char* const kLowOrder[] = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000080",
      "0100000000000000000000000000000000000000000000000000000000000080",
      "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
      "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
  };
  std::mt19937 rng(7748);
  size_t n = 0;
  for (X25519Impl impl : impls()) {
    for (const char* hex : kLowOrder) {
      const std::vector<uint8_t> u = H(hex);
      for (int i = 0; i < 3; i++) {
        uint8_t k[32];
        for (uint8_t& x : k) {
          x = static_cast<uint8_t>(rng());
        }
        uint8_t out[32];
        EXPECT_EQ(x25519(out, k, u.data(), impl), Status::invalid_argument) << hex;
        EXPECT_EQ(to_hex(out, 32), std::string(64, '0')) << hex;
      }
      n++;
    }
  }
  report_cases("small-order points refused (x implementations)", n);
}

// Section 5: the top bit of u is ignored, and u >= p is taken mod p.
TEST(X25519, UCoordinateDecoding) {
  const std::vector<uint8_t> k = H("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
  for (X25519Impl impl : impls()) {
    // u = 9 and u = 9 + p = 2^255 - 10 (f6 ff .. ff 7f).
    uint8_t u[32] = {9};
    std::vector<uint8_t> u_p = H("f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    uint8_t a[32], b[32], c[32];
    ASSERT_EQ(x25519(a, k.data(), u, impl), Status::ok);
    ASSERT_EQ(x25519(b, k.data(), u_p.data(), impl), Status::ok);
    EXPECT_EQ(to_hex(a, 32), to_hex(b, 32));
    u[31] |= 0x80;
    ASSERT_EQ(x25519(c, k.data(), u, impl), Status::ok);
    EXPECT_EQ(to_hex(a, 32), to_hex(c, 32));
    // The public key of k is X25519(k, 9).
    ASSERT_EQ(x25519_public_key(b, k.data(), impl), Status::ok);
    EXPECT_EQ(to_hex(a, 32), to_hex(b, 32));
  }
}

TEST(X25519, ImplementationsAgree) {
  const std::vector<X25519Impl> all = impls();
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0], X25519Impl::fe32);
  EXPECT_TRUE(x25519_impl_available(kX25519DefaultImpl));
  for (X25519Impl impl : all) {
    EXPECT_TRUE(x25519_impl_is_constant_time(impl));
    X25519Impl back;
    EXPECT_EQ(x25519_impl_from_name(&back, x25519_impl_name(impl)), Status::ok);
    EXPECT_EQ(back, impl);
  }
  X25519Impl x;
  EXPECT_EQ(x25519_impl_from_name(&x, "nonesuch"), Status::unsupported);
  if (!x25519_impl_available(X25519Impl::fe64)) {
    uint8_t out[32], k[32] = {1}, u[32] = {9};
    EXPECT_EQ(x25519(out, k, u, X25519Impl::fe64), Status::not_available);
  }
  std::mt19937 rng(25519);
  for (int i = 0; i < 40; i++) {
    uint8_t k[32], u[32];
    for (size_t j = 0; j < 32; j++) {
      k[j] = static_cast<uint8_t>(rng());
      u[j] = static_cast<uint8_t>(rng());
    }
    if (i % 8 == 1) {
      std::memset(u, 0xff, 32);  // non-canonical, top bit set
    }
    std::string first;
    for (X25519Impl impl : all) {
      uint8_t out[32];
      const Status s = x25519(out, k, u, impl);
      ASSERT_TRUE(s == Status::ok || s == Status::invalid_argument);
      if (first.empty()) {
        first = to_hex(out, 32);
      } else {
        EXPECT_EQ(to_hex(out, 32), first) << x25519_impl_name(impl) << " case " << i;
      }
    }
  }
  std::printf("[ impls    ] x25519: %zu (default %s)\n", all.size(), x25519_impl_name(kX25519DefaultImpl));
}

class CountingRng final : public Rng {
 public:
  explicit CountingRng(bool fail) : m_fail(fail) {}
  Status generate(MutableBytes out) noexcept override {
    if (m_fail) {
      return Status::rng_failure;
    }
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = static_cast<uint8_t>(m_next++ * 37 + 11);
    }
    return Status::ok;
  }

 private:
  bool m_fail;
  uint32_t m_next = 0;
};

TEST(X25519, Keypair) {
  for (X25519Impl impl : impls()) {
    CountingRng rng(false);
    uint8_t pub1[32], priv1[32], pub2[32], priv2[32];
    ASSERT_EQ(x25519_keypair(pub1, priv1, rng, impl), Status::ok);
    ASSERT_EQ(x25519_keypair(pub2, priv2, rng, impl), Status::ok);
    EXPECT_NE(to_hex(priv1, 32), to_hex(priv2, 32));
    uint8_t check[32];
    ASSERT_EQ(x25519_public_key(check, priv1, impl), Status::ok);
    EXPECT_EQ(to_hex(check, 32), to_hex(pub1, 32));
    uint8_t k1[32], k2[32];
    ASSERT_EQ(x25519(k1, priv1, pub2, impl), Status::ok);
    ASSERT_EQ(x25519(k2, priv2, pub1, impl), Status::ok);
    EXPECT_EQ(to_hex(k1, 32), to_hex(k2, 32));
    // Default Rng too.
    ASSERT_EQ(x25519_keypair(pub1, priv1, default_rng(), impl), Status::ok);
    CountingRng bad(true);
    std::memset(pub1, 0xaa, 32);
    std::memset(priv1, 0xaa, 32);
    EXPECT_EQ(x25519_keypair(pub1, priv1, bad, impl), Status::rng_failure);
    EXPECT_EQ(to_hex(pub1, 32), std::string(64, '0'));
    EXPECT_EQ(to_hex(priv1, 32), std::string(64, '0'));
  }
  uint8_t b[32] = {};
  EXPECT_EQ(x25519(nullptr, b, b), Status::invalid_argument);
}

}  // namespace

#if defined(PETREL_TEST_X25519_ARMV6)
#include "crypto/ec/x25519_internal.h"

// tests/bignum/call_harness_arm.S: calls fn with r4-r11 patterned and reports them after.
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t out[9]);

namespace {

// a mod 2^255 - 19 for an 8-word value below 2^256 (at most two subtractions of p).
std::vector<uint32_t> reduce_mod_p(const uint32_t* a) {
  static const uint32_t kP[8] = {0xffffffedu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
                                 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x7fffffffu};
  std::vector<uint32_t> x(a, a + 8);
  for (int round = 0; round < 2; round++) {
    bool ge = true;
    for (int i = 7; i >= 0; i--) {
      if (x[i] != kP[i]) {
        ge = x[i] > kP[i];
        break;
      }
    }
    if (!ge) {
      break;
    }
    uint64_t borrow = 0;
    for (int i = 0; i < 8; i++) {
      const uint64_t d = uint64_t{x[i]} - kP[i] - borrow;
      x[i] = static_cast<uint32_t>(d);
      borrow = (d >> 32) & 1u;
    }
  }
  return x;
}

// The armv6 field multiply through the harness: products whose values mod p were computed with
// Python's integers (the extremes 2^256 - 1 and p - 1, a random pair, 2^255 + 12345 times 38),
// also squaring and in place; r4-r11 and sp are as before each call. The row is available on
// every ARMv6+ build (a build that silently lost it fails here).
TEST(X25519, Armv6FieldMultiplyThroughCallHarness) {
  ASSERT_TRUE(x25519_impl_available(X25519Impl::armv6));
  EXPECT_EQ(kX25519DefaultImpl, X25519Impl::armv6);
  struct Case {
    uint32_t a[8], b[8], want[8];
  };
  static const Case kCases[] = {
      {{0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
        0xffffffffu},
       {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
        0xffffffffu},
       {0x00000559u, 0, 0, 0, 0, 0, 0, 0}},
      {{0xffffffecu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
        0x7fffffffu},
       {0xffffffecu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
        0x7fffffffu},
       {0x00000001u, 0, 0, 0, 0, 0, 0, 0}},
      {{0x3b163cd4u, 0xe9b5fe10u, 0x345ee74fu, 0xdb2b7f65u, 0xba73615cu, 0x8256a76eu, 0x7e987e24u,
        0xaf3ffda5u},
       {0x61f8edccu, 0x9f970799u, 0x6b993006u, 0xe50eecb3u, 0x17e38378u, 0x08eb3e8eu, 0x615849ceu,
        0x79bd50beu},
       {0x54d9e549u, 0x9a3d245eu, 0xc8497566u, 0xc1f30d2eu, 0x033bae36u, 0x113f6e72u, 0x7ea6b394u,
        0x27687211u}},
      {{0x00003039u, 0, 0, 0, 0, 0, 0, 0x80000000u},
       {0x00000026u, 0, 0, 0, 0, 0, 0, 0},
       {0x00072b48u, 0, 0, 0, 0, 0, 0, 0}},
  };
  size_t n = 0;
  for (const Case& c : kCases) {
    for (int mode = 0; mode < 2; mode++) {  // 0: out separate, 1: out == a
      uint32_t a[8], out[8] = {};
      std::memcpy(a, c.a, sizeof(a));
      uint32_t* o = mode == 0 ? out : a;
      const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(o)),
                                static_cast<uint32_t>(reinterpret_cast<uintptr_t>(a)),
                                static_cast<uint32_t>(reinterpret_cast<uintptr_t>(c.b)), 0, 0, 0,
                                0};
      uint32_t regs[9] = {};
      petrel_test_call_patterned(reinterpret_cast<const void*>(petrel_fe25519_mul_armv6), args,
                                 regs);
      for (uint32_t r = 0; r < 8; r++) {
        EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << "r" << (4 + r);
      }
      EXPECT_EQ(regs[8], 0u) << "sp moved";
      EXPECT_EQ(reduce_mod_p(o), std::vector<uint32_t>(c.want, c.want + 8)) << "case " << n;
      n++;
    }
  }
  // Squares (a == b) of the same inputs against a * a computed by the multiply of two copies.
  for (const Case& c : kCases) {
    uint32_t a[8], a2[8], sq[8], prod[8];
    std::memcpy(a, c.a, sizeof(a));
    std::memcpy(a2, c.a, sizeof(a2));
    petrel_fe25519_mul_armv6(sq, a, a);
    petrel_fe25519_mul_armv6(prod, a, a2);
    EXPECT_EQ(reduce_mod_p(sq), reduce_mod_p(prod));
    n++;
  }
  report_cases("armv6 GF(2^255-19) multiply (Python-computed products) through the call harness",
               n);
}

}  // namespace
#endif
