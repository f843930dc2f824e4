// Hash dispatch: names, sizes, the streaming HashCtx and one-shot hash(). The algorithm choice
// is public; the data never steers a branch. See md5.cpp, sha1.cpp, sha256.cpp, sha512.cpp.
#include "crypto/hash/hash.h"

#include "crypto/util/wipe.h"

namespace petrel {

size_t hash_digest_size(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5: return 16;
    case HashAlg::sha1: return 20;
    case HashAlg::sha224: return 28;
    case HashAlg::sha256: return 32;
    case HashAlg::sha384: return 48;
    case HashAlg::sha512: return 64;
  }
  return 0;
}

size_t hash_block_size(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5:
    case HashAlg::sha1:
    case HashAlg::sha224:
    case HashAlg::sha256: return 64;
    case HashAlg::sha384:
    case HashAlg::sha512: return 128;
  }
  return 0;
}

const char* hash_name(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5: return "md5";
    case HashAlg::sha1: return "sha1";
    case HashAlg::sha224: return "sha224";
    case HashAlg::sha256: return "sha256";
    case HashAlg::sha384: return "sha384";
    case HashAlg::sha512: return "sha512";
  }
  return "unknown";
}

Status hash_from_name(HashAlg* out, const char* name) noexcept {
  if (out == nullptr || name == nullptr) {
    return Status::invalid_argument;
  }
  // Lower-case the name and drop '-' and '_' ("SHA-256" -> "sha256").
  char norm[8];
  size_t n = 0;
  for (const char* p = name; *p != '\0'; p++) {
    char c = *p;
    if (c == '-' || c == '_') {
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (n + 1 >= sizeof(norm)) {
      return Status::unsupported;
    }
    norm[n++] = c;
  }
  norm[n] = '\0';
  static constexpr HashAlg kAll[] = {HashAlg::md5,    HashAlg::sha1,   HashAlg::sha224,
                                     HashAlg::sha256, HashAlg::sha384, HashAlg::sha512};
  for (HashAlg alg : kAll) {
    const char* want = hash_name(alg);
    size_t i = 0;
    while (want[i] != '\0' && want[i] == norm[i]) {
      i++;
    }
    if (want[i] == '\0' && norm[i] == '\0') {
      *out = alg;
      return Status::ok;
    }
  }
  return Status::unsupported;
}

HashCtx::~HashCtx() { secure_wipe_object(m_state); }

Status HashCtx::init(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5: md5_init(&m_state.md5); break;
    case HashAlg::sha1: sha1_init(&m_state.sha1); break;
    case HashAlg::sha224: sha224_init(&m_state.sha256); break;
    case HashAlg::sha256: sha256_init(&m_state.sha256); break;
    case HashAlg::sha384: sha384_init(&m_state.sha512); break;
    case HashAlg::sha512: sha512_init(&m_state.sha512); break;
    default: m_set = false; return Status::invalid_argument;
  }
  m_alg = alg;
  m_set = true;
  return Status::ok;
}

void HashCtx::update(ByteView in) noexcept {
  if (!m_set) {
    return;  // final() reports the missing init()
  }
  switch (m_alg) {
    case HashAlg::md5: md5_update(&m_state.md5, in.data(), in.size()); break;
    case HashAlg::sha1: sha1_update(&m_state.sha1, in.data(), in.size()); break;
    case HashAlg::sha224:
    case HashAlg::sha256: sha256_update(&m_state.sha256, in.data(), in.size()); break;
    case HashAlg::sha384:
    case HashAlg::sha512: sha512_update(&m_state.sha512, in.data(), in.size()); break;
  }
}

Status HashCtx::final(MutableBytes out) noexcept {
  if (!m_set) {
    return Status::invalid_argument;
  }
  const size_t n = hash_digest_size(m_alg);
  if (out.size() < n) {
    return Status::buffer_too_small;
  }
  switch (m_alg) {
    case HashAlg::md5: md5_final(&m_state.md5, out.data()); break;
    case HashAlg::sha1: sha1_final(&m_state.sha1, out.data()); break;
    case HashAlg::sha224:
    case HashAlg::sha256: sha256_final(&m_state.sha256, out.data(), n); break;
    case HashAlg::sha384:
    case HashAlg::sha512: sha512_final(&m_state.sha512, out.data(), n); break;
  }
  secure_wipe_object(m_state);
  m_set = false;
  return Status::ok;
}

Status hash(HashAlg alg, MutableBytes out, ByteView in) noexcept {
  if (out.size() < hash_digest_size(alg)) {
    return Status::buffer_too_small;
  }
  HashCtx ctx;
  Status s = ctx.init(alg);
  if (s != Status::ok) {
    return s;
  }
  ctx.update(in);
  return ctx.final(out);
}

}  // namespace petrel
