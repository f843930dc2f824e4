// petrel get: the profile fetch. One HTTP/1.1 GET over mutual TLS:
//   petrel get https://HOST[:PORT]/PATH -CAfile F [-cert F -key F] [-o FILE] [-timeout S] ...
// The response goes through the strict push parser of http.h. Any TLS failure, a non-2xx
// status, a truncated body (short of Content-Length, no last chunk, or a TLS truncation without
// close_notify), a wrong or conflicting length or a bad chunk size exits 1 with the reason.
// With -o, the body goes to a temporary file in the same directory, which is fsync'ed and
// renamed over FILE only once the whole body has arrived: a failed fetch leaves no partial
// profile behind and never replaces the previous one. Without -o the body goes to stdout.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "tools/petrel/http.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tls_common.h"
#include "tools/petrel/tool.h"

#ifndef PETREL_VERSION
#define PETREL_VERSION "0"
#endif

namespace petrel_tool {
namespace {

namespace io = petrel::tls::io;

const char* const kCmd = "get";

// The body's destination: stdout, or a temporary file renamed into place by commit().
class BodySink final {
 public:
  ~BodySink() { abort(); }

  bool open(const std::string& path) {
    if (path.empty()) {
      return true;
    }
    m_path = path;
    m_tmp = path + ".tmp.XXXXXX";
    std::vector<char> name(m_tmp.begin(), m_tmp.end());
    name.push_back('\0');
    m_fd = ::mkstemp(name.data());
    if (m_fd < 0) {
      return fail(kCmd, "cannot create a temporary file beside %s: %s", path.c_str(),
                  std::strerror(errno)) == kExitOk;
    }
    m_tmp = name.data();
    return true;
  }

  bool write(const std::vector<uint8_t>& data) {
    if (data.empty()) {
      return true;
    }
    if (m_fd < 0) {
      if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size() ||
          std::fflush(stdout) != 0) {
        return fail(kCmd, "cannot write to stdout") == kExitOk;
      }
      return true;
    }
    size_t off = 0;
    while (off < data.size()) {
      const ssize_t n = ::write(m_fd, data.data() + off, data.size() - off);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return fail(kCmd, "cannot write %s: %s", m_tmp.c_str(), std::strerror(errno)) == kExitOk;
      }
      off += static_cast<size_t>(n);
    }
    return true;
  }

  // The whole body is there: fsync, rename over the target, fsync the directory.
  bool commit() {
    if (m_fd < 0) {
      return true;
    }
    // mkstemp makes 0600; a profile is as readable as the user's other files.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(m_fd, 0666 & ~mask) != 0 || ::fsync(m_fd) != 0) {
      return fail(kCmd, "cannot sync %s: %s", m_tmp.c_str(), std::strerror(errno)) == kExitOk;
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
      ::unlink(m_tmp.c_str());
      return fail(kCmd, "cannot close %s: %s", m_tmp.c_str(), std::strerror(errno)) == kExitOk;
    }
    if (::rename(m_tmp.c_str(), m_path.c_str()) != 0) {
      const int e = errno;
      ::unlink(m_tmp.c_str());
      return fail(kCmd, "cannot rename %s to %s: %s", m_tmp.c_str(), m_path.c_str(),
                  std::strerror(e)) == kExitOk;
    }
    const size_t slash = m_path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : m_path.substr(0, slash));
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      (void)::fsync(dfd);  // the rename itself durable (best effort: some filesystems refuse)
      ::close(dfd);
    }
    m_tmp.clear();
    return true;
  }

  // A failed fetch: the temporary file goes, the previous FILE stays.
  void abort() {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
    if (!m_tmp.empty() && !m_path.empty()) {
      ::unlink(m_tmp.c_str());
      m_tmp.clear();
    }
  }

 private:
  std::string m_path;
  std::string m_tmp;
  int m_fd = -1;
};

std::string status_text(const http::ResponseParser& p) {
  return std::to_string(p.status()) + (p.reason().empty() ? "" : " " + p.reason());
}

}  // namespace

int cmd_get(int argc, char** argv) {
  // The URL may come first (petrel get URL -CAfile ...) as well as last: options are scanned
  // up to the first operand, so a leading URL is moved to the end.
  std::vector<char*> av(argv, argv + argc);
  if (argc > 2 && argv[1][0] != '-') {
    av.erase(av.begin() + 1);
    av.push_back(argv[1]);
  }
  av.push_back(nullptr);
  argv = av.data();
  TlsOptions o;
  TlsOptionText text;
  std::string out_path;
  std::string max_header_text;
  bool max_header_seen = false;
  std::vector<Option> table = {
      value("o", "FILE", "write the body to FILE, replaced only when the whole body arrived",
            &out_path),
      value("max_header", "N", "limit of the response headers in bytes (default 16384)",
            &max_header_text, &max_header_seen),
  };
  add_tls_options(&table, &o, &text);
  const std::string suites = tls_suite_names();
  const CommandHelp help = {
      kCmd, "https://HOST[:PORT]/PATH -CAfile FILE [-cert FILE -key FILE] [-o FILE]\n"
      "                  [options]",
      suites.c_str(), nullptr};
  const OtherOption no_noverify = [](const std::string& name, ArgScanner*, bool* error) {
    if (name != "noverify") {
      return false;
    }
    fail(kCmd, "-noverify is not offered by get: a profile is fetched from a verified server "
               "only");
    *error = true;
    return true;
  };
  std::vector<std::string> operands;
  const Parsed parsed = parse_options(help, table, argc, argv, &operands, no_noverify);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (!finish_tls_options(kCmd, text, &o)) {
    return kExitFail;
  }
  size_t max_header = http::ResponseParser::kDefaultMaxHeaderBytes;
  if (max_header_seen && (!parse_size(max_header_text, &max_header) || max_header < 64)) {
    return fail(kCmd, "-max_header must be a size of at least 64 bytes");
  }
  if (operands.size() != 1) {
    print_help(stderr, help, table);
    return fail(kCmd, operands.empty() ? "no URL given" : "one URL only");
  }
  http::Url url;
  std::string error;
  if (!http::parse_url(operands[0], &url, &error)) {
    return fail(kCmd, "%s", error.c_str());
  }
  TlsSession t;
  if (!t.prepare(kCmd, o, url.host)) {
    return kExitFail;
  }
  BodySink sink;
  if (!sink.open(out_path)) {
    return kExitFail;
  }
  if (!t.connect_and_handshake(url.host, url.port)) {
    return kExitFail;
  }

  std::string host_header = url.ipv6_literal ? "[" + url.host + "]" : url.host;
  if (url.port != "443") {
    host_header += ":" + url.port;
  }
  const std::string request = "GET " + url.target + " HTTP/1.1\r\nHost: " + host_header +
                              "\r\nUser-Agent: petrel/" PETREL_VERSION
                              "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
  if (t.conn().write(petrel::ByteView(reinterpret_cast<const uint8_t*>(request.data()),
                                      request.size())) != io::IoStatus::ok) {
    t.report_failure("sending the request");
    return kExitFail;
  }

  http::ResponseParser parser(max_header);
  std::vector<uint8_t> buf(16384);
  std::vector<uint8_t> body;
  bool status_checked = false;
  for (;;) {
    size_t got = 0;
    const io::IoStatus s = t.conn().read(petrel::MutableBytes(buf.data(), buf.size()), &got);
    if (s == io::IoStatus::closed) {
      if (!parser.finish()) {
        return fail(kCmd, "%s", parser.error().c_str());
      }
      break;
    }
    if (s != io::IoStatus::ok) {
      if (t.client().error() == petrel::tls::Error::truncated) {
        return fail(kCmd, "the connection ended without close_notify (TLS truncation)%s",
                    parser.headers_done() ? ": the body may be incomplete, refused" : "");
      }
      t.report_failure("reading the response");
      return kExitFail;
    }
    body.clear();
    if (!parser.feed(buf.data(), got, &body)) {
      return fail(kCmd, "bad response: %s", parser.error().c_str());
    }
    if (parser.headers_done() && !status_checked) {
      status_checked = true;
      if (parser.status() < 200 || parser.status() > 299) {
        return fail(kCmd, "the server answered %s", status_text(parser).c_str());
      }
    }
    if (!sink.write(body)) {
      return kExitFail;
    }
    if (parser.done()) {
      break;  // the length said where the body ends: no need to wait for the close
    }
  }
  if (!sink.commit()) {
    return kExitFail;
  }
  (void)t.conn().close();  // close_notify, best effort: the profile is complete
  if (!o.quiet) {
    std::fprintf(stderr, "HTTP %s, %llu body bytes%s%s\n", status_text(parser).c_str(),
                 static_cast<unsigned long long>(parser.body_bytes()),
                 out_path.empty() ? "" : " written to ", out_path.c_str());
  }
  return kExitOk;
}

}  // namespace petrel_tool
