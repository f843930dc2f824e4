// MGF1 (RFC 8017 appendix B.2.1), the mask generation function of RSASSA-PSS (rsa_pss.cpp) and
// RSAES-OAEP (rsa_oaep.cpp): out ^= MGF1(seed, out.size()) over any hash. Declared in rsa.h.
// The seed may be secret (OAEP's); the loop and the hash run in time independent of its bytes.
#include <cstddef>
#include <cstdint>

#include "crypto/hash/hash.h"
#include "crypto/rsa/rsa.h"
#include "crypto/util/endian.h"
#include "crypto/util/wipe.h"

namespace petrel {

Status mgf1_xor(MutableBytes out, HashAlg alg, ByteView seed) noexcept {
  const size_t h_len = hash_digest_size(alg);
  uint8_t block[kMaxDigestSize];
  uint8_t counter[4];
  Status st = Status::ok;
  size_t done = 0;
  for (uint32_t c = 0; done < out.size(); c++) {
    store_be32(counter, c);
    HashCtx h;
    st = h.init(alg);
    if (st != Status::ok) {
      break;
    }
    h.update(seed);
    h.update(ByteView(counter, sizeof(counter)));
    st = h.final(MutableBytes(block, h_len));
    if (st != Status::ok) {
      break;
    }
    const size_t take = (out.size() - done < h_len) ? out.size() - done : h_len;
    for (size_t i = 0; i < take; i++) {
      out[done + i] ^= block[i];
    }
    done += take;
  }
  secure_wipe(block, sizeof(block));
  return st;
}

}  // namespace petrel
