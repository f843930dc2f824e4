// Stable names for the client's errors and for alert descriptions (RFC 5246 7.2, RFC 8446 6);
// kNoErrorText in a build without error texts (PETREL_MINIMAL).
#include "crypto/util/build_config.h"
#include "tls/client.h"

namespace petrel {
namespace tls {

const char* error_name(Error e) noexcept {
  if (!kBuildErrorTexts) {
    return kNoErrorText;
  }
  switch (e) {
    case Error::none: return "none";
    case Error::bad_config: return "bad_config";
    case Error::internal: return "internal";
    case Error::rng_failure: return "rng_failure";
    case Error::decode_error: return "decode_error";
    case Error::unexpected_message: return "unexpected_message";
    case Error::record_overflow: return "record_overflow";
    case Error::bad_record_mac: return "bad_record_mac";
    case Error::protocol_version: return "protocol_version";
    case Error::handshake_failure: return "handshake_failure";
    case Error::illegal_parameter: return "illegal_parameter";
    case Error::bad_certificate: return "bad_certificate";
    case Error::unsupported_certificate: return "unsupported_certificate";
    case Error::too_many_certificates: return "too_many_certificates";
    case Error::handshake_too_large: return "handshake_too_large";
    case Error::finished_mismatch: return "finished_mismatch";
    case Error::bad_key_exchange_signature: return "bad_key_exchange_signature";
    case Error::ems_required: return "ems_required";
    case Error::no_signature_scheme: return "no_signature_scheme";
    case Error::client_key_failure: return "client_key_failure";
    case Error::peer_alert: return "peer_alert";
    case Error::truncated: return "truncated";
    case Error::sequence_overflow: return "sequence_overflow";
  }
  return "unknown";
}

const char* alert_name(uint8_t d) noexcept {
  if (!kBuildErrorTexts) {
    return kNoErrorText;
  }
  switch (static_cast<Alert>(d)) {
    case Alert::close_notify: return "close_notify";
    case Alert::unexpected_message: return "unexpected_message";
    case Alert::bad_record_mac: return "bad_record_mac";
    case Alert::record_overflow: return "record_overflow";
    case Alert::handshake_failure: return "handshake_failure";
    case Alert::bad_certificate: return "bad_certificate";
    case Alert::unsupported_certificate: return "unsupported_certificate";
    case Alert::certificate_revoked: return "certificate_revoked";
    case Alert::certificate_expired: return "certificate_expired";
    case Alert::certificate_unknown: return "certificate_unknown";
    case Alert::illegal_parameter: return "illegal_parameter";
    case Alert::unknown_ca: return "unknown_ca";
    case Alert::access_denied: return "access_denied";
    case Alert::decode_error: return "decode_error";
    case Alert::decrypt_error: return "decrypt_error";
    case Alert::protocol_version: return "protocol_version";
    case Alert::insufficient_security: return "insufficient_security";
    case Alert::internal_error: return "internal_error";
    case Alert::inappropriate_fallback: return "inappropriate_fallback";
    case Alert::user_canceled: return "user_canceled";
    case Alert::no_renegotiation: return "no_renegotiation";
    case Alert::unsupported_extension: return "unsupported_extension";
    case Alert::certificate_required: return "certificate_required";
  }
  return "unknown_alert";
}

}  // namespace tls
}  // namespace petrel
