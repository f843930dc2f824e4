// Fuzz target "http": the HTTP/1.1 response parser of `petrel get`
// (tools/petrel/http.{h,cpp}: ResponseParser::feed and ::finish: the status line, 1xx interim
// responses, header lines and their limit, Content-Length lists, Transfer-Encoding: chunked
// with chunk sizes, extensions and trailers, bodies until the close) and parse_url on the
// input's first line. http.cpp is compiled into the target (fuzz/http.sources).
// Input: byte 0 seeds the chunking (the response is fed in pieces of 1..2k bytes, k from it;
// 0: one byte at a time), byte 1 the header limit (0: the default 16 KiB, else 16 * byte 1);
// the rest is the response as the connection delivers it, then finish().
// Properties: no crash, also on huge headers; the body bytes delivered equal body_bytes() and
// never exceed Content-Length; "complete" (done(), finish() true) only when the framing is
// complete: the whole Content-Length arrived (unless 204/304), or a chunked body ended with
// its last chunk and trailers, or the body ran until the close; the headers kept stay within
// the limit; a failed parser stays failed and delivers nothing more; the verdict, status,
// headers and body do not depend on how the bytes were split (pieces vs. one call).
#include <string>
#include <vector>

#include "fuzz/driver.h"
#include "tools/petrel/http.h"

using petrel_tool::http::ResponseParser;

namespace {

struct Outcome {
  bool feed_ok = false;
  bool finish_ok = false;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<uint8_t> body;
};

void check_invariants(const ResponseParser& p, const std::vector<uint8_t>& body,
                      size_t max_header_bytes) {
  PETREL_FUZZ_CHECK(p.body_bytes() == body.size());
  if (p.has_content_length() && !p.chunked()) {
    PETREL_FUZZ_CHECK(p.body_bytes() <= p.content_length());
  }
  size_t header_bytes = 0;
  for (const auto& h : p.headers()) {
    header_bytes += h.first.size() + h.second.size();
  }
  PETREL_FUZZ_CHECK(header_bytes <= max_header_bytes);
  if (p.done()) {
    PETREL_FUZZ_CHECK(p.headers_done() && !p.failed());
    PETREL_FUZZ_CHECK(p.status() >= 200 && p.status() <= 999);
  }
  if (p.failed()) {
    PETREL_FUZZ_CHECK(!p.error().empty());
  }
}

Outcome run(const uint8_t* data, size_t size, size_t step, uint32_t seed, size_t max_header) {
  Outcome o;
  ResponseParser p(max_header);
  bool ok = true;
  size_t i = 0;
  uint32_t x = seed | 1u;
  while (i < size) {
    size_t n = step;
    if (seed == 0) {
      n = size - i;
    } else if (step > 1) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      n = 1 + x % (2 * step);
    }
    if (n > size - i) {
      n = size - i;
    }
    const bool was_failed = p.failed();
    const size_t before = o.body.size();
    const bool r = p.feed(data + i, n, &o.body);
    if (was_failed) {
      PETREL_FUZZ_CHECK(!r && o.body.size() == before);
    }
    PETREL_FUZZ_CHECK(r == !p.failed());
    ok = ok && r;
    check_invariants(p, o.body, max_header);
    i += n;
  }
  o.feed_ok = ok;
  const bool was_done = p.done();
  const bool in_body_to_close = p.headers_done() && !p.done() && !p.failed() && !p.chunked() &&
                                !p.has_content_length();
  o.finish_ok = p.finish();
  PETREL_FUZZ_CHECK(o.finish_ok == p.done());
  if (o.finish_ok) {
    // Complete framing only.
    PETREL_FUZZ_CHECK(ok);
    PETREL_FUZZ_CHECK(was_done || in_body_to_close);
    if (p.has_content_length() && p.status() != 204 && p.status() != 304) {
      PETREL_FUZZ_CHECK(p.body_bytes() == p.content_length());
    }
    if (p.status() == 204 || p.status() == 304) {
      PETREL_FUZZ_CHECK(o.body.empty());
    }
  }
  check_invariants(p, o.body, max_header);
  o.status = p.status();
  o.headers = p.headers();
  return o;
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  if (size < 2) {
    return 0;
  }
  const size_t step = data[0] == 0 ? 1 : static_cast<size_t>(data[0]);
  const size_t max_header = data[1] == 0 ? ResponseParser::kDefaultMaxHeaderBytes
                                         : 16 * static_cast<size_t>(data[1]);
  const uint8_t* resp = data + 2;
  const size_t len = size - 2;

  const Outcome pieces = run(resp, len, step, (data[0] * 2654435761u) | 1u, max_header);
  const Outcome whole = run(resp, len, 0, 0, max_header);
  PETREL_FUZZ_CHECK(pieces.feed_ok == whole.feed_ok && pieces.finish_ok == whole.finish_ok);
  if (pieces.feed_ok) {
    PETREL_FUZZ_CHECK(pieces.status == whole.status && pieces.headers == whole.headers);
    PETREL_FUZZ_CHECK(pieces.body == whole.body);
  }

  // The first line as a URL.
  size_t eol = 0;
  while (eol < len && eol < 512 && resp[eol] != '\n') {
    eol++;
  }
  petrel_tool::http::Url url;
  std::string error;
  if (petrel_tool::http::parse_url(std::string(reinterpret_cast<const char*>(resp), eol), &url,
                                   &error)) {
    PETREL_FUZZ_CHECK(!url.host.empty() && !url.target.empty() && url.target[0] == '/');
  } else {
    PETREL_FUZZ_CHECK(!error.empty());
  }
  return 0;
}
