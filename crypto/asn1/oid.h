// OBJECT IDENTIFIER constants Petrel needs, as DER contents bytes (no tag, no length), for
// comparison with asn1::oid_equal() against what read_oid() returns. Sources of the dotted
// forms: RFC 8017 appendix C (PKCS #1), RFC 4055 / RFC 5754 (hash OIDs), RFC 5480 (EC), RFC 4519
// and X.520 (attribute types, id-at = 2.5.4), RFC 2985 (PKCS #9), RFC 4519 (DC, UID),
// RFC 5280 section 4.2 (id-ce = 2.5.29, id-kp = 1.3.6.1.5.5.7.3, id-pe, id-ad).
// The byte encodings were produced with `openssl asn1parse -genstr OID:<dotted>` and are checked
// against it again at test time (tests/asn1/oid_openssl.sh), and against oid_to_text.
//
// kOidTable lists every constant with a short name and its dotted form, for printers.
// Public API (installed): the declarations here are stable; OIDs are only ever added.
#ifndef PETREL_CRYPTO_ASN1_OID_H
#define PETREL_CRYPTO_ASN1_OID_H

#include <cstddef>
#include <cstdint>

#include "crypto/util/span.h"

namespace petrel {
namespace asn1 {
namespace oid {

// 1.2.840.113549.1.1.1 (rsaEncryption)
inline constexpr uint8_t kRsaEncryption[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01};
// 1.2.840.113549.1.1.4 (md5WithRSAEncryption)
inline constexpr uint8_t kMd5WithRsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04};
// 1.2.840.113549.1.1.5 (sha1WithRSAEncryption)
inline constexpr uint8_t kSha1WithRsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05};
// 1.2.840.113549.1.1.7 (RSAES-OAEP)
inline constexpr uint8_t kRsaesOaep[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x07};
// 1.2.840.113549.1.1.8 (MGF1)
inline constexpr uint8_t kMgf1[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08};
// 1.2.840.113549.1.1.9 (pSpecified)
inline constexpr uint8_t kPSpecified[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x09};
// 1.2.840.113549.1.1.10 (RSASSA-PSS)
inline constexpr uint8_t kRsassaPss[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a};
// 1.2.840.113549.1.1.11 (sha256WithRSAEncryption)
inline constexpr uint8_t kSha256WithRsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b};
// 1.2.840.113549.1.1.12 (sha384WithRSAEncryption)
inline constexpr uint8_t kSha384WithRsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c};
// 1.2.840.113549.1.1.13 (sha512WithRSAEncryption)
inline constexpr uint8_t kSha512WithRsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d};
// 1.2.840.113549.1.1.14 (sha224WithRSAEncryption)
inline constexpr uint8_t kSha224WithRsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e};
// 1.2.840.113549.2.5 (md5)
inline constexpr uint8_t kMd5[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05};
// 1.3.14.3.2.26 (sha1)
inline constexpr uint8_t kSha1[] = {0x2b, 0x0e, 0x03, 0x02, 0x1a};
// 2.16.840.1.101.3.4.2.1 (sha256)
inline constexpr uint8_t kSha256[] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01};
// 2.16.840.1.101.3.4.2.2 (sha384)
inline constexpr uint8_t kSha384[] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02};
// 2.16.840.1.101.3.4.2.3 (sha512)
inline constexpr uint8_t kSha512[] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03};
// 2.16.840.1.101.3.4.2.4 (sha224)
inline constexpr uint8_t kSha224[] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04};
// 1.2.840.10045.2.1 (ecPublicKey)
inline constexpr uint8_t kEcPublicKey[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};
// 1.2.840.10045.4.3.1 (ecdsa-with-SHA224)
inline constexpr uint8_t kEcdsaWithSha224[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01};
// 1.2.840.10045.4.3.2 (ecdsa-with-SHA256)
inline constexpr uint8_t kEcdsaWithSha256[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02};
// 1.2.840.10045.4.3.3 (ecdsa-with-SHA384)
inline constexpr uint8_t kEcdsaWithSha384[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03};
// 1.2.840.10045.4.3.4 (ecdsa-with-SHA512)
inline constexpr uint8_t kEcdsaWithSha512[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04};
// 1.3.101.110 (X25519, RFC 8410)
inline constexpr uint8_t kX25519[] = {0x2b, 0x65, 0x6e};
// 1.2.840.10045.3.1.7 (prime256v1)
inline constexpr uint8_t kPrime256v1[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
// 1.3.132.0.34 (secp384r1)
inline constexpr uint8_t kSecp384r1[] = {0x2b, 0x81, 0x04, 0x00, 0x22};
// 2.5.4.3 (CN)
inline constexpr uint8_t kCommonName[] = {0x55, 0x04, 0x03};
// 2.5.4.4 (SN)
inline constexpr uint8_t kSurname[] = {0x55, 0x04, 0x04};
// 2.5.4.5 (serialNumber)
inline constexpr uint8_t kSerialNumber[] = {0x55, 0x04, 0x05};
// 2.5.4.6 (C)
inline constexpr uint8_t kCountryName[] = {0x55, 0x04, 0x06};
// 2.5.4.7 (L)
inline constexpr uint8_t kLocalityName[] = {0x55, 0x04, 0x07};
// 2.5.4.8 (ST)
inline constexpr uint8_t kStateOrProvinceName[] = {0x55, 0x04, 0x08};
// 2.5.4.9 (street)
inline constexpr uint8_t kStreetAddress[] = {0x55, 0x04, 0x09};
// 2.5.4.10 (O)
inline constexpr uint8_t kOrganizationName[] = {0x55, 0x04, 0x0a};
// 2.5.4.11 (OU)
inline constexpr uint8_t kOrganizationalUnitName[] = {0x55, 0x04, 0x0b};
// 2.5.4.12 (title)
inline constexpr uint8_t kTitle[] = {0x55, 0x04, 0x0c};
// 2.5.4.41 (name)
inline constexpr uint8_t kName[] = {0x55, 0x04, 0x29};
// 2.5.4.42 (GN)
inline constexpr uint8_t kGivenName[] = {0x55, 0x04, 0x2a};
// 2.5.4.43 (initials)
inline constexpr uint8_t kInitials[] = {0x55, 0x04, 0x2b};
// 2.5.4.44 (generationQualifier)
inline constexpr uint8_t kGenerationQualifier[] = {0x55, 0x04, 0x2c};
// 2.5.4.46 (dnQualifier)
inline constexpr uint8_t kDnQualifier[] = {0x55, 0x04, 0x2e};
// 2.5.4.65 (pseudonym)
inline constexpr uint8_t kPseudonym[] = {0x55, 0x04, 0x41};
// 1.2.840.113549.1.9.1 (emailAddress)
inline constexpr uint8_t kEmailAddress[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01};
// 0.9.2342.19200300.100.1.25 (DC)
inline constexpr uint8_t kDomainComponent[] = {0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19};
// 0.9.2342.19200300.100.1.1 (UID)
inline constexpr uint8_t kUserId[] = {0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01};
// 1.2.840.113549.1.9.7 (challengePassword)
inline constexpr uint8_t kChallengePassword[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x07};
// 1.2.840.113549.1.9.14 (extensionRequest)
inline constexpr uint8_t kExtensionRequest[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x0e};
// 2.5.29.14 (subjectKeyIdentifier)
inline constexpr uint8_t kSubjectKeyIdentifier[] = {0x55, 0x1d, 0x0e};
// 2.5.29.15 (keyUsage)
inline constexpr uint8_t kKeyUsage[] = {0x55, 0x1d, 0x0f};
// 2.5.29.17 (subjectAltName)
inline constexpr uint8_t kSubjectAltName[] = {0x55, 0x1d, 0x11};
// 2.5.29.18 (issuerAltName)
inline constexpr uint8_t kIssuerAltName[] = {0x55, 0x1d, 0x12};
// 2.5.29.19 (basicConstraints)
inline constexpr uint8_t kBasicConstraints[] = {0x55, 0x1d, 0x13};
// 2.5.29.30 (nameConstraints)
inline constexpr uint8_t kNameConstraints[] = {0x55, 0x1d, 0x1e};
// 2.5.29.31 (crlDistributionPoints)
inline constexpr uint8_t kCrlDistributionPoints[] = {0x55, 0x1d, 0x1f};
// 2.5.29.32 (certificatePolicies)
inline constexpr uint8_t kCertificatePolicies[] = {0x55, 0x1d, 0x20};
// 2.5.29.32.0 (anyPolicy)
inline constexpr uint8_t kAnyPolicy[] = {0x55, 0x1d, 0x20, 0x00};
// 2.5.29.33 (policyMappings)
inline constexpr uint8_t kPolicyMappings[] = {0x55, 0x1d, 0x21};
// 2.5.29.35 (authorityKeyIdentifier)
inline constexpr uint8_t kAuthorityKeyIdentifier[] = {0x55, 0x1d, 0x23};
// 2.5.29.36 (policyConstraints)
inline constexpr uint8_t kPolicyConstraints[] = {0x55, 0x1d, 0x24};
// 2.5.29.37 (extKeyUsage)
inline constexpr uint8_t kExtKeyUsage[] = {0x55, 0x1d, 0x25};
// 2.5.29.37.0 (anyExtendedKeyUsage)
inline constexpr uint8_t kAnyExtendedKeyUsage[] = {0x55, 0x1d, 0x25, 0x00};
// 2.5.29.54 (inhibitAnyPolicy)
inline constexpr uint8_t kInhibitAnyPolicy[] = {0x55, 0x1d, 0x36};
// 1.3.6.1.5.5.7.1.1 (authorityInfoAccess)
inline constexpr uint8_t kAuthorityInfoAccess[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01};
// 1.3.6.1.5.5.7.3.1 (serverAuth)
inline constexpr uint8_t kServerAuth[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01};
// 1.3.6.1.5.5.7.3.2 (clientAuth)
inline constexpr uint8_t kClientAuth[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02};
// 1.3.6.1.5.5.7.3.3 (codeSigning)
inline constexpr uint8_t kCodeSigning[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x03};
// 1.3.6.1.5.5.7.3.4 (emailProtection)
inline constexpr uint8_t kEmailProtection[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04};
// 1.3.6.1.5.5.7.3.8 (timeStamping)
inline constexpr uint8_t kTimeStamping[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x08};
// 1.3.6.1.5.5.7.3.9 (OCSPSigning)
inline constexpr uint8_t kOcspSigning[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x09};
// 1.3.6.1.5.5.7.48.1 (OCSP)
inline constexpr uint8_t kAdOcsp[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01};
// 1.3.6.1.5.5.7.48.2 (caIssuers)
inline constexpr uint8_t kAdCaIssuers[] = {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02};

}  // namespace oid

struct OidInfo {
  const char* name;    // short name as OpenSSL prints it ("sha256WithRSAEncryption", "CN")
  const char* dotted;  // "1.2.840.113549.1.1.11"
  ByteView der;        // contents bytes
};

inline constexpr OidInfo kOidTable[] = {
    {"rsaEncryption", "1.2.840.113549.1.1.1", ByteView(oid::kRsaEncryption, sizeof(oid::kRsaEncryption))},
    {"md5WithRSAEncryption", "1.2.840.113549.1.1.4", ByteView(oid::kMd5WithRsa, sizeof(oid::kMd5WithRsa))},
    {"sha1WithRSAEncryption", "1.2.840.113549.1.1.5", ByteView(oid::kSha1WithRsa, sizeof(oid::kSha1WithRsa))},
    {"RSAES-OAEP", "1.2.840.113549.1.1.7", ByteView(oid::kRsaesOaep, sizeof(oid::kRsaesOaep))},
    {"MGF1", "1.2.840.113549.1.1.8", ByteView(oid::kMgf1, sizeof(oid::kMgf1))},
    {"pSpecified", "1.2.840.113549.1.1.9", ByteView(oid::kPSpecified, sizeof(oid::kPSpecified))},
    {"RSASSA-PSS", "1.2.840.113549.1.1.10", ByteView(oid::kRsassaPss, sizeof(oid::kRsassaPss))},
    {"sha256WithRSAEncryption", "1.2.840.113549.1.1.11", ByteView(oid::kSha256WithRsa, sizeof(oid::kSha256WithRsa))},
    {"sha384WithRSAEncryption", "1.2.840.113549.1.1.12", ByteView(oid::kSha384WithRsa, sizeof(oid::kSha384WithRsa))},
    {"sha512WithRSAEncryption", "1.2.840.113549.1.1.13", ByteView(oid::kSha512WithRsa, sizeof(oid::kSha512WithRsa))},
    {"sha224WithRSAEncryption", "1.2.840.113549.1.1.14", ByteView(oid::kSha224WithRsa, sizeof(oid::kSha224WithRsa))},
    {"md5", "1.2.840.113549.2.5", ByteView(oid::kMd5, sizeof(oid::kMd5))},
    {"sha1", "1.3.14.3.2.26", ByteView(oid::kSha1, sizeof(oid::kSha1))},
    {"sha256", "2.16.840.1.101.3.4.2.1", ByteView(oid::kSha256, sizeof(oid::kSha256))},
    {"sha384", "2.16.840.1.101.3.4.2.2", ByteView(oid::kSha384, sizeof(oid::kSha384))},
    {"sha512", "2.16.840.1.101.3.4.2.3", ByteView(oid::kSha512, sizeof(oid::kSha512))},
    {"sha224", "2.16.840.1.101.3.4.2.4", ByteView(oid::kSha224, sizeof(oid::kSha224))},
    {"ecPublicKey", "1.2.840.10045.2.1", ByteView(oid::kEcPublicKey, sizeof(oid::kEcPublicKey))},
    {"ecdsa-with-SHA224", "1.2.840.10045.4.3.1", ByteView(oid::kEcdsaWithSha224, sizeof(oid::kEcdsaWithSha224))},
    {"ecdsa-with-SHA256", "1.2.840.10045.4.3.2", ByteView(oid::kEcdsaWithSha256, sizeof(oid::kEcdsaWithSha256))},
    {"ecdsa-with-SHA384", "1.2.840.10045.4.3.3", ByteView(oid::kEcdsaWithSha384, sizeof(oid::kEcdsaWithSha384))},
    {"ecdsa-with-SHA512", "1.2.840.10045.4.3.4", ByteView(oid::kEcdsaWithSha512, sizeof(oid::kEcdsaWithSha512))},
    {"X25519", "1.3.101.110", ByteView(oid::kX25519, sizeof(oid::kX25519))},
    {"prime256v1", "1.2.840.10045.3.1.7", ByteView(oid::kPrime256v1, sizeof(oid::kPrime256v1))},
    {"secp384r1", "1.3.132.0.34", ByteView(oid::kSecp384r1, sizeof(oid::kSecp384r1))},
    {"CN", "2.5.4.3", ByteView(oid::kCommonName, sizeof(oid::kCommonName))},
    {"SN", "2.5.4.4", ByteView(oid::kSurname, sizeof(oid::kSurname))},
    {"serialNumber", "2.5.4.5", ByteView(oid::kSerialNumber, sizeof(oid::kSerialNumber))},
    {"C", "2.5.4.6", ByteView(oid::kCountryName, sizeof(oid::kCountryName))},
    {"L", "2.5.4.7", ByteView(oid::kLocalityName, sizeof(oid::kLocalityName))},
    {"ST", "2.5.4.8", ByteView(oid::kStateOrProvinceName, sizeof(oid::kStateOrProvinceName))},
    {"street", "2.5.4.9", ByteView(oid::kStreetAddress, sizeof(oid::kStreetAddress))},
    {"O", "2.5.4.10", ByteView(oid::kOrganizationName, sizeof(oid::kOrganizationName))},
    {"OU", "2.5.4.11", ByteView(oid::kOrganizationalUnitName, sizeof(oid::kOrganizationalUnitName))},
    {"title", "2.5.4.12", ByteView(oid::kTitle, sizeof(oid::kTitle))},
    {"name", "2.5.4.41", ByteView(oid::kName, sizeof(oid::kName))},
    {"GN", "2.5.4.42", ByteView(oid::kGivenName, sizeof(oid::kGivenName))},
    {"initials", "2.5.4.43", ByteView(oid::kInitials, sizeof(oid::kInitials))},
    {"generationQualifier", "2.5.4.44", ByteView(oid::kGenerationQualifier, sizeof(oid::kGenerationQualifier))},
    {"dnQualifier", "2.5.4.46", ByteView(oid::kDnQualifier, sizeof(oid::kDnQualifier))},
    {"pseudonym", "2.5.4.65", ByteView(oid::kPseudonym, sizeof(oid::kPseudonym))},
    {"emailAddress", "1.2.840.113549.1.9.1", ByteView(oid::kEmailAddress, sizeof(oid::kEmailAddress))},
    {"DC", "0.9.2342.19200300.100.1.25", ByteView(oid::kDomainComponent, sizeof(oid::kDomainComponent))},
    {"UID", "0.9.2342.19200300.100.1.1", ByteView(oid::kUserId, sizeof(oid::kUserId))},
    {"challengePassword", "1.2.840.113549.1.9.7", ByteView(oid::kChallengePassword, sizeof(oid::kChallengePassword))},
    {"extensionRequest", "1.2.840.113549.1.9.14", ByteView(oid::kExtensionRequest, sizeof(oid::kExtensionRequest))},
    {"subjectKeyIdentifier", "2.5.29.14", ByteView(oid::kSubjectKeyIdentifier, sizeof(oid::kSubjectKeyIdentifier))},
    {"keyUsage", "2.5.29.15", ByteView(oid::kKeyUsage, sizeof(oid::kKeyUsage))},
    {"subjectAltName", "2.5.29.17", ByteView(oid::kSubjectAltName, sizeof(oid::kSubjectAltName))},
    {"issuerAltName", "2.5.29.18", ByteView(oid::kIssuerAltName, sizeof(oid::kIssuerAltName))},
    {"basicConstraints", "2.5.29.19", ByteView(oid::kBasicConstraints, sizeof(oid::kBasicConstraints))},
    {"nameConstraints", "2.5.29.30", ByteView(oid::kNameConstraints, sizeof(oid::kNameConstraints))},
    {"crlDistributionPoints", "2.5.29.31", ByteView(oid::kCrlDistributionPoints, sizeof(oid::kCrlDistributionPoints))},
    {"certificatePolicies", "2.5.29.32", ByteView(oid::kCertificatePolicies, sizeof(oid::kCertificatePolicies))},
    {"anyPolicy", "2.5.29.32.0", ByteView(oid::kAnyPolicy, sizeof(oid::kAnyPolicy))},
    {"policyMappings", "2.5.29.33", ByteView(oid::kPolicyMappings, sizeof(oid::kPolicyMappings))},
    {"authorityKeyIdentifier", "2.5.29.35", ByteView(oid::kAuthorityKeyIdentifier, sizeof(oid::kAuthorityKeyIdentifier))},
    {"policyConstraints", "2.5.29.36", ByteView(oid::kPolicyConstraints, sizeof(oid::kPolicyConstraints))},
    {"extKeyUsage", "2.5.29.37", ByteView(oid::kExtKeyUsage, sizeof(oid::kExtKeyUsage))},
    {"anyExtendedKeyUsage", "2.5.29.37.0", ByteView(oid::kAnyExtendedKeyUsage, sizeof(oid::kAnyExtendedKeyUsage))},
    {"inhibitAnyPolicy", "2.5.29.54", ByteView(oid::kInhibitAnyPolicy, sizeof(oid::kInhibitAnyPolicy))},
    {"authorityInfoAccess", "1.3.6.1.5.5.7.1.1", ByteView(oid::kAuthorityInfoAccess, sizeof(oid::kAuthorityInfoAccess))},
    {"serverAuth", "1.3.6.1.5.5.7.3.1", ByteView(oid::kServerAuth, sizeof(oid::kServerAuth))},
    {"clientAuth", "1.3.6.1.5.5.7.3.2", ByteView(oid::kClientAuth, sizeof(oid::kClientAuth))},
    {"codeSigning", "1.3.6.1.5.5.7.3.3", ByteView(oid::kCodeSigning, sizeof(oid::kCodeSigning))},
    {"emailProtection", "1.3.6.1.5.5.7.3.4", ByteView(oid::kEmailProtection, sizeof(oid::kEmailProtection))},
    {"timeStamping", "1.3.6.1.5.5.7.3.8", ByteView(oid::kTimeStamping, sizeof(oid::kTimeStamping))},
    {"OCSPSigning", "1.3.6.1.5.5.7.3.9", ByteView(oid::kOcspSigning, sizeof(oid::kOcspSigning))},
    {"OCSP", "1.3.6.1.5.5.7.48.1", ByteView(oid::kAdOcsp, sizeof(oid::kAdOcsp))},
    {"caIssuers", "1.3.6.1.5.5.7.48.2", ByteView(oid::kAdCaIssuers, sizeof(oid::kAdCaIssuers))},
};
inline constexpr size_t kOidTableSize = sizeof(kOidTable) / sizeof(kOidTable[0]);

// The table entry whose bytes equal contents, or nullptr.
const OidInfo* oid_lookup(ByteView contents) noexcept;

}  // namespace asn1
}  // namespace petrel

#endif  // PETREL_CRYPTO_ASN1_OID_H
