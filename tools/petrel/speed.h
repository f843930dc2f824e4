// The public-key parts of `petrel speed` (speed.cpp parses the command and runs the symmetric
// algorithms): RSA in speed_rsa.cpp, the elliptic curves in speed_ec.cpp. Each takes the names
// given on the command line; with have_ops it runs exactly `ops` operations and prints one
// line without timings (for guest instruction counting and for tools_speed's checks).
#ifndef PETREL_TOOLS_PETREL_SPEED_H
#define PETREL_TOOLS_PETREL_SPEED_H

#include <cstddef>
#include <string>
#include <vector>

namespace petrel_tool {

// rsa1024..rsa4096: PKCS#1 v1.5 SHA-256 sign and verify per second.
bool is_rsa_speed_name(const std::string& name);
int speed_rsa(const std::vector<std::string>& names, double seconds, bool have_ops, size_t ops);

// x25519 (also ecdhx25519), ecdhp256, ecdsap256.
bool is_ec_speed_name(const std::string& name);
int speed_ec(const std::vector<std::string>& names, double seconds, bool have_ops, size_t ops);

}  // namespace petrel_tool

#endif  // PETREL_TOOLS_PETREL_SPEED_H
