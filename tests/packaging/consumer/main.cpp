// Calls a little of Petrel's API through the installed (or add_subdirectory) package and checks
// the results, so a link that "works" but yields nothing usable still fails.
#include <cstdio>
#include <cstring>

#include "crypto/util/status.h"
#include "crypto/util/wipe.h"

int main() {
  unsigned char secret[32];
  std::memset(secret, 0xa5, sizeof(secret));
  petrel::secure_wipe(secret, sizeof(secret));
  for (size_t i = 0; i < sizeof(secret); i++) {
    if (secret[i] != 0) {
      std::fprintf(stderr, "secure_wipe left byte %zu\n", i);
      return 1;
    }
  }
  const char* name = petrel::status_name(petrel::Status::bad_padding);
  if (std::strcmp(name, "bad_padding") != 0) {
    std::fprintf(stderr, "status_name returned \"%s\"\n", name);
    return 1;
  }
  std::printf("petrel consumer OK (%s): status_name -> %s\n", PETREL_CONSUMER_MODE_NAME, name);
  return 0;
}
