// The HTTP/1.1 response parser of `petrel get` (RFC 9112): a push parser fed whatever bytes the
// connection delivers, in pieces of any size, so that it can be unit-tested byte by byte and
// fuzzed. Strict on purpose: the phone trusts the profile it stores, so anything ambiguous is a
// failure with a sentence, never a guess.
//
//   status line   HTTP/1.0 or HTTP/1.1, a three-digit code, a reason; 1xx interim responses
//                 are skipped
//   headers       name ":" value lines; total header bytes (and chunk trailers) limited
//                 (16 KiB by default); obs-fold and whitespace before the colon refused
//   body          Content-Length (repeats must agree; a list must agree), or
//                 Transfer-Encoding: chunked (hex sizes only, no sign or spaces, extensions
//                 ignored, exactly CRLF after each chunk, trailers), or until the close;
//                 both Content-Length and Transfer-Encoding refused (request smuggling); a body
//                 shorter than announced, a missing last chunk or bytes after the end refused
#ifndef PETREL_TOOLS_PETREL_HTTP_H
#define PETREL_TOOLS_PETREL_HTTP_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace petrel_tool {
namespace http {

class ResponseParser final {
 public:
  static constexpr size_t kDefaultMaxHeaderBytes = 16 * 1024;
  explicit ResponseParser(size_t max_header_bytes = kDefaultMaxHeaderBytes)
      : m_max_header_bytes(max_header_bytes) {}

  // Feeds the next bytes of the response. Body bytes are appended to *body. Returns false on a
  // malformed or refused response: error() says why, and every later call fails too.
  bool feed(const uint8_t* data, size_t len, std::vector<uint8_t>* body);
  // The connection ended cleanly (for TLS: after close_notify). Returns false if the response
  // is not complete (a short body, a missing last chunk, no headers at all).
  bool finish();

  bool headers_done() const { return m_state > State::headers; }
  bool done() const { return m_state == State::done; }
  bool failed() const { return m_state == State::failed; }
  const std::string& error() const { return m_error; }

  int status() const { return m_status; }
  const std::string& reason() const { return m_reason; }
  int minor_version() const { return m_minor; }
  // Headers in order, names as received.
  const std::vector<std::pair<std::string, std::string>>& headers() const { return m_headers; }
  // The first header of that name (case-insensitive), or nullptr.
  const std::string* header(const std::string& name) const;
  bool chunked() const { return m_chunked; }
  bool has_content_length() const { return m_has_length; }
  uint64_t content_length() const { return m_length; }
  uint64_t body_bytes() const { return m_body_bytes; }

 private:
  enum class State : uint8_t {
    status_line,
    headers,
    body_length,
    chunk_size,
    chunk_data,
    chunk_crlf,
    trailers,
    body_to_close,
    done,
    failed,
  };
  bool fail(const std::string& why);
  bool take_line(uint8_t c, bool* complete);  // collects a header-area line in m_line
  bool on_status_line();
  bool on_header_line();
  bool on_headers_end();
  bool on_chunk_size_line();
  bool on_trailer_line();

  size_t m_max_header_bytes;
  size_t m_header_bytes = 0;
  State m_state = State::status_line;
  std::string m_error;
  std::string m_line;
  bool m_cr = false;  // the last byte of m_line's area was CR

  int m_status = 0;
  int m_minor = 0;
  std::string m_reason;
  std::vector<std::pair<std::string, std::string>> m_headers;
  bool m_has_length = false;
  uint64_t m_length = 0;
  bool m_chunked = false;
  uint64_t m_remaining = 0;  // of the body (Content-Length) or of the current chunk
  uint64_t m_body_bytes = 0;
  uint8_t m_crlf_seen = 0;  // chunk_crlf: bytes of the CRLF after a chunk already seen
};

// "http" or "https" URL pieces: https://HOST[:PORT]/PATH (PATH defaults to "/"). IPv6 literals
// in brackets. Returns false with *error on anything else (userinfo, fragments, spaces).
struct Url {
  std::string scheme;
  std::string host;  // without brackets
  std::string port;  // default 443
  std::string target;  // path and query, starting with '/'
  bool ipv6_literal = false;
};
bool parse_url(const std::string& text, Url* out, std::string* error);

}  // namespace http
}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_HTTP_H
