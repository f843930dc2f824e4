// Test helper (not a test itself) for ec_openssl.sh; every value in and out is hex:
//   petrel_ec_cli pub <curve> <d>                      prints d*G (04||X||Y)
//   petrel_ec_cli gen <curve>                          prints "<d> <point>" (default_rng)
//   petrel_ec_cli dh <curve> <d> <point>               prints the ECDH x coordinate
//   petrel_ec_cli sign <curve> <hash> <d> <digest>     prints the DER signature (RFC 6979)
//   petrel_ec_cli hsign <curve> <hash> <d> <digest>    the same, hedged with default_rng
//   petrel_ec_cli verify <curve> <point> <digest> <sig> prints "ok" or the Status name
// <curve> is p256 or p384; <hash> sha1/sha224/sha256/sha384/sha512. Exit status 0 on success,
// 1 when the operation returned an error (its Status name on stderr), 2 on a usage error.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/ec/ec.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"

using namespace petrel;

namespace {

bool parse_hex(const char* hex, std::vector<uint8_t>* out) {
  const size_t n = std::strlen(hex);
  if (n % 2 != 0) {
    return false;
  }
  out->resize(n / 2);
  for (size_t i = 0; i < n / 2; i++) {
    unsigned v = 0;
    if (std::sscanf(hex + 2 * i, "%2x", &v) != 1) {
      return false;
    }
    (*out)[i] = static_cast<uint8_t>(v);
  }
  return true;
}

void print_hex(const uint8_t* p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    std::printf("%02x", p[i]);
  }
}

int usage() {
  std::fprintf(stderr, "usage: see tests/ec/ec_cli.cpp\n");
  return 2;
}

int fail(Status s) {
  std::fprintf(stderr, "petrel_ec_cli: %s\n", status_name(s));
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    return usage();
  }
  const std::string op = argv[1];
  EcCurve c;
  if (std::strcmp(argv[2], "p256") == 0) {
    c = EcCurve::p256;
  } else if (std::strcmp(argv[2], "p384") == 0) {
    c = EcCurve::p384;
  } else {
    return usage();
  }
  std::vector<uint8_t> a, b, d;
  uint8_t out[kEcMaxPointSize + kEcdsaMaxSignatureSize];
  if (op == "pub" && argc == 4 && parse_hex(argv[3], &a)) {
    const Status s = ec_public_from_private(c, MutableBytes(out, ec_point_size(c)), ByteView(a));
    if (s != Status::ok) {
      return fail(s);
    }
    print_hex(out, ec_point_size(c));
  } else if (op == "gen" && argc == 3) {
    uint8_t k[kEcMaxScalarSize];
    const Status s = ec_generate_key(c, MutableBytes(k, ec_scalar_size(c)),
                                     MutableBytes(out, ec_point_size(c)), default_rng());
    if (s != Status::ok) {
      return fail(s);
    }
    print_hex(k, ec_scalar_size(c));
    std::printf(" ");
    print_hex(out, ec_point_size(c));
  } else if (op == "dh" && argc == 5 && parse_hex(argv[3], &a) && parse_hex(argv[4], &b)) {
    const Status s = ec_ecdh(c, MutableBytes(out, ec_scalar_size(c)), ByteView(a), ByteView(b));
    if (s != Status::ok) {
      return fail(s);
    }
    print_hex(out, ec_scalar_size(c));
  } else if ((op == "sign" || op == "hsign") && argc == 6 && parse_hex(argv[4], &a) &&
             parse_hex(argv[5], &d)) {
    HashAlg h;
    if (hash_from_name(&h, argv[3]) != Status::ok) {
      return usage();
    }
    size_t len = 0;
    const Status s = ecdsa_sign(c, MutableBytes(out, sizeof(out)), &len, ByteView(a), ByteView(d),
                                h, op == "hsign" ? &default_rng() : nullptr);
    if (s != Status::ok) {
      return fail(s);
    }
    print_hex(out, len);
  } else if (op == "verify" && argc == 6 && parse_hex(argv[3], &a) && parse_hex(argv[4], &d) &&
             parse_hex(argv[5], &b)) {
    const Status s = ecdsa_verify(c, ByteView(a), ByteView(d), ByteView(b));
    std::printf("%s", s == Status::ok ? "ok" : status_name(s));
    std::printf("\n");
    return s == Status::ok ? 0 : 1;
  } else {
    return usage();
  }
  std::printf("\n");
  return 0;
}
