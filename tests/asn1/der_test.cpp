// Tests of crypto/asn1/der: strict DER framing acceptance and rejection, the typed readers of the
// primitives, the strict open-type walk, and writer round trips (der.cpp). OIDs:
// der_oid_test.cpp; strings: der_string_test.cpp; times and the calendar: der_time_test.cpp (one
// asn1_test program). The openssl cross-checks run from tests/asn1/tests.cmake.
#include <gtest/gtest.h>

#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "tests/common/file_test.h"
#include "tests/asn1/der_test_util.h"

namespace petrel {
namespace asn1 {
namespace {

using petrel_test::to_hex;
using namespace der_test;  // tests/asn1/der_test_util.h

struct FramingCase {
  const char* der;
  bool ok;
  const char* why;
};

const FramingCase kFraming[] = {
    {"0500", true, "NULL"},
    {"020100", true, "INTEGER 0"},
    {"3000", true, "empty SEQUENCE"},
    {"3003 020101", true, "SEQUENCE { 1 }"},
    {"0403 010203", true, "OCTET STRING"},
    {"3080 0000", false, "BER indefinite length"},
    {"3080 020101 0000", false, "BER indefinite length with contents"},
    {"0481 05 0102030405", false, "long form for a length < 128"},
    {"0482 0080", false, "long form with a leading zero octet"},
    {"0485 0000000001 00", false, "five length octets"},
    {"04ff", false, "0xff length octet"},
    {"0405 01020304", false, "length beyond the buffer"},
    {"0484 ffffffff 00", false, "4 GiB length beyond the buffer"},
    {"04", false, "missing length"},
    {"", false, "empty"},
    {"1f1f00", true, "tag [UNIVERSAL 31] in high-tag-number form"},
    {"9f8100", false, "context [128] without a length"},
    {"9f810000", true, "context [128]"},
    {"1f1e00", false, "tag number 30 in high-tag-number form"},
    {"1f801f00", false, "high tag number with a leading 0x80 group"},
    {"1f", false, "truncated high tag number"},
    {"1f81", false, "unterminated high tag number"},
    {"1fffffffff7f00", false, "tag number too large"},
    {"0500 00", false, "trailing byte"},
    {"3003 0500", false, "SEQUENCE length past its parent"},
    {"3004 0501 0000", false, "element inside a SEQUENCE runs past it"},
    {"3002 3080", false, "indefinite length nested"},
    {"0000", false, "end-of-contents marker"},
    {"2000", false, "constructed [UNIVERSAL 0]"},
    {"8000", true, "[0] primitive, empty"},
};

TEST(Der, Framing) {
  size_t n = 0;
  for (const FramingCase& c : kFraming) {
    const std::vector<uint8_t> der = hex(c.der);
    EXPECT_EQ(validate_der(view(der)) == Status::ok && !der.empty(), c.ok) << c.why;
    // A failed read leaves the reader where it was.
    Reader r(view(der));
    Tag tag = 0;
    Reader contents;
    size_t header = 0;
    if (read_any_der(&r, &tag, &contents, &header) != Status::ok) {
      EXPECT_EQ(r.remaining(), der.size()) << c.why;
    } else {
      EXPECT_EQ(header + contents.remaining() + r.remaining(), der.size()) << c.why;
    }
    n++;
  }
  petrel_test::report_cases("DER framing", n);
}

// Short/long form boundaries built in code: 127 short, 128 as 81 80, 256 as 82 01 00, and the
// non-minimal spellings of the same lengths rejected.
TEST(Der, LengthBoundaries) {
  struct {
    std::vector<uint8_t> len_octets;
    size_t n;
    bool ok;
  } const cases[] = {
      {{0x7f}, 127, true},       {{0x81, 0x7f}, 127, false}, {{0x81, 0x80}, 128, true},
      {{0x82, 0x00, 0x80}, 128, false}, {{0x82, 0x01, 0x00}, 256, true},
      {{0x83, 0x00, 0x01, 0x00}, 256, false}, {{0x81, 0xff}, 255, true},
  };
  size_t count = 0;
  for (const auto& c : cases) {
    std::vector<uint8_t> der = {0x04};
    der.insert(der.end(), c.len_octets.begin(), c.len_octets.end());
    der.resize(der.size() + c.n, 0xab);
    Reader r(view(der));
    ByteView v;
    EXPECT_EQ(read_octet_string(&r, &v) == Status::ok, c.ok) << c.n;
    if (c.ok) {
      EXPECT_EQ(v.size(), c.n);
      EXPECT_TRUE(r.empty());
    }
    // Every truncation of a valid element fails.
    for (size_t cut = 0; c.ok && cut < der.size(); cut++) {
      Reader t(der.data(), cut);
      EXPECT_NE(read_octet_string(&t, &v), Status::ok) << cut;
      count++;
    }
    count++;
  }
  petrel_test::report_cases("DER length boundaries and truncations", count);
}

TEST(Der, TagValues) {
  const std::vector<uint8_t> der = hex("3000 a003 020102 8100 9f8100 00 bf1f00 4000 c000");
  Reader r(view(der));
  Reader c;
  Tag t = 0;
  ASSERT_EQ(peek_tag(r, &t), Status::ok);
  EXPECT_EQ(t, kSequence);
  EXPECT_TRUE(next_is(r, kSequence));
  ASSERT_EQ(read_sequence(&r, &c), Status::ok);
  bool present = false;
  ASSERT_EQ(read_optional_explicit(&r, &c, &present, 1), Status::ok);
  EXPECT_FALSE(present);
  ASSERT_EQ(read_optional_explicit(&r, &c, &present, 0), Status::ok);
  EXPECT_TRUE(present);
  uint64_t v = 0;
  ASSERT_EQ(read_uint64(&c, &v), Status::ok);
  EXPECT_EQ(v, 2u);
  EXPECT_TRUE(c.empty());
  ASSERT_EQ(read_der(&r, &c, context(1)), Status::ok);
  ASSERT_EQ(read_der(&r, &c, context(128)), Status::ok);
  ASSERT_EQ(read_der(&r, &c, context_constructed(31)), Status::ok);
  ASSERT_EQ(read_any_der(&r, &t, &c), Status::ok);
  EXPECT_EQ(t, kClassApplication | 0);
  ASSERT_EQ(read_any_der(&r, &t, &c), Status::ok);
  EXPECT_EQ(t, kClassPrivate | 0);
  EXPECT_TRUE(r.empty());
  // Wrong tag: nothing consumed.
  const std::vector<uint8_t> one = hex("020101");
  Reader r2(view(one));
  EXPECT_EQ(read_sequence(&r2, &c), Status::decode_error);
  EXPECT_EQ(r2.remaining(), 3u);
}

TEST(Der, DepthLimit) {
  // 40 nested SEQUENCEs: fine with a limit of 40, rejected at the default 32.
  std::vector<uint8_t> der;
  for (size_t i = 0; i < 40; i++) {
    der.insert(der.begin(), static_cast<uint8_t>(2 * i));
    der.insert(der.begin(), 0x30);
  }
  EXPECT_EQ(validate_der(view(der), 40), Status::ok);
  EXPECT_EQ(validate_der(view(der), 39), Status::decode_error);
  EXPECT_EQ(validate_der(view(der)), Status::decode_error);
  DepthLimit d(2);
  EXPECT_TRUE(d.enter());
  EXPECT_TRUE(d.enter());
  EXPECT_FALSE(d.enter());
  d.leave();
  EXPECT_TRUE(d.enter());
}

struct IntCase {
  const char* der;
  bool ok;           // read_integer
  const char* mag;   // read_unsigned_integer result ("" = rejected)
  bool u64_ok;
  uint64_t u64;
};

const IntCase kInts[] = {
    {"020100", true, "00", true, 0},
    {"02017f", true, "7f", true, 127},
    {"02020080", true, "80", true, 128},
    {"02020100", true, "0100", true, 256},
    {"0201ff", true, "", false, 0},          // -1
    {"02028000", true, "", false, 0},        // -32768
    {"0202ff7f", true, "", false, 0},        // -129
    {"0200", false, "", false, 0},           // empty
    {"02020001", false, "", false, 0},       // non-minimal positive
    {"0202ff80", false, "", false, 0},       // non-minimal negative
    {"020300ff00", true, "ff00", true, 0xff00},  // 0x00 needed before 0xff
    {"0209 00ffffffffffffffff", true, "ffffffffffffffff", true, UINT64_MAX},
    {"0209 010000000000000000", true, "010000000000000000", false, 0},
    {"0208 7fffffffffffffff", true, "7fffffffffffffff", true, 0x7fffffffffffffffull},
    {"0a0101", false, "", false, 0},         // ENUMERATED is not INTEGER
};

TEST(Der, Integers) {
  size_t n = 0;
  for (const IntCase& c : kInts) {
    const std::vector<uint8_t> der = hex(c.der);
    ByteView out;
    Reader r(view(der));
    EXPECT_EQ(read_integer(&r, &out) == Status::ok, c.ok) << c.der;
    Reader r2(view(der));
    const bool mag_ok = read_unsigned_integer(&r2, &out) == Status::ok;
    EXPECT_EQ(mag_ok, std::string(c.mag) != "") << c.der;
    if (mag_ok) {
      EXPECT_EQ(to_hex(out.data(), out.size()), c.mag) << c.der;
      EXPECT_TRUE(r2.empty());
    } else {
      EXPECT_EQ(r2.remaining(), der.size());
    }
    Reader r3(view(der));
    uint64_t v = 0;
    EXPECT_EQ(read_uint64(&r3, &v) == Status::ok, c.u64_ok) << c.der;
    if (c.u64_ok) {
      EXPECT_EQ(v, c.u64) << c.der;
    }
    n++;
  }
  petrel_test::report_cases("DER INTEGER", n);
}

TEST(Der, BooleanNullBitOctet) {
  struct {
    const char* der;
    int kind;  // 0 bool, 1 null, 2 bit string, 3 bit string octets, 4 octet string
    bool ok;
  } const cases[] = {
      {"0101ff", 0, true},  {"010100", 0, true},   {"010101", 0, false}, {"01017f", 0, false},
      {"0100", 0, false},   {"01020000", 0, false}, {"0500", 1, true},   {"050100", 1, false},
      {"030100", 2, true},  {"030101", 2, false},  {"03020780", 2, true}, {"03020781", 2, false},
      {"03020800", 2, false}, {"0300", 2, false},  {"030300ffff", 2, true},
      {"03030104fe", 2, true}, {"03030104ff", 2, false},
      {"030200ff", 3, true}, {"030201fe", 3, false}, {"0400", 4, true}, {"0401aa", 4, true},
      {"2400", 4, false},   // constructed OCTET STRING (BER only)
      {"2300", 2, false},   // constructed BIT STRING (BER only)
  };
  size_t n = 0;
  for (const auto& c : cases) {
    const std::vector<uint8_t> der = hex(c.der);
    Reader r(view(der));
    Status s = Status::internal_error;
    bool b = false;
    ByteView v;
    uint8_t unused = 0;
    switch (c.kind) {
      case 0: s = read_boolean(&r, &b); break;
      case 1: s = read_null(&r); break;
      case 2: s = read_bit_string(&r, &v, &unused); break;
      case 3: s = read_bit_string_octets(&r, &v); break;
      default: s = read_octet_string(&r, &v); break;
    }
    EXPECT_EQ(s == Status::ok, c.ok) << c.der;
    EXPECT_EQ(r.empty(), c.ok) << c.der;
    if (c.kind == 0 && c.ok) {
      EXPECT_EQ(b, der[2] == 0xff);
    }
    n++;
  }
  petrel_test::report_cases("DER BOOLEAN/NULL/BIT STRING/OCTET STRING", n);
}

// read_any_value: an open type (ANY) read as strict DER, the contents of universal types
// checked as their own readers check them, recursively. The cases OpenSSL's ASN1_ANY refuses
// (zero-length BOOLEAN, NULL with contents, padded INTEGER, bad BIT STRING, bad OID) and the
// BER-only forms. A unit table, not a vector file: it prints no vector count.
TEST(Der, AnyValueIsStrictDer) {
  struct {
    const char* der;
    bool ok;
  } const cases[] = {
      {"0101ff", true},          {"010100", true},         {"0100", false},
      {"010101", false},         {"01020000", false},      {"0500", true},
      {"050100", false},         {"020100", true},         {"0200", false},
      {"02020001", false},       {"0202ff80", false},      {"0a0101", true},
      {"0a020001", false},       {"030100", true},         {"030101", false},
      {"03020781", false},       {"0603550403", true},     {"0600", false},
      {"06025584", false},       {"0603805504", false},  {"0c03616263", true},
      {"0c02c0af", false},       {"1e03004100", false},    {"1302612a", false},
      {"0401ff", true},          {"2400", false},          {"2c00", false},
      {"1000", false},           {"1100", false},          {"3000", true},
      {"30060101ff050100", false},
      {"30050101ff0500", true},  {"310401020000", false},    {"a0030101ff", true},
      {"a003010100", true},      {"a0020100", false},      {"5d0561626364ff", true},
      {"7f8101030101ff", true},      {"7f81010401020000", false},  {"3009300730053003050100", false},
  };
  for (const auto& c : cases) {
    const std::vector<uint8_t> der = hex(c.der);
    Reader r(view(der));
    Tag tag = 0;
    Reader contents;
    size_t header = 0;
    const Status s = read_any_value(&r, &tag, &contents, &header);
    EXPECT_EQ(s == Status::ok, c.ok) << c.der;
    EXPECT_EQ(r.empty(), c.ok) << c.der;
    // The framing alone accepts every one of these.
    Reader framing(view(der));
    EXPECT_EQ(read_any_der(&framing, &tag, &contents), Status::ok) << c.der;
  }
}

// Writer -> reader round trip of a structure with every type.
TEST(Der, WriterRoundTrip) {
  std::vector<uint8_t> big(300);
  for (size_t i = 0; i < big.size(); i++) {
    big[i] = static_cast<uint8_t>(i);
  }
  const uint8_t mag_hi[] = {0x00, 0x00, 0x80, 0x01};   // leading zeros stripped, 0x00 added
  const uint8_t mag_lo[] = {0x00, 0x7f};
  std::vector<uint8_t> out(1024);
  Writer w(MutableBytes(out.data(), out.size()));
  begin_der(&w, kSequence);
  add_unsigned_integer(&w, ByteView(mag_hi, sizeof(mag_hi)));
  add_unsigned_integer(&w, ByteView(mag_lo, sizeof(mag_lo)));
  add_unsigned_integer(&w, ByteView());
  add_uint64(&w, UINT64_MAX);
  add_uint64(&w, 0);
  add_boolean(&w, true);
  add_boolean(&w, false);
  add_null(&w);
  add_oid(&w, ByteView(oid::kSha256WithRsa, sizeof(oid::kSha256WithRsa)));
  add_bit_string(&w, view(big));
  add_octet_string(&w, view(big));
  begin_der(&w, context_constructed(0));
  add_uint64(&w, 2);
  w.end();
  add_der(&w, context(1), text("implicit"));
  begin_der(&w, context_constructed(200));
  begin_der(&w, kSet);
  add_string(&w, kPrintableString, text("Petrel Test"));
  add_string(&w, kUtf8String, text("\xc3\xa9t\xc3\xa9"));
  w.end();
  w.end();
  add_time(&w, -631152000);      // 1950-01-01: UTCTime
  add_time(&w, 2524607999);      // 2049-12-31T23:59:59: UTCTime
  add_time(&w, 2524608000);      // 2050-01-01: GeneralizedTime
  add_time(&w, -631152001);      // 1949-12-31T23:59:59: GeneralizedTime
  add_generalized_time(&w, 0);
  w.end();
  size_t len = 0;
  ASSERT_EQ(w.finish(&len), Status::ok);
  ASSERT_EQ(validate_der(ByteView(out.data(), len)), Status::ok);

  Reader top(out.data(), len);
  Reader seq;
  ASSERT_EQ(read_sequence(&top, &seq), Status::ok);
  EXPECT_TRUE(top.empty());
  ByteView v;
  ASSERT_EQ(read_integer(&seq, &v), Status::ok);
  EXPECT_EQ(to_hex(v.data(), v.size()), "008001");
  ASSERT_EQ(read_integer(&seq, &v), Status::ok);
  EXPECT_EQ(to_hex(v.data(), v.size()), "7f");
  ASSERT_EQ(read_integer(&seq, &v), Status::ok);
  EXPECT_EQ(to_hex(v.data(), v.size()), "00");
  uint64_t u = 0;
  ASSERT_EQ(read_uint64(&seq, &u), Status::ok);
  EXPECT_EQ(u, UINT64_MAX);
  ASSERT_EQ(read_uint64(&seq, &u), Status::ok);
  EXPECT_EQ(u, 0u);
  bool b = false;
  ASSERT_EQ(read_boolean(&seq, &b), Status::ok);
  EXPECT_TRUE(b);
  ASSERT_EQ(read_boolean(&seq, &b), Status::ok);
  EXPECT_FALSE(b);
  ASSERT_EQ(read_null(&seq), Status::ok);
  ASSERT_EQ(read_oid(&seq, &v), Status::ok);
  EXPECT_TRUE(oid_equal(v, ByteView(oid::kSha256WithRsa, sizeof(oid::kSha256WithRsa))));
  EXPECT_FALSE(oid_equal(v, ByteView(oid::kSha1WithRsa, sizeof(oid::kSha1WithRsa))));
  ASSERT_EQ(read_bit_string_octets(&seq, &v), Status::ok);
  EXPECT_EQ(v.size(), big.size());
  EXPECT_EQ(0, std::memcmp(v.data(), big.data(), big.size()));
  ASSERT_EQ(read_octet_string(&seq, &v), Status::ok);
  EXPECT_EQ(0, std::memcmp(v.data(), big.data(), big.size()));
  Reader inner;
  ASSERT_EQ(read_explicit(&seq, &inner, 0), Status::ok);
  ASSERT_EQ(read_uint64(&inner, &u), Status::ok);
  EXPECT_EQ(u, 2u);
  EXPECT_TRUE(inner.empty());
  ASSERT_EQ(read_der(&seq, &inner, context(1)), Status::ok);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(inner.data()), inner.remaining()), "implicit");
  ASSERT_EQ(read_explicit(&seq, &inner, 200), Status::ok);
  Reader set;
  ASSERT_EQ(read_set(&inner, &set), Status::ok);
  Tag tag = 0;
  ASSERT_EQ(read_string(&set, &tag, &v), Status::ok);
  EXPECT_EQ(tag, kPrintableString);
  ASSERT_EQ(read_string_of(&set, &v, kUtf8String), Status::ok);
  EXPECT_TRUE(set.empty());
  const struct {
    Tag tag;
    int64_t t;
  } times[] = {{kUtcTime, -631152000}, {kUtcTime, 2524607999}, {kGeneralizedTime, 2524608000},
               {kGeneralizedTime, -631152001}, {kGeneralizedTime, 0}};
  for (const auto& t : times) {
    Tag got = 0;
    ASSERT_EQ(peek_tag(seq, &got), Status::ok);
    EXPECT_EQ(got, t.tag) << t.t;
    int64_t e = 0;
    ASSERT_EQ(read_time(&seq, &e), Status::ok);
    EXPECT_EQ(e, t.t);
  }
  EXPECT_TRUE(seq.empty());
}

TEST(Der, WriterRejectsBadValues) {
  uint8_t out[64];
  const uint8_t bad_oid[] = {0x2a, 0x80};
  {
    Writer w(MutableBytes(out, sizeof(out)));
    add_oid(&w, ByteView(bad_oid, sizeof(bad_oid)));
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(out, sizeof(out)));
    add_string(&w, kPrintableString, text("a@b"));
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(out, sizeof(out)));
    add_utc_time(&w, 2524608000);  // 2050
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(out, sizeof(out)));
    add_time(&w, 253402300800);  // year 10000
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    Writer w(MutableBytes(out, sizeof(out)));
    begin_der(&w, context(kMaxTagNumber + 1));
    EXPECT_EQ(w.status(), Status::invalid_argument);
  }
  {
    // High tag numbers round-trip.
    Writer w(MutableBytes(out, sizeof(out)));
    add_der(&w, context(kMaxTagNumber), ByteView());
    add_der(&w, kClassApplication | 31, ByteView());
    size_t len = 0;
    ASSERT_EQ(w.finish(&len), Status::ok);
    Reader r(out, len);
    Reader c;
    EXPECT_EQ(read_der(&r, &c, context(kMaxTagNumber)), Status::ok);
    EXPECT_EQ(read_der(&r, &c, kClassApplication | 31), Status::ok);
    EXPECT_TRUE(r.empty());
  }
  {
    // Output exactly one byte short at every size: buffer_too_small, never an overrun.
    uint8_t ref[64];
    Writer w(MutableBytes(ref, sizeof(ref)));
    begin_der(&w, kSequence);
    add_uint64(&w, 0x1234567890);
    add_string(&w, kUtf8String, text("x"));
    w.end();
    size_t need = 0;
    ASSERT_EQ(w.finish(&need), Status::ok);
    for (size_t cap = 0; cap < need; cap++) {
      Writer s(MutableBytes(out, cap));
      begin_der(&s, kSequence);
      add_uint64(&s, 0x1234567890);
      add_string(&s, kUtf8String, text("x"));
      s.end();
      EXPECT_EQ(s.status(), Status::buffer_too_small) << cap;
    }
  }
}
}  // namespace
}  // namespace asn1
}  // namespace petrel
