// PKCS#1 v1.5: RSASSA-PKCS1-v1_5 (RFC 8017 section 8.2 with EMSA-PKCS1-v1_5, section 9.2 and
// the DigestInfo prefixes of its note 1), the TLS 1.0/1.1 MD5+SHA-1 variant (RFC 4346 7.4.3),
// RSAES-PKCS1-v1_5 (RFC 8017 section 7.2) and the TLS premaster decryption with implicit
// rejection (RFC 5246 section 7.4.7.1).
// Verification re-encodes the expected block EM' and compares the whole block in constant time;
// the recovered block is never parsed. Decryption checks the padding with masks, locates the
// message without branches and copies it with a constant-time shifter; every kind of bad padding
// gives the same Status::bad_padding.
#include <cstring>

#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_internal.h"
#include "crypto/util/ct.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

// DER DigestInfo prefixes (RFC 8017 section 9.2, note 1), parameters NULL.
const uint8_t kMd5Prefix[] = {0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48,
                              0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04, 0x10};
const uint8_t kSha1Prefix[] = {0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e,
                               0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14};
const uint8_t kSha224Prefix[] = {0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                 0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00, 0x04, 0x1c};
const uint8_t kSha256Prefix[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
const uint8_t kSha384Prefix[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
const uint8_t kSha512Prefix[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};

ByteView digest_info_prefix(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5: return ByteView(kMd5Prefix, sizeof(kMd5Prefix));
    case HashAlg::sha1: return ByteView(kSha1Prefix, sizeof(kSha1Prefix));
    case HashAlg::sha224: return ByteView(kSha224Prefix, sizeof(kSha224Prefix));
    case HashAlg::sha256: return ByteView(kSha256Prefix, sizeof(kSha256Prefix));
    case HashAlg::sha384: return ByteView(kSha384Prefix, sizeof(kSha384Prefix));
    case HashAlg::sha512: return ByteView(kSha512Prefix, sizeof(kSha512Prefix));
  }
  return ByteView();
}

// EM = 00 01 FF..FF 00 || prefix || digest, k bytes (EMSA-PKCS1-v1_5 steps 3-5).
Status encode_emsa(uint8_t* em, size_t k, ByteView prefix, ByteView digest) noexcept {
  const size_t t_len = prefix.size() + digest.size();
  if (k < t_len + 11) {
    return Status::invalid_argument;  // "intended encoded message length too short"
  }
  em[0] = 0x00;
  em[1] = 0x01;
  std::memset(em + 2, 0xff, k - t_len - 3);
  em[k - t_len - 1] = 0x00;
  if (!prefix.empty()) {
    std::memcpy(em + k - t_len, prefix.data(), prefix.size());
  }
  std::memcpy(em + k - digest.size(), digest.data(), digest.size());
  return Status::ok;
}

Status sign_with_prefix(MutableBytes sig, const RsaPrivateKey& key, ByteView prefix,
                        ByteView digest, Rng& rng) noexcept {
  if (!key.is_set()) {
    return Status::invalid_argument;
  }
  const size_t k = key.size();
  if (sig.size() < k) {
    return Status::buffer_too_small;
  }
  // EM is built in sig itself (no k-byte buffer on the stack): the raw operation reads all of
  // its input before it writes its output, and EM holds only the (public) digest and padding.
  Status st = encode_emsa(sig.data(), k, prefix, digest);
  if (st == Status::ok) {
    st = key.raw(sig, ByteView(sig.data(), k), rng);
  }
  if (st == Status::ok) {
    CT_UNPOISON(sig.data(), k);  // a verified signature is public
  } else {
    secure_wipe(sig.data(), k);
  }
  return st;
}

Status verify_with_prefix(const RsaPublicKeyBase& key, ByteView prefix, ByteView digest,
                          ByteView sig) noexcept {
  if (!key.is_set()) {
    return Status::invalid_argument;
  }
  const size_t k = key.size();
  if (sig.size() != k) {
    return Status::auth_failed;  // RFC 8017 8.2.2 step 1: length must be k
  }
  const size_t t_len = prefix.size() + digest.size();
  if (k < t_len + 11) {
    return Status::invalid_argument;  // as encode_emsa
  }
  uint8_t em[kRsaMaxModulusBytes];
  const Status st = key.raw(MutableBytes(em, k), sig);
  if (st != Status::ok) {
    return Status::auth_failed;  // s >= n
  }
  // Compare the whole block with the one encode_emsa would build (00 01 FF..FF 00 prefix
  // digest), piece by piece, so that no second k-byte buffer is needed.
  const size_t sep = k - t_len - 1;
  uint8_t diff = static_cast<uint8_t>(em[0] | (em[1] ^ 0x01u) | em[sep]);
  for (size_t i = 2; i < sep; i++) {
    diff = static_cast<uint8_t>(diff | (em[i] ^ 0xffu));
  }
  // Verification works on public data only; the masks just avoid an early exit.
  const uint32_t same = ct::is_zero(diff) &
                        ct::mem_eq_mask(em + sep + 1, prefix.data(), prefix.size()) &
                        ct::mem_eq_mask(em + k - digest.size(), digest.data(), digest.size());
  return same != 0 ? Status::ok : Status::auth_failed;
}

}  // namespace

Status rsa_pkcs1_sign(MutableBytes sig, const RsaPrivateKey& key, HashAlg alg, ByteView digest,
                      Rng& rng) noexcept {
  const ByteView prefix = digest_info_prefix(alg);
  if (prefix.empty() || digest.size() != hash_digest_size(alg)) {
    return Status::invalid_argument;
  }
  return sign_with_prefix(sig, key, prefix, digest, rng);
}

Status rsa_pkcs1_verify(const RsaPublicKeyBase& key, HashAlg alg, ByteView digest,
                        ByteView sig) noexcept {
  const ByteView prefix = digest_info_prefix(alg);
  if (prefix.empty() || digest.size() != hash_digest_size(alg)) {
    return Status::invalid_argument;
  }
  return verify_with_prefix(key, prefix, digest, sig);
}

Status rsa_pkcs1_sign_md5sha1(MutableBytes sig, const RsaPrivateKey& key, ByteView digest36,
                              Rng& rng) noexcept {
  if (digest36.size() != 36) {
    return Status::invalid_argument;
  }
  return sign_with_prefix(sig, key, ByteView(), digest36, rng);
}

Status rsa_pkcs1_verify_md5sha1(const RsaPublicKeyBase& key, ByteView digest36,
                                ByteView sig) noexcept {
  if (digest36.size() != 36) {
    return Status::invalid_argument;
  }
  return verify_with_prefix(key, ByteView(), digest36, sig);
}

Status rsa_pkcs1_encrypt(MutableBytes out, const RsaPublicKeyBase& key, ByteView msg,
                         Rng& rng) noexcept {
  if (!key.is_set()) {
    return Status::invalid_argument;
  }
  const size_t k = key.size();
  if (msg.size() + 11 > k) {
    return Status::invalid_argument;  // "message too long"
  }
  if (out.size() < k) {
    return Status::buffer_too_small;
  }
  uint8_t em[kRsaMaxModulusBytes];
  const size_t ps_len = k - msg.size() - 3;
  em[0] = 0x00;
  em[1] = 0x02;
  // PS: ps_len random non-zero bytes. All are drawn in one call; a zero byte is replaced by a
  // fresh draw (so a source of non-zero bytes is consumed exactly, as the RSA Labs vectors expect).
  Status st = rng.generate(MutableBytes(em + 2, ps_len));
  for (size_t i = 0; i < ps_len && st == Status::ok; i++) {
    int guard = 0;
    while (em[2 + i] == 0 && st == Status::ok) {
      if (++guard > 1000) {
        st = Status::rng_failure;
        break;
      }
      st = rng.generate(MutableBytes(em + 2 + i, 1));
    }
  }
  if (st == Status::ok) {
    em[2 + ps_len] = 0x00;
    if (!msg.empty()) {
      std::memcpy(em + 3 + ps_len, msg.data(), msg.size());
    }
    st = key.raw(out, ByteView(em, k));
  }
  secure_wipe(em, sizeof(em));
  if (st != Status::ok) {
    secure_wipe(out.data(), out.size() < k ? out.size() : k);
  }
  return st;
}

Status rsa_pkcs1_decrypt(MutableBytes out, size_t* out_len, const RsaPrivateKey& key,
                         ByteView ciphertext, Rng& rng) noexcept {
  if (!key.is_set() || out_len == nullptr) {
    return Status::invalid_argument;
  }
  *out_len = 0;
  const size_t k = key.size();
  if (ciphertext.size() != k) {
    return Status::invalid_argument;
  }
  if (out.size() < k - 11) {
    return Status::buffer_too_small;
  }
  uint8_t em[kRsaMaxPrivateBits / 8];
  Status st = key.raw(MutableBytes(em, k), ciphertext, rng);
  if (st != Status::ok) {
    secure_wipe(em, sizeof(em));
    return st;
  }
  // EM = 00 02 PS 00 M with |PS| >= 8, PS non-zero.
  uint32_t good = ct::eq(em[0], 0) & ct::eq(em[1], 2);
  uint32_t found = 0;
  uint32_t zero_index = 0;
  for (size_t i = 2; i < k; i++) {
    const uint32_t is0 = ct::eq(em[i], 0);
    zero_index = ct::select(is0 & ~found, static_cast<uint32_t>(i), zero_index);
    found |= is0;
  }
  good &= found & ct::ge(zero_index, 10);
  // The message starts at zero_index + 1 >= 11: shift it to the front of em[11..k).
  const size_t span = k - 11;
  const uint32_t shift = ct::select(good, zero_index + 1 - 11, 0);
  rsa_internal::ct_shift_left(em + 11, span, shift);
  std::memcpy(out.data(), em + 11, span);
  size_t mlen = span - shift;
  secure_wipe(em, sizeof(em));
  good = ct::value_barrier(good);
  CT_UNPOISON(&good, sizeof(good));  // the verdict is public (one Status for every failure)
  if (good == 0) {
    secure_wipe(out.data(), span);
    return Status::bad_padding;
  }
  CT_UNPOISON(&mlen, sizeof(mlen));  // the length of a correctly padded message is public
  *out_len = mlen;
  return Status::ok;
}

Status rsa_pkcs1_decrypt_tls_premaster(MutableBytes out48, const RsaPrivateKey& key,
                                       ByteView ciphertext, uint16_t client_version,
                                       Rng& rng) noexcept {
  constexpr size_t kLen = 48;
  if (!key.is_set()) {
    return Status::invalid_argument;
  }
  const size_t k = key.size();
  if (ciphertext.size() != k || k < kLen + 11) {
    return Status::invalid_argument;
  }
  if (out48.size() < kLen) {
    return Status::buffer_too_small;
  }
  // The random substitute is drawn first, whatever the ciphertext (RFC 5246 7.4.7.1 step 1).
  uint8_t fallback[kLen];
  Status st = rng.generate(MutableBytes(fallback, kLen));
  if (st != Status::ok) {
    return st;
  }
  uint8_t em[kRsaMaxPrivateBits / 8];
  st = key.raw(MutableBytes(em, k), ciphertext, rng);
  if (st != Status::ok) {
    secure_wipe(em, sizeof(em));
    secure_wipe(fallback, sizeof(fallback));
    return st;
  }
  // Valid only as 00 02 PS(non-zero, k - 51 bytes) 00 M(48) with M[0..1] = client_version.
  uint32_t good = ct::eq(em[0], 0) & ct::eq(em[1], 2);
  for (size_t i = 2; i < k - kLen - 1; i++) {
    good &= ct::neq(em[i], 0);
  }
  good &= ct::eq(em[k - kLen - 1], 0);
  good &= ct::eq(em[k - kLen], static_cast<uint8_t>(client_version >> 8));
  good &= ct::eq(em[k - kLen + 1], static_cast<uint8_t>(client_version));
  for (size_t i = 0; i < kLen; i++) {
    out48[i] = ct::select8(good, em[k - kLen + i], fallback[i]);
  }
  secure_wipe(em, sizeof(em));
  secure_wipe(fallback, sizeof(fallback));
  return Status::ok;
}

}  // namespace petrel
