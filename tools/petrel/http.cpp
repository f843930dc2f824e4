// HTTP/1.1 response parsing for `petrel get` (RFC 9112 sections 4-7): a byte-driven state
// machine over the header area, bulk copies for body data. See http.h for what it accepts.
#include "tools/petrel/http.h"

#include <cstdio>

#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace http {
namespace {

constexpr size_t kMaxChunkLine = 1024;
constexpr uint64_t kMaxSize = 1ull << 60;  // larger lengths are refused, not wrapped

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(const std::string& a, const char* b) {
  size_t i = 0;
  for (; i < a.size() && b[i] != '\0'; ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return i == a.size() && b[i] == '\0';
}

bool is_tchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return true;
  }
  for (const char* p = "!#$%&'*+-.^_`|~"; *p != '\0'; ++p) {
    if (c == *p) {
      return true;
    }
  }
  return false;
}

// Comma-separated list elements, trimmed (empty elements kept, so "5,,5" is refused by callers).
std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t comma = s.find(',', start);
    out.push_back(trim_blanks(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) {
      return out;
    }
    start = comma + 1;
  }
}

bool parse_decimal(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 18) {
    return false;
  }
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > kMaxSize) {
    return false;
  }
  *out = v;
  return true;
}

std::string u64_text(uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v));
  return buf;
}

// A header line for error messages: printable, cut at 60 characters.
std::string shown(const std::string& s) {
  std::string out;
  for (char c : s.substr(0, 60)) {
    out.push_back((c >= 0x20 && c < 0x7f) ? c : '?');
  }
  if (s.size() > 60) {
    out += "...";
  }
  return out;
}

}  // namespace

bool ResponseParser::fail(const std::string& why) {
  if (m_state != State::failed) {
    m_error = why;
    m_state = State::failed;
  }
  return false;
}

const std::string* ResponseParser::header(const std::string& name) const {
  for (const auto& h : m_headers) {
    if (iequal(h.first, name.c_str())) {
      return &h.second;
    }
  }
  return nullptr;
}

bool ResponseParser::take_line(uint8_t c, bool* complete) {
  *complete = false;
  if (m_state == State::chunk_size) {
    if (m_line.size() >= kMaxChunkLine) {
      return fail("chunk-size line longer than " + u64_text(kMaxChunkLine) + " bytes");
    }
  } else if (++m_header_bytes > m_max_header_bytes) {
    return fail("response headers larger than " + u64_text(m_max_header_bytes) + " bytes");
  }
  if (m_cr) {
    if (c != '\n') {
      return fail("bare CR in the response headers");
    }
    m_cr = false;
    *complete = true;
    return true;
  }
  if (c == '\r') {
    m_cr = true;
    return true;
  }
  if (c == '\n') {  // a bare LF ends a line too (RFC 9112 section 2.2 allows it)
    *complete = true;
    return true;
  }
  if ((c < 0x20 && c != '\t') || c == 0x7f) {
    return fail("control character in the response headers");
  }
  m_line.push_back(static_cast<char>(c));
  return true;
}

bool ResponseParser::on_status_line() {
  const std::string& l = m_line;
  // HTTP/1.x SP 3DIGIT [SP reason]
  if (l.size() < 12 || l.compare(0, 7, "HTTP/1.") != 0 || (l[7] != '0' && l[7] != '1') ||
      l[8] != ' ' || l[9] < '0' || l[9] > '9' || l[10] < '0' || l[10] > '9' || l[11] < '0' ||
      l[11] > '9' || (l.size() > 12 && l[12] != ' ')) {
    return fail("not an HTTP/1.x status line: '" + shown(l) + "'");
  }
  m_minor = l[7] - '0';
  m_status = (l[9] - '0') * 100 + (l[10] - '0') * 10 + (l[11] - '0');
  if (m_status < 100) {
    return fail("invalid status code in '" + shown(l) + "'");
  }
  m_reason = l.size() > 13 ? l.substr(13) : std::string();
  m_state = State::headers;
  return true;
}

bool ResponseParser::on_header_line() {
  if (m_line.empty()) {
    return on_headers_end();
  }
  if (m_line[0] == ' ' || m_line[0] == '\t') {
    return fail("folded header line (obs-fold) refused: '" + shown(m_line) + "'");
  }
  const size_t colon = m_line.find(':');
  if (colon == std::string::npos || colon == 0) {
    return fail("malformed header line '" + shown(m_line) + "'");
  }
  const std::string name = m_line.substr(0, colon);
  for (char c : name) {
    if (!is_tchar(c)) {
      return fail("malformed header name in '" + shown(m_line) + "'");
    }
  }
  const std::string value = trim_blanks(m_line.substr(colon + 1));
  if (iequal(name, "content-length")) {
    for (const std::string& e : split_list(value)) {
      uint64_t v = 0;
      if (!parse_decimal(e, &v)) {
        return fail("invalid Content-Length '" + shown(value) + "'");
      }
      if (m_has_length && v != m_length) {
        return fail("conflicting Content-Length values (" + u64_text(m_length) + " and " +
                    u64_text(v) + ")");
      }
      m_has_length = true;
      m_length = v;
    }
  } else if (iequal(name, "transfer-encoding")) {
    for (const std::string& e : split_list(value)) {
      if (!iequal(e, "chunked")) {
        return fail("unsupported Transfer-Encoding '" + shown(e) + "' (only chunked)");
      }
      if (m_chunked) {
        return fail("Transfer-Encoding names chunked twice");
      }
      m_chunked = true;
    }
  }
  m_headers.emplace_back(name, value);
  return true;
}

bool ResponseParser::on_headers_end() {
  if (m_status >= 100 && m_status < 200) {
    if (m_status == 101) {
      return fail("the server switched protocols (101), which a GET did not ask for");
    }
    // An interim response: forget it, the real one follows.
    m_headers.clear();
    m_has_length = false;
    m_length = 0;
    m_chunked = false;
    m_state = State::status_line;
    return true;
  }
  if (m_chunked && m_has_length) {
    return fail("both Transfer-Encoding and Content-Length given (refused: ambiguous length)");
  }
  if (m_status == 204 || m_status == 304) {
    m_state = State::done;
  } else if (m_chunked) {
    m_state = State::chunk_size;
  } else if (m_has_length) {
    m_remaining = m_length;
    m_state = m_length == 0 ? State::done : State::body_length;
  } else {
    m_state = State::body_to_close;
  }
  return true;
}

bool ResponseParser::on_chunk_size_line() {
  const size_t semi = m_line.find(';');
  const std::string digits = m_line.substr(0, semi);
  if (digits.empty()) {
    return fail("empty chunk size");
  }
  uint64_t v = 0;
  for (char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    }
    if (d < 0) {
      return fail("bad chunk size '" + shown(digits) + "'");
    }
    if (v > (kMaxSize >> 4)) {
      return fail("chunk size '" + shown(digits) + "' too large");
    }
    v = (v << 4) | static_cast<uint64_t>(d);
  }
  if (v == 0) {
    m_state = State::trailers;
  } else {
    m_remaining = v;
    m_state = State::chunk_data;
  }
  return true;
}

bool ResponseParser::on_trailer_line() {
  if (m_line.empty()) {
    m_state = State::done;
    return true;
  }
  const size_t colon = m_line.find(':');
  if (m_line[0] == ' ' || m_line[0] == '\t' || colon == std::string::npos || colon == 0) {
    return fail("malformed trailer line '" + shown(m_line) + "'");
  }
  for (size_t i = 0; i < colon; ++i) {
    if (!is_tchar(m_line[i])) {
      return fail("malformed trailer name in '" + shown(m_line) + "'");
    }
  }
  return true;  // trailers are checked, not used
}

bool ResponseParser::feed(const uint8_t* data, size_t len, std::vector<uint8_t>* body) {
  size_t i = 0;
  while (i < len) {
    switch (m_state) {
      case State::status_line:
      case State::headers:
      case State::chunk_size:
      case State::trailers: {
        bool complete = false;
        if (!take_line(data[i++], &complete)) {
          return false;
        }
        if (!complete) {
          break;
        }
        bool ok = false;
        switch (m_state) {
          case State::status_line:
            ok = on_status_line();
            break;
          case State::headers:
            ok = on_header_line();
            break;
          case State::chunk_size:
            ok = on_chunk_size_line();
            break;
          default:
            ok = on_trailer_line();
            break;
        }
        m_line.clear();
        if (!ok) {
          return false;
        }
        break;
      }
      case State::body_length:
      case State::chunk_data: {
        const size_t avail = len - i;
        const size_t n = m_remaining < avail ? static_cast<size_t>(m_remaining) : avail;
        body->insert(body->end(), data + i, data + i + n);
        i += n;
        m_remaining -= n;
        m_body_bytes += n;
        if (m_remaining == 0) {
          m_state = m_state == State::body_length ? State::done : State::chunk_crlf;
          m_crlf_seen = 0;
        }
        break;
      }
      case State::chunk_crlf: {
        const uint8_t c = data[i++];
        // Exactly CRLF (no bare LF here): a chunk size that is off by one is caught.
        if (c == '\r' && m_crlf_seen == 0) {
          m_crlf_seen = 1;
        } else if (c == '\n' && m_crlf_seen == 1) {
          m_state = State::chunk_size;
        } else {
          return fail("chunk data not followed by CRLF (a wrong chunk size?)");
        }
        break;
      }
      case State::body_to_close:
        body->insert(body->end(), data + i, data + len);
        m_body_bytes += len - i;
        i = len;
        break;
      case State::done:
        return fail("data after the end of the response (a wrong Content-Length?)");
      case State::failed:
        return false;
    }
  }
  return m_state != State::failed;
}

bool ResponseParser::finish() {
  switch (m_state) {
    case State::done:
      return true;
    case State::body_to_close:
      m_state = State::done;
      return true;
    case State::failed:
      return false;
    case State::status_line:
      if (m_status == 0 && m_line.empty() && m_header_bytes == 0) {
        return fail("the server closed the connection without a response");
      }
      return fail("the connection closed inside the response headers");
    case State::headers:
      return fail("the connection closed inside the response headers");
    case State::body_length:
      return fail("truncated body: " + u64_text(m_body_bytes) + " of " + u64_text(m_length) +
                  " bytes (Content-Length) arrived");
    case State::chunk_size:
    case State::chunk_data:
    case State::chunk_crlf:
      return fail("truncated chunked body: the connection closed before the last chunk (" +
                  u64_text(m_body_bytes) + " bytes arrived)");
    case State::trailers:
      return fail("the connection closed inside the chunk trailers");
  }
  return fail("internal error");
}

bool parse_url(const std::string& text, Url* out, std::string* error) {
  *out = Url();
  const size_t sep = text.find("://");
  if (sep == std::string::npos) {
    *error = "not a URL (https://HOST[:PORT]/PATH): '" + shown(text) + "'";
    return false;
  }
  for (size_t i = 0; i < sep; ++i) {
    out->scheme.push_back(lower(text[i]));
  }
  if (out->scheme != "https") {
    *error = "only https:// URLs are fetched (got '" + shown(out->scheme) + "')";
    return false;
  }
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      *error = "a URL may not contain spaces or control characters";
      return false;
    }
  }
  std::string rest = text.substr(sep + 3);
  const size_t hash = rest.find('#');
  if (hash != std::string::npos) {
    rest.resize(hash);  // a fragment is never sent
  }
  const size_t slash = rest.find_first_of("/?");
  std::string authority = rest.substr(0, slash);
  out->target = slash == std::string::npos ? "/" : rest.substr(slash);
  if (out->target[0] == '?') {
    out->target = "/" + out->target;
  }
  if (authority.find('@') != std::string::npos) {
    *error = "user names in URLs are not supported";
    return false;
  }
  std::string port;
  if (!authority.empty() && authority[0] == '[') {
    const size_t close = authority.find(']');
    if (close == std::string::npos) {
      *error = "unterminated IPv6 literal in the URL";
      return false;
    }
    out->host = authority.substr(1, close - 1);
    out->ipv6_literal = true;
    const std::string tail = authority.substr(close + 1);
    if (!tail.empty()) {
      if (tail[0] != ':') {
        *error = "junk after the IPv6 literal in the URL";
        return false;
      }
      port = tail.substr(1);
    }
  } else {
    const size_t colon = authority.find(':');
    out->host = authority.substr(0, colon);
    if (colon != std::string::npos) {
      port = authority.substr(colon + 1);
    }
  }
  if (out->host.empty()) {
    *error = "no host in the URL";
    return false;
  }
  if (port.empty()) {
    out->port = "443";
  } else {
    uint64_t p = 0;
    if (!parse_decimal(port, &p) || p == 0 || p > 65535) {
      *error = "invalid port '" + shown(port) + "' in the URL";
      return false;
    }
    out->port = u64_text(p);
  }
  return true;
}

}  // namespace http
}  // namespace petrel_tool
