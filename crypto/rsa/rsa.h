// RSA (RFC 8017 / PKCS#1 v2.2; FIPS 186-4 for key generation): keys, the raw public and private
// operations, PKCS#1 v1.5 signatures and encryption, RSASSA-PSS and RSAES-OAEP with MGF1.
// Defined in rsa_key.cpp (keys, raw operations), rsa_key_recover.cpp (p and q from n, e, d),
// rsa_keygen.cpp, rsa_pkcs1.cpp, rsa_pss.cpp, rsa_oaep.cpp and rsa_mgf1.cpp. The key file
// formats (PKCS#1, PKCS#8, SubjectPublicKeyInfo; DER and PEM) are rsa_key_files.h.
//
// Private-key operations use the CRT with base blinding (a fresh random r per call, c * r^e,
// unblinded with r^-1 mod p and mod q) and check the result with the public exponent before
// releasing it (a fault gives Status::internal_error, never a faulty signature). They are
// constant-time in the key and in the secret values; lengths are public. Verification uses only
// public data; encryption is constant-time in the message (a TLS premaster secret is one), which
// the valgrind case ct.tls_premaster_encrypt checks.
//
// Sizes: public operations up to 8192-bit moduli; private operations up to 4096 bits. Moduli
// below 1024 bits are refused unless the key is loaded with kRsaAllowSmallModulus (tests only).
// Each of p and q is at most kRsaMaxPrivateBits / 2 bits (balanced keys; others get
// Status::bad_key_length). The objects are large (the private key holds its moduli in Montgomery
// form: sizeof is 11904 bytes on 64-bit hosts; an RsaPublicKey, sized for 8192-bit moduli, 3144,
// an RsaPublicKeyOf<2048> 840), the stack use is not: the raw operations work in
// one area on the stack taken from the smallest size class that fits the key (2048, 4096 bits;
// public also 8192), so a 2048-bit PSS signature (blinded CRT, 4-bit window, verify-after-sign)
// uses about 5.3 KB of stack, a PSS verification about 4.6 KB (tests/rsa/rsa_stack_test.cpp, host
// x86-64; 4.9 and 2.5 KB on armhf; a key read at run time is loaded into storage of its own size
// class by rsa_key_files.h with_rsa_public_key: a PKCS#1 v1.5 verification from a 2048-bit
// SubjectPublicKeyInfo takes 3.5 KB of stack that way, key included, 5.1 KB for 4096 bits and
// 8.1 KB for 8192, where an RsaPublicKey on the stack costs 5.7 KB for any size;
// -fstack-usage: the 2048-bit private area 3.6 KB, of it 2.3 KB for modexp_ct's 16-entry window
// table of 1024-bit CRT halves; the public area 0.8 KB; no bignum function keeps an array on the
// stack on these paths).
//
// Checked with valgrind (tests/ct): the private operation, v1.5/PSS signing and v1.5/OAEP/TLS
// decryption run constant-time in the key and the secret values; the library declassifies only
// public facts (operand in range, a discarded blinding value, the fault-check verdict, a
// released signature, a padding verdict and a good message's length). Deliberately
// variable-time: set_from_ned()'s factor recovery (once, at load), Miller-Rabin's early exit on
// a composite during key generation and check(), and the bit lengths of key parts (public).
//
// Public API (installed): the declarations here are stable; kRsaAllowSmallModulus is for tests.
// The fault-injection and valgrind-poisoning hooks the tests use are in
// crypto/rsa/rsa_test_hooks.h, which is not installed and not in libpetrel.
#ifndef PETREL_CRYPTO_RSA_RSA_H
#define PETREL_CRYPTO_RSA_RSA_H

#include <cstddef>
#include <cstdint>

#include "crypto/bignum/bignum.h"
#include "crypto/hash/hash.h"
#include "crypto/rand/rng.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

constexpr size_t kRsaMaxModulusBits = bn::kMaxBits;          // public operations
constexpr size_t kRsaMaxModulusBytes = kRsaMaxModulusBits / 8;
constexpr size_t kRsaMaxPrivateBits = bn::kMaxPrivBits;      // private operations, key generation
constexpr size_t kRsaMinModulusBits = 1024;

// Public exponents are bounded: e < 2^64. A larger e only makes verification slower (with an
// 8192-bit n, e = n - 2 costs about 500 times a verification with e = 65537, a cheap denial of
// service from one certificate); OpenSSL also refuses RSA public exponents over 64 bits, FIPS
// 186-4 allows e up to 2^256 - 1, and real keys use 65537 or 3.
constexpr size_t kRsaMaxPublicExponentBits = 64;

// Key-loading flags.
constexpr uint32_t kRsaAllowSmallModulus = 1u;  // accept moduli from 256 bits (tests only)

enum class RsaPart : uint8_t { n, e, d, p, q, dp, dq, qinv };

// An RSA public key. The modulus lives in storage of the derived class, sized at compile time:
// RsaPublicKeyOf<kBits> holds moduli up to kBits bits (3 * kBits / 8 bytes of arrays and about
// 80 bytes more), RsaPublicKey up to the largest (8192 bits, 3 KiB of arrays). The functions of
// this file take any of them as RsaPublicKeyBase; rsa_key_files.h with_rsa_public_key() picks the
// smallest size class for a key read at run time, so that a 2048-bit peer key costs 0.8 KiB of
// stack, not 3 KiB. Not copyable (the base points into the derived object's arrays).
class RsaPublicKeyBase {
 public:
  RsaPublicKeyBase(const RsaPublicKeyBase&) = delete;
  RsaPublicKeyBase& operator=(const RsaPublicKeyBase&) = delete;

  // n and e big-endian. n must not start with a zero byte and must be odd, at least 1024 bits
  // (see kRsaAllowSmallModulus) and at most max_bits() (8192 for RsaPublicKey). e must be odd,
  // >= 3 and < n (leading zero bytes of e are ignored). Status::invalid_argument or
  // bad_key_length on failure, and Status::unsupported for an e of more than
  // kRsaMaxPublicExponentBits (64) bits.
  Status set(ByteView n, ByteView e, uint32_t flags = 0) noexcept;

  bool is_set() const noexcept { return m_n.n != 0; }
  size_t bits() const noexcept { return m_n.bits; }
  size_t size() const noexcept { return (m_n.bits + 7) / 8; }  // k, the modulus length in bytes
  size_t max_bits() const noexcept { return m_n.cap * bn::kLimbBits; }  // of this storage

  // out = in^e mod n. in.size() must be size() and in < n; out.size() >= size() (writes size()).
  Status raw(MutableBytes out, ByteView in) const noexcept;

  // Writes n or e as minimal big-endian bytes (at least one byte) and sets *len.
  Status export_part(RsaPart part, MutableBytes out, size_t* len) const noexcept;

 protected:
  RsaPublicKeyBase(bn::Limb* m, bn::Limb* rr, bn::Limb* one, size_t cap_limbs) noexcept
      : m_n{m, rr, one, cap_limbs} {}
  ~RsaPublicKeyBase() = default;
  void wipe() noexcept;

 private:
  friend class RsaPrivateKey;
  static constexpr size_t kELimbs = bn::limbs_for_bits(kRsaMaxPublicExponentBits);
  // raw() after the checks, in an area of public_area_limbs(m_n.n) limbs (rsa_key.cpp).
  Status raw_in(MutableBytes out, ByteView in, bn::Limb* area) const noexcept;
  bn::ModulusSlots m_n;
  bn::Limb m_e[kELimbs] = {};  // e < 2^64 (kRsaMaxPublicExponentBits)
  size_t m_e_limbs = 0;
};

template <size_t kBits>
class RsaPublicKeyOf final : public RsaPublicKeyBase {
  static_assert(kBits % bn::kLimbBits == 0 && kBits >= kRsaMinModulusBits &&
                    kBits <= kRsaMaxModulusBits,
                "an RSA public key size class is a whole number of limbs, 1024..8192 bits");

 public:
  RsaPublicKeyOf() noexcept : RsaPublicKeyBase(m_m, m_rr, m_one, kLimbs) {}
  ~RsaPublicKeyOf() { wipe(); }

 private:
  static constexpr size_t kLimbs = bn::limbs_for_bits(kBits);
  bn::Limb m_m[kLimbs];
  bn::Limb m_rr[kLimbs];
  bn::Limb m_one[kLimbs];
};

// Any public key up to kRsaMaxModulusBits (8192) bits.
using RsaPublicKey = RsaPublicKeyOf<kRsaMaxModulusBits>;

// The components of a private key, big-endian. d may be empty (it is not used by the CRT).
struct RsaPrivateParts {
  ByteView n, e, d, p, q, dp, dq, qinv;
};

class RsaPrivateKey final {
 public:
  RsaPrivateKey() noexcept = default;
  ~RsaPrivateKey();
  RsaPrivateKey(const RsaPrivateKey&) = delete;
  RsaPrivateKey& operator=(const RsaPrivateKey&) = delete;

  // Loads a CRT key and checks it: the public part as in RsaPublicKey::set, n <= 4096 bits,
  // p and q odd with n = p * q, dp < p, dq < q, qinv < p and q * qinv = 1 mod p, d < n.
  Status set(const RsaPrivateParts& parts, uint32_t flags = 0) noexcept;
  // Loads a key given only n, e and d: recovers p and q (NIST SP 800-56B Rev. 2, Appendix C.2;
  // the recovery is variable-time, done once at load) and computes the CRT values.
  Status set_from_ned(ByteView n, ByteView e, ByteView d, uint32_t flags = 0) noexcept;

  bool is_set() const noexcept { return m_pub.is_set() && m_p.n != 0; }
  const RsaPublicKey& public_key() const noexcept { return m_pub; }
  size_t bits() const noexcept { return m_pub.bits(); }
  size_t size() const noexcept { return m_pub.size(); }

  // out = in^d mod n (blinded CRT, verified with e). in.size() must be size() and in < n.
  // in may be out (all of in is read before out is written).
  Status raw(MutableBytes out, ByteView in, Rng& rng) const noexcept;

  // Writes one component as minimal big-endian bytes and sets *len (d is computed as needed
  // only if the key was loaded with it; Status::not_available otherwise).
  Status export_part(RsaPart part, MutableBytes out, size_t* len) const noexcept;

  // The checks of `openssl rsa -check` beyond those set() makes: p and q are probable primes
  // (Miller-Rabin, FIPS 186-4 rounds), e * dp = 1 mod (p - 1), e * dq = 1 mod (q - 1), and, when
  // d is held, d mod (p - 1) = dp and d mod (q - 1) = dq (so e * d = 1 mod lcm(p - 1, q - 1)).
  // Status::invalid_argument if one fails. Slow (two primality tests); for tools and key import,
  // not for every load.
  Status check(Rng& rng) const noexcept;

  void wipe() noexcept;

 private:
  // Test access (rsa_test_hooks.cpp, outside libpetrel: key faults and valgrind poisoning).
  friend struct RsaPrivateKeyAccess;
  // raw() after the checks, in an area of private_area_limbs() limbs (rsa_key.cpp).
  Status raw_in(MutableBytes out, ByteView in, Rng& rng, bn::Limb* area) const noexcept;
  RsaPublicKey m_pub;
  bn::Modulus m_p;
  bn::Modulus m_q;
  bn::Limb m_dp[bn::kMaxPrivLimbs] = {};
  bn::Limb m_dq[bn::kMaxPrivLimbs] = {};
  bn::Limb m_qinv[bn::kMaxPrivLimbs] = {};       // q^-1 mod p
  bn::Limb m_qinv_mont[bn::kMaxPrivLimbs] = {};  // in Montgomery form mod p
  bn::Limb m_d[bn::kMaxPrivLimbs] = {};
  bool m_has_d = false;
};

// FIPS 186-4 B.3.3 key generation (probable primes): bits in [1024, 4096] and even, e odd and
// >= 65537. p, q in [sqrt(2) * 2^(bits/2 - 1), 2^(bits/2) - 1], |p - q| > 2^(bits/2 - 100),
// gcd(e, p-1) = gcd(e, q-1) = 1, Miller-Rabin rounds per FIPS 186-4 Table C.3,
// d = e^-1 mod lcm(p-1, q-1) with d > 2^(bits/2).
Status rsa_generate_key(RsaPrivateKey* key, size_t bits, Rng& rng,
                        uint32_t e = 65537) noexcept;

// ---- PKCS#1 v1.5 signatures (RFC 8017 section 8.2, EMSA-PKCS1-v1_5 section 9.2) ---------------
// digest is the hash of the message (hash_digest_size(alg) bytes). sig.size() >= key.size();
// writes key.size() bytes. Verification re-encodes the expected block and compares the whole of
// it; it never parses the recovered block. sig must be exactly key.size() bytes.
Status rsa_pkcs1_sign(MutableBytes sig, const RsaPrivateKey& key, HashAlg alg, ByteView digest,
                      Rng& rng) noexcept;
Status rsa_pkcs1_verify(const RsaPublicKeyBase& key, HashAlg alg, ByteView digest,
                        ByteView sig) noexcept;
// TLS 1.0/1.1 form: the 36-byte MD5 || SHA-1 digest without a DigestInfo (RFC 4346 7.4.3).
Status rsa_pkcs1_sign_md5sha1(MutableBytes sig, const RsaPrivateKey& key, ByteView digest36,
                              Rng& rng) noexcept;
Status rsa_pkcs1_verify_md5sha1(const RsaPublicKeyBase& key, ByteView digest36,
                                ByteView sig) noexcept;

// ---- PKCS#1 v1.5 encryption (RFC 8017 section 7.2) ----------------------------------------------
// msg.size() <= key.size() - 11; out.size() >= key.size() (writes key.size() bytes).
Status rsa_pkcs1_encrypt(MutableBytes out, const RsaPublicKeyBase& key, ByteView msg,
                         Rng& rng) noexcept;
// out.size() >= key.size() - 11. Every kind of bad padding gives Status::bad_padding, and the
// padding check and the copy of the message are constant-time.
Status rsa_pkcs1_decrypt(MutableBytes out, size_t* out_len, const RsaPrivateKey& key,
                         ByteView ciphertext, Rng& rng) noexcept;
// TLS RSA key exchange (RFC 5246 section 7.4.7.1): writes the 48-byte premaster secret. If the
// padding is bad, the message is not 48 bytes, or its first two bytes are not client_version,
// writes 48 random bytes instead and still returns Status::ok (implicit rejection); the choice is
// made with masks. Errors are returned only for public problems (wrong ciphertext length or
// value >= n), an RNG failure or a detected fault.
Status rsa_pkcs1_decrypt_tls_premaster(MutableBytes out48, const RsaPrivateKey& key,
                                       ByteView ciphertext, uint16_t client_version,
                                       Rng& rng) noexcept;

// ---- RSASSA-PSS (RFC 8017 section 8.1, EMSA-PSS section 9.1), MGF1 over the same hash or another
constexpr size_t kPssSaltHashLen = SIZE_MAX - 1;  // salt length = digest length (the default)
constexpr size_t kPssSaltAny = SIZE_MAX;          // verify: accept any valid salt length
Status rsa_pss_sign(MutableBytes sig, const RsaPrivateKey& key, HashAlg alg, ByteView digest,
                    Rng& rng, size_t salt_len = kPssSaltHashLen) noexcept;
Status rsa_pss_verify(const RsaPublicKeyBase& key, HashAlg alg, ByteView digest, ByteView sig,
                      size_t salt_len = kPssSaltAny) noexcept;
// The same with MGF1 over another hash than the digest's (RFC 8017 9.1 and A.2.3 let the two
// differ; OpenSSL's -pkeyopt rsa_mgf1_md): mgf1_alg may be any hash but MD5.
Status rsa_pss_sign(MutableBytes sig, const RsaPrivateKey& key, HashAlg alg, HashAlg mgf1_alg,
                    ByteView digest, Rng& rng, size_t salt_len = kPssSaltHashLen) noexcept;
Status rsa_pss_verify(const RsaPublicKeyBase& key, HashAlg alg, HashAlg mgf1_alg, ByteView digest,
                      ByteView sig, size_t salt_len = kPssSaltAny) noexcept;

// ---- RSAES-OAEP (RFC 8017 section 7.1), MGF1 over the same hash or another ---------------------
// msg.size() <= key.size() - 2 * hLen - 2. out.size() >= key.size().
Status rsa_oaep_encrypt(MutableBytes out, const RsaPublicKeyBase& key, HashAlg alg, ByteView msg,
                        ByteView label, Rng& rng) noexcept;
// out.size() >= key.size() - 2 * hLen - 2. One Status (bad_padding) for every decoding error,
// constant-time checks and copy.
Status rsa_oaep_decrypt(MutableBytes out, size_t* out_len, const RsaPrivateKey& key, HashAlg alg,
                        ByteView ciphertext, ByteView label, Rng& rng) noexcept;
// The same with MGF1 over mgf1_alg instead of alg (the label hash): RFC 8017 A.2.1 lets the two
// differ (OpenSSL's -pkeyopt rsa_mgf1_md). The label is any byte string (empty by default in
// the tools; OpenSSL's rsa_oaep_label). MD5 is refused for either hash.
Status rsa_oaep_encrypt(MutableBytes out, const RsaPublicKeyBase& key, HashAlg alg, HashAlg mgf1_alg,
                        ByteView msg, ByteView label, Rng& rng) noexcept;
Status rsa_oaep_decrypt(MutableBytes out, size_t* out_len, const RsaPrivateKey& key, HashAlg alg,
                        HashAlg mgf1_alg, ByteView ciphertext, ByteView label, Rng& rng) noexcept;

// MGF1 (RFC 8017 B.2.1): out ^= MGF1(seed, out.size()) (rsa_mgf1.cpp).
Status mgf1_xor(MutableBytes out, HashAlg alg, ByteView seed) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_RSA_RSA_H
