// TLS record protection, the CBC suites (RFC 5246 section 6.2.3.2, RFC 4346 and RFC 2246 for
// TLS 1.1 and 1.0; encrypt_then_mac RFC 7366): RecordProtection::seal_cbc, open_cbc_mte and
// open_cbc_etm, with the constant-time padding check and MAC extraction of the
// MAC-then-encrypt open. The record layer around them (GCM, ChaCha20-Poly1305, RC4, the
// sequence numbers and the dispatch) is record.cpp; the constant-time notes are at its head.
#include <cstring>

#include "crypto/mac/hmac.h"
#include "crypto/mac/hmac_ct.h"
#include "crypto/modes/modes.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"
#include "tls/record.h"
#include "tls/record_internal.h"

namespace petrel {
namespace tls {

using namespace record_internal;

namespace {

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

}  // namespace

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
