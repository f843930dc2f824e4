// Library-internal: the running states of the hash functions (HashCtx's, the TLS transcript's)
// and access to the hash compression functions, for code that must drive the
// Merkle-Damgard iteration itself: the constant-time TLS record MAC (crypto/mac/hmac_ct.cpp)
// hashes a message of secret length by compressing every candidate final block and selecting
// the right state with masks. Internal, like aes_internal.h: not part of the public API.
//
// Each function processes `blocks` whole blocks (64 bytes; 128 for SHA-512) at p into the
// chaining state h (MD5: 4 words, SHA-1: 5 words, SHA-224/256: 8 words, SHA-384/512: 8 64-bit
// words), in constant time. The SHA ones run the process-wide variant of their table
// (crypto/hash/hash_impl.cpp, hash_impl_select()), so hashing, HMAC, hmac_ct and the TLS PRF all
// use the same block function.
//
// The block-function seam of the variants (extern "C", like aes_internal.h and bn_kernel.h):
//   void petrel_sha1_blocks_<v>(uint32_t state[5], const uint8_t* in, size_t nblocks)
//   void petrel_sha256_blocks_<v>(uint32_t state[8], const uint8_t* in, size_t nblocks)
//   void petrel_sha512_blocks_<v>(uint64_t state[8], const uint8_t* in, size_t nblocks)
// state is the FIPS 180-4 chaining value H0..H7 as native words (H0 first); in is nblocks whole
// blocks of message, any alignment, big-endian words as FIPS 180-4 defines them; nblocks may be
// 0. The functions keep no state and must run in time independent of state and message bytes
// (only nblocks, which is public, may decide a branch). Calling contract: AAPCS on ARM (r0-r2,
// r4-r11 and d8-d15 preserved), O32 on MIPS (a0-a2, s0-s7, fp preserved). <v> is "c32"/"c64" (portable C++,
// sha1.cpp, sha256.cpp, sha512.cpp), "armv4" (crypto/hash/arm/), "armv7-neon"
// (crypto/hash/arm/neon/) or "mips32r2"
// (crypto/hash/mips/r2/); the assembly ones are defined only where their file is built.
#ifndef PETREL_CRYPTO_HASH_HASH_INTERNAL_H
#define PETREL_CRYPTO_HASH_HASH_INTERNAL_H

#include <cstddef>
#include <cstdint>

extern "C" {
void petrel_sha1_blocks_c32(uint32_t state[5], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha256_blocks_c32(uint32_t state[8], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha512_blocks_c64(uint64_t state[8], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha1_blocks_armv4(uint32_t state[5], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha256_blocks_armv4(uint32_t state[8], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha512_blocks_armv4(uint64_t state[8], const uint8_t* in, size_t nblocks) noexcept;
// crypto/hash/arm/neon/*_armv7_neon.S (ARMv7-A builds only; they need NEON at run time).
void petrel_sha1_blocks_armv7_neon(uint32_t state[5], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha256_blocks_armv7_neon(uint32_t state[8], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha512_blocks_armv7_neon(uint64_t state[8], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha1_blocks_mips32r2(uint32_t state[5], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha256_blocks_mips32r2(uint32_t state[8], const uint8_t* in, size_t nblocks) noexcept;
void petrel_sha512_blocks_mips32r2(uint64_t state[8], const uint8_t* in, size_t nblocks) noexcept;
}

namespace petrel {

// The per-algorithm running states and their streaming functions: what HashCtx (as opaque bytes,
// HashCtxState below), hmac_ct and the TLS client's transcript (tls/transcript_internal.h) hold.
// Their layouts are not API and may change; the sizes are checked where opaque storage mirrors
// them.
struct Md5State {
  uint32_t h[4];
  uint64_t total;  // bytes
  uint8_t buf[64];
  size_t buf_len;
};
struct Sha1State {
  uint32_t h[5];
  uint64_t total;
  uint8_t buf[64];
  size_t buf_len;
};
struct Sha256State {  // SHA-224 and SHA-256
  uint32_t h[8];
  uint64_t total;
  uint8_t buf[64];
  size_t buf_len;
};
struct Sha512State {  // SHA-384 and SHA-512
  uint64_t h[8];
  uint64_t total_lo;  // 128-bit byte count
  uint64_t total_hi;
  uint8_t buf[128];
  size_t buf_len;
};

void md5_init(Md5State* s) noexcept;
void md5_update(Md5State* s, const uint8_t* in, size_t len) noexcept;
void md5_final(Md5State* s, uint8_t out[16]) noexcept;
void sha1_init(Sha1State* s) noexcept;
void sha1_update(Sha1State* s, const uint8_t* in, size_t len) noexcept;
void sha1_final(Sha1State* s, uint8_t out[20]) noexcept;
void sha224_init(Sha256State* s) noexcept;
void sha256_init(Sha256State* s) noexcept;
void sha256_update(Sha256State* s, const uint8_t* in, size_t len) noexcept;
void sha256_final(Sha256State* s, uint8_t* out, size_t out_len /* 28 or 32 */) noexcept;
void sha384_init(Sha512State* s) noexcept;
void sha512_init(Sha512State* s) noexcept;
void sha512_update(Sha512State* s, const uint8_t* in, size_t len) noexcept;
void sha512_final(Sha512State* s, uint8_t* out, size_t out_len /* 48 or 64 */) noexcept;


// What HashCtx's opaque m_state holds (hash.cpp checks size and alignment against it).
union HashCtxState {
  Md5State md5;
  Sha1State sha1;
  Sha256State sha256;
  Sha512State sha512;
};

namespace hash_detail {

void md5_compress_blocks(uint32_t h[4], const uint8_t* p, size_t blocks) noexcept;
void sha1_compress_blocks(uint32_t h[5], const uint8_t* p, size_t blocks) noexcept;
void sha256_compress_blocks(uint32_t h[8], const uint8_t* p, size_t blocks) noexcept;
void sha512_compress_blocks(uint64_t h[8], const uint8_t* p, size_t blocks) noexcept;

// The compact forms of the portable block functions: one round per loop iteration, a third
// (SHA-512) to a twelfth (SHA-1) of the code of the unrolled ones on Thumb-2, and slower. What "c32"/"c64" run in a build with kCompactHashes
// (PETREL_MINIMAL, crypto/util/build_config.h); in every build they are compiled and run the
// NIST vectors (tests/hash/hash_compact_test.cpp). Same contract as the block functions above.
void sha1_blocks_compact(uint32_t h[5], const uint8_t* p, size_t blocks) noexcept;
void sha256_blocks_compact(uint32_t h[8], const uint8_t* p, size_t blocks) noexcept;
void sha512_blocks_compact(uint64_t h[8], const uint8_t* p, size_t blocks) noexcept;

}  // namespace hash_detail
}  // namespace petrel

#endif  // PETREL_CRYPTO_HASH_HASH_INTERNAL_H
