// petrel enc: AES-ECB/CBC/CTR (NIST SP 800-38A) with PKCS#7 padding, AES-GCM (SP 800-38D),
// ChaCha20-Poly1305 (RFC 8439) and RC4, with raw keys and IVs given in hex (-K/-iv), byte for
// byte what `openssl enc -K ... -iv ...` produces for the modes openssl enc has (it refuses the
// AEADs; for those the output is the ciphertext followed by the 16-byte tag). Unlike openssl, keys and IVs must have exactly the right length (openssl pads short
// hex with zeros and drops the excess of long hex, with only a warning).
//
// ECB/CBC/CTR/RC4 stream: the input is read in chunks and never held whole. On decryption with
// padding the last block is held back until the end, so a bad padding writes nothing of it.
// The AEADs (GCM, ChaCha20-Poly1305) are one-shot in the library (AesGcm, ChaCha20Poly1305:
// seal/open), so the tool buffers the whole input, up to 64 MiB of plaintext in both directions
// (kGcmSealLimit, kGcmOpenLimit); on decryption nothing is written (and no -out file is created)
// unless the tag verifies. Encryption is capped as well although it could stream: a
// file petrel can seal, petrel can open.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/chacha/chacha20_poly1305.h"
#include "crypto/modes/gcm.h"
#include "crypto/modes/modes.h"
#include "crypto/rc4/rc4.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {
namespace {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Status;

const char* const kCmd = "enc";
constexpr size_t kChunk = 64 * 1024;
constexpr size_t kBlock = petrel::kAesBlockSize;

// The AEADs hold their input in memory: at most 64 MiB of plaintext, so at most 64 MiB + the
// tag of sealed input (both AEADs have 16-byte tags).
constexpr size_t kGcmMaxPlaintext = size_t{64} << 20;
constexpr InputLimit kGcmSealLimit = {kGcmMaxPlaintext,
                                      "64 MiB, the cap on AEAD input, which is held in memory"};
constexpr InputLimit kGcmOpenLimit = {
    kGcmMaxPlaintext + petrel::kGcmTagSize,
    "64 MiB and the 16-byte tag, the cap on AEAD input, which is held in memory"};

enum class Mode { ecb, cbc, ctr, gcm, chacha20_poly1305, rc4 };

static_assert(petrel::kChaCha20Poly1305TagSize == petrel::kGcmTagSize, "one tag size for the AEADs");

struct CipherSpec {
  const char* name;
  Mode mode;
  size_t key_len;
  size_t iv_len;  // 0: no IV; for GCM: any non-zero length (SIZE_MAX marks "variable")
};

constexpr size_t kVariableIv = SIZE_MAX;

const CipherSpec kCiphers[] = {
    {"aes-128-ecb", Mode::ecb, 16, 0},          {"aes-192-ecb", Mode::ecb, 24, 0},
    {"aes-256-ecb", Mode::ecb, 32, 0},          {"aes-128-cbc", Mode::cbc, 16, 16},
    {"aes-192-cbc", Mode::cbc, 24, 16},         {"aes-256-cbc", Mode::cbc, 32, 16},
    {"aes-128-ctr", Mode::ctr, 16, 16},         {"aes-192-ctr", Mode::ctr, 24, 16},
    {"aes-256-ctr", Mode::ctr, 32, 16},         {"aes-128-gcm", Mode::gcm, 16, kVariableIv},
    {"aes-192-gcm", Mode::gcm, 24, kVariableIv}, {"aes-256-gcm", Mode::gcm, 32, kVariableIv},
    // RFC 8439: a 256-bit key and a 96-bit nonce (-iv).
    {"chacha20-poly1305", Mode::chacha20_poly1305, 32, petrel::kChaCha20Poly1305NonceSize},
    // openssl's -rc4 takes a 128-bit key from -K; -rc4-40 a 40-bit one.
    {"rc4", Mode::rc4, 16, 0},                  {"rc4-40", Mode::rc4, 5, 0},
};

const CipherSpec* find_cipher(const std::string& name) {
  for (const CipherSpec& c : kCiphers) {
    if (name == c.name) {
      return &c;
    }
  }
  return nullptr;
}

const CommandHelp kHelp = {
    kCmd, "[-e|-d] -CIPHER -K HEX [options]",
    "  GCM and ChaCha20-Poly1305: encryption writes the ciphertext then the 16-byte tag;\n"
    "  decryption reads them the same way and writes the plaintext only if the tag\n"
    "  verifies. Their input is held in\n"
    "  memory: at most 64 MiB (67108864 bytes) of plaintext, and of ciphertext with the\n"
    "  tag 16 bytes more; the other modes stream.\n",
    "  -CIPHER               aes-{128,192,256}-{ecb,cbc,ctr}, aes-{128,192,256}-gcm,\n"
    "                        chacha20-poly1305 (12-byte -iv), rc4 (128-bit key), rc4-40\n"};

struct Options {
  const CipherSpec* cipher = nullptr;
  bool decrypt = false;
  bool nopad = false;
  bool have_key = false;
  bool have_iv = false;
  bool have_aad = false;
  bool have_impl = false;
  petrel::AesImpl impl = petrel::kAesDefaultImpl;
  std::vector<uint8_t> key;
  std::vector<uint8_t> iv;
  std::vector<uint8_t> aad;
  std::string in_path;
  std::string out_path;

  ~Options() {
    wipe_bytes(&key);
    wipe_bytes(&iv);
  }
};

// The streaming ciphers behind one interface: process() takes whole blocks for ecb/cbc and any
// length for ctr/rc4.
class StreamCipher final {
 public:
  ~StreamCipher() = default;

  bool init(const Options& o) {
    m_mode = o.cipher->mode;
    m_decrypt = o.decrypt;
    Status s = Status::ok;
    if (m_mode == Mode::rc4) {
      s = m_rc4.init(ByteView(o.key.data(), o.key.size()));
    } else {
      s = m_key.init(ByteView(o.key.data(), o.key.size()), o.impl);
      if (s == Status::ok && m_mode == Mode::cbc) {
        s = m_cbc.init(&m_key, ByteView(o.iv.data(), o.iv.size()));
      } else if (s == Status::ok && m_mode == Mode::ctr) {
        s = m_ctr.init(&m_key, ByteView(o.iv.data(), o.iv.size()));
      }
    }
    if (s != Status::ok) {
      fail(kCmd, "cannot set up %s: %s", o.cipher->name, petrel::status_name(s));
      return false;
    }
    return true;
  }

  bool process(uint8_t* out, const uint8_t* in, size_t len) {
    if (len == 0) {
      return true;
    }
    MutableBytes o(out, len);
    ByteView i(in, len);
    Status s = Status::internal_error;
    switch (m_mode) {
      case Mode::ecb:
        s = m_decrypt ? petrel::aes_ecb_decrypt(m_key, o, i) : petrel::aes_ecb_encrypt(m_key, o, i);
        break;
      case Mode::cbc:
        s = m_decrypt ? m_cbc.decrypt(o, i) : m_cbc.encrypt(o, i);
        break;
      case Mode::ctr:
        s = m_ctr.crypt(o, i);
        break;
      case Mode::rc4:
        s = m_rc4.crypt(o, i);
        break;
      case Mode::gcm:
      case Mode::chacha20_poly1305:
        break;
    }
    if (s != Status::ok) {
      fail(kCmd, "%s failed: %s", m_decrypt ? "decryption" : "encryption", petrel::status_name(s));
      return false;
    }
    return true;
  }

 private:
  Mode m_mode = Mode::ecb;
  bool m_decrypt = false;
  petrel::AesKey m_key;
  petrel::AesCbc m_cbc;
  petrel::AesCtr m_ctr;
  petrel::Rc4 m_rc4;
};

// Wipes a buffer that held plaintext on every exit path.
struct WipeOnExit {
  std::vector<uint8_t>* v;
  ~WipeOnExit() {
    if (!v->empty()) {
      petrel::secure_wipe(v->data(), v->size());
    }
  }
};

int run_stream(const Options& o) {
  StreamCipher cipher;
  if (!cipher.init(o)) {
    return kExitFail;
  }
  std::string err;
  Input in;
  if (!in.open(o.in_path, &err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  Output out;
  if (!out.open(o.out_path, &err)) {
    return fail(kCmd, "%s", err.c_str());
  }

  const bool block_mode = o.cipher->mode == Mode::ecb || o.cipher->mode == Mode::cbc;
  const bool padded = block_mode && !o.nopad;
  // buf holds the carried-over tail (< 16 bytes, or one held-back block) followed by new input.
  std::vector<uint8_t> buf(kChunk + kBlock);
  std::vector<uint8_t> obuf(kChunk + 2 * kBlock);
  WipeOnExit wipe_in{&buf};
  WipeOnExit wipe_out{&obuf};
  size_t have = 0;
  unsigned long long total = 0;

  for (;;) {
    size_t got = 0;
    if (!in.read(buf.data() + have, kChunk, &got, &err)) {
      return fail(kCmd, "%s", err.c_str());
    }
    have += got;
    total += got;
    const bool eof = got < kChunk;
    size_t n = have;
    if (block_mode) {
      if (padded && o.decrypt) {
        // Hold back the last (possibly only) block: its padding is checked at the end.
        n = have == 0 ? 0 : ((have - 1) / kBlock) * kBlock;
      } else {
        n = (have / kBlock) * kBlock;
      }
    }
    if (!cipher.process(obuf.data(), buf.data(), n)) {
      return kExitFail;
    }
    if (!out.write(obuf.data(), n, &err)) {
      return fail(kCmd, "%s", err.c_str());
    }
    std::memmove(buf.data(), buf.data() + n, have - n);
    have -= n;
    if (eof) {
      break;
    }
  }

  if (block_mode) {
    if (o.nopad) {
      if (have != 0) {
        return fail(kCmd, "-nopad: input length %llu is not a multiple of the %zu-byte block size",
                    total, kBlock);
      }
    } else if (!o.decrypt) {
      // PKCS#7: 1..16 bytes, each the pad length (the library's, crypto/modes).
      const Status ps = petrel::pkcs7_pad(MutableBytes(buf.data(), kBlock), have);
      if (ps != Status::ok) {
        return fail(kCmd, "cannot pad the last block: %s", petrel::status_name(ps));
      }
      if (!cipher.process(obuf.data(), buf.data(), kBlock)) {
        return kExitFail;
      }
      if (!out.write(obuf.data(), kBlock, &err)) {
        return fail(kCmd, "%s", err.c_str());
      }
    } else {
      if (have != kBlock) {
        return fail(kCmd, "bad decrypt: ciphertext length %llu is not a non-zero multiple of %zu",
                    total, kBlock);
      }
      if (!cipher.process(obuf.data(), buf.data(), kBlock)) {
        return kExitFail;
      }
      size_t data_len = 0;
      if (petrel::pkcs7_unpad(ByteView(obuf.data(), kBlock), &data_len) != Status::ok) {
        return fail(kCmd, "bad decrypt");
      }
      if (!out.write(obuf.data(), data_len, &err)) {
        return fail(kCmd, "%s", err.c_str());
      }
    }
  }
  if (!out.close(&err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  return kExitOk;
}

// Seals or opens the whole input with an AEAD set up by the caller (AesGcm or ChaCha20Poly1305:
// the same seal/open contract, a 16-byte tag after the ciphertext).
template <typename Aead>
int run_aead(const Options& o, Aead& aead) {
  constexpr size_t kTag = petrel::kGcmTagSize;
  std::string err;
  std::vector<uint8_t> data;
  WipeOnExit wipe_data{&data};
  if (!read_whole(o.in_path, o.decrypt ? kGcmOpenLimit : kGcmSealLimit,
                  o.decrypt ? Secret::no : Secret::yes, &data, &err)) {
    return fail(kCmd, "%s", err.c_str());
  }

  std::vector<uint8_t> result;
  WipeOnExit wipe_result{&result};
  const ByteView iv(o.iv.data(), o.iv.size());
  const ByteView aad(o.aad.data(), o.aad.size());
  Status s = Status::ok;
  if (!o.decrypt) {
    result.resize(data.size() + kTag);
    s = aead.seal(MutableBytes(result.data(), data.size()),
                  MutableBytes(result.data() + data.size(), kTag), iv, aad,
                  ByteView(data.data(), data.size()));
    if (s != Status::ok) {
      return fail(kCmd, "encryption failed: %s", petrel::status_name(s));
    }
  } else {
    if (data.size() < kTag) {
      return fail(kCmd, "input of %zu bytes is shorter than the %zu-byte tag", data.size(), kTag);
    }
    const size_t ct_len = data.size() - kTag;
    result.resize(ct_len);
    s = aead.open(MutableBytes(result.data(), ct_len), iv, aad, ByteView(data.data(), ct_len),
                  ByteView(data.data() + ct_len, kTag));
    if (s == Status::auth_failed) {
      return fail(kCmd, "authentication failed");
    }
    if (s != Status::ok) {
      return fail(kCmd, "decryption failed: %s", petrel::status_name(s));
    }
  }
  // Only now, with the result complete (and authenticated), is the output opened.
  Output out;
  if (!out.open(o.out_path, &err) || !out.write(result.data(), result.size(), &err) ||
      !out.close(&err)) {
    return fail(kCmd, "%s", err.c_str());
  }
  return kExitOk;
}

int run_gcm(const Options& o) {
  petrel::AesKey key;
  Status s = key.init(ByteView(o.key.data(), o.key.size()), o.impl);
  petrel::AesGcm gcm;
  if (s == Status::ok) {
    s = gcm.init(&key);
  }
  if (s != Status::ok) {
    return fail(kCmd, "cannot set up %s: %s", o.cipher->name, petrel::status_name(s));
  }
  return run_aead(o, gcm);
}

int run_chacha20_poly1305(const Options& o) {
  petrel::ChaCha20Poly1305 aead;
  const Status s = aead.init(ByteView(o.key.data(), o.key.size()));
  if (s != Status::ok) {
    return fail(kCmd, "cannot set up %s: %s", o.cipher->name, petrel::status_name(s));
  }
  return run_aead(o, aead);
}

bool parse_hex_option(const char* what, const std::string& hex, std::vector<uint8_t>* out) {
  std::string err;
  if (!parse_hex(out, hex, &err)) {
    fail(kCmd, "bad %s: %s", what, err.c_str());
    return false;
  }
  return true;
}

}  // namespace

int cmd_enc(int argc, char** argv) {
  Options o;
  std::string key_hex;
  std::string iv_hex;
  std::string aad_hex;
  std::string impl_name;
  bool have_in = false;
  bool have_out = false;
  const std::vector<Option> table = {
      flag("e", "encrypt (the default)", &o.decrypt, false),
      flag("d", "decrypt", &o.decrypt),
      value("K", "HEX", "raw key, exactly the cipher's key length", &key_hex, &o.have_key),
      value("iv", "HEX",
            "IV (16 bytes for cbc/ctr; 12 for chacha20-poly1305; any non-zero length for gcm, "
            "12 recommended)",
            &iv_hex, &o.have_iv),
      value("aad", "HEX", "additional authenticated data (gcm, chacha20-poly1305)", &aad_hex,
            &o.have_aad),
      flag("nopad", "no PKCS#7 padding (ecb/cbc): the input must be a multiple of 16 bytes",
           &o.nopad),
      value("in", "FILE", "the input file (default stdin)", &o.in_path, &have_in),
      value("out", "FILE", "the output file (default stdout)", &o.out_path, &have_out),
      value("impl", "NAME", "AES implementation (default: the library's default)", &impl_name,
            &o.have_impl),
  };
  // -CIPHER: a family of options, looked up in kCiphers.
  const OtherOption cipher_option = [&o](const std::string& name, ArgScanner*, bool* error) {
    const CipherSpec* c = find_cipher(name);
    if (c == nullptr) {
      return false;
    }
    if (o.cipher != nullptr && o.cipher != c) {
      fail(kCmd, "two ciphers given: -%s and -%s", o.cipher->name, c->name);
      *error = true;
    }
    o.cipher = c;
    return true;
  };
  const Parsed parsed = parse_options(kHelp, table, argc, argv, nullptr, cipher_option);
  const bool hex_ok = parsed == Parsed::ok &&
                      (!o.have_key || parse_hex_option("-K", key_hex, &o.key)) &&
                      (!o.have_iv || parse_hex_option("-iv", iv_hex, &o.iv)) &&
                      (!o.have_aad || parse_hex_option("-aad", aad_hex, &o.aad));
  if (!key_hex.empty()) {
    petrel::secure_wipe(&key_hex[0], key_hex.size());
  }
  if (parsed != Parsed::ok) {
    return parsed_exit(parsed);
  }
  if (!hex_ok) {
    return kExitFail;
  }
  if (have_in && o.in_path.empty()) {
    return fail(kCmd, "-in needs a file name");
  }
  if (have_out && o.out_path.empty()) {
    return fail(kCmd, "-out needs a file name");
  }
  if (o.have_impl && !select_aes_impl(kCmd, impl_name, &o.impl)) {
    return kExitFail;
  }

  // Validate the combination before touching any file.
  if (o.cipher == nullptr) {
    return fail(kCmd, "no cipher given (e.g. -aes-128-cbc; see 'petrel help enc')");
  }
  const CipherSpec& c = *o.cipher;
  if (!o.have_key) {
    return fail(kCmd, "-K is required (password-based keys are not supported)");
  }
  if (o.key.size() != c.key_len) {
    return fail(kCmd, "-K must be %zu bytes (%zu hex digits) for %s, got %zu bytes", c.key_len,
                2 * c.key_len, c.name, o.key.size());
  }
  if (c.iv_len == 0 && o.have_iv) {
    return fail(kCmd, "-iv is not used by %s", c.name);
  }
  if (c.iv_len != 0 && !o.have_iv) {
    return fail(kCmd, "-iv is required for %s", c.name);
  }
  if (c.iv_len == kVariableIv && o.iv.empty()) {
    return fail(kCmd, "-iv must not be empty for %s", c.name);
  }
  if (c.iv_len != 0 && c.iv_len != kVariableIv && o.iv.size() != c.iv_len) {
    return fail(kCmd, "-iv must be %zu bytes (%zu hex digits) for %s, got %zu bytes", c.iv_len,
                2 * c.iv_len, c.name, o.iv.size());
  }
  if (o.have_aad && c.mode != Mode::gcm && c.mode != Mode::chacha20_poly1305) {
    return fail(kCmd, "-aad is only used by GCM and ChaCha20-Poly1305, not %s", c.name);
  }
  if (o.have_impl && (c.mode == Mode::rc4 || c.mode == Mode::chacha20_poly1305)) {
    return fail(kCmd, "-impl selects an AES implementation; %s is not AES", c.name);
  }
  if (c.mode == Mode::gcm) {
    return run_gcm(o);
  }
  if (c.mode == Mode::chacha20_poly1305) {
    return run_chacha20_poly1305(o);
  }
  return run_stream(o);
}

}  // namespace petrel_tool
