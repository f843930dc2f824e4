#include "tests/common/file_test.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace petrel_test {

namespace {

std::string trim(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) {
    b++;
  }
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) {
    e--;
  }
  return s.substr(b, e - b);
}

int hex_nibble(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

std::vector<uint8_t> from_hex(const std::string& hex, bool* ok) {
  std::vector<uint8_t> out;
  bool good = (hex.size() % 2) == 0;
  for (size_t i = 0; good && i + 1 < hex.size(); i += 2) {
    int hi = hex_nibble(hex[i]);
    int lo = hex_nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) {
      good = false;
      break;
    }
    out.push_back(static_cast<uint8_t>((hi << 4) | lo));
  }
  if (ok != nullptr) {
    *ok = good;
  } else if (!good) {
    ADD_FAILURE() << "bad hex string: '" << hex << "'";
  }
  if (!good) {
    out.clear();
  }
  return out;
}

std::string to_hex(const uint8_t* p, size_t n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(2 * n);
  for (size_t i = 0; i < n; i++) {
    s.push_back(kDigits[p[i] >> 4]);
    s.push_back(kDigits[p[i] & 15]);
  }
  return s;
}

std::string vector_path(const std::string& relative) {
  return std::string(PETREL_VECTOR_DIR) + "/" + relative;
}

size_t vector_sample_step() {
  const char* s = std::getenv("PETREL_VECTOR_SAMPLE");
  if (s == nullptr) {
    return 1;
  }
  long v = std::strtol(s, nullptr, 10);
  return v >= 1 ? static_cast<size_t>(v) : 1;
}

bool VectorCase::has(const std::string& name) const {
  for (const auto& a : attrs) {
    if (a.first == name) {
      return true;
    }
  }
  return false;
}

std::string VectorCase::get(const std::string& name) {
  for (size_t i = 0; i < attrs.size(); i++) {
    if (attrs[i].first == name) {
      if (m_read.size() != attrs.size()) {
        m_read.assign(attrs.size(), false);
      }
      m_read[i] = true;
      return attrs[i].second;
    }
  }
  ADD_FAILURE() << where() << ": missing attribute " << name;
  return std::string();
}

std::vector<std::string> VectorCase::get_all(const std::string& name) {
  std::vector<std::string> out;
  for (size_t i = 0; i < attrs.size(); i++) {
    if (attrs[i].first == name) {
      if (m_read.size() != attrs.size()) {
        m_read.assign(attrs.size(), false);
      }
      m_read[i] = true;
      out.push_back(attrs[i].second);
    }
  }
  return out;
}

std::vector<uint8_t> VectorCase::bytes(const std::string& name) {
  bool ok = false;
  std::vector<uint8_t> v = from_hex(get(name), &ok);
  if (!ok) {
    ADD_FAILURE() << where() << ": attribute " << name << " is not hex";
  }
  return v;
}

unsigned long long VectorCase::number(const std::string& name) {
  std::string v = get(name);
  char* end = nullptr;
  unsigned long long n = std::strtoull(v.c_str(), &end, 10);
  if (v.empty() || end == nullptr || *end != '\0') {
    ADD_FAILURE() << where() << ": attribute " << name << " is not a number: '" << v << "'";
  }
  return n;
}

std::string VectorCase::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::string VectorCase::unread() const {
  std::string out;
  for (size_t i = 0; i < attrs.size(); i++) {
    bool read = i < m_read.size() && m_read[i];
    if (!read) {
      if (!out.empty()) {
        out += ",";
      }
      out += attrs[i].first;
    }
  }
  return out;
}

std::string VectorCase::where() const { return file + ":" + std::to_string(line); }

VectorFile::~VectorFile() { check_cases(); }

void VectorFile::skip_sampled(size_t step) {
  for (size_t i = 0; i < m_cases.size(); i++) {
    if (step > 1 && i % step != 0) {
      m_cases[i].skip();
    }
  }
}

size_t VectorFile::check_cases() {
  size_t bad = 0;
  std::string first;
  for (VectorCase& c : m_cases) {
    if (c.skipped()) {
      continue;
    }
    std::string u = c.unread();
    if (!u.empty()) {
      if (bad < 3) {
        first += "\n  " + c.where() + ": " + u;
      }
      bad++;
    }
    // Checked once: a second call (load() then the destructor) does not report it again.
    c.skip();
  }
  if (bad != 0) {
    ADD_FAILURE() << bad << " vector case(s) left attribute(s) unread (read every field, or "
                  << "skip() the case and say why); the first:" << first;
  }
  return bad;
}

bool VectorFile::load(const std::string& relative_path) {
  check_cases();
  m_cases.clear();
  std::string path = vector_path(relative_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot open vector file " << path;
    return false;
  }
  std::map<std::string, std::string> headers;
  VectorCase current;
  bool in_case = false;
  std::string raw;
  int lineno = 0;
  auto flush = [&]() {
    if (in_case) {
      current.headers = headers;
      current.file = relative_path;
      m_cases.push_back(current);
    }
    current = VectorCase();
    in_case = false;
  };
  while (std::getline(in, raw)) {
    lineno++;
    std::string line = trim(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      continue;
    }
    if (line[0] == '[') {
      flush();
      size_t close = line.find(']');
      std::string inner = trim(line.substr(1, close == std::string::npos ? std::string::npos : close - 1));
      size_t eq = inner.find('=');
      if (eq == std::string::npos) {
        // Bare section word: ENCRYPT / DECRYPT and the like. Only one is active at a time.
        for (auto it = headers.begin(); it != headers.end();) {
          if (it->second.empty()) {
            it = headers.erase(it);
          } else {
            ++it;
          }
        }
        headers[inner] = "";
      } else {
        headers[trim(inner.substr(0, eq))] = trim(inner.substr(eq + 1));
      }
      continue;
    }
    if (!in_case) {
      in_case = true;
      current.line = lineno;
    }
    size_t eq = line.find('=');
    if (eq == std::string::npos) {
      current.attrs.emplace_back(line, "");
    } else {
      current.attrs.emplace_back(trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    }
  }
  flush();
  return true;
}

void check_all_read(const VectorCase& c) {
  std::string u = c.unread();
  EXPECT_TRUE(u.empty()) << c.where() << ": attribute(s) never read: " << u;
}

void report_cases(const std::string& label, size_t n) {
  std::printf("[ vectors  ] %s: %zu cases\n", label.c_str(), n);
  std::fflush(stdout);
  EXPECT_GT(n, 0u) << label << ": the vector file parsed to zero cases";
}

}  // namespace petrel_test
