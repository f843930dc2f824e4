// Fuzz target "der": crypto/asn1/der.h on arbitrary bytes. Aims at read_any_der / parse of tags
// and lengths, validate_der with its DepthLimit, peek_tag, the typed readers (read_integer,
// read_unsigned_integer, read_uint64, read_boolean, read_null, read_oid, oid_to_text,
// oid_from_text, read_bit_string, read_octet_string, read_string, string_to_utf8, read_time),
// and the writer (begin_der, add_der, add_unsigned_integer, add_boolean, add_utc_time,
// add_generalized_time, Writer::end's length moves).
// Properties: whatever validate_der accepts re-encodes through the Writer to the same bytes
// (DER framing is canonical); every typed value that parses re-encodes to the same element;
// an OID's dotted text parses back to the same contents.
#include <cstring>
#include <vector>

#include "crypto/asn1/der.h"
#include "fuzz/driver.h"

using namespace petrel;
using namespace petrel::asn1;

namespace {

bool same(ByteView a, ByteView b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

// Re-encodes one element from its parts and checks it equals the original bytes.
void check_reencode(ByteView element, void (*write)(Writer*, const void*), const void* arg) {
  std::vector<uint8_t> out(element.size() + 16);
  Writer w(MutableBytes(out.data(), out.size()));
  write(&w, arg);
  size_t len = 0;
  PETREL_FUZZ_CHECK(w.finish(&len) == Status::ok);
  PETREL_FUZZ_CHECK(same(ByteView(out.data(), len), element));
}

void typed(Tag tag, ByteView element) {
  Reader r(element);
  if (tag == kInteger) {
    ByteView mag;
    uint64_t v = 0;
    Reader r2 = r;
    if (read_unsigned_integer(&r, &mag) == Status::ok) {
      check_reencode(element, [](Writer* w, const void* p) {
        add_unsigned_integer(w, *static_cast<const ByteView*>(p));
      }, &mag);
      if (read_uint64(&r2, &v) == Status::ok) {
        check_reencode(element, [](Writer* w, const void* p) {
          add_uint64(w, *static_cast<const uint64_t*>(p));
        }, &v);
      }
    }
  } else if (tag == kBoolean) {
    bool b = false;
    if (read_boolean(&r, &b) == Status::ok) {
      check_reencode(element, [](Writer* w, const void* p) {
        add_boolean(w, *static_cast<const bool*>(p));
      }, &b);
    }
  } else if (tag == kNull) {
    (void)read_null(&r);
  } else if (tag == kOid) {
    ByteView oid;
    if (read_oid(&r, &oid) == Status::ok) {
      uint8_t text[512];
      size_t text_len = 0;
      const Status s = oid_to_text(MutableBytes(text, sizeof(text)), &text_len, oid);
      PETREL_FUZZ_CHECK(s == Status::ok || s == Status::buffer_too_small || s == Status::decode_error);
      if (s == Status::ok) {
        std::vector<uint8_t> back(oid.size() + 16);
        size_t back_len = 0;
        PETREL_FUZZ_CHECK(oid_from_text(MutableBytes(back.data(), back.size()), &back_len,
                                        ByteView(text, text_len)) == Status::ok);
        PETREL_FUZZ_CHECK(same(ByteView(back.data(), back_len), oid));
      }
    }
  } else if (tag == kBitString) {
    ByteView bits;
    uint8_t unused = 0;
    if (read_bit_string(&r, &bits, &unused) == Status::ok) {
      PETREL_FUZZ_CHECK(unused < 8);
    }
  } else if (tag == kOctetString) {
    ByteView v;
    PETREL_FUZZ_CHECK(read_octet_string(&r, &v) == Status::ok);
  } else if (is_string_tag(tag)) {
    Tag t = 0;
    ByteView v;
    if (read_string(&r, &t, &v) == Status::ok) {
      std::vector<uint8_t> utf8(v.size() * 4 + 1);
      size_t n = 0;
      PETREL_FUZZ_CHECK(string_to_utf8(MutableBytes(utf8.data(), utf8.size()), &n, t, v) == Status::ok);
    }
  } else if (tag == kUtcTime || tag == kGeneralizedTime) {
    int64_t t = 0;
    if (read_time(&r, &t) == Status::ok) {
      if (tag == kUtcTime) {
        check_reencode(element, [](Writer* w, const void* p) {
          add_utc_time(w, *static_cast<const int64_t*>(p));
        }, &t);
      } else {
        check_reencode(element, [](Writer* w, const void* p) {
          add_generalized_time(w, *static_cast<const int64_t*>(p));
        }, &t);
      }
    }
  }
}

// Walks the elements of r, checking typed values, and writes them again into w.
bool walk(Reader r, Writer* w, DepthLimit* depth) {
  while (!r.empty()) {
    const Reader start = r;
    Tag tag = 0;
    Reader contents;
    size_t header = 0;
    if (read_any_der(&r, &tag, &contents, &header) != Status::ok) {
      return false;
    }
    Tag peeked = 0;
    PETREL_FUZZ_CHECK(peek_tag(start, &peeked) == Status::ok && peeked == tag);
    const ByteView element(start.data(), header + contents.remaining());
    begin_der(w, tag);
    if (is_constructed(tag)) {
      if (!depth->enter()) {
        return false;
      }
      const bool ok = walk(contents, w, depth);
      depth->leave();
      if (!ok) {
        return false;
      }
    } else {
      typed(tag, element);
      w->add_bytes(contents.view());
    }
    w->end();
  }
  return true;
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  const bool valid = validate_der(in) == Status::ok;
  std::vector<uint8_t> out(size + 16);
  Writer w(MutableBytes(out.data(), out.size()));
  DepthLimit depth;
  const bool walked = walk(Reader(in), &w, &depth);
  PETREL_FUZZ_CHECK(walked == valid);
  if (valid) {
    size_t len = 0;
    PETREL_FUZZ_CHECK(w.finish(&len) == Status::ok);
    PETREL_FUZZ_CHECK(same(ByteView(out.data(), len), in));
  }
  return 0;
}
