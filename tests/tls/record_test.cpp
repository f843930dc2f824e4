// TLS record protection (tls/record.h), pure tests that run on every target: round trips of
// every suite combination and AES implementation over chained records, every single-bit flip of
// a sealed record and of the header fields the MAC/AAD covers (type, version, sequence number),
// truncation and extension, each kind of bad CBC padding (one verdict with a bad MAC), valid
// non-minimal padding up to 255 bytes (what GnuTLS may send), publicly impossible lengths,
// sequence-number exhaustion, init() argument checks. Known answers against libcrypto are in
// tests/tls/openssl/record_openssl_test.cpp.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "crypto/mac/hmac.h"
#include "crypto/modes/modes.h"
#include "tests/common/aes_impls.h"
#include "tests/common/file_test.h"
#include "tests/tls/record_suites.h"
#include "tls/record.h"
#include "tls/record_test_hooks.h"

using namespace petrel;
using namespace petrel::tls;
using petrel_test::RecordCombo;
using petrel_test::RecordKeyMaterial;
using petrel_test::TestRng;
using petrel_test::all_record_combos;
using petrel_test::combo_name;
using petrel_test::record_keys_for;
using petrel_test::report_cases;
using petrel_test::to_hex;

namespace {

std::vector<AesImpl> impls_for(const RecordCombo& c) {
  if (petrel_test::uses_aes(c)) {
    return petrel_test::all_aes_impls();
  }
  return {kAesDefaultImpl};
}

void init_pair(RecordProtection* w, RecordProtection* r, const RecordCombo& c,
               const RecordKeyMaterial& k, AesImpl impl, uint64_t seq = 0) {
  ASSERT_EQ(w->init(c.cipher, c.mac, c.version, c.etm, k.keys(), impl), Status::ok) << combo_name(c);
  ASSERT_EQ(r->init(c.cipher, c.mac, c.version, c.etm, k.keys(), impl), Status::ok) << combo_name(c);
  record_set_sequence_for_testing(*w, seq);
  record_set_sequence_for_testing(*r, seq);
}

std::vector<uint8_t> plaintext_of(size_t len, uint8_t seed) {
  std::vector<uint8_t> p(len);
  for (size_t i = 0; i < len; i++) {
    p[i] = static_cast<uint8_t>(seed + i * 11 + (i >> 4));
  }
  return p;
}

// Seals pt and returns the fragment.
std::vector<uint8_t> seal_record(RecordProtection& w, uint8_t type, uint16_t version,
                                 const std::vector<uint8_t>& pt, Rng& rng) {
  std::vector<uint8_t> body(w.prefix_size() + pt.size() + w.suffix_size() + 7, 0xee);
  if (!pt.empty()) {
    std::memcpy(body.data() + w.prefix_size(), pt.data(), pt.size());
  }
  size_t len = 0;
  EXPECT_EQ(w.seal(type, version, MutableBytes(body.data(), body.size()), pt.size(), &len, rng),
            Status::ok);
  body.resize(len);
  return body;
}

Status open_copy(RecordProtection& r, uint8_t type, uint16_t version, std::vector<uint8_t> body,
                 std::vector<uint8_t>* out = nullptr) {
  MutableBytes pt;
  Status s = r.open(type, version, MutableBytes(body.data(), body.size()), &pt);
  if (s == Status::ok && out != nullptr) {
    out->assign(pt.begin(), pt.end());
  }
  return s;
}

bool rejected(Status s) { return s == Status::auth_failed || s == Status::decode_error; }

TEST(Record, RoundTripEveryCombination) {
  size_t n = 0;
  std::vector<size_t> lens;
  for (size_t l = 0; l <= 70; l++) {
    lens.push_back(l);
  }
  for (size_t l : {95u, 96u, 97u, 255u, 256u, 257u, 300u, 1000u, 4095u, 16383u, 16384u, 0u, 1u}) {
    lens.push_back(l);
  }
  for (const RecordCombo& c : all_record_combos()) {
    for (AesImpl impl : impls_for(c)) {
      const RecordKeyMaterial k = record_keys_for(c, 1);
      RecordProtection w;
      RecordProtection r;
      init_pair(&w, &r, c, k, impl);
      EXPECT_TRUE(w.active());
      EXPECT_EQ(w.cipher(), c.cipher);
      TestRng rng(7);
      uint64_t seq = 0;
      for (size_t len : lens) {
        const std::vector<uint8_t> pt = plaintext_of(len, static_cast<uint8_t>(len));
        const uint8_t type = len % 3 == 0 ? kContentHandshake : kContentApplicationData;
        const std::vector<uint8_t> rec = seal_record(w, type, c.version, pt, rng);
        ASSERT_LE(rec.size(), w.prefix_size() + len + w.suffix_size());
        if (len == kMaxPlaintext) {
          ASSERT_LE(rec.size(), kMaxCiphertext);
        }
        std::vector<uint8_t> got;
        ASSERT_EQ(open_copy(r, type, c.version, rec, &got), Status::ok)
            << combo_name(c) << " " << aes_impl_name(impl) << " len " << len;
        ASSERT_EQ(to_hex(got), to_hex(pt)) << combo_name(c) << " len " << len;
        seq++;
        ASSERT_EQ(w.sequence(), seq);
        ASSERT_EQ(r.sequence(), seq);
        n++;
      }
    }
  }
  report_cases("record round trips", n);
}

TEST(Record, NullStateIsThePlaintext) {
  RecordProtection w;
  EXPECT_FALSE(w.active());
  EXPECT_EQ(w.prefix_size(), 0u);
  EXPECT_EQ(w.suffix_size(), 0u);
  TestRng rng;
  std::vector<uint8_t> pt = plaintext_of(20, 3);
  const std::vector<uint8_t> rec = seal_record(w, kContentHandshake, kTls12, pt, rng);
  EXPECT_EQ(to_hex(rec), to_hex(pt));
  std::vector<uint8_t> got;
  RecordProtection r;
  EXPECT_EQ(open_copy(r, kContentHandshake, kTls12, rec, &got), Status::ok);
  EXPECT_EQ(to_hex(got), to_hex(pt));
  EXPECT_EQ(open_copy(r, kContentHandshake, kTls12, std::vector<uint8_t>(kMaxPlaintext + 1)),
            Status::decode_error);
}

// Keys set with init_pending() leave the direction unprotected (records pass through as with
// no keys) until activate(); then the records are those of a direction keyed by init() (opened
// by one), from sequence number 0, and each record's size stays within the stated expansions.
TEST(Record, PendingKeysTakeEffectAtActivate) {
  size_t n = 0;
  for (const RecordCombo& c : all_record_combos()) {
    for (AesImpl impl : impls_for(c)) {
      const RecordKeyMaterial k = record_keys_for(c, 9);
      RecordProtection w;
      RecordProtection r;
      ASSERT_EQ(w.init_pending(c.cipher, c.mac, c.version, c.etm, k.keys(), impl), Status::ok)
          << combo_name(c);
      EXPECT_TRUE(w.pending()) << combo_name(c);
      EXPECT_FALSE(w.active()) << combo_name(c);
      EXPECT_EQ(w.prefix_size() + w.suffix_size(), 0u) << combo_name(c);
      TestRng rng;
      const std::vector<uint8_t> pt = plaintext_of(300, 5);
      EXPECT_EQ(to_hex(seal_record(w, kContentHandshake, c.version, pt, rng)), to_hex(pt))
          << combo_name(c);
      EXPECT_TRUE(w.activate()) << combo_name(c);
      EXPECT_FALSE(w.activate()) << combo_name(c);  // once
      EXPECT_TRUE(w.active()) << combo_name(c);
      EXPECT_EQ(w.sequence(), 0u) << combo_name(c);
      ASSERT_EQ(r.init(c.cipher, c.mac, c.version, c.etm, k.keys(), impl), Status::ok);
      const size_t seal_exp = record_seal_expansion(c.cipher, c.mac);
      const size_t open_exp = record_open_expansion(c.cipher, c.mac);
      EXPECT_LE(seal_exp, open_exp) << combo_name(c);
      EXPECT_LE(open_exp, kMaxRecordOverhead) << combo_name(c);
      EXPECT_LE(w.prefix_size() + w.suffix_size(), seal_exp) << combo_name(c);
      for (size_t len : {size_t{0}, size_t{1}, size_t{300}, kMaxPlaintext}) {
        const std::vector<uint8_t> p = plaintext_of(len, 6);
        const std::vector<uint8_t> rec = seal_record(w, kContentApplicationData, c.version, p, rng);
        EXPECT_NE(to_hex(rec), to_hex(p)) << combo_name(c);
        EXPECT_LE(rec.size(), len + seal_exp) << combo_name(c);
        std::vector<uint8_t> got;
        EXPECT_EQ(open_copy(r, kContentApplicationData, c.version, rec, &got), Status::ok)
            << combo_name(c);
        EXPECT_EQ(to_hex(got), to_hex(p)) << combo_name(c);
      }
      n++;
    }
  }
  RecordProtection none;
  EXPECT_FALSE(none.activate());  // nothing pending
  report_cases("pending record keys", n);
}

// Every single-bit flip of the fragment, of type, version and sequence number, every
// truncation and two extensions: never ok.
TEST(Record, TamperingIsRejected) {
  size_t n = 0;
  const uint64_t kSeq = 0x0102030405060708ull;
  for (const RecordCombo& c : all_record_combos()) {
    const RecordKeyMaterial k = record_keys_for(c, 2);
    for (size_t len : {0u, 5u, 33u}) {
      RecordProtection w;
      RecordProtection r0;
      init_pair(&w, &r0, c, k, kAesDefaultImpl, kSeq);
      TestRng rng(9);
      const std::vector<uint8_t> pt = plaintext_of(len, 0x5a);
      const std::vector<uint8_t> rec = seal_record(w, kContentApplicationData, c.version, pt, rng);
      auto fresh = [&](uint64_t seq) {
        auto r = std::make_unique<RecordProtection>();
        EXPECT_EQ(r->init(c.cipher, c.mac, c.version, c.etm, k.keys()), Status::ok);
        record_set_sequence_for_testing(*r, seq);
        return r;
      };
      ASSERT_EQ(open_copy(*fresh(kSeq), kContentApplicationData, c.version, rec), Status::ok);
      for (size_t bit = 0; bit < rec.size() * 8; bit++) {
        std::vector<uint8_t> bad = rec;
        bad[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
        const Status s = open_copy(*fresh(kSeq), kContentApplicationData, c.version, bad);
        ASSERT_TRUE(rejected(s)) << combo_name(c) << " len " << len << " bit " << bit << ": "
                                 << status_name(s);
        n++;
      }
      for (unsigned bit = 0; bit < 8; bit++) {
        const uint8_t type = static_cast<uint8_t>(kContentApplicationData ^ (1u << bit));
        ASSERT_EQ(open_copy(*fresh(kSeq), type, c.version, rec), Status::auth_failed) << combo_name(c);
        n++;
      }
      for (unsigned bit = 0; bit < 16; bit++) {
        const uint16_t v = static_cast<uint16_t>(c.version ^ (1u << bit));
        ASSERT_EQ(open_copy(*fresh(kSeq), kContentApplicationData, v, rec), Status::auth_failed)
            << combo_name(c) << " version bit " << bit;
        n++;
      }
      for (unsigned bit = 0; bit < 64; bit++) {
        // The sequence number is implicit: every record must be opened at the sealer's seq.
        const uint64_t seq = kSeq ^ (uint64_t{1} << bit);
        ASSERT_EQ(open_copy(*fresh(seq), kContentApplicationData, c.version, rec), Status::auth_failed)
            << combo_name(c) << " seq bit " << bit;
        n++;
      }
      for (size_t cut = 0; cut < rec.size(); cut++) {
        std::vector<uint8_t> bad(rec.begin(), rec.begin() + static_cast<std::ptrdiff_t>(cut));
        const Status s = open_copy(*fresh(kSeq), kContentApplicationData, c.version, bad);
        ASSERT_TRUE(rejected(s)) << combo_name(c) << " truncated to " << cut;
        n++;
      }
      for (size_t extra : {1u, 16u}) {
        std::vector<uint8_t> bad = rec;
        bad.insert(bad.end(), extra, static_cast<uint8_t>(extra));
        const Status s = open_copy(*fresh(kSeq), kContentApplicationData, c.version, bad);
        ASSERT_TRUE(rejected(s)) << combo_name(c) << " extended by " << extra;
        n++;
      }
    }
  }
  report_cases("record tamperings rejected", n);
}

// Builds a CBC record by hand (petrel's AES-CBC and HMAC, each with its own known-answer tests)
// with a chosen padding: `pad` is the whole padding including the length byte.
std::vector<uint8_t> craft_cbc(const RecordCombo& c, const RecordKeyMaterial& k, uint64_t seq,
                               uint8_t type, const std::vector<uint8_t>& pt,
                               const std::vector<uint8_t>& pad, bool corrupt_mac) {
  const HashAlg alg = c.mac == RecordMac::hmac_sha1     ? HashAlg::sha1
                      : c.mac == RecordMac::hmac_sha384 ? HashAlg::sha384
                                                        : HashAlg::sha256;
  const size_t mac_len = record_mac_size(c.mac);
  auto mac_of = [&](const std::vector<uint8_t>& data) {
    uint8_t h[13];
    for (int i = 0; i < 8; i++) {
      h[i] = static_cast<uint8_t>(seq >> (56 - 8 * i));
    }
    h[8] = type;
    h[9] = static_cast<uint8_t>(c.version >> 8);
    h[10] = static_cast<uint8_t>(c.version);
    h[11] = static_cast<uint8_t>(data.size() >> 8);
    h[12] = static_cast<uint8_t>(data.size());
    HmacCtx m;
    EXPECT_EQ(m.init(alg, ByteView(k.mac_key.data(), k.mac_key.size())), Status::ok);
    m.update(ByteView(h, 13));
    m.update(ByteView(data.data(), data.size()));
    std::vector<uint8_t> out(mac_len);
    EXPECT_EQ(m.final(MutableBytes(out.data(), out.size())), Status::ok);
    if (corrupt_mac) {
      out[mac_len / 2] ^= 0x40;
    }
    return out;
  };
  std::vector<uint8_t> inner = pt;
  if (!c.etm) {
    const std::vector<uint8_t> m = mac_of(pt);
    inner.insert(inner.end(), m.begin(), m.end());
  }
  inner.insert(inner.end(), pad.begin(), pad.end());
  EXPECT_EQ(inner.size() % 16, 0u);
  std::vector<uint8_t> iv(16);
  for (size_t i = 0; i < 16; i++) {
    iv[i] = static_cast<uint8_t>(0x90 + i);
  }
  if (c.version == kTls10) {
    iv = k.fixed_iv;
  }
  AesKey key;
  EXPECT_EQ(key.init(ByteView(k.enc_key.data(), k.enc_key.size())), Status::ok);
  AesCbc cbc;
  EXPECT_EQ(cbc.init(&key, ByteView(iv.data(), 16)), Status::ok);
  EXPECT_EQ(cbc.encrypt(MutableBytes(inner.data(), inner.size()), ByteView(inner.data(), inner.size())),
            Status::ok);
  std::vector<uint8_t> rec;
  if (c.version != kTls10) {
    rec = iv;
  }
  rec.insert(rec.end(), inner.begin(), inner.end());
  if (c.etm) {
    const std::vector<uint8_t> m = mac_of(rec);
    rec.insert(rec.end(), m.begin(), m.end());
  }
  return rec;
}

// Every padding length 0..255 that a peer may choose opens (RFC 5246 6.2.3.2 allows any
// padding up to 255 bytes); each kind of bad padding, and a bad MAC, gives auth_failed.
TEST(Record, CbcPaddingVerdicts) {
  size_t good_n = 0;
  size_t bad_n = 0;
  const uint64_t kSeq = 77;
  for (const RecordCombo& c : all_record_combos()) {
    if (!petrel_test::is_cbc_combo(c)) {
      continue;
    }
    const RecordKeyMaterial k = record_keys_for(c, 3);
    const size_t mac_len = record_mac_size(c.mac);
    auto open_at = [&](const std::vector<uint8_t>& rec, std::vector<uint8_t>* out) {
      RecordProtection r;
      EXPECT_EQ(r.init(c.cipher, c.mac, c.version, c.etm, k.keys()), Status::ok);
      record_set_sequence_for_testing(r, kSeq);
      return open_copy(r, kContentApplicationData, c.version, rec, out);
    };
    // Plaintext lengths so that (pt + MAC + pad) is a block multiple for each pad length.
    for (size_t pad_len = 0; pad_len <= 255; pad_len++) {
      const size_t body = (c.etm ? 0 : mac_len) + pad_len + 1;
      const size_t pt_len = (16 - body % 16) % 16 + (pad_len % 3) * 16;
      const std::vector<uint8_t> pt = plaintext_of(pt_len, static_cast<uint8_t>(pad_len));
      const std::vector<uint8_t> pad(pad_len + 1, static_cast<uint8_t>(pad_len));
      std::vector<uint8_t> got;
      ASSERT_EQ(open_at(craft_cbc(c, k, kSeq, kContentApplicationData, pt, pad, false), &got),
                Status::ok)
          << combo_name(c) << " pad " << pad_len;
      ASSERT_EQ(to_hex(got), to_hex(pt));
      good_n++;
      // A good padding with a bad MAC.
      ASSERT_EQ(open_at(craft_cbc(c, k, kSeq, kContentApplicationData, pt, pad, true), nullptr),
                Status::auth_failed)
          << combo_name(c) << " bad mac, pad " << pad_len;
      bad_n++;
      // One wrong padding byte, at several positions.
      for (size_t pos : {size_t{0}, pad_len / 2, pad_len > 0 ? pad_len - 1 : 0}) {
        if (pad_len == 0) {
          break;
        }
        std::vector<uint8_t> bad = pad;
        bad[pos] ^= 0x01;
        ASSERT_EQ(open_at(craft_cbc(c, k, kSeq, kContentApplicationData, pt, bad, false), nullptr),
                  Status::auth_failed)
            << combo_name(c) << " pad " << pad_len << " wrong byte " << pos;
        bad_n++;
      }
      // The length byte claims more padding than there is (the bytes before are not padding),
      // or more than the record holds.
      for (unsigned delta : {1u, 16u, 200u}) {
        const size_t claim = pad_len + delta;
        if (claim > 255) {
          continue;
        }
        std::vector<uint8_t> bad(pad_len + 1, static_cast<uint8_t>(claim));
        ASSERT_EQ(open_at(craft_cbc(c, k, kSeq, kContentApplicationData, pt, bad, false), nullptr),
                  Status::auth_failed)
            << combo_name(c) << " pad " << pad_len << " claims " << claim;
        bad_n++;
      }
    }
  }
  report_cases("CBC records with valid padding of every length", good_n);
  report_cases("CBC records with a bad padding or MAC (auth_failed)", bad_n);
}

// Lengths no sealer produces are decode_error, before any secret is touched.
TEST(Record, ImpossibleLengthsAreDecodeErrors) {
  size_t n = 0;
  for (const RecordCombo& c : all_record_combos()) {
    const RecordKeyMaterial k = record_keys_for(c, 4);
    RecordProtection r;
    ASSERT_EQ(r.init(c.cipher, c.mac, c.version, c.etm, k.keys()), Status::ok);
    const size_t mac_len = record_mac_size(c.mac);
    const size_t iv = c.version == kTls10 ? 0 : 16;
    std::vector<size_t> lens = {kMaxPlaintext + 2048 + 1};
    if (petrel_test::is_cbc_combo(c)) {
      for (size_t l = 0; l < iv + (c.etm ? 16 + mac_len : ((mac_len + 1 + 15) / 16) * 16); l++) {
        lens.push_back(l);
      }
      lens.push_back(iv + 48 + 1 + (c.etm ? mac_len : 0));
      lens.push_back(iv + 64 - 3 + (c.etm ? mac_len : 0));
    } else if (c.cipher == BulkCipher::rc4_128) {
      for (size_t l = 0; l < mac_len; l++) {
        lens.push_back(l);
      }
    } else if (c.cipher == BulkCipher::chacha20_poly1305) {
      for (size_t l = 0; l < 16; l++) {  // shorter than the tag
        lens.push_back(l);
      }
    } else {
      for (size_t l = 0; l < 24; l++) {  // shorter than the explicit nonce and the tag
        lens.push_back(l);
      }
    }
    for (size_t l : lens) {
      EXPECT_EQ(open_copy(r, kContentApplicationData, c.version, std::vector<uint8_t>(l, 0x33)),
                Status::decode_error)
          << combo_name(c) << " length " << l;
      EXPECT_EQ(r.sequence(), 0u);
      n++;
    }
  }
  report_cases("impossible record lengths", n);
}

TEST(Record, SequenceNumberIsNeverWrapped) {
  size_t n = 0;
  std::vector<RecordCombo> combos = all_record_combos();
  combos.push_back({BulkCipher::null, RecordMac::none, kTls12, false});
  for (const RecordCombo& c : combos) {
    const RecordKeyMaterial k = record_keys_for(c, 5);
    RecordProtection w;
    RecordProtection r;
    init_pair(&w, &r, c, k, kAesDefaultImpl, UINT64_MAX - 1);
    TestRng rng;
    const std::vector<uint8_t> pt = plaintext_of(10, 1);
    const std::vector<uint8_t> rec = seal_record(w, kContentApplicationData, c.version, pt, rng);
    EXPECT_EQ(w.sequence(), UINT64_MAX);
    EXPECT_EQ(open_copy(r, kContentApplicationData, c.version, rec), Status::ok) << combo_name(c);
    EXPECT_EQ(r.sequence(), UINT64_MAX);
    std::vector<uint8_t> body(200);
    size_t len = 99;
    EXPECT_EQ(w.seal(kContentApplicationData, c.version, MutableBytes(body.data(), body.size()), 10,
                     &len, rng),
              Status::unsupported)
        << combo_name(c);
    EXPECT_EQ(len, 0u);
    EXPECT_EQ(open_copy(r, kContentApplicationData, c.version, rec), Status::unsupported);
    EXPECT_EQ(w.sequence(), UINT64_MAX);
    EXPECT_EQ(r.sequence(), UINT64_MAX);
    n++;
  }
  report_cases("sequence number limits", n);
}

TEST(Record, InitRefusesWrongKeysAndNonSuites) {
  size_t n = 0;
  for (const RecordCombo& c : all_record_combos()) {
    const RecordKeyMaterial good = record_keys_for(c, 6);
    for (int field = 0; field < 3; field++) {
      for (int delta : {-1, 1}) {
        RecordKeyMaterial k = good;
        std::vector<uint8_t>& v = field == 0 ? k.mac_key : field == 1 ? k.enc_key : k.fixed_iv;
        if (delta < 0 && v.empty()) {
          continue;
        }
        v.resize(v.size() + static_cast<size_t>(static_cast<ptrdiff_t>(delta)), 0x42);
        RecordProtection r;
        EXPECT_EQ(r.init(c.cipher, c.mac, c.version, c.etm, k.keys()), Status::invalid_argument)
            << combo_name(c) << " field " << field << " delta " << delta;
        EXPECT_FALSE(r.active());
        n++;
      }
    }
  }
  struct Bad {
    BulkCipher cipher;
    RecordMac mac;
    uint16_t version;
    bool etm;
  };
  const Bad bad[] = {
      {BulkCipher::aes128_gcm, RecordMac::hmac_sha256, kTls12, false},
      {BulkCipher::aes128_gcm, RecordMac::none, kTls11, false},
      {BulkCipher::aes256_gcm, RecordMac::none, kTls12, true},
      {BulkCipher::aes128_cbc, RecordMac::none, kTls12, false},
      {BulkCipher::aes128_cbc, RecordMac::hmac_md5, kTls12, false},
      {BulkCipher::rc4_128, RecordMac::hmac_sha256, kTls12, false},
      {BulkCipher::rc4_128, RecordMac::hmac_sha384, kTls12, false},
      {BulkCipher::aes256_gcm, RecordMac::hmac_sha384, kTls12, false},
      {BulkCipher::rc4_128, RecordMac::none, kTls12, false},
      {BulkCipher::rc4_128, RecordMac::hmac_sha1, kTls12, true},
      {BulkCipher::null, RecordMac::hmac_sha1, kTls12, false},
      {BulkCipher::aes128_cbc, RecordMac::hmac_sha1, 0x0300, false},
      {BulkCipher::aes128_cbc, RecordMac::hmac_sha1, 0x0304, false},
  };
  for (const Bad& b : bad) {
    RecordKeyMaterial k = record_keys_for({b.cipher, b.mac, b.version, b.etm}, 6);
    RecordProtection r;
    EXPECT_EQ(r.init(b.cipher, b.mac, b.version, b.etm, k.keys()), Status::invalid_argument);
    EXPECT_FALSE(r.active());
    n++;
  }
  report_cases("refused init() arguments", n);
}

TEST(Record, SealArgumentsAndClear) {
  size_t n = 0;
  for (const RecordCombo& c : all_record_combos()) {
    const RecordKeyMaterial k = record_keys_for(c, 7);
    RecordProtection w;
    ASSERT_EQ(w.init(c.cipher, c.mac, c.version, c.etm, k.keys()), Status::ok);
    const size_t want_prefix = (c.cipher == BulkCipher::aes128_gcm || c.cipher == BulkCipher::aes256_gcm)
                                   ? 8
                                   : (petrel_test::is_cbc_combo(c) && c.version != kTls10 ? 16 : 0);
    EXPECT_EQ(w.prefix_size(), want_prefix) << combo_name(c);
    EXPECT_LE(w.prefix_size() + w.suffix_size(), kMaxRecordOverhead);
    TestRng rng;
    std::vector<uint8_t> body(w.prefix_size() + 100 + w.suffix_size());
    size_t len = 5;
    EXPECT_EQ(w.seal(kContentApplicationData, c.version, MutableBytes(body.data(), body.size() - 1),
                     100, &len, rng),
              Status::buffer_too_small);
    EXPECT_EQ(w.seal(kContentApplicationData, c.version, MutableBytes(body.data(), body.size()), 100,
                     nullptr, rng),
              Status::invalid_argument);
    std::vector<uint8_t> big(kMaxCiphertext + 100);
    EXPECT_EQ(w.seal(kContentApplicationData, c.version, MutableBytes(big.data(), big.size()),
                     kMaxPlaintext + 1, &len, rng),
              Status::invalid_argument);
    if (petrel_test::is_cbc_combo(c) && c.version != kTls10) {
      petrel_test::FailingRng bad_rng;
      EXPECT_EQ(w.seal(kContentApplicationData, c.version, MutableBytes(body.data(), body.size()),
                       100, &len, bad_rng),
                Status::rng_failure);
    }
    EXPECT_EQ(w.sequence(), 0u);
    w.clear();
    EXPECT_FALSE(w.active());
    EXPECT_EQ(w.sequence(), 0u);
    EXPECT_EQ(w.prefix_size(), 0u);
    EXPECT_EQ(w.suffix_size(), 0u);
    n++;
  }
  report_cases("seal argument checks", n);
}

}  // namespace
