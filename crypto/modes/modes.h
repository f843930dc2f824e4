// Block cipher modes over AES: ECB, CBC (raw and PKCS#7), CFB128, OFB, CTR (NIST SP 800-38A).
// Constant-time exactly when the AesKey's implementation is; PKCS#7 unpadding is constant-time.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_MODES_MODES_H
#define PETREL_CRYPTO_MODES_MODES_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

// ECB. in.size() must be a multiple of 16; out.size() >= in.size(). In-place allowed.
Status aes_ecb_encrypt(const AesKey& key, MutableBytes out, ByteView in) noexcept;
Status aes_ecb_decrypt(const AesKey& key, MutableBytes out, ByteView in) noexcept;

// Streaming CBC without padding. Each call takes a multiple of 16 bytes; the IV chains across
// calls. In-place allowed.
class AesCbc final {
 public:
  AesCbc() noexcept = default;
  ~AesCbc();
  Status init(const AesKey* key, ByteView iv) noexcept;  // iv is 16 bytes
  Status encrypt(MutableBytes out, ByteView in) noexcept;
  Status decrypt(MutableBytes out, ByteView in) noexcept;
  const uint8_t* iv() const noexcept { return m_iv; }

 private:
  const AesKey* m_key = nullptr;
  uint8_t m_iv[kAesBlockSize] = {};
};

// One-shot CBC with PKCS#7 padding.
// encrypt: out.size() >= pkcs7_padded_size(in.size()); *out_len = padded size.
// decrypt: in.size() a non-zero multiple of 16, out.size() >= in.size(); on a bad padding
// returns Status::bad_padding, wipes out and sets *out_len = 0. The padding check runs in
// constant time.
constexpr size_t pkcs7_padded_size(size_t n) noexcept { return n + kAesBlockSize - (n % kAesBlockSize); }
Status aes_cbc_encrypt_pkcs7(const AesKey& key, ByteView iv, MutableBytes out, size_t* out_len,
                             ByteView in) noexcept;
Status aes_cbc_decrypt_pkcs7(const AesKey& key, ByteView iv, MutableBytes out, size_t* out_len,
                             ByteView in) noexcept;

// Writes PKCS#7 padding (RFC 5652 section 6.3) into the last block of a message: block is that
// 16-byte block holding data_len (0..15) bytes of data at its start; bytes data_len..15 become
// 16 - data_len, each of that value (a whole block of 0x10 when data_len is 0, i.e. when the
// data ended on a block boundary). The data length is public (it is the message length).
Status pkcs7_pad(MutableBytes block, size_t data_len) noexcept;

// Checks and strips PKCS#7 padding from a decrypted buffer (length a non-zero multiple of 16)
// in constant time. On success *unpadded_len is the data length.
Status pkcs7_unpad(ByteView block, size_t* unpadded_len) noexcept;

// Streaming CTR: the 16-byte counter block is incremented as one big-endian 128-bit integer
// (as OpenSSL's aes-*-ctr does). Any length per call; the keystream position carries over.
class AesCtr final {
 public:
  AesCtr() noexcept = default;
  ~AesCtr();
  Status init(const AesKey* key, ByteView iv) noexcept;  // iv is the 16-byte initial counter block
  Status crypt(MutableBytes out, ByteView in) noexcept;  // out.size() >= in.size()

 private:
  const AesKey* m_key = nullptr;
  uint8_t m_counter[kAesBlockSize] = {};
  uint8_t m_keystream[kAesBlockSize] = {};
  size_t m_used = kAesBlockSize;  // bytes of m_keystream already consumed
};

// Streaming CFB128 (SP 800-38A 6.3, s = 128; OpenSSL's aes-*-cfb): the register holds the last
// 16 ciphertext bytes. Any length per call, the position in the block carries over; in-place
// allowed.
class AesCfb128 final {
 public:
  AesCfb128() noexcept = default;
  ~AesCfb128();
  Status init(const AesKey* key, ByteView iv) noexcept;    // iv is 16 bytes
  Status encrypt(MutableBytes out, ByteView in) noexcept;  // out.size() >= in.size()
  Status decrypt(MutableBytes out, ByteView in) noexcept;

 private:
  Status crypt(MutableBytes out, ByteView in, bool decrypt) noexcept;
  const AesKey* m_key = nullptr;
  uint8_t m_reg[kAesBlockSize] = {};        // ciphertext feedback
  uint8_t m_keystream[kAesBlockSize] = {};  // E(register) of the current block
  size_t m_used = kAesBlockSize;
};

// Streaming OFB (SP 800-38A 6.4; OpenSSL's aes-*-ofb): the keystream is E applied again and
// again to the IV. Encryption and decryption are the same operation. Any length per call;
// in-place allowed.
class AesOfb final {
 public:
  AesOfb() noexcept = default;
  ~AesOfb();
  Status init(const AesKey* key, ByteView iv) noexcept;  // iv is 16 bytes
  Status crypt(MutableBytes out, ByteView in) noexcept;  // out.size() >= in.size()

 private:
  const AesKey* m_key = nullptr;
  uint8_t m_reg[kAesBlockSize] = {};  // the current keystream block
  size_t m_used = kAesBlockSize;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_MODES_MODES_H
