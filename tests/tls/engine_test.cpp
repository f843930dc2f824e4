// The TLS client engine against a hostile or broken peer, driven sans-I/O: the test plays the
// server by feeding crafted records (what real servers will not send) and checks that every
// case ends in the right error with the right alert, never a crash, a hang or a success. Real
// servers (openssl s_server, gnutls-serv) are in tests/tls/interop.sh.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/util/cursor.h"
#include "tests/common/file_test.h"
#include "tls/client.h"

namespace {

using namespace petrel;
using namespace petrel::tls;
using Bytes = std::vector<uint8_t>;

// Appends with a plain loop (GCC 12's -Warray-bounds misfires on vector::insert at -O3).
void append(Bytes* a, const Bytes& b) {
  a->reserve(a->size() + b.size());
  for (uint8_t x : b) {
    a->push_back(x);
  }
}

Bytes operator+(Bytes a, const Bytes& b) {
  append(&a, b);
  return a;
}

const uint8_t kPin[32] = {0};  // a pinned key nobody has: configuration is valid, no server verifies

struct Harness {
  Bytes in = Bytes(kInputBufferFull);
  Bytes out = Bytes(kInputBufferFull);
  Bytes hs = Bytes(8192);
  ClientConfig cfg;
  Client c;

  Harness() {
    cfg.m_trust.m_spki_sha256 = ByteView(kPin, sizeof(kPin));
    cfg.m_server_name = ByteView(reinterpret_cast<const uint8_t*>("localhost"), 9);
  }
  Status start() { return c.init(cfg, MutableBytes(in), MutableBytes(out), MutableBytes(hs)); }
  Bytes take_output() {
    ByteView p = c.pending_output();
    Bytes r(p.begin(), p.end());
    c.output_sent(p.size());
    return r;
  }
  // Feeds bytes in pieces of at most `step` bytes, as far as the engine takes them.
  void feed(const Bytes& b, size_t step = SIZE_MAX) {
    size_t i = 0;
    while (i < b.size()) {
      MutableBytes space = c.input_space();
      if (space.empty()) {
        return;
      }
      size_t n = b.size() - i;
      n = n < space.size() ? n : space.size();
      n = n < step ? n : step;
      std::memcpy(space.data(), b.data() + i, n);
      c.input_received(n);
      i += n;
    }
  }
};

Bytes record(uint8_t type, uint16_t version, const Bytes& payload) {
  Bytes r = {type, static_cast<uint8_t>(version >> 8), static_cast<uint8_t>(version),
             static_cast<uint8_t>(payload.size() >> 8), static_cast<uint8_t>(payload.size())};
  append(&r, payload);
  return r;
}

Bytes handshake(uint8_t type, const Bytes& body) {
  Bytes m = {type, static_cast<uint8_t>(body.size() >> 16), static_cast<uint8_t>(body.size() >> 8),
             static_cast<uint8_t>(body.size())};
  append(&m, body);
  return m;
}

// A ServerHello body with the given version, suite and raw extensions block (empty: none).
Bytes server_hello(uint16_t version, uint16_t suite, const Bytes& exts, bool with_exts = true,
                   const uint8_t* random_tail = nullptr) {
  Bytes b = {static_cast<uint8_t>(version >> 8), static_cast<uint8_t>(version)};
  for (int i = 0; i < 32; i++) {
    b.push_back(static_cast<uint8_t>(i));
  }
  if (random_tail != nullptr) {
    std::memcpy(b.data() + 2 + 24, random_tail, 8);
  }
  b.push_back(0);  // empty session id
  b.push_back(static_cast<uint8_t>(suite >> 8));
  b.push_back(static_cast<uint8_t>(suite));
  b.push_back(0);  // null compression
  if (with_exts) {
    b.push_back(static_cast<uint8_t>(exts.size() >> 8));
    b.push_back(static_cast<uint8_t>(exts.size()));
    append(&b, exts);
  }
  return b;
}

const Bytes kRenegInfo = {0xff, 0x01, 0x00, 0x01, 0x00};

struct Case {
  const char* name;
  Bytes input;
  Error error;
  int alert;  // the alert description the client must send, -1: none
  size_t step;
};

// The fatal alert record the client queued, if any (unencrypted in these early states).
int sent_alert(const Bytes& out) {
  Reader r(ByteView(out.data(), out.size()));
  while (!r.empty()) {
    uint8_t type = 0;
    uint16_t v = 0;
    Reader body;
    if (!r.read_u8(&type) || !r.read_u16(&v) || !r.read_u16_prefixed(&body)) {
      return -2;
    }
    uint8_t level = 0;
    uint8_t desc = 0;
    if (type == kContentAlert && body.read_u8(&level) && body.read_u8(&desc) && level == 2) {
      return desc;
    }
  }
  return -1;
}

TEST(TlsEngine, ClientHelloCarriesTheOffer) {
  Harness h;
  ASSERT_EQ(h.start(), Status::ok);
  ASSERT_TRUE(h.c.wants() & kWantSend);
  Bytes ch = h.take_output();
  Reader r(ByteView(ch.data(), ch.size()));
  uint8_t type = 0;
  uint16_t rv = 0;
  Reader rec;
  ASSERT_TRUE(r.read_u8(&type) && r.read_u16(&rv) && r.read_u16_prefixed(&rec) && r.empty());
  EXPECT_EQ(type, kContentHandshake);
  EXPECT_EQ(rv, kTls10);  // the first record in a TLS 1.0 record for old servers
  uint8_t hs_type = 0;
  Reader body;
  uint16_t version = 0;
  ByteView random;
  Reader sid, suites, comp, exts;
  ASSERT_TRUE(rec.read_u8(&hs_type) && rec.read_u24_prefixed(&body) && rec.empty());
  ASSERT_EQ(hs_type, 1);
  ASSERT_TRUE(body.read_u16(&version) && body.read_bytes(32, &random) &&
              body.read_u8_prefixed(&sid) && body.read_u16_prefixed(&suites) &&
              body.read_u8_prefixed(&comp) && body.read_u16_prefixed(&exts) && body.empty());
  EXPECT_EQ(version, kTls12);
  EXPECT_EQ(suites.remaining(), 2 * default_suites().size());
  bool seen_sni = false, seen_ems = false, seen_reneg = false, seen_sigalgs = false, seen_etm = false;
  while (!exts.empty()) {
    uint16_t et = 0;
    Reader ed;
    ASSERT_TRUE(exts.read_u16(&et) && exts.read_u16_prefixed(&ed));
    seen_sni |= et == 0;
    seen_ems |= et == 23;
    seen_reneg |= et == 0xff01;
    seen_sigalgs |= et == 13;
    seen_etm |= et == 22;
  }
  EXPECT_TRUE(seen_sni && seen_ems && seen_reneg && seen_sigalgs && seen_etm);
}

TEST(TlsEngine, RefusesBadConfigurations) {
  struct Cfg {
    const char* name;
    void (*apply)(Harness*);
  } cases[] = {
      {"min above max", [](Harness* h) { h->cfg.m_min_version = kTls12; h->cfg.m_max_version = kTls11; }},
      {"SSL 3.0", [](Harness* h) { h->cfg.m_min_version = 0x0300; }},
      {"odd fragment length", [](Harness* h) { h->cfg.m_max_fragment_length = 1000; }},
      {"no trust anchors", [](Harness* h) { h->cfg.m_trust = x509::TrustStore(); }},
      {"GCM only in TLS 1.0",
       [](Harness* h) {
         static const uint16_t s[] = {kSuiteRsaAes128GcmSha256};
         h->cfg.m_suites = Span<const uint16_t>(s, 1);
         h->cfg.m_min_version = h->cfg.m_max_version = kTls10;
       }},
      {"unknown suite",
       [](Harness* h) {
         static const uint16_t s[] = {0x1301};
         h->cfg.m_suites = Span<const uint16_t>(s, 1);
       }},
      {"small input buffer", [](Harness* h) { h->in.resize(1000); }},
      {"input buffer one byte short for the suites offered",
       [](Harness* h) { h->in.resize(input_buffer_size(h->cfg) - 1); }},
      {"input buffer one byte short for GCM with max_fragment_length 512",
       [](Harness* h) {
         static const uint16_t s[] = {kSuiteRsaAes128GcmSha256};
         h->cfg.m_suites = Span<const uint16_t>(s, 1);
         h->cfg.m_max_fragment_length = 512;
         h->in.resize(5 + 512 + 8 + 16 - 1);
       }},
  };
  for (const Cfg& c : cases) {
    Harness h;
    c.apply(&h);
    EXPECT_EQ(h.start(), Status::invalid_argument) << c.name;
    EXPECT_EQ(h.c.error(), Error::bad_config) << c.name;
    EXPECT_NE(std::strlen(h.c.error_text()), 0u) << c.name;
    EXPECT_TRUE(h.c.wants() & kFailed) << c.name;
  }
  petrel_test::report_cases("tls bad configurations", sizeof(cases) / sizeof(cases[0]));
}

// The context size the header states, on every target; the buffer rules of the header.
TEST(TlsEngine, ContextAndBufferSizesAreAsStated) {
  std::printf("sizeof(tls::Client) = %zu (kClientContextSize %zu)\n", sizeof(Client),
              kClientContextSize);
  EXPECT_EQ(sizeof(Client), kClientContextSize);
  ClientConfig cfg;
  static const uint16_t gcm[] = {kSuiteRsaAes128GcmSha256};
  static const uint16_t cbc[] = {kSuiteRsaAes128GcmSha256, kSuiteRsaAes256CbcSha256};
  cfg.m_suites = Span<const uint16_t>(gcm, 1);
  EXPECT_EQ(input_buffer_size(cfg), 5u + 16384 + 8 + 16);  // RFC 5288: explicit nonce, tag
  EXPECT_EQ(output_buffer_size(cfg, 512), 5u + 512 + 8 + 16);
  cfg.m_max_fragment_length = 512;
  EXPECT_EQ(input_buffer_size(cfg), 5u + 512 + 8 + 16);
  cfg.m_suites = Span<const uint16_t>(cbc, 2);
  // RFC 5246 6.2.3.2: explicit IV, HMAC-SHA256, up to 256 bytes of padding from the server.
  EXPECT_EQ(input_buffer_size(cfg), 5u + 512 + 16 + 32 + 256);
  EXPECT_EQ(output_buffer_size(cfg, 512), 5u + 512 + 16 + 32 + 16);  // minimal padding
  cfg.m_suites = Span<const uint16_t>();
  cfg.m_max_fragment_length = 0;
  EXPECT_LE(input_buffer_size(cfg), kInputBufferFull);  // the default list
  // Each accepted at its exact size.
  for (size_t mfl : {size_t{0}, size_t{512}}) {
    Harness h;
    h.cfg.m_suites = Span<const uint16_t>(gcm, 1);
    h.cfg.m_max_fragment_length = mfl;
    h.in.resize(input_buffer_size(h.cfg));
    h.out.resize(output_buffer_min(mfl));
    EXPECT_EQ(h.start(), Status::ok) << mfl << ": " << h.c.error_text();
  }
  petrel_test::report_cases("tls context and buffer sizes", 2);
}

TEST(TlsEngine, HostileServerFlights) {
  uint8_t downgrade[8] = {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x00};
  Bytes ok_sh = handshake(2, server_hello(kTls12, kSuiteRsaAes128GcmSha256, kRenegInfo));
  Bytes big_hs = handshake(11, Bytes(9000, 0));  // larger than the 8 KiB handshake buffer
  Bytes big_rec1(big_hs.begin(), big_hs.begin() + 4000);
  Bytes big_rec2(big_hs.begin() + 4000, big_hs.end());
  std::vector<Case> cases = {
      {"not TLS at all", {'H', 'T', 'T', 'P', '/', '1', '.', '1', ' ', '4', '0', '0'},
       Error::unexpected_message, 10, SIZE_MAX},
      {"record version 2.0", record(22, 0x0200, ok_sh), Error::protocol_version, 70, SIZE_MAX},
      {"record too long", {22, 3, 3, 0x48, 0x01}, Error::record_overflow, 22, SIZE_MAX},
      {"empty handshake record", record(22, kTls12, {}), Error::decode_error, 50, SIZE_MAX},
      {"fatal alert first", record(21, kTls12, {2, 40}), Error::peer_alert, -1, SIZE_MAX},
      {"close_notify during the handshake", record(21, kTls12, {1, 0}), Error::peer_alert, -1, SIZE_MAX},
      {"malformed alert", record(21, kTls12, {2, 40, 0}), Error::decode_error, 50, SIZE_MAX},
      {"ChangeCipherSpec first", record(20, kTls12, {1}), Error::unexpected_message, 10, SIZE_MAX},
      {"application data first", record(23, kTls12, {'h', 'i'}), Error::unexpected_message, 10, SIZE_MAX},
      {"Certificate before ServerHello", record(22, kTls12, handshake(11, {0, 0, 0})),
       Error::unexpected_message, 10, SIZE_MAX},
      {"ServerHello SSL 3.0",
       record(22, 0x0300, handshake(2, server_hello(0x0300, kSuiteRsaAes128GcmSha256, kRenegInfo))),
       Error::protocol_version, 70, SIZE_MAX},
      {"ServerHello TLS 1.3 number",
       record(22, kTls12, handshake(2, server_hello(0x0304, kSuiteRsaAes128GcmSha256, kRenegInfo))),
       Error::protocol_version, 70, SIZE_MAX},
      {"suite not offered (RC4 off by default)",
       record(22, kTls12, handshake(2, server_hello(kTls12, kSuiteRsaRc4Sha, kRenegInfo))),
       Error::handshake_failure, 40, SIZE_MAX},
      {"extension not offered",
       record(22, kTls12, handshake(2, server_hello(kTls12, kSuiteRsaAes128GcmSha256,
                                                    {0x00, 0x10, 0x00, 0x00}))),
       Error::handshake_failure, 110, SIZE_MAX},
      {"duplicate extension",
       record(22, kTls12, handshake(2, server_hello(kTls12, kSuiteRsaAes128GcmSha256,
                                                    {0x00, 23, 0, 0, 0x00, 23, 0, 0}))),
       Error::decode_error, 50, SIZE_MAX},
      {"encrypt_then_mac with GCM",
       record(22, kTls12, handshake(2, server_hello(kTls12, kSuiteRsaAes128GcmSha256,
                                                    {0x00, 22, 0, 0, 0xff, 0x01, 0, 1, 0}))),
       Error::illegal_parameter, 47, SIZE_MAX},
      {"non-empty renegotiation_info",
       record(22, kTls12, handshake(2, server_hello(kTls12, kSuiteRsaAes128GcmSha256,
                                                    {0xff, 0x01, 0, 2, 1, 7}))),
       Error::handshake_failure, 40, SIZE_MAX},
      {"truncated ServerHello", record(22, kTls12, handshake(2, {3, 3, 0, 1})), Error::decode_error,
       50, SIZE_MAX},
      {"ServerHelloDone right after ServerHello", record(22, kTls12, ok_sh + handshake(14, {})),
       Error::unexpected_message, 10, SIZE_MAX},
      {"ServerHello, then ServerHelloDone, one byte per record",
       Bytes(),  // built below
       Error::unexpected_message, 10, SIZE_MAX},
      {"ServerHello split at every byte of the stream, then a bad Certificate",
       record(22, kTls12, ok_sh) + record(22, kTls12, handshake(11, {0, 0, 5, 1, 2, 3})),
       Error::bad_certificate, 42, 1},
      {"message larger than the handshake buffer",
       record(22, kTls12, ok_sh) + record(22, kTls12, big_rec1) + record(22, kTls12, big_rec2),
       Error::handshake_too_large, 80, SIZE_MAX},
      {"empty certificate list", record(22, kTls12, ok_sh + handshake(11, {0, 0, 0})),
       Error::bad_certificate, 42, SIZE_MAX},
  };
  {
    Bytes flight = ok_sh + handshake(14, {});
    Bytes recs;
    for (uint8_t b : flight) {
      recs = recs + record(22, kTls12, {b});
    }
    cases[19].input = recs;
  }
  Case dg = {"downgrade sentinel in TLS 1.1",
             record(22, kTls11, handshake(2, server_hello(kTls11, kSuiteRsaAes128CbcSha, kRenegInfo,
                                                          true, downgrade))),
             Error::illegal_parameter, 47, SIZE_MAX};
  size_t n = 0;
  for (const Case& c : cases) {
    Harness h;
    ASSERT_EQ(h.start(), Status::ok);
    (void)h.take_output();
    h.feed(c.input, c.step);
    EXPECT_EQ(h.c.error(), c.error) << c.name << ": got " << error_name(h.c.error()) << " ("
                                    << h.c.error_text() << ")";
    EXPECT_TRUE(h.c.wants() & kFailed) << c.name;
    EXPECT_EQ(sent_alert(h.take_output()), c.alert) << c.name;
    // Sticky: nothing more is accepted.
    EXPECT_TRUE(h.c.input_space().empty()) << c.name;
    size_t acc = 1;
    EXPECT_NE(h.c.write(ByteView(reinterpret_cast<const uint8_t*>("x"), 1), &acc), Status::ok);
    EXPECT_EQ(acc, 0u);
    n++;
  }
  {
    Harness h;
    h.cfg.m_min_version = kTls10;
    ASSERT_EQ(h.start(), Status::ok);
    (void)h.take_output();
    h.feed(dg.input);
    EXPECT_EQ(h.c.error(), dg.error) << dg.name;
    EXPECT_EQ(sent_alert(h.take_output()), dg.alert) << dg.name;
    n++;
  }
  petrel_test::report_cases("tls hostile server flights", n);
}

// ECDHE: a ServerKeyExchange that must be refused. The client does not verify the chain here
// (m_verify_peer off) so that a real RSA certificate (fuzz/corpus/x509/leaf.der, made by
// openssl) brings it to the key exchange; what is checked is the key exchange itself.
TEST(TlsEngine, HostileServerKeyExchange) {
  std::vector<uint8_t> leaf;
  {
    FILE* f = std::fopen(PETREL_SOURCE_DIR "/fuzz/corpus/x509/leaf.der", "rb");
    ASSERT_NE(f, nullptr);
    int ch;
    while ((ch = std::fgetc(f)) != EOF) {
      leaf.push_back(static_cast<uint8_t>(ch));
    }
    std::fclose(f);
  }
  Bytes cert_body = {static_cast<uint8_t>((leaf.size() + 3) >> 16),
                     static_cast<uint8_t>((leaf.size() + 3) >> 8), static_cast<uint8_t>(leaf.size() + 3),
                     static_cast<uint8_t>(leaf.size() >> 16), static_cast<uint8_t>(leaf.size() >> 8),
                     static_cast<uint8_t>(leaf.size())};
  append(&cert_body, leaf);
  Bytes sh = handshake(2, server_hello(kTls12, kSuiteEcdheRsaAes128GcmSha256, kRenegInfo));
  Bytes prefix = sh + handshake(11, cert_body);
  auto ske = [](uint16_t group, size_t point_len, uint16_t scheme, size_t sig_len) {
    Bytes b = {3, static_cast<uint8_t>(group >> 8), static_cast<uint8_t>(group),
               static_cast<uint8_t>(point_len)};
    append(&b, Bytes(point_len, 9));
    b.push_back(static_cast<uint8_t>(scheme >> 8));
    b.push_back(static_cast<uint8_t>(scheme));
    b.push_back(static_cast<uint8_t>(sig_len >> 8));
    b.push_back(static_cast<uint8_t>(sig_len));
    append(&b, Bytes(sig_len, 0x42));
    return handshake(12, b);
  };
  struct SkeCase {
    const char* name;
    Bytes msg;
    Error error;
    int alert;
  } cases[] = {
      {"group not offered (secp256r1)", ske(23, 65, kSigRsaPkcs1Sha256, 256), Error::illegal_parameter, 47},
      {"X25519 key of 31 bytes", ske(29, 31, kSigRsaPkcs1Sha256, 256), Error::illegal_parameter, 47},
      {"scheme not offered (ecdsa_secp256r1_sha256)", ske(29, 32, 0x0403, 72), Error::illegal_parameter, 47},
      {"bad RSA signature", ske(29, 32, kSigRsaPkcs1Sha256, 256), Error::bad_key_exchange_signature, 51},
      {"bad RSA-PSS signature", ske(29, 32, kSigRsaPssRsaeSha256, 256), Error::bad_key_exchange_signature, 51},
      {"signature of the wrong length", ske(29, 32, kSigRsaPkcs1Sha256, 255), Error::bad_key_exchange_signature, 51},
      {"truncated", handshake(12, {3, 0, 29, 32, 1, 2}), Error::decode_error, 50},
      {"explicit curve", handshake(12, {1, 0, 0}), Error::decode_error, 50},
      {"ServerHelloDone without ServerKeyExchange", handshake(14, {}), Error::unexpected_message, 10},
  };
  for (const SkeCase& c : cases) {
    Harness h;
    h.cfg.m_verify_peer = false;
    ASSERT_EQ(h.start(), Status::ok);
    (void)h.take_output();
    h.feed(record(22, kTls12, prefix + c.msg));
    EXPECT_EQ(h.c.error(), c.error) << c.name << ": " << error_name(h.c.error()) << " ("
                                    << h.c.error_text() << ")";
    EXPECT_EQ(sent_alert(h.take_output()), c.alert) << c.name;
  }
  petrel_test::report_cases("tls hostile ServerKeyExchange", sizeof(cases) / sizeof(cases[0]));
}

TEST(TlsEngine, TransportEndsEarly) {
  Harness h;
  ASSERT_EQ(h.start(), Status::ok);
  (void)h.take_output();
  h.c.input_eof();
  EXPECT_EQ(h.c.error(), Error::truncated);
  EXPECT_TRUE(h.c.wants() & kFailed);
}

TEST(TlsEngine, ProgressesThroughAServerHelloSplitIntoOneByteRecords) {
  Harness h;
  ASSERT_EQ(h.start(), Status::ok);
  (void)h.take_output();
  Bytes sh = handshake(2, server_hello(kTls12, kSuiteRsaAes256CbcSha, {0xff, 0x01, 0, 1, 0, 0, 23, 0, 0}));
  for (uint8_t b : sh) {
    h.feed(record(22, kTls12, {b}));
  }
  EXPECT_EQ(h.c.error(), Error::none) << h.c.error_text();
  EXPECT_TRUE(h.c.wants() & kWantRecv);
  EXPECT_EQ(h.c.version(), kTls12);
  EXPECT_EQ(h.c.suite(), kSuiteRsaAes256CbcSha);
  EXPECT_TRUE(h.c.ems());
  EXPECT_TRUE(h.c.secure_renegotiation());
}

TEST(TlsEngine, RequireEmsRefusesServersWithout) {
  Harness h;
  h.cfg.m_require_ems = true;
  ASSERT_EQ(h.start(), Status::ok);
  (void)h.take_output();
  h.feed(record(22, kTls12, handshake(2, server_hello(kTls12, kSuiteRsaAes128GcmSha256, kRenegInfo))));
  EXPECT_EQ(h.c.error(), Error::ems_required);
  EXPECT_EQ(sent_alert(h.take_output()), 40);
}

TEST(TlsSession, SerializeAndParse) {
  Session s;
  s.m_version = kTls12;
  s.m_suite = kSuiteRsaAes128GcmSha256;
  s.m_ems = true;
  for (int i = 0; i < 48; i++) {
    s.m_master[i] = static_cast<uint8_t>(i);
  }
  s.m_id_len = 32;
  std::memset(s.m_id, 0xab, 32);
  s.m_ticket_len = 200;
  std::memset(s.m_ticket, 0xcd, 200);
  std::memcpy(s.m_server_name, "localhost", 9);
  s.m_server_name_len = 9;
  uint8_t buf[Session::kMaxSerializedSize];
  size_t len = 0;
  ASSERT_EQ(s.serialize(MutableBytes(buf), &len), Status::ok);
  Session t;
  ASSERT_EQ(t.parse(ByteView(buf, len)), Status::ok);
  EXPECT_EQ(t.m_suite, s.m_suite);
  EXPECT_EQ(0, std::memcmp(t.m_master, s.m_master, 48));
  EXPECT_EQ(t.m_ticket_len, 200u);
  EXPECT_EQ(t.m_server_name_len, 9u);
  // Every truncation and a bad magic are refused.
  size_t refused = 0;
  for (size_t i = 0; i < len; i++) {
    Session u;
    EXPECT_NE(u.parse(ByteView(buf, i)), Status::ok) << i;
    EXPECT_FALSE(u.valid());
    refused++;
  }
  buf[0] ^= 1;
  EXPECT_NE(t.parse(ByteView(buf, len)), Status::ok);
  petrel_test::report_cases("tls session truncations", refused);
}

TEST(TlsSuites, ParsesOpenSslLists) {
  uint16_t ids[16];
  size_t n = 0;
  ByteView bad;
  const char* list = "AES128-GCM-SHA256:aes256-sha,RC4";
  ASSERT_EQ(parse_suite_list(Span<uint16_t>(ids, 16), &n,
                             ByteView(reinterpret_cast<const uint8_t*>(list), std::strlen(list)), &bad),
            Status::ok);
  ASSERT_EQ(n, 4u);
  EXPECT_EQ(ids[0], 0x009C);
  EXPECT_EQ(ids[1], 0x0035);
  EXPECT_EQ(ids[2], 0x0005);
  EXPECT_EQ(ids[3], 0x0004);
  // ECDHE-ECDSA suites by their IANA numbers (RFC 5289 3.1, RFC 8422 6, RFC 7905 2).
  const char* ec = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                   "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA";
  ASSERT_EQ(parse_suite_list(Span<uint16_t>(ids, 16), &n,
                             ByteView(reinterpret_cast<const uint8_t*>(ec), std::strlen(ec)), &bad),
            Status::ok);
  ASSERT_EQ(n, 5u);
  EXPECT_EQ(ids[0], 0xC02B);
  EXPECT_EQ(ids[1], 0xC02C);
  EXPECT_EQ(ids[2], 0xCCA9);
  EXPECT_EQ(ids[3], 0xC009);
  EXPECT_EQ(ids[4], 0xC00A);
  // The RFC 5289 3.2 CBC suites with HMAC-SHA384 (0xC028, 0xC024), TLS 1.2 only, PRF SHA-384.
  const char* cbc384 = "ECDHE-RSA-AES256-SHA384:ecdhe-ecdsa-aes256-sha384";
  ASSERT_EQ(parse_suite_list(Span<uint16_t>(ids, 16), &n,
                             ByteView(reinterpret_cast<const uint8_t*>(cbc384), std::strlen(cbc384)),
                             &bad),
            Status::ok);
  ASSERT_EQ(n, 2u);
  EXPECT_EQ(ids[0], 0xC028);
  EXPECT_EQ(ids[1], 0xC024);
  for (uint16_t id : {uint16_t{0xC028}, uint16_t{0xC024}}) {
    const SuiteInfo* s = find_suite(id);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->m_cipher, BulkCipher::aes256_cbc);
    EXPECT_EQ(s->m_mac, RecordMac::hmac_sha384);
    EXPECT_EQ(s->m_prf, HashAlg::sha384);
    EXPECT_FALSE(suite_allowed_in(*s, kTls11));
    EXPECT_TRUE(suite_allowed_in(*s, kTls12));
  }
  // An unknown name.
  const char* wrong = "AES128-SHA:ECDHE-RSA-AES512-SHA384";
  EXPECT_EQ(parse_suite_list(Span<uint16_t>(ids, 16), &n,
                             ByteView(reinterpret_cast<const uint8_t*>(wrong), std::strlen(wrong)), &bad),
            Status::invalid_argument);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(bad.data()), bad.size()),
            "ECDHE-RSA-AES512-SHA384");
  // The default order: with the constant-time AES, ChaCha20-Poly1305 first, ECDSA before RSA.
  EXPECT_EQ(default_suites(AesImpl::ct)[0], kSuiteEcdheEcdsaChacha20Poly1305);
  EXPECT_EQ(default_suites(AesImpl::ct)[1], kSuiteEcdheRsaChacha20Poly1305);
  EXPECT_EQ(default_suites(AesImpl::table)[0], kSuiteEcdheEcdsaAes128GcmSha256);
  // The default offer has no legacy suite.
  for (uint16_t id : default_suites()) {
    EXPECT_FALSE(find_suite(id)->m_legacy);
  }
}

}  // namespace
