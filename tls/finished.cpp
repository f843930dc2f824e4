// Finished (RFC 5246 7.4.9): verify_data from the PRF over the transcript hash, compared in
// constant time.
#include "tls/messages.h"

#include "crypto/kdf/tls_prf.h"
#include "crypto/util/ct.h"
#include "tls/record.h"

namespace petrel {
namespace tls {

Status finished_verify_data(uint8_t out[12], uint16_t version, HashAlg prf, ByteView master,
                            bool client, ByteView transcript_hash) noexcept {
  static const char kClient[] = "client finished";
  static const char kServer[] = "server finished";
  const char* label = client ? kClient : kServer;
  ByteView lab(reinterpret_cast<const uint8_t*>(label), sizeof(kClient) - 1);
  MutableBytes o(out, 12);
  if (version >= kTls12) {
    return tls12_prf(prf, o, master, lab, transcript_hash);
  }
  return tls10_prf(o, master, lab, transcript_hash);
}

void write_finished(Writer* w, const uint8_t verify_data[12]) noexcept {
  begin_handshake(w, kHsFinished);
  w->add_bytes(ByteView(verify_data, 12));
  w->end();
}

Status check_finished(ByteView body, const uint8_t expected[12]) noexcept {
  if (body.size() != 12) {
    return Status::decode_error;
  }
  uint32_t good = ct::mem_eq_mask(body.data(), expected, 12);
  CT_UNPOISON(&good, sizeof(good));  // the verdict is public (the connection ends on failure)
  return good != 0 ? Status::ok : Status::auth_failed;
}

}  // namespace tls
}  // namespace petrel
