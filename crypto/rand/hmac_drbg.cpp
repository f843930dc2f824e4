// HMAC_DRBG with SHA-256, NIST SP 800-90A rev. 1 section 10.1.2:
//   Update (10.1.2.2), Instantiate (10.1.2.3), Reseed (10.1.2.4), Generate (10.1.2.5).
// Constant-time with respect to the state and inputs (branches only on public lengths).
#include "crypto/rand/hmac_drbg.h"

#include <cstring>

#include "crypto/mac/hmac.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

constexpr uint64_t kMaxReseedInterval = static_cast<uint64_t>(1) << 48;

}  // namespace

HmacDrbg::~HmacDrbg() { clear(); }

void HmacDrbg::clear() noexcept {
  secure_wipe(m_key, sizeof(m_key));
  secure_wipe(m_v, sizeof(m_v));
  m_reseed_counter = 0;
  m_set = false;
}

// HMAC_DRBG_Update(provided_data = a || b || c, Key, V).
void HmacDrbg::update(ByteView a, ByteView b, ByteView c) noexcept {
  const bool has_data = !a.empty() || !b.empty() || !c.empty();
  for (uint8_t round = 0; round < 2; round++) {
    const uint8_t sep = round;  // 0x00, then 0x01
    HmacCtx ctx;
    // init() cannot fail for SHA-256; the status is checked to honour [[nodiscard]].
    if (ctx.init(HashAlg::sha256, ByteView(m_key, kOutLen)) != Status::ok) {
      return;
    }
    ctx.update(ByteView(m_v, kOutLen));
    ctx.update(ByteView(&sep, 1));
    ctx.update(a);
    ctx.update(b);
    ctx.update(c);
    if (ctx.final(MutableBytes(m_key, kOutLen)) != Status::ok) {
      return;
    }
    if (hmac(HashAlg::sha256, MutableBytes(m_v, kOutLen), ByteView(m_key, kOutLen),
             ByteView(m_v, kOutLen)) != Status::ok) {
      return;
    }
    if (!has_data) {
      return;
    }
  }
}

Status HmacDrbg::instantiate(ByteView entropy, ByteView nonce,
                             ByteView personalization) noexcept {
  clear();
  if (entropy.size() < kMinEntropyBytes || entropy.size() > kMaxInputBytes ||
      nonce.size() > kMaxInputBytes || personalization.size() > kMaxInputBytes) {
    return Status::invalid_argument;
  }
  std::memset(m_key, 0x00, sizeof(m_key));
  std::memset(m_v, 0x01, sizeof(m_v));
  update(entropy, nonce, personalization);
  m_reseed_counter = 1;
  m_set = true;
  return Status::ok;
}

Status HmacDrbg::reseed(ByteView entropy, ByteView additional) noexcept {
  if (!m_set || entropy.size() < kMinEntropyBytes || entropy.size() > kMaxInputBytes ||
      additional.size() > kMaxInputBytes) {
    return Status::invalid_argument;
  }
  update(entropy, additional, ByteView());
  m_reseed_counter = 1;
  return Status::ok;
}

Status HmacDrbg::generate(MutableBytes out, ByteView additional) noexcept {
  Status s = Status::ok;
  if (!m_set || out.size() > kMaxRequestBytes || additional.size() > kMaxInputBytes) {
    s = Status::invalid_argument;
  } else if (m_reseed_counter > m_reseed_interval) {
    s = Status::rng_failure;  // reseed required
  }
  if (s != Status::ok) {
    if (out.size() != 0) {
      std::memset(out.data(), 0, out.size());
    }
    return s;
  }
  if (!additional.empty()) {
    update(additional, ByteView(), ByteView());
  }
  size_t done = 0;
  while (done < out.size()) {
    if (hmac(HashAlg::sha256, MutableBytes(m_v, kOutLen), ByteView(m_key, kOutLen),
             ByteView(m_v, kOutLen)) != Status::ok) {
      std::memset(out.data(), 0, out.size());
      return Status::internal_error;
    }
    size_t take = out.size() - done;
    if (take > kOutLen) {
      take = kOutLen;
    }
    std::memcpy(out.data() + done, m_v, take);
    done += take;
  }
  update(additional, ByteView(), ByteView());
  m_reseed_counter++;
  return Status::ok;
}

Status HmacDrbg::set_reseed_interval(uint64_t requests) noexcept {
  if (requests == 0 || requests > kMaxReseedInterval) {
    return Status::invalid_argument;
  }
  m_reseed_interval = requests;
  return Status::ok;
}

}  // namespace petrel
