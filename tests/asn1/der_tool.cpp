// Test helper for the openssl cross-checks in tests/asn1/tests.cmake and tests/pem/tests.cmake
// (host only). Not part of the library. Subcommands:
//   oids                 one line per oid.h constant: "<dotted> <hex of contents>"
//   walk FILE            every DER element: "<offset> <depth> <header len> <len> cons|prim",
//                        the format of `openssl asn1parse` columns, so the two can be diffed
//   times FILE           every UTCTime/GeneralizedTime in FILE as seconds since the epoch
//   b64enc FILE          base64 of FILE on stdout (one line)
//   b64dec FILE          base64 text of FILE (whitespace allowed) decoded to stdout
//   pem2der FILE LABEL   first PEM block with LABEL decoded to stdout ("-" = any label)
//   der2pem FILE LABEL   DER in FILE written as PEM to stdout
//   mkder                a DER structure made with the writer, to stdout
// Exit status: 0 ok, 1 decode error, 2 unsupported, 3 usage/IO error.
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/pem/pem.h"

using namespace petrel;

namespace {

bool read_file(const char* path, std::vector<uint8_t>* out) {
  FILE* f = std::fopen(path, "rb");
  if (f == nullptr) {
    return false;
  }
  uint8_t buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    out->insert(out->end(), buf, buf + n);
  }
  std::fclose(f);
  return true;
}

void write_out(const uint8_t* p, size_t n) {
  if (n != 0) {
    std::fwrite(p, 1, n, stdout);
  }
}

int status_exit(Status s) {
  if (s == Status::ok) {
    return 0;
  }
  std::fprintf(stderr, "error: %s\n", status_name(s));
  return s == Status::unsupported ? 2 : 1;
}

Status walk(Reader r, size_t base, size_t depth, asn1::DepthLimit* limit, bool times) {
  while (!r.empty()) {
    const size_t offset = base;
    asn1::Tag tag = 0;
    Reader contents;
    size_t header = 0;
    const size_t before = r.remaining();
    Reader element_start = r;
    if (asn1::read_any_der(&r, &tag, &contents, &header) != Status::ok) {
      return Status::decode_error;
    }
    const bool cons = asn1::is_constructed(tag);
    if (!times) {
      std::printf("%zu %zu %zu %zu %s\n", offset, depth, header, contents.remaining(),
                  cons ? "cons" : "prim");
    } else if (tag == asn1::kUtcTime || tag == asn1::kGeneralizedTime) {
      int64_t t = 0;
      if (asn1::read_time(&element_start, &t) != Status::ok) {
        return Status::decode_error;
      }
      std::printf("%" PRId64 "\n", t);
    }
    if (cons) {
      if (!limit->enter()) {
        return Status::decode_error;
      }
      const Status s = walk(contents, offset + header, depth + 1, limit, times);
      limit->leave();
      if (s != Status::ok) {
        return s;
      }
    }
    base += before - r.remaining();
  }
  return Status::ok;
}

int make_der() {
  static uint8_t out[2048];
  Writer w(MutableBytes(out, sizeof(out)));
  const uint8_t mag[] = {0x00, 0x80, 0x00, 0x00, 0x01};
  const uint8_t octets[] = {0xde, 0xad, 0xbe, 0xef};
  asn1::begin_der(&w, asn1::kSequence);
  asn1::add_unsigned_integer(&w, ByteView(mag, sizeof(mag)));
  asn1::add_uint64(&w, 65537);
  asn1::add_boolean(&w, true);
  asn1::add_null(&w);
  asn1::add_oid(&w, ByteView(asn1::oid::kSha256WithRsa, sizeof(asn1::oid::kSha256WithRsa)));
  asn1::add_bit_string(&w, ByteView(octets, sizeof(octets)));
  asn1::add_octet_string(&w, ByteView(octets, sizeof(octets)));
  asn1::add_string(&w, asn1::kPrintableString,
                   ByteView(reinterpret_cast<const uint8_t*>("Petrel"), 6));
  asn1::add_string(&w, asn1::kUtf8String, ByteView(reinterpret_cast<const uint8_t*>("caf\xc3\xa9"), 5));
  asn1::add_time(&w, 1700000000);   // 2023-11-14T22:13:20Z
  asn1::add_time(&w, 2556144000);   // 2051-01-01T00:00:00Z
  asn1::begin_der(&w, asn1::context_constructed(0));
  asn1::add_uint64(&w, 2);
  w.end();
  std::vector<uint8_t> big(200, 0x5a);
  asn1::add_octet_string(&w, ByteView(big.data(), big.size()));
  w.end();
  size_t len = 0;
  const Status s = w.finish(&len);
  if (s == Status::ok) {
    write_out(out, len);
  }
  return status_exit(s);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: der_tool oids|walk|times|b64enc|b64dec|pem2der|der2pem|mkder ...\n");
    return 3;
  }
  const std::string cmd = argv[1];
  if (cmd == "oids") {
    for (const asn1::OidInfo& info : asn1::kOidTable) {
      std::printf("%s ", info.dotted);
      for (uint8_t b : info.der) {
        std::printf("%02x", b);
      }
      std::printf("\n");
    }
    return 0;
  }
  if (cmd == "mkder") {
    return make_der();
  }
  std::vector<uint8_t> in;
  if (argc < 3 || !read_file(argv[2], &in)) {
    std::fprintf(stderr, "cannot read input\n");
    return 3;
  }
  const ByteView view(in.data(), in.size());
  if (cmd == "walk" || cmd == "times") {
    asn1::DepthLimit limit;
    return status_exit(walk(Reader(view), 0, 0, &limit, cmd == "times"));
  }
  if (cmd == "b64enc") {
    std::vector<uint8_t> out(pem::base64_encoded_len(in.size()));
    size_t len = 0;
    const Status s = pem::base64_encode(MutableBytes(out.data(), out.size()), &len, view);
    if (s == Status::ok) {
      write_out(out.data(), len);
      std::printf("\n");
    }
    return status_exit(s);
  }
  if (cmd == "b64dec") {
    std::vector<uint8_t> out(pem::base64_decoded_max_len(in.size()));
    size_t len = 0;
    const Status s = pem::base64_decode_lines(MutableBytes(out.data(), out.size()), &len, view);
    if (s == Status::ok) {
      write_out(out.data(), len);
    }
    return status_exit(s);
  }
  if (argc < 4) {
    return 3;
  }
  const char* label = std::strcmp(argv[3], "-") == 0 ? nullptr : argv[3];
  if (cmd == "pem2der") {
    std::vector<uint8_t> out(in.size());
    size_t len = 0;
    const Status s = pem::read_pem(MutableBytes(out.data(), out.size()), &len, view, label);
    if (s == Status::ok) {
      write_out(out.data(), len);
    }
    return status_exit(s);
  }
  if (cmd == "der2pem" && label != nullptr) {
    std::vector<uint8_t> out(pem::pem_encoded_len(std::strlen(label), in.size()));
    size_t len = 0;
    const Status s = pem::write_pem(MutableBytes(out.data(), out.size()), &len, label, view);
    if (s == Status::ok) {
      write_out(out.data(), len);
    }
    return status_exit(s);
  }
  return 3;
}
