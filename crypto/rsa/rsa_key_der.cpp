// RSA key structures, read and written: PKCS#1 (RFC 8017 appendix A.1.1 RSAPublicKey, A.1.2
// RSAPrivateKey), PKCS#8 (RFC 5208 section 5, RFC 5958 section 2), SubjectPublicKeyInfo
// (RFC 5280 4.1.2.7, RFC 3279 2.3.1), DER through crypto/asn1/der.h, the PKCS#8 wrapper through
// crypto/pem/key_file.h (shared with the EC key files). The files (PEM or DER detected, the key
// block found, a refusal explained) are rsa_key_files.cpp.
// Not constant-time in the lengths of the key parts (DER encodes them); the values are only
// copied. Private material in local buffers is wiped before return.
#include "crypto/rsa/rsa_key_files.h"

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/pem/key_file.h"
#include "crypto/rsa/rsa_key_der_internal.h"
#include "crypto/util/cursor.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace rsa_key_der_internal {

ByteView rsa_oid() noexcept {
  return ByteView(asn1::oid::kRsaEncryption, sizeof(asn1::oid::kRsaEncryption));
}

// One RSAPublicKey element from *in (RFC 8017 A.1.1): n and e as views.
Status read_pkcs1_public_parts(Reader* in, RsaPublicKeyParts* out) noexcept {
  Reader seq;
  RsaPublicKeyParts parts;
  if (asn1::read_sequence(in, &seq) != Status::ok ||
      asn1::read_unsigned_integer(&seq, &parts.m_n) != Status::ok ||
      asn1::read_unsigned_integer(&seq, &parts.m_e) != Status::ok || !seq.empty()) {
    return Status::decode_error;
  }
  size_t bits = parts.m_n.size() * 8;
  uint8_t top = parts.m_n[0];
  if (top == 0) {
    bits = 0;  // n = 0 (a one-octet zero magnitude)
  } else {
    while ((top & 0x80) == 0) {
      bits--;
      top = static_cast<uint8_t>(top << 1);
    }
  }
  parts.m_bits = bits;
  *out = parts;
  return Status::ok;
}

}  // namespace rsa_key_der_internal

namespace {

using rsa_key_der_internal::read_pkcs1_public_parts;
using rsa_key_der_internal::rsa_oid;

constexpr size_t kPartMax = kRsaMaxPrivateBits / 8;  // largest private-key part (n, d, e)

// AlgorithmIdentifier { rsaEncryption, NULL }. unsupported for another algorithm.
Status read_rsa_algorithm(Reader* in) noexcept {
  Reader alg;
  ByteView oid;
  if (asn1::read_sequence(in, &alg) != Status::ok || asn1::read_oid(&alg, &oid) != Status::ok) {
    return Status::decode_error;
  }
  if (!asn1::oid_equal(oid, rsa_oid())) {
    return Status::unsupported;
  }
  if (asn1::read_null(&alg) != Status::ok || !alg.empty()) {
    return Status::decode_error;
  }
  return Status::ok;
}

void add_rsa_algorithm(Writer* w) noexcept {
  asn1::begin_der(w, asn1::kSequence);
  asn1::add_oid(w, rsa_oid());
  asn1::add_null(w);
  w->end();
}

Status add_part(Writer* w, const RsaPublicKeyBase& key, RsaPart part) noexcept {
  uint8_t buf[kRsaMaxModulusBytes];
  size_t len = 0;
  const Status st = key.export_part(part, MutableBytes(buf, sizeof(buf)), &len);
  if (st == Status::ok) {
    asn1::add_unsigned_integer(w, ByteView(buf, len));
  }
  return st;
}

Status write_pkcs1_public(Writer* w, const RsaPublicKeyBase& key) noexcept {
  asn1::begin_der(w, asn1::kSequence);
  Status st = add_part(w, key, RsaPart::n);
  if (st == Status::ok) {
    st = add_part(w, key, RsaPart::e);
  }
  w->end();
  return st;
}

Status write_pkcs1_private(Writer* w, const RsaPrivateKey& key) noexcept {
  static constexpr RsaPart kParts[] = {RsaPart::n,  RsaPart::e,  RsaPart::d,
                                       RsaPart::p,  RsaPart::q,  RsaPart::dp,
                                       RsaPart::dq, RsaPart::qinv};
  uint8_t buf[kPartMax];
  Status st = Status::ok;
  asn1::begin_der(w, asn1::kSequence);
  asn1::add_uint64(w, 0);  // version two-prime
  for (RsaPart part : kParts) {
    size_t len = 0;
    st = key.export_part(part, MutableBytes(buf, sizeof(buf)), &len);
    if (st != Status::ok) {
      break;
    }
    asn1::add_unsigned_integer(w, ByteView(buf, len));
  }
  w->end();
  secure_wipe(buf, sizeof(buf));
  return st;
}

Status finish(const Writer& w, Status st, size_t* out_len) noexcept {
  if (st != Status::ok) {
    return st;
  }
  return w.finish(out_len);
}

// Wipes and fails the output of a private-key writer on error.
Status finish_private(MutableBytes out, const Writer& w, Status st, size_t* out_len) noexcept {
  st = finish(w, st, out_len);
  if (st != Status::ok) {
    secure_wipe(out.data(), out.size());
  }
  return st;
}

// Two-prime RSAPrivateKey contents -> key.
Status read_pkcs1_private(Reader* in, RsaPrivateKey* out, uint32_t flags) noexcept {
  Reader seq;
  uint64_t version = 0;
  if (asn1::read_sequence(in, &seq) != Status::ok ||
      asn1::read_uint64(&seq, &version) != Status::ok) {
    return Status::decode_error;
  }
  if (version != 0) {
    // version 1 is multi-prime (otherPrimeInfos); anything else is not PKCS#1.
    return version == 1 ? Status::unsupported : Status::decode_error;
  }
  RsaPrivateParts parts;
  ByteView* const fields[] = {&parts.n, &parts.e, &parts.d, &parts.p,
                              &parts.q, &parts.dp, &parts.dq, &parts.qinv};
  for (ByteView* f : fields) {
    if (asn1::read_unsigned_integer(&seq, f) != Status::ok) {
      return Status::decode_error;
    }
  }
  if (!seq.empty()) {
    return Status::decode_error;
  }
  return out->set(parts, flags);
}

}  // namespace

// ---- public keys --------------------------------------------------------------------------------

Status rsa_public_key_parts(RsaPublicKeyParts* out, const PublicKeyInfo& info) noexcept {
  if (info.m_type != KeyType::rsa) {
    return Status::unsupported;
  }
  // RFC 3279 2.3.1: the parameters are NULL.
  Reader params(info.m_params);
  if (asn1::read_null(&params) != Status::ok || !params.empty()) {
    return Status::decode_error;
  }
  Reader r(info.m_key);
  RsaPublicKeyParts parts;
  if (read_pkcs1_public_parts(&r, &parts) != Status::ok || !r.empty()) {
    return Status::decode_error;
  }
  *out = parts;
  return Status::ok;
}

Status rsa_public_key_from_info(RsaPublicKeyBase* out, const PublicKeyInfo& info,
                                uint32_t flags) noexcept {
  RsaPublicKeyParts parts;
  const Status st = rsa_public_key_parts(&parts, info);
  if (st != Status::ok) {
    return st;
  }
  return out->set(parts.m_n, parts.m_e, flags);
}

Status rsa_public_key_from_spki(RsaPublicKeyBase* out, ByteView spki, uint32_t flags) noexcept {
  PublicKeyInfo info;
  if (parse_public_key_info(&info, spki) != Status::ok) {
    return Status::decode_error;
  }
  return rsa_public_key_from_info(out, info, flags);
}

Status rsa_public_key_from_pkcs1(RsaPublicKeyBase* out, ByteView der, uint32_t flags) noexcept {
  Reader r(der);
  RsaPublicKeyParts parts;
  if (read_pkcs1_public_parts(&r, &parts) != Status::ok || !r.empty()) {
    return Status::decode_error;
  }
  return out->set(parts.m_n, parts.m_e, flags);
}

Status rsa_public_key_to_pkcs1(MutableBytes out, size_t* out_len,
                               const RsaPublicKeyBase& key) noexcept {
  Writer w(out);
  const Status st = write_pkcs1_public(&w, key);
  return finish(w, st, out_len);
}

Status rsa_public_key_to_spki(MutableBytes out, size_t* out_len,
                              const RsaPublicKeyBase& key) noexcept {
  Writer w(out);
  asn1::begin_der(&w, asn1::kSequence);
  add_rsa_algorithm(&w);
  asn1::begin_der(&w, asn1::kBitString);
  w.add_u8(0);  // no unused bits
  const Status st = write_pkcs1_public(&w, key);
  w.end();
  w.end();
  return finish(w, st, out_len);
}

// ---- private keys -------------------------------------------------------------------------------

Status rsa_private_key_from_pkcs1(RsaPrivateKey* out, ByteView der, uint32_t flags) noexcept {
  Reader r(der);
  Status st = read_pkcs1_private(&r, out, flags);
  if (st == Status::ok && !r.empty()) {
    st = Status::decode_error;
  }
  if (st != Status::ok) {
    out->wipe();
  }
  return st;
}

Status rsa_private_key_from_pkcs8(RsaPrivateKey* out, ByteView der, uint32_t flags) noexcept {
  out->wipe();
  key_file::PrivateKeyInfo info;
  if (key_file::parse_private_key_info(&info, der) != Status::ok) {
    return Status::decode_error;
  }
  Reader alg(info.m_algorithm);
  const Status ast = read_rsa_algorithm(&alg);
  if (ast != Status::ok) {
    return ast;
  }
  // The attributes and a version 1 publicKey are checked for form by the framing, not used.
  return rsa_private_key_from_pkcs1(out, info.m_private_key, flags);
}

Status rsa_private_key_to_pkcs1(MutableBytes out, size_t* out_len,
                                const RsaPrivateKey& key) noexcept {
  Writer w(out);
  const Status st = write_pkcs1_private(&w, key);
  return finish_private(out, w, st, out_len);
}

Status rsa_private_key_to_pkcs8(MutableBytes out, size_t* out_len,
                                const RsaPrivateKey& key) noexcept {
  Writer w(out);
  Status st = Status::ok;
  key_file::add_private_key_info(
      &w, [](Writer* aw) { add_rsa_algorithm(aw); },
      [&st, &key](Writer* kw) { st = write_pkcs1_private(kw, key); });
  return finish_private(out, w, st, out_len);
}

}  // namespace petrel
