// Certificate (RFC 5246 7.4.2): the server's chain, leaf first, parsed into views over the
// message (crypto/x509/cert.h; the certificates after the leaf kept as x509::CandidateCert for
// path building); and the client's chain, written as given.
#include "tls/messages.h"

namespace petrel {
namespace tls {

Status parse_certificate_list(x509::Certificate* leaf, Span<x509::CandidateCert> rest, size_t* n,
                              size_t* bad_index, ByteView body) noexcept {
  *n = 0;
  *bad_index = 0;
  Reader r(body);
  Reader list;
  if (!r.read_u24_prefixed(&list) || !r.empty()) {
    return Status::decode_error;
  }
  x509::Certificate other;  // each certificate after the leaf, parsed in turn
  size_t count = 0;
  while (!list.empty()) {
    Reader der;
    if (!list.read_u24_prefixed(&der) || der.empty()) {
      *bad_index = count;
      return Status::decode_error;
    }
    if (count > rest.size()) {
      return Status::buffer_too_small;
    }
    x509::Certificate* c = count == 0 ? leaf : &other;
    if (x509::parse_certificate(c, der.view()) != Status::ok) {
      *bad_index = count;
      return Status::decode_error;
    }
    if (count > 0) {
      rest[count - 1] = x509::make_candidate(other);
    }
    count++;
  }
  *n = count;
  return Status::ok;
}

void write_certificate(Writer* w, Span<const ByteView> chain) noexcept {
  begin_handshake(w, kHsCertificate);
  w->begin_u24_prefixed();
  for (ByteView der : chain) {
    w->begin_u24_prefixed();
    w->add_bytes(der);
    w->end();
  }
  w->end();
  w->end();
}

}  // namespace tls
}  // namespace petrel
