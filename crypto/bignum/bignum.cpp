// Big-number basics on fixed-length limb arrays: byte conversion, add/sub, comparisons, shifts,
// schoolbook product, bit-serial division and the binary extended GCD (modular inverse).
// References: HAC (Menezes et al.) ch. 14 (14.7, 14.9, 14.61 binary extended GCD); the fixed
// iteration count of the inverse follows BearSSL's i31_moddiv idea (every step touches all limbs,
// the count depends only on the length).
// Constant-time: no branch or memory index depends on limb values (bit_length_vartime excepted).
#include "crypto/bignum/bignum.h"

#include "crypto/bignum/bn_internal.h"
#include "crypto/bignum/bn_kernel.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace bn {

Status from_bytes(Limb* x, size_t n, ByteView in) noexcept {
  set_zero(x, n);
  const size_t cap = n * kLimbBytes;
  uint8_t excess = 0;
  const size_t len = in.size();
  for (size_t i = 0; i < len; i++) {
    const size_t pos = len - 1 - i;  // byte index from the least significant end
    const uint8_t b = in[i];
    if (pos >= cap) {                // depends on the public length only
      excess = static_cast<uint8_t>(excess | b);
      continue;
    }
    x[pos / kLimbBytes] |= static_cast<Limb>(b) << (8 * (pos % kLimbBytes));
  }
  if (barrier(static_cast<Limb>(excess)) != 0) {
    set_zero(x, n);
    return Status::invalid_argument;
  }
  return Status::ok;
}

Status to_bytes(MutableBytes out, const Limb* x, size_t n) noexcept {
  const size_t len = out.size();
  Limb excess = 0;
  for (size_t i = 0; i < n * kLimbBytes; i++) {
    const uint8_t b = static_cast<uint8_t>(x[i / kLimbBytes] >> (8 * (i % kLimbBytes)));
    if (i < len) {
      out[len - 1 - i] = b;
    } else {
      excess |= b;
    }
  }
  for (size_t i = n * kLimbBytes; i < len; i++) {
    out[len - 1 - i] = 0;
  }
  if (barrier(excess) != 0) {
    secure_wipe(out.data(), out.size());
    return Status::buffer_too_small;
  }
  return Status::ok;
}

void set_zero(Limb* x, size_t n) noexcept {
  for (size_t i = 0; i < n; i++) {
    x[i] = 0;
  }
}

void set_word(Limb* x, size_t n, Limb w) noexcept {
  set_zero(x, n);
  if (n > 0) {
    x[0] = w;
  }
}

void copy(Limb* dst, const Limb* src, size_t n) noexcept {
  for (size_t i = 0; i < n; i++) {
    dst[i] = src[i];
  }
}

size_t bit_length_vartime(const Limb* x, size_t n) noexcept {
  for (size_t i = n; i > 0; i--) {
    Limb w = x[i - 1];
    if (w != 0) {
      size_t bits = 0;
      while (w != 0) {
        bits++;
        w >>= 1;
      }
      return (i - 1) * kLimbBits + bits;
    }
  }
  return 0;
}

Limb is_zero_mask(const Limb* x, size_t n) noexcept {
  Limb acc = 0;
  for (size_t i = 0; i < n; i++) {
    acc |= x[i];
  }
  return limb_is_zero(acc);
}

Limb eq_mask(const Limb* a, const Limb* b, size_t n) noexcept {
  Limb acc = 0;
  for (size_t i = 0; i < n; i++) {
    acc |= a[i] ^ b[i];
  }
  return limb_is_zero(acc);
}

Limb eq_word_mask(const Limb* a, size_t n, Limb w) noexcept {
  Limb acc = (n > 0 ? a[0] : 0) ^ w;
  for (size_t i = 1; i < n; i++) {
    acc |= a[i];
  }
  return limb_is_zero(acc);
}

Limb lt_mask(const Limb* a, const Limb* b, size_t n) noexcept {
  // The borrow out of a - b.
  Limb borrow = 0;
  for (size_t i = 0; i < n; i++) {
    const DLimb t = static_cast<DLimb>(a[i]) - b[i] - borrow;
    borrow = static_cast<Limb>(t >> kLimbBits) & 1u;
  }
  return mask_of(borrow);
}

Limb add(Limb* r, const Limb* a, const Limb* b, size_t n) noexcept {
  Limb carry = 0;
  for (size_t i = 0; i < n; i++) {
    const DLimb t = static_cast<DLimb>(a[i]) + b[i] + carry;
    r[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> kLimbBits);
  }
  return carry;
}

Limb sub(Limb* r, const Limb* a, const Limb* b, size_t n) noexcept {
  Limb borrow = 0;
  for (size_t i = 0; i < n; i++) {
    const DLimb t = static_cast<DLimb>(a[i]) - b[i] - borrow;
    r[i] = static_cast<Limb>(t);
    borrow = static_cast<Limb>(t >> kLimbBits) & 1u;
  }
  return borrow;
}

Limb cond_add(Limb mask, Limb* x, const Limb* b, size_t n) noexcept {
  Limb carry = 0;
  for (size_t i = 0; i < n; i++) {
    const DLimb t = static_cast<DLimb>(x[i]) + (b[i] & mask) + carry;
    x[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> kLimbBits);
  }
  return carry;
}

Limb cond_sub(Limb mask, Limb* x, const Limb* b, size_t n) noexcept {
  Limb borrow = 0;
  for (size_t i = 0; i < n; i++) {
    const DLimb t = static_cast<DLimb>(x[i]) - (b[i] & mask) - borrow;
    x[i] = static_cast<Limb>(t);
    borrow = static_cast<Limb>(t >> kLimbBits) & 1u;
  }
  return borrow;
}

Limb add_word(Limb* x, size_t n, Limb w) noexcept {
  Limb carry = w;
  for (size_t i = 0; i < n; i++) {
    const DLimb t = static_cast<DLimb>(x[i]) + carry;
    x[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> kLimbBits);
  }
  return carry;
}

Limb sub_word(Limb* x, size_t n, Limb w) noexcept {
  Limb borrow = w;
  for (size_t i = 0; i < n; i++) {
    const DLimb t = static_cast<DLimb>(x[i]) - borrow;
    x[i] = static_cast<Limb>(t);
    borrow = static_cast<Limb>(t >> kLimbBits) & 1u;
  }
  return borrow;
}

void cond_copy(Limb mask, Limb* dst, const Limb* src, size_t n) noexcept {
  for (size_t i = 0; i < n; i++) {
    dst[i] = (dst[i] & ~mask) | (src[i] & mask);
  }
}

void cond_swap(Limb mask, Limb* a, Limb* b, size_t n) noexcept {
  for (size_t i = 0; i < n; i++) {
    const Limb t = (a[i] ^ b[i]) & mask;
    a[i] ^= t;
    b[i] ^= t;
  }
}

void shr1(Limb* x, size_t n, Limb top) noexcept {
  for (size_t i = 0; i + 1 < n; i++) {
    x[i] = (x[i] >> 1) | (x[i + 1] << (kLimbBits - 1));
  }
  if (n > 0) {
    x[n - 1] = (x[n - 1] >> 1) | ((top & 1u) << (kLimbBits - 1));
  }
}

Limb shl1(Limb* x, size_t n) noexcept {
  Limb out = 0;
  for (size_t i = 0; i < n; i++) {
    const Limb w = x[i];
    x[i] = (w << 1) | out;
    out = w >> (kLimbBits - 1);
  }
  return out;
}

void mul(Limb* r, const Limb* a, size_t na, const Limb* b, size_t nb) noexcept {
  const KernelOps& k = kernel_ops();
  set_zero(r, na + nb);
  for (size_t j = 0; j < nb; j++) {
    r[na + j] = k.mul_add(r + j, a, na, b[j]);
  }
}

void div_ct(Limb* q, Limb* r, const Limb* x, size_t nx, const Limb* d, size_t nd) noexcept {
  // Restoring division, one bit of x per step: rem = 2 * rem + bit; if rem >= d, rem -= d.
  // rem keeps one extra limb so that 2 * rem never overflows.
  Limb rem[kMaxLimbs + 1];
  Limb dd[kMaxLimbs + 1];
  Limb t[kMaxLimbs + 1];
  const size_t w = nd + 1;
  set_zero(rem, w);
  copy(dd, d, nd);
  dd[nd] = 0;
  if (q != nullptr) {
    set_zero(q, nx);
  }
  for (size_t i = nx * kLimbBits; i > 0; i--) {
    const size_t b = i - 1;
    shl1(rem, w);
    rem[0] |= bit(x, b);
    const Limb borrow = sub(t, rem, dd, w);
    const Limb take = mask_of(borrow ^ 1u);
    cond_copy(take, rem, t, w);
    if (q != nullptr) {
      q[b / kLimbBits] |= (take & 1u) << (b % kLimbBits);
    }
  }
  if (r != nullptr) {
    copy(r, rem, nd);
  }
  secure_wipe(rem, sizeof(rem));
  secure_wipe(t, sizeof(t));
  secure_wipe(dd, sizeof(dd));
}

Limb mod_inv_odd(Limb* out, Limb* gcd, const Limb* x, const Limb* m, size_t n, Limb* ws) noexcept {
  // Invariants: a == u * x and b == v * x (mod m); b stays odd. Each step makes a even (by
  // subtracting b, after swapping so that a >= b) and halves it, so len(a) + len(b) drops by at
  // least one bit per step: 2 * n * kLimbBits steps reach a == 0, b == gcd(x, m).
  Limb* a = ws;
  Limb* b = ws + n;
  Limb* u = ws + 2 * n;
  Limb* v = ws + 3 * n;
  copy(a, x, n);
  copy(b, m, n);
  set_word(u, n, 1);
  set_zero(v, n);

  const size_t steps = 2 * n * kLimbBits;
  for (size_t i = 0; i < steps; i++) {
    const Limb odd = mask_of(a[0] & 1u);
    const Limb swap = odd & lt_mask(a, b, n);
    cond_swap(swap, a, b, n);
    cond_swap(swap, u, v, n);
    (void)cond_sub(odd, a, b, n);
    // u = u - v mod m, when odd (the borrow is zero otherwise).
    const Limb borrow = cond_sub(odd, u, v, n);
    (void)cond_add(mask_of(borrow), u, m, n);
    // a /= 2; u = u / 2 mod m: (u + m) / 2 when u is odd, with the carry shifted back in.
    shr1(a, n, 0);
    const Limb uodd = mask_of(u[0] & 1u);
    const Limb carry = cond_add(uodd, u, m, n);
    shr1(u, n, carry);
  }
  const Limb ok = eq_word_mask(b, n, 1);
  copy(out, v, n);
  if (gcd != nullptr) {
    copy(gcd, b, n);
  }
  return ok;
}

Limb mod_inv_odd(Limb* out, Limb* gcd, const Limb* x, const Limb* m, size_t n) noexcept {
  Limb ws[mod_inv_odd_ws_limbs(kMaxLimbs)];
  const Limb ok = mod_inv_odd(out, gcd, x, m, n, ws);
  secure_wipe(ws, mod_inv_odd_ws_limbs(n) * sizeof(Limb));
  return ok;
}

}  // namespace bn
}  // namespace petrel
