// TLS record protection (RFC 5246 section 6.2.3; RFC 4346 and RFC 2246 for TLS 1.1 and 1.0;
// RFC 5288 for AES-GCM; RFC 7905 for ChaCha20-Poly1305; RFC 7366 encrypt_then_mac; RFC 7465 says RC4 must not be used: it is
// here, off by default, for old provisioning servers only).
//
// One RecordProtection object protects one direction of a connection: the client's write side
// or its read side. It holds the keys, the 64-bit sequence number and, for TLS 1.0 CBC, the
// chained IV. Records are sealed and opened in place inside the caller's buffer, so the engine
// needs no second copy of a record:
//
//   seal: body = [explicit nonce/IV: prefix_size()] [plaintext] [room: suffix_size()]
//         the caller writes the plaintext at body + prefix_size() and calls seal(); the body then
//         holds the whole protected fragment (TLSCiphertext.fragment) and *body_len its length.
//   open: body holds TLSCiphertext.fragment as received; on success *plaintext views the
//         plaintext inside body.
//
// Constant time. AES-GCM follows the AES implementation in use (the default `ct` is
// constant-time). CBC with MAC-then-encrypt (RFC 5246 6.2.3.2): the padding check, the MAC over
// a secret-length plaintext and the MAC comparison run in constant time (the MAC is computed over
// the maximum possible length with masks, as BearSSL's br_hmac_outCT does), and every failure is
// one verdict, bad_record_mac, so there is no padding oracle and no Lucky Thirteen timing.
// encrypt_then_mac checks the MAC over the ciphertext first. RC4 is not constant-time.
//
// Sequence numbers: a direction that has used 2^64 - 1 records refuses to seal or open another
// (Status::unsupported): the engine then closes the connection (renegotiation is refused).
//
// Public API (installed): the declarations here are stable. The sequence-number setter the tests
// use is in tls/record_test_hooks.h, which is not installed and not in libpetrel.
#ifndef PETREL_TLS_RECORD_H
#define PETREL_TLS_RECORD_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/hash/hash.h"
#include "crypto/modes/gcm.h"
#include "crypto/rand/rng.h"
#include "crypto/rc4/rc4.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {
namespace tls {

// Wire versions (ProtocolVersion).
constexpr uint16_t kTls10 = 0x0301;
constexpr uint16_t kTls11 = 0x0302;
constexpr uint16_t kTls12 = 0x0303;

// ContentType.
constexpr uint8_t kContentChangeCipherSpec = 20;
constexpr uint8_t kContentAlert = 21;
constexpr uint8_t kContentHandshake = 22;
constexpr uint8_t kContentApplicationData = 23;

constexpr size_t kRecordHeaderSize = 5;
constexpr size_t kMaxPlaintext = 16384;
// Largest protected fragment Petrel's suites produce for a full plaintext: explicit IV (16),
// MAC (32), padding (at most 256 bytes, the peer chooses).
constexpr size_t kMaxRecordOverhead = 16 + 48 + 256;
constexpr size_t kMaxCiphertext = kMaxPlaintext + kMaxRecordOverhead;

enum class BulkCipher : uint8_t {
  null,
  rc4_128,
  aes128_cbc,
  aes256_cbc,
  aes128_gcm,
  aes256_gcm,
  chacha20_poly1305,  // RFC 7905: no explicit nonce, the 12-byte fixed IV xored with seq
};
// The record MAC: none for AEAD suites, HMAC with MD5, SHA-1, SHA-256 or SHA-384 (RFC 5289
// *_CBC_SHA384 suites) otherwise.
enum class RecordMac : uint8_t { none, hmac_md5, hmac_sha1, hmac_sha256, hmac_sha384 };
constexpr size_t kMaxRecordMacSize = 48;

size_t bulk_key_size(BulkCipher c) noexcept;        // 0, 16 or 32
// GCM 4, ChaCha20-Poly1305 12, TLS 1.0 CBC 16, else 0
size_t bulk_fixed_iv_size(BulkCipher c, uint16_t version) noexcept;
size_t record_mac_size(RecordMac m) noexcept;       // 0, 16, 20, 32 or 48
// The most a protected fragment may exceed its plaintext, as the peer may send it: AES-GCM 24
// (explicit nonce and tag), ChaCha20-Poly1305 16, AES-CBC 16 + MAC + 256 (explicit IV, MAC,
// the longest padding), RC4 the MAC, null 0. At most kMaxRecordOverhead.
size_t record_open_expansion(BulkCipher c, RecordMac m) noexcept;
// The most RecordProtection::seal adds (it pads CBC minimally): AES-CBC 16 + MAC + 16, else as
// record_open_expansion().
size_t record_seal_expansion(BulkCipher c, RecordMac m) noexcept;

struct RecordKeys {
  ByteView m_mac_key;   // record_mac_size(mac) bytes, empty for AEAD
  ByteView m_enc_key;   // bulk_key_size(cipher) bytes
  ByteView m_fixed_iv;  // bulk_fixed_iv_size(cipher, version) bytes
};

class RecordProtection final {
 public:
  RecordProtection() noexcept = default;
  ~RecordProtection();
  RecordProtection(const RecordProtection&) = delete;
  RecordProtection& operator=(const RecordProtection&) = delete;

  // Sets the keys for one direction and resets the sequence number to 0. cipher null with mac
  // none is the initial (unprotected) state. version is the negotiated version (it selects
  // implicit vs explicit CBC IVs). etm: encrypt_then_mac was negotiated (CBC only). The AES
  // implementation is `aes_impl`. Errors: invalid_argument for a wrong key length or a
  // combination that is not a TLS suite (GCM with a MAC, CBC without one, ...).
  Status init(BulkCipher cipher, RecordMac mac, uint16_t version, bool etm, const RecordKeys& keys,
              AesImpl aes_impl = kAesDefaultImpl) noexcept;
  // The same, but the direction stays unprotected (seal and open pass records through, the
  // sequence number counts them) until activate(): the engine keys both directions as soon as
  // the key block is derived and switches each at its ChangeCipherSpec, so that the key block
  // itself is never stored. The sequence number restarts at 0 on activate().
  Status init_pending(BulkCipher cipher, RecordMac mac, uint16_t version, bool etm,
                      const RecordKeys& keys, AesImpl aes_impl = kAesDefaultImpl) noexcept;
  // Switches to the keys of init_pending(); false if none are pending.
  bool activate() noexcept;
  bool pending() const noexcept { return m_keyed != BulkCipher::null && m_cipher == BulkCipher::null; }
  // Back to the unprotected state, wiping every key.
  void clear() noexcept;
  bool active() const noexcept { return m_cipher != BulkCipher::null; }
  BulkCipher cipher() const noexcept { return m_cipher; }
  uint64_t sequence() const noexcept { return m_seq; }

  // Bytes before the plaintext in a sealed body (explicit IV or nonce): 0, 8 or 16.
  size_t prefix_size() const noexcept;
  // Most bytes after the plaintext in a sealed body (MAC, padding, tag).
  size_t suffix_size() const noexcept;

  // Seals one record of content `type` in place (see the layout above). body.size() must be at
  // least prefix_size() + plaintext_len + suffix_size(); plaintext_len <= kMaxPlaintext. CBC
  // explicit IVs are drawn from rng. On success the sequence number advances.
  Status seal(uint8_t type, uint16_t record_version, MutableBytes body, size_t plaintext_len,
              size_t* body_len, Rng& rng) noexcept;
  // Opens one record in place. Any authentication or padding failure is Status::auth_failed
  // (the engine sends bad_record_mac); a fragment of an impossible length is decode_error. On
  // success *plaintext points into body and the sequence number advances.
  Status open(uint8_t type, uint16_t record_version, MutableBytes body, MutableBytes* plaintext) noexcept;

 private:
  // Test access (record_test_hooks.cpp, outside libpetrel: the sequence setter).
  friend struct RecordProtectionAccess;

  Status seal_cbc(uint8_t type, uint16_t record_version, MutableBytes body, size_t plaintext_len,
                  size_t* body_len, Rng& rng) noexcept;
  Status open_cbc_mte(uint8_t type, uint16_t record_version, MutableBytes body,
                      MutableBytes* plaintext) noexcept;
  Status open_cbc_etm(uint8_t type, uint16_t record_version, MutableBytes body,
                      MutableBytes* plaintext) noexcept;

  BulkCipher m_cipher = BulkCipher::null;  // the protection in use
  BulkCipher m_keyed = BulkCipher::null;   // the cipher whose state m_state holds
  RecordMac m_mac = RecordMac::none;
  uint16_t m_version = kTls12;
  bool m_etm = false;
  uint64_t m_seq = 0;
  uint8_t m_mac_key[kMaxRecordMacSize] = {};
  uint8_t m_iv[16] = {};  // GCM salt (4 bytes) or the TLS 1.0 CBC chained IV (16 bytes)
  // One cipher at a time: the state of the suite in use, constructed by init_pending() for
  // m_keyed and wiped and destroyed by clear(). (Every cipher's state side by side would cost
  // the RC4 and ChaCha20 states on top of AES and GHASH in each direction.)
  struct AesState {
    AesKey m_key;
    AesGcm m_gcm;  // GCM suites only; refers to m_key
  };
  union CipherState {
    CipherState() noexcept {}
    ~CipherState() {}
    AesState m_aes;
    Rc4 m_rc4;
    ChaCha20Poly1305 m_chacha;
  };
  CipherState m_state;
};

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_RECORD_H
