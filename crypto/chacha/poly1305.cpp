// Poly1305 (RFC 8439 section 2.5): the table of implementations and the streaming front end.
//
// donna32: after poly1305-donna-32 (Andrew Moon, public domain): h and r in 5 limbs of 26 bits,
// products in 64 bits. donna64: after poly1305-donna-64: 3 limbs of 44, 44 and 42 bits, products
// in unsigned __int128. Both are constant-time: the block function is straight-line arithmetic,
// the final "h >= p ?" is a mask select, and the only branches are on lengths.
#include "crypto/chacha/poly1305.h"

#include <cstring>

#include "crypto/chacha/poly1305_internal.h"
#include "crypto/util/endian.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

using State = Poly1305::State;

// ---- donna32 ----------------------------------------------------------------------------------
// w32: r[0..4], h[5..9], pad[10..13].
void d32_init(State& st, const uint8_t* key) noexcept {
  uint32_t* w = st.w32;
  w[0] = (load_le32(key + 0)) & 0x3ffffffu;
  w[1] = (load_le32(key + 3) >> 2) & 0x3ffff03u;
  w[2] = (load_le32(key + 6) >> 4) & 0x3ffc0ffu;
  w[3] = (load_le32(key + 9) >> 6) & 0x3f03fffu;
  w[4] = (load_le32(key + 12) >> 8) & 0x00fffffu;
  for (int i = 5; i < 10; i++) {
    w[i] = 0;
  }
  for (int i = 0; i < 4; i++) {
    w[10 + i] = load_le32(key + 16 + 4 * i);
  }
}

// hibit: 1 << 24 for full blocks, 0 for the padded last block (its 0x01 byte is in m).
void d32_blocks(State& st, const uint8_t* m, size_t nblocks, uint32_t hibit) noexcept {
  uint32_t* w = st.w32;
  const uint32_t r0 = w[0], r1 = w[1], r2 = w[2], r3 = w[3], r4 = w[4];
  const uint32_t s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;
  uint32_t h0 = w[5], h1 = w[6], h2 = w[7], h3 = w[8], h4 = w[9];
  for (size_t b = 0; b < nblocks; b++, m += 16) {
    h0 += (load_le32(m + 0)) & 0x3ffffffu;
    h1 += (load_le32(m + 3) >> 2) & 0x3ffffffu;
    h2 += (load_le32(m + 6) >> 4) & 0x3ffffffu;
    h3 += (load_le32(m + 9) >> 6) & 0x3ffffffu;
    h4 += (load_le32(m + 12) >> 8) | hibit;
    const uint64_t d0 = uint64_t{h0} * r0 + uint64_t{h1} * s4 + uint64_t{h2} * s3 +
                        uint64_t{h3} * s2 + uint64_t{h4} * s1;
    uint64_t d1 = uint64_t{h0} * r1 + uint64_t{h1} * r0 + uint64_t{h2} * s4 + uint64_t{h3} * s3 +
                  uint64_t{h4} * s2;
    uint64_t d2 = uint64_t{h0} * r2 + uint64_t{h1} * r1 + uint64_t{h2} * r0 + uint64_t{h3} * s4 +
                  uint64_t{h4} * s3;
    uint64_t d3 = uint64_t{h0} * r3 + uint64_t{h1} * r2 + uint64_t{h2} * r1 + uint64_t{h3} * r0 +
                  uint64_t{h4} * s4;
    uint64_t d4 = uint64_t{h0} * r4 + uint64_t{h1} * r3 + uint64_t{h2} * r2 + uint64_t{h3} * r1 +
                  uint64_t{h4} * r0;
    uint32_t c = static_cast<uint32_t>(d0 >> 26);
    h0 = static_cast<uint32_t>(d0) & 0x3ffffffu;
    d1 += c;
    c = static_cast<uint32_t>(d1 >> 26);
    h1 = static_cast<uint32_t>(d1) & 0x3ffffffu;
    d2 += c;
    c = static_cast<uint32_t>(d2 >> 26);
    h2 = static_cast<uint32_t>(d2) & 0x3ffffffu;
    d3 += c;
    c = static_cast<uint32_t>(d3 >> 26);
    h3 = static_cast<uint32_t>(d3) & 0x3ffffffu;
    d4 += c;
    c = static_cast<uint32_t>(d4 >> 26);
    h4 = static_cast<uint32_t>(d4) & 0x3ffffffu;
    h0 += c * 5;
    c = h0 >> 26;
    h0 &= 0x3ffffffu;
    h1 += c;
  }
  w[5] = h0;
  w[6] = h1;
  w[7] = h2;
  w[8] = h3;
  w[9] = h4;
}

void d32_finish(State& st, uint8_t* tag) noexcept {
  uint32_t* w = st.w32;
  uint32_t h0 = w[5], h1 = w[6], h2 = w[7], h3 = w[8], h4 = w[9];
  // Fully carry h.
  uint32_t c = h1 >> 26;
  h1 &= 0x3ffffffu;
  h2 += c;
  c = h2 >> 26;
  h2 &= 0x3ffffffu;
  h3 += c;
  c = h3 >> 26;
  h3 &= 0x3ffffffu;
  h4 += c;
  c = h4 >> 26;
  h4 &= 0x3ffffffu;
  h0 += c * 5;
  c = h0 >> 26;
  h0 &= 0x3ffffffu;
  h1 += c;
  // g = h + 5 - 2^130; take g if it did not borrow (h >= p).
  uint32_t g0 = h0 + 5;
  c = g0 >> 26;
  g0 &= 0x3ffffffu;
  uint32_t g1 = h1 + c;
  c = g1 >> 26;
  g1 &= 0x3ffffffu;
  uint32_t g2 = h2 + c;
  c = g2 >> 26;
  g2 &= 0x3ffffffu;
  uint32_t g3 = h3 + c;
  c = g3 >> 26;
  g3 &= 0x3ffffffu;
  uint32_t g4 = h4 + c - (1u << 26);
  uint32_t mask = (g4 >> 31) - 1;  // all-ones if no borrow
  h0 = (h0 & ~mask) | (g0 & mask);
  h1 = (h1 & ~mask) | (g1 & mask);
  h2 = (h2 & ~mask) | (g2 & mask);
  h3 = (h3 & ~mask) | (g3 & mask);
  h4 = (h4 & ~mask) | (g4 & mask);
  // h mod 2^128, plus s.
  h0 = h0 | (h1 << 26);
  h1 = (h1 >> 6) | (h2 << 20);
  h2 = (h2 >> 12) | (h3 << 14);
  h3 = (h3 >> 18) | (h4 << 8);
  uint64_t f = uint64_t{h0} + w[10];
  store_le32(tag + 0, static_cast<uint32_t>(f));
  f = uint64_t{h1} + w[11] + (f >> 32);
  store_le32(tag + 4, static_cast<uint32_t>(f));
  f = uint64_t{h2} + w[12] + (f >> 32);
  store_le32(tag + 8, static_cast<uint32_t>(f));
  f = uint64_t{h3} + w[13] + (f >> 32);
  store_le32(tag + 12, static_cast<uint32_t>(f));
}

// ---- donna64 ----------------------------------------------------------------------------------
// w64: r[0..2], h[3..5], pad[6..7].
#if defined(__SIZEOF_INT128__) && UINTPTR_MAX > 0xffffffffu
#define PETREL_POLY1305_DONNA64 1
using u128 = unsigned __int128;
constexpr uint64_t kM44 = 0xfffffffffffull;
constexpr uint64_t kM42 = 0x3ffffffffffull;

void d64_init(State& st, const uint8_t* key) noexcept {
  uint64_t* w = st.w64;
  const uint64_t t0 = load_le64(key + 0);
  const uint64_t t1 = load_le64(key + 8);
  w[0] = t0 & 0xffc0fffffffull;
  w[1] = ((t0 >> 44) | (t1 << 20)) & 0xfffffc0ffffull;
  w[2] = (t1 >> 24) & 0x00ffffffc0full;
  w[3] = w[4] = w[5] = 0;
  w[6] = load_le64(key + 16);
  w[7] = load_le64(key + 24);
}

// hibit: 1 << 40 for full blocks, 0 for the padded last block.
void d64_blocks(State& st, const uint8_t* m, size_t nblocks, uint64_t hibit) noexcept {
  uint64_t* w = st.w64;
  const uint64_t r0 = w[0], r1 = w[1], r2 = w[2];
  const uint64_t s1 = r1 * (5 << 2), s2 = r2 * (5 << 2);
  uint64_t h0 = w[3], h1 = w[4], h2 = w[5];
  for (size_t b = 0; b < nblocks; b++, m += 16) {
    const uint64_t t0 = load_le64(m + 0);
    const uint64_t t1 = load_le64(m + 8);
    h0 += t0 & kM44;
    h1 += ((t0 >> 44) | (t1 << 20)) & kM44;
    h2 += ((t1 >> 24) & kM42) | hibit;
    const u128 d0 = u128{h0} * r0 + u128{h1} * s2 + u128{h2} * s1;
    u128 d1 = u128{h0} * r1 + u128{h1} * r0 + u128{h2} * s2;
    u128 d2 = u128{h0} * r2 + u128{h1} * r1 + u128{h2} * r0;
    uint64_t c = static_cast<uint64_t>(d0 >> 44);
    h0 = static_cast<uint64_t>(d0) & kM44;
    d1 += c;
    c = static_cast<uint64_t>(d1 >> 44);
    h1 = static_cast<uint64_t>(d1) & kM44;
    d2 += c;
    c = static_cast<uint64_t>(d2 >> 42);
    h2 = static_cast<uint64_t>(d2) & kM42;
    h0 += c * 5;
    c = h0 >> 44;
    h0 &= kM44;
    h1 += c;
  }
  w[3] = h0;
  w[4] = h1;
  w[5] = h2;
}

void d64_finish(State& st, uint8_t* tag) noexcept {
  uint64_t* w = st.w64;
  uint64_t h0 = w[3], h1 = w[4], h2 = w[5];
  uint64_t c = h1 >> 44;
  h1 &= kM44;
  h2 += c;
  c = h2 >> 42;
  h2 &= kM42;
  h0 += c * 5;
  c = h0 >> 44;
  h0 &= kM44;
  h1 += c;
  c = h1 >> 44;
  h1 &= kM44;
  h2 += c;
  c = h2 >> 42;
  h2 &= kM42;
  h0 += c * 5;
  c = h0 >> 44;
  h0 &= kM44;
  h1 += c;
  uint64_t g0 = h0 + 5;
  c = g0 >> 44;
  g0 &= kM44;
  uint64_t g1 = h1 + c;
  c = g1 >> 44;
  g1 &= kM44;
  uint64_t g2 = h2 + c - (uint64_t{1} << 42);
  const uint64_t mask = (g2 >> 63) - 1;  // all-ones if no borrow
  h0 = (h0 & ~mask) | (g0 & mask);
  h1 = (h1 & ~mask) | (g1 & mask);
  h2 = (h2 & ~mask) | (g2 & mask);
  const uint64_t t0 = w[6];
  const uint64_t t1 = w[7];
  h0 += t0 & kM44;
  c = h0 >> 44;
  h0 &= kM44;
  h1 += (((t0 >> 44) | (t1 << 20)) & kM44) + c;
  c = h1 >> 44;
  h1 &= kM44;
  h2 += ((t1 >> 24) & kM42) + c;
  h2 &= kM42;
  store_le64(tag + 0, h0 | (h1 << 44));
  store_le64(tag + 8, (h1 >> 20) | (h2 << 24));
}
#endif

}  // namespace
}  // namespace petrel

// ---- the entry points of poly1305_internal.h --------------------------------------------------
extern "C" void petrel_poly1305_init_donna32(void* state, const uint8_t key[32]) noexcept {
  petrel::d32_init(*static_cast<petrel::State*>(state), key);
}
extern "C" void petrel_poly1305_blocks_donna32(void* state, const uint8_t* m, size_t nblocks,
                                               uint32_t last) noexcept {
  petrel::d32_blocks(*static_cast<petrel::State*>(state), m, nblocks, last != 0 ? 0u : (1u << 24));
}
extern "C" void petrel_poly1305_finish_donna32(void* state, uint8_t tag[16]) noexcept {
  petrel::d32_finish(*static_cast<petrel::State*>(state), tag);
}
#if defined(PETREL_POLY1305_DONNA64)
extern "C" void petrel_poly1305_init_donna64(void* state, const uint8_t key[32]) noexcept {
  petrel::d64_init(*static_cast<petrel::State*>(state), key);
}
extern "C" void petrel_poly1305_blocks_donna64(void* state, const uint8_t* m, size_t nblocks,
                                               uint32_t last) noexcept {
  petrel::d64_blocks(*static_cast<petrel::State*>(state), m, nblocks,
                     last != 0 ? 0u : (uint64_t{1} << 40));
}
extern "C" void petrel_poly1305_finish_donna64(void* state, uint8_t tag[16]) noexcept {
  petrel::d64_finish(*static_cast<petrel::State*>(state), tag);
}
#endif

namespace petrel {
namespace {

// ---- the table --------------------------------------------------------------------------------
using Ops = poly1305_detail::Poly1305Ops;
static_assert(sizeof(State) == 120 && alignof(State) == 8,
              "poly1305_internal.h promises assembly variants a 120-byte, 8-aligned state");

constexpr Ops kDonna32Ops = {petrel_poly1305_init_donna32, petrel_poly1305_blocks_donna32,
                             petrel_poly1305_finish_donna32};
#if defined(PETREL_POLY1305_DONNA64)
constexpr Ops kDonna64Ops = {petrel_poly1305_init_donna64, petrel_poly1305_blocks_donna64,
                             petrel_poly1305_finish_donna64};
constexpr const Ops* donna64_ops() noexcept { return &kDonna64Ops; }
#else
constexpr const Ops* donna64_ops() noexcept { return nullptr; }  // stub: not in this build
#endif
#if defined(PETREL_ASM_ARM)
constexpr Ops kArmv4Ops = {petrel_poly1305_init_armv4, petrel_poly1305_blocks_armv4,
                           petrel_poly1305_finish_armv4};
constexpr const Ops* armv4_ops() noexcept { return &kArmv4Ops; }
#else
constexpr const Ops* armv4_ops() noexcept { return nullptr; }  // stub: not in this build
#endif

// The table (crypto/util/variant.h): name, old name (none), constant-time, ops, CPU check.
constexpr Variant<Poly1305Impl, Ops> kImpls[] = {
    {Poly1305Impl::donna32, "donna32", nullptr, true, &kDonna32Ops, nullptr},
    {Poly1305Impl::donna64, "donna64", nullptr, true, donna64_ops(), nullptr},
    {Poly1305Impl::armv4, "armv4", nullptr, true, armv4_ops(), nullptr},
};

const Ops* ops_for(Poly1305Impl impl) noexcept { return variant::ops(kImpls, impl); }

}  // namespace

const char* poly1305_impl_name(Poly1305Impl impl) noexcept { return variant::name(kImpls, impl); }
bool poly1305_impl_is_constant_time(Poly1305Impl impl) noexcept {
  return variant::is_constant_time(kImpls, impl);
}
bool poly1305_impl_available(Poly1305Impl impl) noexcept {
  return variant::available(kImpls, impl);
}
Status poly1305_impl_from_name(Poly1305Impl* out, const char* name) noexcept {
  return variant::from_name(kImpls, out, name);
}
size_t poly1305_impls_available(Poly1305Impl* out, size_t max) noexcept {
  return variant::list_available(kImpls, out, max);
}
size_t poly1305_impls_listed(Poly1305Impl* out, size_t max) noexcept {
  return variant::list_all(kImpls, out, max);
}

Poly1305::~Poly1305() { clear(); }

void Poly1305::clear() noexcept {
  secure_wipe(&m_state, sizeof(m_state));
  secure_wipe(m_buf, sizeof(m_buf));
  m_buf_len = 0;
  m_set = false;
}

Status Poly1305::init(ByteView key, Poly1305Impl impl) noexcept {
  clear();
  if (key.size() != kPoly1305KeySize || key.data() == nullptr) {
    return Status::bad_key_length;
  }
  const Ops* ops = ops_for(impl);
  if (ops == nullptr) {
    return Status::not_available;
  }
  m_impl = impl;
  ops->init(&m_state, key.data());
  m_set = true;
  return Status::ok;
}

Status Poly1305::update(ByteView in) noexcept {
  if (!m_set || (in.size() != 0 && in.data() == nullptr)) {
    return Status::invalid_argument;
  }
  const Ops* ops = ops_for(m_impl);
  const uint8_t* p = in.data();
  size_t n = in.size();
  if (m_buf_len != 0) {
    const size_t take = n < 16 - m_buf_len ? n : 16 - m_buf_len;
    std::memcpy(m_buf + m_buf_len, p, take);
    m_buf_len += take;
    p += take;
    n -= take;
    if (m_buf_len < 16) {
      return Status::ok;
    }
    ops->blocks(&m_state, m_buf, 1, 0);
    m_buf_len = 0;
  }
  if (n >= 16) {
    ops->blocks(&m_state, p, n / 16, 0);
    p += n & ~size_t{15};
    n &= 15;
  }
  if (n != 0) {
    std::memcpy(m_buf, p, n);
    m_buf_len = n;
  }
  return Status::ok;
}

Status Poly1305::final(MutableBytes tag) noexcept {
  if (!m_set || tag.size() < kPoly1305TagSize || tag.data() == nullptr) {
    return Status::invalid_argument;
  }
  const Ops* ops = ops_for(m_impl);
  if (m_buf_len != 0) {
    // The last partial block: the message bytes, then 0x01, then zeros (section 2.5.1).
    m_buf[m_buf_len] = 1;
    for (size_t i = m_buf_len + 1; i < 16; i++) {
      m_buf[i] = 0;
    }
    ops->blocks(&m_state, m_buf, 1, 1);
  }
  ops->finish(&m_state, tag.data());
  clear();
  return Status::ok;
}

Status poly1305(MutableBytes tag, ByteView key, ByteView msg, Poly1305Impl impl) noexcept {
  Poly1305 p;
  Status s = p.init(key, impl);
  if (s != Status::ok) {
    return s;
  }
  s = p.update(msg);
  if (s != Status::ok) {
    return s;
  }
  return p.final(tag);
}

}  // namespace petrel
