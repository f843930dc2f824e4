// The ARM assembly AES (crypto/aes/arm/aes_armv4.S): that the build has every assembly variant
// its target must have (PETREL_TEST_AES_ASM_IMPLS from the toolchain, tests/aes/tests.cmake), and
// the ARM calling convention: each entry point called through the patterned harness
// (tests/bignum/call_harness_arm.S) must hand back r4-r11 and sp unchanged and still give the
// FIPS 197 Appendix C answers, with aligned and misaligned buffers. aes_asm_test.cpp runs every
// assembly variant over block counts and offsets; the NIST files run on every variant in
// aes_test.cpp and modes_test.cpp.
#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/aes/aes_internal.h"
#include "crypto/aes/aes_test_hooks.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::to_hex;

namespace {

TEST(AesAsm, TargetHasItsVariants) {
  std::istringstream names(PETREL_TEST_AES_ASM_IMPLS);
  std::string name;
  size_t n = 0;
  while (names >> name) {
    AesImpl impl = AesImpl::ct;
    EXPECT_EQ(aes_impl_from_name(&impl, name.c_str()), Status::ok) << name;
    EXPECT_TRUE(aes_impl_available(impl)) << name;
    EXPECT_FALSE(aes_impl_is_constant_time(impl)) << name << ": a table variant";
    EXPECT_EQ(aes_fastest_table_impl(), impl) << name;
    n++;
  }
  if (n == 0) {
    EXPECT_EQ(aes_fastest_table_impl(), AesImpl::table);
    AesImpl impl = AesImpl::ct;
    EXPECT_EQ(aes_impl_from_name(&impl, "armv4"), Status::not_available);
  }
  std::printf("[ aes asm  ] %zu assembly variant(s) expected and present\n", n);
}

#if defined(PETREL_TEST_AES_ARMV4)
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t* out);
constexpr size_t kSaved = 8;  // r4-r11, then the sp difference
const char* const kSavedNames[kSaved] = {"r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"};

uint32_t word(const void* p) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)); }

std::vector<uint8_t> from_hex(const char* h) {
  std::vector<uint8_t> out;
  for (size_t i = 0; h[i] != 0 && h[i + 1] != 0; i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoul(std::string(h + i, 2), nullptr, 16)));
  }
  return out;
}

// FIPS 197 Appendix C.1-C.3: plaintext 00112233445566778899aabbccddeeff, key 000102...
struct Fips197 {
  size_t key_len;
  const char* ct;
};
constexpr Fips197 kFips197[] = {{16, "69c4e0d86a7b0430d8cdb78070b4c55a"},
                                {24, "dda97ca4864cdfe06eaf70a0ec0d7191"},
                                {32, "8ea2b7ca516745bfeafc49904b496089"}};

TEST(AesAsm, Armv4CalleeSavedRegisters) {
  const std::vector<uint8_t> pt = from_hex("00112233445566778899aabbccddeeff");
  uint8_t k[32];
  for (size_t i = 0; i < sizeof(k); i++) {
    k[i] = static_cast<uint8_t>(i);
  }
  size_t calls = 0;
  for (const Fips197& v : kFips197) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k, v.key_len), AesImpl::armv4), Status::ok);
    const uint32_t* sched = aes_key_schedule_for_testing(key);
    const std::vector<uint8_t> ct = from_hex(v.ct);
    for (size_t off : {0u, 1u}) {
      // fn 0 encrypt, 1 decrypt, 2 CBC-encrypt from a zero IV (one block: the ECB answer).
      for (int fn = 0; fn < 3; fn++) {
        alignas(16) uint8_t in[48] = {};
        alignas(16) uint8_t out[48] = {};
        uint8_t iv[17] = {};
        std::memcpy(in + off, fn == 1 ? ct.data() : pt.data(), 16);
        const void* f = fn == 0   ? reinterpret_cast<const void*>(petrel_aes_encrypt_blocks_armv4)
                        : fn == 1 ? reinterpret_cast<const void*>(petrel_aes_decrypt_blocks_armv4)
                                  : reinterpret_cast<const void*>(petrel_aes_cbc_encrypt_armv4);
        const uint32_t args[7] = {word(sched), key.rounds(), word(out + off),
                                  word(in + off), 1, word(iv + off), 0};
        uint32_t saved[kSaved + 1];
        std::memset(saved, 0, sizeof(saved));
        petrel_test_call_patterned(f, args, saved);
        const std::string where = std::to_string(v.key_len * 8) + " fn " + std::to_string(fn) +
                                  " offset " + std::to_string(off);
        EXPECT_EQ(to_hex(out + off, 16), to_hex(fn == 1 ? pt : ct)) << where;
        EXPECT_EQ(out[off + 16], 0) << where << ": wrote past the block";
        if (fn == 2) {
          EXPECT_EQ(to_hex(iv + off, 16), to_hex(ct)) << where << ": IV not updated";
        }
        for (size_t i = 0; i < kSaved; i++) {
          const uint32_t want = 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1);
          EXPECT_EQ(saved[i], want) << where << " clobbered " << kSavedNames[i];
        }
        EXPECT_EQ(saved[kSaved], 0u) << where << ": sp moved";
        // nblocks 0: writes nothing, keeps the registers.
        const uint32_t none[7] = {word(sched), key.rounds(), word(out + off + 32),
                                  word(in + off), 0, word(iv + off), 0};
        petrel_test_call_patterned(f, none, saved);
        EXPECT_EQ(out[off + 32], 0) << where << " nblocks 0";
        for (size_t i = 0; i < kSaved; i++) {
          EXPECT_EQ(saved[i], 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1)) << where;
        }
        calls += 2;
      }
    }
  }
  std::printf("[ aes asm  ] armv4: %zu patterned calls, FIPS 197 C.1-C.3 answers\n", calls);
}

// "fixslice-armv4" (crypto/aes/arm/aes_fixslice_armv4.S, generated): the rounds entry
// petrel_aes_fixslice_encrypt_armv4(q, schedule, rounds) through the patterned harness must
// give the direct call's state and hand back r4-r11 and sp; the block entry through the harness
// must give the FIPS 197 C.1-C.3 answers (one block, and two equal blocks: both bitsliced lanes).
TEST(AesAsm, FixsliceArmv4CalleeSavedRegisters) {
  const std::vector<uint8_t> pt = from_hex("00112233445566778899aabbccddeeff");
  uint8_t k[32];
  for (size_t i = 0; i < sizeof(k); i++) {
    k[i] = static_cast<uint8_t>(i);
  }
  size_t calls = 0;
  for (const Fips197& v : kFips197) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k, v.key_len), AesImpl::fixslice_armv4), Status::ok);
    uint32_t q_direct[8];
    uint32_t q_harness[8];
    for (size_t i = 0; i < 8; i++) {
      q_direct[i] = 0x01234567u * static_cast<uint32_t>(i + 1) ^ static_cast<uint32_t>(v.key_len);
      q_harness[i] = q_direct[i];
    }
    petrel_aes_fixslice_encrypt_armv4(q_direct, aes_key_schedule_for_testing(key), key.rounds());
    uint32_t saved[kSaved + 1];
    const uint32_t args[7] = {word(q_harness), word(aes_key_schedule_for_testing(key)), key.rounds(), 0, 0, 0, 0};
    std::memset(saved, 0, sizeof(saved));
    petrel_test_call_patterned(reinterpret_cast<const void*>(petrel_aes_fixslice_encrypt_armv4),
                               args, saved);
    EXPECT_EQ(std::memcmp(q_direct, q_harness, sizeof(q_direct)), 0) << v.key_len;
    for (size_t i = 0; i < kSaved; i++) {
      EXPECT_EQ(saved[i], 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1))
          << "rounds entry clobbered " << kSavedNames[i];
    }
    EXPECT_EQ(saved[kSaved], 0u) << "rounds entry: sp moved";
    calls++;
    const std::vector<uint8_t> ct = from_hex(v.ct);
    for (size_t off : {0u, 1u}) {
      for (uint32_t nblocks : {1u, 2u}) {
        uint8_t in[2 * 16 + 1] = {};
        uint8_t out[3 * 16 + 1] = {};
        std::memcpy(in + off, pt.data(), 16);
        std::memcpy(in + off + 16, pt.data(), 16);
        const uint32_t bargs[7] = {word(aes_key_schedule_for_testing(key)), key.rounds(), word(out + off),
                                   word(in + off), nblocks, 0, 0};
        std::memset(saved, 0, sizeof(saved));
        petrel_test_call_patterned(
            reinterpret_cast<const void*>(petrel_aes_encrypt_blocks_fixslice_armv4), bargs, saved);
        for (uint32_t b = 0; b < nblocks; b++) {
          EXPECT_EQ(to_hex(out + off + 16 * b, 16), to_hex(ct)) << v.key_len << " block " << b;
        }
        EXPECT_EQ(out[off + 16 * nblocks], 0) << "wrote past the blocks";
        for (size_t i = 0; i < kSaved; i++) {
          EXPECT_EQ(saved[i], 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1))
              << "block entry clobbered " << kSavedNames[i];
        }
        EXPECT_EQ(saved[kSaved], 0u) << "block entry: sp moved";
        calls++;
      }
    }
  }
  std::printf("[ aes asm  ] fixslice-armv4: %zu patterned calls, FIPS 197 C.1-C.3 answers\n",
              calls);
}
#endif

#if defined(PETREL_TEST_AES_ARMV7_NEON)
extern "C" uint32_t petrel_test_call_patterned_neon(const void* fn, const uint32_t args[7],
                                                    uint32_t* out);

// "armv7-neon" (crypto/aes/arm/neon/aes_armv7_neon.cpp): r4-r11, d8-d15 (AAPCS-VFP) and sp
// survive each entry point, with the FIPS 197 answers, 1 and 9 blocks (the padded tail and a
// full batch plus a tail), aligned and misaligned buffers.
uint32_t load_be32_test(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}

TEST(AesAsm, Armv7NeonCalleeSavedRegisters) {
  if (!aes_impl_available(AesImpl::armv7_neon)) {
    GTEST_SKIP() << "no NEON on this CPU";
  }
  const std::vector<uint8_t> pt = from_hex("00112233445566778899aabbccddeeff");
  uint8_t k[32];
  for (size_t i = 0; i < sizeof(k); i++) {
    k[i] = static_cast<uint8_t>(i);
  }
  size_t calls = 0;
  for (const Fips197& v : kFips197) {
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k, v.key_len), AesImpl::armv7_neon), Status::ok);
    AesKey ct_key;
    ASSERT_EQ(ct_key.init(ByteView(k, v.key_len), AesImpl::ct), Status::ok);
    const uint32_t* sched = aes_key_schedule_for_testing(key);
    const std::vector<uint8_t> ct = from_hex(v.ct);
    for (size_t off : {0u, 1u}) {
      for (uint32_t nblocks : {1u, 9u}) {
        // fn 0 encrypt, 1 decrypt, 2 CBC-encrypt from a zero IV (one block: the ECB answer).
        // fn 3: CTR32 from the counter block pt, over zeros: block 0 is the ECB answer, the
        // others are checked against "ct" on the incremented counter blocks.
        for (int fn = 0; fn < 4; fn++) {
          if (fn == 2 && nblocks != 1) {
            continue;
          }
          alignas(16) uint8_t in[9 * 16 + 4] = {};
          uint8_t iv[17] = {};
          alignas(16) uint8_t out[10 * 16 + 4] = {};
          for (uint32_t b = 0; b < nblocks; b++) {
            std::memcpy(in + off + 16 * b, fn == 1 ? ct.data() : pt.data(), 16);
          }
          if (fn == 3) {
            std::memset(in, 0, sizeof(in));
            std::memcpy(iv + off, pt.data(), 16);
          }
          const void* f =
              fn == 0   ? reinterpret_cast<const void*>(petrel_aes_encrypt_blocks_armv7_neon)
              : fn == 1 ? reinterpret_cast<const void*>(petrel_aes_decrypt_blocks_armv7_neon)
              : fn == 2 ? reinterpret_cast<const void*>(petrel_aes_cbc_encrypt_armv7_neon)
                        : reinterpret_cast<const void*>(petrel_aes_ctr32_armv7_neon);
          const uint32_t args[7] = {word(sched), key.rounds(), word(out + off),
                                    word(in + off), nblocks, word(iv + off), 0};
          uint32_t saved[8 + 16 + 1];
          std::memset(saved, 0, sizeof(saved));
          petrel_test_call_patterned_neon(f, args, saved);
          const std::string where = std::to_string(v.key_len * 8) + " fn " + std::to_string(fn) +
                                    " blocks " + std::to_string(nblocks) + " offset " +
                                    std::to_string(off);
          for (uint32_t b = 0; b < nblocks; b++) {
            if (fn == 3) {
              uint8_t cb[16];
              std::memcpy(cb, pt.data(), 16);
              uint32_t low = (uint32_t{cb[12]} << 24 | uint32_t{cb[13]} << 16 |
                              uint32_t{cb[14]} << 8 | pt[15]) + b;
              cb[12] = static_cast<uint8_t>(low >> 24);
              cb[13] = static_cast<uint8_t>(low >> 16);
              cb[14] = static_cast<uint8_t>(low >> 8);
              cb[15] = static_cast<uint8_t>(low);
              uint8_t e[16];
              ct_key.encrypt_blocks(e, cb, 1);
              EXPECT_EQ(to_hex(out + off + 16 * b, 16), to_hex(e, 16)) << where << " block " << b;
              if (b == 0) {
                EXPECT_EQ(to_hex(e, 16), to_hex(ct)) << where;
              }
              continue;
            }
            EXPECT_EQ(to_hex(out + off + 16 * b, 16), to_hex(fn == 1 ? pt : ct)) << where;
          }
          if (fn == 3) {
            EXPECT_EQ(load_be32_test(iv + off + 12), 0xccddeeffu + nblocks)
                << where << ": counter not advanced";
          }
          EXPECT_EQ(out[off + 16 * nblocks], 0) << where << ": wrote past the blocks";
          if (fn == 2) {
            EXPECT_EQ(to_hex(iv + off, 16), to_hex(ct)) << where << ": IV not updated";
          }
          for (size_t i = 0; i < 8; i++) {
            EXPECT_EQ(saved[i], 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1))
                << where << " clobbered " << kSavedNames[i];
          }
          for (size_t d = 0; d < 8; d++) {
            const uint32_t n = 0x0101u * static_cast<uint32_t>(d + 1);
            EXPECT_EQ(saved[8 + 2 * d], 0x5ac30000u + n) << where << " clobbered d" << 8 + d;
            EXPECT_EQ(saved[9 + 2 * d], 0x3c5a0000u + n) << where << " clobbered d" << 8 + d;
          }
          EXPECT_EQ(saved[24], 0u) << where << ": sp moved";
          calls++;
        }
      }
    }
  }
  std::printf("[ aes asm  ] armv7-neon: %zu patterned calls (r4-r11, d8-d15; ECB, CBC, CTR32), FIPS 197 C.1-C.3\n",
              calls);
}
#endif

}  // namespace
