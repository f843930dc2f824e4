// The record test hook of record_test_hooks.h. Not part of libpetrel: this file is built into
// the petrel_test_hooks library that only the tests and fuzzers link (CMakeLists.txt), and
// tests/packaging/check_no_test_hooks.sh checks that the release library has none of it.
#include "tls/record_test_hooks.h"

namespace petrel {
namespace tls {

// The private member the test hook reaches (record.h names this struct a friend).
struct RecordProtectionAccess {
  static void set_sequence(RecordProtection& rp, uint64_t seq) noexcept { rp.m_seq = seq; }
};

void record_set_sequence_for_testing(RecordProtection& rp, uint64_t seq) noexcept {
  RecordProtectionAccess::set_sequence(rp, seq);
}

}  // namespace tls
}  // namespace petrel
