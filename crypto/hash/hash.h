// Hash functions: MD5 (RFC 1321, legacy), SHA-1 (FIPS 180-4, legacy), SHA-224/256/384/512
// (FIPS 180-4). Streaming (HashCtx) and one-shot (hash()). These process public or secret data
// in constant time (no data-dependent branches or table indices).
// Public API (installed): the declarations here are stable, and the variant names and their
// table. The per-algorithm state structs and their *_init/_update/_final functions, and the block
// functions the variants implement, are library-internal (crypto/hash/hash_internal.h, not
// installed); HashCtx holds its state as opaque bytes.
#ifndef PETREL_CRYPTO_HASH_HASH_H
#define PETREL_CRYPTO_HASH_HASH_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

enum class HashAlg : uint8_t { md5, sha1, sha224, sha256, sha384, sha512 };

constexpr size_t kMaxDigestSize = 64;
constexpr size_t kMaxHashBlockSize = 128;

size_t hash_digest_size(HashAlg alg) noexcept;
size_t hash_block_size(HashAlg alg) noexcept;
// Digest names: the one table that every caller (the petrel tool's dgst, pkeyutl, x509, req
// options among them) reads.
// hash_name(): the short lower-case name, "md5", "sha1", "sha224", "sha256", "sha384", "sha512".
const char* hash_name(HashAlg alg) noexcept;
// The name OpenSSL 3.0 prints for the digest ("MD5", "SHA1", "SHA2-224", "SHA2-256", "SHA2-384",
// "SHA2-512"), as in `openssl dgst` output lines.
const char* hash_openssl_name(HashAlg alg) noexcept;
// Accepts, in any case, the names OpenSSL 3.0 takes for these six digests (`openssl dgst -NAME`,
// EVP_get_digestbyname): MD5, SSL3-MD5; SHA1, SHA-1, SSL3-SHA1; SHA224, SHA2-224, SHA-224 (and
// so for 256, 384, 512); and their dotted OIDs (2.16.840.1.101.3.4.2.1 ...). Not the legacy
// signature aliases (RSA-SHA256, sha256WithRSAEncryption), which openssl labels differently.
// Anything else ("sha3-256", "sha_256", "", nullptr name) is Status::unsupported
// (invalid_argument for a null pointer).
Status hash_from_name(HashAlg* out, const char* name) noexcept;
// The short names hash_from_name() accepts, for messages: "md5, sha1, sha224, sha256, sha384,
// sha512".
const char* hash_name_list() noexcept;

// Generic streaming hash. Copyable (copying forks the running hash, as TLS transcripts need).
class HashCtx final {
 public:
  HashCtx() noexcept = default;
  ~HashCtx();
  HashCtx(const HashCtx&) noexcept = default;
  HashCtx& operator=(const HashCtx&) noexcept = default;

  Status init(HashAlg alg) noexcept;
  void update(ByteView in) noexcept;
  // Writes digest_size() bytes; out.size() must be >= digest_size(). Wipes the state afterwards.
  Status final(MutableBytes out) noexcept;
  HashAlg alg() const noexcept { return m_alg; }
  size_t digest_size() const noexcept { return hash_digest_size(m_alg); }

 private:
  // The running state, opaque here: the per-algorithm state structs are library-internal
  // (crypto/hash/hash_internal.h, whose HashCtxState is checked against this size and alignment
  // on every target: the largest, SHA-512's, is 216 bytes on 32- and 64-bit targets alike).
  static constexpr size_t kStateSize = 216;
  alignas(8) unsigned char m_state[kStateSize] = {};
  HashAlg m_alg = HashAlg::sha256;
  bool m_set = false;
};

// One-shot. out.size() >= hash_digest_size(alg).
Status hash(HashAlg alg, MutableBytes out, ByteView in) noexcept;

// ---- block-function variants (crypto/hash/hash_impl.cpp, crypto/util/variant.h) ------------
// SHA-1, SHA-224/256 and SHA-384/512 each have a table of block functions (SHA-224 shares
// SHA-256's, SHA-384 SHA-512's; MD5 has one implementation and no table). The names, over the
// three tables:
//
//   name        alias        constant-time  tables              notes
//   "armv7-neon"             yes            sha1 sha256 sha512  crypto/hash/arm/neon/
//                                                               *_armv7_neon.S; ARMv7-A (armhf),
//                                                               run where the CPU has NEON
//                                                               (crypto/cpu/ arm_neon())
//   "armv4"                  yes            sha1 sha256 sha512  crypto/hash/arm/*_armv4.S; any
//                                                               ARM-state target, ARMv4 baseline
//                                                               (armel, armhf; REV where ARMv6+,
//                                                               LDRD where ARMv5TE+)
//   "mips32r2"               yes            sha1 sha256 sha512  crypto/hash/mips/r2/*_mips32r2.S;
//                                                               MIPS32r2 O32, both byte orders
//   "c32"       "portable"   yes            sha1 sha256         portable C++, 32-bit words
//   "c64"       "portable"   yes            sha512              portable C++, 64-bit words
//
// Constant-time means no branch and no memory index depends on the state or the message (the
// round constants are indexed by the round number). A variant whose file this target does not
// build (cmake/PetrelSources.cmake, PETREL_NO_ASM) is listed and reports not available; the
// armv4 and mips32r2 rows need no run-time CPU check (the build level guarantees their
// instructions), the armv7-neon rows are available only where the CPU has NEON.
//
// The variant is process-wide per table: the first available one in table order (assembly
// first) unless hash_impl_select() names another. Hashing, HashCtx, HMAC, hmac_ct and the TLS
// PRF all go through it. Selecting while another thread hashes is not allowed (tests select
// before they hash).
enum class HashImpl : uint8_t { c32 = 0, c64 = 1, armv4 = 2, mips32r2 = 3, armv7_neon = 4 };

// For alg md5 these report no variants (unsupported / 0); sha224 means the sha256 table and
// sha384 the sha512 table.
const char* hash_impl_name(HashAlg alg, HashImpl impl) noexcept;
bool hash_impl_is_constant_time(HashAlg alg, HashImpl impl) noexcept;
bool hash_impl_available(HashAlg alg, HashImpl impl) noexcept;
// By name or alias; Status::not_available for a known variant this build lacks,
// Status::unsupported for an unknown name (or md5).
Status hash_impl_from_name(HashAlg alg, HashImpl* out, const char* name) noexcept;
// The available variants of alg's table in table order; returns the count (out may be null).
size_t hash_impls_available(HashAlg alg, HashImpl* out, size_t max) noexcept;
// Every variant alg's table lists, available or not; returns the count.
size_t hash_impls_listed(HashAlg alg, HashImpl* out, size_t max) noexcept;
// Makes impl alg's process-wide block function. Status::not_available (nothing changed) if it is
// not available, Status::unsupported for md5.
Status hash_impl_select(HashAlg alg, HashImpl impl) noexcept;
// The active variant of alg's table (HashImpl::c32 for md5).
HashImpl hash_impl_active(HashAlg alg) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_HASH_HASH_H
