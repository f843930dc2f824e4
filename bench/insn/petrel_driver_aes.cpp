// Instruction-count workloads of AES (workload.h): CBC and CTR encryption, GCM records, through
// AesKey + AesCbc/AesCtr/AesGcm with the implementation -impl chose (petrel_driver.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/petrel_driver.h"
#include "crypto/aes/aes.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"

namespace petrel_insn {

int run_cbc(const char* alg, AesImpl impl, size_t key_len, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  AesKey key;
  AesCbc cbc;
  Status s = key.init(ByteView(wl_key, key_len), impl);
  if (s != Status::ok) {
    return fail("AesKey::init", s);
  }
  s = cbc.init(&key, ByteView(wl_iv, sizeof wl_iv));
  if (s != Status::ok) {
    return fail("AesCbc::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = cbc.encrypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("AesCbc::encrypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_ctr(const char* alg, AesImpl impl, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  AesKey key;
  AesCtr ctr;
  Status s = key.init(ByteView(wl_key, 32), impl);
  if (s != Status::ok) {
    return fail("AesKey::init", s);
  }
  s = ctr.init(&key, ByteView(wl_iv, sizeof wl_iv));
  if (s != Status::ok) {
    return fail("AesCtr::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = ctr.crypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("AesCtr::crypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_gcm(const char* alg, AesImpl impl, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  AesKey key;
  AesGcm gcm;
  Status s = key.init(ByteView(wl_key, 32), impl);
  if (s != Status::ok) {
    return fail("AesKey::init", s);
  }
  s = g_ghash_set ? gcm.init(&key, g_ghash_impl) : gcm.init(&key);
  if (s != Status::ok) {
    return fail("AesGcm::init", s);
  }
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: GHASH %s\n", gcm.ghash_impl_name());
  }
  uint8_t nonce[12];
  uint8_t aad[13];
  uint8_t tag[kGcmTagSize] = {};
  uint64_t seq = 0;
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    wl_record_nonce(nonce, seq);
    wl_record_aad(aad, seq, len);
    s = gcm.seal(MutableBytes(wl_out, len), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                 ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("AesGcm::seal", s);
    }
    seq++;
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

}  // namespace petrel_insn
