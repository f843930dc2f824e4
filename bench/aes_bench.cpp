// AES throughput per implementation: AES-128/256 CBC encrypt and decrypt, CTR, GCM seal, on
// 16 KiB buffers. Bytes/s via SetBytesProcessed. Run: build/host/bench/petrel_bench.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"

namespace {

using namespace petrel;

constexpr size_t kBufSize = 16 * 1024;

enum class Op { cbc_encrypt, cbc_decrypt, ctr, gcm_seal };

void run(benchmark::State& state, AesImpl impl, size_t key_len, Op op) {
  std::vector<uint8_t> k(key_len, 0x42);
  uint8_t iv[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  std::vector<uint8_t> buf(kBufSize, 0x5A);
  AesKey key;
  if (key.init(ByteView(k), impl) != Status::ok) {
    state.SkipWithError("key set-up failed");
    return;
  }
  AesGcm gcm;
  if (gcm.init(&key) != Status::ok) {
    state.SkipWithError("gcm set-up failed");
    return;
  }
  uint8_t tag[16];
  for (auto _ : state) {
    Status s = Status::ok;
    switch (op) {
      case Op::cbc_encrypt: {
        AesCbc cbc;
        s = cbc.init(&key, ByteView(iv));
        if (s == Status::ok) {
          s = cbc.encrypt(MutableBytes(buf), ByteView(buf));
        }
        break;
      }
      case Op::cbc_decrypt: {
        AesCbc cbc;
        s = cbc.init(&key, ByteView(iv));
        if (s == Status::ok) {
          s = cbc.decrypt(MutableBytes(buf), ByteView(buf));
        }
        break;
      }
      case Op::ctr: {
        AesCtr ctr;
        s = ctr.init(&key, ByteView(iv));
        if (s == Status::ok) {
          s = ctr.crypt(MutableBytes(buf), ByteView(buf));
        }
        break;
      }
      case Op::gcm_seal:
        s = gcm.seal(MutableBytes(buf), MutableBytes(tag), ByteView(iv, 12), ByteView(), ByteView(buf));
        break;
    }
    if (s != Status::ok) {
      state.SkipWithError("operation failed");
      break;
    }
    benchmark::DoNotOptimize(buf.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kBufSize));
}

void register_all() {
  AesImpl impls[8];
  const size_t n = aes_impls_available(impls, 8);
  struct OpName {
    Op op;
    const char* name;
  };
  const OpName ops[] = {{Op::cbc_encrypt, "cbc_encrypt"},
                        {Op::cbc_decrypt, "cbc_decrypt"},
                        {Op::ctr, "ctr"},
                        {Op::gcm_seal, "gcm_seal"}};
  for (size_t i = 0; i < n && i < 8; i++) {
    for (size_t key_len : {16, 32}) {
      for (const OpName& o : ops) {
        const std::string name = std::string("aes") + std::to_string(key_len * 8) + "_" + o.name +
                                 "/" + aes_impl_name(impls[i]);
        const AesImpl impl = impls[i];
        const Op op = o.op;
        benchmark::RegisterBenchmark(name.c_str(), [impl, key_len, op](benchmark::State& st) {
          run(st, impl, key_len, op);
        });
      }
    }
  }
}

const int kRegistered = (register_all(), 0);

}  // namespace
