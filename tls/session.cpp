// Session (tls/client.h): what resumption needs, and its byte form for -sess_out/-sess_in:
//   "PTS1" | version u16 | suite u16 | ems u8 | master[48] | id<0..32> | server_name<0..255>
//   | ticket<0..kMaxTicketSize> (u16 length) | ticket_lifetime u32
#include <cstring>

#include "crypto/util/cursor.h"
#include "crypto/util/wipe.h"
#include "tls/client.h"

namespace petrel {
namespace tls {

Session::~Session() {
  wipe();
}

void Session::wipe() noexcept {
  secure_wipe(this, sizeof(*this));
  m_version = 0;
}

Status Session::serialize(MutableBytes out, size_t* out_len) const noexcept {
  *out_len = 0;
  if (!valid()) {
    return Status::invalid_argument;
  }
  Writer w(out);
  w.add_bytes(ByteView(reinterpret_cast<const uint8_t*>("PTS1"), 4));
  w.add_u16(m_version);
  w.add_u16(m_suite);
  w.add_u8(m_ems ? 1 : 0);
  w.add_bytes(ByteView(m_master, 48));
  w.begin_u8_prefixed();
  w.add_bytes(ByteView(m_id, m_id_len));
  w.end();
  w.begin_u8_prefixed();
  w.add_bytes(ByteView(m_server_name, m_server_name_len));
  w.end();
  w.begin_u16_prefixed();
  w.add_bytes(ByteView(m_ticket, m_ticket_len));
  w.end();
  w.add_u32(m_ticket_lifetime);
  return w.finish(out_len);
}

Status Session::parse(ByteView in) noexcept {
  wipe();
  Reader r(in);
  ByteView magic;
  uint8_t ems = 0;
  Reader id;
  Reader name;
  Reader ticket;
  Session s;
  if (!r.read_bytes(4, &magic) || std::memcmp(magic.data(), "PTS1", 4) != 0 ||
      !r.read_u16(&s.m_version) || !r.read_u16(&s.m_suite) || !r.read_u8(&ems) || ems > 1 ||
      !r.copy_bytes(MutableBytes(s.m_master, 48)) || !r.read_u8_prefixed(&id) ||
      id.remaining() > 32 || !r.read_u8_prefixed(&name) || !r.read_u16_prefixed(&ticket) ||
      ticket.remaining() > kMaxTicketSize || !r.read_u32(&s.m_ticket_lifetime) || !r.empty()) {
    return Status::decode_error;
  }
  if (s.m_version < kTls10 || s.m_version > kTls12 || find_suite(s.m_suite) == nullptr ||
      (id.empty() && ticket.empty())) {
    return Status::decode_error;
  }
  s.m_ems = ems == 1;
  s.m_id_len = id.remaining();
  std::memcpy(s.m_id, id.data(), s.m_id_len);
  s.m_server_name_len = name.remaining();
  std::memcpy(s.m_server_name, name.data(), s.m_server_name_len);
  s.m_ticket_len = ticket.remaining();
  std::memcpy(s.m_ticket, ticket.data(), s.m_ticket_len);
  *this = s;
  return Status::ok;
}

}  // namespace tls
}  // namespace petrel
