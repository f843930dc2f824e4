// Internal to crypto/ec: the domain parameters of P-256 and P-384 (FIPS 186-4 appendix D.1.2.3
// and D.1.2.4), as little-endian 32-bit limbs. The values were printed by
// `openssl ecparam -name prime256v1|secp384r1 -param_enc explicit -text` and checked there to
// satisfy gy^2 = gx^3 - 3gx + b; the tests check them again (G's multiples against NIST
// vectors). The Montgomery constants and forms are derived at compile time (ec_internal.h).
#ifndef PETREL_CRYPTO_EC_EC_CURVES_H
#define PETREL_CRYPTO_EC_EC_CURVES_H

#include "crypto/ec/ec_internal.h"

namespace petrel {
namespace ec_internal {

constexpr Fe<8> kP256_p = {{0xffffffff, 0xffffffff, 0xffffffff, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xffffffff}};
constexpr Fe<8> kP256_n = {{0xfc632551, 0xf3b9cac2, 0xa7179e84, 0xbce6faad, 0xffffffff, 0xffffffff, 0x00000000, 0xffffffff}};
constexpr Fe<8> kP256_b = {{0x27d2604b, 0x3bce3c3e, 0xcc53b0f6, 0x651d06b0, 0x769886bc, 0xb3ebbd55, 0xaa3a93e7, 0x5ac635d8}};
constexpr Fe<8> kP256_gx = {{0xd898c296, 0xf4a13945, 0x2deb33a0, 0x77037d81, 0x63a440f2, 0xf8bce6e5, 0xe12c4247, 0x6b17d1f2}};
constexpr Fe<8> kP256_gy = {{0x37bf51f5, 0xcbb64068, 0x6b315ece, 0x2bce3357, 0x7c0f9e16, 0x8ee7eb4a, 0xfe1a7f9b, 0x4fe342e2}};
constexpr Fe<12> kP384_p = {{0xffffffff, 0x00000000, 0x00000000, 0xffffffff, 0xfffffffe, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}};
constexpr Fe<12> kP384_n = {{0xccc52973, 0xecec196a, 0x48b0a77a, 0x581a0db2, 0xf4372ddf, 0xc7634d81, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}};
constexpr Fe<12> kP384_b = {{0xd3ec2aef, 0x2a85c8ed, 0x8a2ed19d, 0xc656398d, 0x5013875a, 0x0314088f, 0xfe814112, 0x181d9c6e, 0xe3f82d19, 0x988e056b, 0xe23ee7e4, 0xb3312fa7}};
constexpr Fe<12> kP384_gx = {{0x72760ab7, 0x3a545e38, 0xbf55296c, 0x5502f25d, 0x82542a38, 0x59f741e0, 0x8ba79b98, 0x6e1d3b62, 0xf320ad74, 0x8eb1c71e, 0xbe8b0537, 0xaa87ca22}};
constexpr Fe<12> kP384_gy = {{0x90ea0e5f, 0x7a431d7c, 0x1d7e819d, 0x0a60b1ce, 0xb5f0b8c0, 0xe9da3113, 0x289a147c, 0xf8f41dbd, 0x9292dc29, 0x5d9e98bf, 0x96262c6f, 0x3617de4a}};

inline constexpr Curve<8> kP256 = make_curve(kP256_p, kP256_n, kP256_b, kP256_gx, kP256_gy);
inline constexpr Curve<12> kP384 = make_curve(kP384_p, kP384_n, kP384_b, kP384_gx, kP384_gy);

// Shared by ec.cpp and ecdsa.cpp (defined in ec.cpp for N = 8 and 12).
// A validated public point (SP 800-56A 5.6.2.3.3): invalid_argument otherwise.
template <size_t N>
Status decode_point(Point<N>& out, const Curve<N>& C, ByteView in) noexcept;
// A private scalar of exactly 4N bytes with 1 <= d < n (constant time, verdict declassified).
template <size_t N>
Status decode_scalar(Fe<N>& out, const Curve<N>& C, ByteView in) noexcept;
template <size_t N>
void generator(Point<N>& g, const Curve<N>& C) noexcept;
// r = k*G (k any N-limb value; the callers pass 1 <= k < n). Constant time: a fixed-base comb
// over a precomputed table on P-256 (p256_comb.h), the variable-base window on P-384.
template <size_t N>
void point_mul_base(Point<N>& r, const Fe<N>& k, const Curve<N>& C) noexcept;

}  // namespace ec_internal
}  // namespace petrel

#endif  // PETREL_CRYPTO_EC_EC_CURVES_H
