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

namespace {

// The 1-based line of `offset` in `text`.
size_t line_of(ByteView text, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); i++) {
    if (text[i] == '\n') {
      line++;
    }
  }
  return line;
}

// The subject of a certificate that does not parse, if its TBSCertificate is framed well enough
// to find the subject Name (for warnings); empty otherwise.
std::string subject_if_readable(ByteView der) {
  namespace asn1 = petrel::asn1;
  Reader r(der);
  Reader cert;
  Reader tbs;
  if (asn1::read_sequence(&r, &cert) != Status::ok ||
      asn1::read_sequence(&cert, &tbs) != Status::ok) {
    return "";
  }
  if (asn1::next_is(tbs, asn1::context_constructed(0))) {
    asn1::Tag t = 0;
    Reader skip;
    if (asn1::read_any_der(&tbs, &t, &skip) != Status::ok) {
      return "";
    }
  }
  for (int i = 0; i < 4; i++) {  // serial, signature, issuer, validity
    asn1::Tag t = 0;
    Reader skip;
    if (asn1::read_any_der(&tbs, &t, &skip) != Status::ok) {
      return "";
    }
  }
  ByteView subject;
  if (asn1::read_der_element(&tbs, &subject, asn1::kSequence) != Status::ok) {
    return "";
  }
  const std::string text = name_text(subject);
  return text == "<malformed name>" ? "" : text;
}

void warn_skip(const std::string& path, const std::string& where, const std::string& why) {
  warn(nullptr, "%s: %s %s; skipped", path.c_str(), where.c_str(), why.c_str());
}

// Parses one certificate of a bundle, or warns and skips it.
void add_bundle_cert(const std::string& path, const std::string& where, std::vector<uint8_t> der,
                     CertBundle* out) {
  out->m_buffers.push_back(std::move(der));
  const std::vector<uint8_t>& kept = out->m_buffers.back();
  const ByteView view(kept.data(), kept.size());
  petrel::x509::Certificate c;
  if (petrel::x509::parse_certificate(&c, view) != Status::ok) {
    const std::string subject = subject_if_readable(view);
    warn_skip(path, where,
              subject.empty() ? "is not a certificate Petrel can parse"
                              : "(subject " + subject + ") is not a certificate Petrel can parse");
    out->m_buffers.pop_back();
    return;
  }
  out->m_certs.push_back(c);
}

}  // namespace

bool load_cert_bundle(const std::string& path, const InputLimit& limit, CertBundle* out,
                      std::string* error) {
  std::vector<uint8_t> data;
  if (!read_whole(path, limit, Secret::no, &data, error)) {
    return false;
  }
  const ByteView in(data.data(), data.size());
  const size_t before = out->m_certs.size();
  if (petrel::pem::detect_format(in) == petrel::pem::Format::pem) {
    Reader text(in);
    size_t index = 0;
    for (;;) {
      const size_t offset = in.size() - text.remaining();
      petrel::pem::Block block;
      bool found = false;
      const Status st = petrel::pem::next_block(&text, &block, &found);
      if (st == Status::ok && !found) {
        break;
      }
      index++;
      if (st == Status::decode_error) {
        // Resynchronise after this block's BEGIN line: find it and step past it.
        const ByteView rest = text.view();
        size_t at = rest.size();
        for (size_t i = 0; i + 11 <= rest.size(); i++) {
          if (std::memcmp(rest.data() + i, "-----BEGIN ", 11) == 0) {
            at = i;
            break;
          }
        }
        warn_skip(path,
                  "PEM block " + std::to_string(index) + " (line " +
                      std::to_string(line_of(in, offset + at)) + ")",
                  "is malformed PEM");
        if (at == rest.size()) {
          break;
        }
        (void)text.skip(at + 11);
        continue;
      }
      // The block's position: its BEGIN line.
      const size_t begin_at = static_cast<size_t>(block.label.data() - in.data());
      const std::string where = "PEM block " + std::to_string(index) + " (line " +
                                std::to_string(line_of(in, begin_at)) + ")";
      const std::string label(reinterpret_cast<const char*>(block.label.data()),
                              block.label.size());
      if (st == Status::unsupported) {
        warn_skip(path, where, "(" + label + ") has RFC 1421 headers (an encrypted key?)");
        continue;
      }
      if (st != Status::ok) {
        warn_skip(path, where, "cannot be read");
        continue;
      }
      if (label != "CERTIFICATE") {
        warn_skip(path, where, "is a " + label + ", not a CERTIFICATE");
        continue;
      }
      std::vector<uint8_t> der(petrel::pem::base64_decoded_max_len(block.body.size()));
      size_t len = 0;
      if (petrel::pem::decode_block(MutableBytes(der.data(), der.size()), &len, block) !=
          Status::ok) {
        warn_skip(path, where, "has bad base64");
        continue;
      }
      der.resize(len);
      add_bundle_cert(path, where, std::move(der), out);
    }
  } else {
    Reader r(in);
    size_t index = 0;
    while (!r.empty()) {
      petrel::asn1::Tag tag = 0;
      Reader contents;
      size_t header = 0;
      const uint8_t* start = r.data();
      if (petrel::asn1::read_any_der(&r, &tag, &contents, &header) != Status::ok) {
        warn_skip(path, "the data at byte " + std::to_string(start - in.data()),
                  "is neither PEM nor DER");
        break;
      }
      index++;
      add_bundle_cert(path,
                      "DER element " + std::to_string(index) + " (byte " +
                          std::to_string(start - in.data()) + ")",
                      std::vector<uint8_t>(start, start + header + contents.remaining()), out);
    }
  }
  if (out->m_certs.size() == before) {
    *error = path + ": no usable CERTIFICATE found";
    return false;
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

bool write_der_output(Output* out, ByteView der, const char* label, bool der_out,
                      std::string* error) {
  if (der_out) {
    return out->write(der.data(), der.size(), error);
  }
  std::vector<uint8_t> pem(petrel::pem::pem_encoded_len(std::strlen(label), der.size()));
  size_t len = 0;
  if (petrel::pem::write_pem(MutableBytes(pem.data(), pem.size()), &len, label, der) !=
      Status::ok) {
    *error = "PEM encoding failed";
    return false;
  }
  return out->write(pem.data(), len, error);
}

bool write_cert_output(Output* out, ByteView der, bool der_out, std::string* error) {
  return write_der_output(out, der, "CERTIFICATE", der_out, error);
}

}  // namespace petrel_tool
