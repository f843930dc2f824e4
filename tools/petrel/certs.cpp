// Certificate-file helpers of the petrel tool (see certs.h).
#include "tools/petrel/certs.h"

#include <cstdio>
#include <cstring>

#include "crypto/asn1/der.h"
#include "crypto/pem/pem.h"

namespace petrel_tool {

using petrel::ByteView;
using petrel::MutableBytes;
using petrel::Reader;
using petrel::Status;

bool load_der_blobs(const std::string& path, const char* label, const InputLimit& limit,
                    std::vector<std::vector<uint8_t>>* out, std::string* error) {
  std::vector<uint8_t> data;
  if (!read_whole(path, limit, Secret::no, &data, error)) {
    return false;
  }
  const std::string name = input_name(path);
  const ByteView in(data.data(), data.size());
  size_t before = out->size();
  if (petrel::pem::detect_format(in) == petrel::pem::Format::pem) {
    Reader text(in);
    for (;;) {
      petrel::pem::Block block;
      bool found = false;
      if (petrel::pem::next_block(&text, &block, &found) != Status::ok) {
        *error = name + ": malformed PEM";
        return false;
      }
      if (!found) {
        break;
      }
      if (label != nullptr && (block.label.size() != std::strlen(label) ||
                               std::memcmp(block.label.data(), label, block.label.size()) != 0)) {
        continue;
      }
      std::vector<uint8_t> der(petrel::pem::base64_decoded_max_len(block.body.size()));
      size_t len = 0;
      if (petrel::pem::decode_block(MutableBytes(der.data(), der.size()), &len, block) !=
          Status::ok) {
        *error = name + ": bad base64 in PEM block";
        return false;
      }
      der.resize(len);
      out->push_back(std::move(der));
    }
  } else {
    Reader r(in);
    while (!r.empty()) {
      petrel::asn1::Tag tag = 0;
      Reader contents;
      size_t header = 0;
      const uint8_t* start = r.data();
      if (petrel::asn1::read_any_der(&r, &tag, &contents, &header) != Status::ok) {
        *error = name + ": neither PEM nor DER";
        return false;
      }
      out->emplace_back(start, start + header + contents.remaining());
    }
  }
  if (out->size() == before) {
    *error = name + ": no " + (label != nullptr ? label : "PEM") + " found";
    return false;
  }
  return true;
}

bool load_certs(const std::string& path, const InputLimit& limit, CertBundle* out,
                std::string* error) {
  std::vector<std::vector<uint8_t>> blobs;
  if (!load_der_blobs(path, "CERTIFICATE", limit, &blobs, error)) {
    return false;
  }
  for (size_t i = 0; i < blobs.size(); i++) {
    out->m_buffers.push_back(std::move(blobs[i]));
    const std::vector<uint8_t>& der = out->m_buffers.back();
    petrel::x509::Certificate c;
    if (petrel::x509::parse_certificate(&c, ByteView(der.data(), der.size())) != Status::ok) {
      *error = input_name(path) + ": certificate " + std::to_string(i + 1) + " is malformed";
      return false;
    }
    out->m_certs.push_back(c);
  }
  return true;
}

std::string name_text(ByteView name) {
  std::vector<uint8_t> buf(name.size() * 8 + 64);
  size_t len = 0;
  if (petrel::x509::name_to_text(MutableBytes(buf.data(), buf.size()), &len, name) !=
      Status::ok) {
    return "<malformed name>";
  }
  return std::string(reinterpret_cast<const char*>(buf.data()), len);
}

std::string time_text(int64_t epoch) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  petrel::asn1::DateTime dt{};
  if (petrel::asn1::epoch_to_datetime(&dt, epoch) != Status::ok) {
    return "<bad time>";
  }
  char out[64];
  std::snprintf(out, sizeof(out), "%s %2d %02d:%02d:%02d %d GMT", kMonths[dt.month - 1],
                static_cast<int>(dt.day), static_cast<int>(dt.hour), static_cast<int>(dt.minute),
                static_cast<int>(dt.second), static_cast<int>(dt.year));
  return out;
}

std::string colon_hex(ByteView v) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string s;
  for (size_t i = 0; i < v.size(); i++) {
    if (i > 0) {
      s += ':';
    }
    s += kHex[v[i] >> 4];
    s += kHex[v[i] & 15];
  }
  return s;
}

}  // namespace petrel_tool
