// Shared helpers of the petrel command-line tool: error and warning reporting, strict hex parsing, option
// scanning, chunked file input/output and the one whole-file reader. The tool may use the heap
// and the standard library; it throws nothing itself: every failure is one line on stderr
// ("petrel <cmd>: ...") and a non-zero exit status. main() catches std::bad_alloc (and any other
// std::exception) from the standard library and reports it the same way, so nothing aborts.
#ifndef PETREL_TOOLS_PETREL_TOOL_H
#define PETREL_TOOLS_PETREL_TOOL_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "crypto/aes/aes.h"
#include "crypto/hash/hash.h"

namespace petrel_tool {

// Exit statuses. Everything that goes wrong exits 1, as openssl does.
constexpr int kExitOk = 0;
constexpr int kExitFail = 1;

// Subcommands: argv[0] is the subcommand name, the rest its arguments.
int cmd_enc(int argc, char** argv);
int cmd_dgst(int argc, char** argv);
int cmd_speed(int argc, char** argv);
int cmd_version(int argc, char** argv);
int cmd_verify(int argc, char** argv);
int cmd_x509(int argc, char** argv);
int cmd_req(int argc, char** argv);
int cmd_genrsa(int argc, char** argv);   // genrsa.cpp
int cmd_rsa(int argc, char** argv);      // rsa.cpp
int cmd_pkeyutl(int argc, char** argv);  // pkeyutl.cpp
int cmd_s_client(int argc, char** argv); // s_client.cpp
int cmd_get(int argc, char** argv);      // get.cpp
int cmd_genpkey(int argc, char** argv);  // genpkey.cpp (EC, X25519)
int cmd_ecparam(int argc, char** argv);  // ecparam.cpp
int cmd_ec(int argc, char** argv);       // ec.cpp

// Prints "petrel <cmd>: <message>" and a newline on stderr; returns kExitFail.
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int fail(const char* cmd, const char* fmt, ...);
// Prints "petrel <cmd>: warning: <message>" (cmd null: "petrel: warning: ...") and a newline
// on stderr, for what the command goes on after (a skipped bundle entry, a certificate issued
// without a subjectAltName). The one warning form, beside fail()'s error form.
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void warn(const char* cmd, const char* fmt, ...);

// Strict hex: an even number of [0-9a-fA-F] digits, nothing else. On failure *error says why
// ("odd number of hex digits", "non-hex character 'g' at position 3").
bool parse_hex(std::vector<uint8_t>* out, const std::string& hex, std::string* error);
std::string to_hex(const uint8_t* data, size_t len);
// s without its leading and trailing blanks (spaces and tabs): HTTP header values, -addext items.
// Inline: http.cpp is also built alone (tls_test, the http fuzz target).
inline std::string trim_blanks(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) {
    ++b;
  }
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) {
    --e;
  }
  return s.substr(b, e - b);
}

// Wipes a byte vector's contents (key material) and empties it.
void wipe_bytes(std::vector<uint8_t>* v);

// Option scanning in the style of openssl's: "-name" or "--name"; the first argument that does
// not start with '-' (or a lone "-", or everything after "--") ends the options.
class ArgScanner final {
 public:
  ArgScanner(const char* cmd, int argc, char** argv) : m_cmd(cmd), m_argc(argc), m_argv(argv) {}

  // Advances to the next option. Returns false when the options end; then operands() holds the
  // rest. *name receives the option without its leading dashes.
  bool next(std::string* name);
  // The argument of the current option. Returns false (after printing "option -x needs an
  // argument") when the command line ends first.
  bool value(const std::string& name, std::string* out);
  // Arguments after the options.
  std::vector<std::string> operands() const;

 private:
  const char* m_cmd;
  int m_argc;
  char** m_argv;
  int m_pos = 1;  // argv[0] is the subcommand
};

// "-" means stdin for every input and stdout for every output, as in openssl; so does an empty
// path (an option not given). input_name() is what messages call an input: "stdin" or the path.
bool is_std_stream(const std::string& path);
std::string input_name(const std::string& path);

// Input: a named file or stdin, read in chunks.
class Input final {
 public:
  Input() = default;
  ~Input();
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  // path empty or "-" = stdin. On failure *error is "cannot open F: reason".
  bool open(const std::string& path, std::string* error);
  // Reads up to max bytes; fills as much as possible (loops over short reads). Returns false on a
  // read error (*error set). *got == 0 with true means end of input.
  bool read(uint8_t* buf, size_t max, size_t* got, std::string* error);
  const std::string& display_name() const { return m_name; }
  bool is_file() const { return m_owned; }  // false for stdin

 private:
  std::FILE* m_file = nullptr;
  bool m_owned = false;
  std::string m_name;
};

// How an output file is created. private_key (genrsa, rsa writing a private key) creates the
// file with mode 0600 from the start (open(2) with O_CREAT and 0600, whatever the umask), as
// openssl does. openssl leaves an existing file's mode alone; Petrel takes the group and other
// bits off an existing regular file before anything is written to it (and writes nothing if it
// cannot), so a key never lands in a world-readable file. normal: 0666 less the umask.
enum class FileMode { normal, private_key };

// Caps on whole-file input, by what the file holds. Every input that is read whole goes through
// read_whole() with one of these; streaming inputs (enc except GCM, dgst) have no cap.
// The caps are stated in README.md and in the help of the commands.
struct InputLimit {
  size_t m_bytes;
  const char* m_what;
};
// One certificate, request, key or signature file, or pkeyutl input: 1 MiB.
constexpr InputLimit kObjectLimit = {
    size_t{1} << 20, "1 MiB, the cap on a certificate, request, key or signature file"};
// A certificate bundle (verify -CAfile, -untrusted): 16 MiB.
constexpr InputLimit kBundleLimit = {size_t{16} << 20,
                                     "16 MiB, the cap on a -CAfile or -untrusted bundle"};
// (enc's GCM caps are in enc.cpp.)

// Whether the bytes read are secret (a private key, plaintext).
enum class Secret { no, yes };

// Reads a whole file ("" or "-" = stdin) of at most limit.m_bytes bytes. Over the limit: false
// with *error "F: input larger than N bytes (1 MiB, the cap on ...)"; no more than N + 1 bytes
// are read and no more than N bytes held.
// With Secret::yes every buffer that held the bytes is wiped before it is freed (the growth
// copies as well), and *out is wiped on failure.
bool read_whole(const std::string& path, const InputLimit& limit, Secret secret,
                std::vector<uint8_t>* out, std::string* error);

// Output: a named file or stdout. Write errors are reported when they happen and again by
// close(), so nothing is silently truncated.
class Output final {
 public:
  Output() = default;
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // path empty or "-" = stdout.
  bool open(const std::string& path, std::string* error, FileMode mode = FileMode::normal);
  bool write(const uint8_t* data, size_t len, std::string* error);
  bool write_str(const std::string& s, std::string* error);
  // Flushes and closes; reports any deferred write error (disk full, closed pipe).
  bool close(std::string* error);

 private:
  std::FILE* m_file = nullptr;
  bool m_owned = false;
  std::string m_name;
};

// Looks up an AES implementation by name for -impl; checks it is compiled in. On failure prints
// the error (listing the available names) and returns false.
bool select_aes_impl(const char* cmd, const std::string& name, petrel::AesImpl* out);
std::string available_aes_impls();

// A digest named in an option's value (-pkeyopt digest:NAME, -sigopt rsa_mgf1_md:NAME), looked
// up in the library's one table (petrel::hash_from_name: the names openssl takes). An unknown
// name prints "unknown digest 'NAME' for WHAT (md5, sha1, sha224, sha256, sha384, sha512)".
// Digest options (-sha256, -SHA2-256) go through the same table; an unknown one is an unknown
// option.
bool digest_by_name(const char* cmd, const std::string& name, const char* what,
                    petrel::HashAlg* out);

// Parses a decimal size ("4096", "1048576"); no sign, no suffix, no overflow.
bool parse_size(const std::string& s, size_t* out);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_TOOL_H
