// Tests of crypto/util/cursor: every Reader call at every truncation point fails cleanly and
// leaves the reader unchanged; the Writer's prefixes, DER lengths and sticky errors.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "crypto/util/cursor.h"
#include "tests/common/file_test.h"

namespace petrel {
namespace {

// A message with every kind of field: u8 u16 u24 u32, u8/u16/u24-prefixed, raw bytes.
const uint8_t kMsg[] = {
    0x01,                    // u8
    0x02, 0x03,              // u16
    0x04, 0x05, 0x06,        // u24
    0x07, 0x08, 0x09, 0x0a,  // u32
    0x02, 0xaa, 0xbb,        // u8-prefixed (2)
    0x00, 0x01, 0xcc,        // u16-prefixed (1)
    0x00, 0x00, 0x03, 0xdd, 0xee, 0xff,  // u24-prefixed (3)
    0x11, 0x22,              // bytes(2)
};

// Parses kMsg (or a prefix of it); returns false at the first failing read, checking that the
// failing read left the reader unchanged.
bool parse_all(Reader r, size_t* steps) {
  *steps = 0;
  uint8_t u8 = 0;
  uint16_t u16 = 0;
  uint32_t u32 = 0;
  Reader sub;
  ByteView bytes;
  auto step = [&](bool ok, const Reader& before, const Reader& after) {
    if (!ok) {
      EXPECT_EQ(before.remaining(), after.remaining());
      EXPECT_EQ(before.data(), after.data());
      return false;
    }
    (*steps)++;
    return true;
  };
#define STEP(call)                                \
  do {                                            \
    const Reader before = r;                      \
    if (!step((call), before, r)) return false;   \
  } while (0)
  STEP(r.read_u8(&u8) && u8 == 0x01);
  STEP(r.read_u16(&u16) && u16 == 0x0203);
  STEP(r.read_u24(&u32) && u32 == 0x040506);
  STEP(r.read_u32(&u32) && u32 == 0x0708090a);
  STEP(r.read_u8_prefixed(&sub) && sub.remaining() == 2);
  STEP(r.read_u16_prefixed(&sub) && sub.remaining() == 1);
  STEP(r.read_u24_prefixed(&sub) && sub.remaining() == 3 && sub.data()[2] == 0xff);
  STEP(r.read_bytes(2, &bytes) && bytes[0] == 0x11 && bytes[1] == 0x22);
#undef STEP
  return r.empty();
}

TEST(Reader, WholeMessage) {
  size_t steps = 0;
  EXPECT_TRUE(parse_all(Reader(kMsg, sizeof(kMsg)), &steps));
  EXPECT_EQ(steps, 8u);
}

TEST(Reader, EveryTruncationFailsCleanly) {
  size_t cases = 0;
  for (size_t n = 0; n < sizeof(kMsg); n++) {
    size_t steps = 0;
    EXPECT_FALSE(parse_all(Reader(kMsg, n), &steps)) << "truncated at " << n;
    EXPECT_LT(steps, 8u);
    cases++;
  }
  petrel_test::report_cases("Reader truncations", cases);
}

TEST(Reader, EachPrimitiveAtEachLength) {
  const uint8_t buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  for (size_t n = 0; n <= sizeof(buf); n++) {
    Reader r(buf, n);
    uint8_t u8 = 0;
    uint16_t u16 = 0;
    uint32_t u32 = 0;
    ByteView v;
    Reader sub;
    EXPECT_EQ(Reader(buf, n).read_u8(&u8), n >= 1);
    EXPECT_EQ(Reader(buf, n).read_u16(&u16), n >= 2);
    EXPECT_EQ(Reader(buf, n).read_u24(&u32), n >= 3);
    EXPECT_EQ(Reader(buf, n).read_u32(&u32), n >= 4);
    EXPECT_EQ(Reader(buf, n).peek_u8(&u8), n >= 1);
    for (size_t k = 0; k <= 9; k++) {
      Reader a(buf, n);
      EXPECT_EQ(a.read_bytes(k, &v), k <= n);
      EXPECT_EQ(a.remaining(), k <= n ? n - k : n);
      Reader b(buf, n);
      EXPECT_EQ(b.skip(k), k <= n);
      Reader c(buf, n);
      EXPECT_EQ(c.read_sub(k, &sub), k <= n);
    }
    EXPECT_EQ(r.remaining(), n);
    EXPECT_EQ(r.empty(), n == 0);
  }
  // Huge lengths never wrap around.
  Reader r(buf, sizeof(buf));
  ByteView v;
  EXPECT_FALSE(r.read_bytes(SIZE_MAX, &v));
  EXPECT_FALSE(r.skip(SIZE_MAX));
  EXPECT_EQ(r.remaining(), sizeof(buf));
}

TEST(Reader, PrefixLongerThanData) {
  const uint8_t a[] = {0x03, 0x01, 0x02};
  const uint8_t b[] = {0x00, 0x03, 0x01, 0x02};
  const uint8_t c[] = {0x00, 0x00, 0x03, 0x01, 0x02};
  Reader sub;
  Reader ra(a, sizeof(a));
  Reader rb(b, sizeof(b));
  Reader rc(c, sizeof(c));
  EXPECT_FALSE(ra.read_u8_prefixed(&sub));
  EXPECT_FALSE(rb.read_u16_prefixed(&sub));
  EXPECT_FALSE(rc.read_u24_prefixed(&sub));
  EXPECT_EQ(ra.remaining(), sizeof(a));
  EXPECT_EQ(rb.remaining(), sizeof(b));
  EXPECT_EQ(rc.remaining(), sizeof(c));
}

TEST(Reader, CopyBytes) {
  const uint8_t buf[] = {9, 8, 7};
  Reader r(buf, sizeof(buf));
  uint8_t out[4] = {};
  EXPECT_FALSE(r.copy_bytes(MutableBytes(out, 4)));
  EXPECT_TRUE(r.copy_bytes(MutableBytes(out, 2)));
  EXPECT_EQ(out[0], 9);
  EXPECT_EQ(out[1], 8);
  EXPECT_EQ(r.remaining(), 1u);
}

// Builds kMsg with the Writer.
Status build_msg(MutableBytes out, size_t* len) {
  Writer w(out);
  w.add_u8(0x01);
  w.add_u16(0x0203);
  w.add_u24(0x040506);
  w.add_u32(0x0708090a);
  w.begin_u8_prefixed();
  w.add_u8(0xaa);
  w.add_u8(0xbb);
  w.end();
  w.begin_u16_prefixed();
  w.add_u8(0xcc);
  w.end();
  w.begin_u24_prefixed();
  const uint8_t def[] = {0xdd, 0xee, 0xff};
  w.add_bytes(ByteView(def, 3));
  w.end();
  uint8_t* p = w.reserve(2);
  if (p != nullptr) {
    p[0] = 0x11;
    p[1] = 0x22;
  }
  return w.finish(len);
}

TEST(Writer, BuildsMessageAndFailsAtEveryShortCapacity) {
  std::vector<uint8_t> buf(sizeof(kMsg));
  size_t len = 0;
  ASSERT_EQ(build_msg(MutableBytes(buf.data(), buf.size()), &len), Status::ok);
  ASSERT_EQ(len, sizeof(kMsg));
  EXPECT_EQ(0, std::memcmp(buf.data(), kMsg, sizeof(kMsg)));
  size_t cases = 0;
  for (size_t cap = 0; cap < sizeof(kMsg); cap++) {
    std::vector<uint8_t> small(cap + 1, 0x5a);  // one guard byte past the capacity
    EXPECT_EQ(build_msg(MutableBytes(small.data(), cap), &len), Status::buffer_too_small) << cap;
    EXPECT_EQ(small[cap], 0x5a) << "wrote past the capacity " << cap;
    cases++;
  }
  petrel_test::report_cases("Writer capacities", cases);
}

TEST(Writer, PrefixOverflowAndUnbalancedEnd) {
  std::vector<uint8_t> buf(70000);
  {
    Writer w(MutableBytes(buf.data(), buf.size()));
    w.begin_u8_prefixed();
    std::vector<uint8_t> big(256, 1);
    w.add_bytes(ByteView(big.data(), 255));
    w.end();  // 255 fits
    EXPECT_EQ(w.status(), Status::ok);
    w.begin_u8_prefixed();
    w.add_bytes(ByteView(big.data(), 256));
    w.end();  // 256 does not
    EXPECT_EQ(w.status(), Status::invalid_argument);
    w.add_u8(1);  // sticky: no effect
    size_t len = 0;
    EXPECT_EQ(w.finish(&len), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(buf.data(), buf.size()));
    w.begin_u16_prefixed();
    std::vector<uint8_t> big(65536, 1);
    w.add_bytes(ByteView(big.data(), big.size()));
    w.end();
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(buf.data(), buf.size()));
    w.end();
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(buf.data(), buf.size()));
    w.begin_u16_prefixed();
    size_t len = 0;
    EXPECT_EQ(w.finish(&len), Status::invalid_argument);  // child left open
    w.add_u24(0x1000000);
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(buf.data(), buf.size()));
    for (size_t i = 0; i < Writer::kMaxDepth; i++) {
      w.begin_u8_prefixed();
    }
    EXPECT_EQ(w.status(), Status::ok);
    w.begin_u8_prefixed();
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
}

TEST(Writer, NestedPrefixesReadBack) {
  uint8_t buf[64];
  Writer w(MutableBytes(buf, sizeof(buf)));
  w.begin_u16_prefixed();
  w.begin_u8_prefixed();
  w.add_u32(0xdeadbeef);
  w.end();
  w.begin_u24_prefixed();
  w.end();
  w.end();
  size_t len = 0;
  ASSERT_EQ(w.finish(&len), Status::ok);
  Reader r(buf, len);
  Reader outer;
  Reader inner;
  Reader empty_child;
  uint32_t v = 0;
  ASSERT_TRUE(r.read_u16_prefixed(&outer));
  ASSERT_TRUE(outer.read_u8_prefixed(&inner));
  ASSERT_TRUE(inner.read_u32(&v));
  EXPECT_EQ(v, 0xdeadbeefu);
  ASSERT_TRUE(outer.read_u24_prefixed(&empty_child));
  EXPECT_TRUE(empty_child.empty());
  EXPECT_TRUE(outer.empty());
  EXPECT_TRUE(r.empty());
}

// DER lengths: short form up to 127, then 0x81 xx, 0x82 xx xx, 0x83 ..., with the contents
// moved up by end(); nested children stay intact.
TEST(Writer, DerLengthMinimalAndMoved) {
  const size_t sizes[] = {0, 1, 127, 128, 255, 256, 65535, 65536, 70000};
  std::vector<uint8_t> buf(80000);
  std::vector<uint8_t> content(70000);
  for (size_t i = 0; i < content.size(); i++) {
    content[i] = static_cast<uint8_t>(i * 31 + 7);
  }
  size_t cases = 0;
  for (size_t n : sizes) {
    Writer w(MutableBytes(buf.data(), buf.size()));
    w.add_u8(0x04);
    w.begin_der_length();
    w.add_bytes(ByteView(content.data(), n));
    w.end();
    size_t len = 0;
    ASSERT_EQ(w.finish(&len), Status::ok) << n;
    size_t hdr = 2;
    if (n >= 0x80) {
      hdr = n < 0x100 ? 3 : (n < 0x10000 ? 4 : 5);
    }
    ASSERT_EQ(len, hdr + n) << n;
    if (n < 0x80) {
      EXPECT_EQ(buf[1], n);
    } else {
      EXPECT_EQ(buf[1], 0x80 | (hdr - 2));
      size_t got = 0;
      for (size_t k = 2; k < hdr; k++) {
        got = (got << 8) | buf[k];
      }
      EXPECT_EQ(got, n);
      EXPECT_NE(buf[2], 0);
    }
    EXPECT_EQ(0, n == 0 ? 0 : std::memcmp(buf.data() + hdr, content.data(), n)) << n;
    // Exactly enough room succeeds; one byte less fails without writing past the end.
    Writer tight(MutableBytes(buf.data(), hdr + n));
    tight.add_u8(0x04);
    tight.begin_der_length();
    tight.add_bytes(ByteView(content.data(), n));
    tight.end();
    EXPECT_EQ(tight.status(), Status::ok) << n;
    Writer short_w(MutableBytes(buf.data(), hdr + n - 1));
    short_w.add_u8(0x04);
    short_w.begin_der_length();
    short_w.add_bytes(ByteView(content.data(), n));
    short_w.end();
    EXPECT_EQ(short_w.status(), Status::buffer_too_small) << n;
    cases++;
  }
  petrel_test::report_cases("DER length sizes", cases);
}

}  // namespace
}  // namespace petrel
