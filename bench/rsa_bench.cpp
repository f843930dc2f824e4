// RSA benchmarks: private operation (blinded CRT + verify-after-sign) and public operation
// (e = 65537) for 1024/2048/4096-bit keys generated once at start-up from a fixed-seed source.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "crypto/rsa/rsa.h"

namespace {

using namespace petrel;

class BenchRng final : public Rng {
 public:
  Status generate(MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      m_s ^= m_s << 13;
      m_s ^= m_s >> 7;
      m_s ^= m_s << 17;
      out[i] = static_cast<uint8_t>(m_s >> 24);
    }
    return Status::ok;
  }

 private:
  uint64_t m_s = 0x243f6a8885a308d3ull;
};

BenchRng g_rng;

const RsaPrivateKey& key_of(size_t bits) {
  static RsaPrivateKey k1024, k2048, k4096;
  RsaPrivateKey& k = bits == 1024 ? k1024 : (bits == 2048 ? k2048 : k4096);
  if (!k.is_set() && rsa_generate_key(&k, bits, g_rng) != Status::ok) {
    std::abort();
  }
  return k;
}

void BM_RsaPrivate(benchmark::State& state) {
  const RsaPrivateKey& key = key_of(static_cast<size_t>(state.range(0)));
  std::vector<uint8_t> in(key.size(), 0x5a), out(key.size());
  in[0] = 0x01;
  for (auto _ : state) {
    if (key.raw(MutableBytes(out.data(), out.size()), ByteView(in.data(), in.size()), g_rng) !=
        Status::ok) {
      state.SkipWithError("private op failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
}

void BM_RsaPublic(benchmark::State& state) {
  const RsaPrivateKey& key = key_of(static_cast<size_t>(state.range(0)));
  std::vector<uint8_t> in(key.size(), 0x5a), out(key.size());
  in[0] = 0x01;
  for (auto _ : state) {
    if (key.public_key().raw(MutableBytes(out.data(), out.size()),
                             ByteView(in.data(), in.size())) != Status::ok) {
      state.SkipWithError("public op failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
}

void BM_RsaKeygen2048(benchmark::State& state) {
  for (auto _ : state) {
    RsaPrivateKey k;
    if (rsa_generate_key(&k, 2048, g_rng) != Status::ok) {
      state.SkipWithError("keygen failed");
      break;
    }
  }
}

BENCHMARK(BM_RsaPrivate)->Arg(1024)->Arg(2048)->Arg(4096)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RsaPublic)->Arg(1024)->Arg(2048)->Arg(4096)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RsaKeygen2048)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
