// The process-wide DRBG behind random_bytes(): HMAC_DRBG-SHA256 (SP 800-90A 10.1.2) seeded
// from OsEntropySource with 32 bytes of entropy and a 16-byte nonce; personalization is the pid
// and a label. Reseeded every kReseedRequests calls and whenever getpid() changes (fork). In a
// PETREL_FUZZING build the seed is a fixed constant and the OS is never asked.
#include "crypto/rand/random.h"

#include <cstdint>
#include <cstring>
#include <mutex>

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
  std::mutex lock;
  HmacDrbg drbg;
  pid_t pid = 0;
  size_t requests = 0;
  bool seeded = false;
};

GlobalRng& global() noexcept {
  static GlobalRng g;  // constant-initialized members; no allocation
  return g;
}

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
  std::lock_guard<std::mutex> guard(g.lock);
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
