/* The workloads shared by the three instruction-count drivers (openssl_driver.c,
 * mbedtls_driver.c, petrel_driver.cpp), so that they do exactly the same work on the same data:
 *
 *   <driver> ALG N
 *
 *   aes-128-cbc, aes-256-cbc  encrypt N bytes (N a multiple of 16), no padding, IV chained
 *   aes-256-ctr               encrypt N bytes, 128-bit big-endian counter
 *   aes-256-gcm               seal N bytes as TLS-like records of kChunk bytes: each record has a
 *                             12-byte nonce (4 fixed bytes + 8-byte sequence number), 13 bytes of
 *                             AAD and a 16-byte tag
 *   sha1 sha256 sha512 md5    hash N bytes as one message
 *   hmac-sha256               MAC N bytes as records of kChunk bytes, 13-byte header + record,
 *                             one HMAC per record with a key set up once (32-byte key)
 *   rc4                       encrypt N bytes (16-byte key)
 *   chacha20                  encrypt N bytes (RFC 8439: key wl_key, nonce wl_iv[0..11], counter 0)
 *   poly1305                  MAC N bytes as one message (one-time key wl_key)
 *   chacha20-poly1305         seal N bytes as TLS-like records, exactly as aes-256-gcm
 *   x25519                    N X25519 scalar multiplications of the same fixed point by the
 *                             same fixed scalar: X25519(wl_key, 9), as a key exchange does
 *                             with a peer's share (a general-point ladder; no library has a
 *                             fast path for u = 9 on this API); the 32-byte result printed
 *   ecdhp256                  N P-256 ECDH shared secrets (the x coordinate) of the fixed private
 *                             key wl_key (bytes 00..1f) and the fixed peer point wl_p256_peer (the
 *                             RFC 6979 A.2.5 public key); the 32-byte secret printed
 *   ecdsap256-sign            N P-256 ECDSA signatures of wl_rsa_digest with the private key
 *                             wl_key (each library's own nonce: RFC 6979 in Petrel and mbedTLS,
 *                             random in OpenSSL); the last one is verified once against
 *                             wl_p256_pub (wl_key's public key, from `openssl ec`), which is
 *                             printed (first 16 bytes) when it verifies
 *   ecdsap256-verify          N verifications of the RFC 6979 A.2.5 SHA-256 "sample" signature
 *                             wl_p256_sig by wl_p256_peer; r's first 16 bytes printed
 *   rsa2048-sign              N PKCS#1 v1.5 SHA-256 signatures of a fixed digest
 *   rsa2048-verify            N verifications of that signature
 *   tls-full, tls-resumed     N TLS 1.2 handshakes against a local openssl s_server, full or
 *                             resumed (tls_workload.h says what exactly)
 *
 * Bulk data goes through the library in calls of kChunk bytes (the last call may be shorter),
 * always from the same input buffer to a separate output buffer. Set-up (keys, contexts) is
 * done once and cancels out of I(2N) - I(N). Each driver prints "ALG N RESULT", RESULT being a
 * hex digest of the final state (last ciphertext block, last tag, the digest, the last
 * signature's first bytes), so that the drivers can be checked against one another.
 * Exit status: 0 ok, 1 the library reported an error or a result was wrong, 2 usage,
 * 3 the algorithm is not available in this library (the table shows "n/a").
 *
 * C and C++ compatible; everything is static (WL_STATIC: static, and no warning where a
 * translation unit leaves some of it unused, as each workload file of the Petrel driver does).
 * The buffers are per translation unit: a file that reads wl_in, wl_key or wl_iv calls wl_init()
 * itself (petrel_driver_*.cpp: at the start of each workload, once per run). */
#ifndef PETREL_BENCH_INSN_WORKLOAD_H
#define PETREL_BENCH_INSN_WORKLOAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define WL_STATIC static __attribute__((unused))
#else
#define WL_STATIC static
#endif

#define WL_CHUNK 4096u
#define WL_EXIT_OK 0
#define WL_EXIT_FAIL 1
#define WL_EXIT_USAGE 2
#define WL_EXIT_UNAVAILABLE 3

WL_STATIC uint8_t wl_in[WL_CHUNK];
WL_STATIC uint8_t wl_out[WL_CHUNK + 16];
WL_STATIC uint8_t wl_key[32];
WL_STATIC uint8_t wl_iv[16];

/* Fills the shared input, key and IV with fixed patterns. */
WL_STATIC void wl_init(void)
{
    size_t i;
    for (i = 0; i < WL_CHUNK; i++) {
        wl_in[i] = (uint8_t)(i * 31u + 7u);
    }
    for (i = 0; i < sizeof wl_key; i++) {
        wl_key[i] = (uint8_t)i;
    }
    for (i = 0; i < sizeof wl_iv; i++) {
        wl_iv[i] = (uint8_t)(0xa0u + i);
    }
}

/* GCM nonce and AAD of record number seq (TLS 1.2 style: seq || type || version || length). */
WL_STATIC void wl_record_nonce(uint8_t nonce[12], uint64_t seq)
{
    int i;
    nonce[0] = 0x01;
    nonce[1] = 0x02;
    nonce[2] = 0x03;
    nonce[3] = 0x04;
    for (i = 0; i < 8; i++) {
        nonce[4 + i] = (uint8_t)(seq >> (56 - 8 * i));
    }
}
WL_STATIC void wl_record_aad(uint8_t aad[13], uint64_t seq, size_t len)
{
    int i;
    for (i = 0; i < 8; i++) {
        aad[i] = (uint8_t)(seq >> (56 - 8 * i));
    }
    aad[8] = 23;
    aad[9] = 3;
    aad[10] = 3;
    aad[11] = (uint8_t)(len >> 8);
    aad[12] = (uint8_t)len;
}

/* The X25519 workload's peer point: u = 9 (little-endian). */
WL_STATIC const uint8_t wl_x25519_point[32] = {9};

/* P-256 workloads. wl_p256_peer: RFC 6979 A.2.5's public key U; wl_p256_sample: SHA-256("sample");
 * wl_p256_sig: the RFC's signature (r, s) of it, as DER; wl_p256_pub: the public key of the
 * private key wl_key (00 01 .. 1f), printed by `openssl ec -pubout` from that key. */
WL_STATIC const uint8_t wl_p256_peer[65] = {
    0x04, 0x60, 0xfe, 0xd4, 0xba, 0x25, 0x5a, 0x9d, 0x31, 0xc9, 0x61, 0xeb, 0x74, 0xc6, 0x35, 0x6d,
    0x68, 0xc0, 0x49, 0xb8, 0x92, 0x3b, 0x61, 0xfa, 0x6c, 0xe6, 0x69, 0x62, 0x2e, 0x60, 0xf2, 0x9f,
    0xb6, 0x79, 0x03, 0xfe, 0x10, 0x08, 0xb8, 0xbc, 0x99, 0xa4, 0x1a, 0xe9, 0xe9, 0x56, 0x28, 0xbc,
    0x64, 0xf2, 0xf1, 0xb2, 0x0c, 0x2d, 0x7e, 0x9f, 0x51, 0x77, 0xa3, 0xc2, 0x94, 0xd4, 0x46, 0x22,
    0x99,
};
WL_STATIC const uint8_t wl_p256_sample[32] = {
    0xaf, 0x2b, 0xdb, 0xe1, 0xaa, 0x9b, 0x6e, 0xc1, 0xe2, 0xad, 0xe1, 0xd6, 0x94, 0xf4, 0x1f, 0xc7,
    0x1a, 0x83, 0x1d, 0x02, 0x68, 0xe9, 0x89, 0x15, 0x62, 0x11, 0x3d, 0x8a, 0x62, 0xad, 0xd1, 0xbf,
};
WL_STATIC const uint8_t wl_p256_sig[72] = {
    0x30, 0x46, 0x02, 0x21, 0x00, 0xef, 0xd4, 0x8b, 0x2a, 0xac, 0xb6, 0xa8, 0xfd, 0x11, 0x40, 0xdd,
    0x9c, 0xd4, 0x5e, 0x81, 0xd6, 0x9d, 0x2c, 0x87, 0x7b, 0x56, 0xaa, 0xf9, 0x91, 0xc3, 0x4d, 0x0e,
    0xa8, 0x4e, 0xaf, 0x37, 0x16, 0x02, 0x21, 0x00, 0xf7, 0xcb, 0x1c, 0x94, 0x2d, 0x65, 0x7c, 0x41,
    0xd4, 0x36, 0xc7, 0xa1, 0xb6, 0xe2, 0x9f, 0x65, 0xf3, 0xe9, 0x00, 0xdb, 0xb9, 0xaf, 0xf4, 0x06,
    0x4d, 0xc4, 0xab, 0x2f, 0x84, 0x3a, 0xcd, 0xa8,
};
WL_STATIC const uint8_t wl_p256_pub[65] = {
    0x04, 0x7a, 0x59, 0x31, 0x80, 0x86, 0x0c, 0x40, 0x37, 0xc8, 0x3c, 0x12, 0x74, 0x98, 0x45, 0xc8,
    0xee, 0x14, 0x24, 0xdd, 0x29, 0x7f, 0xad, 0xcb, 0x89, 0x5e, 0x35, 0x82, 0x55, 0xd2, 0xc7, 0xd2,
    0xb2, 0xa8, 0xca, 0x25, 0x58, 0x0f, 0x26, 0x26, 0xfe, 0x57, 0x90, 0x62, 0xff, 0x1b, 0x99, 0xff,
    0x91, 0xc2, 0x4a, 0x0d, 0xa0, 0x6f, 0xb3, 0x2b, 0x5b, 0xe2, 0x01, 0x48, 0xc9, 0x24, 0x9f, 0x56,
    0x50,
};

/* The fixed message digest signed by rsa2048-sign: SHA-256("petrel"). */
WL_STATIC const uint8_t wl_rsa_digest[32] = {
    0x38, 0x01, 0xc0, 0x8b, 0x00, 0x02, 0x7f, 0x37, 0xfa, 0x51, 0xf0, 0xf4, 0xbe, 0xc7, 0xcf, 0x0b,
    0x86, 0xd7, 0x5a, 0x12, 0xa2, 0xfd, 0x0b, 0xd0, 0xaf, 0xb7, 0xaf, 0xd3, 0xbd, 0xc6, 0xe3, 0x1c,
};

WL_STATIC size_t wl_chunk(size_t remaining)
{
    return remaining < WL_CHUNK ? remaining : WL_CHUNK;
}

/* Parses "ALG N" from argv[1..2]; returns 0 on success. */
WL_STATIC int wl_parse_args(int argc, char **argv, const char **alg, size_t *n)
{
    char *end = NULL;
    unsigned long long v;
    if (argc != 3) {
        return -1;
    }
    *alg = argv[1];
    v = strtoull(argv[2], &end, 10);
    if (end == argv[2] || *end != '\0' || v > (size_t)-1) {
        return -1;
    }
    *n = (size_t)v;
    return 0;
}

WL_STATIC void wl_print_result(const char *alg, size_t n, const uint8_t *p, size_t len)
{
    size_t i;
    printf("%s %zu ", alg, n);
    for (i = 0; i < len; i++) {
        printf("%02x", p[i]);
    }
    printf("\n");
}

WL_STATIC int wl_usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s ALG N\n"
            "  ALG: aes-128-cbc aes-256-cbc aes-256-ctr aes-256-gcm sha1 sha256 sha512 md5\n"
            "       hmac-sha256 rc4 chacha20 poly1305 chacha20-poly1305 (N bytes)\n"
            "       | rsa2048-sign rsa2048-verify x25519 ecdhp256 ecdsap256-sign ecdsap256-verify\n"
            "         (N operations)\n"
            "       | tls-full tls-resumed tls-full-ecdhe (N handshakes; PETREL_TLS_PORT, PETREL_TLS_DIR)\n",
            prog);
    return WL_EXIT_USAGE;
}

#endif /* PETREL_BENCH_INSN_WORKLOAD_H */
