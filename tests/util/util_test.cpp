// Tests of crypto/util: constant-time helpers, secure_wipe, Span, status names, byte order.
#include <gtest/gtest.h>

#include <cstring>
#include <new>

#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

TEST(Ct, Masks) {
  const uint32_t vals[] = {0u, 1u, 2u, 0x7fffffffu, 0x80000000u, 0x80000001u, 0xfffffffeu, 0xffffffffu};
  for (uint32_t a : vals) {
    EXPECT_EQ(ct::is_zero(a), a == 0 ? 0xffffffffu : 0u) << a;
    for (uint32_t b : vals) {
      EXPECT_EQ(ct::eq(a, b), a == b ? 0xffffffffu : 0u) << a << " " << b;
      EXPECT_EQ(ct::lt(a, b), a < b ? 0xffffffffu : 0u) << a << " " << b;
      EXPECT_EQ(ct::ge(a, b), a >= b ? 0xffffffffu : 0u) << a << " " << b;
      EXPECT_EQ(ct::gt(a, b), a > b ? 0xffffffffu : 0u) << a << " " << b;
      EXPECT_EQ(ct::le(a, b), a <= b ? 0xffffffffu : 0u) << a << " " << b;
      EXPECT_EQ(ct::select(0xffffffffu, a, b), a);
      EXPECT_EQ(ct::select(0u, a, b), b);
    }
  }
}

TEST(Ct, MemEqualAndCondCopy) {
  uint8_t a[33];
  uint8_t b[33];
  for (size_t i = 0; i < sizeof(a); i++) {
    a[i] = b[i] = static_cast<uint8_t>(i * 7);
  }
  EXPECT_TRUE(ct::mem_equal(a, b, sizeof(a)));
  for (size_t i = 0; i < sizeof(a); i++) {
    b[i] ^= 0x40;
    EXPECT_FALSE(ct::mem_equal(a, b, sizeof(a))) << i;
    b[i] ^= 0x40;
  }
  uint8_t dst[33] = {};
  ct::cond_copy(0, dst, a, sizeof(a));
  for (uint8_t v : dst) {
    EXPECT_EQ(v, 0);
  }
  ct::cond_copy(0xffffffffu, dst, a, sizeof(a));
  EXPECT_EQ(0, std::memcmp(dst, a, sizeof(a)));
}

// A key holder that wipes itself in its destructor, as the library's contexts do. Once the
// destructor has run the object is dead: the compiler may drop stores into it that nothing can
// read any more (GCC's -flifetime-dse does exactly this to a plain memset in a destructor).
// secure_wipe must survive that.
struct WipedOnDestruction {
  uint8_t key[64];
  ~WipedOnDestruction() { secure_wipe(key, sizeof(key)); }
};

// Makes the compiler assume p escapes and its memory is read and written here.
inline void opaque(void* p) { __asm__ __volatile__("" : : "r"(p) : "memory"); }

TEST(Wipe, ZeroesMemory) {
  uint8_t buf[64];
  std::memset(buf, 0xa5, sizeof(buf));
  secure_wipe(buf, sizeof(buf));
  for (uint8_t v : buf) {
    EXPECT_EQ(v, 0);
  }
  secure_wipe(nullptr, 10);  // tolerated
}

// The storage is inspected after the object's lifetime ended, through a pointer the compiler
// cannot follow (the asm barrier) and volatile reads, so only stores that really reached
// memory are seen. Checked: with the asm barrier taken out of secure_wipe and this test built
// with -O2 -flto (the memset inlined into the destructor), all 64 bytes are found left.
TEST(Wipe, SurvivesEndOfLifetime) {
  alignas(WipedOnDestruction) unsigned char storage[sizeof(WipedOnDestruction)];
  for (int round = 0; round < 2; round++) {
    WipedOnDestruction* w = new (storage) WipedOnDestruction;
    std::memset(w->key, 0xa5 + round, sizeof(w->key));
    opaque(w);  // the secret is really in memory
    w->~WipedOnDestruction();
    opaque(storage);
    const volatile unsigned char* v = storage;
    size_t nonzero = 0;
    for (size_t i = 0; i < sizeof(storage); i++) {
      nonzero += v[i] != 0 ? 1 : 0;
    }
    EXPECT_EQ(nonzero, 0u) << "bytes of the key left in memory after its destructor";
  }
}

TEST(Endian, LoadStore) {
  uint8_t b[8];
  store_be64(b, 0x0102030405060708ull);
  EXPECT_EQ(b[0], 1);
  EXPECT_EQ(b[7], 8);
  EXPECT_EQ(load_be64(b), 0x0102030405060708ull);
  EXPECT_EQ(load_le64(b), 0x0807060504030201ull);
  store_le32(b, 0xa1b2c3d4u);
  EXPECT_EQ(b[0], 0xd4);
  EXPECT_EQ(load_le32(b), 0xa1b2c3d4u);
  EXPECT_EQ(load_be32(b), 0xd4c3b2a1u);
  EXPECT_EQ(rotl32(0x80000001u, 1), 0x00000003u);
  EXPECT_EQ(rotr32(0x00000003u, 1), 0x80000001u);
}

TEST(Span, SubspanClamps) {
  uint8_t buf[10] = {};
  MutableBytes s(buf);
  EXPECT_EQ(s.size(), 10u);
  EXPECT_EQ(s.subspan(4).size(), 6u);
  EXPECT_EQ(s.subspan(4, 100).size(), 6u);
  EXPECT_EQ(s.subspan(20).size(), 0u);
  ByteView v = s;
  EXPECT_EQ(v.data(), buf);
}

TEST(Status, Names) {
  EXPECT_STREQ(status_name(Status::ok), "ok");
  EXPECT_STREQ(status_name(Status::bad_padding), "bad_padding");
  EXPECT_STREQ(status_name(Status::auth_failed), "auth_failed");
}

}  // namespace
}  // namespace petrel
