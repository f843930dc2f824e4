// Test helper (not a test itself) for x25519_openssl.sh:
//   petrel_x25519_cli <impl> pub <scalar-hex>            prints X25519(scalar, 9) in hex
//   petrel_x25519_cli <impl> dh <scalar-hex> <u-hex>     prints X25519(scalar, u) in hex
// <impl> is an implementation name (fe32, fe64); exit status 1 if it is not in this build or
// the result is refused (all-zero), 2 on a usage error.
#include <cstdio>
#include <cstring>
#include <string>

#include "crypto/ec/x25519.h"

namespace {

bool parse32(const char* hex, uint8_t out[32]) {
  if (std::strlen(hex) != 64) {
    return false;
  }
  for (size_t i = 0; i < 32; i++) {
    unsigned v = 0;
    if (std::sscanf(hex + 2 * i, "%2x", &v) != 1) {
      return false;
    }
    out[i] = static_cast<uint8_t>(v);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  petrel::X25519Impl impl;
  uint8_t k[32], u[32], out[32];
  if (argc < 4 || petrel::x25519_impl_from_name(&impl, argv[1]) == petrel::Status::unsupported ||
      !parse32(argv[3], k)) {
    std::fprintf(stderr, "usage: petrel_x25519_cli <impl> pub <k> | <impl> dh <k> <u>\n");
    return 2;
  }
  if (!petrel::x25519_impl_available(impl)) {
    return 1;
  }
  petrel::Status s;
  if (std::strcmp(argv[2], "pub") == 0 && argc == 4) {
    s = petrel::x25519_public_key(out, k, impl);
  } else if (std::strcmp(argv[2], "dh") == 0 && argc == 5 && parse32(argv[4], u)) {
    s = petrel::x25519(out, k, u, impl);
  } else {
    std::fprintf(stderr, "usage: petrel_x25519_cli <impl> pub <k> | <impl> dh <k> <u>\n");
    return 2;
  }
  if (s != petrel::Status::ok) {
    std::fprintf(stderr, "x25519: %s\n", petrel::status_name(s));
    return 1;
  }
  for (uint8_t b : out) {
    std::printf("%02x", b);
  }
  std::printf("\n");
  return 0;
}
