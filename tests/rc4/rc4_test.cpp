// RC4 keystream known answers from RFC 6229 (every key length file; OFFSET is the keystream
// offset, PLAINTEXT is zeros so CIPHERTEXT is the keystream), plus chunking and key-length
// checks, on every variant of the build (crypto/rc4/rc4.cpp's table); the variant names against
// what the toolchain says the build must have, misaligned buffers, and the assembly's
// callee-saved registers (O32: tests/bignum/call_harness_mips.S; AAPCS:
// tests/bignum/call_harness_arm.S).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/rc4/rc4.h"
#include "crypto/rc4/rc4_internal.h"
#include "tests/common/file_test.h"

using namespace petrel;
using petrel_test::VectorCase;
using petrel_test::VectorFile;
using petrel_test::check_all_read;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

std::vector<Rc4Impl> all_rc4_impls() {
  Rc4Impl impls[8];
  const size_t n = rc4_impls_available(impls, 8);
  EXPECT_GE(n, 1u);
  return std::vector<Rc4Impl>(impls, impls + (n < 8 ? n : 8));
}

void run_file_impl(const std::string& path, size_t key_bits, Rc4Impl impl) {
  VectorFile f;
  ASSERT_TRUE(f.load(path));
  size_t n = 0;
  for (VectorCase& c : f.cases()) {
    c.number("COUNT");
    const std::vector<uint8_t> key = c.bytes("KEY");
    const unsigned long long offset = c.number("OFFSET");
    const std::vector<uint8_t> pt = c.bytes("PLAINTEXT");
    const std::vector<uint8_t> ct = c.bytes("CIPHERTEXT");
    check_all_read(c);
    ASSERT_TRUE(c.has_header("ENCRYPT")) << c.where();
    ASSERT_EQ(key.size() * 8, key_bits) << c.where();
    ASSERT_EQ(pt.size(), ct.size()) << c.where();
    Rc4 rc4;
    ASSERT_EQ(rc4.init(ByteView(key), impl), Status::ok) << c.where();
    std::vector<uint8_t> skip(static_cast<size_t>(offset));
    ASSERT_EQ(rc4.crypt(MutableBytes(skip), ByteView(skip)), Status::ok);  // in place
    std::vector<uint8_t> out(pt.size());
    ASSERT_EQ(rc4.crypt(MutableBytes(out), ByteView(pt)), Status::ok);
    EXPECT_EQ(to_hex(out), to_hex(ct)) << c.where() << " offset " << offset;
    n++;
  }
  report_cases(path + " [" + rc4_impl_name(impl) + "]", n);
}

void run_file(const std::string& path, size_t key_bits) {
  for (Rc4Impl impl : all_rc4_impls()) {
    run_file_impl(path, key_bits, impl);
  }
}

}  // namespace

TEST(Rc4, Rfc6229_40) { run_file("rfc6229/rfc-6229-40.txt", 40); }
TEST(Rc4, Rfc6229_56) { run_file("rfc6229/rfc-6229-56.txt", 56); }
TEST(Rc4, Rfc6229_64) { run_file("rfc6229/rfc-6229-64.txt", 64); }
TEST(Rc4, Rfc6229_80) { run_file("rfc6229/rfc-6229-80.txt", 80); }
TEST(Rc4, Rfc6229_128) { run_file("rfc6229/rfc-6229-128.txt", 128); }
TEST(Rc4, Rfc6229_192) { run_file("rfc6229/rfc-6229-192.txt", 192); }
TEST(Rc4, Rfc6229_256) { run_file("rfc6229/rfc-6229-256.txt", 256); }

// Any chunking of the stream gives the same output, and decrypting restores the plaintext.
TEST(Rc4, ChunkingAndRoundTrip) {
  for (Rc4Impl impl : all_rc4_impls()) {
  SCOPED_TRACE(rc4_impl_name(impl));
  std::mt19937 rng(99);
  std::vector<uint8_t> key(16);
  for (auto& b : key) {
    b = static_cast<uint8_t>(rng());
  }
  std::vector<uint8_t> pt(5000);
  for (auto& b : pt) {
    b = static_cast<uint8_t>(rng());
  }
  Rc4 whole;
  ASSERT_EQ(whole.init(ByteView(key), impl), Status::ok);
  std::vector<uint8_t> want(pt.size());
  ASSERT_EQ(whole.crypt(MutableBytes(want), ByteView(pt)), Status::ok);
  for (int trial = 0; trial < 10; trial++) {
    Rc4 rc4;
    ASSERT_EQ(rc4.init(ByteView(key), impl), Status::ok);
    std::vector<uint8_t> got(pt.size());
    size_t pos = 0;
    while (pos < pt.size()) {
      size_t chunk = rng() % 37;
      if (chunk > pt.size() - pos) {
        chunk = pt.size() - pos;
      }
      ASSERT_EQ(rc4.crypt(MutableBytes(got.data() + pos, chunk), ByteView(pt.data() + pos, chunk)),
                Status::ok);
      pos += chunk;
    }
    ASSERT_EQ(to_hex(got), to_hex(want));
  }
  Rc4 dec;
  ASSERT_EQ(dec.init(ByteView(key), impl), Status::ok);
  ASSERT_EQ(dec.crypt(MutableBytes(want), ByteView(want)), Status::ok);
  EXPECT_EQ(to_hex(want), to_hex(pt));
  }
}

TEST(Rc4, Errors) {
  uint8_t key[257] = {};
  Rc4 rc4;
  EXPECT_EQ(rc4.init(ByteView(key, 4)), Status::bad_key_length);
  EXPECT_EQ(rc4.init(ByteView(key, 257)), Status::bad_key_length);
  EXPECT_EQ(rc4.init(ByteView(key, 0)), Status::bad_key_length);
  uint8_t buf[8] = {};
  EXPECT_EQ(rc4.crypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);  // no key
  EXPECT_EQ(rc4.init(ByteView(key, 5)), Status::ok);
  EXPECT_EQ(rc4.init(ByteView(key, 256)), Status::ok);
  EXPECT_EQ(rc4.crypt(MutableBytes(buf, 7), ByteView(buf, 8)), Status::buffer_too_small);
  rc4.clear();
  EXPECT_EQ(rc4.crypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);
  EXPECT_EQ(rc4.init(ByteView(key, 16), static_cast<Rc4Impl>(200)), Status::invalid_argument);
  EXPECT_EQ(rc4.crypt(MutableBytes(buf), ByteView(buf)), Status::invalid_argument);
}

// The name table: "c" everywhere, the assembly exactly where the toolchain says it must be
// (tests/rc4/tests.cmake), the first available is the default, and nothing is constant-time.
TEST(Rc4, NameTable) {
  std::string list;
  for (Rc4Impl impl : all_rc4_impls()) {
    list += std::string(list.empty() ? "" : " ") + rc4_impl_name(impl);
    EXPECT_FALSE(rc4_impl_is_constant_time(impl));
    Rc4Impl back = Rc4Impl::c;
    ASSERT_EQ(rc4_impl_from_name(&back, rc4_impl_name(impl)), Status::ok);
    EXPECT_EQ(back, impl);
  }
  std::printf("[ rc4      ] variants available: '%s' (expected '%s'), default %s\n", list.c_str(),
              PETREL_TEST_RC4_IMPLS, rc4_impl_name(rc4_default_impl()));
  EXPECT_EQ(list, std::string(PETREL_TEST_RC4_IMPLS));
  EXPECT_EQ(rc4_default_impl(), all_rc4_impls()[0]);
  Rc4Impl x = Rc4Impl::c;
  EXPECT_EQ(rc4_impl_from_name(&x, "no-such-impl"), Status::unsupported);
  EXPECT_EQ(rc4_impl_from_name(nullptr, "c"), Status::invalid_argument);
  Rc4Impl listed[8];
  const size_t n = rc4_impls_listed(listed, 8);
  EXPECT_EQ(n, 3u);
  for (size_t i = 0; i < n && i < 8; i++) {
    if (!rc4_impl_available(listed[i])) {
      EXPECT_EQ(rc4_impl_from_name(&x, rc4_impl_name(listed[i])), Status::not_available);
      Rc4 rc4;
      uint8_t key[16] = {};
      EXPECT_EQ(rc4.init(ByteView(key), listed[i]), Status::not_available);
    }
  }
  Rc4 rc4;
  uint8_t key[16] = {};
  ASSERT_EQ(rc4.init(ByteView(key)), Status::ok);
  EXPECT_EQ(rc4.impl(), rc4_default_impl());
}

// Every variant against "c": lengths 0..70 at in/out offsets 0..3 (the byte prologue, the
// aligned and misaligned word passes, the tail), from a state advanced by 0..7 bytes so that
// every i mod 8 starts a call, and by 241..255 bytes so that i wraps past 255 inside the call
// (the word passes of armv4 switch to a masked word there), in place too, and nothing written
// past out + len.
TEST(Rc4, VariantsMatchPortable) {
  std::mt19937 rng(6229);
  size_t cases = 0;
  const size_t pres[] = {0,   1,   2,   3,   4,   5,   6,   7,   241, 244,
                         247, 248, 249, 250, 251, 252, 253, 254, 255};
  for (Rc4Impl impl : all_rc4_impls()) {
    if (impl == Rc4Impl::c) {
      continue;
    }
    for (size_t pre : pres) {
      std::vector<uint8_t> key(5 + (pre % 8) * 3);
      for (auto& b : key) {
        b = static_cast<uint8_t>(rng());
      }
      Rc4 ref, got;
      ASSERT_EQ(ref.init(ByteView(key), Rc4Impl::c), Status::ok);
      ASSERT_EQ(got.init(ByteView(key), impl), Status::ok);
      uint8_t skip[256] = {};
      ASSERT_EQ(ref.crypt(MutableBytes(skip, pre), ByteView(skip, pre)), Status::ok);
      ASSERT_EQ(got.crypt(MutableBytes(skip, pre), ByteView(skip, pre)), Status::ok);
      for (size_t len = 0; len <= 70; len++) {
        for (size_t in_off = 0; in_off < 4; in_off++) {
          const size_t out_off = (in_off + len) % 4;
          std::vector<uint8_t> in(len + 8), want(len), out(len + 8, 0xEE);
          for (auto& b : in) {
            b = static_cast<uint8_t>(rng());
          }
          ASSERT_EQ(ref.crypt(MutableBytes(want), ByteView(in.data() + in_off, len)), Status::ok);
          ASSERT_EQ(got.crypt(MutableBytes(out.data() + out_off, len),
                              ByteView(in.data() + in_off, len)),
                    Status::ok);
          ASSERT_EQ(to_hex(out.data() + out_off, len), to_hex(want))
              << rc4_impl_name(impl) << " pre " << pre << " len " << len << " offsets " << in_off
              << "/" << out_off;
          for (size_t i = 0; i < out.size(); i++) {
            if (i < out_off || i >= out_off + len) {
              ASSERT_EQ(out[i], 0xEE) << rc4_impl_name(impl) << " wrote byte " << i;
            }
          }
          // In place.
          std::vector<uint8_t> buf = in;
          ASSERT_EQ(ref.crypt(MutableBytes(want), ByteView(buf.data() + in_off, len)), Status::ok);
          ASSERT_EQ(got.crypt(MutableBytes(buf.data() + in_off, len),
                              ByteView(buf.data() + in_off, len)),
                    Status::ok);
          ASSERT_EQ(to_hex(buf.data() + in_off, len), to_hex(want)) << "in place, len " << len;
          cases += 2;
        }
      }
    }
  }
  std::printf("[ rc4      ] %zu variant-vs-c cases\n", cases);
}

#if defined(PETREL_TEST_CALL_HARNESS_MIPS) || defined(PETREL_TEST_CALL_HARNESS_ARM)
extern "C" uint32_t petrel_test_call_patterned(const void* fn, const uint32_t args[7],
                                               uint32_t* out);

// The assembly, called with the callee-saved registers full of patterns ($s0-$s7, $fp and $gp on
// MIPS; r4-r11 on ARM), hands them back unchanged, keeps sp, and gives the plain call's output
// and state.
TEST(Rc4, CalleeSavedRegisters) {
#if defined(PETREL_TEST_CALL_HARNESS_MIPS)
  constexpr size_t kSaved = 10;
  const char* const names[kSaved] = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "fp", "gp"};
  void (*const fn)(uint8_t*, uint8_t*, const uint8_t*, size_t) noexcept = petrel_rc4_crypt_mips32r2;
  const char* const fn_name = "rc4 mips32r2";
#else
  constexpr size_t kSaved = 8;
  const char* const names[kSaved] = {"r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11"};
  void (*const fn)(uint8_t*, uint8_t*, const uint8_t*, size_t) noexcept = petrel_rc4_crypt_armv4;
  const char* const fn_name = "rc4 armv4";
#endif
  size_t calls = 0;
  for (size_t len : {0u, 1u, 7u, 8u, 9u, 64u, 67u}) {
    for (size_t off : {0u, 1u}) {
      uint8_t state[2][petrel::rc4_detail::kStateBytes];
      for (size_t i = 0; i < 256; i++) {
        state[0][i] = static_cast<uint8_t>(i * 167 + 13);  // a permutation (167 is odd)
      }
      state[0][256] = 3;
      state[0][257] = 200;
      std::memcpy(state[1], state[0], sizeof(state[0]));
      uint8_t in[80], want[80] = {}, got[80] = {};
      for (size_t i = 0; i < sizeof(in); i++) {
        in[i] = static_cast<uint8_t>(i * 5 + 9);
      }
      fn(state[0], want + off, in + off, len);
      const uint32_t args[7] = {
          static_cast<uint32_t>(reinterpret_cast<uintptr_t>(state[1])),
          static_cast<uint32_t>(reinterpret_cast<uintptr_t>(got + off)),
          static_cast<uint32_t>(reinterpret_cast<uintptr_t>(in + off)),
          static_cast<uint32_t>(len), 0, 0, 0};
      uint32_t out[kSaved + 1] = {};
      petrel_test_call_patterned(reinterpret_cast<const void*>(fn), args, out);
      EXPECT_EQ(std::memcmp(got, want, sizeof(got)), 0) << len;
      EXPECT_EQ(std::memcmp(state[0], state[1], sizeof(state[0])), 0) << len;
      for (size_t i = 0; i < kSaved; i++) {
        const uint32_t pattern = 0xa5c30000u + 0x0101u * static_cast<uint32_t>(i + 1);
        EXPECT_EQ(out[i], pattern) << fn_name << " clobbered " << names[i];
      }
      EXPECT_EQ(out[kSaved], 0u) << fn_name << " moved sp";
      calls++;
    }
  }
  std::printf("[ rc4      ] %s: %zu patterned calls, %zu callee-saved registers checked each\n",
              fn_name, calls, kSaved);
}
#endif
