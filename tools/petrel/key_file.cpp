// Key files of the petrel tool: the one reader, the one writer, the shared key-file options and
// EC key generation (see key_file.h).
#include "tools/petrel/key_file.h"

#include <cctype>
#include <cstdio>

#include "crypto/pem/pem.h"
#include "crypto/rand/rng.h"

namespace petrel_tool {

bool parse_form(const char* cmd, const std::string& value, bool* pem) {
  std::string v = value;
  for (char& c : v) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (v == "pem") {
    *pem = true;
  } else if (v == "der") {
    *pem = false;
  } else {
    fail(cmd, "unknown format '%s' (PEM or DER)", value.c_str());
    return false;
  }
  return true;
}

bool parse_input_form(const char* cmd, const std::string& value, int* form) {
  if (value.empty()) {
    *form = kFormAny;
    return true;
  }
  bool pem = true;
  if (!parse_form(cmd, value, &pem)) {
    return false;
  }
  *form = pem ? kFormPem : kFormDer;
  return true;
}

bool write_parts(const char* cmd, const std::string& path, petrel::ByteView first,
                 petrel::ByteView second, FileMode mode) {
  Output out;
  std::string err;
  if (!out.open(path, &err, mode) || !out.write(first.data(), first.size(), &err) ||
      !out.write(second.data(), second.size(), &err) || !out.close(&err)) {
    fail(cmd, "%s", err.c_str());
    return false;
  }
  return true;
}

bool write_all(const char* cmd, const std::string& path, const uint8_t* data, size_t len,
               FileMode mode) {
  return write_parts(cmd, path, petrel::ByteView(data, len), petrel::ByteView(), mode);
}

void wipe_string(std::string* s) {
  if (!s->empty()) {
    petrel::secure_wipe(&(*s)[0], s->size());
  }
  s->clear();
}

bool read_key_file(const char* cmd, const std::string& path, int form,
                   std::vector<uint8_t>* data) {
  std::string err;
  if (!read_whole(path, kObjectLimit, Secret::yes, data, &err)) {
    fail(cmd, "%s", err.c_str());
    return false;
  }
  if (form == kFormAny) {
    return true;
  }
  const petrel::pem::Format f = petrel::pem::detect_format(view_of(*data));
  const bool pem = form == kFormPem;
  if (f != (pem ? petrel::pem::Format::pem : petrel::pem::Format::der)) {
    wipe_bytes(data);
    fail(cmd, "%s: not in %s form", input_name(path).c_str(), pem ? "PEM" : "DER");
    return false;
  }
  return true;
}

void KeyIoOptions::add_to(std::vector<Option>* table) {
  table->push_back(value("in", "FILE", "the key file (default stdin; at most 1 MiB)", &m_in));
  table->push_back(value("inform", "PEM|DER", "the input's form (default: either)", &m_inform));
  table->push_back(flag("pubin", "the input is a public key", &m_pubin));
  table->push_back(value("out", "FILE", "the output file (default stdout)", &m_out));
  table->push_back(value("outform", "PEM|DER", "the output's form (default PEM)", &m_outform));
  table->push_back(flag("pubout", "write the public key", &m_pubout));
  table->push_back(flag("text", "print the key's components as openssl does", &m_text));
  table->push_back(flag("noout", "write no key", &m_noout));
}

bool KeyIoOptions::resolve(const char* cmd) {
  return parse_input_form(cmd, m_inform, &m_in_form) &&
         (m_outform.empty() || parse_form(cmd, m_outform, &m_out_pem));
}

bool generate_ec_key(const char* cmd, petrel::EcKeyAlg alg, petrel::EcPrivateKey* key) {
  const petrel::Status st = petrel::ec_private_key_generate(key, alg, petrel::default_rng());
  if (st == petrel::Status::unsupported) {
    fail(cmd, "%s key generation is not available in this build", petrel::ec_key_alg_name(alg));
    return false;
  }
  if (st != petrel::Status::ok) {
    fail(cmd, "key generation failed: %s", petrel::status_name(st));
    return false;
  }
  return true;
}

}  // namespace petrel_tool
