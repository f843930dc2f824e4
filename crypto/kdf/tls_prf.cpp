// TLS pseudo-random functions.
//   P_hash(secret, seed) = HMAC(secret, A(1) || seed) || HMAC(secret, A(2) || seed) || ...
//   with A(0) = seed, A(i) = HMAC(secret, A(i-1))             (RFC 2246 / RFC 5246 section 5)
//   TLS 1.0/1.1: PRF = P_MD5(S1, label || seed) XOR P_SHA-1(S2, label || seed), where S1 is the
//     first and S2 the last ceil(len/2) bytes of the secret (they share the middle byte when the
//     length is odd)                                          (RFC 2246 section 5, RFC 4346 section 5)
//   TLS 1.2: PRF = P_<hash>(secret, label || seed), hash = SHA-256 or SHA-384 (RFC 5246 section 5).
// The HMAC key schedule is computed once per P_hash and copied for each block. Constant-time
// with respect to the secret; every intermediate value is wiped.
#include "crypto/kdf/tls_prf.h"

#include "crypto/mac/hmac.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

// XORs P_hash(secret, label || seed) into out. The caller has zeroed out (TLS 1.2) or filled it
// with the other half of the TLS 1.0 PRF.
Status p_hash_xor(HashAlg alg, MutableBytes out, ByteView secret, ByteView label,
                  ByteView seed) noexcept {
  HmacCtx keyed;
  Status s = keyed.init(alg, secret);
  if (s != Status::ok) {
    return s;
  }
  const size_t n = hash_digest_size(alg);
  uint8_t a[kMaxDigestSize];
  uint8_t block[kMaxDigestSize];

  // A(1) = HMAC(secret, label || seed)
  HmacCtx ctx = keyed;
  ctx.update(label);
  ctx.update(seed);
  s = ctx.final(MutableBytes(a, sizeof(a)));

  size_t done = 0;
  while (s == Status::ok && done < out.size()) {
    ctx = keyed;
    ctx.update(ByteView(a, n));
    ctx.update(label);
    ctx.update(seed);
    s = ctx.final(MutableBytes(block, sizeof(block)));
    if (s != Status::ok) {
      break;
    }
    size_t take = out.size() - done;
    if (take > n) {
      take = n;
    }
    for (size_t i = 0; i < take; i++) {
      out[done + i] = static_cast<uint8_t>(out[done + i] ^ block[i]);
    }
    done += take;
    if (done < out.size()) {
      // A(i+1) = HMAC(secret, A(i))
      ctx = keyed;
      ctx.update(ByteView(a, n));
      s = ctx.final(MutableBytes(a, sizeof(a)));
    }
  }
  secure_wipe(a, sizeof(a));
  secure_wipe(block, sizeof(block));
  return s;
}

void zero(MutableBytes out) noexcept {
  for (size_t i = 0; i < out.size(); i++) {
    out[i] = 0;
  }
}

}  // namespace

Status tls10_prf(MutableBytes out, ByteView secret, ByteView label, ByteView seed) noexcept {
  zero(out);
  const size_t half = secret.size() - secret.size() / 2;  // ceil(len / 2)
  const ByteView s1 = secret.first(half);
  const ByteView s2 = secret.subspan(secret.size() - half);
  Status s = p_hash_xor(HashAlg::md5, out, s1, label, seed);
  if (s == Status::ok) {
    s = p_hash_xor(HashAlg::sha1, out, s2, label, seed);
  }
  if (s != Status::ok) {
    secure_wipe(out.data(), out.size());
  }
  return s;
}

Status tls12_prf(HashAlg alg, MutableBytes out, ByteView secret, ByteView label,
                 ByteView seed) noexcept {
  if (alg != HashAlg::sha256 && alg != HashAlg::sha384) {
    return Status::unsupported;
  }
  zero(out);
  Status s = p_hash_xor(alg, out, secret, label, seed);
  if (s != Status::ok) {
    secure_wipe(out.data(), out.size());
  }
  return s;
}

}  // namespace petrel
