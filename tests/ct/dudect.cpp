// Statistical timing check in the manner of dudect (Reparaz, Balasch, Verbauwhede, "Dude, is my
// code constant time?", DATE 2017): two classes of inputs of the same length are timed in a
// random interleaving, the upper tail of the measurements is cropped at several percentiles,
// and Welch's t-test compares the two distributions. |t| above 10 means the timing depends on
// the class with overwhelming confidence ("definitely not constant time"); dudect's own
// threshold for a suspicion is 4.5. The program prints t for every crop and fails if the
// largest |t| is above 10 (a loaded CI machine adds noise, which lowers t, never raises it).
//
// Cases (valgrind's memcheck cases in ct_check.cpp check the same code for secret-dependent
// branches and indices; this one checks the clock):
//   tls_cbc_open    TLS 1.2 AES-128-CBC HMAC-SHA1 MAC-then-encrypt records of 1024 bytes:
//                   valid records vs records whose last block is random (bad padding or MAC)
//   rsa_pkcs1_decrypt  PKCS#1 v1.5 decryption (1024-bit test key): valid padding vs random
//                   ciphertexts (bad padding)
//   selftest_leak   a comparison that stops at the first differing byte: must be caught
//
//   dudect CASE [SAMPLES]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crypto/rand/rng.h"
#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_keys.h"
#include "tls/record.h"
#include "tls/record_test_hooks.h"

using namespace petrel;

namespace {

inline uint64_t now_ns() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

struct Welch {
  double n[2] = {0, 0}, mean[2] = {0, 0}, m2[2] = {0, 0};
  void add(int c, double x) {
    n[c] += 1;
    double d = x - mean[c];
    mean[c] += d / n[c];
    m2[c] += d * (x - mean[c]);
  }
  double t() const {
    if (n[0] < 2 || n[1] < 2) {
      return 0;
    }
    double v0 = m2[0] / (n[0] - 1), v1 = m2[1] / (n[1] - 1);
    return (mean[0] - mean[1]) / std::sqrt(v0 / n[0] + v1 / n[1]);
  }
};

class FixedRng final : public Rng {
 public:
  Status generate(MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      m_x = m_x * 6364136223846793005ull + 1442695040888963407ull;
      out[i] = static_cast<uint8_t>(m_x >> 56);
    }
    return Status::ok;
  }

 private:
  uint64_t m_x = 42;
};

// Times `run(cls, i)` for `samples` inputs whose classes are drawn at random; returns the
// largest |t| over the crops and prints them.
template <typename Run>
double measure(const char* name, size_t samples, Run run) {
  std::mt19937_64 prng(1234);
  std::vector<int> cls(samples);
  for (auto& c : cls) {
    c = static_cast<int>(prng() & 1);
  }
  std::vector<double> t_ns(samples);
  for (size_t i = 0; i < samples; i++) {
    uint64_t a = now_ns();
    run(cls[i], i);
    uint64_t b = now_ns();
    t_ns[i] = static_cast<double>(b - a);
  }
  // Warm-up: drop the first 5 %.
  size_t start = samples / 20;
  std::vector<double> sorted(t_ns.begin() + static_cast<long>(start), t_ns.end());
  std::sort(sorted.begin(), sorted.end());
  const double crops[] = {1.0, 0.99, 0.95, 0.9, 0.75, 0.5};
  double worst = 0;
  std::printf("%s: %zu samples;", name, samples - start);
  for (double q : crops) {
    double limit = sorted[static_cast<size_t>(q * static_cast<double>(sorted.size() - 1))];
    Welch w;
    for (size_t i = start; i < samples; i++) {
      if (t_ns[i] <= limit) {
        w.add(cls[i], t_ns[i]);
      }
    }
    double t = w.t();
    std::printf(" t(p%.0f)=%.2f", q * 100, t);
    worst = std::max(worst, std::fabs(t));
  }
  std::printf("; max |t| = %.2f\n", worst);
  return worst;
}

double case_tls_cbc_open(size_t samples) {
  using namespace petrel::tls;
  uint8_t mac_key[20], enc_key[16];
  for (int i = 0; i < 20; i++) {
    mac_key[i] = static_cast<uint8_t>(i * 7 + 1);
  }
  for (int i = 0; i < 16; i++) {
    enc_key[i] = static_cast<uint8_t>(i * 13 + 5);
  }
  RecordKeys keys{ByteView(mac_key, 20), ByteView(enc_key, 16), ByteView()};
  RecordProtection w, r;
  if (w.init(BulkCipher::aes128_cbc, RecordMac::hmac_sha1, kTls12, false, keys) != Status::ok ||
      r.init(BulkCipher::aes128_cbc, RecordMac::hmac_sha1, kTls12, false, keys) != Status::ok) {
    std::fprintf(stderr, "init failed\n");
    std::exit(1);
  }
  FixedRng rng;
  // One valid record of 1024 bytes of plaintext; the invalid ones have a random last block.
  const size_t pt_len = 1024;
  std::vector<uint8_t> valid(w.prefix_size() + pt_len + w.suffix_size());
  for (size_t i = 0; i < pt_len; i++) {
    valid[w.prefix_size() + i] = static_cast<uint8_t>(i);
  }
  size_t len = 0;
  if (w.seal(kContentApplicationData, kTls12, MutableBytes(valid), pt_len, &len, rng) != Status::ok) {
    std::exit(1);
  }
  valid.resize(len);
  // 64 buffers per class, so that both classes come from memory equally far away.
  std::vector<std::vector<uint8_t>> valids(64, valid);
  std::vector<std::vector<uint8_t>> invalid(64, valid);
  for (auto& v : invalid) {
    (void)rng.generate(MutableBytes(v.data() + v.size() - 16, 16));
  }
  std::vector<uint8_t> buf(valid.size());
  size_t good = 0, bad = 0;
  double t = measure("tls_cbc_open", samples, [&](int cls, size_t i) {
    std::memcpy(buf.data(), cls == 0 ? valids[i % 64].data() : invalid[i % 64].data(), buf.size());
    record_set_sequence_for_testing(r, 0);
    MutableBytes pt;
    Status st = r.open(kContentApplicationData, kTls12, MutableBytes(buf), &pt);
    (st == Status::ok ? good : bad)++;
  });
  if (good == 0 || bad == 0) {
    std::fprintf(stderr, "tls_cbc_open: the classes did not both occur (%zu good, %zu bad)\n",
                 good, bad);
    std::exit(1);
  }
  return t;
}

std::vector<uint8_t> read_file(const std::string& path) {
  std::vector<uint8_t> v;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::perror(path.c_str());
    std::exit(1);
  }
  int c;
  while ((c = std::fgetc(f)) != EOF) {
    v.push_back(static_cast<uint8_t>(c));
  }
  std::fclose(f);
  return v;
}

double case_rsa_pkcs1_decrypt(size_t samples) {
  static RsaPrivateKey key;
  std::vector<uint8_t> der = read_file(PETREL_SOURCE_DIR "/tests/rsa/keys/k1024.pkcs1.der");
  if (rsa_private_key_from_pkcs1(&key, ByteView(der)) != Status::ok) {
    std::fprintf(stderr, "cannot load the test key\n");
    std::exit(1);
  }
  FixedRng rng;
  const size_t k = key.size();
  std::vector<std::vector<uint8_t>> valid(16, std::vector<uint8_t>(k));
  std::vector<std::vector<uint8_t>> invalid(16, std::vector<uint8_t>(k));
  uint8_t msg[48];
  for (size_t j = 0; j < 16; j++) {
    (void)rng.generate(MutableBytes(msg));
    if (rsa_pkcs1_encrypt(MutableBytes(valid[j]), key.public_key(), ByteView(msg), rng) != Status::ok) {
      std::exit(1);
    }
    // A random value below n: its padding is almost surely wrong.
    (void)rng.generate(MutableBytes(invalid[j]));
    invalid[j][0] = 0;
  }
  uint8_t out[512];
  size_t good = 0, bad = 0;
  double t = measure("rsa_pkcs1_decrypt", samples, [&](int cls, size_t i) {
    size_t out_len = 0;
    const auto& c = cls == 0 ? valid[i % 16] : invalid[i % 16];
    Status st = rsa_pkcs1_decrypt(MutableBytes(out), &out_len, key, ByteView(c), rng);
    (st == Status::ok ? good : bad)++;
  });
  if (good == 0 || bad == 0) {
    std::fprintf(stderr, "rsa_pkcs1_decrypt: the classes did not both occur\n");
    std::exit(1);
  }
  return t;
}

// A deliberately leaky comparison: it returns at the first differing byte.
__attribute__((noinline)) bool leaky_equal(const uint8_t* a, const uint8_t* b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (a[i] != b[i]) {
      return false;
    }
  }
  return true;
}

double case_selftest_leak(size_t samples) {
  std::vector<uint8_t> a(4096, 7), same(4096, 7), differ(4096, 7);
  differ[0] = 8;
  volatile bool sink = false;
  return measure("selftest_leak", samples, [&](int cls, size_t) {
    sink = leaky_equal(a.data(), cls == 0 ? same.data() : differ.data(), a.size());
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dudect tls_cbc_open|rsa_pkcs1_decrypt|selftest_leak [SAMPLES]\n");
    return 2;
  }
  std::string c = argv[1];
  size_t samples = argc > 2 ? static_cast<size_t>(std::atol(argv[2])) : 0;
  double t = 0;
  if (c == "tls_cbc_open") {
    t = case_tls_cbc_open(samples ? samples : 100000);
  } else if (c == "rsa_pkcs1_decrypt") {
    t = case_rsa_pkcs1_decrypt(samples ? samples : 3000);
  } else if (c == "selftest_leak") {
    t = case_selftest_leak(samples ? samples : 20000);
    // The leak must be seen: this proves the measurement can fail.
    return t > 10 ? 0 : 1;
  } else {
    std::fprintf(stderr, "unknown case %s\n", c.c_str());
    return 2;
  }
  return t > 10 ? 1 : 0;
}
