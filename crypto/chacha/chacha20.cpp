// ChaCha20 (RFC 8439 sections 2.1-2.4): the table of implementations (crypto/util/variant.h),
// the portable C++ one, and the streaming front end. The implementation is chosen once in
// ChaCha20::init; variants that a build lacks are listed with null ops (not available).
//
// "portable" is constant-time: the block function is additions, xors and fixed rotations on
// 32-bit words; no table lookup and no branch depends on the key, the nonce or the data
// (lengths and the counter are public). The assembly variants say the same in their headers.
#include "crypto/chacha/chacha20.h"

#include <cstring>

#include "crypto/chacha/chacha20_internal.h"
#include "crypto/cpu/cpu.h"
#include "crypto/util/endian.h"
#include "crypto/util/variant.h"
#include "crypto/util/wipe.h"

namespace petrel {
namespace {

inline void quarter_round(uint32_t* x, int a, int b, int c, int d) noexcept {
  x[a] += x[b];
  x[d] = rotl32(x[d] ^ x[a], 16);
  x[c] += x[d];
  x[b] = rotl32(x[b] ^ x[c], 12);
  x[a] += x[b];
  x[d] = rotl32(x[d] ^ x[a], 8);
  x[c] += x[d];
  x[b] = rotl32(x[b] ^ x[c], 7);
}

// state: the 16-word input (section 2.3); out: the serialized block.
void block(uint8_t out[kChaCha20BlockSize], const uint32_t state[16]) noexcept {
  uint32_t x[16];
  for (int i = 0; i < 16; i++) {
    x[i] = state[i];
  }
  for (int round = 0; round < 10; round++) {
    quarter_round(x, 0, 4, 8, 12);
    quarter_round(x, 1, 5, 9, 13);
    quarter_round(x, 2, 6, 10, 14);
    quarter_round(x, 3, 7, 11, 15);
    quarter_round(x, 0, 5, 10, 15);
    quarter_round(x, 1, 6, 11, 12);
    quarter_round(x, 2, 7, 8, 13);
    quarter_round(x, 3, 4, 9, 14);
  }
  for (int i = 0; i < 16; i++) {
    store_le32(out + 4 * i, x[i] + state[i]);
  }
  secure_wipe(x, sizeof(x));
}

void setup(uint32_t state[16], const uint8_t* key, uint32_t counter, const uint8_t* nonce) noexcept {
  state[0] = 0x61707865u;
  state[1] = 0x3320646eu;
  state[2] = 0x79622d32u;
  state[3] = 0x6b206574u;
  for (int i = 0; i < 8; i++) {
    state[4 + i] = load_le32(key + 4 * i);
  }
  state[12] = counter;
  for (int i = 0; i < 3; i++) {
    state[13 + i] = load_le32(nonce + 4 * i);
  }
}

using chacha_detail::ChaCha20Ops;

constexpr ChaCha20Ops kPortableOps = {petrel_chacha20_blocks_portable};
#if defined(PETREL_ASM_ARM)
constexpr ChaCha20Ops kArmv4Ops = {petrel_chacha20_blocks_armv4};
constexpr const ChaCha20Ops* armv4_ops() noexcept { return &kArmv4Ops; }
#else
constexpr const ChaCha20Ops* armv4_ops() noexcept { return nullptr; }  // stub: not in this build
#endif
#if defined(PETREL_ASM_ARM_NEON)
constexpr ChaCha20Ops kArmv7NeonOps = {petrel_chacha20_blocks_armv7_neon};
constexpr const ChaCha20Ops* armv7_neon_ops() noexcept { return &kArmv7NeonOps; }
#else
constexpr const ChaCha20Ops* armv7_neon_ops() noexcept { return nullptr; }  // stub
#endif
bool neon_ok() { return cpu::arm_neon(); }

// The table: name, old name (none), constant-time, ops (nullptr: a stub), CPU check. Table order
// is the order of chacha20_impls_available(); the default is the last available row.
constexpr Variant<ChaCha20Impl, ChaCha20Ops> kImpls[] = {
    {ChaCha20Impl::portable, "portable", nullptr, true, &kPortableOps, nullptr},
    {ChaCha20Impl::armv4, "armv4", nullptr, true, armv4_ops(), nullptr},
    {ChaCha20Impl::armv7_neon, "armv7-neon", nullptr, true, armv7_neon_ops(), neon_ok},
};

}  // namespace
}  // namespace petrel

extern "C" void petrel_chacha20_blocks_portable(uint8_t* out, const uint8_t* in, size_t nblocks,
                                                const uint32_t state[16]) noexcept {
  uint32_t st[16];
  for (int i = 0; i < 16; i++) {
    st[i] = state[i];
  }
  uint8_t ks[petrel::kChaCha20BlockSize];
  for (size_t b = 0; b < nblocks; b++) {
    petrel::block(ks, st);
    st[12]++;
    for (size_t j = 0; j < petrel::kChaCha20BlockSize; j++) {
      out[j] = static_cast<uint8_t>(in[j] ^ ks[j]);
    }
    out += petrel::kChaCha20BlockSize;
    in += petrel::kChaCha20BlockSize;
  }
  petrel::secure_wipe(ks, sizeof(ks));
  petrel::secure_wipe(st, sizeof(st));
}

namespace petrel {

const char* chacha20_impl_name(ChaCha20Impl impl) noexcept { return variant::name(kImpls, impl); }
bool chacha20_impl_is_constant_time(ChaCha20Impl impl) noexcept {
  return variant::is_constant_time(kImpls, impl);
}
bool chacha20_impl_available(ChaCha20Impl impl) noexcept {
  return variant::available(kImpls, impl);
}
Status chacha20_impl_from_name(ChaCha20Impl* out, const char* name) noexcept {
  return variant::from_name(kImpls, out, name);
}
size_t chacha20_impls_available(ChaCha20Impl* out, size_t max) noexcept {
  return variant::list_available(kImpls, out, max);
}
size_t chacha20_impls_listed(ChaCha20Impl* out, size_t max) noexcept {
  return variant::list_all(kImpls, out, max);
}
ChaCha20Impl chacha20_default_impl() noexcept {
  ChaCha20Impl best = ChaCha20Impl::portable;
  for (const Variant<ChaCha20Impl, ChaCha20Ops>& v : kImpls) {
    if (v.available()) {
      best = v.id;
    }
  }
  return best;
}

Status chacha20_block_impl(uint8_t out[kChaCha20BlockSize], const uint8_t key[kChaCha20KeySize],
                           uint32_t counter, const uint8_t nonce[kChaCha20NonceSize],
                           ChaCha20Impl impl) noexcept {
  const ChaCha20Ops* ops = variant::ops(kImpls, impl);
  if (ops == nullptr) {
    return variant::find(kImpls, impl) != nullptr ? Status::not_available : Status::unsupported;
  }
  uint32_t state[16];
  setup(state, key, counter, nonce);
  std::memset(out, 0, kChaCha20BlockSize);
  ops->blocks(out, out, 1, state);
  secure_wipe(state, sizeof(state));
  return Status::ok;
}

void chacha20_block(uint8_t out[kChaCha20BlockSize], const uint8_t key[kChaCha20KeySize],
                    uint32_t counter, const uint8_t nonce[kChaCha20NonceSize]) noexcept {
  uint32_t state[16];
  setup(state, key, counter, nonce);
  block(out, state);
  secure_wipe(state, sizeof(state));
}

ChaCha20::~ChaCha20() { clear(); }

void ChaCha20::clear() noexcept {
  secure_wipe(m_state, sizeof(m_state));
  secure_wipe(m_stream, sizeof(m_stream));
  m_stream_used = kChaCha20BlockSize;
  m_blocks_left = 0;
  m_blocks = nullptr;
  m_set = false;
}

Status ChaCha20::init(ByteView key, ByteView nonce, uint32_t counter, ChaCha20Impl impl) noexcept {
  clear();
  const ChaCha20Ops* ops = variant::ops(kImpls, impl);
  if (ops == nullptr) {
    return variant::find(kImpls, impl) != nullptr ? Status::not_available : Status::unsupported;
  }
  if (key.size() != kChaCha20KeySize || key.data() == nullptr) {
    return Status::bad_key_length;
  }
  if (nonce.size() != kChaCha20NonceSize || nonce.data() == nullptr) {
    return Status::bad_iv_length;
  }
  setup(m_state, key.data(), counter, nonce.data());
  m_blocks_left = (uint64_t{1} << 32) - counter;
  m_blocks = ops->blocks;
  m_impl = impl;
  m_set = true;
  return Status::ok;
}

Status ChaCha20::crypt(MutableBytes out, ByteView in) noexcept {
  if (!m_set) {
    return Status::invalid_argument;
  }
  const size_t n = in.size();
  if (out.size() < n || (n != 0 && (out.data() == nullptr || in.data() == nullptr))) {
    return Status::invalid_argument;
  }
  // Blocks this call must generate beyond the buffered keystream; refuse to wrap the counter.
  const size_t buffered = kChaCha20BlockSize - m_stream_used;
  if (n > buffered) {
    const uint64_t need = (static_cast<uint64_t>(n - buffered) + kChaCha20BlockSize - 1) /
                          kChaCha20BlockSize;
    if (need > m_blocks_left) {
      return Status::invalid_argument;
    }
  }
  uint8_t* o = out.data();
  const uint8_t* p = in.data();
  size_t i = 0;
  while (i < n && m_stream_used < kChaCha20BlockSize) {
    o[i] = static_cast<uint8_t>(p[i] ^ m_stream[m_stream_used++]);
    i++;
  }
  // Whole blocks straight from the implementation (the counter cannot wrap: checked above).
  const size_t whole = (n - i) / kChaCha20BlockSize;
  if (whole != 0) {
    m_blocks(o + i, p + i, whole, m_state);
    m_state[12] += static_cast<uint32_t>(whole);
    m_blocks_left -= whole;
    i += whole * kChaCha20BlockSize;
  }
  if (i < n) {
    std::memset(m_stream, 0, sizeof(m_stream));
    m_blocks(m_stream, m_stream, 1, m_state);  // the keystream of one block
    m_state[12]++;
    m_blocks_left--;
    m_stream_used = 0;
    while (i < n) {
      o[i] = static_cast<uint8_t>(p[i] ^ m_stream[m_stream_used++]);
      i++;
    }
  }
  return Status::ok;
}

Status chacha20_xor(MutableBytes out, ByteView key, ByteView nonce, uint32_t counter,
                    ByteView in) noexcept {
  return chacha20_xor(out, key, nonce, counter, in, chacha20_default_impl());
}

Status chacha20_xor(MutableBytes out, ByteView key, ByteView nonce, uint32_t counter,
                    ByteView in, ChaCha20Impl impl) noexcept {
  ChaCha20 c;
  Status s = c.init(key, nonce, counter, impl);
  if (s != Status::ok) {
    return s;
  }
  return c.crypt(out, in);
}

}  // namespace petrel
