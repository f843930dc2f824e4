// AES-GCM (NIST SP 800-38D): GCTR (6.5) with the 32-bit counter increment, GHASH (6.4), J0 for
// 96-bit IVs and for any other length (7.1 step 2), tags of 4 to 16 bytes (5.2.1.2).
//
// Two GHASH multipliers, variants of their own table (kGhash below, crypto/util/variant.h),
// chosen by name (AesGcm::init(key, impl)) or by default from the AES variant's constant-time
// flag (a constant-time AES gets the first constant-time GHASH, another the first available):
// - "ct": constant-time. Field elements are handled bit-reflected, as
//   128-bit integers read big-endian, so a carry-less integer product gives the reflected field
//   product shifted right by one bit. The 128x128 product uses three levels of Karatsuba (27
//   16x16 products); each 16x16 carry-less product is nine ordinary 32x32->32 integer
//   multiplications on operands with "holes" (only every third bit kept, so carries cannot
//   reach the next kept bit; the 32-bit result holds the whole product): 243 multiplications
//   per block. On ARMv7 (kGhashBitReverse) the two-level form is faster: nine 32x32 products
//   with every fourth bit kept, the low half directly and the high half on bit-reversed
//   operands (288 multiplications, 27 bit reversals; BearSSL ghash_ctmul32). Only 32-bit
//   results are used, so CPUs whose wide multiplies have data-dependent timing are not a
//   concern. No table, no branch on data.
// - "table4" (the default with the "table" AES): Shoup's 4-bit method, a 16-entry table of multiples of H and a
//   16-entry reduction table. Faster, NOT constant-time (table indices depend on the data and H).
//
// Tag comparison is constant-time. open() verifies the tag before decrypting anything; on
// failure it wipes out and returns Status::auth_failed.
//
// This file holds the GHASH variant table and GCM itself; the two portable multipliers are in
// ghash_ct.cpp and ghash_table4.cpp (their extern "C" entries: crypto/modes/gcm_internal.h).
#include "crypto/modes/gcm.h"

#include <cstring>

#include "crypto/cpu/cpu.h"
#include "crypto/modes/gcm_internal.h"
#include "crypto/util/build_config.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

// SP 800-38D 5.2.1.1: len(P) <= 2^39 - 256 bits.
constexpr uint64_t kMaxPlaintext = (uint64_t{1} << 36) - 32;


using ghash_detail::GhashOps;

constexpr GhashOps kCtOps = {petrel_ghash_init_ct, petrel_ghash_blocks_ct};
constexpr GhashOps kTable4Ops = {petrel_ghash_init_table4, petrel_ghash_blocks_table4};
// A minimal build (PETREL_MINIMAL, crypto/util/build_config.h) keeps the constant-time one only.
constexpr const GhashOps* table4_ops() noexcept {
  return kBuildTableVariants ? &kTable4Ops : nullptr;
}

// The assembly rows: built where cmake/PetrelSources.cmake adds their folder (PETREL_ASM_*) and
// the compiler's target has their instructions (the guard at the top of the .S file); elsewhere
// a stub (nullptr ops), listed but not available.
#if defined(PETREL_ASM_ARM) && defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && \
    !defined(__ARMEB__)
constexpr GhashOps kArmv4Ops = {petrel_ghash_init_armv4, petrel_ghash_blocks_armv4};
constexpr const GhashOps* armv4_ops() noexcept { return &kArmv4Ops; }
// The constant-time ARM GHASH (the "ct" table, assembly blocks; same folder and guard).
constexpr GhashOps kArmv4CtOps = {petrel_ghash_init_ct, petrel_ghash_blocks_armv4_ct};
constexpr const GhashOps* armv4_ct_ops() noexcept { return &kArmv4CtOps; }
#else
constexpr const GhashOps* armv4_ops() noexcept { return nullptr; }
constexpr const GhashOps* armv4_ct_ops() noexcept { return nullptr; }
#endif
#if defined(PETREL_ASM_MIPS32R2) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && \
    __mips_isa_rev < 6 && defined(_ABIO32) && _MIPS_SIM == _ABIO32
constexpr GhashOps kMips32r2Ops = {petrel_ghash_init_mips32r2, petrel_ghash_blocks_mips32r2};
constexpr const GhashOps* mips32r2_ops() noexcept { return &kMips32r2Ops; }
#else
constexpr const GhashOps* mips32r2_ops() noexcept { return nullptr; }
#endif
#if defined(PETREL_ASM_ARM_NEON) && defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && \
    !defined(__ARMEB__)
constexpr GhashOps kArmv7NeonOps = {petrel_ghash_init_armv7_neon, petrel_ghash_blocks_armv7_neon};
constexpr const GhashOps* armv7_neon_ops() noexcept { return &kArmv7NeonOps; }
#else
constexpr const GhashOps* armv7_neon_ops() noexcept { return nullptr; }
#endif
bool neon_ok() { return cpu::arm_neon(); }

// The table: name, old name (none), constant-time, ops (nullptr: a stub), CPU check. Fastest
// first: the default takes the first available row (of the constant-time ones, for a
// constant-time AES).
constexpr Variant<GhashImpl, GhashOps> kGhash[] = {
    {GhashImpl::armv7_neon, "armv7-neon", nullptr, true, armv7_neon_ops(), neon_ok},
    {GhashImpl::armv4, "armv4", nullptr, false, armv4_ops(), nullptr},
    {GhashImpl::mips32r2, "mips32r2", nullptr, false, mips32r2_ops(), nullptr},
    {GhashImpl::table4, "table4", nullptr, false, table4_ops(), nullptr},
    // Before "ct": the default of a constant-time AES on ARM without NEON (armel). On ARMv7
    // the portable "ct" (bit-reversal form) costs fewer instructions, but there the NEON row
    // comes first wherever the CPU has NEON.
    {GhashImpl::armv4_ct, "armv4-ct", nullptr, true, armv4_ct_ops(), nullptr},
    {GhashImpl::ct, "ct", nullptr, true, &kCtOps, nullptr},
};

// ---- GHASH over byte strings and GCTR ------------------------------------------------------

struct Ghash {
  const uint64_t* table;
  const GhashOps* ops;
  uint8_t y[kAesBlockSize];

  void blocks(const uint8_t* data, size_t nblocks) noexcept { ops->blocks(y, table, data, nblocks); }
  // Absorbs data zero-padded to a whole number of blocks.
  void padded(const uint8_t* data, size_t len) noexcept {
    const size_t full = len / kAesBlockSize;
    if (full > 0) {
      blocks(data, full);
    }
    const size_t rest = len % kAesBlockSize;
    if (rest > 0) {
      uint8_t last[kAesBlockSize] = {};
      std::memcpy(last, data + full * kAesBlockSize, rest);
      blocks(last, 1);
      secure_wipe(last, sizeof(last));
    }
  }
  void lengths(uint64_t a_bytes, uint64_t c_bytes) noexcept {
    uint8_t block[kAesBlockSize];
    store_be64(block, a_bytes * 8);
    store_be64(block + 8, c_bytes * 8);
    blocks(block, 1);
  }
  void wipe() noexcept { secure_wipe(y, sizeof(y)); }
};

inline void inc32(uint8_t* counter) noexcept {
  store_be32(counter + 12, load_be32(counter + 12) + 1);
}

// GCTR from the counter block cb (already incremented past J0); in and out may be equal.
void gctr(const AesKey& key, uint8_t* cb, uint8_t* out, const uint8_t* in, size_t len) noexcept {
  // Whole blocks through the implementation's CTR32 loop (AesKey::ctr32_blocks: inc32 is its
  // counter), the partial last block through one keystream block.
  const size_t full = len / kAesBlockSize;
  key.ctr32_blocks(cb, out, in, full);
  const size_t rest = len - full * kAesBlockSize;
  if (rest > 0) {
    uint8_t ks[kAesBlockSize];
    key.encrypt_blocks(ks, cb, 1);
    inc32(cb);
    for (size_t i = 0; i < rest; i++) {
      out[full * kAesBlockSize + i] =
          static_cast<uint8_t>(in[full * kAesBlockSize + i] ^ ks[i]);
    }
    secure_wipe(ks, sizeof(ks));
  }
}

}  // namespace

AesGcm::~AesGcm() { clear(); }

void AesGcm::clear() noexcept {
  secure_wipe(m_table, sizeof(m_table));
  m_key = nullptr;
  m_ops = nullptr;
  m_impl = GhashImpl::ct;
}

const char* ghash_impl_name(GhashImpl impl) noexcept { return variant::name(kGhash, impl); }
bool ghash_impl_is_constant_time(GhashImpl impl) noexcept {
  return variant::is_constant_time(kGhash, impl);
}
bool ghash_impl_available(GhashImpl impl) noexcept { return variant::available(kGhash, impl); }
Status ghash_impl_from_name(GhashImpl* out, const char* name) noexcept {
  return variant::from_name(kGhash, out, name);
}
size_t ghash_impls_available(GhashImpl* out, size_t max) noexcept {
  return variant::list_available(kGhash, out, max);
}
size_t ghash_impls_listed(GhashImpl* out, size_t max) noexcept {
  return variant::list_all(kGhash, out, max);
}

GhashImpl ghash_default_for(AesImpl aes) noexcept {
  const bool want_ct = aes_impl_is_constant_time(aes);
  for (const auto& v : kGhash) {
    if (v.available() && (v.constant_time || !want_ct)) {
      return v.id;
    }
  }
  return GhashImpl::ct;  // unreachable: the portable "ct" row is in every build
}

Status AesGcm::init(const AesKey* key) noexcept {
  if (key == nullptr || !key->is_set()) {
    clear();
    return Status::invalid_argument;
  }
  return init(key, ghash_default_for(key->impl()));
}

Status AesGcm::init(const AesKey* key, GhashImpl impl) noexcept {
  clear();
  if (key == nullptr || !key->is_set()) {
    return Status::invalid_argument;
  }
  const GhashOps* ops = variant::ops(kGhash, impl);
  if (ops == nullptr) {
    return variant::find(kGhash, impl) != nullptr ? Status::not_available
                                                   : Status::invalid_argument;
  }
  uint8_t h[kAesBlockSize] = {};
  key->encrypt_blocks(h, h, 1);
  ops->init(m_table, h);
  secure_wipe(h, sizeof(h));
  m_ops = ops;
  m_impl = impl;
  m_key = key;
  return Status::ok;
}

const char* AesGcm::ghash_impl_name() const noexcept { return petrel::ghash_impl_name(m_impl); }

bool AesGcm::ghash_is_constant_time() const noexcept {
  return petrel::ghash_impl_is_constant_time(m_impl);
}

namespace {

// J0 (SP 800-38D 7.1 step 2).
void compute_j0(uint8_t* j0, const uint64_t* table, const GhashOps* ops, ByteView iv) noexcept {
  if (iv.size() == 12) {
    std::memcpy(j0, iv.data(), 12);
    store_be32(j0 + 12, 1);
    return;
  }
  Ghash g{table, ops, {}};
  g.padded(iv.data(), iv.size());
  g.lengths(0, iv.size());
  std::memcpy(j0, g.y, kAesBlockSize);
  g.wipe();
}

// The full 16-byte tag: E(K, J0) xor GHASH(A || C || lengths).
void compute_tag(uint8_t* tag, const AesKey& key, const uint64_t* table, const GhashOps* ops,
                 const uint8_t* j0, ByteView aad, const uint8_t* c, size_t c_len) noexcept {
  Ghash g{table, ops, {}};
  g.padded(aad.data(), aad.size());
  g.padded(c, c_len);
  g.lengths(aad.size(), c_len);
  key.encrypt_blocks(tag, j0, 1);
  for (size_t i = 0; i < kAesBlockSize; i++) {
    tag[i] ^= g.y[i];
  }
  g.wipe();
}

Status check_common(const AesKey* key, size_t tag_len, ByteView iv, ByteView aad, size_t in_len,
                    const uint8_t* in_data, size_t out_len) noexcept {
  if (key == nullptr) {
    return Status::invalid_argument;
  }
  if (tag_len < kGcmMinTagSize || tag_len > kGcmTagSize) {
    return Status::invalid_argument;
  }
  if (iv.empty() || iv.data() == nullptr) {
    return Status::bad_iv_length;
  }
  if (static_cast<uint64_t>(in_len) > kMaxPlaintext) {
    return Status::invalid_argument;
  }
  if (out_len < in_len) {
    return Status::buffer_too_small;
  }
  if ((in_len != 0 && in_data == nullptr) || (!aad.empty() && aad.data() == nullptr)) {
    return Status::invalid_argument;
  }
  return Status::ok;
}

}  // namespace

Status AesGcm::seal(MutableBytes out, MutableBytes tag, ByteView iv, ByteView aad,
                    ByteView pt) noexcept {
  Status s = check_common(m_key, tag.size(), iv, aad, pt.size(), pt.data(), out.size());
  if (s != Status::ok) {
    return s;
  }
  if (tag.data() == nullptr || (!pt.empty() && out.data() == nullptr)) {
    return Status::invalid_argument;
  }
  uint8_t j0[kAesBlockSize];
  uint8_t cb[kAesBlockSize];
  compute_j0(j0, m_table, m_ops, iv);
  std::memcpy(cb, j0, kAesBlockSize);
  inc32(cb);
  gctr(*m_key, cb, out.data(), pt.data(), pt.size());
  uint8_t full[kAesBlockSize];
  compute_tag(full, *m_key, m_table, m_ops, j0, aad, out.data(), pt.size());
  std::memcpy(tag.data(), full, tag.size());
  secure_wipe(full, sizeof(full));
  secure_wipe(j0, sizeof(j0));
  secure_wipe(cb, sizeof(cb));
  return Status::ok;
}

Status AesGcm::open(MutableBytes out, ByteView iv, ByteView aad, ByteView ct_in,
                    ByteView tag) noexcept {
  Status s = check_common(m_key, tag.size(), iv, aad, ct_in.size(), ct_in.data(), out.size());
  if (s != Status::ok) {
    return s;
  }
  if (tag.data() == nullptr || (!ct_in.empty() && out.data() == nullptr)) {
    return Status::invalid_argument;
  }
  uint8_t j0[kAesBlockSize];
  uint8_t full[kAesBlockSize];
  compute_j0(j0, m_table, m_ops, iv);
  // Authenticate first: no plaintext is produced unless the tag verifies.
  compute_tag(full, *m_key, m_table, m_ops, j0, aad, ct_in.data(), ct_in.size());
  uint32_t good = ct::mem_eq_mask(full, tag.data(), tag.size());
  secure_wipe(full, sizeof(full));
  // The verdict is public: declassify it for the valgrind constant-time check, then branch.
  CT_UNPOISON(&good, sizeof(good));
  if (good == 0) {
    secure_wipe(j0, sizeof(j0));
    secure_wipe(out.data(), out.size());
    return Status::auth_failed;
  }
  uint8_t cb[kAesBlockSize];
  std::memcpy(cb, j0, kAesBlockSize);
  inc32(cb);
  gctr(*m_key, cb, out.data(), ct_in.data(), ct_in.size());
  secure_wipe(j0, sizeof(j0));
  secure_wipe(cb, sizeof(cb));
  return Status::ok;
}

}  // namespace petrel
