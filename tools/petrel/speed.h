// The public-key parts of `petrel speed` (speed.cpp parses the command and runs the symmetric
// algorithms): RSA in speed_rsa.cpp, the elliptic curves in speed_ec.cpp. Each takes the names
// given on the command line; with have_ops it runs exactly `ops` operations and prints one
// line without timings (for guest instruction counting and for tools_speed's checks).
#ifndef PETREL_TOOLS_PETREL_SPEED_H
#define PETREL_TOOLS_PETREL_SPEED_H

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "tools/petrel/tool.h"

namespace petrel_tool {

// ---- the timed loop and openssl-style lines, shared by speed.cpp, speed_rsa.cpp, speed_ec.cpp

// What one timed loop did: `count` operations in `elapsed` seconds.
struct TimedRun {
  unsigned long long count = 0;
  double elapsed = 0;
  double seconds_per_op() const { return elapsed / static_cast<double>(count); }
};

// As openssl speed: prints "Doing DOING: " on stderr, runs op() (true: it worked) in batches of
// `batch` calls between clock readings until `seconds` have passed, then prints
// "COUNT DONE in ELAPSEDs". Returns false as soon as op() fails (the line is left unfinished).
template <typename Op>
bool time_ops(const std::string& doing, const std::string& done, double seconds, size_t batch,
              const Op& op, TimedRun* out) {
  using Clock = std::chrono::steady_clock;
  std::fprintf(stderr, "Doing %s: ", doing.c_str());
  std::fflush(stderr);
  TimedRun r;
  const auto start = Clock::now();
  do {
    for (size_t i = 0; i < batch; ++i) {
      if (!op()) {
        return false;
      }
    }
    r.count += batch;
    r.elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (r.elapsed < seconds);
  std::fprintf(stderr, "%llu %s in %.2fs\n", r.count, done.c_str(), r.elapsed);
  *out = r;
  return true;
}

// printf into a std::string (the Doing/done texts).
std::string text_printf(const char* format, ...) __attribute__((format(printf, 1, 2)));

// -ops N: runs op() (true: it worked) exactly n times; false at the first failure.
template <typename Op>
bool repeat_op(size_t n, const Op& op) {
  for (size_t i = 0; i < n; i++) {
    if (!op()) {
      return false;
    }
  }
  return true;
}

// One public-key sign/verify benchmark, the same for speed_rsa and speed_ec (ecdsap256):
// sign() and verify() (true: it worked) once each as a self-test; then with -ops exactly `ops`
// signatures and `ops` verifications (the caller prints its check line), else each timed by
// time_ops ("Doing SIGN_WHAT for Ns: ", "COUNT SIGN_DONE in ...") into *sign_s and *verify_s,
// seconds per operation. Fails (kExitFail) with "NAME: sign/verify self-test failed", "NAME:
// signing failed", "NAME: verification failed" or "NAME: operation failed".
struct SignVerifyLabels {
  std::string sign_doing;
  std::string sign_done;
  std::string verify_doing;
  std::string verify_done;
};
template <typename Sign, typename Verify>
int bench_sign_verify(const char* cmd, const char* name, double seconds, bool have_ops,
                      size_t ops, const SignVerifyLabels& labels, const Sign& sign,
                      const Verify& verify, double* sign_s, double* verify_s) {
  if (!sign() || !verify()) {
    return fail(cmd, "%s: sign/verify self-test failed", name);
  }
  if (have_ops) {
    if (!repeat_op(ops, sign)) {
      return fail(cmd, "%s: signing failed", name);
    }
    if (!repeat_op(ops, verify)) {
      return fail(cmd, "%s: verification failed", name);
    }
    return kExitOk;
  }
  TimedRun s;
  TimedRun v;
  if (!time_ops(text_printf("%s for %gs", labels.sign_doing.c_str(), seconds), labels.sign_done,
                seconds, 1, sign, &s) ||
      !time_ops(text_printf("%s for %gs", labels.verify_doing.c_str(), seconds),
                labels.verify_done, seconds, 1, verify, &v)) {
    return fail(cmd, "%s: operation failed", name);
  }
  *sign_s = s.seconds_per_op();
  *verify_s = v.seconds_per_op();
  return kExitOk;
}

// The sign/verify table of the public-key results, as openssl prints it: a header of
// label_width blanks then the column names, and one row per key: the label (left-aligned in
// label_width; 0: as it is), the seconds per sign and verify, and their inverses.
void print_sign_verify_header(int label_width);
void print_sign_verify_row(int label_width, const std::string& label, double sign_s,
                           double verify_s);

// rsa1024..rsa4096: PKCS#1 v1.5 SHA-256 sign and verify per second.
bool is_rsa_speed_name(const std::string& name);
int speed_rsa(const std::vector<std::string>& names, double seconds, bool have_ops, size_t ops);

// x25519 (also ecdhx25519), ecdhp256, ecdsap256.
bool is_ec_speed_name(const std::string& name);
int speed_ec(const std::vector<std::string>& names, double seconds, bool have_ops, size_t ops);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_SPEED_H
