// Throughput of the hashes, HMAC-SHA256 and RC4 on 16 KiB buffers (Google Benchmark; host).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"
#include "crypto/rc4/rc4.h"

namespace {

constexpr size_t kBufSize = 16 * 1024;

std::vector<uint8_t> make_buffer() {
  std::vector<uint8_t> buf(kBufSize);
  for (size_t i = 0; i < buf.size(); i++) {
    buf[i] = static_cast<uint8_t>(i * 131u + 7u);
  }
  return buf;
}

void bench_hash(benchmark::State& state, petrel::HashAlg alg) {
  const std::vector<uint8_t> in = make_buffer();
  uint8_t out[petrel::kMaxDigestSize];
  for (auto _ : state) {
    if (petrel::hash(alg, petrel::MutableBytes(out, sizeof(out)), petrel::ByteView(in)) !=
        petrel::Status::ok) {
      state.SkipWithError("hash failed");
      break;
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * kBufSize);
}

void BM_md5(benchmark::State& s) { bench_hash(s, petrel::HashAlg::md5); }
void BM_sha1(benchmark::State& s) { bench_hash(s, petrel::HashAlg::sha1); }
void BM_sha256(benchmark::State& s) { bench_hash(s, petrel::HashAlg::sha256); }
void BM_sha512(benchmark::State& s) { bench_hash(s, petrel::HashAlg::sha512); }

void BM_hmac_sha256(benchmark::State& state) {
  const std::vector<uint8_t> in = make_buffer();
  const uint8_t key[32] = {1, 2, 3, 4};
  uint8_t out[32];
  for (auto _ : state) {
    if (petrel::hmac(petrel::HashAlg::sha256, petrel::MutableBytes(out), petrel::ByteView(key),
                     petrel::ByteView(in)) != petrel::Status::ok) {
      state.SkipWithError("hmac failed");
      break;
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * kBufSize);
}

void BM_rc4(benchmark::State& state) {
  std::vector<uint8_t> buf = make_buffer();
  const uint8_t key[16] = {9, 8, 7, 6, 5};
  petrel::Rc4 rc4;
  if (rc4.init(petrel::ByteView(key)) != petrel::Status::ok) {
    state.SkipWithError("rc4 init failed");
    return;
  }
  for (auto _ : state) {
    if (rc4.crypt(petrel::MutableBytes(buf), petrel::ByteView(buf)) != petrel::Status::ok) {
      state.SkipWithError("rc4 failed");
      break;
    }
    benchmark::DoNotOptimize(buf.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * kBufSize);
}

}  // namespace

BENCHMARK(BM_md5);
BENCHMARK(BM_sha1);
BENCHMARK(BM_sha256);
BENCHMARK(BM_sha512);
BENCHMARK(BM_hmac_sha256);
BENCHMARK(BM_rc4);
