// ClientHello (RFC 5246 7.4.1.2) with the extensions Petrel offers: server_name (RFC 6066 3),
// max_fragment_length (RFC 6066 4), signature_algorithms (RFC 5246 7.4.1.4.1),
// encrypt_then_mac (RFC 7366), extended_master_secret (RFC 7627), session_ticket (RFC 5077),
// renegotiation_info (RFC 5746: empty, the initial handshake), supported_groups and
// ec_point_formats (RFC 8422 5.1) when an ECDHE suite is offered.
#include "tls/messages.h"

namespace petrel {
namespace tls {

uint8_t mfl_code(size_t mfl) noexcept {
  switch (mfl) {
    case 512:
      return 1;
    case 1024:
      return 2;
    case 2048:
      return 3;
    case 4096:
      return 4;
    default:
      return 0;
  }
}

void begin_handshake(Writer* w, uint8_t type) noexcept {
  w->add_u8(type);
  w->begin_u24_prefixed();
}

void write_client_hello(Writer* w, const ClientHelloParams& p) noexcept {
  begin_handshake(w, kHsClientHello);
  w->add_u16(p.m_version);
  w->add_bytes(p.m_random);
  w->begin_u8_prefixed();
  w->add_bytes(p.m_session_id);
  w->end();
  w->begin_u16_prefixed();
  for (uint16_t s : p.m_suites) {
    w->add_u16(s);
  }
  w->end();
  w->add_u8(1);  // compression_methods: null only
  w->add_u8(0);

  w->begin_u16_prefixed();  // extensions
  if (!p.m_server_name.empty()) {
    w->add_u16(kExtServerName);
    w->begin_u16_prefixed();
    w->begin_u16_prefixed();  // ServerNameList
    w->add_u8(0);             // host_name
    w->begin_u16_prefixed();
    w->add_bytes(p.m_server_name);
    w->end();
    w->end();
    w->end();
  }
  if (p.m_mfl_code != 0) {
    w->add_u16(kExtMaxFragmentLength);
    w->begin_u16_prefixed();
    w->add_u8(p.m_mfl_code);
    w->end();
  }
  if (!p.m_groups.empty()) {
    w->add_u16(kExtSupportedGroups);
    w->begin_u16_prefixed();
    w->begin_u16_prefixed();
    for (uint16_t g : p.m_groups) {
      w->add_u16(g);
    }
    w->end();
    w->end();
    w->add_u16(kExtEcPointFormats);  // RFC 8422 5.1.2: uncompressed only
    w->add_u16(2);
    w->add_u8(1);
    w->add_u8(0);
  }
  if (!p.m_sig_schemes.empty()) {
    w->add_u16(kExtSignatureAlgorithms);
    w->begin_u16_prefixed();
    w->begin_u16_prefixed();
    for (uint16_t s : p.m_sig_schemes) {
      w->add_u16(s);
    }
    w->end();
    w->end();
  }
  if (p.m_offer_etm) {
    w->add_u16(kExtEncryptThenMac);
    w->add_u16(0);
  }
  w->add_u16(kExtExtendedMasterSecret);
  w->add_u16(0);
  if (p.m_offer_ticket) {
    w->add_u16(kExtSessionTicket);
    w->begin_u16_prefixed();
    w->add_bytes(p.m_ticket);
    w->end();
  }
  w->add_u16(kExtRenegotiationInfo);
  w->add_u16(1);
  w->add_u8(0);  // renegotiated_connection: empty
  w->end();      // extensions

  w->end();  // handshake
}

}  // namespace tls
}  // namespace petrel
