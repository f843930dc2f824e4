// TLS record protection (RFC 5246 section 6.2.3, RFC 4346 and RFC 2246 for TLS 1.1 and 1.0).
//
//   AES-GCM      RFC 5288 section 3: nonce = salt (4 bytes of the key block) || explicit nonce
//                (8 bytes, sent in the record; here the sequence number);
//                AAD = seq_num || type || version || plaintext length; 16-byte tag.
//   AES-CBC      RFC 5246 6.2.3.2: MAC over seq_num || type || version || length || fragment
//                (6.2.3.1), then padding (padding_length + 1 bytes, each padding_length; sealing
//                pads minimally) and CBC. TLS 1.1/1.2: a fresh explicit IV per record from the
//                Rng; TLS 1.0: the IV is the last ciphertext block of the previous record, the
//                first one the fixed IV of the key block.
//   encrypt_then_mac (RFC 7366): the MAC covers seq_num || type || version ||
//                length(IV + ciphertext) || IV || ciphertext and follows the ciphertext; open
//                checks it before decrypting.
//   RC4-128      stream, the cipher state runs across records; MAC then encrypt.
//
// Constant time. GCM: as the AES implementation (AesGcm). CBC MAC-then-encrypt open: the padding
// check uses masks over the last 256 bytes, the MAC is computed with hmac_ct over the longest
// possible plaintext (crypto/mac/hmac_ct.h), the received MAC is taken from its secret position
// by a scan and a rotation (BoringSSL EVP_tls_cbc_copy_mac), and padding and MAC failures merge
// into one mask that is declassified once (CT_UNPOISON) for the single verdict auth_failed. The
// plaintext length is declassified only for a record that verified. RC4 is not constant-time.
// The CBC seal and the two CBC opens (MAC-then-encrypt, encrypt_then_mac) are record_cbc.cpp;
// what both files share is tls/record_internal.h.
#include "tls/record.h"

#include <cstring>
#include <new>

#include "crypto/mac/hmac.h"
#include "crypto/mac/hmac_ct.h"
#include "crypto/modes/modes.h"
#include "crypto/util/build_config.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"
#include "tls/record_internal.h"

namespace petrel {
namespace tls {

using namespace record_internal;

namespace {

constexpr size_t kGcmExplicitNonce = 8;
constexpr size_t kGcmSaltSize = 4;

// Is this protection in the build (crypto/util/build_config.h)? init_pending refuses the others,
// so their seal/open cases are dead code the optimizer drops.
constexpr bool cipher_built(BulkCipher c) noexcept {
  return (kBuildRc4Suites || c != BulkCipher::rc4_128) &&
         (kBuildChaCha20Poly1305Suites || c != BulkCipher::chacha20_poly1305);
}

bool is_cbc(BulkCipher c) noexcept {
  return c == BulkCipher::aes128_cbc || c == BulkCipher::aes256_cbc;
}
bool is_gcm(BulkCipher c) noexcept {
  return c == BulkCipher::aes128_gcm || c == BulkCipher::aes256_gcm;
}

}  // namespace

namespace record_internal {

HashAlg mac_hash(RecordMac m) noexcept {
  switch (m) {
    case RecordMac::hmac_md5: return HashAlg::md5;
    case RecordMac::hmac_sha1: return HashAlg::sha1;
    case RecordMac::hmac_sha384: return HashAlg::sha384;
    case RecordMac::hmac_sha256:
    case RecordMac::none: break;
  }
  return HashAlg::sha256;
}

void make_header(uint8_t out[kMacHeaderSize], uint64_t seq, uint8_t type, uint16_t version,
                 size_t length) noexcept {
  store_be64(out, seq);
  out[8] = type;
  out[9] = static_cast<uint8_t>(version >> 8);
  out[10] = static_cast<uint8_t>(version);
  out[11] = static_cast<uint8_t>(length >> 8);
  out[12] = static_cast<uint8_t>(length);
}

// HMAC(mac_key, header || data) into out (record_mac_size bytes). Public lengths.
Status record_hmac(uint8_t* out, RecordMac mac, const uint8_t* key, const uint8_t* header,
                   ByteView data) noexcept {
  const size_t n = record_mac_size(mac);
  HmacCtx h;
  Status s = h.init(mac_hash(mac), ByteView(key, n));
  if (s != Status::ok) {
    return s;
  }
  h.update(ByteView(header, kMacHeaderSize));
  h.update(data);
  return h.final(MutableBytes(out, n));
}

// The one place a secret mask becomes a public fact.
bool declassify_verdict(uint32_t good) noexcept {
  good = ct::value_barrier(good);
  CT_UNPOISON(&good, sizeof(good));
  return good != 0;
}


}  // namespace record_internal

size_t bulk_key_size(BulkCipher c) noexcept {
  switch (c) {
    case BulkCipher::null: return 0;
    case BulkCipher::rc4_128:
    case BulkCipher::aes128_cbc:
    case BulkCipher::aes128_gcm: return 16;
    case BulkCipher::aes256_cbc:
    case BulkCipher::aes256_gcm:
    case BulkCipher::chacha20_poly1305: return 32;
  }
  return 0;
}

size_t bulk_fixed_iv_size(BulkCipher c, uint16_t version) noexcept {
  if (is_gcm(c)) {
    return kGcmSaltSize;
  }
  if (c == BulkCipher::chacha20_poly1305) {
    return kChaCha20Poly1305NonceSize;
  }
  if (is_cbc(c) && version == kTls10) {
    return kAesBlockSize;
  }
  return 0;
}

size_t record_mac_size(RecordMac m) noexcept {
  switch (m) {
    case RecordMac::none: return 0;
    case RecordMac::hmac_md5: return 16;
    case RecordMac::hmac_sha1: return 20;
    case RecordMac::hmac_sha256: return 32;
    case RecordMac::hmac_sha384: return 48;
  }
  return 0;
}

size_t record_open_expansion(BulkCipher c, RecordMac m) noexcept {
  switch (c) {
    case BulkCipher::null: return 0;
    case BulkCipher::rc4_128: return record_mac_size(m);
    case BulkCipher::aes128_cbc:
    case BulkCipher::aes256_cbc: return kAesBlockSize + record_mac_size(m) + kMaxPadSpan;
    case BulkCipher::aes128_gcm:
    case BulkCipher::aes256_gcm: return kGcmExplicitNonce + kGcmTagSize;
    case BulkCipher::chacha20_poly1305: return kChaCha20Poly1305TagSize;
  }
  return kMaxRecordOverhead;
}

size_t record_seal_expansion(BulkCipher c, RecordMac m) noexcept {
  if (is_cbc(c)) {
    return kAesBlockSize + record_mac_size(m) + kAesBlockSize;
  }
  return record_open_expansion(c, m);
}

RecordProtection::~RecordProtection() { clear(); }

void RecordProtection::clear() noexcept {
  switch (m_keyed) {
    case BulkCipher::null: break;
    case BulkCipher::rc4_128:
      if (kBuildRc4Suites) {
        m_state.m_rc4.~Rc4();
      }
      break;
    case BulkCipher::chacha20_poly1305:
      if (kBuildChaCha20Poly1305Suites) {
        m_state.m_chacha.~ChaCha20Poly1305();
      }
      break;
    case BulkCipher::aes128_cbc:
    case BulkCipher::aes256_cbc:
    case BulkCipher::aes128_gcm:
    case BulkCipher::aes256_gcm: m_state.m_aes.~AesState(); break;
  }
  // The destructors wipe each cipher's state; this wipes the union whatever it held.
  secure_wipe(&m_state, sizeof(m_state));
  secure_wipe(m_mac_key, sizeof(m_mac_key));
  secure_wipe(m_iv, sizeof(m_iv));
  m_cipher = BulkCipher::null;
  m_keyed = BulkCipher::null;
  m_mac = RecordMac::none;
  m_version = kTls12;
  m_etm = false;
  m_seq = 0;
}

Status RecordProtection::init(BulkCipher cipher, RecordMac mac, uint16_t version, bool etm,
                              const RecordKeys& keys, AesImpl aes_impl) noexcept {
  Status s = init_pending(cipher, mac, version, etm, keys, aes_impl);
  if (s == Status::ok) {
    (void)activate();
  }
  return s;
}

bool RecordProtection::activate() noexcept {
  if (m_keyed == BulkCipher::null || m_cipher != BulkCipher::null) {
    return false;
  }
  m_cipher = m_keyed;
  m_seq = 0;
  return true;
}

Status RecordProtection::init_pending(BulkCipher cipher, RecordMac mac, uint16_t version,
                                      bool etm, const RecordKeys& keys, AesImpl aes_impl) noexcept {
  clear();
  if (version != kTls10 && version != kTls11 && version != kTls12) {
    return Status::invalid_argument;
  }
  // Only the combinations that are TLS cipher suites.
  bool suite = false;
  switch (cipher) {
    case BulkCipher::null: suite = mac == RecordMac::none && !etm; break;
    case BulkCipher::rc4_128:
      suite = (mac == RecordMac::hmac_md5 || mac == RecordMac::hmac_sha1) && !etm;
      break;
    case BulkCipher::aes128_cbc:
    case BulkCipher::aes256_cbc:
      suite = mac == RecordMac::hmac_sha1 || mac == RecordMac::hmac_sha256 ||
              mac == RecordMac::hmac_sha384;
      break;
    case BulkCipher::aes128_gcm:
    case BulkCipher::aes256_gcm:
      suite = mac == RecordMac::none && !etm && version == kTls12;
      break;
    case BulkCipher::chacha20_poly1305:
      suite = mac == RecordMac::none && !etm && version == kTls12;
      break;
  }
  if (!suite) {
    return Status::invalid_argument;
  }
  if (!cipher_built(cipher) || (!kBuildMd5 && mac == RecordMac::hmac_md5)) {
    return Status::unsupported;  // a valid suite this build leaves out (PETREL_MINIMAL)
  }
  if (cipher == BulkCipher::null) {
    m_version = version;
    return Status::ok;
  }
  if (keys.m_mac_key.size() != record_mac_size(mac) ||
      keys.m_enc_key.size() != bulk_key_size(cipher) ||
      keys.m_fixed_iv.size() != bulk_fixed_iv_size(cipher, version) ||
      (!keys.m_mac_key.empty() && keys.m_mac_key.data() == nullptr) ||
      keys.m_enc_key.data() == nullptr ||
      (!keys.m_fixed_iv.empty() && keys.m_fixed_iv.data() == nullptr)) {
    return Status::invalid_argument;
  }
  Status s = Status::ok;
  m_keyed = cipher;
  if (kBuildRc4Suites && cipher == BulkCipher::rc4_128) {
    new (&m_state.m_rc4) Rc4();
    s = m_state.m_rc4.init(keys.m_enc_key);
  } else if (kBuildChaCha20Poly1305Suites && cipher == BulkCipher::chacha20_poly1305) {
    new (&m_state.m_chacha) ChaCha20Poly1305();
    s = m_state.m_chacha.init(keys.m_enc_key);
  } else {
    new (&m_state.m_aes) AesState();
    s = m_state.m_aes.m_key.init(keys.m_enc_key, aes_impl);
    if (s == Status::ok && is_gcm(cipher)) {
      s = m_state.m_aes.m_gcm.init(&m_state.m_aes.m_key);
    }
  }
  if (s != Status::ok) {
    clear();
    return s;
  }
  if (!keys.m_mac_key.empty()) {
    std::memcpy(m_mac_key, keys.m_mac_key.data(), keys.m_mac_key.size());
  }
  if (!keys.m_fixed_iv.empty()) {
    std::memcpy(m_iv, keys.m_fixed_iv.data(), keys.m_fixed_iv.size());
  }
  m_mac = mac;
  m_version = version;
  m_etm = etm;
  m_seq = 0;
  return Status::ok;
}

size_t RecordProtection::prefix_size() const noexcept {
  if (is_gcm(m_cipher)) {
    return kGcmExplicitNonce;
  }
  if (is_cbc(m_cipher) && m_version >= kTls11) {
    return kAesBlockSize;
  }
  return 0;
}

size_t RecordProtection::suffix_size() const noexcept {
  if (is_gcm(m_cipher)) {
    return kGcmTagSize;
  }
  if (m_cipher == BulkCipher::chacha20_poly1305) {
    return kChaCha20Poly1305TagSize;
  }
  if (is_cbc(m_cipher)) {
    return record_mac_size(m_mac) + kAesBlockSize;  // MAC and 1..16 bytes of padding
  }
  if (m_cipher == BulkCipher::null) {
    return 0;  // unprotected (also while keys are pending)
  }
  return record_mac_size(m_mac);  // RC4: the MAC
}

Status RecordProtection::seal(uint8_t type, uint16_t record_version, MutableBytes body,
                              size_t plaintext_len, size_t* body_len, Rng& rng) noexcept {
  if (body_len == nullptr) {
    return Status::invalid_argument;
  }
  *body_len = 0;
  if (plaintext_len > kMaxPlaintext) {
    return Status::invalid_argument;
  }
  const size_t prefix = prefix_size();
  if (body.size() < prefix + plaintext_len + suffix_size()) {
    return Status::buffer_too_small;
  }
  if (body.data() == nullptr && body.size() != 0) {
    return Status::invalid_argument;
  }
  if (m_seq == UINT64_MAX) {
    return Status::unsupported;
  }
  uint8_t* pt = body.data() + prefix;
  uint8_t header[kMacHeaderSize];
  Status s = Status::ok;
  switch (m_cipher) {
    case BulkCipher::null: *body_len = plaintext_len; break;
    case BulkCipher::rc4_128: {
      if (!kBuildRc4Suites) {
        s = Status::unsupported;
        break;
      }
      make_header(header, m_seq, type, record_version, plaintext_len);
      const size_t mac_len = record_mac_size(m_mac);
      s = record_hmac(pt + plaintext_len, m_mac, m_mac_key, header, ByteView(pt, plaintext_len));
      if (s == Status::ok) {
        const size_t n = plaintext_len + mac_len;
        s = m_state.m_rc4.crypt(MutableBytes(pt, n), ByteView(pt, n));
        *body_len = n;
      }
      break;
    }
    case BulkCipher::aes128_gcm:
    case BulkCipher::aes256_gcm: {
      make_header(header, m_seq, type, record_version, plaintext_len);
      uint8_t nonce[kGcmSaltSize + kGcmExplicitNonce];
      std::memcpy(nonce, m_iv, kGcmSaltSize);
      store_be64(nonce + kGcmSaltSize, m_seq);
      std::memcpy(body.data(), nonce + kGcmSaltSize, kGcmExplicitNonce);
      s = m_state.m_aes.m_gcm.seal(MutableBytes(pt, plaintext_len), MutableBytes(pt + plaintext_len, kGcmTagSize),
                     ByteView(nonce, sizeof(nonce)), ByteView(header, sizeof(header)),
                     ByteView(pt, plaintext_len));
      *body_len = prefix + plaintext_len + kGcmTagSize;
      break;
    }
    case BulkCipher::chacha20_poly1305: {
      if (!kBuildChaCha20Poly1305Suites) {
        s = Status::unsupported;
        break;
      }
      make_header(header, m_seq, type, record_version, plaintext_len);
      uint8_t nonce[kChaCha20Poly1305NonceSize];
      chacha20_poly1305_tls_nonce(nonce, m_iv, m_seq);
      s = m_state.m_chacha.seal(MutableBytes(pt, plaintext_len),
                        MutableBytes(pt + plaintext_len, kChaCha20Poly1305TagSize),
                        ByteView(nonce, sizeof(nonce)), ByteView(header, sizeof(header)),
                        ByteView(pt, plaintext_len));
      *body_len = plaintext_len + kChaCha20Poly1305TagSize;
      break;
    }
    case BulkCipher::aes128_cbc:
    case BulkCipher::aes256_cbc:
      s = seal_cbc(type, record_version, body, plaintext_len, body_len, rng);
      break;
  }
  secure_wipe(header, sizeof(header));
  if (s != Status::ok) {
    *body_len = 0;
    return s;
  }
  m_seq++;
  return Status::ok;
}

Status RecordProtection::open(uint8_t type, uint16_t record_version, MutableBytes body,
                              MutableBytes* plaintext) noexcept {
  if (plaintext == nullptr || (body.data() == nullptr && body.size() != 0)) {
    return Status::invalid_argument;
  }
  *plaintext = MutableBytes();
  if (m_seq == UINT64_MAX) {
    return Status::unsupported;
  }
  if (body.size() > kMaxFragment) {
    return Status::decode_error;
  }
  MutableBytes out;
  Status s = Status::ok;
  switch (m_cipher) {
    case BulkCipher::null: out = body; break;
    case BulkCipher::rc4_128: {
      if (!kBuildRc4Suites) {
        return Status::unsupported;
      }
      const size_t mac_len = record_mac_size(m_mac);
      if (body.size() < mac_len) {
        return Status::decode_error;
      }
      s = m_state.m_rc4.crypt(body, body);
      if (s != Status::ok) {
        return s;
      }
      const size_t n = body.size() - mac_len;
      uint8_t header[kMacHeaderSize];
      uint8_t mac[kMaxRecordMacSize];
      make_header(header, m_seq, type, record_version, n);
      s = record_hmac(mac, m_mac, m_mac_key, header, ByteView(body.data(), n));
      if (s != Status::ok) {
        return s;
      }
      const uint32_t good = ct::mem_eq_mask(mac, body.data() + n, mac_len);
      secure_wipe(mac, sizeof(mac));
      if (!declassify_verdict(good)) {
        secure_wipe(body.data(), body.size());
        return Status::auth_failed;
      }
      out = body.first(n);
      break;
    }
    case BulkCipher::aes128_gcm:
    case BulkCipher::aes256_gcm: {
      if (body.size() < kGcmExplicitNonce + kGcmTagSize) {
        return Status::decode_error;
      }
      const size_t n = body.size() - kGcmExplicitNonce - kGcmTagSize;
      uint8_t nonce[kGcmSaltSize + kGcmExplicitNonce];
      std::memcpy(nonce, m_iv, kGcmSaltSize);
      std::memcpy(nonce + kGcmSaltSize, body.data(), kGcmExplicitNonce);
      uint8_t header[kMacHeaderSize];
      make_header(header, m_seq, type, record_version, n);
      uint8_t* c = body.data() + kGcmExplicitNonce;
      s = m_state.m_aes.m_gcm.open(MutableBytes(c, n), ByteView(nonce, sizeof(nonce)),
                     ByteView(header, sizeof(header)), ByteView(c, n),
                     ByteView(c + n, kGcmTagSize));
      if (s != Status::ok) {
        return s;
      }
      out = MutableBytes(c, n);
      break;
    }
    case BulkCipher::chacha20_poly1305: {
      if (!kBuildChaCha20Poly1305Suites) {
        return Status::unsupported;
      }
      if (body.size() < kChaCha20Poly1305TagSize) {
        return Status::decode_error;
      }
      const size_t n = body.size() - kChaCha20Poly1305TagSize;
      uint8_t nonce[kChaCha20Poly1305NonceSize];
      chacha20_poly1305_tls_nonce(nonce, m_iv, m_seq);
      uint8_t header[kMacHeaderSize];
      make_header(header, m_seq, type, record_version, n);
      uint8_t* c = body.data();
      s = m_state.m_chacha.open(MutableBytes(c, n), ByteView(nonce, sizeof(nonce)),
                        ByteView(header, sizeof(header)), ByteView(c, n),
                        ByteView(c + n, kChaCha20Poly1305TagSize));
      if (s != Status::ok) {
        return s;
      }
      out = MutableBytes(c, n);
      break;
    }
    case BulkCipher::aes128_cbc:
    case BulkCipher::aes256_cbc:
      s = m_etm ? open_cbc_etm(type, record_version, body, &out)
                : open_cbc_mte(type, record_version, body, &out);
      if (s != Status::ok) {
        return s;
      }
      break;
  }
  if (out.size() > kMaxPlaintext) {  // RFC 5246 6.2.1: TLSPlaintext.length <= 2^14
    secure_wipe(out.data(), out.size());
    return Status::decode_error;
  }
  *plaintext = out;
  m_seq++;
  return Status::ok;
}

// MAC-then-encrypt: everything after the CBC decryption is constant-time; see the top comment.
}  // namespace tls
}  // namespace petrel
