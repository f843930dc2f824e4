#include "crypto/util/status.h"

namespace petrel {

const char* status_name(Status s) noexcept {
  switch (s) {
    case Status::ok: return "ok";
    case Status::invalid_argument: return "invalid_argument";
    case Status::bad_key_length: return "bad_key_length";
    case Status::bad_iv_length: return "bad_iv_length";
    case Status::buffer_too_small: return "buffer_too_small";
    case Status::bad_padding: return "bad_padding";
    case Status::auth_failed: return "auth_failed";
    case Status::unsupported: return "unsupported";
    case Status::not_available: return "not_available";
    case Status::decode_error: return "decode_error";
    case Status::rng_failure: return "rng_failure";
    case Status::internal_error: return "internal_error";
  }
  return "unknown_status";
}

}  // namespace petrel
