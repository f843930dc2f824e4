// Fuzz target "tls_record": tls/record.h RecordProtection::open and ::seal under fixed keys,
// for every record protection Petrel has: AES-128/256-GCM, ChaCha20-Poly1305 (RFC 7905),
// AES-128/256-CBC with HMAC-SHA-1, HMAC-SHA-256 or HMAC-SHA-384 (TLS 1.2), MAC-then-encrypt
// and encrypt_then_mac, TLS 1.0 (chained IV), 1.1 and 1.2 (explicit IV), RC4-128 with
// HMAC-SHA-1 / HMAC-MD5, and the null protection. Aims at open (GCM, ChaCha20-Poly1305, open_cbc_mte with its constant-time padding and MAC scan, open_cbc_etm, RC4), seal and
// seal_cbc, with every AES implementation of the build.
// Input: byte 0 picks the protection (mod 16, table kConfigs), byte 1: bit 0 the mode (0: open
// the rest as a received fragment; 1: seal the rest as plaintext, then open it), bits 1-2 the
// content type, bits 3-4 the sequence number (0, 1, 2^32 + 7, 2^64 - 2); byte 2 the AES
// implementation (mod the number available).
// Properties, open: a fragment open accepts was made by seal (a forgery of negligible
// probability otherwise), so if open returns ok, the plaintext lies inside the buffer and
// sealing it with a fresh object at the same sequence number (TLS 1.1/1.2 CBC: with the
// fragment's explicit IV as the Rng output) reproduces the fragment byte for byte, for every
// cipher (seal pads minimally: a CBC fragment with longer padding, as other stacks may send,
// must then have another length; that is checked instead). Round trip: seal then open at the
// same sequence number gives the plaintext back, and the sealed fragment with one bit flipped
// never opens.
#include <cstring>

#include "crypto/aes/aes.h"
#include "fuzz/driver.h"
#include "tls/record.h"
#include "tls/record_test_hooks.h"

using namespace petrel;
using namespace petrel::tls;

namespace {

struct Config {
  BulkCipher cipher;
  RecordMac mac;
  uint16_t version;
  bool etm;
};

const Config kConfigs[] = {
    {BulkCipher::aes128_gcm, RecordMac::none, kTls12, false},
    {BulkCipher::aes256_gcm, RecordMac::none, kTls12, false},
    {BulkCipher::aes128_cbc, RecordMac::hmac_sha1, kTls10, false},
    {BulkCipher::aes128_cbc, RecordMac::hmac_sha1, kTls11, false},
    {BulkCipher::aes128_cbc, RecordMac::hmac_sha1, kTls12, false},
    {BulkCipher::aes256_cbc, RecordMac::hmac_sha256, kTls12, false},
    {BulkCipher::aes128_cbc, RecordMac::hmac_sha1, kTls10, true},
    {BulkCipher::aes128_cbc, RecordMac::hmac_sha1, kTls12, true},
    {BulkCipher::aes256_cbc, RecordMac::hmac_sha256, kTls12, true},
    {BulkCipher::aes256_cbc, RecordMac::hmac_sha1, kTls11, true},
    {BulkCipher::rc4_128, RecordMac::hmac_sha1, kTls12, false},
    {BulkCipher::rc4_128, RecordMac::hmac_md5, kTls10, false},
    {BulkCipher::chacha20_poly1305, RecordMac::none, kTls12, false},
    {BulkCipher::null, RecordMac::none, kTls12, false},
    {BulkCipher::aes256_cbc, RecordMac::hmac_sha384, kTls12, false},
    {BulkCipher::aes256_cbc, RecordMac::hmac_sha384, kTls12, true},
};
constexpr size_t kNumConfigs = sizeof(kConfigs) / sizeof(kConfigs[0]);
const uint8_t kTypes[4] = {kContentApplicationData, kContentHandshake, kContentAlert,
                           kContentChangeCipherSpec};
const uint64_t kSeqs[4] = {0, 1, (1ull << 32) + 7, UINT64_MAX - 1};

// Fixed keys (test values: bytes 0x00.., 0x40.., 0x80..).
uint8_t g_mac_key[kMaxRecordMacSize];
uint8_t g_enc_key[32];
uint8_t g_iv[16];

// Hands out given bytes (the explicit IV to reproduce), then zeros.
class ReplayRng final : public Rng {
 public:
  explicit ReplayRng(ByteView bytes) noexcept : m_bytes(bytes) {}
  Status generate(MutableBytes out) noexcept override {
    for (size_t i = 0; i < out.size(); i++) {
      out[i] = m_pos < m_bytes.size() ? m_bytes[m_pos++] : 0;
    }
    return Status::ok;
  }

 private:
  ByteView m_bytes;
  size_t m_pos = 0;
};

bool init(RecordProtection* rp, const Config& c, AesImpl impl, uint64_t seq) {
  for (size_t i = 0; i < 32; i++) {
    g_mac_key[i] = static_cast<uint8_t>(i);
    g_enc_key[i] = static_cast<uint8_t>(0x40 + i);
  }
  for (size_t i = 0; i < 16; i++) {
    g_iv[i] = static_cast<uint8_t>(0x80 + i);
  }
  RecordKeys keys;
  keys.m_mac_key = ByteView(g_mac_key, record_mac_size(c.mac));
  keys.m_enc_key = ByteView(g_enc_key, bulk_key_size(c.cipher));
  keys.m_fixed_iv = ByteView(g_iv, bulk_fixed_iv_size(c.cipher, c.version));
  const Status s = rp->init(c.cipher, c.mac, c.version, c.etm, keys, impl);
  PETREL_FUZZ_CHECK(s == Status::ok);
  record_set_sequence_for_testing(*rp, seq);
  return true;
}

bool inside(ByteView part, const uint8_t* base, size_t len) {
  return part.empty() || (part.data() >= base && part.data() + part.size() <= base + len);
}

uint8_t g_body[kMaxCiphertext + 64];
uint8_t g_copy[kMaxCiphertext + 64];
uint8_t g_again[kMaxCiphertext + 64];

}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  if (size < 3) {
    return 0;
  }
  const uint8_t selector = data[0];
  const Config& cfg = kConfigs[selector % kNumConfigs];
  const bool round_trip = (data[1] & 1) != 0;
  const uint8_t type = kTypes[(data[1] >> 1) & 3];
  const uint64_t seq = kSeqs[(data[1] >> 3) & 3];
  AesImpl impls[16];
  const size_t n_impls = aes_impls_available(impls, 16);
  PETREL_FUZZ_CHECK(n_impls >= 1);
  const AesImpl impl = impls[data[2] % (n_impls < 16 ? n_impls : 16)];
  data += 3;
  size -= 3;
  const uint16_t rec_version = cfg.version;

  if (!round_trip) {
    if (size > kMaxCiphertext + 64) {
      return 0;
    }
    std::memcpy(g_body, data, size);
    RecordProtection rp;
    init(&rp, cfg, impl, seq);
    MutableBytes pt;
    const Status s = rp.open(type, rec_version, MutableBytes(g_body, size), &pt);
    if (s != Status::ok) {
      PETREL_FUZZ_CHECK(pt.empty());
      PETREL_FUZZ_CHECK(rp.sequence() == seq);
      return 0;
    }
    PETREL_FUZZ_CHECK(inside(pt, g_body, size));
    PETREL_FUZZ_CHECK(pt.size() <= size && pt.size() <= kMaxPlaintext + 1024);
    PETREL_FUZZ_CHECK(rp.sequence() == seq + 1);
    // Re-seal with a fresh object at the same sequence number.
    RecordProtection w;
    init(&w, cfg, impl, seq);
    const size_t prefix = w.prefix_size();
    if (prefix + pt.size() + w.suffix_size() > sizeof(g_again) || pt.size() > kMaxPlaintext) {
      return 0;
    }
    std::memmove(g_again + prefix, pt.data(), pt.size());
    ReplayRng iv_rng(ByteView(data, size < 16 ? size : 16));
    size_t len = 0;
    PETREL_FUZZ_CHECK(w.seal(type, rec_version, MutableBytes(g_again, sizeof(g_again)), pt.size(),
                             &len, iv_rng) == Status::ok);
    const bool cbc = cfg.cipher == BulkCipher::aes128_cbc || cfg.cipher == BulkCipher::aes256_cbc;
    if (len == size) {
      PETREL_FUZZ_CHECK(std::memcmp(g_again, data, size) == 0);
    } else {
      // Only a CBC fragment with more than minimal padding has another length (a longer one).
      PETREL_FUZZ_CHECK(cbc && len < size);
    }
    return 0;
  }

  // Round trip of a fuzzed plaintext.
  RecordProtection w;
  init(&w, cfg, impl, seq);
  const size_t pt_len = size < kMaxPlaintext ? size : kMaxPlaintext;
  const size_t prefix = w.prefix_size();
  PETREL_FUZZ_CHECK(prefix + pt_len + w.suffix_size() <= sizeof(g_body));
  std::memcpy(g_body + prefix, data, pt_len);
  ReplayRng iv_rng(ByteView(data, size < 16 ? size : 16));
  size_t len = 0;
  PETREL_FUZZ_CHECK(w.seal(type, rec_version, MutableBytes(g_body, sizeof(g_body)), pt_len, &len,
                           iv_rng) == Status::ok);
  PETREL_FUZZ_CHECK(len <= prefix + pt_len + w.suffix_size() && len <= kMaxCiphertext);
  PETREL_FUZZ_CHECK(w.sequence() == seq + 1);
  std::memcpy(g_copy, g_body, len);
  {
    RecordProtection r;
    init(&r, cfg, impl, seq);
    MutableBytes pt;
    PETREL_FUZZ_CHECK(r.open(type, rec_version, MutableBytes(g_body, len), &pt) == Status::ok);
    PETREL_FUZZ_CHECK(pt.size() == pt_len && inside(pt, g_body, len));
    PETREL_FUZZ_CHECK(pt_len == 0 || std::memcmp(pt.data(), data, pt_len) == 0);
  }
  if (cfg.cipher != BulkCipher::null && len > 0) {
    // One bit flipped anywhere: never opens.
    const size_t at = (pt_len * 131 + static_cast<size_t>(selector)) % len;
    std::memcpy(g_body, g_copy, len);
    g_body[at] ^= static_cast<uint8_t>(1u << (pt_len % 8));
    RecordProtection r;
    init(&r, cfg, impl, seq);
    MutableBytes pt;
    const Status s = r.open(type, rec_version, MutableBytes(g_body, len), &pt);
    PETREL_FUZZ_CHECK(s == Status::auth_failed || s == Status::decode_error);
    // The right bytes under another content type or sequence number do not open either.
    std::memcpy(g_body, g_copy, len);
    RecordProtection r2;
    init(&r2, cfg, impl, seq + 1);
    PETREL_FUZZ_CHECK(r2.open(type, rec_version, MutableBytes(g_body, len), &pt) != Status::ok);
  }
  return 0;
}
