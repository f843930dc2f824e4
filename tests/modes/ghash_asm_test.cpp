// The assembly GHASH variants (crypto/modes/arm/ghash_armv4.S, crypto/modes/mips/r2/
// ghash_mips32r2.S, crypto/modes/arm/neon/ghash_armv7_neon.S): that the build has every assembly
// variant its target must have (PETREL_TEST_GHASH_ASM_IMPLS, tests/modes/tests.cmake); that the
// default GHASH follows the AES row's constant-time class; each entry point called through the
// patterned call harness of tests/bignum (callee-saved registers and sp kept) on the GCM
// specification's Test Case 2 GHASH; and every variant against the portable "ct" one over block
// counts 0..9, misaligned data and random H. The NIST GCM files run every variant in
// gcm_test.cpp.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/gcm_internal.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::to_hex;

namespace {

using InitFn = void (*)(uint64_t*, const uint8_t*) noexcept;
using BlocksFn = void (*)(uint8_t*, const uint64_t*, const uint8_t*, size_t) noexcept;
struct AsmEntry {
  const char* name;
  InitFn init;
  BlocksFn blocks;
};

std::vector<AsmEntry> asm_entries() {
  std::vector<AsmEntry> v;
#if defined(PETREL_TEST_GHASH_ARMV4)
  v.push_back({"armv4", petrel_ghash_init_armv4, petrel_ghash_blocks_armv4});
  v.push_back({"armv4-ct", petrel_ghash_init_ct, petrel_ghash_blocks_armv4_ct});
#endif
#if defined(PETREL_TEST_GHASH_ARMV7_NEON)
  if (ghash_impl_available(GhashImpl::armv7_neon)) {
    v.push_back({"armv7-neon", petrel_ghash_init_armv7_neon, petrel_ghash_blocks_armv7_neon});
  }
#endif
#if defined(PETREL_TEST_GHASH_MIPS32R2)
  v.push_back({"mips32r2", petrel_ghash_init_mips32r2, petrel_ghash_blocks_mips32r2});
#endif
  return v;
}

std::vector<uint8_t> from_hex(const char* h) {
  std::vector<uint8_t> out;
  for (size_t i = 0; h[i] != 0 && h[i + 1] != 0; i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoul(std::string(h + i, 2), nullptr, 16)));
  }
  return out;
}

// McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)", Test Case 2 (AES-128, zero
// key, zero IV, one zero plaintext block): H, the ciphertext block, and
// GHASH(H, {}, C) = f38cbb1ad69223dcc3457ae5b6b0f885 (C then the lengths block 0^64 || 128).
constexpr const char* kH = "66e94bd4ef8a2c3b884cfa59ca342b2e";
constexpr const char* kC = "0388dace60b6a392f328c2b971b2fe78";
constexpr const char* kGhash = "f38cbb1ad69223dcc3457ae5b6b0f885";

std::vector<uint8_t> tc2_data() {
  std::vector<uint8_t> d = from_hex(kC);
  d.resize(32, 0);
  d[31] = 0x80;  // len(C) = 128 bits
  return d;
}

TEST(GhashAsm, TargetHasItsVariants) {
  std::istringstream names(PETREL_TEST_GHASH_ASM_IMPLS);
  std::string name;
  size_t n = 0;
  while (names >> name) {
    GhashImpl impl = GhashImpl::ct;
    EXPECT_EQ(ghash_impl_from_name(&impl, name.c_str()), Status::ok) << name;
    EXPECT_TRUE(ghash_impl_available(impl)) << name;
    EXPECT_EQ(ghash_impl_is_constant_time(impl), name == "armv7-neon") << name;
    n++;
  }
  if (n == 0) {
    GhashImpl impl = GhashImpl::ct;
    EXPECT_EQ(ghash_impl_from_name(&impl, "armv4"), Status::not_available);
  }
  // The constant-time ARM row ("armv4-ct") goes with the "armv4" one.
  GhashImpl ct_row = GhashImpl::ct;
  const bool want_ct_row = std::string(PETREL_TEST_GHASH_ASM_IMPLS).find("armv4") == 0;
  EXPECT_EQ(ghash_impl_from_name(&ct_row, "armv4-ct"), want_ct_row ? Status::ok
                                                                    : Status::not_available);
  EXPECT_EQ(ghash_impl_available(GhashImpl::armv4_ct), want_ct_row);
  EXPECT_TRUE(ghash_impl_is_constant_time(GhashImpl::armv4_ct));
  std::printf("[ ghash asm ] %zu assembly variant(s) expected and present\n", n);
}

// The default: a constant-time AES gets a constant-time GHASH; every AES gets the first
// available row of its class in the table (fastest first), which is an assembly one where the
// target has one.
TEST(GhashAsm, DefaultFollowsConstantTimeClass) {
  AesImpl aes[16];
  const size_t na = aes_impls_available(aes, 16);
  GhashImpl listed[16];
  const size_t nl = ghash_impls_listed(listed, 16);
  ASSERT_GE(na, 2u);
  for (size_t i = 0; i < na && i < 16; i++) {
    const bool want_ct = aes_impl_is_constant_time(aes[i]);
    const GhashImpl d = ghash_default_for(aes[i]);
    EXPECT_TRUE(ghash_impl_available(d)) << aes_impl_name(aes[i]);
    if (want_ct) {
      EXPECT_TRUE(ghash_impl_is_constant_time(d)) << aes_impl_name(aes[i]);
    }
    for (size_t j = 0; j < nl && listed[j] != d; j++) {
      EXPECT_FALSE(ghash_impl_available(listed[j]) &&
                   (!want_ct || ghash_impl_is_constant_time(listed[j])))
          << aes_impl_name(aes[i]) << ": " << ghash_impl_name(listed[j]) << " comes first";
    }
    std::printf("[ ghash asm ] AES %s -> GHASH %s\n", aes_impl_name(aes[i]), ghash_impl_name(d));
  }
  std::istringstream names(PETREL_TEST_GHASH_ASM_IMPLS);
  std::string first;
  if (names >> first) {
    EXPECT_STRNE(ghash_impl_name(ghash_default_for(AesImpl::table)), "table4")
        << "an assembly GHASH exists but the table AES does not get it";
  }
}

TEST(GhashAsm, MatchesPortableOverShapes) {
  std::mt19937 rng(10);
  size_t n = 0;
  for (const AsmEntry& e : asm_entries()) {
    // The specification's answer first.
    {
      alignas(16) uint64_t table[AesGcm::kTableWords] = {};
      const std::vector<uint8_t> h = from_hex(kH);
      e.init(table, h.data());
      uint8_t y[16] = {};
      const std::vector<uint8_t> d = tc2_data();
      e.blocks(y, table, d.data(), 2);
      EXPECT_EQ(to_hex(y, 16), kGhash) << e.name;
      n++;
    }
    for (int iter = 0; iter < 40; iter++) {
      uint8_t h[16];
      uint8_t y0[16];
      for (size_t i = 0; i < 16; i++) {
        h[i] = static_cast<uint8_t>(rng());
        y0[i] = static_cast<uint8_t>(rng());
      }
      if (iter == 0) {
        std::memset(h, 0xff, sizeof(h));
      }
      // Extreme operands (the holes of the "ct" multipliers at their fullest): all-ones H, Y
      // and data; H = 1 (the top bit of the reflected element) with all-ones data.
      const bool ones = iter == 1 || iter == 2;
      if (ones) {
        std::memset(h, iter == 1 ? 0xff : 0x00, sizeof(h));
        h[0] = iter == 1 ? 0xff : 0x80;
        std::memset(y0, 0xff, sizeof(y0));
      }
      const size_t nblocks = static_cast<size_t>(iter % 10);
      const size_t off = static_cast<size_t>(iter % 4);
      std::vector<uint8_t> buf(off + 16 * nblocks + 1);
      for (uint8_t& b : buf) {
        b = ones ? 0xff : static_cast<uint8_t>(rng());
      }
      alignas(16) uint64_t tref[AesGcm::kTableWords] = {};
      alignas(16) uint64_t tasm[AesGcm::kTableWords] = {};
      petrel_ghash_init_ct(tref, h);
      e.init(tasm, h);
      uint8_t yref[17];
      uint8_t yasm[17];
      std::memcpy(yref, y0, 16);
      std::memcpy(yasm + 1, y0, 16);  // y misaligned too
      petrel_ghash_blocks_ct(yref, tref, buf.data() + off, nblocks);
      e.blocks(yasm + 1, tasm, buf.data() + off, nblocks);
      EXPECT_EQ(to_hex(yasm + 1, 16), to_hex(yref, 16))
          << e.name << " nblocks " << nblocks << " offset " << off;
      n++;
    }
  }
  std::printf("[ ghash asm ] %zu shape cases over %zu assembly variant(s)\n", n,
              asm_entries().size());
}

#if defined(PETREL_TEST_GHASH_ARMV4) || defined(PETREL_TEST_GHASH_MIPS32R2)
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t* out);
#if defined(PETREL_TEST_GHASH_ARMV4)
constexpr size_t kSaved = 8;  // r4-r11, then the sp difference
const char* const kSavedNames[kSaved] = {"r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"};
#else
constexpr size_t kSaved = 10;  // s0-s7, fp, gp, then the sp difference
const char* const kSavedNames[kSaved] = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "fp", "gp"};
#endif

uint32_t word(const void* p) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)); }

TEST(GhashAsm, CalleeSavedRegisters) {
  size_t calls = 0;
  for (const AsmEntry& e : asm_entries()) {
    alignas(16) uint64_t table[AesGcm::kTableWords] = {};
    const std::vector<uint8_t> h = from_hex(kH);
    e.init(table, h.data());
    for (size_t off : {0u, 1u}) {
      for (size_t nblocks : {2u, 0u}) {
        uint8_t data[40] = {};
        const std::vector<uint8_t> d = tc2_data();
        std::memcpy(data + off, d.data(), d.size());
        uint8_t y[18] = {};
        const uint32_t args[7] = {word(y + off), word(table), word(data + off), nblocks, 0, 0, 0};
        uint32_t saved[kSaved + 1];
        std::memset(saved, 0, sizeof(saved));
        petrel_test_call_patterned(reinterpret_cast<const void*>(e.blocks), args, saved);
        const std::string where = std::string(e.name) + " nblocks " + std::to_string(nblocks) +
                                  " offset " + std::to_string(off);
        EXPECT_EQ(to_hex(y + off, 16), nblocks == 0 ? std::string(32, '0') : std::string(kGhash))
            << where;
        EXPECT_EQ(y[off + 16], 0) << where << ": wrote past Y";
        for (size_t i = 0; i < kSaved; i++) {
          const uint32_t want = 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1);
          EXPECT_EQ(saved[i], want) << where << " clobbered " << kSavedNames[i];
        }
        EXPECT_EQ(saved[kSaved], 0u) << where << ": sp moved";
        calls++;
      }
    }
  }
  std::printf("[ ghash asm ] %zu patterned calls, GCM Test Case 2 GHASH\n", calls);
}
#endif

#if defined(PETREL_TEST_GHASH_ARMV7_NEON)
extern "C" void petrel_test_call_patterned_neon(const void* fn, const uint32_t args[4],
                                                uint64_t* out);

// The AAPCS VFP/NEON callee-saved registers d8-d15 (tests/modes/call_harness_neon.S), with the
// same Test Case 2 answer.
TEST(GhashAsm, NeonCalleeSavedRegisters) {
  if (!ghash_impl_available(GhashImpl::armv7_neon)) {
    GTEST_SKIP() << "no NEON on this CPU";
  }
  alignas(16) uint64_t table[AesGcm::kTableWords] = {};
  const std::vector<uint8_t> h = from_hex(kH);
  petrel_ghash_init_armv7_neon(table, h.data());
  size_t calls = 0;
  for (size_t nblocks : {2u, 0u}) {
    const std::vector<uint8_t> d = tc2_data();
    uint8_t y[16] = {};
    const uint32_t args[4] = {static_cast<uint32_t>(reinterpret_cast<uintptr_t>(y)),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(table)),
                              static_cast<uint32_t>(reinterpret_cast<uintptr_t>(d.data())),
                              static_cast<uint32_t>(nblocks)};
    uint64_t out[8] = {};
    petrel_test_call_patterned_neon(reinterpret_cast<const void*>(petrel_ghash_blocks_armv7_neon),
                                    args, out);
    EXPECT_EQ(to_hex(y, 16), nblocks == 0 ? std::string(32, '0') : std::string(kGhash));
    for (unsigned i = 0; i < 8; i++) {
      const uint64_t want = (uint64_t{0xa5c30000u + 0x0101u * (i + 8)} << 32) |
                            (0x5a3c0000u + 0x0101u * (i + 8));
      EXPECT_EQ(out[i], want) << "clobbered d" << (i + 8) << " nblocks " << nblocks;
    }
    calls++;
  }
  std::printf("[ ghash asm ] armv7-neon: %zu calls with d8-d15 patterned\n", calls);
}
#endif

}  // namespace
