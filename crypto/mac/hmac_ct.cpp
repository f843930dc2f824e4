// Constant-time HMAC of a secret-length message (see hmac_ct.h): RFC 2104 over MD5 (RFC 1321),
// SHA-1, SHA-224/256 (64-byte blocks, 8-byte length) and SHA-384/512 (FIPS 180-4: 128-byte
// blocks of 64-bit words, 16-byte length), driving the compression functions directly
// (crypto/hash/hash_internal.h). Constant-time in the key, the message bytes and data_len.
#include "crypto/mac/hmac_ct.h"

#include <cstring>

#include "crypto/hash/hash_internal.h"
#include "crypto/util/build_config.h"
#include "crypto/util/ct.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

constexpr size_t kMaxMessage = size_t{1} << 24;
constexpr size_t kMaxBlock = 128;
constexpr size_t kMaxDigest = 64;

// One Merkle-Damgard hash as hmac_ct drives it: Word is the chaining word (uint32_t for the
// 64-byte-block hashes, uint64_t for SHA-384/512), kBlock the block and kLenBytes the length
// field at its end.
template <typename Word, size_t kBlock, size_t kLenBytes>
struct MdDesc {
  void (*compress)(Word* h, const uint8_t* p, size_t blocks);
  size_t words;     // chaining state words
  size_t digest;    // output bytes
  bool big_endian;  // SHA: big-endian words and length; MD5: little-endian
  Word iv[8];
};

using Md64 = MdDesc<uint32_t, 64, 8>;
using Md128 = MdDesc<uint64_t, 128, 16>;

void md5_fn(uint32_t* h, const uint8_t* p, size_t n) { hash_detail::md5_compress_blocks(h, p, n); }
void sha1_fn(uint32_t* h, const uint8_t* p, size_t n) { hash_detail::sha1_compress_blocks(h, p, n); }
void sha256_fn(uint32_t* h, const uint8_t* p, size_t n) {
  hash_detail::sha256_compress_blocks(h, p, n);
}
void sha512_fn(uint64_t* h, const uint8_t* p, size_t n) {
  hash_detail::sha512_compress_blocks(h, p, n);
}

bool md_desc(HashAlg alg, Md64* d) noexcept {
  switch (alg) {
    case HashAlg::md5: {
      if (!kBuildMd5) {  // PETREL_MINIMAL (crypto/util/build_config.h)
        return false;
      }
      Md5State s;
      md5_init(&s);
      *d = Md64{md5_fn, 4, 16, false, {}};
      std::memcpy(d->iv, s.h, sizeof(s.h));
      return true;
    }
    case HashAlg::sha1: {
      Sha1State s;
      sha1_init(&s);
      *d = Md64{sha1_fn, 5, 20, true, {}};
      std::memcpy(d->iv, s.h, sizeof(s.h));
      return true;
    }
    case HashAlg::sha224:
    case HashAlg::sha256: {
      Sha256State s;
      if (alg == HashAlg::sha224) {
        sha224_init(&s);
      } else {
        sha256_init(&s);
      }
      *d = Md64{sha256_fn, 8, alg == HashAlg::sha224 ? size_t{28} : size_t{32}, true, {}};
      std::memcpy(d->iv, s.h, sizeof(s.h));
      return true;
    }
    default: return false;
  }
}

bool md_desc(HashAlg alg, Md128* d) noexcept {
  if (!kBuildSha512) {  // PETREL_MINIMAL: SHA-384/512 not built
    return false;
  }
  Sha512State s;
  switch (alg) {
    case HashAlg::sha384: sha384_init(&s); break;
    case HashAlg::sha512: sha512_init(&s); break;
    default: return false;
  }
  *d = Md128{sha512_fn, 8, alg == HashAlg::sha384 ? size_t{48} : size_t{64}, true, {}};
  std::memcpy(d->iv, s.h, sizeof(s.h));
  return true;
}

void store_words(uint8_t* out, const uint32_t* h, size_t nbytes, bool big_endian) noexcept {
  for (size_t i = 0; i < nbytes / 4; i++) {
    if (big_endian) {
      store_be32(out + 4 * i, h[i]);
    } else {
      store_le32(out + 4 * i, h[i]);
    }
  }
}

// SHA-384/512: always big-endian.
void store_words(uint8_t* out, const uint64_t* h, size_t nbytes, bool /* big_endian */) noexcept {
  for (size_t i = 0; i < nbytes / 8; i++) {
    store_be64(out + 8 * i, h[i]);
  }
}

// The length field (kLenBytes at out): bits < 2^28 here, so a 16-byte field has a zero high half.
template <size_t kLenBytes>
void store_length(uint8_t* out, uint64_t bits, bool big_endian) noexcept {
  if (kLenBytes == 16) {
    std::memset(out, 0, 8);
    store_be64(out + 8, bits);
  } else if (big_endian) {
    store_be64(out, bits);
  } else {
    store_le64(out, bits);
  }
}

// Copies n bytes of header || data starting at the public position pos (pos + n within it).
void gather(uint8_t* dst, ByteView header, ByteView data, size_t pos, size_t n) noexcept {
  if (pos < header.size()) {
    size_t take = header.size() - pos;
    if (take > n) {
      take = n;
    }
    std::memcpy(dst, header.data() + pos, take);
    dst += take;
    pos += take;
    n -= take;
  }
  if (n != 0) {
    std::memcpy(dst, data.data() + (pos - header.size()), n);
  }
}

// The whole computation for one block size; the arguments are checked by hmac_ct.
template <typename Word, size_t kBlock, size_t kLenBytes>
Status hmac_ct_md(const MdDesc<Word, kBlock, kLenBytes>& d, HashAlg alg, MutableBytes out,
                  ByteView key, ByteView header, ByteView data, size_t data_len,
                  size_t min_len) noexcept {
  static_assert(kBlock == 64 || kBlock == 128, "power-of-two block");
  // K0, the inner and outer chaining states after the ipad and opad blocks.
  uint8_t k0[kBlock] = {};
  if (key.size() > kBlock) {
    Status s = hash(alg, MutableBytes(k0, sizeof(k0)), key);
    if (s != Status::ok) {
      secure_wipe(k0, sizeof(k0));
      return s;
    }
  } else if (!key.empty()) {
    std::memcpy(k0, key.data(), key.size());
  }
  uint8_t block[kBlock];
  Word inner[8];
  Word outer[8];
  std::memcpy(inner, d.iv, sizeof(inner));
  std::memcpy(outer, d.iv, sizeof(outer));
  for (size_t i = 0; i < kBlock; i++) {
    block[i] = static_cast<uint8_t>(k0[i] ^ 0x36);
  }
  d.compress(inner, block, 1);
  for (size_t i = 0; i < kBlock; i++) {
    block[i] = static_cast<uint8_t>(k0[i] ^ 0x5c);
  }
  d.compress(outer, block, 1);
  secure_wipe(k0, sizeof(k0));

  // Message positions count from the start of header || data (the ipad block is block -1).
  const size_t m_min = header.size() + min_len;
  const size_t m_max = header.size() + data.size();
  const uint32_t m_len = static_cast<uint32_t>(header.size() + data_len);  // secret
  // Blocks that end at or before m_min are message bytes only, and never the final block
  // (the final block ends at or after m_len + 1 + kLenBytes).
  const size_t plain_blocks = m_min / kBlock;
  for (size_t j = 0; j < plain_blocks; j++) {
    gather(block, header, data, j * kBlock, kBlock);
    d.compress(inner, block, 1);
  }
  // The final block holds the 0x80 marker and the length: index (m_len + kLenBytes) / kBlock
  // (a shift: kBlock is a power of two).
  const uint32_t final_j = (m_len + static_cast<uint32_t>(kLenBytes)) / kBlock;  // secret
  const size_t last_j = (m_max + kLenBytes) / kBlock;  // public: the last block that could be final
  uint8_t len_bytes[kLenBytes];
  store_length<kLenBytes>(len_bytes, (static_cast<uint64_t>(kBlock) + m_len) << 3, d.big_endian);
  Word result[8] = {};
  for (size_t j = plain_blocks; j <= last_j; j++) {
    const uint32_t is_final = ct::eq(static_cast<uint32_t>(j), final_j);
    const Word final_mask = static_cast<Word>(0) - static_cast<Word>(is_final & 1u);
    for (size_t i = 0; i < kBlock; i++) {
      const size_t pos = j * kBlock + i;
      uint8_t b = 0;
      if (pos < m_max) {  // public
        gather(&b, header, data, pos, 1);
      }
      const uint32_t p32 = static_cast<uint32_t>(pos);
      const uint32_t is_data = ct::lt(p32, m_len);
      const uint32_t is_end = ct::eq(p32, m_len);
      uint32_t v = (b & is_data) | (0x80u & is_end);
      if (i >= kBlock - kLenBytes) {
        v |= len_bytes[i - (kBlock - kLenBytes)] & is_final;
      }
      block[i] = static_cast<uint8_t>(v);
    }
    d.compress(inner, block, 1);
    for (size_t w = 0; w < d.words; w++) {
      result[w] |= inner[w] & final_mask;
    }
  }

  // Outer hash: opad block, then one block with the inner digest (public length).
  uint8_t digest[kMaxDigest];
  store_words(digest, result, d.digest, d.big_endian);
  std::memset(block, 0, sizeof(block));
  std::memcpy(block, digest, d.digest);
  block[d.digest] = 0x80;
  store_length<kLenBytes>(block + kBlock - kLenBytes, static_cast<uint64_t>(kBlock + d.digest) << 3,
                          d.big_endian);
  d.compress(outer, block, 1);
  // SHA-224/256 and SHA-384/512 share the state; digest() bytes of it are the output.
  uint8_t full[kMaxDigest];
  store_words(full, outer, d.words * sizeof(Word), d.big_endian);
  std::memcpy(out.data(), full, d.digest);

  secure_wipe(block, sizeof(block));
  secure_wipe(inner, sizeof(inner));
  secure_wipe(outer, sizeof(outer));
  secure_wipe(result, sizeof(result));
  secure_wipe(digest, sizeof(digest));
  secure_wipe(full, sizeof(full));
  secure_wipe(len_bytes, sizeof(len_bytes));
  return Status::ok;
}

}  // namespace

Status hmac_ct(HashAlg alg, MutableBytes out, ByteView key, ByteView header, ByteView data,
               size_t data_len, size_t min_len) noexcept {
  Md64 d64{};
  Md128 d128{};
  const bool small = md_desc(alg, &d64);
  if (!small && !md_desc(alg, &d128)) {
    return Status::unsupported;
  }
  const size_t digest = small ? d64.digest : d128.digest;
  if (out.size() < digest || out.data() == nullptr) {
    return Status::buffer_too_small;
  }
  if (min_len > data.size() || header.size() > kMaxMessage || data.size() > kMaxMessage ||
      (!header.empty() && header.data() == nullptr) || (!data.empty() && data.data() == nullptr)) {
    return Status::invalid_argument;
  }
  static_assert(kMaxBlock == 128, "the largest block hmac_ct handles");
  if (small) {
    return hmac_ct_md(d64, alg, out, key, header, data, data_len, min_len);
  }
  return hmac_ct_md(d128, alg, out, key, header, data, data_len, min_len);
}

}  // namespace petrel
