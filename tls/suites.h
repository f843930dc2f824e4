// The cipher suites Petrel's TLS client implements, one table: IANA number, OpenSSL name, key
// exchange, record protection, PRF hash and the versions each may be used in.
//
//   ECDHE-RSA-CHACHA20-POLY1305               TLS 1.2, ECDHE over X25519 signed with RSA, AEAD
//                                             (RFC 8422, RFC 7905)
//   ECDHE-RSA-AES128-GCM-SHA256, -AES256-GCM-SHA384, -AES128-SHA256, -AES256-SHA384,
//   -AES128-SHA, -AES256-SHA                  the same key exchange with AES (RFC 5289, 8422;
//                                             -AES256-SHA384: CBC with HMAC-SHA384, PRF SHA-384)
//   ECDHE-ECDSA-CHACHA20-POLY1305, -AES128-GCM-SHA256, -AES256-GCM-SHA384, -AES256-SHA384,
//   -AES128-SHA, -AES256-SHA                  ECDHE signed with the certificate's ECDSA key
//                                             (P-256 or P-384; RFC 8422, RFC 5289, RFC 7905)
//   AES256-GCM-SHA384, AES128-GCM-SHA256      TLS 1.2, RSA key exchange, AEAD (RFC 5288)
//   AES256-SHA256, AES128-SHA256              TLS 1.2, CBC with HMAC-SHA256 (RFC 5246)
//   AES256-SHA, AES128-SHA                    TLS 1.0-1.2, CBC with HMAC-SHA1
//   RC4-SHA, RC4-MD5                          LEGACY AND WEAK (RFC 7465 prohibits RC4): offered
//                                             only when the caller lists them, for old servers
//
// ECDHE runs over X25519 or P-256 (secp256r1), whichever the server picks from supported_groups
// (offered in that order).
//
// The default list: forward-secret (ECDHE) suites first, then RSA key exchange for the servers
// that need it, AEAD before CBC, ECDSA before RSA for the same protection. When the AES implementation in use is the portable
// constant-time one (`ct`), ChaCha20-Poly1305 comes before AES-GCM: it is constant-time by
// construction and several times faster in portable integer code (BoringSSL orders the same way
// on CPUs without AES instructions); with the `table` AES, AES-GCM first.
// Public API (installed): the declarations here are stable.
#ifndef PETREL_TLS_SUITES_H
#define PETREL_TLS_SUITES_H

#include <cstddef>
#include <cstdint>

#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "tls/record.h"

namespace petrel {
namespace tls {

enum class KeyExchange : uint8_t { rsa, ecdhe_rsa, ecdhe_ecdsa };

struct SuiteInfo {
  uint16_t m_id;
  const char* m_name;       // OpenSSL's name
  KeyExchange m_kx;
  BulkCipher m_cipher;
  RecordMac m_mac;
  HashAlg m_prf;            // TLS 1.2 PRF hash (TLS 1.0/1.1 use MD5/SHA-1)
  uint16_t m_min_version;
  bool m_legacy;            // weak: never in the default list
};

constexpr uint16_t kSuiteRsaAes128GcmSha256 = 0x009C;
constexpr uint16_t kSuiteRsaAes256GcmSha384 = 0x009D;
constexpr uint16_t kSuiteRsaAes128CbcSha256 = 0x003C;
constexpr uint16_t kSuiteRsaAes256CbcSha256 = 0x003D;
constexpr uint16_t kSuiteRsaAes128CbcSha = 0x002F;
constexpr uint16_t kSuiteRsaAes256CbcSha = 0x0035;
constexpr uint16_t kSuiteRsaRc4Sha = 0x0005;
constexpr uint16_t kSuiteRsaRc4Md5 = 0x0004;
constexpr uint16_t kSuiteEcdheRsaAes128GcmSha256 = 0xC02F;
constexpr uint16_t kSuiteEcdheRsaAes256GcmSha384 = 0xC030;
constexpr uint16_t kSuiteEcdheRsaChacha20Poly1305 = 0xCCA8;
constexpr uint16_t kSuiteEcdheRsaAes128CbcSha256 = 0xC027;
constexpr uint16_t kSuiteEcdheRsaAes256CbcSha384 = 0xC028;
constexpr uint16_t kSuiteEcdheRsaAes128CbcSha = 0xC013;
constexpr uint16_t kSuiteEcdheRsaAes256CbcSha = 0xC014;
constexpr uint16_t kSuiteEcdheEcdsaAes128GcmSha256 = 0xC02B;
constexpr uint16_t kSuiteEcdheEcdsaAes256GcmSha384 = 0xC02C;
constexpr uint16_t kSuiteEcdheEcdsaChacha20Poly1305 = 0xCCA9;
constexpr uint16_t kSuiteEcdheEcdsaAes256CbcSha384 = 0xC024;
constexpr uint16_t kSuiteEcdheEcdsaAes128CbcSha = 0xC009;
constexpr uint16_t kSuiteEcdheEcdsaAes256CbcSha = 0xC00A;

// Every suite this build has, in the default order of preference (legacy ones last): all of
// the above, or with PETREL_MINIMAL (crypto/util/build_config.h) the RSA key-exchange suites with
// AES-GCM and AES-CBC only; find_suite() and the names know no other.
Span<const SuiteInfo> all_suites() noexcept;
// The default offer: every non-legacy suite, ordered for the AES implementation in use (see
// above); default_suites() is the order for the library's default AES implementation.
Span<const uint16_t> default_suites(AesImpl aes) noexcept;
Span<const uint16_t> default_suites() noexcept;
// nullptr if unknown.
const SuiteInfo* find_suite(uint16_t id) noexcept;
const SuiteInfo* find_suite_by_name(const char* name, size_t len) noexcept;
// May this suite be used at this version? (SHA-256, SHA-384 and GCM suites need TLS 1.2.)
bool suite_allowed_in(const SuiteInfo& s, uint16_t version) noexcept;

// Parses an OpenSSL-style list ("AES128-GCM-SHA256:AES256-SHA", also "DEFAULT", "ALL" with the
// legacy suites, "RC4" for both RC4 suites; separators ':' ',' ' ') into ids, in order, without
// duplicates. invalid_argument for an unknown name (*bad_name views it), buffer_too_small if out
// cannot hold them.
Status parse_suite_list(Span<uint16_t> out, size_t* out_len, ByteView list, ByteView* bad_name) noexcept;

const char* version_name(uint16_t version) noexcept;  // "TLSv1.2"

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_SUITES_H
