// The process-wide DRBG behind random_bytes(): HMAC_DRBG-SHA256 (SP 800-90A 10.1.2) seeded
// from OsEntropySource with 32 bytes of entropy and a 16-byte nonce; personalization is the pid
// and a label. Reseeded every kReseedRequests calls and whenever getpid() changes (fork). In a
// PETREL_FUZZING build the seed is a fixed constant and the OS is never asked.
#include "crypto/rand/random.h"

#include <cstdint>
#include <cstring>
#include <pthread.h>

#include <sys/types.h>
#include <unistd.h>

#include "crypto/rand/entropy.h"
#include "crypto/rand/hmac_drbg.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

#if defined(PETREL_FUZZING)
constexpr bool kDeterministic = true;
#else
constexpr bool kDeterministic = false;
#endif

struct GlobalRng {
  HmacDrbg drbg;
  pid_t pid = 0;
  size_t requests = 0;
  bool seeded = false;
};

// A libc mutex rather than std::mutex: std::mutex::lock() reports errors by throwing, and the
// library has no exceptions (tests/build checks for __throw_system_error).
pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

class LockGuard final {
 public:
  explicit LockGuard(pthread_mutex_t* m) noexcept : m_mutex(m), m_locked(pthread_mutex_lock(m) == 0) {}
  ~LockGuard() {
    if (m_locked) {
      pthread_mutex_unlock(m_mutex);
    }
  }
  LockGuard(const LockGuard&) = delete;
  LockGuard& operator=(const LockGuard&) = delete;
  bool locked() const noexcept { return m_locked; }

 private:
  pthread_mutex_t* m_mutex;
  bool m_locked;
};

// At namespace scope, not a function-local static: its members are constant-initialized, so
// nothing runs before first use either way, and a function-local static would make the compiler
// guard it with __cxa_guard_acquire, which pulls libstdc++'s exception machinery and demangler
// into every static link (35.8 KB on Thumb-2, scripts/footprint). The destructor (wiping the
// DRBG state) runs at exit as before.
GlobalRng g_rng;

GlobalRng& global() noexcept { return g_rng; }

// Fills entropy (and nonce) for (re)seeding: from the OS, or a fixed pattern when fuzzing.
Status seed_material(MutableBytes out) noexcept {
  if (kDeterministic) {
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = static_cast<uint8_t>(0xa5 ^ i);
    }
    return Status::ok;
  }
  OsEntropySource os;
  return os.get_entropy(out);
}

Status seed_locked(GlobalRng& g, pid_t pid) noexcept {
  uint8_t material[HmacDrbg::kMinEntropyBytes + 16];
  uint8_t pers[4 + 16];
  // The pid separates parent and child streams; a fuzzing build keeps every process identical.
  store_be32(pers, kDeterministic ? 0u : static_cast<uint32_t>(pid));
  std::memcpy(pers + 4, "petrel rng v1   ", 16);
  Status s = seed_material(MutableBytes(material, sizeof(material)));
  if (s == Status::ok) {
    const ByteView entropy(material, HmacDrbg::kMinEntropyBytes);
    const ByteView nonce(material + HmacDrbg::kMinEntropyBytes, 16);
    if (!g.seeded) {
      s = g.drbg.instantiate(entropy, nonce, ByteView(pers, sizeof(pers)));
    } else {
      s = g.drbg.reseed(entropy, ByteView(pers, sizeof(pers)));
    }
  }
  secure_wipe(material, sizeof(material));
  if (s == Status::ok) {
    g.seeded = true;
    g.pid = pid;
    g.requests = 0;
  }
  return s;
}

}  // namespace

bool random_is_deterministic() noexcept { return kDeterministic; }

Status random_bytes(MutableBytes out) noexcept {
  GlobalRng& g = global();
  LockGuard guard(&g_lock);
  if (!guard.locked()) {
    secure_wipe(out.data(), out.size());
    return Status::rng_failure;
  }
  const pid_t pid = getpid();
  Status s = Status::ok;
  if (!g.seeded || (!kDeterministic && (g.pid != pid || g.requests >= kReseedRequests))) {
    s = seed_locked(g, pid);
  }
  size_t done = 0;
  while (s == Status::ok && done < out.size()) {
    size_t take = out.size() - done;
    if (take > HmacDrbg::kMaxRequestBytes) {
      take = HmacDrbg::kMaxRequestBytes;
    }
    s = g.drbg.generate(out.subspan(done, take));
    if (s == Status::rng_failure) {  // DRBG's own interval reached: reseed and retry
      s = seed_locked(g, pid);
      continue;
    }
    done += take;
  }
  g.requests++;
  if (s != Status::ok && out.size() != 0) {
    secure_wipe(out.data(), out.size());
    return Status::rng_failure;
  }
  return s;
}

}  // namespace petrel
