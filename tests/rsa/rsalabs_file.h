// Reader for the RSA Laboratories PKCS#1 v2.1 test-vector files (vectors/rsa-pkcs1/): free text,
// then '# Example N: ...' blocks, each a key ('# Modulus:', '# Public exponent:', '# Exponent:',
// '# Prime 1:' ... '# Coefficient:') followed by '# PKCS#1 v1.5 ... Example N.M' items ('# Message:',
// '# Seed:', '# Encryption:' or '# Signature:'). A label line is followed by lines of hex bytes
// separated by spaces. Every field of every item must be consumed by the test (take()).
//
// This is checked by default, as VectorFile (tests/common/file_test.h) checks its attributes:
// when an RsaLabsFile goes out of scope, every key or item that still has a field the test did
// not take() fails the current test, unless the test said why it does not use it (skip(), on an
// item or a whole example; keys_only() for a test that uses the keys and not the items).
// check_all_taken() checks one item early.
#ifndef PETREL_TESTS_RSA_RSALABS_FILE_H
#define PETREL_TESTS_RSA_RSALABS_FILE_H

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "tests/common/file_test.h"

namespace petrel_test {

struct RsaLabsItem {
  std::string name;                                     // "Example 1.2"
  std::map<std::string, std::vector<uint8_t>> fields;   // "Message" -> bytes
  std::map<std::string, bool> taken;
  bool skipped = false;  // the test deliberately does not use this item (it says why)
  void skip() { skipped = true; }
  std::vector<uint8_t> take(const std::string& label) {
    auto it = fields.find(label);
    if (it == fields.end()) {
      ADD_FAILURE() << name << ": missing field " << label;
      return {};
    }
    taken[label] = true;
    return it->second;
  }
  // Fails the current test for each field not taken (nothing for a skipped item); returns how
  // many.
  size_t check_all_taken() const {
    size_t missed = 0;
    if (skipped) {
      return 0;
    }
    for (const auto& f : fields) {
      if (taken.count(f.first) == 0) {
        ADD_FAILURE() << name << ": field not read: " << f.first
                      << " (take() it, or skip() the item and say why)";
        missed++;
      }
    }
    return missed;
  }
};

struct RsaLabsExample {
  RsaLabsItem key;  // Modulus, Public exponent, Exponent, Prime 1, Prime 2, Prime exponent 1/2, Coefficient
  std::vector<RsaLabsItem> items;
  void skip() {
    key.skip();
    for (RsaLabsItem& i : items) {
      i.skip();
    }
  }
};

inline std::vector<RsaLabsExample> parse_rsalabs(const std::string& relative) {
  std::vector<RsaLabsExample> out;
  std::ifstream f(vector_path(relative));
  if (!f) {
    ADD_FAILURE() << "cannot open " << relative;
    return out;
  }
  std::string line;
  RsaLabsItem* cur = nullptr;
  std::string label;
  bool in_key = false;
  std::string pending_name;
  while (std::getline(f, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    if (line.rfind("# Example ", 0) == 0) {
      out.emplace_back();
      out.back().key.name = line.substr(2);
      cur = &out.back().key;
      in_key = true;
      label.clear();
      continue;
    }
    if (out.empty()) {
      continue;  // the free-text preamble
    }
    if (line.rfind("# PKCS#1 v1.5 ", 0) == 0 && line.find("Example") != std::string::npos) {
      pending_name = line.substr(2);  // names the next item
      continue;
    }
    if (line.rfind("# Message", 0) == 0 && line.back() == ':') {
      // Every item starts with its message (Example 1.1 of the encryption file has no header).
      auto& items = out.back().items;
      items.emplace_back();
      items.back().name = pending_name.empty()
                              ? out.back().key.name + " item " + std::to_string(items.size())
                              : pending_name;
      pending_name.clear();
      cur = &items.back();
      in_key = false;
    }
    if (line.rfind("# ", 0) == 0 && !line.empty() && line.back() == ':') {
      std::string l = line.substr(2, line.size() - 3);
      // In the key block, the public half repeats "Modulus" and names e "Exponent"; the private
      // half follows. Keep the private half's names and record the public e as "Public exponent".
      if (in_key && l == "Exponent" && cur->fields.count("Public exponent") == 0) {
        l = "Public exponent";
      }
      label = l;
      if (cur->fields.count(label) != 0 && in_key) {
        cur->fields[label].clear();  // repeated Modulus / Public exponent: identical copy
      }
      cur->fields[label];
      continue;
    }
    if (line.empty() || line[0] == '#') {
      label.clear();
      continue;
    }
    if (label.empty()) {
      continue;
    }
    std::string hex;
    for (char c : line) {
      if (c != ' ') {
        hex.push_back(c);
      }
    }
    bool ok = false;
    std::vector<uint8_t> b = from_hex(hex, &ok);
    EXPECT_TRUE(ok) << relative << ": bad hex line: " << line;
    auto& dst = cur->fields[label];
    dst.insert(dst.end(), b.begin(), b.end());
  }
  return out;
}

// The examples of one file, checked when the object goes out of scope (above). Iterates like
// the vector of examples it holds.
class RsaLabsFile {
 public:
  explicit RsaLabsFile(const std::string& relative) : m_examples(parse_rsalabs(relative)) {}
  RsaLabsFile(const RsaLabsFile&) = delete;
  RsaLabsFile& operator=(const RsaLabsFile&) = delete;
  RsaLabsFile(RsaLabsFile&&) = default;  // the moved-from file holds no examples
  RsaLabsFile& operator=(RsaLabsFile&&) = delete;
  ~RsaLabsFile() { check(); }

  // The destructor's check, callable early; returns the number of fields not taken.
  size_t check() const {
    size_t missed = 0;
    for (const RsaLabsExample& ex : m_examples) {
      missed += ex.key.check_all_taken();
      for (const RsaLabsItem& i : ex.items) {
        missed += i.check_all_taken();
      }
    }
    return missed;
  }
  // The test uses the keys only; the items are other tests' (the caller says which).
  void keys_only() {
    for (RsaLabsExample& ex : m_examples) {
      for (RsaLabsItem& i : ex.items) {
        i.skip();
      }
    }
  }

  std::vector<RsaLabsExample>& examples() { return m_examples; }
  std::vector<RsaLabsExample>::iterator begin() { return m_examples.begin(); }
  std::vector<RsaLabsExample>::iterator end() { return m_examples.end(); }
  size_t size() const { return m_examples.size(); }
  bool empty() const { return m_examples.empty(); }
  RsaLabsExample& operator[](size_t i) { return m_examples[i]; }

 private:
  std::vector<RsaLabsExample> m_examples;
};

// The usual way in: `auto examples = load_rsalabs("rsa-pkcs1/...")` (guaranteed copy elision).
inline RsaLabsFile load_rsalabs(const std::string& relative) { return RsaLabsFile(relative); }

}  // namespace petrel_test

#endif  // PETREL_TESTS_RSA_RSALABS_FILE_H
