// ServerHello (RFC 5246 7.4.1.3), parsed strictly: the extensions a server may send are only
// those the client offered (RFC 5246 7.4.1.4); each at most once.
#include "tls/messages.h"

namespace petrel {
namespace tls {

Status parse_server_hello(ServerHello* out, ByteView body) noexcept {
  *out = ServerHello();
  Reader r(body);
  Reader sid;
  uint8_t compression = 0;
  if (!r.read_u16(&out->m_version) || !r.read_bytes(32, &out->m_random) ||
      !r.read_u8_prefixed(&sid) || sid.remaining() > 32 || !r.read_u16(&out->m_suite) ||
      !r.read_u8(&compression)) {
    return Status::decode_error;
  }
  out->m_session_id = sid.view();
  if (compression != 0) {
    return Status::decode_error;
  }
  if (r.empty()) {
    return Status::ok;  // no extensions at all (old servers)
  }
  Reader exts;
  if (!r.read_u16_prefixed(&exts) || !r.empty()) {
    return Status::decode_error;
  }
  uint32_t seen = 0;  // bit per known extension
  while (!exts.empty()) {
    uint16_t type = 0;
    Reader data;
    if (!exts.read_u16(&type) || !exts.read_u16_prefixed(&data)) {
      return Status::decode_error;
    }
    uint32_t bit = 0;
    switch (type) {
      case kExtServerName:
        bit = 1u << 0;
        if (!data.empty()) {
          return Status::decode_error;
        }
        out->m_server_name = true;
        break;
      case kExtMaxFragmentLength:
        bit = 1u << 1;
        if (!data.read_u8(&out->m_mfl_code) || !data.empty()) {
          return Status::decode_error;
        }
        break;
      case kExtEncryptThenMac:
        bit = 1u << 2;
        if (!data.empty()) {
          return Status::decode_error;
        }
        out->m_etm = true;
        break;
      case kExtExtendedMasterSecret:
        bit = 1u << 3;
        if (!data.empty()) {
          return Status::decode_error;
        }
        out->m_ems = true;
        break;
      case kExtSessionTicket:
        bit = 1u << 4;
        if (!data.empty()) {
          return Status::decode_error;
        }
        out->m_ticket = true;
        break;
      case kExtEcPointFormats: {
        bit = 1u << 6;
        Reader formats;
        if (!data.read_u8_prefixed(&formats) || formats.empty() || !data.empty()) {
          return Status::decode_error;
        }
        uint8_t f = 0;
        while (formats.read_u8(&f)) {
          out->m_ec_point_formats = out->m_ec_point_formats || f == 0;
        }
        if (!out->m_ec_point_formats) {
          return Status::decode_error;  // RFC 8422 5.2: uncompressed must be listed
        }
        break;
      }
      case kExtRenegotiationInfo: {
        bit = 1u << 5;
        Reader conn;
        if (!data.read_u8_prefixed(&conn) || !data.empty()) {
          return Status::decode_error;
        }
        out->m_reneg_info = true;
        out->m_reneg_info_empty = conn.empty();
        break;
      }
      default:
        if (!out->m_has_unknown_extension) {
          out->m_has_unknown_extension = true;
          out->m_unknown_extension = type;
        }
        continue;
    }
    if ((seen & bit) != 0) {
      return Status::decode_error;
    }
    seen |= bit;
  }
  return Status::ok;
}

}  // namespace tls
}  // namespace petrel
