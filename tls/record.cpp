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
#include "tls/record_test_hooks.h"

namespace petrel {
namespace tls {

namespace {

constexpr size_t kMacHeaderSize = 13;  // seq_num(8) || type(1) || version(2) || length(2)
constexpr size_t kGcmExplicitNonce = 8;
constexpr size_t kGcmSaltSize = 4;
// RFC 5246 6.2.3: TLSCiphertext.length MUST NOT exceed 2^14 + 2048.
constexpr size_t kMaxFragment = kMaxPlaintext + 2048;
// The padding_length byte can say at most 255: the padding spans at most 256 bytes.
constexpr size_t kMaxPadSpan = 256;

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

// Checks TLS CBC padding at the end of p[0..n) (n >= 1) in constant time: the last byte is the
// padding length L; L + 1 + overhead <= n and the L bytes before it all equal L. Returns an
// all-ones mask if the padding is good, and in *strip the bytes to remove (L + 1; 1 if bad).
uint32_t ct_check_padding(const uint8_t* p, size_t n, size_t overhead, uint32_t* strip) noexcept {
  const uint32_t pad = p[n - 1];
  uint32_t good = ct::le(pad + 1 + static_cast<uint32_t>(overhead), static_cast<uint32_t>(n));
  const size_t to_check = n < kMaxPadSpan ? n : kMaxPadSpan;
  for (size_t i = 1; i < to_check; i++) {
    const uint32_t in_pad = ct::le(static_cast<uint32_t>(i), pad);
    good &= ~in_pad | ct::eq(p[n - 1 - i], pad);
  }
  *strip = ct::select(good, pad + 1, 1);
  return good;
}

// Copies the mac_len bytes at the secret offset mac_start of in[0..in_len) to out, reading every
// byte of in[scan_start..in_len) (the public window that holds the MAC) and rotating into place
// in log2(mac_len) masked steps (BoringSSL EVP_tls_cbc_copy_mac). mac_len <= 48.
void ct_copy_mac(uint8_t* out, const uint8_t* in, size_t in_len, size_t scan_start,
                 uint32_t mac_start, size_t mac_len) noexcept {
  uint8_t rotated[kMaxRecordMacSize] = {};
  uint8_t tmp[kMaxRecordMacSize];
  const uint32_t mac_end = mac_start + static_cast<uint32_t>(mac_len);
  uint32_t rotate = 0;
  size_t j = 0;
  for (size_t i = scan_start; i < in_len; i++) {
    const uint32_t i32 = static_cast<uint32_t>(i);
    const uint32_t in_mac = ct::ge(i32, mac_start) & ct::lt(i32, mac_end);
    rotated[j] = static_cast<uint8_t>(rotated[j] | (in[i] & in_mac));
    rotate |= static_cast<uint32_t>(j) & ct::eq(i32, mac_start);
    j++;
    if (j == mac_len) {
      j = 0;
    }
  }
  // out[k] = rotated[(rotate + k) mod mac_len]: rotate left by each set bit of `rotate`.
  for (size_t offset = 1; offset < mac_len; offset <<= 1) {
    const uint32_t take = 0u - (rotate & 1u);
    rotate >>= 1;
    size_t src = offset;
    for (size_t k = 0; k < mac_len; k++) {
      tmp[k] = ct::select8(take, rotated[src], rotated[k]);
      src++;
      if (src == mac_len) {
        src = 0;
      }
    }
    std::memcpy(rotated, tmp, mac_len);
  }
  std::memcpy(out, rotated, mac_len);
  secure_wipe(rotated, sizeof(rotated));
  secure_wipe(tmp, sizeof(tmp));
}

// The one place a secret mask becomes a public fact.
bool declassify_verdict(uint32_t good) noexcept {
  good = ct::value_barrier(good);
  CT_UNPOISON(&good, sizeof(good));
  return good != 0;
}

}  // namespace

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

// The private member the test hook reaches (record.h names this struct a friend).
struct RecordProtectionAccess {
  static void set_sequence(RecordProtection& rp, uint64_t seq) noexcept { rp.m_seq = seq; }
};

void record_set_sequence_for_testing(RecordProtection& rp, uint64_t seq) noexcept {
  RecordProtectionAccess::set_sequence(rp, seq);
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

Status RecordProtection::seal_cbc(uint8_t type, uint16_t record_version, MutableBytes body,
                                  size_t plaintext_len, size_t* body_len, Rng& rng) noexcept {
  const size_t mac_len = record_mac_size(m_mac);
  const bool explicit_iv = m_version >= kTls11;
  const size_t prefix = explicit_iv ? kAesBlockSize : 0;
  uint8_t iv[kAesBlockSize];
  if (explicit_iv) {
    Status s = rng.generate(MutableBytes(body.data(), kAesBlockSize));
    if (s != Status::ok) {
      return s;
    }
    std::memcpy(iv, body.data(), kAesBlockSize);
  } else {
    std::memcpy(iv, m_iv, kAesBlockSize);
  }
  uint8_t* p = body.data() + prefix;
  size_t n = plaintext_len;
  uint8_t header[kMacHeaderSize];
  if (!m_etm) {
    make_header(header, m_seq, type, record_version, plaintext_len);
    Status s = record_hmac(p + n, m_mac, m_mac_key, header, ByteView(p, n));
    if (s != Status::ok) {
      return s;
    }
    n += mac_len;
  }
  const size_t pad = kAesBlockSize - 1 - (n % kAesBlockSize);  // n + pad + 1 is a block multiple
  std::memset(p + n, static_cast<int>(pad), pad + 1);
  n += pad + 1;
  AesCbc cbc;
  Status s = cbc.init(&m_state.m_aes.m_key, ByteView(iv, sizeof(iv)));
  if (s == Status::ok) {
    s = cbc.encrypt(MutableBytes(p, n), ByteView(p, n));
  }
  if (s != Status::ok) {
    return s;
  }
  if (!explicit_iv) {
    std::memcpy(m_iv, p + n - kAesBlockSize, kAesBlockSize);
  }
  size_t total = prefix + n;
  if (m_etm) {
    make_header(header, m_seq, type, record_version, total);
    s = record_hmac(body.data() + total, m_mac, m_mac_key, header, ByteView(body.data(), total));
    if (s != Status::ok) {
      return s;
    }
    total += mac_len;
  }
  *body_len = total;
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
Status RecordProtection::open_cbc_mte(uint8_t type, uint16_t record_version, MutableBytes body,
                                      MutableBytes* plaintext) noexcept {
  const size_t mac_len = record_mac_size(m_mac);
  const bool explicit_iv = m_version >= kTls11;
  const size_t prefix = explicit_iv ? kAesBlockSize : 0;
  if (body.size() < prefix) {
    return Status::decode_error;
  }
  const size_t n = body.size() - prefix;
  if (n % kAesBlockSize != 0 || n < kAesBlockSize || n < mac_len + 1) {
    return Status::decode_error;
  }
  uint8_t* p = body.data() + prefix;
  uint8_t iv[kAesBlockSize];
  std::memcpy(iv, explicit_iv ? body.data() : m_iv, kAesBlockSize);
  if (!explicit_iv) {
    std::memcpy(m_iv, p + n - kAesBlockSize, kAesBlockSize);  // the next record's IV
  }
  AesCbc cbc;
  Status s = cbc.init(&m_state.m_aes.m_key, ByteView(iv, sizeof(iv)));
  if (s == Status::ok) {
    s = cbc.decrypt(MutableBytes(p, n), ByteView(p, n));
  }
  if (s != Status::ok) {
    return s;
  }

  uint32_t strip = 0;
  uint32_t good = ct_check_padding(p, n, mac_len, &strip);
  // data_len = n - mac_len - strip lies in [max_len - 255, max_len] (max_len = n - mac_len - 1).
  const size_t max_len = n - mac_len - 1;
  const size_t min_len = max_len > kMaxPadSpan - 1 ? max_len - (kMaxPadSpan - 1) : 0;
  const uint32_t data_len = static_cast<uint32_t>(n - mac_len) - strip;  // secret
  uint8_t header[kMacHeaderSize];
  make_header(header, m_seq, type, record_version, data_len);
  uint8_t mac[kMaxRecordMacSize];
  uint8_t received[kMaxRecordMacSize];
  s = hmac_ct(mac_hash(m_mac), MutableBytes(mac, mac_len), ByteView(m_mac_key, mac_len),
              ByteView(header, sizeof(header)), ByteView(p, max_len), data_len, min_len);
  if (s != Status::ok) {
    secure_wipe(header, sizeof(header));
    return s;
  }
  // The MAC starts at data_len >= min_len and ends by n - 1.
  ct_copy_mac(received, p, n - 1, min_len, data_len, mac_len);
  good &= ct::mem_eq_mask(mac, received, mac_len);
  secure_wipe(mac, sizeof(mac));
  secure_wipe(received, sizeof(received));
  secure_wipe(header, sizeof(header));
  if (!declassify_verdict(good)) {
    secure_wipe(p, n);
    return Status::auth_failed;
  }
  size_t len = data_len;
  CT_UNPOISON(&len, sizeof(len));  // the length of a record that verified is public
  *plaintext = MutableBytes(p, len);
  return Status::ok;
}

// encrypt_then_mac: the MAC over the public ciphertext is checked first (in constant time, one
// verdict); only an authentic record is decrypted and its padding checked.
Status RecordProtection::open_cbc_etm(uint8_t type, uint16_t record_version, MutableBytes body,
                                      MutableBytes* plaintext) noexcept {
  const size_t mac_len = record_mac_size(m_mac);
  const bool explicit_iv = m_version >= kTls11;
  const size_t prefix = explicit_iv ? kAesBlockSize : 0;
  if (body.size() < prefix + kAesBlockSize + mac_len) {
    return Status::decode_error;
  }
  const size_t n = body.size() - prefix - mac_len;
  if (n % kAesBlockSize != 0) {
    return Status::decode_error;
  }
  uint8_t header[kMacHeaderSize];
  make_header(header, m_seq, type, record_version, prefix + n);
  uint8_t mac[kMaxRecordMacSize];
  Status s = record_hmac(mac, m_mac, m_mac_key, header, ByteView(body.data(), prefix + n));
  if (s != Status::ok) {
    return s;
  }
  const uint32_t mac_ok = ct::mem_eq_mask(mac, body.data() + prefix + n, mac_len);
  secure_wipe(mac, sizeof(mac));
  if (!declassify_verdict(mac_ok)) {
    return Status::auth_failed;
  }
  uint8_t* p = body.data() + prefix;
  uint8_t iv[kAesBlockSize];
  std::memcpy(iv, explicit_iv ? body.data() : m_iv, kAesBlockSize);
  if (!explicit_iv) {
    std::memcpy(m_iv, p + n - kAesBlockSize, kAesBlockSize);
  }
  AesCbc cbc;
  s = cbc.init(&m_state.m_aes.m_key, ByteView(iv, sizeof(iv)));
  if (s == Status::ok) {
    s = cbc.decrypt(MutableBytes(p, n), ByteView(p, n));
  }
  if (s != Status::ok) {
    return s;
  }
  uint32_t strip = 0;
  const uint32_t pad_ok = ct_check_padding(p, n, 0, &strip);
  if (!declassify_verdict(pad_ok)) {
    secure_wipe(p, n);
    return Status::auth_failed;
  }
  size_t len = n - strip;
  CT_UNPOISON(&len, sizeof(len));
  *plaintext = MutableBytes(p, len);
  return Status::ok;
}

}  // namespace tls
}  // namespace petrel
