// RSAES-OAEP (RFC 8017 section 7.1, EME-OAEP steps of 7.1.1 and 7.1.2) with MGF1 over the
// label hash or another one (RFC 8017 A.2.1 hashAlgorithm and maskGenAlgorithm are independent). Decryption is constant-time: the checks of Y = 0, lHash' = lHash and the 00..00 01
// separator are accumulated in masks, the separator is found without branches and the message is
// moved with a constant-time shifter; all failures give the same Status::bad_padding.
#include <cstring>

#include "crypto/rsa/rsa.h"
#include "crypto/rsa/rsa_internal.h"
#include "crypto/util/ct.h"
#include "crypto/util/wipe.h"

namespace petrel {

Status rsa_oaep_encrypt(MutableBytes out, const RsaPublicKeyBase& key, HashAlg alg, ByteView msg,
                        ByteView label, Rng& rng) noexcept {
  return rsa_oaep_encrypt(out, key, alg, alg, msg, label, rng);
}

Status rsa_oaep_encrypt(MutableBytes out, const RsaPublicKeyBase& key, HashAlg alg, HashAlg mgf1_alg,
                        ByteView msg, ByteView label, Rng& rng) noexcept {
  if (!key.is_set() || alg == HashAlg::md5 || mgf1_alg == HashAlg::md5) {
    return Status::invalid_argument;
  }
  const size_t h_len = hash_digest_size(alg);
  const size_t k = key.size();
  if (k < 2 * h_len + 2 || msg.size() > k - 2 * h_len - 2) {
    return Status::invalid_argument;  // "message too long"
  }
  if (out.size() < k) {
    return Status::buffer_too_small;
  }
  uint8_t em[kRsaMaxModulusBytes];
  std::memset(em, 0, k);
  uint8_t* seed = em + 1;
  uint8_t* db = em + 1 + h_len;
  const size_t db_len = k - h_len - 1;
  Status st = hash(alg, MutableBytes(db, h_len), label);  // lHash
  if (st == Status::ok) {
    db[db_len - msg.size() - 1] = 0x01;
    if (!msg.empty()) {
      std::memcpy(db + db_len - msg.size(), msg.data(), msg.size());
    }
    st = rng.generate(MutableBytes(seed, h_len));
  }
  if (st == Status::ok) {
    st = mgf1_xor(MutableBytes(db, db_len), mgf1_alg, ByteView(seed, h_len));
  }
  if (st == Status::ok) {
    st = mgf1_xor(MutableBytes(seed, h_len), mgf1_alg, ByteView(db, db_len));
  }
  if (st == Status::ok) {
    st = key.raw(out, ByteView(em, k));
  }
  secure_wipe(em, sizeof(em));
  if (st != Status::ok) {
    secure_wipe(out.data(), out.size() < k ? out.size() : k);
  }
  return st;
}

Status rsa_oaep_decrypt(MutableBytes out, size_t* out_len, const RsaPrivateKey& key, HashAlg alg,
                        ByteView ciphertext, ByteView label, Rng& rng) noexcept {
  return rsa_oaep_decrypt(out, out_len, key, alg, alg, ciphertext, label, rng);
}

Status rsa_oaep_decrypt(MutableBytes out, size_t* out_len, const RsaPrivateKey& key, HashAlg alg,
                        HashAlg mgf1_alg, ByteView ciphertext, ByteView label, Rng& rng) noexcept {
  if (!key.is_set() || alg == HashAlg::md5 || mgf1_alg == HashAlg::md5 || out_len == nullptr) {
    return Status::invalid_argument;
  }
  *out_len = 0;
  const size_t h_len = hash_digest_size(alg);
  const size_t k = key.size();
  if (ciphertext.size() != k || k < 2 * h_len + 2) {
    return Status::invalid_argument;
  }
  const size_t max_msg = k - 2 * h_len - 2;
  if (out.size() < max_msg) {
    return Status::buffer_too_small;
  }
  uint8_t em[kRsaMaxPrivateBits / 8];
  uint8_t lhash[kMaxDigestSize];
  Status st = hash(alg, MutableBytes(lhash, h_len), label);
  if (st == Status::ok) {
    st = key.raw(MutableBytes(em, k), ciphertext, rng);
  }
  uint8_t* seed = em + 1;
  uint8_t* db = em + 1 + h_len;
  const size_t db_len = k - h_len - 1;
  if (st == Status::ok) {
    st = mgf1_xor(MutableBytes(seed, h_len), mgf1_alg, ByteView(db, db_len));
  }
  if (st == Status::ok) {
    st = mgf1_xor(MutableBytes(db, db_len), mgf1_alg, ByteView(seed, h_len));
  }
  if (st != Status::ok) {
    secure_wipe(em, sizeof(em));
    return st;
  }
  // DB = lHash' || PS (zeros) || 01 || M
  uint32_t good = ct::eq(em[0], 0) & ct::mem_eq_mask(db, lhash, h_len);
  uint32_t found = 0;
  uint32_t one_index = 0;
  uint32_t bad_ps = 0;
  for (size_t i = h_len; i < db_len; i++) {
    const uint32_t is0 = ct::eq(db[i], 0);
    const uint32_t is1 = ct::eq(db[i], 1);
    const uint32_t first = ~found & ~is0;  // first non-zero byte after lHash'
    one_index = ct::select(first, static_cast<uint32_t>(i), one_index);
    bad_ps |= first & ~is1;
    found |= ~is0;
  }
  good &= found & ~bad_ps;
  // M starts at db + one_index + 1 >= db + h_len + 1; move it to the front of that region.
  uint8_t* region = db + h_len + 1;
  const uint32_t shift = ct::select(good, one_index - static_cast<uint32_t>(h_len), 0);
  rsa_internal::ct_shift_left(region, max_msg, shift);
  std::memcpy(out.data(), region, max_msg);
  size_t mlen = max_msg - shift;
  secure_wipe(em, sizeof(em));
  good = ct::value_barrier(good);
  CT_UNPOISON(&good, sizeof(good));  // the verdict is public (one Status for every failure)
  if (good == 0) {
    secure_wipe(out.data(), max_msg);
    return Status::bad_padding;
  }
  CT_UNPOISON(&mlen, sizeof(mlen));  // the length of a correctly padded message is public
  *out_len = mlen;
  return Status::ok;
}

}  // namespace petrel
