// The callee-saved registers of the ChaCha20 and Poly1305 assembly entry points (the patterned
// call harness of tests/bignum, ARM builds; the NEON one of tests/chacha, r4-r11 and d8-d15, on
// ARMv7-A), each called on RFC 8439 data whose answer it checks.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "tests/chacha/chacha_test_util.h"

using namespace petrel;
using namespace petrel_chacha_test;
using petrel_test::check_all_read;
using petrel_test::from_hex;
using petrel_test::report_cases;
using petrel_test::to_hex;
using petrel_test::VectorCase;
using petrel_test::VectorFile;

#if defined(PETREL_TEST_CALL_HARNESS_ARM)
#include "crypto/chacha/chacha20_internal.h"
#include "crypto/chacha/poly1305_internal.h"

// tests/bignum/call_harness_arm.S: calls fn with r4-r11 patterned and reports them after.
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t out[9]);

namespace {

// The assembly entry point called through the harness, on the RFC 8439 section 2.4.2 message
// (two whole blocks of it, aligned and not): the output is the RFC's ciphertext and r4-r11 and
// sp are as before the call.
TEST(ChaCha20, AssemblyKeepsCalleeSavedRegisters) {
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce = H("000000000000004a00000000");
  const std::vector<uint8_t> pt = H(kSunscreenHex);
  const std::string want =
      "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
      "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
      "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
      "5af90bbf74a35be6b40b8eedf2785e42874d";
  uint32_t state[16] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u};
  for (int i = 0; i < 8; i++) {
    state[4 + i] = static_cast<uint32_t>(key[4 * i]) | (static_cast<uint32_t>(key[4 * i + 1]) << 8) |
                   (static_cast<uint32_t>(key[4 * i + 2]) << 16) |
                   (static_cast<uint32_t>(key[4 * i + 3]) << 24);
  }
  state[12] = 1;
  for (int i = 0; i < 3; i++) {
    state[13 + i] = static_cast<uint32_t>(nonce[4 * i]) |
                    (static_cast<uint32_t>(nonce[4 * i + 1]) << 8) |
                    (static_cast<uint32_t>(nonce[4 * i + 2]) << 16) |
                    (static_cast<uint32_t>(nonce[4 * i + 3]) << 24);
  }
  size_t n = 0;
  for (size_t off = 0; off < 4; off += 3) {
    alignas(4) uint8_t in[132] = {};
    alignas(4) uint8_t out[132] = {};
    std::memcpy(in + off, pt.data(), 112);
    const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(out + off)),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(in + off)), 2,
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(state)), 0, 0, 0};
    uint32_t regs[9] = {};
    petrel_test_call_patterned(reinterpret_cast<const void*>(petrel_chacha20_blocks_armv4), args,
                               regs);
    for (uint32_t r = 0; r < 8; r++) {
      EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << "r" << (4 + r);
    }
    EXPECT_EQ(regs[8], 0u) << "sp moved";
    EXPECT_EQ(to_hex(out + off, 112), want.substr(0, 224)) << "offset " << off;
    EXPECT_EQ(state[12], 1u) << "state is read only";
    n++;
  }
  report_cases("armv4 ChaCha20 through the call harness", n);
}

// The Poly1305 block function through the harness on the RFC 8439 section 2.5.2 example (two
// whole blocks at offsets 0 and 1, then the padded last one): the tag is the RFC's and r4-r11
// and sp are as before each call.
TEST(Poly1305, AssemblyKeepsCalleeSavedRegisters) {
  const std::vector<uint8_t> key =
      H("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
  const std::string msg = "Cryptographic Forum Research Group";
  ASSERT_EQ(msg.size(), 34u);
  size_t n = 0;
  for (size_t off = 0; off < 2; off++) {
    Poly1305::State st = {};
    petrel_poly1305_init_armv4(&st, key.data());
    alignas(4) uint8_t buf[40] = {};
    std::memcpy(buf + off, msg.data(), 32);
    alignas(4) uint8_t last[16] = {};
    std::memcpy(last, msg.data() + 32, 2);
    last[2] = 1;
    for (int call = 0; call < 2; call++) {
      const uint8_t* m = call == 0 ? buf + off : last;
      const uint32_t args[7] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&st)),
                                static_cast<uint32_t>(reinterpret_cast<uintptr_t>(m)),
                                call == 0 ? 2u : 1u, call == 0 ? 0u : 1u, 0, 0, 0};
      uint32_t regs[9] = {};
      petrel_test_call_patterned(reinterpret_cast<const void*>(petrel_poly1305_blocks_armv4), args,
                                 regs);
      for (uint32_t r = 0; r < 8; r++) {
        EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << "r" << (4 + r);
      }
      EXPECT_EQ(regs[8], 0u) << "sp moved";
      n++;
    }
    uint8_t tag[16];
    petrel_poly1305_finish_armv4(&st, tag);
    EXPECT_EQ(to_hex(tag, 16), "a8061dc1305136c6c22b8baf0c0127a9") << "offset " << off;
  }
  report_cases("armv4 Poly1305 through the call harness", n);
}

}  // namespace
#endif

#if defined(PETREL_TEST_CALL_HARNESS_NEON)
#include "crypto/chacha/chacha20_internal.h"

// tests/chacha/call_harness_neon.S: calls fn with r4-r11 and d8-d15 patterned, reports them after.
extern "C" uint32_t petrel_test_call_patterned_neon(const void* fn, const uint32_t args[4],
                                                    uint32_t out[25]);

namespace {

// The NEON entry point through the harness, on the RFC 8439 section 2.4.2 keystream (counter 1,
// zeros in): 1, 2, 3, 4 and 7 blocks (the one-block path, the three-block path and both), the
// first 114 bytes are the RFC's keystream; r4-r11, d8-d15 and sp are as before the call.
TEST(ChaCha20, NeonKeepsCalleeSavedRegisters) {
  if (!chacha20_impl_available(ChaCha20Impl::armv7_neon)) {
    GTEST_SKIP() << "no NEON on this CPU";
  }
  const std::vector<uint8_t> key = key_00_1f();
  const std::vector<uint8_t> nonce = H("000000000000004a00000000");
  const std::string keystream =
      "224f51f3401bd9e12fde276fb8631ded8c131f823d2c06e27e4fcaec9ef3cf78"
      "8a3b0aa372600a92b57974cded2b9334794cba40c63e34cdea212c4cf07d41b7"
      "69a6749f3f630f4122cafe28ec4dc47e26d4346d70b98c73f3e9c53ac40c5945"
      "398b6eda1a832c89c167eacd901d7e2bf363";
  uint32_t state[16] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u};
  for (int i = 0; i < 8; i++) {
    state[4 + i] = static_cast<uint32_t>(key[4 * i]) | (static_cast<uint32_t>(key[4 * i + 1]) << 8) |
                   (static_cast<uint32_t>(key[4 * i + 2]) << 16) |
                   (static_cast<uint32_t>(key[4 * i + 3]) << 24);
  }
  state[12] = 1;
  for (int i = 0; i < 3; i++) {
    state[13 + i] = static_cast<uint32_t>(nonce[4 * i]) |
                    (static_cast<uint32_t>(nonce[4 * i + 1]) << 8) |
                    (static_cast<uint32_t>(nonce[4 * i + 2]) << 16) |
                    (static_cast<uint32_t>(nonce[4 * i + 3]) << 24);
  }
  size_t n = 0;
  for (uint32_t nblocks : {1u, 2u, 3u, 4u, 7u}) {
    std::vector<uint8_t> in(64 * nblocks + 1, 0), out(64 * nblocks + 1, 0);
    const uint32_t args[4] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(out.data() + 1)),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(in.data() + 1)),
                              nblocks, static_cast<uint32_t>(reinterpret_cast<uintptr_t>(state))};
    uint32_t regs[25] = {};
    petrel_test_call_patterned_neon(reinterpret_cast<const void*>(petrel_chacha20_blocks_armv7_neon),
                                    args, regs);
    for (uint32_t r = 0; r < 8; r++) {
      EXPECT_EQ(regs[r], 0xa5c30000u + (r + 1) * 0x101u) << "r" << (4 + r);
    }
    for (uint32_t d = 8; d < 16; d++) {
      EXPECT_EQ(regs[8 + 2 * (d - 8)], 0x5a3c0000u + d * 0x101u) << "d" << d << " low";
      EXPECT_EQ(regs[9 + 2 * (d - 8)], 0x5a3c8000u + d * 0x101u) << "d" << d << " high";
    }
    EXPECT_EQ(regs[24], 0u) << "sp moved";
    const size_t check = nblocks * 64 < 114 ? nblocks * 64 : 114;
    EXPECT_EQ(to_hex(out.data() + 1, check), keystream.substr(0, 2 * check)) << nblocks;
    EXPECT_EQ(state[12], 1u) << "state is read only";
    n++;
  }
  report_cases("armv7-neon ChaCha20 through the NEON call harness", n);
}

}  // namespace
#endif
