// Built only by tests/rand/tests.cmake, with crypto/rand/random.cpp compiled in again under
// PETREL_FUZZING: random_bytes() must be deterministic (two fresh processes agree) and must
// not depend on the pid.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "crypto/rand/random.h"
#include "tests/common/file_test.h"

using namespace petrel;

TEST(RandomBytesFuzzing, DeterministicAcrossProcesses) {
  ASSERT_TRUE(random_is_deterministic());
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();  // before any call: both processes start from scratch
  ASSERT_GE(child, 0);
  if (child == 0) {
    uint8_t buf[64];
    const bool ok = random_bytes(MutableBytes(buf)) == Status::ok;
    const ssize_t w = write(fds[1], buf, sizeof(buf));
    _exit(ok && w == static_cast<ssize_t>(sizeof(buf)) ? 0 : 1);
  }
  close(fds[1]);
  uint8_t mine[64];
  ASSERT_EQ(random_bytes(MutableBytes(mine)), Status::ok);
  uint8_t theirs[64] = {};
  size_t got = 0;
  while (got < sizeof(theirs)) {
    const ssize_t r = read(fds[0], theirs + got, sizeof(theirs) - got);
    if (r <= 0) {
      break;
    }
    got += static_cast<size_t>(r);
  }
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_EQ(got, sizeof(theirs));
  EXPECT_EQ(petrel_test::to_hex(mine, 64), petrel_test::to_hex(theirs, 64));
  uint8_t next[64];
  ASSERT_EQ(random_bytes(MutableBytes(next)), Status::ok);
  EXPECT_NE(petrel_test::to_hex(mine, 64), petrel_test::to_hex(next, 64));
}
