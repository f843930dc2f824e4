// The openssl-style text of `petrel speed` (speed.h): formatted texts and the sign/verify table.
#include <cstdarg>
#include <cstdio>
#include <string>

#include "tools/petrel/speed.h"

namespace petrel_tool {

std::string text_printf(const char* format, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, format);
  const int n = std::vsnprintf(buf, sizeof(buf), format, ap);
  va_end(ap);
  if (n < 0) {
    return std::string();
  }
  if (static_cast<size_t>(n) < sizeof(buf)) {
    return std::string(buf, static_cast<size_t>(n));
  }
  std::string out(static_cast<size_t>(n) + 1, '\0');
  va_start(ap, format);
  std::vsnprintf(&out[0], out.size(), format, ap);
  va_end(ap);
  out.resize(static_cast<size_t>(n));
  return out;
}

void print_sign_verify_header(int label_width) {
  std::printf("%*s%10s%10s%9s%9s\n", label_width, "", "sign", "verify", "sign/s", "verify/s");
}

void print_sign_verify_row(int label_width, const std::string& label, double sign_s,
                           double verify_s) {
  std::printf("%-*s%8.6fs %8.6fs %8.1f %8.1f\n", label_width, label.c_str(), sign_s, verify_s,
              1.0 / sign_s, 1.0 / verify_s);
}

}  // namespace petrel_tool
