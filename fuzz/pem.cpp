// Fuzz target "pem": crypto/pem/pem.h next_block (BEGIN/END framing, labels, RFC 1421 header
// refusal), decode_block, read_pem, write_pem, detect_format and load_der.
// Properties: blocks are consumed in order and lie inside the input; every block that decodes
// is written again by write_pem and read back to the same bytes and label; load_der agrees with
// detect_format.
#include <cstring>
#include <string>
#include <vector>

#include "crypto/pem/pem.h"
#include "fuzz/driver.h"

using namespace petrel;

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  Reader r(in);
  size_t blocks = 0;
  for (;;) {
    pem::Block b;
    bool found = false;
    const size_t before = r.remaining();
    const Status s = pem::next_block(&r, &b, &found);
    if (s != Status::ok || !found) {
      break;
    }
    PETREL_FUZZ_CHECK(r.remaining() < before);
    PETREL_FUZZ_CHECK(b.label.data() >= data && b.label.data() + b.label.size() <= data + size);
    PETREL_FUZZ_CHECK(b.body.data() >= data && b.body.data() + b.body.size() <= data + size);
    std::vector<uint8_t> der(b.body.size() + 3);
    size_t der_len = 0;
    if (pem::decode_block(MutableBytes(der.data(), der.size()), &der_len, b) == Status::ok) {
      const std::string label(b.label.begin(), b.label.end());
      std::vector<uint8_t> pem_out(pem::pem_encoded_len(label.size(), der_len));
      size_t pem_len = 0;
      PETREL_FUZZ_CHECK(pem::write_pem(MutableBytes(pem_out.data(), pem_out.size()), &pem_len,
                                       label.c_str(), ByteView(der.data(), der_len)) == Status::ok);
      std::vector<uint8_t> back(der_len + 3);
      size_t back_len = 0;
      const Status rs = pem::read_pem(MutableBytes(back.data(), back.size()), &back_len,
                                      ByteView(pem_out.data(), pem_len), label.c_str());
      // A label containing "-----" cannot come back out; everything else must.
      if (label.find("-----") == std::string::npos) {
        PETREL_FUZZ_CHECK(rs == Status::ok);
        PETREL_FUZZ_CHECK(back_len == der_len &&
                          (der_len == 0 || std::memcmp(back.data(), der.data(), der_len) == 0));
      }
    }
    blocks++;
  }
  std::vector<uint8_t> scratch(size + 3);
  ByteView out;
  const pem::Format f = pem::detect_format(in);
  const Status ls = pem::load_der(&out, MutableBytes(scratch.data(), scratch.size()), in, nullptr);
  if (f == pem::Format::der) {
    PETREL_FUZZ_CHECK(ls == Status::ok && out.data() == data && out.size() == size);
  } else if (f == pem::Format::unknown) {
    PETREL_FUZZ_CHECK(ls != Status::ok);
  }
  (void)blocks;
  return 0;
}
