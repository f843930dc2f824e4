// Reader for published test-vector files (NIST CAVP .rsp/.txt, and pyca's NIST-style copies of
// RFC vectors). The format: '#' comments, '[Name = value]' or '[NAME]' section headers, then
// blocks of 'Name = value' lines separated by blank lines. A bare word line (GCM's 'FAIL') is an
// attribute with an empty value. Lines may end in CRLF.
//
// Every attribute of a case must be read by the test (BoringSSL FileTest). This is the default:
// when a VectorFile goes out of scope (or loads another file) every case that still has an
// unread attribute fails the current test, unless the test said why it skipped that case
// (VectorCase::skip, VectorFile::skip_sampled). check_all_read() checks one case early, with
// its line in the message; VectorCase::unread() names what is left.
#ifndef PETREL_TESTS_COMMON_FILE_TEST_H
#define PETREL_TESTS_COMMON_FILE_TEST_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace petrel_test {

std::vector<uint8_t> from_hex(const std::string& hex, bool* ok = nullptr);
std::string to_hex(const uint8_t* p, size_t n);
inline std::string to_hex(const std::vector<uint8_t>& v) { return to_hex(v.data(), v.size()); }

// Full path of a file under vectors/.
std::string vector_path(const std::string& relative);

// PETREL_VECTOR_SAMPLE from the environment (>= 1): the long-file sampling step of this target.
size_t vector_sample_step();

class VectorCase {
 public:
  int line = 0;                                         // line of the first attribute
  std::map<std::string, std::string> headers;           // from [..] lines; bare [X] -> X = ""
  std::vector<std::pair<std::string, std::string>> attrs;

  bool has(const std::string& name) const;
  // Returns the value and marks the attribute read; a missing attribute is an empty string and
  // records a failure through GoogleTest.
  std::string get(const std::string& name);
  std::vector<uint8_t> bytes(const std::string& name);  // hex-decoded get()
  // Every value of a repeated attribute (NIST DRBG .txt files repeat V, Key, AdditionalInput
  // inside one case), in file order, all marked read. Empty if absent (no failure recorded).
  std::vector<std::string> get_all(const std::string& name);
  unsigned long long number(const std::string& name);   // decimal get()
  bool has_header(const std::string& name) const { return headers.count(name) != 0; }
  std::string header(const std::string& name) const;    // "" if absent
  // Names of attributes never read, comma-separated ("" if all were read).
  std::string unread() const;
  std::string where() const;  // "file:line" for messages

  std::string file;

  // The test deliberately does not use this case (sampling, a section it does not cover); the
  // caller says why in a comment. A skipped case is exempt from the unread-attribute check.
  void skip() { m_skipped = true; }
  bool skipped() const { return m_skipped; }

 private:
  std::vector<bool> m_read;
  bool m_skipped = false;
  friend class VectorFile;
};

class VectorFile {
 public:
  VectorFile() = default;
  VectorFile(const VectorFile&) = delete;
  VectorFile& operator=(const VectorFile&) = delete;
  // Fails the current test if a case that was not skipped left an attribute unread.
  ~VectorFile();

  // Parses the whole file. Returns false (and records a GoogleTest failure) if it cannot be read.
  // The cases of a file loaded before are checked first, as by the destructor.
  bool load(const std::string& relative_path);
  std::vector<VectorCase>& cases() { return m_cases; }

  // Marks every case whose index is not a multiple of step as skipped (PETREL_VECTOR_SAMPLE).
  void skip_sampled(size_t step);

  // The unread-attribute check of the destructor, callable early; returns the number of cases
  // that failed it.
  size_t check_cases();

 private:
  std::vector<VectorCase> m_cases;
};

// Fails the current test if the case left an attribute unread.
void check_all_read(const VectorCase& c);

// Prints "[ vectors  ] <label>: N cases" and fails the test if N == 0.
void report_cases(const std::string& label, size_t n);

}  // namespace petrel_test

#endif  // PETREL_TESTS_COMMON_FILE_TEST_H
