// OS entropy: getrandom(2) (Linux >= 3.17) with flags 0, i.e. blocking only until the kernel
// pool is first initialized; if the kernel returns ENOSYS, /dev/urandom. Both loops retry on
// EINTR and continue after short reads. On any failure the output is zeroed and rng_failure is
// returned, so a caller can never mistake a partial buffer for random bytes.
#include "crypto/rand/entropy.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "crypto/util/wipe.h"

namespace petrel {

namespace {

// Returns 1 on success, 0 on failure, -1 if the syscall does not exist.
int fill_getrandom(uint8_t* p, size_t n) noexcept {
#if defined(SYS_getrandom)
  while (n > 0) {
    // Requests above 256 bytes may be cut short; ask for at most 256 per call.
    const size_t want = n < 256 ? n : 256;
    const long r = syscall(SYS_getrandom, p, want, 0);
    if (r < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno == ENOSYS ? -1 : 0;
    }
    if (r == 0) {
      return 0;
    }
    p += r;
    n -= static_cast<size_t>(r);
  }
  return 1;
#else
  (void)p;
  (void)n;
  return -1;
#endif
}

int fill_urandom(uint8_t* p, size_t n) noexcept {
  int fd;
  do {
    fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    return 0;
  }
  int ok = 1;
  while (n > 0) {
    const ssize_t r = read(fd, p, n);
    if (r < 0) {
      if (errno == EINTR) {
        continue;
      }
      ok = 0;
      break;
    }
    if (r == 0) {
      ok = 0;
      break;
    }
    p += r;
    n -= static_cast<size_t>(r);
  }
  close(fd);
  return ok;
}

}  // namespace

Status OsEntropySource::get_entropy(MutableBytes out) noexcept {
  if (out.empty()) {
    return Status::invalid_argument;
  }
  const int saved_errno = errno;
  int r = fill_getrandom(out.data(), out.size());
  if (r < 0) {
    r = fill_urandom(out.data(), out.size());
  }
  errno = saved_errno;
  if (r != 1) {
    secure_wipe(out.data(), out.size());
    return Status::rng_failure;
  }
  return Status::ok;
}

}  // namespace petrel
