// petrel speed x25519 | ecdhp256 | ecdsap256: elliptic-curve operations per second, as
// `openssl speed ecdhx25519 ecdhp256 ecdsap256` reports them (the shared-secret computation for
// ECDH, signing and verification for ECDSA). With -ops N: exactly N operations, then one line
// without timings whose values can be checked by an independent implementation (tools_speed):
//   x25519:    the RFC 7748 section 5.2 iteration (k = u = 9; k, u = X25519(k, u), k), N times,
//              so -ops 1 and -ops 1000 give the RFC's two published results;
//   ecdhp256:  N times the shared secret of a fixed private key d and a fixed peer point;
//              the line names d and the peer point so that openssl can derive the same secret;
//   ecdsap256: N deterministic (RFC 6979, unhedged) signatures of a fixed SHA-256 digest, then
//              N verifications; the line names the public point, the digest and the last
//              signature so that openssl can verify it.
// The keys are fixed, public benchmark keys (each the SHA-256 of a label): never for real use.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/ec/ec.h"
#include "crypto/ec/ecdsa.h"
#include "crypto/ec/x25519.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/speed.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

namespace {

using petrel::ByteView;
using petrel::EcCurve;
using petrel::MutableBytes;
using petrel::Status;

const char* const kCmd = "speed";

enum class EcSpeed { x25519, ecdhp256, ecdsap256 };

struct EcSpeedSpec {
  const char* name;
  const char* alias;  // the openssl speed name where it differs, or nullptr
  EcSpeed kind;
};
const EcSpeedSpec kEcSpecs[] = {{"x25519", "ecdhx25519", EcSpeed::x25519},
                                {"ecdhp256", nullptr, EcSpeed::ecdhp256},
                                {"ecdsap256", nullptr, EcSpeed::ecdsap256}};

// SHA-256 of a label: the fixed benchmark secrets and the signed digest.
bool label_digest(const char* label, uint8_t out[32]) {
  return petrel::hash(petrel::HashAlg::sha256, MutableBytes(out, 32),
                      ByteView(reinterpret_cast<const uint8_t*>(label), std::strlen(label))) ==
         Status::ok;
}

// Runs op() for about `seconds`; returns seconds per operation, or a negative value on failure.
template <typename Op>
double time_op(const char* what, double seconds, Op op) {
  TimedRun r;
  if (!time_ops(text_printf("%s for %gs", what, seconds), what, seconds, 1, op, &r)) {
    return -1;
  }
  return r.seconds_per_op();
}

struct Row {
  std::string label;
  double first_s;   // ECDH op, or ECDSA sign
  double second_s;  // ECDSA verify; < 0 for ECDH
};

int run_x25519(double seconds, bool have_ops, size_t ops, std::vector<Row>* rows) {
  uint8_t k[petrel::kX25519KeySize] = {9};
  uint8_t u[petrel::kX25519KeySize] = {9};
  uint8_t out[petrel::kX25519KeySize];
  // One RFC 7748 iteration step: k, u = X25519(k, u), k.
  auto step = [&]() {
    if (petrel::x25519(out, k, u) != Status::ok) {
      return false;
    }
    std::memcpy(u, k, sizeof(u));
    std::memcpy(k, out, sizeof(k));
    return true;
  };
  if (have_ops) {
    if (!repeat_op(ops, step)) {
      return fail(kCmd, "x25519 failed");
    }
    std::printf("x25519 impl=%s ops=%zu k=%s\n", petrel::x25519_impl_name(petrel::kX25519DefaultImpl),
                ops, to_hex(k, sizeof(k)).c_str());
    return kExitOk;
  }
  const double per = time_op("253 bits ECDH (X25519)", seconds, step);
  if (per < 0) {
    return fail(kCmd, "x25519 failed");
  }
  rows->push_back({"253 bits ecdh (X25519)", per, -1});
  return kExitOk;
}

int run_ecdhp256(double seconds, bool have_ops, size_t ops, std::vector<Row>* rows) {
  const EcCurve c = EcCurve::p256;
  uint8_t d[32];
  uint8_t peer_d[32];
  uint8_t peer[petrel::kEcMaxPointSize];
  const size_t point_len = petrel::ec_point_size(c);
  if (!label_digest("petrel speed ecdhp256 private key", d) ||
      !label_digest("petrel speed ecdhp256 peer key", peer_d) ||
      petrel::ec_private_check(c, ByteView(d, 32)) != Status::ok ||
      petrel::ec_public_from_private(c, MutableBytes(peer, point_len), ByteView(peer_d, 32)) !=
          Status::ok) {
    return fail(kCmd, "ecdhp256: the built-in benchmark keys do not set up");
  }
  petrel::secure_wipe(peer_d, sizeof(peer_d));
  uint8_t x[32];
  auto derive = [&]() {
    return petrel::ec_ecdh(c, MutableBytes(x, sizeof(x)), ByteView(d, 32),
                           ByteView(peer, point_len)) == Status::ok;
  };
  if (have_ops) {
    if (!repeat_op(ops, derive)) {
      return fail(kCmd, "ecdhp256 failed");
    }
    std::printf("ecdhp256 ops=%zu d=%s peer=%s x=%s\n", ops, to_hex(d, 32).c_str(),
                to_hex(peer, point_len).c_str(), to_hex(x, sizeof(x)).c_str());
    return kExitOk;
  }
  const double per = time_op("256 bits ECDH (nistp256)", seconds, derive);
  if (per < 0) {
    return fail(kCmd, "ecdhp256 failed");
  }
  rows->push_back({"256 bits ecdh (nistp256)", per, -1});
  return kExitOk;
}

int run_ecdsap256(double seconds, bool have_ops, size_t ops, std::vector<Row>* rows) {
  const EcCurve c = EcCurve::p256;
  uint8_t d[32];
  uint8_t digest[32];
  uint8_t point[petrel::kEcMaxPointSize];
  const size_t point_len = petrel::ec_point_size(c);
  if (!label_digest("petrel speed ecdsap256 private key", d) ||
      !label_digest("petrel speed ecdsap256 message", digest) ||
      petrel::ec_public_from_private(c, MutableBytes(point, point_len), ByteView(d, 32)) !=
          Status::ok) {
    return fail(kCmd, "ecdsap256: the built-in benchmark key does not set up");
  }
  // -ops: unhedged, so that two runs execute the same instructions; timed: hedged, as in use.
  petrel::Rng* hedge = have_ops ? nullptr : &petrel::default_rng();
  uint8_t sig[petrel::kEcdsaMaxSignatureSize];
  size_t sig_len = 0;
  auto sign = [&]() {
    return petrel::ecdsa_sign(c, MutableBytes(sig, sizeof(sig)), &sig_len, ByteView(d, 32),
                              ByteView(digest, 32), petrel::HashAlg::sha256, hedge) == Status::ok;
  };
  auto verify = [&]() {
    return petrel::ecdsa_verify(c, ByteView(point, point_len), ByteView(digest, 32),
                                ByteView(sig, sig_len)) == Status::ok;
  };
  const SignVerifyLabels labels = {
      "256 bits sign ecdsa's (nistp256)", "256 bits sign ecdsa's (nistp256)",
      "256 bits verify ecdsa's (nistp256)", "256 bits verify ecdsa's (nistp256)"};
  double s = 0;
  double v = 0;
  const int rc = bench_sign_verify(kCmd, "ecdsap256", seconds, have_ops, ops, labels, sign,
                                   verify, &s, &v);
  if (rc != kExitOk) {
    return rc;
  }
  if (have_ops) {
    std::printf("ecdsap256 sign+verify ops=%zu point=%s digest=%s sig=%s\n", ops,
                to_hex(point, point_len).c_str(), to_hex(digest, 32).c_str(),
                to_hex(sig, sig_len).c_str());
    return kExitOk;
  }
  rows->push_back({"256 bits ecdsa (nistp256)", s, v});
  return kExitOk;
}

}  // namespace

bool is_ec_speed_name(const std::string& name) {
  for (const EcSpeedSpec& s : kEcSpecs) {
    if (name == s.name || (s.alias != nullptr && name == s.alias)) {
      return true;
    }
  }
  return false;
}

int speed_ec(const std::vector<std::string>& names, double seconds, bool have_ops, size_t ops) {
  std::vector<Row> ecdh;
  std::vector<Row> ecdsa;
  for (const std::string& name : names) {
    const EcSpeedSpec* spec = nullptr;
    for (const EcSpeedSpec& s : kEcSpecs) {
      if (name == s.name || (s.alias != nullptr && name == s.alias)) {
        spec = &s;
      }
    }
    if (spec == nullptr) {
      return fail(kCmd, "unknown elliptic-curve algorithm '%s'", name.c_str());
    }
    int rc = kExitFail;
    switch (spec->kind) {
      case EcSpeed::x25519:
        rc = run_x25519(seconds, have_ops, ops, &ecdh);
        break;
      case EcSpeed::ecdhp256:
        rc = run_ecdhp256(seconds, have_ops, ops, &ecdh);
        break;
      case EcSpeed::ecdsap256:
        rc = run_ecdsap256(seconds, have_ops, ops, &ecdsa);
        break;
    }
    if (rc != kExitOk) {
      return rc;
    }
  }
  if (!ecdsa.empty()) {
    print_sign_verify_header(30);
    for (const Row& r : ecdsa) {
      print_sign_verify_row(30, r.label, r.first_s, r.second_s);
    }
  }
  if (!ecdh.empty()) {
    std::printf("%30s%10s%9s\n", "", "op", "op/s");
    for (const Row& r : ecdh) {
      std::printf("%-30s%8.6fs %8.1f\n", r.label.c_str(), r.first_s, 1.0 / r.first_s);
    }
  }
  return kExitOk;
}

}  // namespace petrel_tool
