// The HTTP/1.1 response parser of `petrel get` (tools/petrel/http.h): Content-Length, chunked
// bodies fed whole and split at every byte, read-to-close, and the refusals (bad chunk sizes,
// huge headers, wrong or conflicting lengths, truncation, smuggling-shaped headers).
#include "tools/petrel/http.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using petrel_tool::http::ResponseParser;

struct Result {
  bool ok = false;
  std::string body;
  std::string error;
  int status = 0;
};

// Feeds `wire` in pieces of `step` bytes (0: whole), then finish() if `close`.
Result run(const std::string& wire, size_t step = 0, bool close = true,
           size_t max_header = ResponseParser::kDefaultMaxHeaderBytes) {
  ResponseParser p(max_header);
  std::vector<uint8_t> body;
  const auto* data = reinterpret_cast<const uint8_t*>(wire.data());
  bool ok = true;
  if (step == 0) {
    ok = p.feed(data, wire.size(), &body);
  } else {
    for (size_t i = 0; ok && i < wire.size(); i += step) {
      ok = p.feed(data + i, std::min(step, wire.size() - i), &body);
    }
  }
  if (ok && close) {
    ok = p.finish();
  }
  Result r;
  r.ok = ok && p.done();
  r.body.assign(body.begin(), body.end());
  r.error = p.error();
  r.status = p.status();
  return r;
}

// Feeds `wire` split in two at every position.
void expect_every_split(const std::string& wire, const std::string& body) {
  for (size_t cut = 0; cut <= wire.size(); ++cut) {
    ResponseParser p;
    std::vector<uint8_t> out;
    const auto* d = reinterpret_cast<const uint8_t*>(wire.data());
    ASSERT_TRUE(p.feed(d, cut, &out)) << "cut " << cut << ": " << p.error();
    ASSERT_TRUE(p.feed(d + cut, wire.size() - cut, &out)) << "cut " << cut << ": " << p.error();
    ASSERT_TRUE(p.finish()) << "cut " << cut << ": " << p.error();
    EXPECT_EQ(std::string(out.begin(), out.end()), body) << "cut " << cut;
  }
}

const char kChunked[] =
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/xml\r\n\r\n"
    "5\r\n<prof\r\n"
    "19;name=value\r\nile device=\"SEP0011223344\r\n"
    "000b\r\n55\"></prof>\r\n"
    "0\r\nX-Trailer: yes\r\n\r\n";
const char kChunkedBody[] = "<profile device=\"SEP001122334455\"></prof>";

TEST(HttpParser, ContentLength) {
  const Result r = run("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.body, "hello");
  EXPECT_EQ(r.status, 200);
  // Complete without the close: the length says where the body ends.
  EXPECT_TRUE(run("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 0, false).ok);
  // Repeated and list forms that agree are one length.
  EXPECT_TRUE(run("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-length: 5, 5\r\n\r\nhello").ok);
  // Zero length, and bare LF line ends.
  EXPECT_TRUE(run("HTTP/1.1 200 OK\nContent-Length: 0\n\n").ok);
  expect_every_split("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "hello");
}

TEST(HttpParser, Chunked) {
  Result r = run(kChunked);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.body, kChunkedBody);
  for (size_t step = 1; step <= 7; ++step) {
    r = run(kChunked, step);
    EXPECT_TRUE(r.ok) << "step " << step << ": " << r.error;
    EXPECT_EQ(r.body, kChunkedBody) << "step " << step;
  }
  expect_every_split(kChunked, kChunkedBody);
  // Done at the end of the last chunk, without waiting for the close.
  EXPECT_TRUE(run(kChunked, 1, false).ok);
}

TEST(HttpParser, ReadToClose) {
  Result r = run("HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\nline 1\nline 2\n", 3);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.body, "line 1\nline 2\n");
  r = run("HTTP/1.0 200 ok\r\n\r\npartial", 0, false);
  EXPECT_FALSE(r.ok);  // not done until the connection closes
}

TEST(HttpParser, InterimResponseSkipped) {
  const Result r = run("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.body, "ok");
  EXPECT_EQ(r.status, 200);
}

TEST(HttpParser, BadChunkSizes) {
  const char* bad[] = {
      "-5\r\nhello\r\n0\r\n\r\n",         // sign
      "+5\r\nhello\r\n0\r\n\r\n",         // sign
      " 5\r\nhello\r\n0\r\n\r\n",         // leading space
      "5 \r\nhello\r\n0\r\n\r\n",         // trailing space
      "0x5\r\nhello\r\n0\r\n\r\n",        // prefix
      "\r\nhello\r\n0\r\n\r\n",           // empty
      "g\r\nhello\r\n0\r\n\r\n",          // not hex
      "fffffffffffffffff\r\nx\r\n0\r\n\r\n",  // overflow
      "4\r\nhello\r\n0\r\n\r\n",          // too short: data where the CRLF should be
      "6\r\nhello\r\n0\r\n\r\n",          // too long: eats the CR
  };
  for (const char* b : bad) {
    const Result r = run(std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") + b);
    EXPECT_FALSE(r.ok) << "accepted chunked body '" << b << "'";
    EXPECT_FALSE(r.error.empty());
  }
  const Result r = run("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
  EXPECT_NE(r.error.find("bad chunk size 'zz'"), std::string::npos) << r.error;
}

TEST(HttpParser, Truncated) {
  Result r = run("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("truncated body: 5 of 10 bytes"), std::string::npos) << r.error;
  // A chunked body without its last chunk.
  r = run("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("before the last chunk"), std::string::npos) << r.error;
  // The last chunk but not the empty line after the trailers.
  r = run("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n");
  EXPECT_FALSE(r.ok);
  // Nothing at all, and half the headers.
  r = run("");
  EXPECT_NE(r.error.find("without a response"), std::string::npos) << r.error;
  r = run("HTTP/1.1 200 OK\r\nContent-Le");
  EXPECT_NE(r.error.find("inside the response headers"), std::string::npos) << r.error;
}

TEST(HttpParser, WrongLength) {
  // More bytes than Content-Length announced.
  Result r = run("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nhello");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("after the end of the response"), std::string::npos) << r.error;
  r = run("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello");
  EXPECT_NE(r.error.find("conflicting Content-Length values (5 and 6)"), std::string::npos) << r.error;
  r = run("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello");
  EXPECT_FALSE(r.ok);
  const char* bad[] = {"-1", "+5", "5x", "0x5", "", "5,", "99999999999999999999", "5 5"};
  for (const char* b : bad) {
    r = run(std::string("HTTP/1.1 200 OK\r\nContent-Length: ") + b + "\r\n\r\nhello");
    EXPECT_FALSE(r.ok) << "accepted Content-Length '" << b << "'";
  }
  r = run("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  EXPECT_NE(r.error.find("both Transfer-Encoding and Content-Length"), std::string::npos) << r.error;
  r = run("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxx");
  EXPECT_NE(r.error.find("unsupported Transfer-Encoding 'gzip'"), std::string::npos) << r.error;
}

TEST(HttpParser, HugeHeaders) {
  std::string wire = "HTTP/1.1 200 OK\r\n";
  for (int i = 0; i < 400; ++i) {
    wire += "X-Filler-" + std::to_string(i) + ": 0123456789012345678901234567890123456789\r\n";
  }
  wire += "Content-Length: 2\r\n\r\nok";
  Result r = run(wire, 100);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("response headers larger than 16384 bytes"), std::string::npos) << r.error;
  // The same headers under a larger limit are fine.
  r = run(wire, 100, true, 64 * 1024);
  EXPECT_TRUE(r.ok) << r.error;
  // One endless line.
  r = run("HTTP/1.1 200 OK\r\nX: " + std::string(20000, 'a'));
  EXPECT_NE(r.error.find("larger than"), std::string::npos) << r.error;
  // Huge trailers count against the same limit.
  r = run("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " + std::string(20000, 'a'));
  EXPECT_NE(r.error.find("larger than"), std::string::npos) << r.error;
}

TEST(HttpParser, StatusCodes) {
  Result r = run("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found");
  EXPECT_TRUE(r.ok);  // a well-formed response: the caller refuses a non-2xx status
  EXPECT_EQ(r.status, 404);
  r = run("HTTP/1.1 204 No Content\r\n\r\n");
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 204);
  ResponseParser p;
  std::vector<uint8_t> body;
  const std::string w = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";
  ASSERT_TRUE(p.feed(reinterpret_cast<const uint8_t*>(w.data()), w.size(), &body));
  EXPECT_EQ(p.status(), 503);
  EXPECT_EQ(p.reason(), "Service Unavailable");
  EXPECT_EQ(p.minor_version(), 1);
}

TEST(HttpParser, MalformedHeaders) {
  const char* bad[] = {
      "HTTP/2 200 OK\r\n\r\n",
      "HTTP/1.1 20 OK\r\n\r\n",
      "HTTP/1.1 2000 OK\r\n\r\n",
      "ICY 200 OK\r\n\r\n",
      "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
      "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello",
      "HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n",
      "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n",
      "HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n",
      "HTTP/1.1 101 Switching Protocols\r\n\r\n",
  };
  for (const char* b : bad) {
    const Result r = run(std::string(b, b + std::char_traits<char>::length(b) +
                                               (std::string(b).find("a\0b") != std::string::npos)));
    EXPECT_FALSE(r.ok) << "accepted '" << b << "'";
  }
  const Result r = run(std::string("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 28));
  EXPECT_NE(r.error.find("control character"), std::string::npos) << r.error;
}

TEST(HttpUrl, Parse) {
  petrel_tool::http::Url u;
  std::string err;
  ASSERT_TRUE(petrel_tool::http::parse_url("https://localhost:4433/profile.xml", &u, &err)) << err;
  EXPECT_EQ(u.host, "localhost");
  EXPECT_EQ(u.port, "4433");
  EXPECT_EQ(u.target, "/profile.xml");
  ASSERT_TRUE(petrel_tool::http::parse_url("HTTPS://prov.example.net", &u, &err)) << err;
  EXPECT_EQ(u.port, "443");
  EXPECT_EQ(u.target, "/");
  ASSERT_TRUE(petrel_tool::http::parse_url("https://[::1]:8443/a?b=c#frag", &u, &err)) << err;
  EXPECT_EQ(u.host, "::1");
  EXPECT_TRUE(u.ipv6_literal);
  EXPECT_EQ(u.target, "/a?b=c");
  const char* bad[] = {"http://h/", "h/p", "https://", "https://h:0/", "https://h:65536/",
                       "https://h:x/", "https://u@h/", "https://h/a b", "https://[::1/"};
  for (const char* b : bad) {
    EXPECT_FALSE(petrel_tool::http::parse_url(b, &u, &err)) << b;
  }
}

}  // namespace
