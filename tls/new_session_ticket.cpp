// NewSessionTicket (RFC 5077 3.3): a lifetime hint and an opaque ticket.
#include "tls/messages.h"

namespace petrel {
namespace tls {

Status parse_new_session_ticket(uint32_t* lifetime, ByteView* ticket, ByteView body) noexcept {
  Reader r(body);
  Reader t;
  if (!r.read_u32(lifetime) || !r.read_u16_prefixed(&t) || !r.empty()) {
    return Status::decode_error;
  }
  *ticket = t.view();
  return Status::ok;
}

}  // namespace tls
}  // namespace petrel
