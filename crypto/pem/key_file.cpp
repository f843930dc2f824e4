/*
 * Key-file framing shared by the RSA and EC key files: PKCS#8 PrivateKeyInfo (RFC 5208
 * section 5, RFC 5958 section 2) reading, PEM key blocks (RFC 7468), DER-or-PEM output.
 * Not constant-time in the framing (public lengths and tags); key bytes are viewed or copied,
 * and a secret output is wiped on failure.
 */
#include "crypto/pem/key_file.h"

#include <cstring>

#include "crypto/util/wipe.h"

namespace petrel {
namespace key_file {

Status parse_private_key_info(PrivateKeyInfo* out, ByteView der) noexcept {
  constexpr Status kBad = Status::decode_error;
  Reader r(der);
  Reader seq;
  PrivateKeyInfo info;
  if (asn1::read_sequence(&r, &seq) != Status::ok || !r.empty() ||
      asn1::read_uint64(&seq, &info.m_version) != Status::ok || info.m_version > 1 ||
      asn1::read_der_element(&seq, &info.m_algorithm, asn1::kSequence) != Status::ok ||
      asn1::read_octet_string(&seq, &info.m_private_key) != Status::ok) {
    return kBad;
  }
  // attributes [0] IMPLICIT SET OF Attribute OPTIONAL: skipped.
  Reader skip;
  bool present = false;
  if (asn1::read_optional_der(&seq, &skip, &present, asn1::context_constructed(0)) !=
      Status::ok) {
    return kBad;
  }
  if (info.m_version == 1) {
    // publicKey [1] IMPLICIT BIT STRING OPTIONAL: the unused-bits octet (0), then the octets.
    Reader bits;
    if (asn1::read_optional_der(&seq, &bits, &present, asn1::context(1)) != Status::ok) {
      return kBad;
    }
    if (present) {
      if (bits.remaining() < 1 || bits.data()[0] != 0) {
        return kBad;
      }
      info.m_public_key = ByteView(bits.data() + 1, bits.remaining() - 1);
    }
  }
  if (!seq.empty()) {
    return kBad;
  }
  *out = info;
  return Status::ok;
}

bool label_is(ByteView label, const char* s) noexcept {
  const size_t len = std::strlen(s);
  return label.size() == len && std::memcmp(label.data(), s, len) == 0;
}

Status next_key_block(Reader* text, pem::Block* out, bool* out_found,
                      bool* io_encrypted) noexcept {
  for (;;) {
    const Status st = pem::next_block(text, out, out_found);
    if (st != Status::unsupported) {
      return st;
    }
    *io_encrypted = true;
  }
}

Status write_key_file(MutableBytes out, size_t* out_len, ByteView der, const char* pem_label,
                      bool secret) noexcept {
  Status st = Status::ok;
  if (pem_label != nullptr) {
    st = pem::write_pem(out, out_len, pem_label, der);
  } else if (out.size() < der.size()) {
    st = Status::buffer_too_small;
  } else {
    if (!der.empty()) {
      std::memmove(out.data(), der.data(), der.size());
    }
    *out_len = der.size();
  }
  if (st != Status::ok && secret) {
    secure_wipe(out.data(), out.size());
  }
  return st;
}

}  // namespace key_file
}  // namespace petrel
