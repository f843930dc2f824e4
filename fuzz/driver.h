// The one entry point each fuzz target (fuzz/<target>.cpp) defines. fuzz/driver.cpp turns it
// into libFuzzer's LLVMFuzzerTestOneInput; fuzz/replay_main.cpp runs it over a corpus as an
// ordinary test (gcc, the cross toolchains under qemu). A target aborts (crashes) when a
// property it checks fails, so both harnesses report it.
#ifndef PETREL_FUZZ_DRIVER_H
#define PETREL_FUZZ_DRIVER_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

int petrel_fuzz_one(const uint8_t* data, size_t size);

// Property check for targets: aborts with a message (a crash to libFuzzer and to the replay).
#define PETREL_FUZZ_CHECK(cond)                                                  \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                              \
    }                                                                            \
  } while (0)

#endif  // PETREL_FUZZ_DRIVER_H
