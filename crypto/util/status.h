// Status codes returned by every fallible function in crypto/ and tls/.
// Public API (installed): the codes and their names are stable; codes are only ever added.
#ifndef PETREL_CRYPTO_UTIL_STATUS_H
#define PETREL_CRYPTO_UTIL_STATUS_H

namespace petrel {

enum class [[nodiscard]] Status : int {
  ok = 0,
  invalid_argument,   // a null pointer, a length out of range, a malformed value
  bad_key_length,     // key size not supported by the algorithm
  bad_iv_length,      // IV/nonce size not supported
  buffer_too_small,   // the output buffer cannot hold the result
  bad_padding,        // PKCS#7 / PKCS#1 padding did not verify (one code for every kind)
  auth_failed,        // an AEAD tag or a signature did not verify
  unsupported,        // algorithm or parameter known but not supported
  not_available,      // implementation variant not compiled into this build
  decode_error,       // malformed encoding (DER, PEM, hex, wire format)
  rng_failure,        // the entropy source failed
  internal_error,     // a self-check failed (e.g. fault detection)
};

// A short, stable, lower-case name ("bad_padding"), for messages and logs.
const char* status_name(Status s) noexcept;

inline bool ok(Status s) noexcept { return s == Status::ok; }

}  // namespace petrel

#endif  // PETREL_CRYPTO_UTIL_STATUS_H
