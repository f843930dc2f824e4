// RSASSA-PSS (RFC 8017 section 8.1 with EMSA-PSS, section 9.1); its MGF1 is rsa_mgf1.cpp's.
// Signing is constant-time (the private operation is; the encoding has no secret-dependent
// branch). Verification handles only public data and is not constant-time.
#include <cstring>

#include "crypto/rsa/rsa.h"
#include "crypto/util/build_config.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

const uint8_t kZeros8[8] = {0, 0, 0, 0, 0, 0, 0, 0};

bool pss_hash_ok(HashAlg alg) noexcept { return alg != HashAlg::md5; }

// H = Hash(00 x 8 || mHash || salt)
Status pss_hash(uint8_t* out, HashAlg alg, ByteView digest, ByteView salt) noexcept {
  HashCtx h;
  Status st = h.init(alg);
  if (st != Status::ok) {
    return st;
  }
  h.update(ByteView(kZeros8, sizeof(kZeros8)));
  h.update(digest);
  h.update(salt);
  return h.final(MutableBytes(out, hash_digest_size(alg)));
}

}  // namespace

Status rsa_pss_sign(MutableBytes sig, const RsaPrivateKey& key, HashAlg alg, ByteView digest,
                    Rng& rng, size_t salt_len) noexcept {
  return rsa_pss_sign(sig, key, alg, alg, digest, rng, salt_len);
}

Status rsa_pss_sign(MutableBytes sig, const RsaPrivateKey& key, HashAlg alg, HashAlg mgf1_alg,
                    ByteView digest, Rng& rng, size_t salt_len) noexcept {
  if (!kBuildRsaPss) {
    return Status::unsupported;  // PETREL_MINIMAL (crypto/util/build_config.h)
  }
  if (!key.is_set() || !pss_hash_ok(alg) || !pss_hash_ok(mgf1_alg)) {
    return Status::invalid_argument;
  }
  const size_t h_len = hash_digest_size(alg);
  if (digest.size() != h_len || salt_len == kPssSaltAny) {
    return Status::invalid_argument;
  }
  const size_t s_len = (salt_len == kPssSaltHashLen) ? h_len : salt_len;
  const size_t k = key.size();
  const size_t em_bits = key.bits() - 1;
  const size_t em_len = (em_bits + 7) / 8;
  if (s_len > em_len || em_len < h_len + s_len + 2) {
    return Status::invalid_argument;  // "encoding error"
  }
  if (sig.size() < k) {
    return Status::buffer_too_small;
  }
  uint8_t block[kRsaMaxPrivateBits / 8];  // k bytes: (k - em_len) zero bytes, then EM
  uint8_t* em = block + (k - em_len);
  std::memset(block, 0, k);
  const size_t db_len = em_len - h_len - 1;
  uint8_t* salt = em + db_len - s_len;  // the salt sits at the end of DB
  Status st = rng.generate(MutableBytes(salt, s_len));
  uint8_t* h = em + db_len;
  if (st == Status::ok) {
    st = pss_hash(h, alg, digest, ByteView(salt, s_len));
  }
  if (st == Status::ok) {
    em[db_len - s_len - 1] = 0x01;  // DB = PS (zeros) || 01 || salt
    st = mgf1_xor(MutableBytes(em, db_len), mgf1_alg, ByteView(h, h_len));
  }
  if (st == Status::ok) {
    em[0] = static_cast<uint8_t>(em[0] & (0xffu >> (8 * em_len - em_bits)));
    em[em_len - 1] = 0xbc;
    st = key.raw(sig, ByteView(block, k), rng);
  }
  if (st == Status::ok) {
    CT_UNPOISON(sig.data(), k);  // a verified signature is public
  }
  secure_wipe(block, sizeof(block));
  return st;
}

Status rsa_pss_verify(const RsaPublicKeyBase& key, HashAlg alg, ByteView digest, ByteView sig,
                      size_t salt_len) noexcept {
  return rsa_pss_verify(key, alg, alg, digest, sig, salt_len);
}

Status rsa_pss_verify(const RsaPublicKeyBase& key, HashAlg alg, HashAlg mgf1_alg, ByteView digest,
                      ByteView sig, size_t salt_len) noexcept {
  if (!kBuildRsaPss) {
    return Status::unsupported;  // PETREL_MINIMAL
  }
  if (!key.is_set() || !pss_hash_ok(alg) || !pss_hash_ok(mgf1_alg)) {
    return Status::invalid_argument;
  }
  const size_t h_len = hash_digest_size(alg);
  if (digest.size() != h_len) {
    return Status::invalid_argument;
  }
  const size_t k = key.size();
  if (sig.size() != k) {
    return Status::auth_failed;
  }
  uint8_t block[kRsaMaxModulusBytes];
  if (key.raw(MutableBytes(block, k), sig) != Status::ok) {
    return Status::auth_failed;
  }
  const size_t em_bits = key.bits() - 1;
  const size_t em_len = (em_bits + 7) / 8;
  if (em_len < k && block[0] != 0) {
    return Status::auth_failed;
  }
  uint8_t* em = block + (k - em_len);
  if (em_len < h_len + 2 || em[em_len - 1] != 0xbc) {
    return Status::auth_failed;
  }
  const size_t db_len = em_len - h_len - 1;
  const uint8_t top_mask = static_cast<uint8_t>(0xffu << (8 - (8 * em_len - em_bits)));
  if ((8 * em_len - em_bits) != 0 && (em[0] & top_mask) != 0) {
    return Status::auth_failed;
  }
  const uint8_t* h = em + db_len;
  if (mgf1_xor(MutableBytes(em, db_len), mgf1_alg, ByteView(h, h_len)) != Status::ok) {
    return Status::auth_failed;
  }
  em[0] = static_cast<uint8_t>(em[0] & (0xffu >> (8 * em_len - em_bits)));
  // DB = 00..00 || 01 || salt
  size_t i = 0;
  while (i < db_len && em[i] == 0) {
    i++;
  }
  if (i == db_len || em[i] != 0x01) {
    return Status::auth_failed;
  }
  const size_t s_len = db_len - i - 1;
  if (salt_len != kPssSaltAny) {
    const size_t want = (salt_len == kPssSaltHashLen) ? h_len : salt_len;
    if (s_len != want) {
      return Status::auth_failed;
    }
  }
  uint8_t h2[kMaxDigestSize];
  if (pss_hash(h2, alg, digest, ByteView(em + db_len - s_len, s_len)) != Status::ok) {
    return Status::auth_failed;
  }
  return std::memcmp(h2, h, h_len) == 0 ? Status::ok : Status::auth_failed;
}

}  // namespace petrel
