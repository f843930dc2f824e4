// libFuzzer entry: forwards to the target's petrel_fuzz_one (fuzz/driver.h).
#include "fuzz/driver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return petrel_fuzz_one(data, size);
}
