// Tests of crypto/cpu: the probe's answers against an independent statement of what the CPU
// has: the qemu CPU model a cross build's tests run under (cortex-a7 has NEON, arm926 does not;
// from the ARM Technical Reference Manuals: Cortex-A7 MPCore TRM, ARM926EJ-S TRM), or the
// kernel's own /proc/cpuinfo "Features" line on a native ARM machine.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "crypto/cpu/cpu.h"

namespace {

#if defined(__arm__)
// qemu-arm CPU models and whether they implement Advanced SIMD.
struct ArmModel {
  const char* name;
  bool neon;
};
constexpr ArmModel kArmModels[] = {
    {"arm926", false},     {"arm946", false},     {"arm1026", false},   {"arm1136", false},
    {"arm1136-r2", false}, {"arm1176", false},    {"arm11mpcore", false}, {"pxa250", false},
    {"pxa270", false},     {"sa1100", false},     {"ti925t", false},    {"cortex-m3", false},
    {"cortex-a7", true},   {"cortex-a8", true},   {"cortex-a9", true},  {"cortex-a15", true},
    {"max", true},
};

// "Features" flags of /proc/cpuinfo (empty if there is no such line: not an ARM kernel).
std::set<std::string> cpuinfo_features() {
  std::ifstream f("/proc/cpuinfo");
  std::string line;
  std::set<std::string> out;
  while (std::getline(f, line)) {
    if (line.rfind("Features", 0) == 0) {
      std::istringstream in(line.substr(line.find(':') + 1));
      std::string w;
      while (in >> w) {
        out.insert(w);
      }
      break;
    }
  }
  return out;
}
#endif

// The CPU model the test runs under: PETREL_QEMU_CPU from the environment (a test that runs the
// same binary under another model, tests/cpu/tests.cmake), else the toolchain's.
std::string qemu_model() {
  const char* env = std::getenv("PETREL_QEMU_CPU");
  return env != nullptr ? std::string(env) : std::string(PETREL_TEST_QEMU_CPU);
}

TEST(Cpu, NeonMatchesTheCpu) {
  const std::string model = qemu_model();
  std::printf("[ cpu      ] %s; qemu model '%s'\n", petrel::cpu::describe(), model.c_str());
#if defined(__arm__)
  bool expect = false;
  if (!model.empty()) {
    bool known = false;
    for (const ArmModel& m : kArmModels) {
      if (model == m.name) {
        known = true;
        expect = m.neon;
      }
    }
    ASSERT_TRUE(known) << "qemu CPU model '" << model << "' is not in the test's list";
  } else {
    const std::set<std::string> f = cpuinfo_features();
    ASSERT_FALSE(f.empty()) << "no Features line in /proc/cpuinfo";
    expect = f.count("neon") != 0;
  }
  // The HWCAP probe alone, and the answer dispatch uses (a constant where -mfpu=neon says so).
  EXPECT_EQ(petrel::cpu::arm_neon_probed(), expect);
  EXPECT_EQ(petrel::cpu::arm_neon(), expect);
#if defined(__ARM_NEON) || defined(__ARM_NEON__)
  EXPECT_TRUE(petrel::cpu::arm_neon_is_constant());
#else
  EXPECT_FALSE(petrel::cpu::arm_neon_is_constant());
#endif
#else
  // Not ARM: no NEON, whatever the host.
  EXPECT_FALSE(petrel::cpu::arm_neon());
  EXPECT_FALSE(petrel::cpu::arm_neon_probed());
#endif
}

TEST(Cpu, Mips32r2MatchesTheCpu) {
#if defined(__mips__)
  const std::string model = qemu_model();
  // qemu's 24Kc/24Kf/34Kf/74Kf/M14K are MIPS32 Release 2, 4Kc/4Km/4KEcR1 Release 1.
  const std::set<std::string> r2 = {"24Kc", "24KEc", "24Kf", "34Kf", "74Kf", "M14K", "M14Kc"};
  if (!model.empty()) {
    EXPECT_EQ(petrel::cpu::mips32r2(), r2.count(model) != 0) << model;
  } else {
    GTEST_SKIP() << "native MIPS: the build's -march decides";
  }
#else
  EXPECT_FALSE(petrel::cpu::mips32r2());
#endif
}

}  // namespace
