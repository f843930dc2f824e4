// petrel dgst's signing half (dgst_sign.cpp; ECDSA in dgst_ec.cpp): the -sign / -verify /
// -prverify / -signature / -sigopt / -keyform options, declared once for dgst's option table,
// and signing or verifying the digest of one input.
#ifndef PETREL_TOOLS_PETREL_DGST_H
#define PETREL_TOOLS_PETREL_DGST_H

#include <string>
#include <vector>

#include "crypto/hash/hash.h"
#include "tools/petrel/key_file.h"
#include "tools/petrel/options.h"
#include "tools/petrel/rsa_util.h"

namespace petrel_tool {

// dgst -sign / -verify / -prverify (dgst_sign.cpp).
struct DgstSignOptions {
  std::string sign_key;
  std::string verify_key;
  std::string prverify_key;
  std::string signature;
  std::string keyform_text;
  std::vector<std::string> sigopts;
  bool seen[4] = {false, false, false, false};  // -sign -verify -prverify -signature given
  int keyform = kFormAny;
  RsaParams params;
  bool active() const {
    return !sign_key.empty() || !verify_key.empty() || !prverify_key.empty();
  }
  // Appends dgst's signing rows (-sign -verify -prverify -signature -sigopt -keyform).
  void add_to(std::vector<Option>* table);
  // After the parse: the -sigopt values, -keyform, and no empty file names. False after an
  // error.
  bool resolve();
};
// Signs or verifies the digest of one input (a file, or stdin when files is empty).
int dgst_sign_verify(const DgstSignOptions& o, petrel::HashAlg alg,
                     const std::vector<std::string>& files, const std::string& out_path);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_DGST_H
