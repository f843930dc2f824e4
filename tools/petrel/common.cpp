// Shared helpers of the petrel tool: errors, hex, option scanning, chunked I/O, -impl lookup.
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"
#include "crypto/util/status.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

int fail(const char* cmd, const char* fmt, ...) {
  std::fflush(stdout);
  std::fprintf(stderr, "petrel %s: ", cmd);
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
  return kExitFail;
}

void warn(const char* cmd, const char* fmt, ...) {
  std::fflush(stdout);
  if (cmd != nullptr) {
    std::fprintf(stderr, "petrel %s: warning: ", cmd);
  } else {
    std::fprintf(stderr, "petrel: warning: ");
  }
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
}

namespace {

int hex_value(char c) {
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

std::string printable(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) {
    return std::string("'") + c + "'";
  }
  char buf[8];
  std::snprintf(buf, sizeof(buf), "0x%02x", u);
  return buf;
}

}  // namespace

bool parse_hex(std::vector<uint8_t>* out, const std::string& hex, std::string* error) {
  out->clear();
  for (size_t i = 0; i < hex.size(); ++i) {
    if (hex_value(hex[i]) < 0) {
      *error = "non-hex character " + printable(hex[i]) + " at position " + std::to_string(i + 1);
      return false;
    }
  }
  if (hex.size() % 2 != 0) {
    *error = "odd number of hex digits (" + std::to_string(hex.size()) + ")";
    return false;
  }
  out->reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    out->push_back(static_cast<uint8_t>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1])));
  }
  return true;
}

std::string to_hex(const uint8_t* data, size_t len) {
  static const char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(len * 2);
  for (size_t i = 0; i < len; ++i) {
    s.push_back(kDigits[data[i] >> 4]);
    s.push_back(kDigits[data[i] & 15]);
  }
  return s;
}

void wipe_bytes(std::vector<uint8_t>* v) {
  if (!v->empty()) {
    petrel::secure_wipe(v->data(), v->size());
  }
  v->clear();
}

// ---- options -------------------------------------------------------------------------------

bool ArgScanner::next(std::string* name) {
  if (m_pos >= m_argc) {
    return false;
  }
  const char* a = m_argv[m_pos];
  if (std::strcmp(a, "--") == 0) {
    ++m_pos;
    return false;
  }
  if (a[0] != '-' || a[1] == '\0') {
    return false;
  }
  const char* p = a + 1;
  if (*p == '-') {
    ++p;
  }
  *name = p;
  ++m_pos;
  return true;
}

bool ArgScanner::value(const std::string& name, std::string* out) {
  if (m_pos >= m_argc) {
    fail(m_cmd, "option -%s needs an argument", name.c_str());
    return false;
  }
  *out = m_argv[m_pos++];
  return true;
}

std::vector<std::string> ArgScanner::operands() const {
  std::vector<std::string> v;
  for (int i = m_pos; i < m_argc; ++i) {
    v.emplace_back(m_argv[i]);
  }
  return v;
}

// ---- input ---------------------------------------------------------------------------------

bool is_std_stream(const std::string& path) { return path.empty() || path == "-"; }

std::string input_name(const std::string& path) { return is_std_stream(path) ? "stdin" : path; }

Input::~Input() {
  if (m_owned && m_file != nullptr) {
    std::fclose(m_file);
  }
}

bool Input::open(const std::string& path, std::string* error) {
  if (is_std_stream(path)) {
    m_file = stdin;
    m_owned = false;
    m_name = "stdin";
    return true;
  }
  m_name = path;
  m_file = std::fopen(path.c_str(), "rb");
  if (m_file == nullptr) {
    *error = "cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  m_owned = true;
  return true;
}

bool Input::read(uint8_t* buf, size_t max, size_t* got, std::string* error) {
  size_t total = 0;
  while (total < max) {
    size_t n = std::fread(buf + total, 1, max - total, m_file);
    total += n;
    if (n == 0) {
      if (std::ferror(m_file)) {
        *error = "cannot read " + m_name + ": " + std::strerror(errno);
        *got = total;
        return false;
      }
      break;  // end of file
    }
  }
  *got = total;
  return true;
}

// ---- whole files ---------------------------------------------------------------------------

bool read_whole(const std::string& path, const InputLimit& limit, Secret secret,
                std::vector<uint8_t>* out, std::string* error) {
  if (secret == Secret::yes) {
    wipe_bytes(out);
  }
  out->clear();
  Input in;
  if (!in.open(path, error)) {
    return false;
  }
  // The buffer grows by doubling, up to the limit, through explicit copies, so that a secret's
  // old buffer is wiped rather than just freed. At the limit one more byte is asked for, to tell
  // "exactly the limit" from "more".
  std::vector<uint8_t> buf;
  size_t len = 0;
  bool ok = true;
  bool over = false;
  for (;;) {
    if (len == buf.size()) {
      if (buf.size() == limit.m_bytes) {
        uint8_t probe = 0;
        size_t got = 0;
        ok = in.read(&probe, 1, &got, error);
        over = ok && got != 0;
        break;
      }
      size_t want = buf.empty() ? 16384 : buf.size() * 2;
      if (want > limit.m_bytes) {
        want = limit.m_bytes;
      }
      std::vector<uint8_t> bigger(want);
      if (len != 0) {
        std::memcpy(bigger.data(), buf.data(), len);
      }
      if (secret == Secret::yes) {
        wipe_bytes(&buf);
      }
      buf.swap(bigger);
    }
    size_t got = 0;
    const size_t room = buf.size() - len;
    if (!in.read(buf.data() + len, room, &got, error)) {
      ok = false;
      break;
    }
    len += got;
    if (got < room) {
      break;  // end of input
    }
  }
  if (over) {
    *error = in.display_name() + ": input larger than " + std::to_string(limit.m_bytes) +
             " bytes (" + limit.m_what + ")";
    ok = false;
  }
  if (!ok) {
    if (secret == Secret::yes) {
      wipe_bytes(&buf);
    }
    return false;
  }
  buf.resize(len);  // shrinking keeps the buffer: nothing to wipe
  out->swap(buf);
  return true;
}

// ---- output --------------------------------------------------------------------------------

Output::~Output() {
  if (m_owned && m_file != nullptr) {
    std::fclose(m_file);
  }
}

namespace {

// Opens a file for a private key: created 0600; an existing regular file loses its group and
// other permissions before it is truncated, so a failure leaves it as it was. Returns the
// stream, or nullptr with *error set.
std::FILE* open_private(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    *error = "cannot open " + path + " for writing: " + std::strerror(errno);
    return nullptr;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    *error = "cannot stat " + path + ": " + std::strerror(errno);
    ::close(fd);
    return nullptr;
  }
  // Devices, pipes and sockets (/dev/stdout, a FIFO) keep their mode and are not truncated.
  if (S_ISREG(st.st_mode)) {
    if ((st.st_mode & 077) != 0 && ::fchmod(fd, st.st_mode & 0700) != 0) {
      *error = "cannot restrict " + path + " to its owner before writing a private key: " +
               std::strerror(errno);
      ::close(fd);
      return nullptr;
    }
    if (::ftruncate(fd, 0) != 0) {
      *error = "cannot truncate " + path + ": " + std::strerror(errno);
      ::close(fd);
      return nullptr;
    }
  }
  std::FILE* f = ::fdopen(fd, "wb");
  if (f == nullptr) {
    *error = "cannot open " + path + " for writing: " + std::strerror(errno);
    ::close(fd);
  }
  return f;
}

}  // namespace

bool Output::open(const std::string& path, std::string* error, FileMode mode) {
  if (is_std_stream(path)) {
    m_file = stdout;
    m_owned = false;
    m_name = "stdout";
    return true;
  }
  m_name = path;
  if (mode == FileMode::private_key) {
    m_file = open_private(path, error);
    if (m_file == nullptr) {
      return false;
    }
  } else {
    m_file = std::fopen(path.c_str(), "wb");
    if (m_file == nullptr) {
      *error = "cannot open " + path + " for writing: " + std::strerror(errno);
      return false;
    }
  }
  m_owned = true;
  return true;
}

bool Output::write(const uint8_t* data, size_t len, std::string* error) {
  if (len == 0) {
    return true;
  }
  if (std::fwrite(data, 1, len, m_file) != len) {
    *error = "cannot write " + m_name + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool Output::write_str(const std::string& s, std::string* error) {
  return write(reinterpret_cast<const uint8_t*>(s.data()), s.size(), error);
}

bool Output::close(std::string* error) {
  if (m_file == nullptr) {
    return true;
  }
  bool good = std::fflush(m_file) == 0 && !std::ferror(m_file);
  int saved = errno;
  if (m_owned) {
    if (std::fclose(m_file) != 0 && good) {
      good = false;
      saved = errno;
    }
  }
  m_file = nullptr;
  if (!good) {
    *error = "cannot write " + m_name + ": " + std::strerror(saved);
    return false;
  }
  return true;
}

// ---- AES implementation selection ----------------------------------------------------------

std::string available_aes_impls() {
  petrel::AesImpl impls[16];
  size_t n = petrel::aes_impls_available(impls, sizeof(impls) / sizeof(impls[0]));
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (i != 0) {
      s += ", ";
    }
    s += petrel::aes_impl_name(impls[i]);
  }
  return s;
}

bool select_aes_impl(const char* cmd, const std::string& name, petrel::AesImpl* out) {
  // The library's verdict decides the message: not_available for a variant it lists but this
  // build or CPU lacks, unsupported for a name it does not know.
  petrel::AesImpl impl = petrel::kAesDefaultImpl;
  const petrel::Status st = petrel::aes_impl_from_name(&impl, name.c_str());
  if (st == petrel::Status::not_available) {
    fail(cmd, "AES implementation '%s' is not available in this build (available: %s)",
         name.c_str(), available_aes_impls().c_str());
    return false;
  }
  if (st != petrel::Status::ok) {
    fail(cmd, "unknown AES implementation '%s' (available: %s)", name.c_str(),
         available_aes_impls().c_str());
    return false;
  }
  *out = impl;
  return true;
}

bool digest_by_name(const char* cmd, const std::string& name, const char* what,
                    petrel::HashAlg* out) {
  if (petrel::hash_from_name(out, name.c_str()) != petrel::Status::ok) {
    fail(cmd, "unknown digest '%s' for %s (%s)", name.c_str(), what, petrel::hash_name_list());
    return false;
  }
  return true;
}

bool parse_size(const std::string& s, size_t* out) {
  if (s.empty() || s.size() > 19) {
    return false;
  }
  unsigned long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
    v = v * 10 + static_cast<unsigned long long>(c - '0');
  }
  if (v > static_cast<unsigned long long>(SIZE_MAX)) {
    return false;
  }
  *out = static_cast<size_t>(v);
  return true;
}

}  // namespace petrel_tool
