// CPU feature checks (crypto/cpu/cpu.h): compile-time constants where the target guarantees a
// feature, the Linux HWCAP probe otherwise (STYLE.md: one probe per OS/architecture, here).
#include "crypto/cpu/cpu.h"

#if defined(__arm__) && defined(__linux__)
#include <sys/auxv.h>
#endif

namespace petrel {
namespace cpu {
namespace {

#if defined(__arm__) && defined(__linux__)
// HWCAP_NEON of the Linux ARM kernel ABI (arch/arm/include/uapi/asm/hwcap.h).
constexpr unsigned long kHwcapNeon = 1ul << 12;
bool probe_neon() noexcept { return (getauxval(AT_HWCAP) & kHwcapNeon) != 0; }
constexpr bool kHaveNeonProbe = true;
#else
bool probe_neon() noexcept { return false; }
constexpr bool kHaveNeonProbe = false;
#endif

#if defined(__ARM_NEON) || defined(__ARM_NEON__)
constexpr bool kNeonGuaranteed = true;
#else
constexpr bool kNeonGuaranteed = false;
#endif

#if defined(__mips_isa_rev) && __mips_isa_rev >= 2
constexpr bool kMips32r2 = true;
#else
constexpr bool kMips32r2 = false;
#endif

}  // namespace

bool arm_neon_probed() noexcept { return kHaveNeonProbe && probe_neon(); }
bool arm_neon_is_constant() noexcept { return kNeonGuaranteed; }
bool arm_neon() noexcept { return kNeonGuaranteed || arm_neon_probed(); }
bool mips32r2() noexcept { return kMips32r2; }

const char* describe() noexcept {
#if defined(__arm__)
  if (kNeonGuaranteed) {
    return "arm neon=1 (compile-time)";
  }
  return arm_neon_probed() ? "arm neon=1 (hwcap)" : "arm neon=0 (hwcap)";
#elif defined(__mips__)
  return kMips32r2 ? "mips mips32r2=1 (compile-time)" : "mips mips32r2=0 (compile-time)";
#else
  return "generic (no assembly variants for this architecture)";
#endif
}

}  // namespace cpu
}  // namespace petrel
