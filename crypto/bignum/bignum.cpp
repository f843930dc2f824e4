// Big-number basics on fixed-length limb arrays: byte conversion, add/sub, comparisons, shifts,
// schoolbook product, bit-serial division and the binary extended GCD (modular inverse).
// References: HAC (Menezes et al.) ch. 14 (14.7, 14.9, 14.61 binary extended GCD); the inverse is
// Pornin's optimized binary GCD (ePrint 2020/972, 31 steps per pass over the words, see below),
// with a fixed round count that depends only on the length.
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

namespace {

// ---- The modular inverse: Pornin's optimized binary GCD over 31-bit words ------------------
// T. Pornin, "Optimized Binary GCD for Modular Inversion" (IACR ePrint 2020/972), algorithm 2
// with k = 32: each outer round runs 31 binary-GCD steps on 64-bit approximations of a and b
// (their low 31 bits exact, their top 33 bits taken below the bit length of the larger), which
// yields signed factors f0, g0, f1, g1 (|f0| + |g0| <= 2^31, |f1| + |g1| <= 2^31); then
// (a, b) = ((a f0 + b g0) / 2^31, (a f1 + b g1) / 2^31) exactly, signs fixed by negating, and
// (u, v) = ((u f0 + v g0) / 2^31, (u f1 + v g1) / 2^31) mod m by one Montgomery-style step.
// The invariants a = u x and b = v x (mod m) hold exactly whatever the approximations do, and
// 2 len - 1 steps in all bring a to 0 with b = gcd(x, m) (the paper's bound; one more round is
// run). The values live in words of 31 bits held in Limbs ("w31" arrays of nw words), so that
// every product of a word by a factor, and the sum of two such, fits in an int64_t.
// Constant-time: masks only; the variable shifts are by a secret amount, which is constant-time
// on the targets' barrel shifters (ARM register shifts, MIPS SLLV/SRLV).
constexpr uint32_t kW31 = 0x7fffffffu;

size_t w31_words(size_t n) { return n * kLimbBits / 31 + 2; }

void to_w31(Limb* out, size_t nw, const Limb* x, size_t n) noexcept {
  constexpr size_t kHalves = kLimbBits / 32;
  size_t j = 0;
  uint64_t acc = 0;
  unsigned bits = 0;  // public: depends on the position only
  for (size_t i = 0; i < n * kHalves; i++) {
    const uint32_t h = static_cast<uint32_t>(x[i / kHalves] >> (32 * (i % kHalves)));
    acc |= static_cast<uint64_t>(h) << bits;
    bits += 32;
    while (bits >= 31) {
      out[j++] = static_cast<Limb>(acc & kW31);
      acc >>= 31;
      bits -= 31;
    }
  }
  if (bits > 0) {
    out[j++] = static_cast<Limb>(acc);
  }
  while (j < nw) {
    out[j++] = 0;
  }
}

void from_w31(Limb* out, size_t n, const Limb* w, size_t nw) noexcept {
  constexpr size_t kHalves = kLimbBits / 32;
  set_zero(out, n);
  size_t h = 0;
  uint64_t acc = 0;
  unsigned bits = 0;
  for (size_t i = 0; i < nw; i++) {
    acc |= static_cast<uint64_t>(w[i]) << bits;
    bits += 31;
    while (bits >= 32) {
      if (h < n * kHalves) {
        out[h / kHalves] |= static_cast<Limb>(static_cast<uint32_t>(acc)) << (32 * (h % kHalves));
      }
      h++;
      acc >>= 32;
      bits -= 32;
    }
  }
  if (bits > 0 && h < n * kHalves) {
    out[h / kHalves] |= static_cast<Limb>(static_cast<uint32_t>(acc)) << (32 * (h % kHalves));
  }
}

// Bit length of w < 2^31 (0 for 0).
uint32_t bitlen31(uint32_t w) noexcept {
  uint32_t len = 0;
  for (uint32_t s = 16; s > 0; s >>= 1) {
    const uint32_t hi = w >> s;
    const uint32_t nz = ~ct::is_zero(hi);
    w = (hi & nz) | (w & ~nz);
    len += s & nz;
  }
  return len + w;
}

inline uint64_t mask64(uint64_t bit) noexcept { return barrier(static_cast<uint64_t>(0) - bit); }

// Bits [31 q + r, 31 q + r + 64) of the w31 value x, r <= 30.
uint64_t window64(const Limb* x, size_t nw, uint32_t q, uint32_t r) noexcept {
  uint32_t x0 = 0;
  uint32_t x1 = 0;
  uint32_t x2 = 0;
  uint32_t x3 = 0;
  for (size_t i = 0; i < nw; i++) {
    const uint32_t xi = static_cast<uint32_t>(x[i]);
    const uint32_t d = static_cast<uint32_t>(i) - q;
    x0 |= xi & ct::eq(d, 0);
    x1 |= xi & ct::eq(d, 1);
    x2 |= xi & ct::eq(d, 2);
    x3 |= xi & ct::eq(d, 3);
  }
  // Value x0 + x1 2^31 + x2 2^62 + x3 2^93, shifted right by r; 32-bit shifts only (a 64-bit
  // variable shift may be a libgcc call with branches on 32-bit targets).
  const uint32_t lo = (x0 >> r) | (x1 << (31 - r));
  const uint32_t hi = (x1 >> (1 + r)) | (x2 << (30 - r)) | ((x3 << 31) & ct::eq(r, 30));
  return (static_cast<uint64_t>(hi) << 32) | lo;
}

// x = -x (two's complement over nw words) where mask is all-ones.
void cond_neg_w31(Limb* x, size_t nw, uint32_t mask) noexcept {
  uint32_t c = mask & 1u;
  for (size_t i = 0; i < nw; i++) {
    const uint32_t w = ((static_cast<uint32_t>(x[i]) ^ mask) & kW31) + c;
    x[i] = w & kW31;
    c = w >> 31;
  }
}

// x = (x f + y g) / 2^31 and y = (x h + y k) / 2^31 (both exact); returns the signs as masks in
// *negx, *negy (the values are left in two's complement).
void lincomb_w31(Limb* x, Limb* y, size_t nw, int64_t f, int64_t g, int64_t h, int64_t k,
                 uint32_t* negx, uint32_t* negy) noexcept {
  int64_t cx = 0;
  int64_t cy = 0;
  for (size_t i = 0; i < nw; i++) {
    const int64_t xi = static_cast<int64_t>(x[i]);
    const int64_t yi = static_cast<int64_t>(y[i]);
    const int64_t zx = xi * f + yi * g + cx;
    const int64_t zy = xi * h + yi * k + cy;
    if (i > 0) {
      x[i - 1] = static_cast<uint32_t>(zx) & kW31;
      y[i - 1] = static_cast<uint32_t>(zy) & kW31;
    }
    cx = zx >> 31;  // arithmetic shift (GCC and Clang; C++20 defines it)
    cy = zy >> 31;
  }
  x[nw - 1] = static_cast<uint32_t>(cx) & kW31;
  y[nw - 1] = static_cast<uint32_t>(cy) & kW31;
  *negx = 0u - static_cast<uint32_t>(static_cast<uint64_t>(cx) >> 63);
  *negy = 0u - static_cast<uint32_t>(static_cast<uint64_t>(cy) >> 63);
}

// x += m where mask is all-ones (the carry out of the top word is dropped).
void cond_add_w31(Limb* x, const Limb* m, size_t nw, uint32_t mask) noexcept {
  uint32_t c = 0;
  for (size_t i = 0; i < nw; i++) {
    const uint32_t w = static_cast<uint32_t>(x[i]) + (static_cast<uint32_t>(m[i]) & mask) + c;
    x[i] = w & kW31;
    c = w >> 31;
  }
}

// x -= m if x >= m (x, m non-negative).
void sub_if_ge_w31(Limb* x, const Limb* m, size_t nw) noexcept {
  uint32_t b = 0;
  for (size_t i = 0; i < nw; i++) {
    b = (static_cast<uint32_t>(x[i]) - static_cast<uint32_t>(m[i]) - b) >> 31;
  }
  const uint32_t take = barrier(b - 1u);
  b = 0;
  for (size_t i = 0; i < nw; i++) {
    const uint32_t w = static_cast<uint32_t>(x[i]) - (static_cast<uint32_t>(m[i]) & take) - b;
    x[i] = w & kW31;
    b = w >> 31;
  }
}

// (u, v) = ((u f + v g) / 2^31 mod m, (u h + v k) / 2^31 mod m) for u, v in [0, m); m0i is
// -m^-1 mod 2^31.
void modcomb_w31(Limb* u, Limb* v, const Limb* m, size_t nw, uint32_t m0i, int64_t f, int64_t g,
                 int64_t h, int64_t k) noexcept {
  const int64_t u0 = static_cast<int64_t>(u[0]);
  const int64_t v0 = static_cast<int64_t>(v[0]);
  const uint32_t qu = (static_cast<uint32_t>(u0 * f + v0 * g) * m0i) & kW31;
  const uint32_t qv = (static_cast<uint32_t>(u0 * h + v0 * k) * m0i) & kW31;
  int64_t cu = 0;
  int64_t cv = 0;
  for (size_t i = 0; i < nw; i++) {
    const int64_t ui = static_cast<int64_t>(u[i]);
    const int64_t vi = static_cast<int64_t>(v[i]);
    const int64_t mi = static_cast<int64_t>(m[i]);
    // |ui f + vi g| < 2^62 and qu mi < 2^62: the sum stays below 2^63.
    const int64_t zu = ui * f + vi * g + static_cast<int64_t>(qu) * mi + cu;
    const int64_t zv = ui * h + vi * k + static_cast<int64_t>(qv) * mi + cv;
    if (i > 0) {
      u[i - 1] = static_cast<uint32_t>(zu) & kW31;
      v[i - 1] = static_cast<uint32_t>(zv) & kW31;
    }
    cu = zu >> 31;
    cv = zv >> 31;
  }
  u[nw - 1] = static_cast<uint32_t>(cu) & kW31;
  v[nw - 1] = static_cast<uint32_t>(cv) & kW31;
  // Each result is in (-m, 2m): add m if negative, then subtract it if >= m.
  cond_add_w31(u, m, nw, 0u - static_cast<uint32_t>(static_cast<uint64_t>(cu) >> 63));
  cond_add_w31(v, m, nw, 0u - static_cast<uint32_t>(static_cast<uint64_t>(cv) >> 63));
  sub_if_ge_w31(u, m, nw);
  sub_if_ge_w31(v, m, nw);
}

}  // namespace

Limb mod_inv_odd(Limb* out, Limb* gcd, const Limb* x, const Limb* m, size_t n, Limb* ws) noexcept {
  const size_t nw = w31_words(n);
  Limb* a = ws;
  Limb* b = ws + nw;
  Limb* u = ws + 2 * nw;
  Limb* v = ws + 3 * nw;
  Limb* mw = ws + 4 * nw;
  to_w31(a, nw, x, n);
  to_w31(b, nw, m, n);
  to_w31(mw, nw, m, n);
  set_word(u, nw, 1);
  set_zero(v, nw);
  // -m^-1 mod 2^31 by Newton's iteration (m is odd).
  const uint32_t m0 = static_cast<uint32_t>(mw[0]);
  uint32_t inv = m0;
  for (int i = 0; i < 5; i++) {
    inv *= 2u - m0 * inv;
  }
  const uint32_t m0i = (0u - inv) & kW31;

  const size_t steps = 2 * n * kLimbBits - 1;  // 2 len - 1 for len = n * kLimbBits >= len(m)
  const size_t rounds = (steps + 30) / 31 + 1;
  for (size_t round = 0; round < rounds; round++) {
    // The bit length of max(a, b), at least 64.
    uint32_t len = 0;
    for (size_t i = 0; i < nw; i++) {
      const uint32_t c = static_cast<uint32_t>(a[i] | b[i]);
      const uint32_t nz = ~ct::is_zero(c);
      len = (nz & (static_cast<uint32_t>(31 * i) + bitlen31(c))) | (~nz & len);
    }
    len = ct::select(ct::lt(len, 64), 64, len);
    const uint32_t o = len - 64;
    const uint32_t q = o / 31;
    const uint32_t r = o - 31 * q;
    const uint64_t low = ~static_cast<uint64_t>(kW31);
    uint64_t aa = (window64(a, nw, q, r) & low) | static_cast<uint32_t>(a[0]);
    uint64_t bb = (window64(b, nw, q, r) & low) | static_cast<uint32_t>(b[0]);
    // Factors in two's complement: a' 2^31 = a f0 + b g0, b' 2^31 = a f1 + b g1.
    uint64_t f0 = 1;
    uint64_t g0 = 0;
    uint64_t f1 = 0;
    uint64_t g1 = 1;
    for (int j = 0; j < 31; j++) {
      const uint64_t odd = mask64(aa & 1u);
      const uint64_t d = aa - bb;
      const uint64_t lt = mask64((aa ^ ((aa ^ bb) | (d ^ aa))) >> 63);
      const uint64_t sw = odd & lt;
      uint64_t t = (aa ^ bb) & sw;
      aa ^= t;
      bb ^= t;
      t = (f0 ^ f1) & sw;
      f0 ^= t;
      f1 ^= t;
      t = (g0 ^ g1) & sw;
      g0 ^= t;
      g1 ^= t;
      aa -= bb & odd;
      f0 -= f1 & odd;
      g0 -= g1 & odd;
      aa >>= 1;
      f1 += f1;
      g1 += g1;
    }
    uint32_t nega = 0;
    uint32_t negb = 0;
    lincomb_w31(a, b, nw, static_cast<int64_t>(f0), static_cast<int64_t>(g0),
                static_cast<int64_t>(f1), static_cast<int64_t>(g1), &nega, &negb);
    cond_neg_w31(a, nw, nega);
    cond_neg_w31(b, nw, negb);
    const uint64_t na = static_cast<uint64_t>(0) - (nega & 1u);
    const uint64_t nb = static_cast<uint64_t>(0) - (negb & 1u);
    f0 = (f0 ^ na) - na;
    g0 = (g0 ^ na) - na;
    f1 = (f1 ^ nb) - nb;
    g1 = (g1 ^ nb) - nb;
    modcomb_w31(u, v, mw, nw, m0i, static_cast<int64_t>(f0), static_cast<int64_t>(g0),
                static_cast<int64_t>(f1), static_cast<int64_t>(g1));
  }
  // b = gcd(x, m), v x = b (mod m).
  Limb one_diff = static_cast<Limb>(b[0] ^ 1u);
  for (size_t i = 1; i < nw; i++) {
    one_diff |= b[i];
  }
  from_w31(out, n, v, nw);
  if (gcd != nullptr) {
    from_w31(gcd, n, b, nw);
  }
  return eq_word_mask(&one_diff, 1, 0);
}

Limb mod_inv_odd(Limb* out, Limb* gcd, const Limb* x, const Limb* m, size_t n) noexcept {
  Limb ws[mod_inv_odd_ws_limbs(kMaxLimbs)];
  const Limb ok = mod_inv_odd(out, gcd, x, m, n, ws);
  secure_wipe(ws, mod_inv_odd_ws_limbs(n) * sizeof(Limb));
  return ok;
}

}  // namespace bn
}  // namespace petrel
