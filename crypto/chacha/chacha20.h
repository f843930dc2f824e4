// ChaCha20 stream cipher (RFC 8439 section 2.4): 256-bit key, 96-bit nonce, 32-bit block counter.
//
//   implementation  constant-time  notes
//   "portable"      yes            C++ on 32-bit words: additions, rotations and xors only (ARX),
//                                  no table and no branch on the key or the data
//
// ChaCha20 is a streaming object: crypt() may be called any number of times with pieces of any
// length; the keystream continues where the last call stopped. The counter is 32 bits: a
// message may use at most 2^32 - counter blocks (256 GiB from counter 0); crypt() refuses to
// wrap it (Status::invalid_argument, nothing written).
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

// The ChaCha20 block function (RFC 8439 section 2.3): 64 bytes of keystream for one counter.
void chacha20_block(uint8_t out[kChaCha20BlockSize], const uint8_t key[kChaCha20KeySize],
                    uint32_t counter, const uint8_t nonce[kChaCha20NonceSize]) noexcept;

class ChaCha20 final {
 public:
  ChaCha20() noexcept = default;
  ~ChaCha20();
  ChaCha20(const ChaCha20&) = delete;
  ChaCha20& operator=(const ChaCha20&) = delete;

  // key: 32 bytes, nonce: 12 bytes; counter: the first block's counter (1 for AEAD payloads).
  Status init(ByteView key, ByteView nonce, uint32_t counter = 0) noexcept;
  // out = in XOR keystream. out.size() >= in.size(); out and in may be the same buffer.
  Status crypt(MutableBytes out, ByteView in) noexcept;
  void clear() noexcept;  // wipes the key, the state and the buffered keystream

  bool is_set() const noexcept { return m_set; }

 private:
  uint32_t m_state[16] = {};
  uint8_t m_stream[kChaCha20BlockSize] = {};
  size_t m_stream_used = kChaCha20BlockSize;  // bytes of m_stream already consumed
  uint64_t m_blocks_left = 0;                 // blocks the counter can still produce
  bool m_set = false;
};

// One-shot: out = in XOR ChaCha20(key, nonce, counter).
Status chacha20_xor(MutableBytes out, ByteView key, ByteView nonce, uint32_t counter,
                    ByteView in) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_CHACHA_CHACHA20_H
