// Replay harness: runs petrel_fuzz_one over every file named on the command line, and every file
// in every directory named (sorted, so runs are reproducible). Used by CTest for all presets.
// Fails if no input was found; a failed property aborts the process.
//
// 64-bit file offsets and inode numbers on 32-bit targets: without this, readdir() under
// qemu-user on a host filesystem with large inode numbers fails with EOVERFLOW.
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz/driver.h"

#ifndef PETREL_FUZZ_TARGET
#define PETREL_FUZZ_TARGET "fuzz"
#endif

namespace {

bool read_file(const std::string& path, std::vector<uint8_t>* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return false;
  }
  uint8_t buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    out->insert(out->end(), buf, buf + n);
  }
  std::fclose(f);
  return true;
}

void collect(const std::string& path, std::vector<std::string>* files) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    std::fprintf(stderr, "cannot stat %s\n", path.c_str());
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    files->push_back(path);
    return;
  }
  DIR* d = opendir(path.c_str());
  if (d == nullptr) {
    return;
  }
  std::vector<std::string> names;
  for (;;) {
    errno = 0;
    struct dirent* e = readdir(d);
    if (e == nullptr) {
      if (errno != 0) {
        std::fprintf(stderr, "readdir %s: error %d\n", path.c_str(), errno);
      }
      break;
    }
    const std::string name = e->d_name;
    if (name != "." && name != "..") {
      names.push_back(path + "/" + name);
    }
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    collect(n, files);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; i++) {
    collect(argv[i], &files);
  }
  size_t ran = 0;
  for (const std::string& f : files) {
    std::vector<uint8_t> data;
    if (!read_file(f, &data)) {
      std::fprintf(stderr, "cannot read %s\n", f.c_str());
      return 1;
    }
    // An empty vector's data() may be null; give the target a valid pointer as libFuzzer does.
    static const uint8_t kEmpty[1] = {0};
    petrel_fuzz_one(data.empty() ? kEmpty : data.data(), data.size());
    ran++;
  }
  // The empty input, always.
  static const uint8_t kNone[1] = {0};
  petrel_fuzz_one(kNone, 0);
  std::printf("[ replay   ] %s: %zu corpus inputs\n", PETREL_FUZZ_TARGET, ran);
  if (ran == 0) {
    std::fprintf(stderr, "no corpus inputs found\n");
    return 1;
  }
  return 0;
}
