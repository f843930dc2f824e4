// Instruction-count workloads of the hashes and HMAC (workload.h), through HashCtx and HmacCtx
// with the process-wide block-function variants.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/petrel_driver.h"
#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"

namespace petrel_insn {

int run_hash(const char* alg, HashAlg halg, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  HashCtx ctx;
  Status s = ctx.init(halg);
  if (s != Status::ok) {
    return fail("HashCtx::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    ctx.update(ByteView(wl_in, len));
  }
  uint8_t digest[kMaxDigestSize];
  const size_t digest_len = ctx.digest_size();
  s = ctx.final(MutableBytes(digest));
  if (s != Status::ok) {
    return fail("HashCtx::final", s);
  }
  wl_print_result(alg, n, digest, digest_len);
  return WL_EXIT_OK;
}

int run_hmac(const char* alg, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  // Keyed once; each record starts from a copy of the keyed context (what a record layer does).
  HmacCtx keyed;
  Status s = keyed.init(HashAlg::sha256, ByteView(wl_key, 32));
  if (s != Status::ok) {
    return fail("HmacCtx::init", s);
  }
  uint8_t hdr[13];
  uint8_t tag[32] = {};
  uint64_t seq = 0;
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    wl_record_aad(hdr, seq, len);
    HmacCtx ctx = keyed;
    ctx.update(ByteView(hdr));
    ctx.update(ByteView(wl_in, len));
    s = ctx.final(MutableBytes(tag));
    if (s != Status::ok) {
      return fail("HmacCtx::final", s);
    }
    seq++;
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

}  // namespace petrel_insn
