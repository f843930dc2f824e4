// Internal to tls/ (not installed): what the two halves of the client's handshake share, the
// server's messages (client_handshake.cpp) and the client's flights (client_flights.cpp): the
// signature schemes offered, the hash a scheme signs with, whether a suite was offered, and the
// alert byte of an Alert (the constants and enums are tls/client.h).
#ifndef PETREL_TLS_HANDSHAKE_INTERNAL_H
#define PETREL_TLS_HANDSHAKE_INTERNAL_H

#include <cstdint>

#include "crypto/util/build_config.h"
#include "crypto/util/span.h"
#include "tls/client.h"
#include "tls/messages.h"

namespace petrel {
namespace tls {
namespace handshake_internal {

inline constexpr uint16_t kOfferedSchemes[] = {kSigEcdsaSecp256r1Sha256, kSigRsaPkcs1Sha256,
                                               kSigRsaPssRsaeSha256,     kSigEcdsaSecp384r1Sha384,
                                               kSigRsaPkcs1Sha384,       kSigRsaPssRsaeSha384,
                                               kSigEcdsaSecp521r1Sha512, kSigRsaPkcs1Sha512,
                                               kSigRsaPssRsaeSha512,     kSigEcdsaSha1,
                                               kSigRsaPkcs1Sha1};
// PETREL_MINIMAL (no elliptic curves, RSASSA-PSS or SHA-384/512): what it can verify.
inline constexpr uint16_t kOfferedSchemesMinimal[] = {kSigRsaPkcs1Sha256, kSigRsaPkcs1Sha1};
static_assert(!kMinimalBuild || (!kBuildEc && !kBuildRsaPss && !kBuildSha512),
              "kOfferedSchemesMinimal assumes a minimal build has neither EC, PSS nor SHA-384");

inline Span<const uint16_t> offered_schemes() noexcept {
  if (kMinimalBuild) {
    return Span<const uint16_t>(kOfferedSchemesMinimal, sizeof(kOfferedSchemesMinimal) / 2);
  }
  return Span<const uint16_t>(kOfferedSchemes, sizeof(kOfferedSchemes) / 2);
}

constexpr uint8_t A(Alert a) {
  return static_cast<uint8_t>(a);
}

inline SignHash scheme_hash(uint16_t scheme) noexcept {
  switch (scheme) {
    case kSigRsaPkcs1Sha1:
    case kSigEcdsaSha1:
      return SignHash::sha1;
    case kSigRsaPkcs1Sha384:
    case kSigRsaPssRsaeSha384:
    case kSigEcdsaSecp384r1Sha384:
      return SignHash::sha384;
    case kSigRsaPkcs1Sha512:
    case kSigRsaPssRsaeSha512:
    case kSigEcdsaSecp521r1Sha512:
      return SignHash::sha512;
    case 0:
      return SignHash::md5_sha1;
    default:
      return SignHash::sha256;
  }
}

inline bool offered(Span<const uint16_t> suites, uint16_t id) noexcept {
  for (uint16_t s : suites) {
    if (s == id) {
      return true;
    }
  }
  return false;
}

}  // namespace handshake_internal
}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_HANDSHAKE_INTERNAL_H
