// Fuzz target "diff_hash" (differential, against OpenSSL's libcrypto; host builds only):
// crypto/hash (HashCtx over MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, and the one-shot
// hash()) and crypto/mac (HmacCtx, hmac(), hmac_verify()), compared with EVP_Digest and HMAC().
// Input: byte 0 the algorithm (mod 6), byte 1 the HMAC key length (0..255, taken from the
// front of the rest: keys longer than a block are hashed first), bytes 2-3 two split points;
// the message is streamed in three pieces cut there.
// Properties: the streamed digest, the one-shot digest and libcrypto's agree; the streamed
// HMAC, hmac() and libcrypto's HMAC() agree; hmac_verify accepts the tag and refuses it with
// one bit flipped (also truncated
// after the flip); a truncated correct tag is accepted (hmac.h allows truncation).
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstring>

#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"
#include "fuzz/driver.h"

using namespace petrel;

namespace {

const HashAlg kAlgs[6] = {HashAlg::md5, HashAlg::sha1, HashAlg::sha224,
                          HashAlg::sha256, HashAlg::sha384, HashAlg::sha512};

const EVP_MD* evp_md(HashAlg a) {
  switch (a) {
    case HashAlg::md5: return EVP_md5();
    case HashAlg::sha1: return EVP_sha1();
    case HashAlg::sha224: return EVP_sha224();
    case HashAlg::sha256: return EVP_sha256();
    case HashAlg::sha384: return EVP_sha384();
    default: return EVP_sha512();
  }
}

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  if (size < 4) {
    return 0;
  }
  const HashAlg alg = kAlgs[data[0] % 6u];
  size_t key_len = data[1];
  const size_t rest = size - 4;
  if (key_len > rest) {
    key_len = rest;
  }
  const uint8_t* key = data + 4;
  const uint8_t* msg = key + key_len;
  const size_t len = rest - key_len;
  size_t a = data[2] % (len + 1);
  size_t b = data[3] % (len + 1);
  if (a > b) {
    const size_t t = a;
    a = b;
    b = t;
  }
  const size_t dlen = hash_digest_size(alg);
  PETREL_FUZZ_CHECK(dlen == static_cast<size_t>(EVP_MD_get_size(evp_md(alg))));

  uint8_t want[64];
  uint8_t got[64];
  uint8_t one[64];
  unsigned wlen = 0;
  PETREL_FUZZ_CHECK(EVP_Digest(msg, len, want, &wlen, evp_md(alg), nullptr) == 1 && wlen == dlen);
  HashCtx h;
  PETREL_FUZZ_CHECK(h.init(alg) == Status::ok);
  h.update(ByteView(msg, a));
  h.update(ByteView(msg + a, b - a));
  h.update(ByteView(msg + b, len - b));
  PETREL_FUZZ_CHECK(h.final(MutableBytes(got, dlen)) == Status::ok);
  PETREL_FUZZ_CHECK(hash(alg, MutableBytes(one, dlen), ByteView(msg, len)) == Status::ok);
  PETREL_FUZZ_CHECK(std::memcmp(want, got, dlen) == 0 && std::memcmp(want, one, dlen) == 0);

  unsigned mlen = 0;
  PETREL_FUZZ_CHECK(HMAC(evp_md(alg), key, static_cast<int>(key_len), msg, len, want, &mlen) !=
                        nullptr &&
                    mlen == dlen);
  HmacCtx m;
  PETREL_FUZZ_CHECK(m.init(alg, ByteView(key, key_len)) == Status::ok);
  m.update(ByteView(msg, a));
  m.update(ByteView(msg + a, b - a));
  m.update(ByteView(msg + b, len - b));
  PETREL_FUZZ_CHECK(m.final(MutableBytes(got, dlen)) == Status::ok);
  PETREL_FUZZ_CHECK(hmac(alg, MutableBytes(one, dlen), ByteView(key, key_len), ByteView(msg, len)) ==
                    Status::ok);
  PETREL_FUZZ_CHECK(std::memcmp(want, got, dlen) == 0 && std::memcmp(want, one, dlen) == 0);
  PETREL_FUZZ_CHECK(hmac_verify(alg, ByteView(key, key_len), ByteView(msg, len), ByteView(want, dlen)) ==
                    Status::ok);
  want[a % dlen] ^= static_cast<uint8_t>(1u << (b % 8));
  PETREL_FUZZ_CHECK(hmac_verify(alg, ByteView(key, key_len), ByteView(msg, len), ByteView(want, dlen)) !=
                    Status::ok);
  // Truncated tags are accepted (hmac.h), truncated and flipped ones are not.
  PETREL_FUZZ_CHECK(hmac_verify(alg, ByteView(key, key_len), ByteView(msg, len), ByteView(got, dlen - 1)) ==
                    Status::ok);
  PETREL_FUZZ_CHECK(hmac_verify(alg, ByteView(key, key_len), ByteView(msg, len),
                                ByteView(want, (a % dlen) + 1)) != Status::ok);
  return 0;
}
