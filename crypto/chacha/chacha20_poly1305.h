// ChaCha20-Poly1305 authenticated encryption (RFC 8439 section 2.8), the AEAD of the TLS
// ChaCha20-Poly1305 cipher suites (RFC 7905). 256-bit key, 96-bit nonce, 128-bit tag.
//
// Constant-time: ChaCha20 is ARX and Poly1305 is constant-time in every implementation that
// poly1305.h lists; the tag check is ct::mem_eq_mask and only its verdict is declassified.
// open() authenticates before it decrypts: on a bad tag no plaintext is ever computed, out is
// wiped and Status::auth_failed is returned.
//
// Limits: a plaintext of at most 2^38 - 64 bytes per nonce (the 32-bit block counter starting
// at 1). A nonce must never be repeated under one key.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_CHACHA_CHACHA20_POLY1305_H
#define PETREL_CRYPTO_CHACHA_CHACHA20_POLY1305_H

#include <cstddef>
#include <cstdint>

#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

constexpr size_t kChaCha20Poly1305KeySize = 32;
constexpr size_t kChaCha20Poly1305NonceSize = 12;
constexpr size_t kChaCha20Poly1305TagSize = 16;

// The one-time Poly1305 key of a nonce (RFC 8439 section 2.6): the first 32 bytes of the
// ChaCha20 block with counter 0.
void poly1305_key_gen(uint8_t out[kPoly1305KeySize], const uint8_t key[kChaCha20KeySize],
                      const uint8_t nonce[kChaCha20NonceSize]) noexcept;

// TLS 1.2 (RFC 7905 section 2): the per-record nonce, the 64-bit sequence number big-endian,
// left-padded to 12 bytes and xored with the 12-byte fixed IV of the key block.
void chacha20_poly1305_tls_nonce(uint8_t out[kChaCha20Poly1305NonceSize],
                                 const uint8_t fixed_iv[kChaCha20Poly1305NonceSize],
                                 uint64_t seq) noexcept;

class ChaCha20Poly1305 final {
 public:
  ChaCha20Poly1305() noexcept = default;
  ~ChaCha20Poly1305();
  ChaCha20Poly1305(const ChaCha20Poly1305&) = delete;
  ChaCha20Poly1305& operator=(const ChaCha20Poly1305&) = delete;

  // key: 32 bytes (copied). impl: the Poly1305 implementation; chacha: the ChaCha20 one.
  // Errors: bad_key_length, not_available (an implementation not in this build or CPU).
  Status init(ByteView key, Poly1305Impl impl = kPoly1305DefaultImpl) noexcept {
    return init(key, impl, chacha20_default_impl());
  }
  Status init(ByteView key, Poly1305Impl impl, ChaCha20Impl chacha) noexcept;
  void clear() noexcept;  // wipes the key
  bool is_set() const noexcept { return m_set; }
  const char* poly1305_impl_name() const noexcept { return petrel::poly1305_impl_name(m_impl); }
  const char* chacha20_impl_name() const noexcept { return petrel::chacha20_impl_name(m_chacha); }

  // nonce: 12 bytes; out.size() >= pt.size(); tag.size() >= 16 (16 bytes written). out may be
  // pt itself (in place).
  Status seal(MutableBytes out, MutableBytes tag, ByteView nonce, ByteView aad,
              ByteView pt) noexcept;
  // tag.size() == 16; out.size() >= ct.size(); out may be ct itself. On a bad tag:
  // Status::auth_failed and out[0, ct.size()) is wiped.
  Status open(MutableBytes out, ByteView nonce, ByteView aad, ByteView ct, ByteView tag) noexcept;

 private:
  // c: set at counter 0 for the nonce; its first block gives the one-time key (section 2.6),
  // which leaves c at counter 1 for the payload.
  Status start(ChaCha20& c, uint8_t otk[kPoly1305KeySize], const uint8_t* nonce) noexcept;
  Status compute_tag(uint8_t tag[kChaCha20Poly1305TagSize], const uint8_t otk[kPoly1305KeySize],
                     ByteView aad, ByteView ct) noexcept;

  uint8_t m_key[kChaCha20Poly1305KeySize] = {};
  Poly1305Impl m_impl = kPoly1305DefaultImpl;
  ChaCha20Impl m_chacha = ChaCha20Impl::portable;
  bool m_set = false;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_CHACHA_CHACHA20_POLY1305_H
