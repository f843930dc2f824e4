// Montgomery arithmetic: CIOS multiplication (for each limb b_i of b, one fused pass
// t = (t + a * b_i + q * m) / 2^w with q = (t_0 + a_0 * b_i) * (-m^-1) mod 2^w; the active
// kernel's mont_mul runs the whole loop and the final subtraction, mul_add.cpp), so the
// accumulator is n limbs and a carry bit; reduction of any-length values by
// Horner's rule in Montgomery form; modular exponentiation with a fixed 4-bit window.
// References: P. Montgomery, "Modular multiplication without trial division" (1985); Koc, Acar,
// Kaliski, "Analyzing and comparing Montgomery multiplication algorithms" (1996, CIOS); HAC 14.36
// (Montgomery multiplication) and 14.82 (fixed-window exponentiation).
// Constant-time: the final conditional subtractions are masked (compare, then a masked
// subtract), the window table is read by touching every entry and selecting with masks, and the
// sequence of operations and of buffers used depends only on lengths. modexp_public is
// variable-time in the exponent only (for public exponents).
// Stack: the ws forms keep no array on the stack (see bignum.h); the others wrap them with an
// area sized for the largest modulus.
#include "crypto/bignum/bignum.h"

#include "crypto/bignum/bn_internal.h"
#include "crypto/bignum/bn_kernel.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace bn {

namespace {

// x -= m if the mask `over` is set or x >= m; for x < 2m (with `over` the bit above x).
void final_sub(Limb* x, Limb over, const ModulusRef& m) noexcept {
  const Limb take = over | ~lt_mask(x, m.m, m.n);
  (void)cond_sub(take, x, m.m, m.n);
}

// x = 2 * x mod m for x < m.
void mod_double(Limb* x, const ModulusRef& m) noexcept {
  const Limb out = shl1(x, m.n);
  final_sub(x, mask_of(out), m);
}

}  // namespace

Status ModulusSlots::set(const Limb* value, size_t limbs) noexcept {
  n = 0;
  bits = 0;
  const size_t b = bit_length_vartime(value, limbs);  // the bit length is public
  const size_t nl = limbs_for_bits(b);
  if (b < 2 || nl > cap || (value[0] & 1u) == 0) {
    return Status::invalid_argument;
  }
  n = nl;
  bits = b;
  if (value != m) {
    copy(m, value, n);
  }
  // -m^-1 mod 2^w by Newton's iteration: x = m0 is correct to 3 bits, each step doubles that.
  const Limb m0 = m[0];
  Limb x = m0;
  for (int i = 0; i < 6; i++) {
    x = static_cast<Limb>(x * (static_cast<Limb>(2) - m0 * x));
  }
  m0inv = static_cast<Limb>(0u - x);
  set_r_mod_m();
  // R^2 mod m = Montgomery form of 2^(n*w): left-to-right over the bits of E = n*w, squaring
  // doubles the exponent, a modular doubling adds one.
  const size_t e = n * kLimbBits;
  size_t top = 0;
  while ((e >> (top + 1)) != 0) {
    top++;
  }
  // The squarings alternate between rr and `one` (no temporary on the stack); `one` is
  // computed again afterwards.
  Limb* sq = rr;
  Limb* other = one;
  copy(sq, one, n);
  mod_double(sq, *this);  // Montgomery form of 2^1
  for (size_t i = top; i > 0; i--) {
    mont_mul_to(other, sq, sq, *this);
    Limb* const t = sq;
    sq = other;
    other = t;
    if (((e >> (i - 1)) & 1u) != 0) {
      mod_double(sq, *this);
    }
  }
  if (sq != rr) {
    copy(rr, sq, n);
  }
  set_r_mod_m();
  return Status::ok;
}

void ModulusSlots::set_r_mod_m() noexcept {
  // R mod m: start from 2^(bits-1) < m and double up to 2^(n*w).
  set_zero(one, n);
  one[(bits - 1) / kLimbBits] = static_cast<Limb>(1) << ((bits - 1) % kLimbBits);
  for (size_t i = bits - 1; i < n * kLimbBits; i++) {
    mod_double(one, *this);
  }
}

Status ModulusSlots::set_bytes(ByteView be) noexcept {
  // Decoded straight into m (set() then leaves it in place): no temporary on the stack.
  const Status st = from_bytes(m, cap, be);
  if (st != Status::ok) {
    secure_wipe(m, cap * sizeof(Limb));
    return st;
  }
  const Status st2 = set(m, cap);
  if (st2 != Status::ok) {
    secure_wipe(m, cap * sizeof(Limb));
  }
  return st2;
}

void ModulusSlots::wipe() noexcept {
  secure_wipe(m, cap * sizeof(Limb));
  secure_wipe(rr, cap * sizeof(Limb));
  secure_wipe(one, cap * sizeof(Limb));
  m0inv = 0;
  n = 0;
  bits = 0;
}

ModulusSlots Modulus::slots() noexcept {
  ModulusSlots s{m, rr, one, kMaxLimbs};
  s.m0inv = m0inv;
  s.n = n;
  s.bits = bits;
  return s;
}

void Modulus::take(const ModulusSlots& s) noexcept {
  m0inv = s.m0inv;
  n = s.n;
  bits = s.bits;
}

Status Modulus::set(const Limb* value, size_t limbs) noexcept {
  ModulusSlots s = slots();
  const Status st = s.set(value, limbs);
  take(s);
  return st;
}

Status Modulus::set_bytes(ByteView be) noexcept {
  ModulusSlots s = slots();
  const Status st = s.set_bytes(be);
  take(s);
  return st;
}

void Modulus::wipe() noexcept {
  ModulusSlots s = slots();
  s.wipe();
  take(s);
}

void mont_mul_to(Limb* r, const Limb* a, const Limb* b, const ModulusRef& mod) noexcept {
  // The kernel's whole multiplication: n CIOS steps, then the masked subtraction (r < m).
  kernel_ops().mont_mul(r, a, b, mod.m, mod.m0inv, mod.n);
}

namespace {

// The aliasing case of mont_mul, apart so that its temporary is on the stack only when used.
__attribute__((noinline)) void mont_mul_via_temp(Limb* r, const Limb* a, const Limb* b,
                                                 const ModulusRef& mod) noexcept {
  Limb t[kMaxLimbs];
  mont_mul_to(t, a, b, mod);
  copy(r, t, mod.n);
  secure_wipe(t, mod.n * sizeof(Limb));
}

}  // namespace

void mont_mul(Limb* r, const Limb* a, const Limb* b, const ModulusRef& mod) noexcept {
  if (r == a || r == b) {  // addresses, not values: public
    mont_mul_via_temp(r, a, b, mod);
  } else {
    mont_mul_to(r, a, b, mod);
  }
}

void to_mont(Limb* r, const Limb* a, const ModulusRef& m) noexcept { mont_mul(r, a, m.rr, m); }

void from_mont(Limb* r, const Limb* a, const ModulusRef& m) noexcept {
  // Montgomery reduction of a alone: n steps with b = 0, t = (t + q * m) / 2^w.
  const size_t n = m.n;
  const KernelOps& k = kernel_ops();
  copy(r, a, n);
  Limb top = 0;
  for (size_t i = 0; i < n; i++) {
    top = k.mont_step(r, m.m, 0, m.m, m.m0inv, n, top);
  }
  final_sub(r, mask_of(top), m);
}

void mod_add(Limb* r, const Limb* a, const Limb* b, const ModulusRef& m) noexcept {
  const Limb c = add(r, a, b, m.n);
  final_sub(r, mask_of(c), m);
}

void mod_sub(Limb* r, const Limb* a, const Limb* b, const ModulusRef& m) noexcept {
  const Limb borrow = sub(r, a, b, m.n);
  (void)cond_add(mask_of(borrow), r, m.m, m.n);
}

void reduce(Limb* r, const Limb* x, size_t nx, const ModulusRef& m, Limb* ws) noexcept {
  const size_t n = m.n;
  Limb* c = ws;       // the chunk, then A * R in Montgomery form
  Limb* cm = ws + n;  // the chunk in Montgomery form
  set_zero(r, n);     // r: the Montgomery form of A, the value of the chunks so far
  const size_t chunks = (nx + n - 1) / n;
  for (size_t j = chunks; j > 0; j--) {
    const size_t lo = (j - 1) * n;
    const size_t len = (nx - lo < n) ? nx - lo : n;
    set_zero(c, n);
    copy(c, x + lo, len);
    // r (Montgomery form of A) becomes the Montgomery form of A * R + chunk.
    mont_mul_to(cm, c, m.rr, m);
    mont_mul_to(c, r, m.rr, m);
    mod_add(r, c, cm, m);
  }
  from_mont(r, r, m);
}

void reduce(Limb* r, const Limb* x, size_t nx, const ModulusRef& m) noexcept {
  Limb ws[reduce_ws_limbs(kMaxLimbs)];
  reduce(r, x, nx, m, ws);
  secure_wipe(ws, reduce_ws_limbs(m.n) * sizeof(Limb));
}

Status modexp_ct(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs, const ModulusRef& m,
                 Limb* ws) noexcept {
  const size_t n = m.n;
  if (n == 0 || n > kMaxPrivLimbs) {
    return Status::unsupported;
  }
  constexpr size_t kWindow = kModexpWindowBits;
  constexpr size_t kEntries = 1u << kWindow;
  Limb* table = ws;  // entry i at table + i * n
  Limb* sel = ws + kEntries * n;
  Limb* tmp = sel + n;
  copy(table, m.one, n);
  to_mont(table + n, base, m);
  for (size_t i = 2; i < kEntries; i++) {
    mont_mul_to(table + i * n, table + (i - 1) * n, table + n, m);
  }
  // base is no longer read: the accumulator lives in r, squarings alternate between r and tmp.
  Limb* acc = r;
  copy(acc, m.one, n);
  const size_t windows = exp_limbs * kLimbBits / kWindow;  // kLimbBits is a multiple of 4
  static_assert(kLimbBits % kWindow == 0 && kWindow % 2 == 0, "window");
  for (size_t w = windows; w > 0; w--) {
    if (w != windows) {
      for (size_t s = 0; s < kWindow; s += 2) {
        mont_mul_to(tmp, acc, acc, m);
        mont_mul_to(acc, tmp, tmp, m);
      }
    }
    const size_t pos = (w - 1) * kWindow;
    const Limb digit = (exp[pos / kLimbBits] >> (pos % kLimbBits)) & (kEntries - 1);
    set_zero(sel, n);
    for (size_t i = 0; i < kEntries; i++) {
      const Limb pick = limb_eq(static_cast<Limb>(i), digit);
      const Limb* entry = table + i * n;
      for (size_t k = 0; k < n; k++) {
        sel[k] |= entry[k] & pick;
      }
    }
    mont_mul_to(tmp, acc, sel, m);
    copy(acc, tmp, n);
  }
  from_mont(r, acc, m);
  return Status::ok;
}

Status modexp_ct(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                 const ModulusRef& m) noexcept {
  Limb ws[modexp_ct_ws_limbs(kMaxPrivLimbs)];
  const Status st = modexp_ct(r, base, exp, exp_limbs, m, ws);
  secure_wipe(ws, sizeof(ws));
  return st;
}

void modexp_public(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                   const ModulusRef& m, Limb* ws) noexcept {
  const size_t n = m.n;
  Limb* bm = ws;
  to_mont(bm, base, m);  // base may be r: read before r is written
  // The accumulator moves between r and ws + n, one move per operation (the exponent is public).
  Limb* acc = r;
  Limb* other = ws + n;
  copy(acc, m.one, n);
  const size_t bits = bit_length_vartime(exp, exp_limbs);
  for (size_t i = bits; i > 0; i--) {
    if (i != bits) {
      mont_mul_to(other, acc, acc, m);
      Limb* const t = acc;
      acc = other;
      other = t;
    }
    if (bit(exp, i - 1) != 0) {
      mont_mul_to(other, acc, bm, m);
      Limb* const t = acc;
      acc = other;
      other = t;
    }
  }
  from_mont(r, acc, m);
}

void modexp_public(Limb* r, const Limb* base, const Limb* exp, size_t exp_limbs,
                   const ModulusRef& m) noexcept {
  Limb ws[modexp_public_ws_limbs(kMaxLimbs)];
  modexp_public(r, base, exp, exp_limbs, m, ws);
  secure_wipe(ws, modexp_public_ws_limbs(m.n) * sizeof(Limb));
}

}  // namespace bn
}  // namespace petrel
