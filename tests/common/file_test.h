// Reader for published test-vector files (NIST CAVP .rsp/.txt, and pyca's NIST-style copies of
// RFC vectors). The format: '#' comments, '[Name = value]' or '[NAME]' section headers, then
// blocks of 'Name = value' lines separated by blank lines. A bare word line (GCM's 'FAIL') is an
// attribute with an empty value. Lines may end in CRLF.
//
// Every attribute of a case must be read by the test (BoringSSL FileTest): VectorCase::unread()
// names those that were not, and check_case() fails the test on them.
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

 private:
  std::vector<bool> m_read;
  friend class VectorFile;
};

class VectorFile {
 public:
  // Parses the whole file. Returns false (and records a GoogleTest failure) if it cannot be read.
  bool load(const std::string& relative_path);
  std::vector<VectorCase>& cases() { return m_cases; }

 private:
  std::vector<VectorCase> m_cases;
};

// Fails the current test if the case left an attribute unread.
void check_all_read(const VectorCase& c);

// Prints "[ vectors  ] <label>: N cases" and fails the test if N == 0.
void report_cases(const std::string& label, size_t n);

}  // namespace petrel_test

#endif  // PETREL_TESTS_COMMON_FILE_TEST_H
