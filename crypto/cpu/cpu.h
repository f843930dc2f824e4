// What the CPU can run, for the variant tables' run-time checks (crypto/util/variant.h).
//
// Where the compiler guarantees a feature for every CPU the build targets (__ARM_NEON with
// -mfpu=neon, __mips_isa_rev >= 2 with -march=mips32r2), the answer is a compile-time constant.
// Otherwise it comes from one probe per OS and architecture: on Linux/ARM the kernel's HWCAP
// word (getauxval(AT_HWCAP), HWCAP_NEON), read once. A target with no probe answers false
// (the variant stays unused, never guessed).
//
// No heap, no locks; safe to call from any thread (the probe is idempotent).
// Public API (installed): the declarations here are stable; features are only ever added.
#ifndef PETREL_CRYPTO_CPU_CPU_H
#define PETREL_CRYPTO_CPU_CPU_H

namespace petrel {
namespace cpu {

// ARM Advanced SIMD (NEON), ARMv7-A and later: needed by the "armv7-neon" variants.
bool arm_neon() noexcept;
// The same from the OS probe alone (HWCAP), ignoring what the compiler guarantees; false where
// there is no probe. For the test that checks the probe against the CPU model.
bool arm_neon_probed() noexcept;
// true if arm_neon() is a compile-time constant in this build (__ARM_NEON).
bool arm_neon_is_constant() noexcept;

// MIPS32 Release 2 (ROTR, SEB/SEH, INS/EXT, WSBH): needed by the "mips32r2" variants. Known at
// compile time only (-march); false on other targets.
bool mips32r2() noexcept;

// A short description for `petrel version -a` and the tests, e.g. "arm neon=1 (hwcap)".
const char* describe() noexcept;

}  // namespace cpu
}  // namespace petrel

#endif  // PETREL_CRYPTO_CPU_CPU_H
