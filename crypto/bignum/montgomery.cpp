// Montgomery arithmetic: CIOS-style multiplication built on mul_add_limbs (two passes per limb of
// b: t += a * b_i, then t += q * m with q = t_i * (-m^-1) mod 2^w), reduction of any-length
// values by Horner's rule in Montgomery form, and modular exponentiation with a fixed 4-bit
// window. References: P. Montgomery, "Modular multiplication without trial division" (1985);
// Koc, Acar, Kaliski, "Analyzing and comparing Montgomery multiplication algorithms" (1996, CIOS);
// HAC 14.36 (Montgomery multiplication) and 14.82 (fixed-window exponentiation).
// Constant-time: the final conditional subtraction is a masked copy, the window table is read by
// touching every entry and selecting with masks. modexp_public is variable-time in the exponent
// only (for public exponents).
#include "crypto/bignum/bignum.h"

#include "crypto/bignum/bn_internal.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace bn {

namespace {

// x = 2 * x mod m for x < m.
void mod_double(Limb* x, const Modulus& m) noexcept {
  Limb t[kMaxLimbs];
  const size_t n = m.n;
  const Limb out = shl1(x, n);
  const Limb borrow = sub(t, x, m.m, n);
  const Limb take = mask_of(out | (borrow ^ 1u));
  cond_copy(take, x, t, n);
  secure_wipe(t, n * sizeof(Limb));
}

}  // namespace

Status Modulus::set(const Limb* value, size_t limbs) noexcept {
  n = 0;
  bits = 0;
  const size_t b = bit_length_vartime(value, limbs);  // the bit length is public
  const size_t nl = limbs_for_bits(b);
  if (b < 2 || nl > kMaxLimbs || (value[0] & 1u) == 0) {
    return Status::invalid_argument;
  }
  n = nl;
  bits = b;
  copy(m, value, n);
  // -m^-1 mod 2^w by Newton's iteration: x = m0 is correct to 3 bits, each step doubles that.
  const Limb m0 = m[0];
  Limb x = m0;
  for (int i = 0; i < 6; i++) {
    x = static_cast<Limb>(x * (static_cast<Limb>(2) - m0 * x));
  }
  m0inv = static_cast<Limb>(0u - x);
  // R mod m: start from 2^(bits-1) < m and double up to 2^(n*w).
  set_zero(one, n);
  one[(bits - 1) / kLimbBits] = static_cast<Limb>(1) << ((bits - 1) % kLimbBits);
  for (size_t i = bits - 1; i < n * kLimbBits; i++) {
    mod_double(one, *this);
  }
  // R^2 mod m = Montgomery form of 2^(n*w): left-to-right over the bits of E = n*w, squaring
  // doubles the exponent, a modular doubling adds one.
  const size_t e = n * kLimbBits;
  size_t top = 0;
  while ((e >> (top + 1)) != 0) {
    top++;
  }
  copy(rr, one, n);
  mod_double(rr, *this);  // Montgomery form of 2^1
  for (size_t i = top; i > 0; i--) {
    mont_mul(rr, rr, rr, *this);
    if (((e >> (i - 1)) & 1u) != 0) {
      mod_double(rr, *this);
    }
  }
  return Status::ok;
}

Status Modulus::set_bytes(ByteView be) noexcept {
  Limb v[kMaxLimbs];
  const Status st = from_bytes(v, kMaxLimbs, be);
  if (st != Status::ok) {
    return st;
  }
  const Status st2 = set(v, kMaxLimbs);
  secure_wipe(v, sizeof(v));
  return st2;
}

void Modulus::wipe() noexcept {
  secure_wipe(m, sizeof(m));
  secure_wipe(rr, sizeof(rr));
  secure_wipe(one, sizeof(one));
  m0inv = 0;
  n = 0;
  bits = 0;
}

void mont_mul(Limb* r, const Limb* a, const Limb* b, const Modulus& mod) noexcept {
  const size_t n = mod.n;
  Limb t[2 * kMaxLimbs + 1];
  set_zero(t, 2 * n + 1);
  Limb extra = 0;
  for (size_t i = 0; i < n; i++) {
    // t[i..i+n) += a * b_i, then t[i..i+n) += q * m, which clears t[i]; the carries and the
    // overflow of the previous step go to t[i+n], still zero here.
    const Limb c1 = mul_add_limbs(t + i, a, n, b[i]);
    const Limb q = static_cast<Limb>(t[i] * mod.m0inv);
    const Limb c2 = mul_add_limbs(t + i, mod.m, n, q);
    const DLimb s = static_cast<DLimb>(c1) + c2 + extra;
    t[i + n] = static_cast<Limb>(s);
    extra = static_cast<Limb>(s >> kLimbBits);
  }
  // (t[n..2n) + extra * R) < 2m: subtract m once if it is >= m, selecting with a mask.
  Limb u[kMaxLimbs];
  const Limb borrow = sub(u, t + n, mod.m, n);
  const Limb take = mask_of(extra | (borrow ^ 1u));
  copy(r, t + n, n);
  cond_copy(take, r, u, n);
  secure_wipe(t, (2 * n + 1) * sizeof(Limb));
  secure_wipe(u, n * sizeof(Limb));
}

void to_mont(Limb* r, const Limb* a, const Modulus& m) noexcept { mont_mul(r, a, m.rr, m); }

void from_mont(Limb* r, const Limb* a, const Modulus& m) noexcept {
  Limb w1[kMaxLimbs];
  set_word(w1, m.n, 1);
  mont_mul(r, a, w1, m);
}

void mod_add(Limb* r, const Limb* a, const Limb* b, const Modulus& m) noexcept {
  Limb t[kMaxLimbs];
  const size_t n = m.n;
  const Limb c = add(r, a, b, n);
  const Limb borrow = sub(t, r, m.m, n);
  cond_copy(mask_of(c | (borrow ^ 1u)), r, t, n);
  secure_wipe(t, n * sizeof(Limb));
}

void mod_sub(Limb* r, const Limb* a, const Limb* b, const Modulus& m) noexcept {
  const Limb borrow = sub(r, a, b, m.n);
  (void)cond_add(mask_of(borrow), r, m.m, m.n);
}

void reduce(Limb* r, const Limb* x, size_t nx, const Modulus& m) noexcept {
  const size_t n = m.n;
  Limb acc[kMaxLimbs];
  Limb c[kMaxLimbs];
  set_zero(acc, n);
  const size_t chunks = (nx + n - 1) / n;
  for (size_t j = chunks; j > 0; j--) {
    const size_t lo = (j - 1) * n;
    const size_t len = (nx - lo < n) ? nx - lo : n;
    set_zero(c, n);
    copy(c, x + lo, len);
    // acc (Montgomery form of A) becomes the Montgomery form of A * R + chunk.
    mont_mul(acc, acc, m.rr, m);
    mont_mul(c, c, m.rr, m);
    mod_add(acc, acc, c, m);
  }
  from_mont(r, acc, m);
  secure_wipe(acc, n * sizeof(Limb));
  secure_wipe(c, n * sizeof(Limb));
}

Status modexp_ct(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                 const Modulus& m) noexcept {
  const size_t n = m.n;
  if (n == 0 || n > kMaxPrivLimbs) {
    return Status::unsupported;
  }
  constexpr size_t kWindow = 4;
  constexpr size_t kEntries = 1u << kWindow;
  Limb table[kEntries][kMaxPrivLimbs];
  Limb acc[kMaxPrivLimbs];
  Limb sel[kMaxPrivLimbs];
  copy(table[0], m.one, n);
  to_mont(table[1], base, m);
  for (size_t i = 2; i < kEntries; i++) {
    mont_mul(table[i], table[i - 1], table[1], m);
  }
  copy(acc, m.one, n);
  const size_t windows = exp_limbs * kLimbBits / kWindow;  // kLimbBits is a multiple of 4
  for (size_t w = windows; w > 0; w--) {
    if (w != windows) {
      for (size_t s = 0; s < kWindow; s++) {
        mont_mul(acc, acc, acc, m);
      }
    }
    const size_t pos = (w - 1) * kWindow;
    const Limb digit = (exp[pos / kLimbBits] >> (pos % kLimbBits)) & (kEntries - 1);
    set_zero(sel, n);
    for (size_t i = 0; i < kEntries; i++) {
      const Limb pick = limb_eq(static_cast<Limb>(i), digit);
      for (size_t k = 0; k < n; k++) {
        sel[k] |= table[i][k] & pick;
      }
    }
    mont_mul(acc, acc, sel, m);
  }
  from_mont(r, acc, m);
  secure_wipe(table, sizeof(table));
  secure_wipe(acc, sizeof(acc));
  secure_wipe(sel, sizeof(sel));
  return Status::ok;
}

void modexp_public(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                   const Modulus& m) noexcept {
  const size_t n = m.n;
  Limb acc[kMaxLimbs];
  Limb bm[kMaxLimbs];
  to_mont(bm, base, m);
  copy(acc, m.one, n);
  const size_t bits = bit_length_vartime(exp, exp_limbs);
  for (size_t i = bits; i > 0; i--) {
    if (i != bits) {
      mont_mul(acc, acc, acc, m);
    }
    if (bit(exp, i - 1) != 0) {
      mont_mul(acc, acc, bm, m);
    }
  }
  from_mont(r, acc, m);
  secure_wipe(acc, n * sizeof(Limb));
  secure_wipe(bm, n * sizeof(Limb));
}

}  // namespace bn
}  // namespace petrel
