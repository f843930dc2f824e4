// RC4 (ARCFOUR; the algorithm as described in RFC 6229 section 1 / "Applied Cryptography").
// LEGACY and broken (RFC 7465 prohibits it in TLS): kept only for old provisioning servers.
// NOT constant-time: the state is a 256-byte table indexed by secret values, by design of the
// cipher. The byte loop is unrolled four-fold with the indices kept in registers.
#include "crypto/rc4/rc4.h"

#include "crypto/util/wipe.h"

namespace petrel {

Rc4::~Rc4() { clear(); }

void Rc4::clear() noexcept {
  secure_wipe(m_s, sizeof(m_s));
  m_i = 0;
  m_j = 0;
  m_set = false;
}

Status Rc4::init(ByteView key) noexcept {
  clear();
  if (key.size() < 5 || key.size() > 256) {
    return Status::bad_key_length;
  }
  for (size_t i = 0; i < 256; i++) {
    m_s[i] = static_cast<uint8_t>(i);
  }
  const size_t klen = key.size();
  size_t k = 0;
  uint8_t j = 0;
  for (size_t i = 0; i < 256; i++) {
    const uint8_t t = m_s[i];
    j = static_cast<uint8_t>(j + t + key[k]);
    m_s[i] = m_s[j];
    m_s[j] = t;
    if (++k == klen) {  // branch on the public key length only
      k = 0;
    }
  }
  m_i = 0;
  m_j = 0;
  m_set = true;
  return Status::ok;
}

Status Rc4::crypt(MutableBytes out, ByteView in) noexcept {
  if (!m_set) {
    return Status::invalid_argument;
  }
  if (out.size() < in.size()) {
    return Status::buffer_too_small;
  }
  uint8_t* s = m_s;
  unsigned i = m_i;
  unsigned j = m_j;
  const uint8_t* src = in.data();
  uint8_t* dst = out.data();
  size_t n = in.size();

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

  m_i = static_cast<uint8_t>(i);
  m_j = static_cast<uint8_t>(j);
  return Status::ok;
}

}  // namespace petrel
