// petrel speed: throughput of the library's ciphers, hashes and MACs (RSA and the elliptic curves:
// speed_rsa.cpp and speed_ec.cpp).
//
// Default: for each algorithm and each block size (16 B .. 16 KiB), as many one-block operations
// as fit in -seconds S, then a table in the style of `openssl speed` (1000s of bytes per second).
// With -bytes N: each algorithm processes exactly N bytes once (one zero-filled buffer, taken in
// 16 KiB chunks; GCM in a single call, the library's GCM being one-shot) and prints one line with
// nothing timing-dependent, so that the guest instruction counts of two runs (N and 2N, e.g. under
// a qemu instruction-counting plugin) can be subtracted to give the cost per byte.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/hash/hash.h"
#include "crypto/mac/hmac.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"
#include "crypto/rc4/rc4.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "tools/petrel/options.h"
#include "tools/petrel/speed.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace {

using petrel::ByteView;
using petrel::HashAlg;
using petrel::MutableBytes;
using petrel::Status;

const char* const kCmd = "speed";
constexpr size_t kChunk = 16 * 1024;
const size_t kSizes[] = {16, 64, 256, 1024, 8192, 16384};
constexpr size_t kNumSizes = sizeof(kSizes) / sizeof(kSizes[0]);
constexpr size_t kMaxSize = 16384;

enum class Kind { aes_cbc, aes_ctr, aes_gcm, chacha_poly, rc4, hash, hmac };

struct AlgSpec {
  const char* name;
  Kind kind;
  size_t key_len;  // cipher or HMAC key bytes
  HashAlg hash;    // for hash/hmac
};

const AlgSpec kAlgs[] = {
    {"aes-128-cbc", Kind::aes_cbc, 16, HashAlg::sha256},
    {"aes-256-cbc", Kind::aes_cbc, 32, HashAlg::sha256},
    {"aes-128-ctr", Kind::aes_ctr, 16, HashAlg::sha256},
    {"aes-256-ctr", Kind::aes_ctr, 32, HashAlg::sha256},
    {"aes-128-gcm", Kind::aes_gcm, 16, HashAlg::sha256},
    {"aes-256-gcm", Kind::aes_gcm, 32, HashAlg::sha256},
    {"chacha20-poly1305", Kind::chacha_poly, 32, HashAlg::sha256},
    {"rc4", Kind::rc4, 16, HashAlg::sha256},
    {"md5", Kind::hash, 0, HashAlg::md5},
    {"sha1", Kind::hash, 0, HashAlg::sha1},
    {"sha224", Kind::hash, 0, HashAlg::sha224},
    {"sha256", Kind::hash, 0, HashAlg::sha256},
    {"sha384", Kind::hash, 0, HashAlg::sha384},
    {"sha512", Kind::hash, 0, HashAlg::sha512},
    {"hmac-md5", Kind::hmac, 16, HashAlg::md5},
    {"hmac-sha1", Kind::hmac, 20, HashAlg::sha1},
    {"hmac-sha256", Kind::hmac, 32, HashAlg::sha256},
    {"hmac-sha384", Kind::hmac, 48, HashAlg::sha384},
    {"hmac-sha512", Kind::hmac, 64, HashAlg::sha512},
};

// Public-key and other algorithms that openssl speed knows and Petrel does not have (rsa,
// ecdsa and ecdh names that are not Petrel's sizes or curves fall here too).
const char* const kFuturePrefixes[] = {"rsa", "dsa", "ecdsa", "ecdh", "ffdh", "ed25519", "ed448",
                                       "x448", "eddsa"};

const CommandHelp kHelp = {
    kCmd, "[-impl NAME] [-decrypt] [-seconds S | -bytes N | -ops N] [ALG...]",
    "  ALG: aes-128-cbc aes-256-cbc aes-128-ctr aes-256-ctr aes-128-gcm aes-256-gcm\n"
    "       chacha20-poly1305 rc4 md5 sha1 sha224 sha256 sha384 sha512 hmac-md5 hmac-sha1\n"
    "       hmac-sha256 hmac-sha384 hmac-sha512   (default: all)\n"
    "       rsa1024 rsa2048 rsa3072 rsa4096   (RSA sign/verify per second; not in the default)\n"
    "       x25519 (or ecdhx25519) ecdhp256   (shared secrets per second; not in the default)\n"
    "       ecdsap256                         (ECDSA sign/verify per second; not in the default)\n",
    nullptr};

// Fixed, public benchmark key material.
void fill_pattern(uint8_t* p, size_t n, uint8_t seed) {
  for (size_t i = 0; i < n; ++i) {
    p[i] = static_cast<uint8_t>(seed + 37 * i);
  }
}

class Bench final {
 public:
  bool init(const AlgSpec& a, petrel::AesImpl impl, bool decrypt) {
    m_alg = &a;
    m_decrypt = decrypt;
    uint8_t key[64];
    fill_pattern(key, sizeof(key), 0x5a);
    fill_pattern(m_iv, sizeof(m_iv), 0xa5);
    Status s = Status::ok;
    switch (a.kind) {
      case Kind::aes_cbc:
      case Kind::aes_ctr:
      case Kind::aes_gcm:
        s = m_key.init(ByteView(key, a.key_len), impl);
        if (s == Status::ok && a.kind == Kind::aes_cbc) {
          s = m_cbc.init(&m_key, ByteView(m_iv, 16));
        } else if (s == Status::ok && a.kind == Kind::aes_ctr) {
          s = m_ctr.init(&m_key, ByteView(m_iv, 16));
        } else if (s == Status::ok) {
          s = m_gcm.init(&m_key);
        }
        break;
      case Kind::chacha_poly:
        s = m_chacha.init(ByteView(key, a.key_len));
        break;
      case Kind::rc4:
        s = m_rc4.init(ByteView(key, a.key_len));
        break;
      case Kind::hash:
        break;
      case Kind::hmac:
        s = m_hmac_keyed.init(a.hash, ByteView(key, a.key_len));
        break;
    }
    if (s != Status::ok) {
      fail(kCmd, "cannot set up %s: %s", a.name, petrel::status_name(s));
      return false;
    }
    return true;
  }

  // An AEAD decryption needs a valid tag: seal in once (into ct) and keep the tag.
  bool prepare_open(uint8_t* ct, const uint8_t* in, size_t len) {
    if (m_alg->kind == Kind::chacha_poly) {
      return check(m_chacha.seal(MutableBytes(ct, len), MutableBytes(m_tag, sizeof(m_tag)),
                                 ByteView(m_iv, 12), ByteView(), ByteView(in, len)));
    }
    return check(m_gcm.seal(MutableBytes(ct, len), MutableBytes(m_tag, sizeof(m_tag)),
                            ByteView(m_iv, 12), ByteView(), ByteView(in, len)));
  }

  // One operation (one message) of len bytes, as openssl speed times them: a cipher call on a
  // running context, a GCM seal/open, a one-shot hash, an HMAC from a pre-keyed context.
  bool op(uint8_t* out, const uint8_t* in, size_t len) {
    switch (m_alg->kind) {
      case Kind::aes_cbc:
        return check(m_decrypt ? m_cbc.decrypt(MutableBytes(out, len), ByteView(in, len))
                               : m_cbc.encrypt(MutableBytes(out, len), ByteView(in, len)));
      case Kind::aes_ctr:
        return check(m_ctr.crypt(MutableBytes(out, len), ByteView(in, len)));
      case Kind::rc4:
        return check(m_rc4.crypt(MutableBytes(out, len), ByteView(in, len)));
      case Kind::aes_gcm:
        if (m_decrypt) {
          return check(m_gcm.open(MutableBytes(out, len), ByteView(m_iv, 12), ByteView(),
                                  ByteView(in, len), ByteView(m_tag, sizeof(m_tag))));
        }
        return check(m_gcm.seal(MutableBytes(out, len), MutableBytes(m_tag, sizeof(m_tag)),
                                ByteView(m_iv, 12), ByteView(), ByteView(in, len)));
      case Kind::chacha_poly:
        if (m_decrypt) {
          return check(m_chacha.open(MutableBytes(out, len), ByteView(m_iv, 12), ByteView(),
                                     ByteView(in, len), ByteView(m_tag, sizeof(m_tag))));
        }
        return check(m_chacha.seal(MutableBytes(out, len), MutableBytes(m_tag, sizeof(m_tag)),
                                   ByteView(m_iv, 12), ByteView(), ByteView(in, len)));
      case Kind::hash:
        return check(petrel::hash(m_alg->hash, MutableBytes(out, petrel::kMaxDigestSize),
                                  ByteView(in, len)));
      case Kind::hmac: {
        petrel::HmacCtx h = m_hmac_keyed;
        h.update(ByteView(in, len));
        return check(h.final(MutableBytes(out, petrel::kMaxDigestSize)));
      }
    }
    return false;
  }

  // -bytes mode: a streaming pass; update() per chunk, then finish() gives the check value.
  bool start_stream() {
    if (m_alg->kind == Kind::hash) {
      return check(m_hash.init(m_alg->hash));
    }
    if (m_alg->kind == Kind::hmac) {
      m_hmac = m_hmac_keyed;
    }
    return true;
  }
  bool update(uint8_t* out, const uint8_t* in, size_t len) {
    switch (m_alg->kind) {
      case Kind::hash:
        m_hash.update(ByteView(in, len));
        return true;
      case Kind::hmac:
        m_hmac.update(ByteView(in, len));
        return true;
      default:
        return op(out, in, len);
    }
  }
  bool finish_digest(uint8_t* out, size_t* out_len) {
    *out_len = petrel::hash_digest_size(m_alg->hash);
    if (m_alg->kind == Kind::hash) {
      return check(m_hash.final(MutableBytes(out, petrel::kMaxDigestSize)));
    }
    return check(m_hmac.final(MutableBytes(out, petrel::kMaxDigestSize)));
  }
  const uint8_t* tag() const { return m_tag; }

 private:
  bool check(Status s) {
    if (s != Status::ok) {
      fail(kCmd, "%s failed: %s", m_alg->name, petrel::status_name(s));
      return false;
    }
    return true;
  }

  const AlgSpec* m_alg = nullptr;
  bool m_decrypt = false;
  uint8_t m_iv[16] = {};
  uint8_t m_tag[petrel::kGcmTagSize] = {};
  petrel::AesKey m_key;
  petrel::AesCbc m_cbc;
  petrel::AesCtr m_ctr;
  petrel::AesGcm m_gcm;
  petrel::ChaCha20Poly1305 m_chacha;
  petrel::Rc4 m_rc4;
  petrel::HashCtx m_hash;
  petrel::HmacCtx m_hmac_keyed;
  petrel::HmacCtx m_hmac;
};

bool is_aead(Kind k) { return k == Kind::aes_gcm || k == Kind::chacha_poly; }
bool is_cipher(Kind k) {
  return k == Kind::aes_cbc || k == Kind::aes_ctr || is_aead(k) || k == Kind::rc4;
}
bool is_aes(Kind k) { return k == Kind::aes_cbc || k == Kind::aes_ctr || k == Kind::aes_gcm; }

struct Options {
  petrel::AesImpl impl = petrel::kAesDefaultImpl;
  bool decrypt = false;
  double seconds = 3.0;
  bool have_bytes = false;
  size_t bytes = 0;
  std::vector<const AlgSpec*> algs;
  std::vector<std::string> rsa;  // rsa1024..rsa4096 (speed_rsa.cpp)
  std::vector<std::string> ec;   // x25519, ecdhp256, ecdsap256 (speed_ec.cpp)
  bool have_ops = false;
  size_t ops = 0;  // -ops N (RSA and EC)
};

std::string label(const AlgSpec& a, const Options& o) {
  std::string s = a.name;
  if (is_aes(a.kind)) {
    s += std::string(" impl=") + petrel::aes_impl_name(o.impl);
  }
  if (is_cipher(a.kind)) {
    s += o.decrypt && (a.kind == Kind::aes_cbc || is_aead(a.kind)) ? " decrypt" : " encrypt";
  }
  return s;
}

struct FreeDeleter {
  void operator()(uint8_t* p) const { std::free(p); }
};
using Buffer = std::unique_ptr<uint8_t, FreeDeleter>;

// -bytes N: exactly N bytes, once. The buffers come zeroed from calloc, so preparing them costs
// no per-byte instructions in the process being measured.
int run_bytes(const AlgSpec& a, const Options& o) {
  const size_t n = o.bytes;
  if (a.kind == Kind::aes_cbc && n % petrel::kAesBlockSize != 0) {
    return fail(kCmd, "-bytes %zu is not a multiple of 16, as %s needs", n, a.name);
  }
  Bench b;
  if (!b.init(a, o.impl, o.decrypt) || !b.start_stream()) {
    return kExitFail;
  }
  Buffer in(static_cast<uint8_t*>(std::calloc(n == 0 ? 1 : n, 1)));
  // An AEAD is one call over the whole buffer, so its output is N bytes; the rest reuse one
  // chunk.
  const size_t out_size = is_aead(a.kind) ? n : kChunk;
  Buffer out(static_cast<uint8_t*>(std::calloc(out_size == 0 ? 1 : out_size, 1)));
  if (!in || !out) {
    return fail(kCmd, "cannot allocate %zu bytes for %s", n, a.name);
  }
  std::string check;
  if (is_aead(a.kind)) {
    if (o.decrypt) {
      // The tag must be valid for the timing to be that of a successful open: this seal is part
      // of the measured work (subtract an encrypt run to isolate open).
      if (!b.prepare_open(out.get(), in.get(), n)) {
        return kExitFail;
      }
      std::memcpy(in.get(), out.get(), n);
    }
    if (!b.op(out.get(), in.get(), n)) {
      return kExitFail;
    }
    const size_t tail = n < 16 ? n : 16;
    check = to_hex(out.get() + n - tail, tail);
    if (!o.decrypt) {
      check += " tag=" + to_hex(b.tag(), petrel::kGcmTagSize);
    }
  } else {
    size_t last = 0;
    for (size_t done = 0; done < n; done += last) {
      last = n - done < kChunk ? n - done : kChunk;
      if (!b.update(out.get(), in.get() + done, last)) {
        return kExitFail;
      }
    }
    if (is_cipher(a.kind)) {
      const size_t tail = last < 16 ? last : 16;
      check = to_hex(out.get() + last - tail, tail);
    } else {
      uint8_t d[petrel::kMaxDigestSize];
      size_t d_len = 0;
      if (!b.finish_digest(d, &d_len)) {
        return kExitFail;
      }
      check = to_hex(d, d_len);
    }
  }
  std::printf("%s bytes=%zu last=%s\n", label(a, o).c_str(), n, check.c_str());
  return kExitOk;
}

// Time-boxed: bytes per second for each block size.
bool run_timed(const AlgSpec& a, const Options& o, double* results) {
  Bench b;
  if (!b.init(a, o.impl, o.decrypt)) {
    return false;
  }
  std::vector<uint8_t> in(kMaxSize);
  std::vector<uint8_t> out(kMaxSize + petrel::kMaxDigestSize);
  fill_pattern(in.data(), in.size(), 0x3c);
  const std::string name = label(a, o);
  for (size_t si = 0; si < kNumSizes; ++si) {
    const size_t len = kSizes[si];
    const uint8_t* src = in.data();
    std::vector<uint8_t> ct;
    if (is_aead(a.kind) && o.decrypt) {
      ct.resize(len);
      if (!b.prepare_open(ct.data(), in.data(), len)) {
        return false;
      }
      src = ct.data();
    }
    // Batches of about 16 KiB between clock readings keep the clock's cost out of the figure.
    const size_t batch = len >= kMaxSize ? 1 : kMaxSize / len;
    TimedRun r;
    if (!time_ops(text_printf("%s for %gs on %zu size blocks", name.c_str(), o.seconds, len),
                  std::string(a.name) + " ops", o.seconds, batch,
                  [&]() { return b.op(out.data(), src, len); }, &r)) {
      return false;
    }
    results[si] = static_cast<double>(r.count) * static_cast<double>(len) / r.elapsed;
  }
  return true;
}

bool parse_seconds(const std::string& s, double* out) {
  if (s.empty()) {
    return false;
  }
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == nullptr || *end != '\0' || !(v > 0) || v > 3600) {
    return false;
  }
  *out = v;
  return true;
}

}  // namespace

int cmd_speed(int argc, char** argv) {
  Options o;
  std::string impl;
  std::string seconds;
  std::string bytes;
  std::string ops;
  bool impl_seen = false;
  bool seconds_seen = false;
  const std::vector<Option> table = {
      value("impl", "NAME", "AES implementation (default: the library's default)", &impl,
            &impl_seen),
      flag("decrypt", "time decryption (cbc, gcm) instead of encryption", &o.decrypt),
      value("seconds", "S", "time per block size (default 3; may be fractional)", &seconds,
            &seconds_seen),
      value("bytes", "N", "process exactly N bytes once per ALG and print one line, no timings",
            &bytes, &o.have_bytes),
      value("ops", "N", "RSA and EC: exactly N operations of each kind, one line, no timings",
            &ops, &o.have_ops),
  };
  std::vector<std::string> operands;
  const Parsed parsed = parse_options(kHelp, table, argc, argv, &operands);
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (impl_seen && !select_aes_impl(kCmd, impl, &o.impl)) {
    return kExitFail;
  }
  if (seconds_seen && !parse_seconds(seconds, &o.seconds)) {
    return fail(kCmd, "bad -seconds '%s' (a number of seconds, > 0 and <= 3600)",
                seconds.c_str());
  }
  if (o.have_bytes && !parse_size(bytes, &o.bytes)) {
    return fail(kCmd, "bad -bytes '%s' (a decimal byte count)", bytes.c_str());
  }
  if (o.have_ops && !parse_size(ops, &o.ops)) {
    return fail(kCmd, "bad -ops '%s' (a decimal count)", ops.c_str());
  }
  for (const std::string& name : operands) {
    if (is_rsa_speed_name(name)) {
      o.rsa.push_back(name);
      continue;
    }
    if (is_ec_speed_name(name)) {
      o.ec.push_back(name);
      continue;
    }
    const AlgSpec* found = nullptr;
    for (const AlgSpec& a : kAlgs) {
      if (name == a.name) {
        found = &a;
      }
    }
    if (found == nullptr) {
      for (const char* prefix : kFuturePrefixes) {
        if (name.compare(0, std::strlen(prefix), prefix) == 0) {
          return fail(kCmd, "%s is not yet supported", name.c_str());
        }
      }
      return fail(kCmd, "unknown algorithm '%s' (see 'petrel help speed')", name.c_str());
    }
    o.algs.push_back(found);
  }
  const bool public_key = !o.rsa.empty() || !o.ec.empty();
  if (o.have_ops && (!public_key || !o.algs.empty())) {
    return fail(kCmd, "-ops is for the public-key algorithms only (rsa1024 ... rsa4096, x25519, "
                      "ecdhp256, ecdsap256)");
  }
  if (public_key) {
    if (o.have_bytes) {
      return fail(kCmd, "-bytes is not for the public-key algorithms (use -ops N)");
    }
    if (!o.rsa.empty()) {
      const int rc = speed_rsa(o.rsa, o.seconds, o.have_ops, o.ops);
      if (rc != kExitOk) {
        return rc;
      }
    }
    if (!o.ec.empty()) {
      const int rc = speed_ec(o.ec, o.seconds, o.have_ops, o.ops);
      if (rc != kExitOk) {
        return rc;
      }
    }
    if (o.algs.empty()) {
      return kExitOk;
    }
  }
  if (o.algs.empty()) {
    for (const AlgSpec& a : kAlgs) {
      o.algs.push_back(&a);
    }
  }

  if (o.have_bytes) {
    for (const AlgSpec* a : o.algs) {
      if (run_bytes(*a, o) != kExitOk) {
        return kExitFail;
      }
    }
  } else {
    std::vector<std::vector<double>> results;
    std::vector<std::string> names;
    for (const AlgSpec* a : o.algs) {
      results.emplace_back(kNumSizes, 0.0);
      if (!run_timed(*a, o, results.back().data())) {
        return kExitFail;
      }
      names.push_back(label(*a, o));
    }
    std::printf("The 'numbers' are in 1000s of bytes per second processed.\n");
    std::printf("%-30s", "type");
    for (size_t s : kSizes) {
      std::printf(" %7zu bytes", s);
    }
    std::printf("\n");
    for (size_t i = 0; i < results.size(); ++i) {
      std::printf("%-30s", names[i].c_str());
      for (double r : results[i]) {
        std::printf(" %11.2fk", r / 1e3);
      }
      std::printf("\n");
    }
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    return fail(kCmd, "cannot write stdout");
  }
  return kExitOk;
}

}  // namespace petrel_tool
