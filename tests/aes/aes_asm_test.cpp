// The assembly AES variants (crypto/aes/mips/r2/, ...): which ones the build has against what
// the toolchain says it must have, every block count and misaligned in and out buffers (the
// NIST vectors of aes_test.cpp and the modes tests run on every variant with aligned buffers),
// and the O32 callee-saved registers through the patterned call harness
// (tests/bignum/call_harness_mips.S).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/aes/aes_internal.h"
#include "crypto/aes/aes_test_hooks.h"
#include "crypto/cpu/cpu.h"
#include "tests/common/aes_impls.h"
#include "tests/common/file_test.h"

using namespace petrel;

namespace {

bool is_portable(AesImpl impl) {
  return impl == AesImpl::ct || impl == AesImpl::table || impl == AesImpl::fixslice;
}

std::vector<AesImpl> asm_impls() {
  std::vector<AesImpl> out;
  for (AesImpl impl : petrel_test::all_aes_impls()) {
    if (!is_portable(impl)) {
      out.push_back(impl);
    }
  }
  return out;
}

}  // namespace

// A variant that silently went missing from a build (or appeared where it must not run) fails.
TEST(AesAsm, NameTable) {
  std::string list;
  for (AesImpl impl : asm_impls()) {
    list += std::string(list.empty() ? "" : " ") + aes_impl_name(impl);
  }
  // The table variants of the target, then the NEON one where the build and the CPU have it.
  std::string expected = PETREL_TEST_AES_ASM_IMPLS;
#if defined(PETREL_TEST_AES_ARMV7_NEON)
  if (cpu::arm_neon()) {
    expected += std::string(expected.empty() ? "" : " ") + "armv7-neon";
  }
#endif
  // The constant-time fixsliced rows with assembly rounds, after the table rows (table order).
#if defined(PETREL_TEST_AES_ARMV4)
  expected += std::string(expected.empty() ? "" : " ") + "fixslice-armv4";
#endif
  std::printf("[ aes asm  ] assembly variants available: '%s' (expected '%s')\n", list.c_str(),
              expected.c_str());
  EXPECT_EQ(list, expected);
  // Every listed variant that is not available is refused by name and by AesKey::init.
  AesImpl listed[16];
  const size_t n = aes_impls_listed(listed, 16);
  for (size_t i = 0; i < n && i < 16; i++) {
    if (!aes_impl_available(listed[i])) {
      AesImpl x = AesImpl::ct;
      EXPECT_EQ(aes_impl_from_name(&x, aes_impl_name(listed[i])), Status::not_available);
      AesKey key;
      const uint8_t k[16] = {};
      EXPECT_EQ(key.init(ByteView(k, 16), listed[i]), Status::not_available);
    }
  }
  EXPECT_FALSE(aes_impl_is_constant_time(AesImpl::mips32r2));
  EXPECT_TRUE(aes_impl_is_constant_time(AesImpl::armv7_neon));
  EXPECT_TRUE(aes_impl_is_constant_time(AesImpl::fixslice_armv4));
  EXPECT_EQ(std::string(aes_impl_name(AesImpl::fixslice_armv4)), "fixslice-armv4");
  EXPECT_EQ(std::string(aes_impl_name(AesImpl::armv7_neon)), "armv7-neon");
  EXPECT_EQ(std::string(aes_impl_name(AesImpl::mips32r2)), "mips32r2");
}

// 0 to 9 blocks, in and out at every offset 0..3 (the LWL/LWR path and the LW path), in place,
// all key sizes, against the portable "table" variant on the same keys and data.
TEST(AesAsm, BlockCountsAndAlignment) {
  std::mt19937 rng(2026);
  size_t cases = 0;
  for (AesImpl impl : asm_impls()) {
    for (size_t key_len : {16u, 24u, 32u}) {
      std::vector<uint8_t> k(key_len);
      for (uint8_t& b : k) {
        b = static_cast<uint8_t>(rng());
      }
      AesKey ref, key;
      ASSERT_EQ(ref.init(ByteView(k), AesImpl::table), Status::ok);
      ASSERT_EQ(key.init(ByteView(k), impl), Status::ok);
      for (size_t nblocks = 0; nblocks <= 9; nblocks++) {
        for (size_t in_off = 0; in_off < 4; in_off++) {
          for (size_t out_off = 0; out_off < 4; out_off++) {
            const size_t len = nblocks * kAesBlockSize;
            std::vector<uint8_t> in(len + 8), out(len + 8, 0xEE), want(len), back(len + 8, 0xEE);
            for (uint8_t& b : in) {
              b = static_cast<uint8_t>(rng());
            }
            for (int dir = 0; dir < 2; dir++) {
              std::fill(out.begin(), out.end(), 0xEE);
              if (dir == 0) {
                ref.encrypt_blocks(want.data(), in.data() + in_off, nblocks);
                key.encrypt_blocks(out.data() + out_off, in.data() + in_off, nblocks);
              } else {
                ref.decrypt_blocks(want.data(), in.data() + in_off, nblocks);
                key.decrypt_blocks(out.data() + out_off, in.data() + in_off, nblocks);
              }
              EXPECT_EQ(std::memcmp(out.data() + out_off, want.data(), len), 0)
                  << aes_impl_name(impl) << " key " << key_len << " blocks " << nblocks
                  << " offsets " << in_off << "/" << out_off << (dir ? " decrypt" : " encrypt");
              // Nothing written outside out[out_off, out_off + len).
              for (size_t i = 0; i < out.size(); i++) {
                if (i < out_off || i >= out_off + len) {
                  ASSERT_EQ(out[i], 0xEE) << aes_impl_name(impl) << " wrote byte " << i;
                }
              }
              cases++;
            }
          }
          // In place at this offset.
          const size_t len = nblocks * kAesBlockSize;
          std::vector<uint8_t> buf(len + 4), want(len);
          for (uint8_t& b : buf) {
            b = static_cast<uint8_t>(rng());
          }
          ref.encrypt_blocks(want.data(), buf.data() + in_off, nblocks);
          key.encrypt_blocks(buf.data() + in_off, buf.data() + in_off, nblocks);
          EXPECT_EQ(std::memcmp(buf.data() + in_off, want.data(), len), 0) << "in place";
          ref.decrypt_blocks(want.data(), want.data(), nblocks);
          key.decrypt_blocks(buf.data() + in_off, buf.data() + in_off, nblocks);
          EXPECT_EQ(std::memcmp(buf.data() + in_off, want.data(), len), 0) << "in place";
          cases += 2;
        }
      }
    }
  }
  std::printf("[ aes asm  ] %zu variant(s), %zu block-count/alignment cases against table\n",
              asm_impls().size(), cases);
}

#if defined(PETREL_TEST_CALL_HARNESS_MIPS)
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t* out);
namespace {
constexpr size_t kSaved = 10;  // s0-s7, fp, gp, then the sp difference
const char* const kSavedNames[kSaved] = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "fp", "gp"};
uint32_t u32(const void* p) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)); }
}  // namespace

// The block functions, called with the callee-saved registers full of patterns, hand them back
// unchanged and give the plain call's result (aligned and misaligned, 0, 1 and 3 blocks).
TEST(AesAsm, CalleeSavedRegisters) {
  struct Entry {
    const char* name;
    AesKey::BlockFn fn;
    bool encrypt;
  };
  const Entry entries[] = {{"encrypt", petrel_aes_encrypt_blocks_mips32r2, true},
                           {"decrypt", petrel_aes_decrypt_blocks_mips32r2, false}};
  size_t calls = 0;
  for (size_t key_len : {16u, 24u, 32u}) {
    uint8_t k[32];
    for (size_t i = 0; i < sizeof(k); i++) {
      k[i] = static_cast<uint8_t>(i * 13 + key_len);
    }
    AesKey key;
    ASSERT_EQ(key.init(ByteView(k, key_len), AesImpl::mips32r2), Status::ok);
    const uint32_t* sched = aes_key_schedule_for_testing(key);
    for (const Entry& e : entries) {
      for (size_t nblocks : {0u, 1u, 3u}) {
        for (size_t off : {0u, 1u}) {
          uint8_t in[3 * 16 + 1], want[3 * 16 + 1], got[3 * 16 + 1];
          for (size_t i = 0; i < sizeof(in); i++) {
            in[i] = static_cast<uint8_t>(i * 7 + 1);
          }
          std::memset(want, 0, sizeof(want));
          std::memset(got, 0, sizeof(got));
          e.fn(sched, key.rounds(), want + off, in + off, nblocks);
          const uint32_t args[7] = {u32(sched), key.rounds(), u32(got + off),
                                    u32(in + off), static_cast<uint32_t>(nblocks), 0, 0};
          uint32_t out[kSaved + 1] = {};
          petrel_test_call_patterned(reinterpret_cast<const void*>(e.fn), args, out);
          EXPECT_EQ(std::memcmp(got, want, sizeof(got)), 0) << e.name << " " << nblocks;
          for (size_t i = 0; i < kSaved; i++) {
            const uint32_t pattern = 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1);
            EXPECT_EQ(out[i], pattern) << "mips32r2 " << e.name << " clobbered " << kSavedNames[i];
          }
          EXPECT_EQ(out[kSaved], 0u) << "mips32r2 " << e.name << " moved sp";
          calls++;
        }
      }
    }
  }
  std::printf("[ aes asm  ] %zu patterned calls, %zu callee-saved registers checked each\n", calls,
              kSaved);
}
#endif
