// Internal to tls/ (not installed): the handshake transcript's running hash states, which
// tls/client.h holds as opaque bytes (Client::m_th) because the per-algorithm state structs are
// library-internal (crypto/hash/hash_internal.h). client.cpp (set-up, wipe) and key_schedule.cpp
// (update, digests) reach them through Client::th().
#ifndef PETREL_TLS_TRANSCRIPT_INTERNAL_H
#define PETREL_TLS_TRANSCRIPT_INTERNAL_H

#include <new>

#include "crypto/hash/hash_internal.h"
#include "tls/client.h"

namespace petrel {
namespace tls {

// Each its own size (a HashCtx is a union sized for SHA-512).
struct TranscriptStates {
  Md5State md5;
  Sha1State sha1;
  Sha256State sha256;
  Sha512State sha384;
};

// The unsigned char array implicitly creates the TranscriptStates object (an implicit-lifetime
// type; P0593, a defect report that applies to C++17 too); std::launder gives the pointer to it.
// The cast goes through void*: m_th is alignas(8), which -Wcast-align cannot see in a pointer.
inline TranscriptStates& Client::th() noexcept {
  static_assert(sizeof(TranscriptStates) == kTranscriptStateSize &&
                    alignof(TranscriptStates) <= 8,
                "Client::kTranscriptStateSize (tls/client.h) must hold TranscriptStates");
  return *std::launder(static_cast<TranscriptStates*>(static_cast<void*>(m_th)));
}
inline const TranscriptStates& Client::th() const noexcept {
  return *std::launder(static_cast<const TranscriptStates*>(static_cast<const void*>(m_th)));
}

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_TRANSCRIPT_INTERNAL_H
