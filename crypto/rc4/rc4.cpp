// RC4 (ARCFOUR; the algorithm as described in RFC 6229 section 1 / "Applied Cryptography").
// LEGACY and broken (RFC 7465 prohibits it in TLS): kept only for old provisioning servers.
// NOT constant-time: the state is a 256-byte table indexed by secret values, by design of the
// cipher, in every variant. This file holds the variant table (crypto/util/variant.h), the key
// schedule shared by all variants, and the portable keystream loop "c" (unrolled four-fold with
// the indices kept in registers).
#include "crypto/rc4/rc4.h"

#include "crypto/rc4/rc4_internal.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

extern "C" void petrel_rc4_crypt_c(uint8_t* state, uint8_t* out, const uint8_t* in,
                                   size_t len) noexcept {
  uint8_t* s = state;
  unsigned i = state[256];
  unsigned j = state[257];
  const uint8_t* src = in;
  uint8_t* dst = out;
  size_t n = len;

#define PETREL_RC4_BYTE(k)                              \
  do {                                                  \
    i = (i + 1) & 0xff;                                 \
    const unsigned ti_ = s[i];                          \
    j = (j + ti_) & 0xff;                               \
    const unsigned tj_ = s[j];                          \
    s[i] = static_cast<uint8_t>(tj_);                   \
    s[j] = static_cast<uint8_t>(ti_);                   \
    dst[k] = static_cast<uint8_t>(src[k] ^ s[(ti_ + tj_) & 0xff]); \
  } while (0)

  while (n >= 4) {
    PETREL_RC4_BYTE(0);
    PETREL_RC4_BYTE(1);
    PETREL_RC4_BYTE(2);
    PETREL_RC4_BYTE(3);
    src += 4;
    dst += 4;
    n -= 4;
  }
  while (n > 0) {
    PETREL_RC4_BYTE(0);
    src++;
    dst++;
    n--;
  }
#undef PETREL_RC4_BYTE

  state[256] = static_cast<uint8_t>(i);
  state[257] = static_cast<uint8_t>(j);
}

namespace petrel {
namespace {

using rc4_detail::Rc4Ops;

constexpr Rc4Ops kCOps = {petrel_rc4_crypt_c};
// The assembly row: built where cmake/PetrelSources.cmake adds crypto/rc4/mips/r2/ and the
// compiler targets MIPS32r2 O32 (the guard of the .S file); elsewhere a stub.
#if defined(PETREL_ASM_MIPS32R2) && defined(__mips_isa_rev) && __mips_isa_rev >= 2 && \
    __mips_isa_rev < 6 && defined(_ABIO32) && _MIPS_SIM == _ABIO32
constexpr Rc4Ops kMips32r2Ops = {petrel_rc4_crypt_mips32r2};
constexpr const Rc4Ops* mips32r2_ops() noexcept { return &kMips32r2Ops; }
#else
constexpr const Rc4Ops* mips32r2_ops() noexcept { return nullptr; }
#endif
// Built where cmake/PetrelSources.cmake adds crypto/rc4/arm/ and the compiler targets
// little-endian ARM state (the guard of rc4_armv4.S); elsewhere a stub.
#if defined(PETREL_ASM_ARM) && defined(__ARM_ARCH_ISA_ARM) && defined(__ARMEL__)
constexpr Rc4Ops kArmv4Ops = {petrel_rc4_crypt_armv4};
constexpr const Rc4Ops* armv4_ops() noexcept { return &kArmv4Ops; }
#else
constexpr const Rc4Ops* armv4_ops() noexcept { return nullptr; }
#endif

// The table: name, old name (none), constant-time (none is), ops, CPU check. Fastest first
// (scripts/perf-table rc4 on mipsel, armel, armhf: README), which makes the first available the
// default. At most one assembly row is in any build.
constexpr Variant<Rc4Impl, Rc4Ops> kImpls[] = {
    {Rc4Impl::mips32r2, "mips32r2", nullptr, false, mips32r2_ops(), nullptr},
    {Rc4Impl::armv4, "armv4", nullptr, false, armv4_ops(), nullptr},
    {Rc4Impl::c, "c", nullptr, false, &kCOps, nullptr},
};

}  // namespace

const char* rc4_impl_name(Rc4Impl impl) noexcept { return variant::name(kImpls, impl); }
bool rc4_impl_is_constant_time(Rc4Impl impl) noexcept {
  return variant::is_constant_time(kImpls, impl);
}
bool rc4_impl_available(Rc4Impl impl) noexcept { return variant::available(kImpls, impl); }
Status rc4_impl_from_name(Rc4Impl* out, const char* name) noexcept {
  return variant::from_name(kImpls, out, name);
}
size_t rc4_impls_available(Rc4Impl* out, size_t max) noexcept {
  return variant::list_available(kImpls, out, max);
}
size_t rc4_impls_listed(Rc4Impl* out, size_t max) noexcept {
  return variant::list_all(kImpls, out, max);
}
Rc4Impl rc4_default_impl() noexcept {
  Rc4Impl first = Rc4Impl::c;  // "c" is in every build
  (void)variant::list_available(kImpls, &first, 1);
  return first;
}

Rc4::~Rc4() { clear(); }

void Rc4::clear() noexcept {
  secure_wipe(m_state, sizeof(m_state));
  m_crypt = nullptr;
}

Status Rc4::init(ByteView key) noexcept { return init(key, rc4_default_impl()); }

Status Rc4::init(ByteView key, Rc4Impl impl) noexcept {
  static_assert(sizeof(m_state) == rc4_detail::kStateBytes, "state layout of rc4_internal.h");
  clear();
  const Rc4Ops* ops = variant::ops(kImpls, impl);
  if (ops == nullptr) {
    return variant::find(kImpls, impl) != nullptr ? Status::not_available
                                                   : Status::invalid_argument;
  }
  if (key.size() < 5 || key.size() > 256) {
    return Status::bad_key_length;
  }
  uint8_t* s = m_state;
  for (size_t i = 0; i < 256; i++) {
    s[i] = static_cast<uint8_t>(i);
  }
  const size_t klen = key.size();
  size_t k = 0;
  uint8_t j = 0;
  for (size_t i = 0; i < 256; i++) {
    const uint8_t t = s[i];
    j = static_cast<uint8_t>(j + t + key[k]);
    s[i] = s[j];
    s[j] = t;
    if (++k == klen) {  // branch on the public key length only
      k = 0;
    }
  }
  m_state[256] = 0;
  m_state[257] = 0;
  m_impl = impl;
  m_crypt = ops->crypt;
  return Status::ok;
}

Status Rc4::crypt(MutableBytes out, ByteView in) noexcept {
  if (m_crypt == nullptr) {
    return Status::invalid_argument;
  }
  if (out.size() < in.size()) {
    return Status::buffer_too_small;
  }
  if (!in.empty()) {
    m_crypt(m_state, out.data(), in.data(), in.size());
  }
  return Status::ok;
}

}  // namespace petrel
