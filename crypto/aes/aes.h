// AES-128/192/256 block cipher (FIPS 197), in several implementations selectable by name.
//
// Variants (the table in aes.cpp, crypto/util/variant.h; tests/util/variant_headers_test.cpp
// checks this list against it):
//   name      constant-time  notes
//   "ct"      yes            portable bitsliced C++, no secret-indexed table, no secret branch
//   "table"   no             portable T-table C++, faster, leaks through cache timing
//   "armv4"   no             T-table ARM assembly (crypto/aes/arm/aes_armv4.S), ARMv4 and later
//                            (armel and armhf), with a CBC-encryption chain; fastest on ARM
//   "mips32r2" no            MIPS32r2 assembly, four T-tables per direction
//                            (crypto/aes/mips/r2/aes_mips32r2.S); mipsel and mips builds only;
//                            leaks through cache timing like "table"
//   "armv7-neon" yes         bitsliced NEON over eight blocks (crypto/aes/arm/neon/
//                            aes_armv7_neon.cpp, Kasper-Schwabe layout); ARMv7-A builds, CPUs
//                            with NEON (cpu::arm_neon())
//   "fixslice" yes           portable fixsliced C++ (crypto/aes/aes_fixslice.cpp): the "ct"
//                            bitsliced layout without ShiftRows, two blocks per call
//   "fixslice-armv4" yes     "fixslice" with its encryption rounds in ARM assembly
//                            (crypto/aes/arm/aes_fixslice_armv4.S, generated); ARM builds;
//                            decryption is the portable fixsliced one
//
// Hand-optimized ARM and MIPS variants are one AesImpl value and one
// table row each, over the extern "C" entry points of crypto/aes/aes_internal.h; a build or CPU
// that lacks one reports it as not available (aes_impl_available() == false) and AesKey::init
// refuses it.
//
// The implementation is chosen once, at key set-up (AesKey::init); every later call goes
// through the function pointers stored in the key.
//
// Public API (installed): the declarations here are stable, and the variant names. The schedule
// layout of each variant and its extern "C" entry points are library-internal
// (crypto/aes/aes_internal.h), the schedule words reachable only through the test hook
// crypto/aes/aes_test_hooks.h; neither is installed.
#ifndef PETREL_CRYPTO_AES_AES_H
#define PETREL_CRYPTO_AES_AES_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

constexpr size_t kAesBlockSize = 16;

enum class AesImpl : uint8_t {
  ct = 0,
  table = 1,
  armv4 = 2,
  mips32r2 = 3,
  armv7_neon = 4,
  fixslice = 5,
  fixslice_armv4 = 6,
};

// The default used when no implementation is named: the fastest constant-time one of this build
// and CPU (see README), aes_default_impl(): "armv7-neon" where the build has it and the CPU has
// NEON, else "fixslice-armv4" on ARM, else "fixslice" (faster than "ct" on every target; "ct"
// in a PETREL_MINIMAL build, which
// keeps one AES). Set once during static initialization (cpu::arm_neon() needs no heap or
// lock); before that it reads as zero, i.e. "ct", so a use from another static initializer is
// still constant-time. "ct" stays listed and selectable by name.
extern const AesImpl kAesDefaultImpl;
AesImpl aes_default_impl() noexcept;

const char* aes_impl_name(AesImpl impl) noexcept;
bool aes_impl_is_constant_time(AesImpl impl) noexcept;
bool aes_impl_available(AesImpl impl) noexcept;
// Looks an implementation up by its name ("ct", "table", ...).
Status aes_impl_from_name(AesImpl* out, const char* name) noexcept;
// Every implementation compiled into this build (and usable on this CPU), in table order;
// returns the count.
size_t aes_impls_available(AesImpl* out, size_t max) noexcept;
// Every implementation the table lists, available or not; returns the count.
size_t aes_impls_listed(AesImpl* out, size_t max) noexcept;
// The fastest not-constant-time (table) implementation of this build: "armv4" on ARM, else
// "table" (the benchmarks' table column, bench/insn/petrel_driver.cpp).
AesImpl aes_fastest_table_impl() noexcept;

class AesKey final {
 public:
  // An implementation's block function: over the schedule words and the round count (the
  // extern "C" contract of crypto/aes/aes_internal.h), not over AesKey.
  using BlockFn = void (*)(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                           const uint8_t* in, size_t nblocks) noexcept;
  // An implementation's optional CBC-encryption chain (aes_internal.h); iv is updated.
  using CbcFn = void (*)(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                         const uint8_t* in, size_t nblocks, uint8_t* iv) noexcept;
  // An implementation's optional CTR with a 32-bit counter (aes_internal.h).
  using Ctr32Fn = void (*)(const uint32_t* schedule, unsigned rounds, uint8_t* out,
                           const uint8_t* in, size_t nblocks, uint8_t* counter) noexcept;

  AesKey() noexcept = default;
  ~AesKey();
  AesKey(const AesKey&) = delete;
  AesKey& operator=(const AesKey&) = delete;

  // key is 16, 24 or 32 bytes. Expands both the encryption and decryption schedules.
  Status init(ByteView key, AesImpl impl = kAesDefaultImpl) noexcept;
  void clear() noexcept;  // wipes the schedule

  bool is_set() const noexcept { return m_encrypt != nullptr; }
  AesImpl impl() const noexcept { return m_impl; }
  const char* impl_name() const noexcept { return aes_impl_name(m_impl); }
  size_t key_bits() const noexcept { return m_key_bits; }
  unsigned rounds() const noexcept { return m_rounds; }

  // ECB on whole blocks; in and out may be equal (in place) but must not otherwise overlap.
  void encrypt_blocks(uint8_t* out, const uint8_t* in, size_t nblocks) const noexcept {
    m_encrypt(m_schedule, m_rounds, out, in, nblocks);
  }
  void decrypt_blocks(uint8_t* out, const uint8_t* in, size_t nblocks) const noexcept {
    m_decrypt(m_schedule, m_rounds, out, in, nblocks);
  }
  // CBC encryption of whole blocks from iv, which becomes the last ciphertext block: the
  // implementation's chain where it has one (AesOps::cbc_encrypt), else block by block.
  void cbc_encrypt_blocks(uint8_t iv[kAesBlockSize], uint8_t* out, const uint8_t* in,
                          size_t nblocks) const noexcept;
  // CTR over whole blocks with the 32-bit big-endian counter counter[12..16) (GCM's inc32:
  // wraps modulo 2^32, bytes 0..11 unchanged): out = in ^ E(counter), E(counter + 1), ...;
  // counter advanced by nblocks. The implementation's own loop where it has one
  // (AesOps::ctr32), else counter blocks through encrypt_blocks in batches. in and out may be
  // equal.
  void ctr32_blocks(uint8_t counter[kAesBlockSize], uint8_t* out, const uint8_t* in,
                    size_t nblocks) const noexcept;

  // Implementation-private key schedule storage (layout chosen by each implementation), sized
  // for the largest one in the build: 120 words, AES-256's 15 round keys of 8 words for "ct"
  // (bitsliced) or 60 + 60 encryption and decryption words for "table" and "armv4" (the same
  // words byte-reversed). Each implementation checks its need against this at compile time.
  static constexpr size_t kScheduleWords = 120;

 private:
  // Test-only access to the schedule words (crypto/aes/aes_test_hooks.h, not installed: the
  // assembly call harnesses pass them to the entry points, the wipe test reads them).
  friend struct AesKeyAccess;
  alignas(16) uint32_t m_schedule[kScheduleWords] = {};
  BlockFn m_encrypt = nullptr;
  BlockFn m_decrypt = nullptr;
  CbcFn m_cbc_encrypt = nullptr;
  unsigned m_rounds = 0;
  uint16_t m_key_bits = 0;  // 128, 192 or 256: 16 bits, in this order, keep sizeof(AesKey) at 512
  AesImpl m_impl = kAesDefaultImpl;
};

}  // namespace petrel

#endif  // PETREL_CRYPTO_AES_AES_H
