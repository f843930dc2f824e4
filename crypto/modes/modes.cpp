// Block cipher modes over AES (NIST SP 800-38A): ECB (6.1), CBC (6.2), CFB128 (6.3), OFB (6.4),
// CTR (6.5, with the whole
// 16-byte counter block incremented as one big-endian integer, as OpenSSL's aes-*-ctr does), and
// PKCS#7 padding (RFC 5652 section 6.3) for one-shot CBC.
//
// Constant-time exactly when the key's AES implementation is. pkcs7_unpad is constant-time: it
// reads the last 16 bytes whatever the padding length, and has no branch on the padding.
#include "crypto/modes/modes.h"

#include <cstring>

#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

// Blocks handed to the cipher per call: the ct implementation works on two blocks at a time.
constexpr size_t kBatchBlocks = 8;

inline void xor_bytes(uint8_t* out, const uint8_t* a, const uint8_t* b, size_t n) noexcept {
  for (size_t i = 0; i < n; i++) {
    out[i] = static_cast<uint8_t>(a[i] ^ b[i]);
  }
}

// out = a ^ b over one 16-byte block, as four 32-bit words (memcpy: any alignment; LWL/LWR on
// MIPS). The CBC decryption's first-block XOR (the encryption chain is AesKey::
// cbc_encrypt_blocks, which does the same): gcc's vectorized byte loop above pays its set-up on
// every call, while the long XORs of CTR keep the byte loop, which is faster there. out may
// equal a or b.
inline void xor_block(uint8_t* out, const uint8_t* a, const uint8_t* b) noexcept {
  for (size_t i = 0; i < kAesBlockSize; i += 4) {
    uint32_t x;
    uint32_t y;
    std::memcpy(&x, a + i, 4);
    std::memcpy(&y, b + i, 4);
    x ^= y;
    std::memcpy(out + i, &x, 4);
  }
}

// Adds one to a 16-byte big-endian counter, without branching on its value.
inline void increment_be128(uint8_t* ctr) noexcept {
  uint32_t carry = 1;
  for (size_t i = kAesBlockSize; i-- > 0;) {
    const uint32_t v = static_cast<uint32_t>(ctr[i]) + carry;
    ctr[i] = static_cast<uint8_t>(v);
    carry = v >> 8;
  }
}

Status check_blocks(const AesKey& key, MutableBytes out, ByteView in) noexcept {
  if (!key.is_set()) {
    return Status::invalid_argument;
  }
  if (in.size() % kAesBlockSize != 0) {
    return Status::invalid_argument;
  }
  if (out.size() < in.size()) {
    return Status::buffer_too_small;
  }
  if (in.size() != 0 && (in.data() == nullptr || out.data() == nullptr)) {
    return Status::invalid_argument;
  }
  return Status::ok;
}

}  // namespace

Status aes_ecb_encrypt(const AesKey& key, MutableBytes out, ByteView in) noexcept {
  Status s = check_blocks(key, out, in);
  if (s != Status::ok) {
    return s;
  }
  if (!in.empty()) {
    key.encrypt_blocks(out.data(), in.data(), in.size() / kAesBlockSize);
  }
  return Status::ok;
}

Status aes_ecb_decrypt(const AesKey& key, MutableBytes out, ByteView in) noexcept {
  Status s = check_blocks(key, out, in);
  if (s != Status::ok) {
    return s;
  }
  if (!in.empty()) {
    key.decrypt_blocks(out.data(), in.data(), in.size() / kAesBlockSize);
  }
  return Status::ok;
}

// ---- CBC -----------------------------------------------------------------------------------

AesCbc::~AesCbc() {
  secure_wipe(m_iv, sizeof(m_iv));
  m_key = nullptr;
}

Status AesCbc::init(const AesKey* key, ByteView iv) noexcept {
  if (key == nullptr || !key->is_set()) {
    return Status::invalid_argument;
  }
  if (iv.size() != kAesBlockSize || iv.data() == nullptr) {
    return Status::bad_iv_length;
  }
  m_key = key;
  std::memcpy(m_iv, iv.data(), kAesBlockSize);
  return Status::ok;
}

Status AesCbc::encrypt(MutableBytes out, ByteView in) noexcept {
  if (m_key == nullptr) {
    return Status::invalid_argument;
  }
  Status s = check_blocks(*m_key, out, in);
  if (s != Status::ok) {
    return s;
  }
  // The implementation's own chain where it has one (AesOps::cbc_encrypt), else block by block.
  m_key->cbc_encrypt_blocks(m_iv, out.data(), in.data(), in.size() / kAesBlockSize);
  return Status::ok;
}

Status AesCbc::decrypt(MutableBytes out, ByteView in) noexcept {
  if (m_key == nullptr) {
    return Status::invalid_argument;
  }
  Status s = check_blocks(*m_key, out, in);
  if (s != Status::ok) {
    return s;
  }
  // Batches of blocks: the ciphertext is copied first, so in == out works.
  uint8_t ct[kBatchBlocks * kAesBlockSize];
  size_t remaining = in.size() / kAesBlockSize;
  const uint8_t* src = in.data();
  uint8_t* dst = out.data();
  while (remaining > 0) {
    const size_t n = remaining < kBatchBlocks ? remaining : kBatchBlocks;
    const size_t len = n * kAesBlockSize;
    std::memcpy(ct, src, len);
    m_key->decrypt_blocks(dst, ct, n);
    xor_block(dst, dst, m_iv);
    xor_bytes(dst + kAesBlockSize, dst + kAesBlockSize, ct, len - kAesBlockSize);
    std::memcpy(m_iv, ct + len - kAesBlockSize, kAesBlockSize);
    src += len;
    dst += len;
    remaining -= n;
  }
  secure_wipe(ct, sizeof(ct));
  return Status::ok;
}

// ---- PKCS#7 --------------------------------------------------------------------------------

Status pkcs7_pad(MutableBytes block, size_t data_len) noexcept {
  if (block.size() != kAesBlockSize || block.data() == nullptr || data_len >= kAesBlockSize) {
    return Status::invalid_argument;
  }
  const size_t pad = kAesBlockSize - data_len;
  std::memset(block.data() + data_len, static_cast<int>(pad), pad);
  return Status::ok;
}

Status pkcs7_unpad(ByteView block, size_t* unpadded_len) noexcept {
  if (unpadded_len == nullptr) {
    return Status::invalid_argument;
  }
  *unpadded_len = 0;
  const size_t len = block.size();
  if (len == 0 || len % kAesBlockSize != 0 || block.data() == nullptr) {
    return Status::invalid_argument;
  }
  const uint8_t* last = block.data() + len - kAesBlockSize;
  const uint32_t pad = last[kAesBlockSize - 1];
  // good: 1 <= pad <= 16, and every byte among the last pad equals pad.
  uint32_t good = ct::ge(pad, 1) & ct::le(pad, static_cast<uint32_t>(kAesBlockSize));
  for (uint32_t i = 1; i <= static_cast<uint32_t>(kAesBlockSize); i++) {
    const uint32_t in_pad = ct::le(i, pad);
    const uint32_t b = last[kAesBlockSize - i];
    good &= ~in_pad | ct::eq(b, pad);
  }
  size_t n = len - (pad & good);
  // The verdict and the data length are the public outputs: declassify them for the valgrind
  // constant-time check, then branch on the verdict (the only branch).
  CT_UNPOISON(&good, sizeof(good));
  CT_UNPOISON(&n, sizeof(n));
  if (ct::value_barrier(good) == 0) {
    return Status::bad_padding;
  }
  *unpadded_len = n;
  return Status::ok;
}

Status aes_cbc_encrypt_pkcs7(const AesKey& key, ByteView iv, MutableBytes out, size_t* out_len,
                             ByteView in) noexcept {
  if (out_len == nullptr || !key.is_set()) {
    return Status::invalid_argument;
  }
  *out_len = 0;
  if (iv.size() != kAesBlockSize || iv.data() == nullptr) {
    return Status::bad_iv_length;
  }
  if (in.size() > SIZE_MAX - kAesBlockSize) {
    return Status::invalid_argument;
  }
  const size_t padded = pkcs7_padded_size(in.size());
  if (out.size() < padded || out.data() == nullptr) {
    return Status::buffer_too_small;
  }
  if (!in.empty() && in.data() == nullptr) {
    return Status::invalid_argument;
  }
  if (!in.empty() && in.data() != out.data()) {
    std::memmove(out.data(), in.data(), in.size());
  }
  Status s = pkcs7_pad(MutableBytes(out.data() + padded - kAesBlockSize, kAesBlockSize),
                       in.size() % kAesBlockSize);
  AesCbc cbc;
  if (s == Status::ok) {
    s = cbc.init(&key, iv);
  }
  if (s == Status::ok) {
    s = cbc.encrypt(out.first(padded), ByteView(out.data(), padded));
  }
  if (s != Status::ok) {
    secure_wipe(out.data(), padded);
    return s;
  }
  *out_len = padded;
  return Status::ok;
}

Status aes_cbc_decrypt_pkcs7(const AesKey& key, ByteView iv, MutableBytes out, size_t* out_len,
                             ByteView in) noexcept {
  if (out_len == nullptr || !key.is_set()) {
    return Status::invalid_argument;
  }
  *out_len = 0;
  if (iv.size() != kAesBlockSize || iv.data() == nullptr) {
    return Status::bad_iv_length;
  }
  if (in.empty() || in.size() % kAesBlockSize != 0 || in.data() == nullptr) {
    return Status::invalid_argument;
  }
  if (out.size() < in.size() || out.data() == nullptr) {
    return Status::buffer_too_small;
  }
  AesCbc cbc;
  Status s = cbc.init(&key, iv);
  if (s == Status::ok) {
    s = cbc.decrypt(out.first(in.size()), in);
  }
  size_t n = 0;
  if (s == Status::ok) {
    s = pkcs7_unpad(ByteView(out.data(), in.size()), &n);
  }
  if (s != Status::ok) {
    secure_wipe(out.data(), out.size());
    return s;
  }
  // Do not leave the padding bytes behind the returned data.
  secure_wipe(out.data() + n, in.size() - n);
  *out_len = n;
  return Status::ok;
}

// ---- CTR -----------------------------------------------------------------------------------

AesCtr::~AesCtr() {
  secure_wipe(m_counter, sizeof(m_counter));
  secure_wipe(m_keystream, sizeof(m_keystream));
  m_key = nullptr;
}

Status AesCtr::init(const AesKey* key, ByteView iv) noexcept {
  if (key == nullptr || !key->is_set()) {
    return Status::invalid_argument;
  }
  if (iv.size() != kAesBlockSize || iv.data() == nullptr) {
    return Status::bad_iv_length;
  }
  m_key = key;
  std::memcpy(m_counter, iv.data(), kAesBlockSize);
  secure_wipe(m_keystream, sizeof(m_keystream));
  m_used = kAesBlockSize;
  return Status::ok;
}

Status AesCtr::crypt(MutableBytes out, ByteView in) noexcept {
  if (m_key == nullptr) {
    return Status::invalid_argument;
  }
  if (out.size() < in.size()) {
    return Status::buffer_too_small;
  }
  if (in.empty()) {
    return Status::ok;
  }
  if (in.data() == nullptr || out.data() == nullptr) {
    return Status::invalid_argument;
  }
  const uint8_t* src = in.data();
  uint8_t* dst = out.data();
  size_t len = in.size();
  // Finish the current keystream block.
  while (len > 0 && m_used < kAesBlockSize) {
    *dst++ = static_cast<uint8_t>(*src++ ^ m_keystream[m_used++]);
    len--;
  }
  // Whole blocks: AesKey::ctr32_blocks runs the low 32-bit word (the implementation's own CTR
  // loop where it has one); the carry into bytes 0..11 is applied here when that word wraps.
  while (len >= kAesBlockSize) {
    const uint64_t room = (uint64_t{1} << 32) - load_be32(m_counter + 12);
    size_t n = len / kAesBlockSize;
    if (n > room) {
      n = static_cast<size_t>(room);
    }
    m_key->ctr32_blocks(m_counter, dst, src, n);
    if (n == room) {
      for (size_t i = 12; i-- > 0;) {  // the low word wrapped to 0: carry into bytes 0..11
        if (++m_counter[i] != 0) {
          break;
        }
      }
    }
    src += n * kAesBlockSize;
    dst += n * kAesBlockSize;
    len -= n * kAesBlockSize;
  }
  // A partial tail: generate one block and keep the rest for the next call.
  if (len > 0) {
    m_key->encrypt_blocks(m_keystream, m_counter, 1);
    increment_be128(m_counter);
    m_used = 0;
    while (len > 0) {
      *dst++ = static_cast<uint8_t>(*src++ ^ m_keystream[m_used++]);
      len--;
    }
  }
  return Status::ok;
}

namespace {

Status check_stream(const AesKey* key, MutableBytes out, ByteView in) noexcept {
  if (key == nullptr) {
    return Status::invalid_argument;
  }
  if (out.size() < in.size()) {
    return Status::buffer_too_small;
  }
  if (!in.empty() && (in.data() == nullptr || out.data() == nullptr)) {
    return Status::invalid_argument;
  }
  return Status::ok;
}

Status check_init(const AesKey* key, ByteView iv) noexcept {
  if (key == nullptr || !key->is_set()) {
    return Status::invalid_argument;
  }
  if (iv.size() != kAesBlockSize || iv.data() == nullptr) {
    return Status::bad_iv_length;
  }
  return Status::ok;
}

// What CFB128 and OFB feed back into the register after each byte (SP 800-38A 6.3, 6.4).
enum class Feedback : uint8_t {
  cfb_encrypt,  // the ciphertext byte, which is the output
  cfb_decrypt,  // the ciphertext byte, which is the input
  ofb,          // the keystream byte (the register is the keystream block)
};

// The byte-at-a-time loop of both modes: when the block is used up, keystream = E(register);
// each output byte is in ^ keystream, and the register takes the feedback byte at the same
// position. OFB passes its register as the keystream too (E applied in place, the feedback a
// no-op). The only branches are on the position in the block and the mode (public). The input
// byte is read before the output is written, so in-place works.
void feedback_stream(const AesKey* key, uint8_t* reg, uint8_t* keystream, size_t* used,
                     uint8_t* dst, const uint8_t* src, size_t n, Feedback fb) noexcept {
  for (size_t i = 0; i < n; i++) {
    if (*used == kAesBlockSize) {
      key->encrypt_blocks(keystream, reg, 1);
      *used = 0;
    }
    const uint8_t k = keystream[*used];
    const uint8_t x = src[i];
    const uint8_t y = static_cast<uint8_t>(x ^ k);
    if (fb == Feedback::ofb) {
      reg[*used] = k;
    } else {
      reg[*used] = fb == Feedback::cfb_decrypt ? x : y;
    }
    dst[i] = y;
    (*used)++;
  }
}

}  // namespace

AesCfb128::~AesCfb128() {
  secure_wipe(m_reg, sizeof(m_reg));
  secure_wipe(m_keystream, sizeof(m_keystream));
  m_key = nullptr;
}

Status AesCfb128::init(const AesKey* key, ByteView iv) noexcept {
  const Status s = check_init(key, iv);
  if (s != Status::ok) {
    return s;
  }
  m_key = key;
  std::memcpy(m_reg, iv.data(), kAesBlockSize);
  secure_wipe(m_keystream, sizeof(m_keystream));
  m_used = kAesBlockSize;
  return Status::ok;
}

Status AesCfb128::encrypt(MutableBytes out, ByteView in) noexcept { return crypt(out, in, false); }
Status AesCfb128::decrypt(MutableBytes out, ByteView in) noexcept { return crypt(out, in, true); }

Status AesCfb128::crypt(MutableBytes out, ByteView in, bool decrypt) noexcept {
  const Status s = check_stream(m_key, out, in);
  if (s != Status::ok) {
    return s;
  }
  feedback_stream(m_key, m_reg, m_keystream, &m_used, out.data(), in.data(), in.size(),
                  decrypt ? Feedback::cfb_decrypt : Feedback::cfb_encrypt);
  return Status::ok;
}

AesOfb::~AesOfb() {
  secure_wipe(m_reg, sizeof(m_reg));
  m_key = nullptr;
}

Status AesOfb::init(const AesKey* key, ByteView iv) noexcept {
  const Status s = check_init(key, iv);
  if (s != Status::ok) {
    return s;
  }
  m_key = key;
  std::memcpy(m_reg, iv.data(), kAesBlockSize);
  m_used = kAesBlockSize;
  return Status::ok;
}

Status AesOfb::crypt(MutableBytes out, ByteView in) noexcept {
  const Status s = check_stream(m_key, out, in);
  if (s != Status::ok) {
    return s;
  }
  feedback_stream(m_key, m_reg, m_reg, &m_used, out.data(), in.data(), in.size(), Feedback::ofb);
  return Status::ok;
}

}  // namespace petrel
