/*
 * EC key files read: which kind a file holds (ec_key_file_kind), and the first key of the wanted
 * kind from PEM (the key blocks of crypto/pem/key_file.h: legacy encrypted ones passed over)
 * or DER (ec_private_key_load, ec_public_key_load); the structures themselves (SEC 1,
 * PKCS#8, SubjectPublicKeyInfo) are read and written in ec_keys.cpp. Not constant-time in the
 * framing (labels, lengths and tags are public); the decoded private key is wiped before return.
 */
#include <cstdint>

#include "crypto/asn1/der.h"
#include "crypto/ec/ec_keys.h"
#include "crypto/pem/key_file.h"
#include "crypto/pem/pem.h"
#include "crypto/util/cursor.h"
#include "crypto/util/wipe.h"

namespace petrel {

namespace {

constexpr Status kBad = Status::decode_error;

void set_problem(EcKeyProblem* p, EcKeyProblem v) {
  if (p != nullptr) {
    *p = v;
  }
}

using key_file::label_is;

EcKeyFile kind_of_label(ByteView label) {
  if (label_is(label, "EC PRIVATE KEY")) {
    return EcKeyFile::sec1_private;
  }
  if (label_is(label, "PRIVATE KEY")) {
    return EcKeyFile::pkcs8_private;
  }
  if (label_is(label, "ENCRYPTED PRIVATE KEY")) {
    return EcKeyFile::pkcs8_encrypted;
  }
  if (label_is(label, "PUBLIC KEY")) {
    return EcKeyFile::spki_public;
  }
  return EcKeyFile::unknown;
}

bool is_private_kind(EcKeyFile k) {
  return k == EcKeyFile::sec1_private || k == EcKeyFile::pkcs8_private ||
         k == EcKeyFile::pkcs8_encrypted;
}

// DER: SEC 1 starts SEQUENCE { INTEGER 1, OCTET STRING }, PKCS#8 SEQUENCE { INTEGER 0|1,
// SEQUENCE }, encrypted PKCS#8 SEQUENCE { SEQUENCE, OCTET STRING }, SPKI SEQUENCE { SEQUENCE,
// BIT STRING }.
EcKeyFile kind_of_der(ByteView der) {
  Reader r(der);
  Reader seq;
  if (asn1::read_sequence(&r, &seq) != Status::ok || !r.empty()) {
    return EcKeyFile::unknown;
  }
  if (asn1::next_is(seq, asn1::kInteger)) {
    uint64_t v = 0;
    if (asn1::read_uint64(&seq, &v) != Status::ok) {
      return EcKeyFile::unknown;
    }
    if (v == 1 && asn1::next_is(seq, asn1::kOctetString)) {
      return EcKeyFile::sec1_private;
    }
    if (v <= 1 && asn1::next_is(seq, asn1::kSequence)) {
      return EcKeyFile::pkcs8_private;
    }
    return EcKeyFile::unknown;
  }
  Reader alg;
  if (asn1::read_sequence(&seq, &alg) != Status::ok) {
    return EcKeyFile::unknown;
  }
  if (asn1::next_is(seq, asn1::kBitString)) {
    return EcKeyFile::spki_public;
  }
  if (asn1::next_is(seq, asn1::kOctetString)) {
    return EcKeyFile::pkcs8_encrypted;
  }
  return EcKeyFile::unknown;
}

// The DER of the first key block of the wanted kind in a PEM text (into scratch), or `in` if
// it is DER.
Status key_der(ByteView* out_der, EcKeyFile* out_kind, EcKeyProblem* problem, MutableBytes scratch,
               ByteView in, bool want_private) {
  *out_kind = EcKeyFile::unknown;
  set_problem(problem, EcKeyProblem::malformed);
  switch (pem::detect_format(in)) {
    case pem::Format::der:
      *out_kind = kind_of_der(in);
      *out_der = in;
      return Status::ok;
    case pem::Format::pem:
      break;
    case pem::Format::unknown:
      return kBad;
  }
  Reader text(in);
  bool encrypted = false;
  bool other_kind = false;
  bool other_alg = false;
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
    const EcKeyFile kind = kind_of_label(block.label);
    if (kind == EcKeyFile::unknown) {
      if (label_is(block.label, "RSA PRIVATE KEY") || label_is(block.label, "RSA PUBLIC KEY")) {
        other_alg = true;
      }
      continue;  // EC PARAMETERS, CERTIFICATE, ...
    }
    if (is_private_kind(kind) != want_private) {
      other_kind = true;
      continue;
    }
    if (kind == EcKeyFile::pkcs8_encrypted) {
      encrypted = true;
      continue;
    }
    size_t len = 0;
    const Status dst = pem::decode_block(scratch, &len, block);
    if (dst == Status::buffer_too_small) {
      // Larger than any EC key with a named curve (or its explicit parameters): another
      // algorithm's key (RSA).
      set_problem(problem, EcKeyProblem::not_ec);
      return Status::unsupported;
    }
    if (dst != Status::ok) {
      return dst;
    }
    *out_kind = kind;
    *out_der = ByteView(scratch.data(), len);
    return Status::ok;
  }
  if (encrypted) {
    set_problem(problem, EcKeyProblem::encrypted);
    return Status::unsupported;
  }
  if (other_kind) {
    set_problem(problem, EcKeyProblem::wrong_kind);
    return Status::invalid_argument;
  }
  if (other_alg) {
    set_problem(problem, EcKeyProblem::not_ec);
    return Status::unsupported;
  }
  set_problem(problem, EcKeyProblem::no_key);
  return kBad;
}

}  // namespace

// ---- kind and load ------------------------------------------------------------------------------

EcKeyFile ec_key_file_kind(ByteView in) noexcept {
  switch (pem::detect_format(in)) {
    case pem::Format::der:
      return kind_of_der(in);
    case pem::Format::pem: {
      Reader text(in);
      bool encrypted = false;  // legacy encrypted blocks are passed over
      for (;;) {
        pem::Block block;
        bool found = false;
        const Status st = key_file::next_key_block(&text, &block, &found, &encrypted);
        if (st != Status::ok || !found) {
          return EcKeyFile::unknown;
        }
        const EcKeyFile k = kind_of_label(block.label);
        if (k != EcKeyFile::unknown) {
          return k;
        }
      }
    }
    case pem::Format::unknown:
      break;
  }
  return EcKeyFile::unknown;
}

Status ec_private_key_load(EcPrivateKey* out, ByteView in, EcKeyProblem* out_problem) noexcept {
  out->wipe();
  uint8_t scratch[kEcKeyScratchLen];
  ByteView der;
  EcKeyFile kind = EcKeyFile::unknown;
  EcKeyProblem problem = EcKeyProblem::none;
  Status st = key_der(&der, &kind, &problem, MutableBytes(scratch, sizeof(scratch)), in, true);
  if (st == Status::ok) {
    switch (kind) {
      case EcKeyFile::sec1_private:
        st = ec_private_key_from_sec1(out, der, &problem);
        break;
      case EcKeyFile::pkcs8_private:
        st = ec_private_key_from_pkcs8(out, der, &problem);
        break;
      case EcKeyFile::pkcs8_encrypted:
        st = Status::unsupported;
        problem = EcKeyProblem::encrypted;
        break;
      case EcKeyFile::spki_public:
        st = Status::invalid_argument;
        problem = EcKeyProblem::wrong_kind;
        break;
      case EcKeyFile::unknown:
        st = kBad;
        problem = EcKeyProblem::malformed;
        break;
    }
  }
  set_problem(out_problem, problem);
  secure_wipe(scratch, sizeof(scratch));
  return st;
}

Status ec_public_key_load(EcPublicKey* out, MutableBytes scratch, ByteView in,
                          EcKeyProblem* out_problem) noexcept {
  ByteView der;
  EcKeyFile kind = EcKeyFile::unknown;
  EcKeyProblem problem = EcKeyProblem::none;
  Status st = key_der(&der, &kind, &problem, scratch, in, false);
  if (st == Status::ok) {
    if (kind == EcKeyFile::spki_public) {
      st = ec_public_key_from_spki(out, der, &problem);
    } else if (is_private_kind(kind)) {
      st = Status::invalid_argument;
      problem = EcKeyProblem::wrong_kind;
    } else {
      st = kBad;
      problem = EcKeyProblem::malformed;
    }
  }
  set_problem(out_problem, problem);
  return st;
}

}  // namespace petrel
