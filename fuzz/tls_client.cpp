// Fuzz target "tls_client": tls/client.h fed a fuzzed server byte stream (records, handshake
// messages, alerts) through input_space()/input_received(), with the client's output drained
// as a socket would; then input_eof(). Aims at the record framing in client.cpp, the handshake
// dispatch and the message parsers (server_hello.cpp, certificate.cpp, certificate_request.cpp,
// server_hello_done.cpp, new_session_ticket.cpp) and the x509 parser behind Certificate.
// The first input byte chooses the feeding step (1..256 bytes per input_received) and whether
// the server's chain is verified (bit 0 of byte 2: off lets the fuzzer reach the key exchange
// with any RSA certificate).
// Properties: no crash or hang; the engine never reports an established connection (no input
// can forge the server's Finished); once failed it stays failed and takes no input; the
// pending output always lies inside the output buffer.
#include <cstring>
#include <vector>

#include "fuzz/driver.h"
#include "tls/client.h"

using namespace petrel;
using namespace petrel::tls;

namespace {
const uint8_t kPin[32] = {0};
uint8_t g_in[kInputBufferFull];
uint8_t g_out[kInputBufferFull];
uint8_t g_hs[8192];
}  // namespace

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  if (size < 2) {
    return 0;
  }
  size_t step = static_cast<size_t>(data[0]) + 1;
  bool verify = (data[1] & 1) == 0;
  data += 2;
  size -= 2;
  ClientConfig cfg;
  cfg.m_trust.m_spki_sha256 = ByteView(kPin, sizeof(kPin));
  cfg.m_verify_peer = verify;
  cfg.m_server_name = ByteView(reinterpret_cast<const uint8_t*>("localhost"), 9);
  cfg.m_min_version = kTls10;
  static const uint16_t kAll[] = {kSuiteRsaAes128GcmSha256, kSuiteRsaAes256GcmSha384,
                                  kSuiteRsaAes128CbcSha256, kSuiteRsaAes256CbcSha256,
                                  kSuiteRsaAes128CbcSha,    kSuiteRsaAes256CbcSha,
                                  kSuiteRsaRc4Sha,          kSuiteRsaRc4Md5};
  cfg.m_suites = Span<const uint16_t>(kAll, sizeof(kAll) / sizeof(kAll[0]));
  Client c;
  PETREL_FUZZ_CHECK(c.init(cfg, MutableBytes(g_in), MutableBytes(g_out), MutableBytes(g_hs)) ==
                    Status::ok);
  size_t i = 0;
  bool failed = false;
  for (size_t guard = 0; guard < 4 * size + 16; guard++) {
    unsigned w = c.wants();
    ByteView out = c.pending_output();
    PETREL_FUZZ_CHECK(out.size() <= sizeof(g_out));
    PETREL_FUZZ_CHECK(out.empty() || (out.data() >= g_out && out.data() + out.size() <= g_out + sizeof(g_out)));
    PETREL_FUZZ_CHECK(!c.handshake_done());
    if (failed) {
      PETREL_FUZZ_CHECK((w & kFailed) != 0);
      PETREL_FUZZ_CHECK(c.input_space().empty());
    }
    if (w & kWantSend) {
      c.output_sent(out.size());
      continue;
    }
    if (w & kFailed) {
      failed = true;
      if (i >= size) {
        break;
      }
      i = size;
      continue;
    }
    MutableBytes space = c.input_space();
    if (space.empty() || i >= size) {
      break;
    }
    size_t n = size - i;
    n = n < space.size() ? n : space.size();
    n = n < step ? n : step;
    std::memcpy(space.data(), data + i, n);
    c.input_received(n);
    i += n;
  }
  c.input_eof();
  PETREL_FUZZ_CHECK(!c.handshake_done());
  PETREL_FUZZ_CHECK((c.wants() & kFailed) != 0 || (c.wants() & kClosed) != 0);
  return 0;
}
