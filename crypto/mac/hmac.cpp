// HMAC (RFC 2104; FIPS 198-1 section 4) over any HashAlg. Keys longer than the hash block are
// hashed first (K0 = H(K)), shorter keys are zero-padded. The padded key and both pads are wiped
// before init() returns; the inner/outer hash states are wiped by final() and the destructor.
// Constant-time with respect to the key and message contents; hmac_verify compares tags with
// ct::mem_eq_mask (time depends only on the tag length).
#include "crypto/mac/hmac.h"

#include "crypto/util/ct.h"
#include "crypto/util/wipe.h"

namespace petrel {

HmacCtx::~HmacCtx() { m_set = false; }  // m_inner/m_outer wipe themselves

Status HmacCtx::init(HashAlg alg, ByteView key) noexcept {
  m_set = false;
  const size_t block = hash_block_size(alg);
  if (block == 0 || block > kMaxHashBlockSize) {
    return Status::invalid_argument;
  }
  uint8_t k0[kMaxHashBlockSize] = {};
  if (key.size() > block) {
    Status s = hash(alg, MutableBytes(k0, kMaxDigestSize), key);
    if (s != Status::ok) {
      secure_wipe(k0, sizeof(k0));
      return s;
    }
  } else {
    for (size_t i = 0; i < key.size(); i++) {
      k0[i] = key[i];
    }
  }
  uint8_t pad[kMaxHashBlockSize];
  for (size_t i = 0; i < block; i++) {
    pad[i] = static_cast<uint8_t>(k0[i] ^ 0x36);
  }
  Status s = m_inner.init(alg);
  if (s == Status::ok) {
    m_inner.update(ByteView(pad, block));
    for (size_t i = 0; i < block; i++) {
      pad[i] = static_cast<uint8_t>(k0[i] ^ 0x5c);
    }
    s = m_outer.init(alg);
  }
  if (s == Status::ok) {
    m_outer.update(ByteView(pad, block));
    m_set = true;
  }
  secure_wipe(k0, sizeof(k0));
  secure_wipe(pad, sizeof(pad));
  return s;
}

void HmacCtx::update(ByteView in) noexcept {
  if (m_set) {
    m_inner.update(in);
  }
}

Status HmacCtx::final(MutableBytes out) noexcept {
  if (!m_set) {
    return Status::invalid_argument;
  }
  const size_t n = m_inner.digest_size();
  if (out.size() < n) {
    return Status::buffer_too_small;
  }
  uint8_t inner[kMaxDigestSize];
  Status s = m_inner.final(MutableBytes(inner, sizeof(inner)));
  if (s == Status::ok) {
    m_outer.update(ByteView(inner, n));
    s = m_outer.final(out);
  }
  secure_wipe(inner, sizeof(inner));
  m_set = false;
  return s;
}

Status hmac(HashAlg alg, MutableBytes out, ByteView key, ByteView msg) noexcept {
  if (out.size() < hash_digest_size(alg)) {
    return Status::buffer_too_small;
  }
  HmacCtx ctx;
  Status s = ctx.init(alg, key);
  if (s != Status::ok) {
    return s;
  }
  ctx.update(msg);
  return ctx.final(out);
}

Status hmac_verify(HashAlg alg, ByteView key, ByteView msg, ByteView tag) noexcept {
  const size_t n = hash_digest_size(alg);
  if (tag.empty() || tag.size() > n) {
    return Status::invalid_argument;
  }
  uint8_t mac[kMaxDigestSize];
  Status s = hmac(alg, MutableBytes(mac, sizeof(mac)), key, msg);
  if (s != Status::ok) {
    secure_wipe(mac, sizeof(mac));
    return s;
  }
  uint32_t eq = ct::mem_eq_mask(mac, tag.data(), tag.size());
  secure_wipe(mac, sizeof(mac));
  CT_UNPOISON(&eq, sizeof(eq));  // the verdict is public (declassified once, here)
  return eq != 0 ? Status::ok : Status::auth_failed;
}

}  // namespace petrel
