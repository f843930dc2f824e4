// Hash dispatch: names, sizes, the streaming HashCtx and one-shot hash(). The algorithm choice
// is public; the data never steers a branch. See md5.cpp, sha1.cpp, sha256.cpp, sha512.cpp.
#include "crypto/hash/hash.h"

#include <new>

#include "crypto/hash/hash_internal.h"
#include "crypto/util/build_config.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

// HashCtx's opaque bytes as the state union: an unsigned char array implicitly creates an object
// of an implicit-lifetime type such as this union (P0593, a defect report that applies to C++17
// too), and std::launder gives the pointer to it.
HashCtxState& ctx_state(unsigned char* bytes) noexcept {
  // Through void*: the array is alignas(8) (hash.h), which -Wcast-align cannot see in a pointer.
  return *std::launder(static_cast<HashCtxState*>(static_cast<void*>(bytes)));
}

}  // namespace

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

const char* hash_openssl_name(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5: return "MD5";
    case HashAlg::sha1: return "SHA1";
    case HashAlg::sha224: return "SHA2-224";
    case HashAlg::sha256: return "SHA2-256";
    case HashAlg::sha384: return "SHA2-384";
    case HashAlg::sha512: return "SHA2-512";
  }
  return "unknown";
}

const char* hash_name_list() noexcept { return "md5, sha1, sha224, sha256, sha384, sha512"; }

namespace {

// Every name OpenSSL 3.0's default provider gives these digests (providers/implementations/
// digests, the PROV_NAMES_* lists), lower-case, and the dotted OIDs it also looks up.
struct HashNameRow {
  const char* m_name;
  HashAlg m_alg;
};
constexpr HashNameRow kHashNames[] = {
    {"md5", HashAlg::md5},
    {"ssl3-md5", HashAlg::md5},
    {"1.2.840.113549.2.5", HashAlg::md5},
    {"sha1", HashAlg::sha1},
    {"sha-1", HashAlg::sha1},
    {"ssl3-sha1", HashAlg::sha1},
    {"1.3.14.3.2.26", HashAlg::sha1},
    {"sha224", HashAlg::sha224},
    {"sha2-224", HashAlg::sha224},
    {"sha-224", HashAlg::sha224},
    {"2.16.840.1.101.3.4.2.4", HashAlg::sha224},
    {"sha256", HashAlg::sha256},
    {"sha2-256", HashAlg::sha256},
    {"sha-256", HashAlg::sha256},
    {"2.16.840.1.101.3.4.2.1", HashAlg::sha256},
    {"sha384", HashAlg::sha384},
    {"sha2-384", HashAlg::sha384},
    {"sha-384", HashAlg::sha384},
    {"2.16.840.1.101.3.4.2.2", HashAlg::sha384},
    {"sha512", HashAlg::sha512},
    {"sha2-512", HashAlg::sha512},
    {"sha-512", HashAlg::sha512},
    {"2.16.840.1.101.3.4.2.3", HashAlg::sha512},
};

// ASCII case-insensitive equality of name with a lower-case row.
bool name_equals(const char* name, const char* lower_row) noexcept {
  size_t i = 0;
  for (; name[i] != '\0' && lower_row[i] != '\0'; i++) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != lower_row[i]) {
      return false;
    }
  }
  return name[i] == '\0' && lower_row[i] == '\0';
}

}  // namespace

Status hash_from_name(HashAlg* out, const char* name) noexcept {
  if (out == nullptr || name == nullptr) {
    return Status::invalid_argument;
  }
  for (const HashNameRow& row : kHashNames) {
    if (name_equals(name, row.m_name)) {
      *out = row.m_alg;
      return Status::ok;
    }
  }
  return Status::unsupported;
}

HashCtx::~HashCtx() {
  static_assert(sizeof(HashCtxState) == kStateSize && alignof(HashCtxState) <= 8,
                "HashCtx::kStateSize (crypto/hash/hash.h) must hold HashCtxState");
  secure_wipe_object(m_state);
}

Status HashCtx::init(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::md5:
      if (!kBuildMd5) {  // PETREL_MINIMAL (crypto/util/build_config.h)
        m_set = false;
        return Status::unsupported;
      }
      md5_init(&ctx_state(m_state).md5);
      break;
    case HashAlg::sha1: sha1_init(&ctx_state(m_state).sha1); break;
    case HashAlg::sha224: sha224_init(&ctx_state(m_state).sha256); break;
    case HashAlg::sha256: sha256_init(&ctx_state(m_state).sha256); break;
    case HashAlg::sha384:
    case HashAlg::sha512:
      if (!kBuildSha512) {  // PETREL_MINIMAL
        m_set = false;
        return Status::unsupported;
      }
      if (alg == HashAlg::sha384) {
        sha384_init(&ctx_state(m_state).sha512);
      } else {
        sha512_init(&ctx_state(m_state).sha512);
      }
      break;
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
    case HashAlg::md5:
      if (kBuildMd5) {
        md5_update(&ctx_state(m_state).md5, in.data(), in.size());
      }
      break;
    case HashAlg::sha1: sha1_update(&ctx_state(m_state).sha1, in.data(), in.size()); break;
    case HashAlg::sha224:
    case HashAlg::sha256: sha256_update(&ctx_state(m_state).sha256, in.data(), in.size()); break;
    case HashAlg::sha384:
    case HashAlg::sha512:
      if (kBuildSha512) {
        sha512_update(&ctx_state(m_state).sha512, in.data(), in.size());
      }
      break;
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
    case HashAlg::md5:
      if (kBuildMd5) {
        md5_final(&ctx_state(m_state).md5, out.data());
      }
      break;
    case HashAlg::sha1: sha1_final(&ctx_state(m_state).sha1, out.data()); break;
    case HashAlg::sha224:
    case HashAlg::sha256: sha256_final(&ctx_state(m_state).sha256, out.data(), n); break;
    case HashAlg::sha384:
    case HashAlg::sha512:
      if (kBuildSha512) {
        sha512_final(&ctx_state(m_state).sha512, out.data(), n);
      }
      break;
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
