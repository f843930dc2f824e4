// ChaCha20-Poly1305 AEAD (RFC 8439 section 2.8). Constant-time (see the header): the tag is
// compared with ct::mem_eq_mask and only the verdict is declassified.
//
// Tag input (section 2.8): aad || pad16(aad) || ct || pad16(ct) || le64(len(aad)) || le64(len(ct)).
#include "crypto/chacha/chacha20_poly1305.h"

#include <cstring>

#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

const uint8_t kZeros[16] = {};

}  // namespace

void poly1305_key_gen(uint8_t out[kPoly1305KeySize], const uint8_t key[kChaCha20KeySize],
                      const uint8_t nonce[kChaCha20NonceSize]) noexcept {
  uint8_t block[kChaCha20BlockSize];
  chacha20_block(block, key, 0, nonce);
  std::memcpy(out, block, kPoly1305KeySize);
  secure_wipe(block, sizeof(block));
}

void chacha20_poly1305_tls_nonce(uint8_t out[kChaCha20Poly1305NonceSize],
                                 const uint8_t fixed_iv[kChaCha20Poly1305NonceSize],
                                 uint64_t seq) noexcept {
  uint8_t s[8];
  store_be64(s, seq);
  for (size_t i = 0; i < 4; i++) {
    out[i] = fixed_iv[i];
  }
  for (size_t i = 0; i < 8; i++) {
    out[4 + i] = static_cast<uint8_t>(fixed_iv[4 + i] ^ s[i]);
  }
}

ChaCha20Poly1305::~ChaCha20Poly1305() { clear(); }

void ChaCha20Poly1305::clear() noexcept {
  secure_wipe(m_key, sizeof(m_key));
  m_set = false;
}

Status ChaCha20Poly1305::init(ByteView key, Poly1305Impl impl, ChaCha20Impl chacha) noexcept {
  clear();
  if (key.size() != kChaCha20Poly1305KeySize || key.data() == nullptr) {
    return Status::bad_key_length;
  }
  if (!poly1305_impl_available(impl) || !chacha20_impl_available(chacha)) {
    return Status::not_available;
  }
  std::memcpy(m_key, key.data(), sizeof(m_key));
  m_impl = impl;
  m_chacha = chacha;
  m_set = true;
  return Status::ok;
}

Status ChaCha20Poly1305::start(ChaCha20& c, uint8_t otk[kPoly1305KeySize],
                               const uint8_t* nonce) noexcept {
  Status s = c.init(ByteView(m_key, sizeof(m_key)), ByteView(nonce, kChaCha20NonceSize), 0,
                    m_chacha);
  alignas(4) uint8_t block[kChaCha20BlockSize] = {};
  if (s == Status::ok) {
    s = c.crypt(MutableBytes(block, sizeof(block)), ByteView(block, sizeof(block)));
  }
  std::memcpy(otk, block, kPoly1305KeySize);
  secure_wipe(block, sizeof(block));
  return s;
}

Status ChaCha20Poly1305::compute_tag(uint8_t tag[kChaCha20Poly1305TagSize],
                                     const uint8_t otk[kPoly1305KeySize], ByteView aad,
                                     ByteView ct) noexcept {
  Poly1305 mac;
  Status s = mac.init(ByteView(otk, kPoly1305KeySize), m_impl);
  if (s != Status::ok) {
    return s;
  }
  uint8_t lens[16];
  store_le64(lens, static_cast<uint64_t>(aad.size()));
  store_le64(lens + 8, static_cast<uint64_t>(ct.size()));
  s = mac.update(aad);
  if (s == Status::ok) {
    s = mac.update(ByteView(kZeros, (16 - aad.size() % 16) % 16));
  }
  if (s == Status::ok) {
    s = mac.update(ct);
  }
  if (s == Status::ok) {
    s = mac.update(ByteView(kZeros, (16 - ct.size() % 16) % 16));
  }
  if (s == Status::ok) {
    s = mac.update(ByteView(lens, sizeof(lens)));
  }
  if (s == Status::ok) {
    s = mac.final(MutableBytes(tag, kChaCha20Poly1305TagSize));
  }
  return s;
}

Status ChaCha20Poly1305::seal(MutableBytes out, MutableBytes tag, ByteView nonce, ByteView aad,
                              ByteView pt) noexcept {
  if (!m_set) {
    return Status::invalid_argument;
  }
  if (nonce.size() != kChaCha20Poly1305NonceSize || nonce.data() == nullptr) {
    return Status::bad_iv_length;
  }
  if (out.size() < pt.size() || tag.size() < kChaCha20Poly1305TagSize || tag.data() == nullptr ||
      (aad.size() != 0 && aad.data() == nullptr)) {
    return Status::invalid_argument;
  }
  // Block 0 gives the one-time key, the payload runs from counter 1 (sections 2.6, 2.8).
  ChaCha20 c;
  uint8_t otk[kPoly1305KeySize];
  Status s = start(c, otk, nonce.data());
  if (s == Status::ok) {
    s = c.crypt(out, pt);  // refuses a plaintext that would wrap the counter
  }
  if (s == Status::ok) {
    s = compute_tag(tag.data(), otk, aad, ByteView(out.data(), pt.size()));
  }
  secure_wipe(otk, sizeof(otk));
  if (s != Status::ok) {
    secure_wipe(out.data(), out.size() < pt.size() ? out.size() : pt.size());
  }
  return s;
}

Status ChaCha20Poly1305::open(MutableBytes out, ByteView nonce, ByteView aad, ByteView ct,
                              ByteView tag) noexcept {
  if (!m_set) {
    return Status::invalid_argument;
  }
  if (nonce.size() != kChaCha20Poly1305NonceSize || nonce.data() == nullptr) {
    return Status::bad_iv_length;
  }
  if (out.size() < ct.size() || tag.size() != kChaCha20Poly1305TagSize || tag.data() == nullptr ||
      (aad.size() != 0 && aad.data() == nullptr) || (ct.size() != 0 && ct.data() == nullptr)) {
    return Status::invalid_argument;
  }
  ChaCha20 c;
  uint8_t otk[kPoly1305KeySize];
  uint8_t want[kChaCha20Poly1305TagSize];
  Status s = start(c, otk, nonce.data());
  if (s == Status::ok) {
    s = compute_tag(want, otk, aad, ct);
  }
  secure_wipe(otk, sizeof(otk));
  if (s != Status::ok) {
    secure_wipe(want, sizeof(want));
    return s;
  }
  uint32_t good = ct::mem_eq_mask(want, tag.data(), sizeof(want));
  secure_wipe(want, sizeof(want));
  CT_UNPOISON(&good, sizeof(good));  // the verdict is public
  if (good == 0) {
    secure_wipe(out.data(), ct.size());
    return Status::auth_failed;
  }
  s = c.crypt(out, ct);  // from counter 1
  if (s != Status::ok) {
    secure_wipe(out.data(), ct.size());
  }
  return s;
}

}  // namespace petrel
