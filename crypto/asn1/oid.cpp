/*
 * OID table lookup (crypto/asn1/oid.h): a linear scan of kOidTable by exact bytes. Not secret.
 */
#include "crypto/asn1/oid.h"

#include "crypto/asn1/der.h"

namespace petrel {
namespace asn1 {

const OidInfo* oid_lookup(ByteView contents) noexcept {
  for (const OidInfo& info : kOidTable) {
    if (oid_equal(info.der, contents)) {
      return &info;
    }
  }
  return nullptr;
}

}  // namespace asn1
}  // namespace petrel
