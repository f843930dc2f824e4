// Elliptic curves over prime fields: NIST P-256 and P-384 (FIPS 186-4 D.1.2.3/D.1.2.4, SEC 2),
// named curves only, uncompressed points only (SEC 1 section 2.3.3, 04 || X || Y).
//
//   curve  scalar  point  operations
//   p256   32      65     all (ECDH, key generation, public-from-private, ECDSA sign/verify)
//   p384   48      97     all, from the same generic code (12 limbs instead of 8)
//
// One implementation, portable C++ with 32-bit limbs ("p32" in the bench tables); there is no
// 64-bit or assembly variant yet.
//
// Implementation (crypto/ec/ec_field.h, ec.cpp, ecdsa.cpp): field elements in 32-bit limbs
// (8 for P-256, 12 for P-384), word-by-word Montgomery multiplication (CIOS) with
// 32x32->64-bit products and a masked final subtraction, portable C++ for the 32-bit ARM/MIPS
// targets; projective points with the complete addition
// and doubling formulas of Renes-Costello-Batina 2016 (algorithms 4 and 6, a = -3), so no
// special case (identity, P == Q, P == -Q) takes a branch.
//
// Constant time (secret scalars: ec_ecdh, ec_public_from_private, ec_generate_key, ecdsa_sign):
// a fixed 4-bit window over the scalar (64 windows for P-256: 4 doublings and one complete
// addition each, the zero digit adding the identity), every one of the 16 table entries read
// with masks (no memory
// index depends on the scalar), a fixed number of doublings and additions whatever the
// scalar, inversion by Fermat (z^(p-2), a fixed addition chain). Checked under valgrind in
// tests/ct/ct_check.cpp. Verification (public inputs) uses variable-time code: see ecdsa.h.
//
// Points from outside are validated (SP 800-56A 5.6.2.3.3 full public key validation, the
// cofactor being 1): length 2*size+1, first byte 04, X < p, Y < p, y^2 = x^3 - 3x + b. The
// identity has no uncompressed encoding and is refused. Compressed (02/03) and hybrid (06/07)
// forms are refused with invalid_argument (unsupported here, RFC 8422 section 5.1.2 allows
// servers to use only the uncompressed form).
// Public API (installed): the declarations here are stable.
#ifndef PETREL_CRYPTO_EC_EC_H
#define PETREL_CRYPTO_EC_EC_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"
#include "crypto/util/status.h"

namespace petrel {

class Rng;

enum class EcCurve : uint8_t { p256 = 0, p384 = 1 };

constexpr size_t kEcMaxScalarSize = 48, kEcMaxPointSize = 97;

// 32, 48 (0 for a value outside the enum).
size_t ec_scalar_size(EcCurve c) noexcept;
// Uncompressed point size: 65, 97 (0 for a value outside the enum).
size_t ec_point_size(EcCurve c) noexcept;
// "P-256", "P-384".
const char* ec_curve_name(EcCurve c) noexcept;

// An uncompressed point 04||X||Y: right length, X,Y < p, on the curve (not the identity).
// invalid_argument otherwise (compressed and hybrid forms: unsupported).
Status ec_point_check(EcCurve c, ByteView point) noexcept;

// Private key checks: d has exactly ec_scalar_size(c) bytes (big-endian) and 1 <= d < n
// (constant time; only the verdict is declassified). invalid_argument otherwise.
Status ec_private_check(EcCurve c, ByteView d) noexcept;

// point_out (ec_point_size(c) bytes) = d * G, uncompressed. d is checked as by
// ec_private_check. The result is public and declassified.
// Errors: invalid_argument (bad d), buffer_too_small (point_out too short).
Status ec_public_from_private(EcCurve c, MutableBytes point_out, ByteView d) noexcept;

// A fresh key pair: d uniform in [1, n-1] by rejection sampling of ec_scalar_size(c) random
// bytes (FIPS 186-4 B.4.2, "testing candidates"; the rejection verdict is declassified, it
// reveals only that a discarded candidate was out of range), and its public point. On an Rng
// failure (or 64 rejected candidates in a row) both outputs are zeroed and rng_failure
// returned.
Status ec_generate_key(EcCurve c, MutableBytes d_out, MutableBytes point_out, Rng& rng) noexcept;

// ECDH (SP 800-56A 5.7.1.2, the shared secret Z = x coordinate of d * Q, ec_scalar_size(c)
// bytes): the peer point is checked first (ec_point_check), then d. x_out is zeroed on every
// error. The result is never the identity (Q valid, n prime, 1 <= d < n). Errors:
// invalid_argument (bad point or d), buffer_too_small (x_out shorter than ec_scalar_size(c)).
Status ec_ecdh(EcCurve c, MutableBytes x_out, ByteView d, ByteView peer_point) noexcept;

}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_EC_H
