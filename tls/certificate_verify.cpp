// CertificateVerify (RFC 5246 7.4.8: DigitallySigned with the scheme; RFC 4346 7.4.8: the
// MD5 || SHA-1 signature alone).
#include "tls/messages.h"

#include "tls/record.h"

namespace petrel {
namespace tls {

void write_certificate_verify(Writer* w, uint16_t version, uint16_t scheme, ByteView sig) noexcept {
  begin_handshake(w, kHsCertificateVerify);
  if (version >= kTls12) {
    w->add_u16(scheme);
  }
  w->begin_u16_prefixed();
  w->add_bytes(sig);
  w->end();
  w->end();
}

uint8_t* begin_certificate_verify(Writer* w, uint16_t version, uint16_t scheme) noexcept {
  begin_handshake(w, kHsCertificateVerify);
  if (version >= kTls12) {
    w->add_u16(scheme);
  }
  w->begin_u16_prefixed();
  return w->reserve(0);
}

void end_certificate_verify(Writer* w, size_t sig_len) noexcept {
  (void)w->reserve(sig_len);  // the signature is already there
  w->end();
  w->end();
}

}  // namespace tls
}  // namespace petrel
