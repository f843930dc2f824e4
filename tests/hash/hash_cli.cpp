// Test helper (not a test itself): prints the hex digest of stdin with the named algorithm, in
// the form "<hex>\n". Used by sha224_openssl.sh for a differential test against openssl dgst.
#include <cstdio>
#include <vector>

#include "crypto/hash/hash.h"

int main(int argc, char** argv) {
  petrel::HashAlg alg;
  if (argc != 2 || petrel::hash_from_name(&alg, argv[1]) != petrel::Status::ok) {
    std::fprintf(stderr, "usage: petrel_hash_cli <alg> < data\n");
    return 2;
  }
  petrel::HashCtx ctx;
  if (ctx.init(alg) != petrel::Status::ok) {
    return 1;
  }
  std::vector<uint8_t> buf(65536);
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), stdin)) > 0) {
    ctx.update(petrel::ByteView(buf.data(), n));
  }
  uint8_t out[petrel::kMaxDigestSize];
  if (ctx.final(petrel::MutableBytes(out, sizeof(out))) != petrel::Status::ok) {
    return 1;
  }
  for (size_t i = 0; i < petrel::hash_digest_size(alg); i++) {
    std::printf("%02x", out[i]);
  }
  std::printf("\n");
  return 0;
}
