// Fuzz target "base64": crypto/pem/pem.h base64_decode, base64_decode_lines and base64_encode.
// Properties: strict decoding accepts only the canonical encoding (decode then encode gives the
// input back); the line-tolerant decoder agrees with the strict one on the input stripped of
// whitespace; any bytes encode and decode back to themselves.
#include <cstring>
#include <vector>

#include "crypto/pem/pem.h"
#include "fuzz/driver.h"

using namespace petrel;

int petrel_fuzz_one(const uint8_t* data, size_t size) {
  const ByteView in(data, size);
  std::vector<uint8_t> dec(pem::base64_decoded_max_len(size) + 1);
  size_t dec_len = 0;
  const Status s = pem::base64_decode(MutableBytes(dec.data(), dec.size()), &dec_len, in);
  PETREL_FUZZ_CHECK(s == Status::ok || s == Status::decode_error);
  if (s == Status::ok) {
    std::vector<uint8_t> enc(pem::base64_encoded_len(dec_len) + 1);
    size_t enc_len = 0;
    PETREL_FUZZ_CHECK(pem::base64_encode(MutableBytes(enc.data(), enc.size()), &enc_len,
                                         ByteView(dec.data(), dec_len)) == Status::ok);
    PETREL_FUZZ_CHECK(enc_len == size && (size == 0 || std::memcmp(enc.data(), data, size) == 0));
  }
  // Lines: same result as strict decoding of the input without whitespace.
  std::vector<uint8_t> stripped;
  for (size_t i = 0; i < size; i++) {
    const uint8_t c = data[i];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      stripped.push_back(c);
    }
  }
  std::vector<uint8_t> dec2(pem::base64_decoded_max_len(size) + 1);
  size_t dec2_len = 0;
  const Status s2 = pem::base64_decode_lines(MutableBytes(dec2.data(), dec2.size()), &dec2_len, in);
  std::vector<uint8_t> dec3(pem::base64_decoded_max_len(stripped.size()) + 1);
  size_t dec3_len = 0;
  const Status s3 = pem::base64_decode(MutableBytes(dec3.data(), dec3.size()), &dec3_len,
                                       ByteView(stripped.data(), stripped.size()));
  PETREL_FUZZ_CHECK(s2 == s3);
  if (s2 == Status::ok) {
    PETREL_FUZZ_CHECK(dec2_len == dec3_len &&
                      (dec2_len == 0 || std::memcmp(dec2.data(), dec3.data(), dec2_len) == 0));
  }
  // Any bytes round-trip.
  std::vector<uint8_t> enc(pem::base64_encoded_len(size));
  size_t enc_len = 0;
  PETREL_FUZZ_CHECK(pem::base64_encode(MutableBytes(enc.data(), enc.size()), &enc_len, in) == Status::ok);
  std::vector<uint8_t> back(size + 3);
  size_t back_len = 0;
  PETREL_FUZZ_CHECK(pem::base64_decode(MutableBytes(back.data(), back.size()), &back_len,
                                       ByteView(enc.data(), enc_len)) == Status::ok);
  PETREL_FUZZ_CHECK(back_len == size && (size == 0 || std::memcmp(back.data(), data, size) == 0));
  return 0;
}
