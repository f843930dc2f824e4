// Test-only access to a RecordProtection's sequence number, so tests can seal and open at chosen
// sequence numbers (known answers at large values, the 2^64 - 1 limit) without sealing 2^64
// records first. Not for production use: the engine never moves a sequence number. Not
// installed and not in libpetrel: defined in record_test_hooks.cpp, built into the
// petrel_test_hooks library that only the tests and fuzzers link.
#ifndef PETREL_TLS_RECORD_TEST_HOOKS_H
#define PETREL_TLS_RECORD_TEST_HOOKS_H

#include <cstdint>

#include "tls/record.h"

namespace petrel {
namespace tls {

void record_set_sequence_for_testing(RecordProtection& rp, uint64_t seq) noexcept;

}  // namespace tls
}  // namespace petrel

#endif  // PETREL_TLS_RECORD_TEST_HOOKS_H
