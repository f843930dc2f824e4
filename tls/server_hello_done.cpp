// ServerHelloDone (RFC 5246 7.4.5): an empty body.
#include "tls/messages.h"

namespace petrel {
namespace tls {

Status parse_server_hello_done(ByteView body) noexcept {
  return body.empty() ? Status::ok : Status::decode_error;
}

}  // namespace tls
}  // namespace petrel
