// RSA key files: which kind a file holds (rsa_key_file_kind, the PEM labels and names), the key
// block of the wanted kind found in PEM (crypto/pem/key_file.h) or DER, loaded through the
// structure readers of rsa_key_der.cpp, and why a key was refused (RsaKeyProblem); the writers
// that frame a key's DER as PEM or DER. Not constant-time in the framing (labels, lengths and
// tags are public); the decoded private key is wiped before return.
#include <cstdint>

#include "crypto/asn1/der.h"
#include "crypto/asn1/oid.h"
#include "crypto/pem/key_file.h"
#include "crypto/pem/pem.h"
#include "crypto/rsa/rsa_key_der_internal.h"
#include "crypto/rsa/rsa_key_files.h"
#include "crypto/util/cursor.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

using rsa_key_der_internal::read_pkcs1_public_parts;
using rsa_key_der_internal::rsa_oid;

struct KindLabel {
  RsaKeyFile kind;
  const char* label;
  const char* name;
};
constexpr KindLabel kKinds[] = {
    {RsaKeyFile::pkcs1_private, "RSA PRIVATE KEY", "PKCS#1 RSA private key"},
    {RsaKeyFile::pkcs1_public, "RSA PUBLIC KEY", "PKCS#1 RSA public key"},
    {RsaKeyFile::pkcs8_private, "PRIVATE KEY", "PKCS#8 private key"},
    {RsaKeyFile::pkcs8_encrypted, "ENCRYPTED PRIVATE KEY", "encrypted PKCS#8 private key"},
    {RsaKeyFile::spki_public, "PUBLIC KEY", "SubjectPublicKeyInfo public key"},
};

RsaKeyFile kind_of_label(ByteView label) noexcept {
  for (const KindLabel& k : kKinds) {
    if (key_file::label_is(label, k.label)) {
      return k.kind;
    }
  }
  return RsaKeyFile::unknown;
}

RsaKeyFile kind_of_der(ByteView der) noexcept {
  Reader r(der);
  Reader seq;
  if (asn1::read_sequence(&r, &seq) != Status::ok || !r.empty()) {
    return RsaKeyFile::unknown;
  }
  Reader c;
  asn1::Tag t1 = 0;
  asn1::Tag t2 = 0;
  if (asn1::read_any_der(&seq, &t1, &c) != Status::ok ||
      asn1::read_any_der(&seq, &t2, &c) != Status::ok) {
    return RsaKeyFile::unknown;
  }
  if (t1 == asn1::kInteger && t2 == asn1::kInteger) {
    return seq.empty() ? RsaKeyFile::pkcs1_public : RsaKeyFile::pkcs1_private;
  }
  if (t1 == asn1::kInteger && t2 == asn1::kSequence) {
    return RsaKeyFile::pkcs8_private;
  }
  if (t1 == asn1::kSequence && t2 == asn1::kBitString) {
    return RsaKeyFile::spki_public;
  }
  if (t1 == asn1::kSequence && t2 == asn1::kOctetString) {
    return RsaKeyFile::pkcs8_encrypted;
  }
  return RsaKeyFile::unknown;
}

// The DER of the key block of a PEM text (into scratch), or `in` itself if it is DER. In PEM,
// the first block of the wanted kind (private or public) wherever it is, so a file with a
// PUBLIC KEY block before its private key serves as a private key; failing that, the first RSA
// key block of the other kind (the caller then reports the wrong kind). On failure
// *out_problem says why: no key block (no_key, or not_rsa_ec for an "EC PRIVATE KEY"), a
// legacy encrypted block (encrypted), malformed PEM, or a block too large for any key Petrel
// loads.
Status key_der(ByteView* out_der, RsaKeyFile* out_kind, RsaKeyProblem* out_problem,
               MutableBytes scratch, ByteView in, bool want_private) noexcept {
  *out_kind = RsaKeyFile::unknown;
  *out_problem = RsaKeyProblem::malformed;
  switch (pem::detect_format(in)) {
    case pem::Format::der:
      *out_kind = kind_of_der(in);
      *out_der = in;
      return Status::ok;
    case pem::Format::pem:
      break;
    case pem::Format::unknown:
      return Status::decode_error;
  }
  pem::Block chosen;
  bool have = false;
  bool chosen_matches = false;
  bool encrypted = false;
  bool ec = false;
  Reader text(in);
  for (;;) {
    pem::Block block;
    bool found = false;
    const Status st = key_file::next_key_block(&text, &block, &found, &encrypted);
    if (st != Status::ok) {
      return st;
    }
    if (!found) {
      break;
    }
    if (key_file::label_is(block.label, "EC PRIVATE KEY")) {
      ec = true;
    }
    const RsaKeyFile kind = kind_of_label(block.label);
    if (kind == RsaKeyFile::unknown) {
      continue;
    }
    const bool matches = rsa_key_file_is_private(kind) == want_private;
    if (!have || (matches && !chosen_matches)) {
      chosen = block;
      have = true;
      chosen_matches = matches;
      *out_kind = kind;
    }
    if (matches) {
      break;
    }
  }
  if (!have || (!chosen_matches && (encrypted || ec))) {
    *out_kind = RsaKeyFile::unknown;
    *out_problem = encrypted ? RsaKeyProblem::encrypted
                             : ec ? RsaKeyProblem::not_rsa_ec : RsaKeyProblem::no_key;
    return encrypted || ec ? Status::unsupported : Status::decode_error;
  }
  size_t len = 0;
  const Status dst = pem::decode_block(scratch, &len, chosen);
  if (dst == Status::buffer_too_small) {
    *out_problem = rsa_key_file_is_private(*out_kind) ? RsaKeyProblem::private_too_large
                                                      : RsaKeyProblem::public_too_large;
    return Status::bad_key_length;
  }
  if (dst != Status::ok) {
    return dst;
  }
  *out_der = ByteView(scratch.data(), len);
  return Status::ok;
}

// The AlgorithmIdentifier OID of an SPKI or PKCS#8 DER, if it can be read.
bool algorithm_oid(ByteView* out, RsaKeyFile kind, ByteView der) noexcept {
  Reader r(der);
  Reader outer;  // a reader whose next element is the AlgorithmIdentifier
  if (kind == RsaKeyFile::pkcs8_private) {
    key_file::PrivateKeyInfo info;
    if (key_file::parse_private_key_info(&info, der) != Status::ok) {
      return false;
    }
    outer = Reader(info.m_algorithm);
  } else if (asn1::read_sequence(&r, &outer) != Status::ok) {
    return false;
  }
  Reader alg;
  return asn1::read_sequence(&outer, &alg) == Status::ok &&
         asn1::read_oid(&alg, out) == Status::ok;
}

// The RSAPrivateKey inside a PKCS#8 DER (or der itself for PKCS#1).
ByteView pkcs1_private_of(RsaKeyFile kind, ByteView der) noexcept {
  if (kind != RsaKeyFile::pkcs8_private) {
    return der;
  }
  key_file::PrivateKeyInfo info;
  if (key_file::parse_private_key_info(&info, der) != Status::ok) {
    return ByteView();
  }
  return info.m_private_key;
}

// The modulus and exponent magnitudes of a key's DER (any kind), if they can be read.
bool key_n_e(ByteView* n, ByteView* e, RsaKeyFile kind, ByteView der) noexcept {
  Reader r(der);
  RsaPublicKeyParts parts;
  switch (kind) {
    case RsaKeyFile::spki_public: {
      PublicKeyInfo info;
      if (parse_public_key_info(&info, der) != Status::ok ||
          rsa_public_key_parts(&parts, info) != Status::ok) {
        return false;
      }
      break;
    }
    case RsaKeyFile::pkcs1_public:
      if (read_pkcs1_public_parts(&r, &parts) != Status::ok) {
        return false;
      }
      break;
    case RsaKeyFile::pkcs1_private:
    case RsaKeyFile::pkcs8_private: {
      Reader p(pkcs1_private_of(kind, der));
      Reader seq;
      Reader version;
      asn1::Tag t = 0;
      if (asn1::read_sequence(&p, &seq) != Status::ok ||
          asn1::read_any_der(&seq, &t, &version) != Status::ok ||
          asn1::read_unsigned_integer(&seq, &parts.m_n) != Status::ok ||
          asn1::read_unsigned_integer(&seq, &parts.m_e) != Status::ok) {
        return false;
      }
      break;
    }
    default:
      return false;
  }
  *n = parts.m_n;
  *e = parts.m_e;
  return true;
}

// Why a key of `kind` (its DER) failed to load with st (not ok).
RsaKeyProblem classify(RsaKeyFile kind, ByteView der, Status st, bool want_private) noexcept {
  if (kind == RsaKeyFile::unknown) {
    return RsaKeyProblem::malformed;
  }
  if (rsa_key_file_is_private(kind) != want_private) {
    return RsaKeyProblem::wrong_kind;
  }
  if (kind == RsaKeyFile::pkcs8_encrypted) {
    return RsaKeyProblem::encrypted;
  }
  if (st == Status::decode_error) {
    return RsaKeyProblem::malformed;
  }
  if (kind == RsaKeyFile::spki_public || kind == RsaKeyFile::pkcs8_private) {
    ByteView oid;
    if (algorithm_oid(&oid, kind, der) && !asn1::oid_equal(oid, rsa_oid())) {
      return asn1::oid_equal(oid, ByteView(asn1::oid::kEcPublicKey,
                                           sizeof(asn1::oid::kEcPublicKey)))
                 ? RsaKeyProblem::not_rsa_ec
                 : RsaKeyProblem::not_rsa;
    }
  }
  if (kind == RsaKeyFile::pkcs1_private || kind == RsaKeyFile::pkcs8_private) {
    Reader p(pkcs1_private_of(kind, der));
    Reader seq;
    uint64_t version = 0;
    if (asn1::read_sequence(&p, &seq) == Status::ok &&
        asn1::read_uint64(&seq, &version) == Status::ok && version == 1) {
      return RsaKeyProblem::multi_prime;
    }
  }
  ByteView n;
  ByteView e;
  if (!key_n_e(&n, &e, kind, der)) {
    return RsaKeyProblem::malformed;
  }
  while (e.size() > 0 && e[0] == 0) {
    e = e.subspan(1, e.size() - 1);
  }
  if (st == Status::unsupported && e.size() > kRsaMaxPublicExponentBits / 8) {
    return RsaKeyProblem::exponent_too_large;
  }
  if (st == Status::bad_key_length) {
    if (n.size() * 8 < kRsaMinModulusBits) {
      return RsaKeyProblem::too_small;
    }
    return want_private ? RsaKeyProblem::private_too_large : RsaKeyProblem::public_too_large;
  }
  return RsaKeyProblem::bad_values;
}

}  // namespace

const char* rsa_key_problem_text(RsaKeyProblem p) noexcept {
  switch (p) {
    case RsaKeyProblem::none: return "no problem";
    case RsaKeyProblem::malformed: return "not a valid RSA key file (malformed PEM or DER)";
    case RsaKeyProblem::no_key: return "no RSA key in the file";
    case RsaKeyProblem::wrong_kind: return "a key of the wrong kind (public/private)";
    case RsaKeyProblem::encrypted: return "encrypted keys are not supported (decrypt it first)";
    case RsaKeyProblem::not_rsa_ec: return "not an RSA key (EC)";
    case RsaKeyProblem::not_rsa: return "not an RSA key (only rsaEncryption keys are read)";
    case RsaKeyProblem::multi_prime: return "multi-prime RSA keys are not supported";
    case RsaKeyProblem::exponent_too_large:
      return "RSA public exponent over 64 bits is not supported";
    case RsaKeyProblem::private_too_large: return "private keys up to 4096 bits are supported";
    case RsaKeyProblem::public_too_large: return "public keys up to 8192 bits are supported";
    case RsaKeyProblem::too_small: return "RSA keys under 1024 bits are refused";
    case RsaKeyProblem::bad_values: return "inconsistent RSA key values";
  }
  return "unknown problem";
}

const char* rsa_key_file_name(RsaKeyFile kind) noexcept {
  for (const KindLabel& k : kKinds) {
    if (k.kind == kind) {
      return k.name;
    }
  }
  return "unknown key format";
}

const char* rsa_key_file_pem_label(RsaKeyFile kind) noexcept {
  for (const KindLabel& k : kKinds) {
    if (k.kind == kind) {
      return k.label;
    }
  }
  return nullptr;
}

bool rsa_key_file_is_private(RsaKeyFile kind) noexcept {
  return kind == RsaKeyFile::pkcs1_private || kind == RsaKeyFile::pkcs8_private ||
         kind == RsaKeyFile::pkcs8_encrypted;
}

RsaKeyFile rsa_key_file_kind(ByteView in) noexcept {
  if (pem::detect_format(in) == pem::Format::der) {
    return kind_of_der(in);
  }
  Reader text(in);
  for (;;) {
    pem::Block block;
    bool found = false;
    if (pem::next_block(&text, &block, &found) != Status::ok || !found) {
      return RsaKeyFile::unknown;
    }
    const RsaKeyFile kind = kind_of_label(block.label);
    if (kind != RsaKeyFile::unknown) {
      return kind;
    }
  }
}

// ---- load and write -----------------------------------------------------------------------------

Status rsa_private_key_load(RsaPrivateKey* out, ByteView in, uint32_t flags,
                            RsaKeyFile* out_kind, RsaKeyProblem* out_problem) noexcept {
  out->wipe();
  uint8_t scratch[kRsaMaxPrivateKeyDerLen];
  ByteView der;
  RsaKeyFile kind = RsaKeyFile::unknown;
  RsaKeyProblem problem = RsaKeyProblem::none;
  Status st = key_der(&der, &kind, &problem, MutableBytes(scratch, sizeof(scratch)), in, true);
  if (st == Status::ok) {
    switch (kind) {
      case RsaKeyFile::pkcs1_private:
        st = rsa_private_key_from_pkcs1(out, der, flags);
        break;
      case RsaKeyFile::pkcs8_private:
        st = rsa_private_key_from_pkcs8(out, der, flags);
        break;
      case RsaKeyFile::pkcs8_encrypted:
        st = Status::unsupported;
        break;
      case RsaKeyFile::pkcs1_public:
      case RsaKeyFile::spki_public:
        st = Status::invalid_argument;
        break;
      case RsaKeyFile::unknown:
        st = Status::decode_error;
        break;
    }
    problem = st == Status::ok ? RsaKeyProblem::none : classify(kind, der, st, true);
  }
  if (out_kind != nullptr) {
    *out_kind = kind;
  }
  if (out_problem != nullptr) {
    *out_problem = problem;
  }
  secure_wipe(scratch, sizeof(scratch));
  return st;
}

Status rsa_public_key_load(RsaPublicKeyBase* out, ByteView in, uint32_t flags,
                           RsaKeyFile* out_kind, RsaKeyProblem* out_problem) noexcept {
  uint8_t scratch[kRsaMaxPublicKeyDerLen];
  ByteView der;
  RsaKeyFile kind = RsaKeyFile::unknown;
  RsaKeyProblem problem = RsaKeyProblem::none;
  Status st = key_der(&der, &kind, &problem, MutableBytes(scratch, sizeof(scratch)), in, false);
  if (st == Status::ok) {
    switch (kind) {
      case RsaKeyFile::spki_public:
        st = rsa_public_key_from_spki(out, der, flags);
        break;
      case RsaKeyFile::pkcs1_public:
        st = rsa_public_key_from_pkcs1(out, der, flags);
        break;
      case RsaKeyFile::pkcs1_private:
      case RsaKeyFile::pkcs8_private:
      case RsaKeyFile::pkcs8_encrypted:
        st = Status::invalid_argument;
        break;
      case RsaKeyFile::unknown:
        st = Status::decode_error;
        break;
    }
    problem = st == Status::ok ? RsaKeyProblem::none : classify(kind, der, st, false);
  }
  if (out_kind != nullptr) {
    *out_kind = kind;
  }
  if (out_problem != nullptr) {
    *out_problem = problem;
  }
  secure_wipe(scratch, sizeof(scratch));
  return st;
}

Status rsa_public_key_write(MutableBytes out, size_t* out_len, const RsaPublicKeyBase& key,
                            RsaKeyFile kind, bool pem) noexcept {
  uint8_t der[kRsaMaxPublicKeyDerLen];
  size_t len = 0;
  const MutableBytes dst(der, sizeof(der));
  Status st = Status::invalid_argument;
  if (kind == RsaKeyFile::spki_public) {
    st = rsa_public_key_to_spki(dst, &len, key);
  } else if (kind == RsaKeyFile::pkcs1_public) {
    st = rsa_public_key_to_pkcs1(dst, &len, key);
  }
  if (st != Status::ok) {
    return st;
  }
  return key_file::write_key_file(out, out_len, ByteView(der, len),
                                  pem ? rsa_key_file_pem_label(kind) : nullptr, false);
}

Status rsa_private_key_write(MutableBytes out, size_t* out_len, const RsaPrivateKey& key,
                             RsaKeyFile kind, bool pem) noexcept {
  if (kind == RsaKeyFile::spki_public || kind == RsaKeyFile::pkcs1_public) {
    return rsa_public_key_write(out, out_len, key.public_key(), kind, pem);
  }
  uint8_t der[kRsaMaxPrivateKeyDerLen];
  size_t len = 0;
  const MutableBytes dst(der, sizeof(der));
  Status st = Status::invalid_argument;
  if (kind == RsaKeyFile::pkcs1_private) {
    st = rsa_private_key_to_pkcs1(dst, &len, key);
  } else if (kind == RsaKeyFile::pkcs8_private) {
    st = rsa_private_key_to_pkcs8(dst, &len, key);
  }
  if (st == Status::ok) {
    st = key_file::write_key_file(out, out_len, ByteView(der, len),
                                  pem ? rsa_key_file_pem_label(kind) : nullptr, true);
  }
  secure_wipe(der, sizeof(der));
  return st;
}

}  // namespace petrel
