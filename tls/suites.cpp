// The suite table (tls/suites.h). RFC 5246 appendix A.5, RFC 5288, RFC 7465 (RC4: legacy),
// RFC 8422 6 and RFC 5289 (ECDHE_ECDSA; the SHA-384 CBC suites, section 3.2), RFC 7905
// (ChaCha20-Poly1305).
#include "tls/suites.h"

#include <cstring>

#include "crypto/util/build_config.h"

namespace petrel {
namespace tls {
namespace {

constexpr SuiteInfo kAllSuites[] = {
    {kSuiteEcdheEcdsaChacha20Poly1305, "ECDHE-ECDSA-CHACHA20-POLY1305", KeyExchange::ecdhe_ecdsa,
     BulkCipher::chacha20_poly1305, RecordMac::none, HashAlg::sha256, kTls12, false},
    {kSuiteEcdheEcdsaAes128GcmSha256, "ECDHE-ECDSA-AES128-GCM-SHA256", KeyExchange::ecdhe_ecdsa,
     BulkCipher::aes128_gcm, RecordMac::none, HashAlg::sha256, kTls12, false},
    {kSuiteEcdheEcdsaAes256GcmSha384, "ECDHE-ECDSA-AES256-GCM-SHA384", KeyExchange::ecdhe_ecdsa,
     BulkCipher::aes256_gcm, RecordMac::none, HashAlg::sha384, kTls12, false},
    {kSuiteEcdheEcdsaAes256CbcSha384, "ECDHE-ECDSA-AES256-SHA384", KeyExchange::ecdhe_ecdsa,
     BulkCipher::aes256_cbc, RecordMac::hmac_sha384, HashAlg::sha384, kTls12, false},
    {kSuiteEcdheEcdsaAes128CbcSha, "ECDHE-ECDSA-AES128-SHA", KeyExchange::ecdhe_ecdsa,
     BulkCipher::aes128_cbc, RecordMac::hmac_sha1, HashAlg::sha256, kTls10, false},
    {kSuiteEcdheEcdsaAes256CbcSha, "ECDHE-ECDSA-AES256-SHA", KeyExchange::ecdhe_ecdsa,
     BulkCipher::aes256_cbc, RecordMac::hmac_sha1, HashAlg::sha256, kTls10, false},
    {kSuiteEcdheRsaChacha20Poly1305, "ECDHE-RSA-CHACHA20-POLY1305", KeyExchange::ecdhe_rsa,
     BulkCipher::chacha20_poly1305, RecordMac::none, HashAlg::sha256, kTls12, false},
    {kSuiteEcdheRsaAes128GcmSha256, "ECDHE-RSA-AES128-GCM-SHA256", KeyExchange::ecdhe_rsa,
     BulkCipher::aes128_gcm, RecordMac::none, HashAlg::sha256, kTls12, false},
    {kSuiteEcdheRsaAes256GcmSha384, "ECDHE-RSA-AES256-GCM-SHA384", KeyExchange::ecdhe_rsa,
     BulkCipher::aes256_gcm, RecordMac::none, HashAlg::sha384, kTls12, false},
    {kSuiteEcdheRsaAes128CbcSha256, "ECDHE-RSA-AES128-SHA256", KeyExchange::ecdhe_rsa,
     BulkCipher::aes128_cbc, RecordMac::hmac_sha256, HashAlg::sha256, kTls12, false},
    {kSuiteEcdheRsaAes256CbcSha384, "ECDHE-RSA-AES256-SHA384", KeyExchange::ecdhe_rsa,
     BulkCipher::aes256_cbc, RecordMac::hmac_sha384, HashAlg::sha384, kTls12, false},
    {kSuiteEcdheRsaAes128CbcSha, "ECDHE-RSA-AES128-SHA", KeyExchange::ecdhe_rsa,
     BulkCipher::aes128_cbc, RecordMac::hmac_sha1, HashAlg::sha256, kTls10, false},
    {kSuiteEcdheRsaAes256CbcSha, "ECDHE-RSA-AES256-SHA", KeyExchange::ecdhe_rsa,
     BulkCipher::aes256_cbc, RecordMac::hmac_sha1, HashAlg::sha256, kTls10, false},
    {kSuiteRsaAes128GcmSha256, "AES128-GCM-SHA256", KeyExchange::rsa, BulkCipher::aes128_gcm,
     RecordMac::none, HashAlg::sha256, kTls12, false},
    {kSuiteRsaAes256GcmSha384, "AES256-GCM-SHA384", KeyExchange::rsa, BulkCipher::aes256_gcm,
     RecordMac::none, HashAlg::sha384, kTls12, false},
    {kSuiteRsaAes128CbcSha256, "AES128-SHA256", KeyExchange::rsa, BulkCipher::aes128_cbc,
     RecordMac::hmac_sha256, HashAlg::sha256, kTls12, false},
    {kSuiteRsaAes256CbcSha256, "AES256-SHA256", KeyExchange::rsa, BulkCipher::aes256_cbc,
     RecordMac::hmac_sha256, HashAlg::sha256, kTls12, false},
    {kSuiteRsaAes128CbcSha, "AES128-SHA", KeyExchange::rsa, BulkCipher::aes128_cbc,
     RecordMac::hmac_sha1, HashAlg::sha256, kTls10, false},
    {kSuiteRsaAes256CbcSha, "AES256-SHA", KeyExchange::rsa, BulkCipher::aes256_cbc,
     RecordMac::hmac_sha1, HashAlg::sha256, kTls10, false},
    {kSuiteRsaRc4Sha, "RC4-SHA", KeyExchange::rsa, BulkCipher::rc4_128, RecordMac::hmac_sha1,
     HashAlg::sha256, kTls10, true},
    {kSuiteRsaRc4Md5, "RC4-MD5", KeyExchange::rsa, BulkCipher::rc4_128, RecordMac::hmac_md5,
     HashAlg::sha256, kTls10, true},
};

// Is this suite in the build (crypto/util/build_config.h)? A minimal build (PETREL_MINIMAL)
// keeps the TLS 1.2 RSA key-exchange suites with AES-GCM and AES-CBC, SHA-384 ones excepted.
constexpr bool suite_built(const SuiteInfo& s) noexcept {
  return (kBuildEc || s.m_kx == KeyExchange::rsa) &&
         (kBuildChaCha20Poly1305Suites || s.m_cipher != BulkCipher::chacha20_poly1305) &&
         (kBuildRc4Suites || s.m_cipher != BulkCipher::rc4_128) &&
         (kBuildMd5 || s.m_mac != RecordMac::hmac_md5) &&
         (kBuildSha512 || (s.m_prf != HashAlg::sha384 && s.m_mac != RecordMac::hmac_sha384));
}

template <typename T, size_t N>
struct Table {
  T m_v[N] = {};
  size_t m_n = 0;
};

// The rows of kAllSuites this build has, in the same order (compile time: the table of the
// minimal build holds no pointer to a name or code it lacks).
constexpr size_t kAllCount = sizeof(kAllSuites) / sizeof(kAllSuites[0]);
constexpr Table<SuiteInfo, kAllCount> built_suites() noexcept {
  Table<SuiteInfo, kAllCount> t;
  for (const SuiteInfo& s : kAllSuites) {
    if (suite_built(s)) {
      t.m_v[t.m_n++] = s;
    }
  }
  return t;
}
constexpr Table<SuiteInfo, kAllCount> kSuites = built_suites();

constexpr bool id_built(uint16_t id) noexcept {
  for (size_t i = 0; i < kSuites.m_n; i++) {
    if (kSuites.m_v[i].m_id == id) {
      return true;
    }
  }
  return false;
}

template <size_t N>
constexpr Table<uint16_t, N> built_ids(const uint16_t (&ids)[N]) noexcept {
  Table<uint16_t, N> t;
  for (uint16_t id : ids) {
    if (id_built(id)) {
      t.m_v[t.m_n++] = id;
    }
  }
  return t;
}

// Portable constant-time AES: ChaCha20-Poly1305 first.
constexpr uint16_t kDefaultCtAesAll[] = {
    kSuiteEcdheEcdsaChacha20Poly1305, kSuiteEcdheRsaChacha20Poly1305,
    kSuiteEcdheEcdsaAes128GcmSha256,  kSuiteEcdheRsaAes128GcmSha256,
    kSuiteEcdheEcdsaAes256GcmSha384,  kSuiteEcdheRsaAes256GcmSha384,
    kSuiteEcdheRsaAes128CbcSha256,    kSuiteEcdheEcdsaAes256CbcSha384,
    kSuiteEcdheRsaAes256CbcSha384,    kSuiteEcdheEcdsaAes128CbcSha,
    kSuiteEcdheRsaAes128CbcSha,       kSuiteEcdheEcdsaAes256CbcSha,
    kSuiteEcdheRsaAes256CbcSha,
    kSuiteRsaAes128GcmSha256,       kSuiteRsaAes256GcmSha384,      kSuiteRsaAes128CbcSha256,
    kSuiteRsaAes256CbcSha256,       kSuiteRsaAes128CbcSha,         kSuiteRsaAes256CbcSha};
// Other AES implementations: AES-GCM first.
constexpr uint16_t kDefaultFastAesAll[] = {
    kSuiteEcdheEcdsaAes128GcmSha256,  kSuiteEcdheRsaAes128GcmSha256,
    kSuiteEcdheEcdsaAes256GcmSha384,  kSuiteEcdheRsaAes256GcmSha384,
    kSuiteEcdheEcdsaChacha20Poly1305, kSuiteEcdheRsaChacha20Poly1305,
    kSuiteEcdheRsaAes128CbcSha256,    kSuiteEcdheEcdsaAes256CbcSha384,
    kSuiteEcdheRsaAes256CbcSha384,    kSuiteEcdheEcdsaAes128CbcSha,
    kSuiteEcdheRsaAes128CbcSha,       kSuiteEcdheEcdsaAes256CbcSha,
    kSuiteEcdheRsaAes256CbcSha,
    kSuiteRsaAes128GcmSha256,      kSuiteRsaAes256GcmSha384,      kSuiteRsaAes128CbcSha256,
    kSuiteRsaAes256CbcSha256,      kSuiteRsaAes128CbcSha,         kSuiteRsaAes256CbcSha};

constexpr auto kDefaultCtAes = built_ids(kDefaultCtAesAll);
constexpr auto kDefaultFastAes = built_ids(kDefaultFastAesAll);

bool name_eq(const char* a, const uint8_t* b, size_t len) noexcept {
  if (std::strlen(a) != len) {
    return false;
  }
  for (size_t i = 0; i < len; i++) {
    char x = a[i];
    char y = static_cast<char>(b[i]);
    if (x >= 'a' && x <= 'z') {
      x = static_cast<char>(x - 'a' + 'A');
    }
    if (y >= 'a' && y <= 'z') {
      y = static_cast<char>(y - 'a' + 'A');
    }
    if (x != y) {
      return false;
    }
  }
  return true;
}

bool append_unique(Span<uint16_t> out, size_t* n, uint16_t id) noexcept {
  for (size_t i = 0; i < *n; i++) {
    if (out[i] == id) {
      return true;
    }
  }
  if (*n >= out.size()) {
    return false;
  }
  out[(*n)++] = id;
  return true;
}

}  // namespace

Span<const SuiteInfo> all_suites() noexcept {
  return Span<const SuiteInfo>(kSuites.m_v, kSuites.m_n);
}

Span<const uint16_t> default_suites(AesImpl aes) noexcept {
  if (aes_impl_is_constant_time(aes)) {  // ct first: ChaCha20-Poly1305; table AES: AES-GCM
    return Span<const uint16_t>(kDefaultCtAes.m_v, kDefaultCtAes.m_n);
  }
  return Span<const uint16_t>(kDefaultFastAes.m_v, kDefaultFastAes.m_n);
}

Span<const uint16_t> default_suites() noexcept {
  return default_suites(kAesDefaultImpl);
}

const SuiteInfo* find_suite(uint16_t id) noexcept {
  for (const SuiteInfo& s : all_suites()) {
    if (s.m_id == id) {
      return &s;
    }
  }
  return nullptr;
}

const SuiteInfo* find_suite_by_name(const char* name, size_t len) noexcept {
  for (const SuiteInfo& s : all_suites()) {
    if (name_eq(s.m_name, reinterpret_cast<const uint8_t*>(name), len)) {
      return &s;
    }
  }
  return nullptr;
}

bool suite_allowed_in(const SuiteInfo& s, uint16_t version) noexcept {
  return version >= s.m_min_version;
}

Status parse_suite_list(Span<uint16_t> out, size_t* out_len, ByteView list,
                        ByteView* bad_name) noexcept {
  *out_len = 0;
  size_t n = 0;
  size_t i = 0;
  while (i < list.size()) {
    size_t j = i;
    while (j < list.size() && list[j] != ':' && list[j] != ',' && list[j] != ' ') {
      j++;
    }
    const uint8_t* name = list.data() + i;
    size_t len = j - i;
    i = j + 1;
    if (len == 0) {
      continue;
    }
    bool ok = true;
    if (name_eq("DEFAULT", name, len)) {
      for (uint16_t id : default_suites()) {
        ok = ok && append_unique(out, &n, id);
      }
    } else if (name_eq("ALL", name, len)) {
      for (const SuiteInfo& s : all_suites()) {
        ok = ok && append_unique(out, &n, s.m_id);
      }
    } else if (kBuildRc4Suites && name_eq("RC4", name, len)) {
      ok = append_unique(out, &n, kSuiteRsaRc4Sha) && append_unique(out, &n, kSuiteRsaRc4Md5);
    } else {
      const SuiteInfo* s = find_suite_by_name(reinterpret_cast<const char*>(name), len);
      if (s == nullptr) {
        if (bad_name != nullptr) {
          *bad_name = ByteView(name, len);
        }
        return Status::invalid_argument;
      }
      ok = append_unique(out, &n, s->m_id);
    }
    if (!ok) {
      return Status::buffer_too_small;
    }
  }
  *out_len = n;
  return Status::ok;
}

const char* version_name(uint16_t version) noexcept {
  switch (version) {
    case kTls10:
      return "TLSv1";
    case kTls11:
      return "TLSv1.1";
    case kTls12:
      return "TLSv1.2";
    default:
      return "unknown";
  }
}

}  // namespace tls
}  // namespace petrel
