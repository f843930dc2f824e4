// Instruction-count workloads of the stream ciphers and Poly1305 (workload.h): RC4, ChaCha20,
// Poly1305 and ChaCha20-Poly1305 records, with the variants -impl chose (petrel_driver.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "bench/insn/petrel_driver.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/rc4/rc4.h"

namespace petrel_insn {

int run_rc4(const char* alg, Rc4Impl impl, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  Rc4 rc4;
  Status s = rc4.init(ByteView(wl_key, 16), impl);
  if (s != Status::ok) {
    return fail("Rc4::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = rc4.crypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("Rc4::crypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_chacha20(const char* alg, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  ChaCha20 c;
  Status s = c.init(ByteView(wl_key, 32), ByteView(wl_iv, 12), 0, g_chacha20_impl);
  if (s != Status::ok) {
    return fail("ChaCha20::init", s);
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = c.crypt(MutableBytes(wl_out, len), ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("ChaCha20::crypt", s);
    }
  }
  wl_print_result(alg, n, wl_out + (len >= 16 ? len - 16 : 0), len >= 16 ? 16 : len);
  return WL_EXIT_OK;
}

int run_poly1305(const char* alg, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  Poly1305 p;
  Status s = p.init(ByteView(wl_key, 32), g_poly1305_impl);
  if (s != Status::ok) {
    return fail("Poly1305::init", s);
  }
  if (g_verbose) {
    std::fprintf(stderr, "petrel_insn_driver: Poly1305 %s\n", p.impl_name());
  }
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    s = p.update(ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("Poly1305::update", s);
    }
  }
  uint8_t tag[kPoly1305TagSize];
  s = p.final(MutableBytes(tag));
  if (s != Status::ok) {
    return fail("Poly1305::final", s);
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

int run_chacha20_poly1305(const char* alg, size_t n) {
  wl_init();  // this file's copy of the shared buffers (workload.h)
  ChaCha20Poly1305 aead;
  Status s = aead.init(ByteView(wl_key, 32), g_poly1305_impl, g_chacha20_impl);
  if (s != Status::ok) {
    return fail("ChaCha20Poly1305::init", s);
  }
  uint8_t nonce[12];
  uint8_t aad[13];
  uint8_t tag[kChaCha20Poly1305TagSize] = {};
  uint64_t seq = 0;
  size_t len = 0;
  for (size_t done = 0; done < n; done += len) {
    len = wl_chunk(n - done);
    wl_record_nonce(nonce, seq);
    wl_record_aad(aad, seq, len);
    s = aead.seal(MutableBytes(wl_out, len), MutableBytes(tag), ByteView(nonce), ByteView(aad),
                  ByteView(wl_in, len));
    if (s != Status::ok) {
      return fail("ChaCha20Poly1305::seal", s);
    }
    seq++;
  }
  wl_print_result(alg, n, tag, sizeof tag);
  return WL_EXIT_OK;
}

}  // namespace petrel_insn
