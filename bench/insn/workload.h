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
 * C and C++ compatible; everything is static. */
#ifndef PETREL_BENCH_INSN_WORKLOAD_H
#define PETREL_BENCH_INSN_WORKLOAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WL_CHUNK 4096u
#define WL_EXIT_OK 0
#define WL_EXIT_FAIL 1
#define WL_EXIT_USAGE 2
#define WL_EXIT_UNAVAILABLE 3

static uint8_t wl_in[WL_CHUNK];
static uint8_t wl_out[WL_CHUNK + 16];
static uint8_t wl_key[32];
static uint8_t wl_iv[16];

/* Fills the shared input, key and IV with fixed patterns. */
static void wl_init(void)
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
static void wl_record_nonce(uint8_t nonce[12], uint64_t seq)
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
static void wl_record_aad(uint8_t aad[13], uint64_t seq, size_t len)
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
static const uint8_t wl_x25519_point[32] = {9};

/* The fixed message digest signed by rsa2048-sign: SHA-256("petrel"). */
static const uint8_t wl_rsa_digest[32] = {
    0x38, 0x01, 0xc0, 0x8b, 0x00, 0x02, 0x7f, 0x37, 0xfa, 0x51, 0xf0, 0xf4, 0xbe, 0xc7, 0xcf, 0x0b,
    0x86, 0xd7, 0x5a, 0x12, 0xa2, 0xfd, 0x0b, 0xd0, 0xaf, 0xb7, 0xaf, 0xd3, 0xbd, 0xc6, 0xe3, 0x1c,
};

static size_t wl_chunk(size_t remaining)
{
    return remaining < WL_CHUNK ? remaining : WL_CHUNK;
}

/* Parses "ALG N" from argv[1..2]; returns 0 on success. */
static int wl_parse_args(int argc, char **argv, const char **alg, size_t *n)
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

static void wl_print_result(const char *alg, size_t n, const uint8_t *p, size_t len)
{
    size_t i;
    printf("%s %zu ", alg, n);
    for (i = 0; i < len; i++) {
        printf("%02x", p[i]);
    }
    printf("\n");
}

static int wl_usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s ALG N\n"
            "  ALG: aes-128-cbc aes-256-cbc aes-256-ctr aes-256-gcm sha1 sha256 sha512 md5\n"
            "       hmac-sha256 rc4 chacha20 poly1305 chacha20-poly1305 (N bytes)\n"
            "       | rsa2048-sign rsa2048-verify x25519 (N operations)\n"
            "       | tls-full tls-resumed tls-full-ecdhe (N handshakes; PETREL_TLS_PORT, PETREL_TLS_DIR)\n",
            prog);
    return WL_EXIT_USAGE;
}

#endif /* PETREL_BENCH_INSN_WORKLOAD_H */
