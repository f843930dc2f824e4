// AES (FIPS 197): the table of implementations (crypto/util/variant.h), and AesKey set-up.
// The implementation is chosen once in AesKey::init from the table; variants that a build lacks
// are listed with null ops and reported as not available.
#include "crypto/aes/aes.h"

#include <cstring>

#include "crypto/aes/aes_internal.h"
#include "crypto/cpu/cpu.h"
#include "crypto/util/build_config.h"
#include "crypto/util/endian.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

using aes_detail::AesOps;

constexpr AesOps kCtOps = {petrel_aes_expand_ct, petrel_aes_encrypt_blocks_ct,
                           petrel_aes_decrypt_blocks_ct, nullptr};
constexpr AesOps kFixsliceOps = {petrel_aes_expand_fixslice, petrel_aes_encrypt_blocks_fixslice,
                                 petrel_aes_decrypt_blocks_fixslice, nullptr};
constexpr AesOps kTableOps = {petrel_aes_expand_table, petrel_aes_encrypt_blocks_table,
                              petrel_aes_decrypt_blocks_table, nullptr};
// A minimal build (PETREL_MINIMAL, crypto/util/build_config.h) keeps the constant-time one only.
constexpr const AesOps* table_ops() noexcept { return kBuildTableVariants ? &kTableOps : nullptr; }
// The second constant-time AES, the default where there is no NEON: a minimal build keeps "ct"
// alone (the smaller code).
constexpr const AesOps* fixslice_ops() noexcept {
  return kMinimalBuild ? nullptr : &kFixsliceOps;
}
// The ARM assembly: built where cmake/PetrelSources.cmake adds crypto/aes/arm/ (PETREL_ASM_ARM)
// and the compiler has ARM state; the condition is the guard of aes_armv4.S and aes_armv4.cpp.
#if defined(PETREL_ASM_ARM) && defined(__arm__) && defined(__ARM_ARCH_ISA_ARM) && \
    !defined(__ARMEB__)
constexpr AesOps kArmv4Ops = {petrel_aes_expand_armv4, petrel_aes_encrypt_blocks_armv4,
                              petrel_aes_decrypt_blocks_armv4, petrel_aes_cbc_encrypt_armv4};
constexpr const AesOps* armv4_ops() noexcept { return &kArmv4Ops; }
constexpr bool kHaveArmv4 = true;
// The fixsliced AES with assembly encryption rounds (same guard, same folder): schedule and
// decryption are the portable "fixslice" ones. Not in a minimal build (it keeps "ct" alone).
constexpr AesOps kFixsliceArmv4Ops = {petrel_aes_expand_fixslice,
                                      petrel_aes_encrypt_blocks_fixslice_armv4,
                                      petrel_aes_decrypt_blocks_fixslice, nullptr};
constexpr const AesOps* fixslice_armv4_ops() noexcept {
  return kMinimalBuild ? nullptr : &kFixsliceArmv4Ops;
}
#else
constexpr const AesOps* fixslice_armv4_ops() noexcept { return nullptr; }
constexpr const AesOps* armv4_ops() noexcept { return nullptr; }
constexpr bool kHaveArmv4 = false;
#endif

// The bitsliced NEON row: built in ARMv7-A builds (crypto/aes/arm/neon/, PETREL_ASM_ARM_NEON;
// the guard of aes_armv7_neon.cpp, which enables NEON for itself), run where cpu::arm_neon().
#if defined(PETREL_ASM_ARM_NEON) && defined(__arm__) && !defined(__ARMEB__)
constexpr AesOps kArmv7NeonOps = {petrel_aes_expand_armv7_neon,
                                  petrel_aes_encrypt_blocks_armv7_neon,
                                  petrel_aes_decrypt_blocks_armv7_neon,
                                  petrel_aes_cbc_encrypt_armv7_neon,
                                  petrel_aes_ctr32_armv7_neon};
constexpr const AesOps* armv7_neon_ops() noexcept { return &kArmv7NeonOps; }
#else
constexpr const AesOps* armv7_neon_ops() noexcept { return nullptr; }
#endif

// The assembly rows: built where cmake/PetrelSources.cmake adds their folder (PETREL_ASM_*) and
// the compiler's target has their instructions (the guard at the top of the .S file); elsewhere
// a stub (nullptr ops: listed, not available). No CPU check: the build level guarantees them.
#if defined(PETREL_ASM_MIPS32R2) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && \
    __mips_isa_rev < 6 && defined(_ABIO32) && _MIPS_SIM == _ABIO32
constexpr AesOps kMips32r2Ops = {petrel_aes_expand_mips32r2, petrel_aes_encrypt_blocks_mips32r2,
                                 petrel_aes_decrypt_blocks_mips32r2, nullptr};
constexpr const AesOps* mips32r2_ops() noexcept { return &kMips32r2Ops; }
constexpr bool kHaveMips32r2 = true;
#else
constexpr const AesOps* mips32r2_ops() noexcept { return nullptr; }
constexpr bool kHaveMips32r2 = false;
#endif

// The fastest table (not constant-time) variant of this build: the assembly where there is one.
constexpr AesImpl kFastestTable = kHaveArmv4      ? AesImpl::armv4
                                  : kHaveMips32r2 ? AesImpl::mips32r2
                                                  : AesImpl::table;

// The table: name, old name (none), constant-time, ops (nullptr: a stub, not in this build),
// CPU check. Table order is the order of aes_impls_available(); the default is kAesDefaultImpl
// ("fixslice"), not the first row. "armv4" needs no CPU check: every ARM target has ARM state.
constexpr Variant<AesImpl, AesOps> kImpls[] = {
    {AesImpl::ct, "ct", nullptr, true, &kCtOps, nullptr},
    {AesImpl::table, "table", nullptr, false, table_ops(), nullptr},
    {AesImpl::armv4, "armv4", nullptr, false, armv4_ops(), nullptr},
    {AesImpl::mips32r2, "mips32r2", nullptr, false, mips32r2_ops(), nullptr},
    {AesImpl::armv7_neon, "armv7-neon", nullptr, true, armv7_neon_ops(), cpu::arm_neon},
    {AesImpl::fixslice, "fixslice", nullptr, true, fixslice_ops(), nullptr},
    {AesImpl::fixslice_armv4, "fixslice-armv4", nullptr, true, fixslice_armv4_ops(), nullptr},
};

}  // namespace

const char* aes_impl_name(AesImpl impl) noexcept { return variant::name(kImpls, impl); }
bool aes_impl_is_constant_time(AesImpl impl) noexcept {
  return variant::is_constant_time(kImpls, impl);
}
bool aes_impl_available(AesImpl impl) noexcept { return variant::available(kImpls, impl); }
Status aes_impl_from_name(AesImpl* out, const char* name) noexcept {
  return variant::from_name(kImpls, out, name);
}
size_t aes_impls_available(AesImpl* out, size_t max) noexcept {
  return variant::list_available(kImpls, out, max);
}
size_t aes_impls_listed(AesImpl* out, size_t max) noexcept {
  return variant::list_all(kImpls, out, max);
}
AesImpl aes_fastest_table_impl() noexcept { return kFastestTable; }

// The bitsliced NEON AES is constant-time like "ct" and costs far fewer instructions on the
// parallel modes (scripts/perf-table --targets armhf, cortex-a7: AES-256-CTR 44.90 against
// 154.99 insn/byte, AES-256-GCM 111.09 against 220.96); the serial CBC encryption runs "ct"
// itself (AES-256-CBC 300.88 against 300.40: the schedule conversion per call). The default
// wherever it runs.
AesImpl aes_default_impl() noexcept {
  if (aes_impl_available(AesImpl::armv7_neon)) {
    return AesImpl::armv7_neon;
  }
  // The assembly fixsliced rounds where the build has them (ARM without NEON: armel's ARM926).
  if (aes_impl_available(AesImpl::fixslice_armv4)) {
    return AesImpl::fixslice_armv4;
  }
  return aes_impl_available(AesImpl::fixslice) ? AesImpl::fixslice : AesImpl::ct;
}
static_assert(static_cast<int>(AesImpl::ct) == 0,
              "kAesDefaultImpl reads as zero before its initialization: that must be ct");
const AesImpl kAesDefaultImpl = aes_default_impl();

AesKey::~AesKey() { clear(); }

void AesKey::clear() noexcept {
  secure_wipe(m_schedule, sizeof(m_schedule));
  m_encrypt = nullptr;
  m_decrypt = nullptr;
  m_cbc_encrypt = nullptr;
  m_key_bits = 0;
  m_rounds = 0;
}

Status AesKey::init(ByteView key, AesImpl impl) noexcept {
  clear();
  const AesOps* ops = variant::ops(kImpls, impl);
  if (ops == nullptr) {
    return variant::find(kImpls, impl) != nullptr ? Status::not_available
                                                   : Status::invalid_argument;
  }
  unsigned rounds = 0;
  if (key.size() == 16) {
    rounds = 10;
  } else if (key.size() == 24) {
    rounds = 12;
  } else if (key.size() == 32) {
    rounds = 14;
  } else {
    return Status::bad_key_length;
  }
  if (key.data() == nullptr) {
    return Status::invalid_argument;
  }
  ops->expand(m_schedule, key.data(), key.size(), rounds);
  m_rounds = rounds;
  m_key_bits = static_cast<uint16_t>(key.size() * 8);
  m_impl = impl;
  m_encrypt = ops->encrypt;
  m_decrypt = ops->decrypt;
  m_cbc_encrypt = ops->cbc_encrypt;
  return Status::ok;
}

void AesKey::cbc_encrypt_blocks(uint8_t iv[kAesBlockSize], uint8_t* out, const uint8_t* in,
                                size_t nblocks) const noexcept {
  if (m_cbc_encrypt != nullptr) {
    m_cbc_encrypt(m_schedule, m_rounds, out, in, nblocks, iv);
    return;
  }
  // The chaining XOR as four 32-bit words (memcpy: any alignment; LWL/LWR on MIPS): gcc's
  // vectorized byte loop pays its set-up on every block (measured on mipsel with the mips32r2
  // AES, scripts/insn-count: AES-128-CBC encryption 50.65 -> 49.71 instructions per byte).
  uint8_t block[kAesBlockSize];
  for (size_t i = 0; i < nblocks; i++) {
    for (size_t j = 0; j < kAesBlockSize; j += 4) {
      uint32_t x;
      uint32_t y;
      std::memcpy(&x, in + i * kAesBlockSize + j, 4);
      std::memcpy(&y, iv + j, 4);
      x ^= y;
      std::memcpy(block + j, &x, 4);
    }
    m_encrypt(m_schedule, m_rounds, iv, block, 1);
    std::memcpy(out + i * kAesBlockSize, iv, kAesBlockSize);
  }
  secure_wipe(block, sizeof(block));
}

void AesKey::ctr32_blocks(uint8_t counter[kAesBlockSize], uint8_t* out, const uint8_t* in,
                          size_t nblocks) const noexcept {
  // The function is looked up from m_impl (not stored: sizeof(AesKey) stays 512 bytes, which
  // the TLS context size counts on).
  const AesOps* ops = variant::ops(kImpls, m_impl);
  if (ops != nullptr && ops->ctr32 != nullptr) {
    ops->ctr32(m_schedule, m_rounds, out, in, nblocks, counter);
    return;
  }
  constexpr size_t kBatch = 8;
  uint8_t ks[kBatch * kAesBlockSize];
  while (nblocks > 0) {
    const size_t n = nblocks < kBatch ? nblocks : kBatch;
    for (size_t i = 0; i < n; i++) {
      std::memcpy(ks + i * kAesBlockSize, counter, kAesBlockSize);
      store_be32(counter + 12, load_be32(counter + 12) + 1);  // the low word only (CTR32)
    }
    m_encrypt(m_schedule, m_rounds, ks, ks, n);
    for (size_t i = 0; i < n * kAesBlockSize; i++) {
      out[i] = static_cast<uint8_t>(in[i] ^ ks[i]);
    }
    in += n * kAesBlockSize;
    out += n * kAesBlockSize;
    nblocks -= n;
  }
  secure_wipe(ks, sizeof(ks));
}

}  // namespace petrel
