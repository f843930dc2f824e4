// ChaCha20 stream cipher (RFC 8439 section 2.4): 256-bit key, 96-bit nonce, 32-bit block counter,
// in implementations selectable by name.
//
// Variants (the table in chacha20.cpp, crypto/util/variant.h; tests/util/variant_headers_test.cpp
// checks this list against it; entry points: chacha20_internal.h):
//   name        constant-time  notes
//   "portable"  yes            C++ on 32-bit words: additions, rotations and xors only (ARX),
//                              no table and no branch on the key or the data; in every build
//   "armv4"     yes            ARM assembly, ARMv4T/ARMv5TE baseline (armel and armhf builds):
//                              crypto/chacha/arm/chacha20_armv4.S, rotations folded into the
//                              barrel shifter
//   "armv7-neon" yes           ARMv7-A NEON assembly (armhf builds; used only if the CPU has
//                              NEON, crypto/cpu/ arm_neon()): crypto/chacha/arm/neon/
//                              chacha20_armv7_neon.S, three blocks at a time in q registers
//
// The default (chacha20_default_impl()) is the last available row of the table: "armv7-neon" on
// ARMv7-A with NEON, "armv4" on other ARM, "portable" elsewhere.
//
// ChaCha20 is a streaming object: crypt() may be called any number of times with pieces of any
// length; the keystream continues where the last call stopped. The counter is 32 bits: a
// message may use at most 2^32 - counter blocks (256 GiB from counter 0); crypt() refuses to
// wrap it (Status::invalid_argument, nothing written).
// Public API (installed): the declarations here are stable; variants (their names and enum
// values) are only ever added, and which ones a build has is its own (*_available()).
#ifndef PETREL_CRYPTO_CHACHA_CHACHA20_H
#define PETREL_CRYPTO_CHACHA_CHACHA20_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

constexpr size_t kChaCha20KeySize = 32;
constexpr size_t kChaCha20NonceSize = 12;
constexpr size_t kChaCha20BlockSize = 64;

enum class ChaCha20Impl : uint8_t {
  portable = 0,
  armv4 = 1,
  armv7_neon = 2,
};

const char* chacha20_impl_name(ChaCha20Impl impl) noexcept;
bool chacha20_impl_is_constant_time(ChaCha20Impl impl) noexcept;
bool chacha20_impl_available(ChaCha20Impl impl) noexcept;
Status chacha20_impl_from_name(ChaCha20Impl* out, const char* name) noexcept;
// Every implementation this build and CPU can run, in table order; returns the count.
size_t chacha20_impls_available(ChaCha20Impl* out, size_t max) noexcept;
// Every implementation the table lists, available or not; returns the count.
size_t chacha20_impls_listed(ChaCha20Impl* out, size_t max) noexcept;
// The fastest available implementation (the last available row of the table).
ChaCha20Impl chacha20_default_impl() noexcept;

// The ChaCha20 block function (RFC 8439 section 2.3): 64 bytes of keystream for one counter.
// Portable; chacha20_block_impl() runs a given implementation (a stub: not_available).
void chacha20_block(uint8_t out[kChaCha20BlockSize], const uint8_t key[kChaCha20KeySize],
                    uint32_t counter, const uint8_t nonce[kChaCha20NonceSize]) noexcept;
Status chacha20_block_impl(uint8_t out[kChaCha20BlockSize], const uint8_t key[kChaCha20KeySize],
                           uint32_t counter, const uint8_t nonce[kChaCha20NonceSize],
                           ChaCha20Impl impl) noexcept;

class ChaCha20 final {
 public:
  ChaCha20() noexcept = default;
  ~ChaCha20();
  ChaCha20(const ChaCha20&) = delete;
  ChaCha20& operator=(const ChaCha20&) = delete;

  // key: 32 bytes, nonce: 12 bytes; counter: the first block's counter (1 for AEAD payloads).
  // Errors: bad_key_length, bad_iv_length, not_available (impl not in this build or CPU).
  Status init(ByteView key, ByteView nonce, uint32_t counter = 0) noexcept {
    return init(key, nonce, counter, chacha20_default_impl());
  }
  Status init(ByteView key, ByteView nonce, uint32_t counter, ChaCha20Impl impl) noexcept;
  // out = in XOR keystream. out.size() >= in.size(); out and in may be the same buffer.
  Status crypt(MutableBytes out, ByteView in) noexcept;
  void clear() noexcept;  // wipes the key, the state and the buffered keystream

  bool is_set() const noexcept { return m_set; }
  ChaCha20Impl impl() const noexcept { return m_impl; }
  const char* impl_name() const noexcept { return chacha20_impl_name(m_impl); }

 private:
  uint32_t m_state[16] = {};
  uint8_t m_stream[kChaCha20BlockSize] = {};
  size_t m_stream_used = kChaCha20BlockSize;  // bytes of m_stream already consumed
  uint64_t m_blocks_left = 0;                 // blocks the counter can still produce
  // The implementation's entry point (chacha20_internal.h), chosen once in init().
  void (*m_blocks)(uint8_t* out, const uint8_t* in, size_t nblocks,
                   const uint32_t state[16]) noexcept = nullptr;
  ChaCha20Impl m_impl = ChaCha20Impl::portable;
  bool m_set = false;
};

// One-shot: out = in XOR ChaCha20(key, nonce, counter).
Status chacha20_xor(MutableBytes out, ByteView key, ByteView nonce, uint32_t counter,
                    ByteView in) noexcept;
Status chacha20_xor(MutableBytes out, ByteView key, ByteView nonce, uint32_t counter,
                    ByteView in, ChaCha20Impl impl) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_CHACHA_CHACHA20_H
