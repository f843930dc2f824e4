// Key files of the petrel tool, shared by every command that reads or writes one (rsa, ec,
// genrsa, genpkey, ecparam, pkeyutl, dgst -sign, req/x509 -key, s_client/get -key):
//   - the one reader: the whole file (at most 1 MiB, wiped after use), checked against
//     -inform/-keyform;
//   - the one writer: openssl's order (the -text report, then the key) to one output, created
//     0600 when it holds private material (FileMode::private_key, see tool.h);
//   - the key-file options that rsa and ec share (-in -inform -pubin -out -outform -pubout
//     -text -noout), as option-table rows;
//   - EC key generation with the messages genpkey and ecparam give.
// The RSA and EC specifics (which library loader, which -text layout) stay in rsa_util and
// ec_util; the formats themselves are the library's (crypto/rsa/rsa_key_files.h, crypto/ec/ec_keys.h).
#ifndef PETREL_TOOLS_PETREL_KEY_FILE_H
#define PETREL_TOOLS_PETREL_KEY_FILE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crypto/ec/ec_keys.h"
#include "crypto/util/span.h"
#include "crypto/util/status.h"
#include "crypto/util/wipe.h"
#include "tools/petrel/options.h"
#include "tools/petrel/tool.h"

namespace petrel_tool {

// -inform / -keyform: what the input must be. kFormAny: either (the default).
constexpr int kFormAny = 0;
constexpr int kFormPem = 1;
constexpr int kFormDer = 2;

// "PEM" or "DER" (any case). Returns false after an error naming the value.
bool parse_form(const char* cmd, const std::string& value, bool* pem);
// The same for an input form option; "" (not given) is kFormAny.
bool parse_input_form(const char* cmd, const std::string& value, int* form);

// Writes a whole file ("" = stdout); FileMode::private_key creates it 0600 (see tool.h).
bool write_all(const char* cmd, const std::string& path, const uint8_t* data, size_t len,
               FileMode mode = FileMode::normal);

// Reads a key file ("" or "-" = stdin) whole, as a secret, and checks its form. On failure the
// error is printed ("F: not in PEM form", "F: input larger than ...") and *data is empty.
// The caller wipes *data (wipe_bytes) when done.
bool read_key_file(const char* cmd, const std::string& path, int form, std::vector<uint8_t>* data);

// The read-load-wipe sequence of every key loader (rsa_util, ec_util): reads the key file as
// read_key_file does, passes its bytes to load(const std::vector<uint8_t>&) (true: loaded; it
// reports its own errors), and wipes them whatever load returns.
template <typename Load>
bool with_key_file(const char* cmd, const std::string& path, int form, const Load& load) {
  std::vector<uint8_t> data;
  if (!read_key_file(cmd, path, form, &data)) {
    return false;
  }
  const bool ok = load(data);
  wipe_bytes(&data);
  return ok;
}

// Runs one of the library's key writers, Status(MutableBytes dst, size_t* len), into a buffer
// of `cap` bytes and appends what it wrote to *out. On failure: "cannot encode the key: STATUS",
// false, and the buffer is wiped.
template <typename Writer>
bool encode_key(const char* cmd, size_t cap, Writer write, std::vector<uint8_t>* out) {
  std::vector<uint8_t> buf(cap);
  size_t len = 0;
  const petrel::Status st = write(petrel::MutableBytes(buf.data(), buf.size()), &len);
  if (st != petrel::Status::ok) {
    wipe_bytes(&buf);
    fail(cmd, "cannot encode the key: %s", petrel::status_name(st));
    return false;
  }
  out->insert(out->end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len));
  wipe_bytes(&buf);
  return true;
}

// Writes `first` then `second` (openssl's order: the -text report then the key for rsa and ec,
// the key then its -text for genpkey) to one output, created 0600 with FileMode::private_key.
// The callers keep (and wipe) their buffers; nothing is copied.
bool write_parts(const char* cmd, const std::string& path, petrel::ByteView first,
                 petrel::ByteView second, FileMode mode);
inline petrel::ByteView view_of(const std::string& s) {
  return petrel::ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}
inline petrel::ByteView view_of(const std::vector<uint8_t>& v) {
  return petrel::ByteView(v.data(), v.size());
}
// Wipes a string that held key material (a -text report) and empties it.
void wipe_string(std::string* s);

// The options `rsa` and `ec` share, as openssl spells them.
struct KeyIoOptions {
  std::string m_in;
  std::string m_inform;
  std::string m_out;
  std::string m_outform;
  bool m_pubin = false;
  bool m_pubout = false;
  bool m_text = false;
  bool m_noout = false;
  // Set by resolve(): the parsed -inform (kForm*) and -outform.
  int m_in_form = kFormAny;
  bool m_out_pem = true;

  // Appends the eight rows to a command's option table.
  void add_to(std::vector<Option>* table);
  // Parses -inform and -outform after the options are read. False after an error.
  bool resolve(const char* cmd);
};

// Generates an EC or X25519 key with default_rng(). Failures: "P-384 key generation is not
// available in this build", "key generation failed: STATUS".
bool generate_ec_key(const char* cmd, petrel::EcKeyAlg alg, petrel::EcPrivateKey* key);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_KEY_FILE_H
