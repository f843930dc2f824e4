// AES (FIPS 197): the table of implementations, their names, and AesKey set-up.
// The implementation is chosen once in AesKey::init through a plain chain (aes_ops); variants that
// a build lacks are listed with null ops and reported as not available.
#include "crypto/aes/aes.h"

#include <cstring>

#include "crypto/aes/aes_internal.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

struct ImplInfo {
  AesImpl impl;
  const char* name;
  bool constant_time;
};

// Fixed order: the order of aes_impls_available().
constexpr ImplInfo kImpls[] = {
    {AesImpl::ct, "ct", true},
    {AesImpl::table, "table", false},
};

const ImplInfo* find_info(AesImpl impl) noexcept {
  for (const ImplInfo& info : kImpls) {
    if (info.impl == impl) {
      return &info;
    }
  }
  return nullptr;
}

// The dispatch chain. Hand-optimized variants slot in here; a variant missing from the build
// returns nullptr from its own stub rather than being left out by the preprocessor.
const aes_detail::AesOps* aes_ops(AesImpl impl) noexcept {
  if (impl == AesImpl::ct) {
    return &aes_detail::kAesCtOps;
  }
  if (impl == AesImpl::table) {
    return &aes_detail::kAesTableOps;
  }
  return nullptr;
}

}  // namespace

const char* aes_impl_name(AesImpl impl) noexcept {
  const ImplInfo* info = find_info(impl);
  return info != nullptr ? info->name : "unknown";
}

bool aes_impl_is_constant_time(AesImpl impl) noexcept {
  const ImplInfo* info = find_info(impl);
  return info != nullptr && info->constant_time;
}

bool aes_impl_available(AesImpl impl) noexcept { return aes_ops(impl) != nullptr; }

Status aes_impl_from_name(AesImpl* out, const char* name) noexcept {
  if (out == nullptr || name == nullptr) {
    return Status::invalid_argument;
  }
  for (const ImplInfo& info : kImpls) {
    if (std::strcmp(info.name, name) == 0) {
      if (!aes_impl_available(info.impl)) {
        return Status::not_available;
      }
      *out = info.impl;
      return Status::ok;
    }
  }
  return Status::unsupported;
}

size_t aes_impls_available(AesImpl* out, size_t max) noexcept {
  size_t n = 0;
  for (const ImplInfo& info : kImpls) {
    if (aes_impl_available(info.impl)) {
      if (out != nullptr && n < max) {
        out[n] = info.impl;
      }
      n++;
    }
  }
  return n;
}

AesKey::~AesKey() { clear(); }

void AesKey::clear() noexcept {
  secure_wipe(m_schedule, sizeof(m_schedule));
  m_encrypt = nullptr;
  m_decrypt = nullptr;
  m_key_bits = 0;
  m_rounds = 0;
}

Status AesKey::init(ByteView key, AesImpl impl) noexcept {
  clear();
  const aes_detail::AesOps* ops = aes_ops(impl);
  if (ops == nullptr) {
    return find_info(impl) != nullptr ? Status::not_available : Status::invalid_argument;
  }
  unsigned rounds = 0;
  if (key.size() == 16) {
    rounds = 10;
  } else if (key.size() == 24) {
    rounds = 12;
  } else if (key.size() == 32) {
    rounds = 14;
  } else {
    return Status::bad_key_length;
  }
  if (key.data() == nullptr) {
    return Status::invalid_argument;
  }
  ops->expand(m_schedule, key.data(), key.size(), rounds);
  m_rounds = rounds;
  m_key_bits = key.size() * 8;
  m_impl = impl;
  m_encrypt = ops->encrypt;
  m_decrypt = ops->decrypt;
  return Status::ok;
}

}  // namespace petrel
