// The public headers say which variants exist and which are constant-time: this checks those
// lists (the `//   "name" ... yes|no` rows of each header's variant comment) against the
// variant tables themselves, so a header cannot drift from its table.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "crypto/aes/aes.h"
#include "crypto/bignum/bignum.h"
#include "crypto/chacha/chacha20.h"
#include "crypto/chacha/poly1305.h"
#include "crypto/ec/x25519.h"
#include "crypto/hash/hash.h"
#include "crypto/modes/gcm.h"
#include "crypto/rc4/rc4.h"

namespace {

// A quoted variant name: "[a-z0-9-]+" with its quotes; empty if tok is not one.
std::string quoted_name(const std::string& tok) {
  if (tok.size() < 3 || tok.front() != '"' || tok.back() != '"') {
    return "";
  }
  const std::string n = tok.substr(1, tok.size() - 2);
  for (char c : n) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return "";
    }
  }
  return n;
}

// name -> constant-time, from the header's comment rows: `//   "name"  ["alias"]  yes|no ...`
// (a row may give an alias in quotes between the name and the yes/no column). Parsed by tokens
// (std::regex trips GCC 12's -Wmaybe-uninitialized in the sanitizer build).
std::map<std::string, bool> header_rows(const std::string& rel) {
  std::ifstream f(std::string(PETREL_SOURCE_DIR) + "/" + rel);
  EXPECT_TRUE(f.good()) << rel;
  std::map<std::string, bool> out;
  std::string line;
  while (std::getline(f, line)) {
    if (line.size() < 3 || line.compare(0, 2, "//") != 0 || (line[2] != ' ' && line[2] != '\t')) {
      continue;
    }
    std::istringstream in(line.substr(2));
    std::string name_tok, next;
    if (!(in >> name_tok >> next)) {
      continue;
    }
    const std::string name = quoted_name(name_tok);
    if (name.empty()) {
      continue;
    }
    if (!quoted_name(next).empty() && !(in >> next)) {
      continue;  // an alias, then the column
    }
    // yes or no, then a word boundary (as in "yes," or "no;").
    const auto word = [&next](const char* w, size_t n) {
      return next.compare(0, n, w) == 0 &&
             (next.size() == n || !std::isalnum(static_cast<unsigned char>(next[n])));
    };
    if (word("yes", 3) || word("no", 2)) {
      out[name] = word("yes", 3);
    }
  }
  return out;
}

template <typename Id>
void check_family(const std::string& header, size_t (*listed)(Id*, size_t),
                  const char* (*name)(Id), bool (*constant_time)(Id)) {
  Id ids[32];
  const size_t n = listed(ids, 32);
  std::map<std::string, bool> table;
  for (size_t i = 0; i < n && i < 32; i++) {
    table[name(ids[i])] = constant_time(ids[i]);
  }
  const std::map<std::string, bool> rows = header_rows(header);
  EXPECT_FALSE(rows.empty()) << header << ": no variant rows found";
  EXPECT_EQ(rows, table) << header << " lists other variants (or constant-time claims) than its table";
  std::printf("[ variants ] %s: %zu variants, as in the table\n", header.c_str(), table.size());
}

bool bn_ct(petrel::bn::BnKernel k) { return petrel::bn::kernel_is_constant_time(k); }

// hash.h lists the names of its three tables (SHA-1, SHA-256, SHA-512) in one comment: the rows
// must equal the union of the tables, and a name's claim must agree across the tables.
void check_hash_tables() {
  std::map<std::string, bool> table;
  for (petrel::HashAlg alg :
       {petrel::HashAlg::sha1, petrel::HashAlg::sha256, petrel::HashAlg::sha512}) {
    petrel::HashImpl ids[16];
    const size_t n = petrel::hash_impls_listed(alg, ids, 16);
    EXPECT_GE(n, 1u) << petrel::hash_name(alg);
    for (size_t i = 0; i < n && i < 16; i++) {
      const std::string name = petrel::hash_impl_name(alg, ids[i]);
      const bool ct = petrel::hash_impl_is_constant_time(alg, ids[i]);
      if (table.count(name) != 0) {
        EXPECT_EQ(table[name], ct) << name << ": constant-time claim differs between tables";
      }
      table[name] = ct;
    }
  }
  const std::map<std::string, bool> rows = header_rows("crypto/hash/hash.h");
  EXPECT_FALSE(rows.empty()) << "crypto/hash/hash.h: no variant rows found";
  EXPECT_EQ(rows, table) << "crypto/hash/hash.h lists other variants than its tables";
  std::printf("[ variants ] crypto/hash/hash.h: %zu variants, as in the tables\n", table.size());
}

TEST(VariantHeaders, MatchTheTables) {
  check_family<petrel::AesImpl>("crypto/aes/aes.h", petrel::aes_impls_listed, petrel::aes_impl_name,
                                petrel::aes_impl_is_constant_time);
  check_family<petrel::GhashImpl>("crypto/modes/gcm.h", petrel::ghash_impls_listed,
                                  petrel::ghash_impl_name, petrel::ghash_impl_is_constant_time);
  check_family<petrel::bn::BnKernel>("crypto/bignum/bignum.h", petrel::bn::kernels_listed,
                                     petrel::bn::kernel_name, bn_ct);
  check_family<petrel::ChaCha20Impl>("crypto/chacha/chacha20.h", petrel::chacha20_impls_listed,
                                     petrel::chacha20_impl_name,
                                     petrel::chacha20_impl_is_constant_time);
  check_family<petrel::Poly1305Impl>("crypto/chacha/poly1305.h", petrel::poly1305_impls_listed,
                                     petrel::poly1305_impl_name,
                                     petrel::poly1305_impl_is_constant_time);
  check_family<petrel::X25519Impl>("crypto/ec/x25519.h", petrel::x25519_impls_listed,
                                   petrel::x25519_impl_name, petrel::x25519_impl_is_constant_time);
  check_family<petrel::Rc4Impl>("crypto/rc4/rc4.h", petrel::rc4_impls_listed, petrel::rc4_impl_name,
                                petrel::rc4_impl_is_constant_time);
  check_hash_tables();
}

}  // namespace
