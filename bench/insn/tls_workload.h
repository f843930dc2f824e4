/* The TLS workloads shared by the three instruction-count drivers, beside workload.h:
 *
 *   tls-full N     N full TLS 1.2 handshakes, each on a new TCP connection: cipher suite
 *                  TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c), the server's RSA-2048 chain
 *                  verified against the test CA with the host name "localhost", and a
 *                  client certificate with its RSA-2048 key (CertificateVerify, PKCS#1 v1.5
 *                  SHA-256 as the server's CertificateRequest allows); then close_notify and
 *                  the socket is closed (the server's close_notify is not waited for)
 *   tls-resumed N  one full handshake as above to get a session (it cancels out of
 *                  I(2N) - I(N)), then N abbreviated handshakes resuming it by session ID
 *                  (the server runs with -no_ticket), each on a new connection, then close
 *   tls-full-ecdhe N  as tls-full, but with TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (0xc02f)
 *                  over X25519: the client offers that one suite and the one group X25519,
 *                  checks the server's RSA signature of its ServerKeyExchange, makes an
 *                  X25519 key pair and the shared secret (two scalar multiplications), and
 *                  still signs its CertificateVerify (one RSA-2048 private operation)
 *   tls-full-ecdsa N  ECDHE-ECDSA mutual authentication with no RSA at all:
 *                  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (0xc02b) over secp256r1 (P-256),
 *                  the all-P-256 test PKI (ca-ec, server-ec, client-ec: ecdsa-with-SHA256
 *                  certificates): the client verifies the server's chain (one ECDSA verify)
 *                  and its ServerKeyExchange signature (another), makes a P-256 key pair and
 *                  the shared secret, and signs its CertificateVerify with its P-256 key
 *                  (one ECDSA signature, ecdsa_secp256r1_sha256)
 *
 * The peer is a native `openssl s_server -tls1_2 -Verify 1 -no_ticket
 * -cipher AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256 -groups X25519`
 * on 127.0.0.1, and for tls-full-ecdsa a second one, `openssl s_server -tls1_2 -Verify 1
 * -no_ticket -cipher ECDHE-ECDSA-AES128-GCM-SHA256 -groups P-256` with server-ec.pem
 * (scripts/lib/insn-tls.sh starts both; a server of P-256 only, since Petrel's client offers
 * X25519 first and has no group setting); the guest reaches them through qemu-user's
 * system calls. The driver learns the ports from PETREL_TLS_PORT and PETREL_TLS_PORT_ECDSA and
 * the folder of the test material (bench/insn/tls/: ca.pem ca.der client.pem client.der
 * client.key, and the -ec files) from PETREL_TLS_DIR (default bench/insn/tls). Loading keys and certificates and setting up the
 * library's context is done once and cancels out; each handshake is the per-connection work
 * a phone does: a fresh connection object, the handshake, close.
 *
 * Each driver checks what it measured: every handshake completed with TLS 1.2 and the
 * workload's suite (0x009c, 0xc02f over X25519 for tls-full-ecdhe, 0xc02b over P-256 for
 * tls-full-ecdsa),
 * the full ones sent the client certificate, the resumed ones really were resumed (Petrel
 * Client::resumed(), OpenSSL SSL_session_reused(), mbedTLS the handshake's resume flag), and
 * exits 1 otherwise. The result line is "ALG N VVVVSSSSRR": version, suite, and 01 if the
 * handshakes were resumed.
 *
 * The server's randomness (its random, session ID, RSA blinding) changes from run to run and
 * OpenSSL's client blinds with fresh randomness, so counts vary slightly: measure with
 * scripts/insn-count --repeat 3 --tolerance 5. */
#ifndef PETREL_BENCH_INSN_TLS_WORKLOAD_H
#define PETREL_BENCH_INSN_TLS_WORKLOAD_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef WL_STATIC  /* as workload.h defines it */
#if defined(__GNUC__)
#define WL_STATIC static __attribute__((unused))
#else
#define WL_STATIC static
#endif
#endif

#define WL_TLS_VERSION 0x0303u /* TLS 1.2 */
#define WL_TLS_SUITE 0x009cu   /* TLS_RSA_WITH_AES_128_GCM_SHA256 */
#define WL_TLS_SUITE_ECDHE 0xc02fu /* TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (over X25519) */
#define WL_TLS_SUITE_ECDSA 0xc02bu /* TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (over P-256) */
#define WL_TLS_HOST "localhost"

/* 1 for tls-full, 2 for tls-resumed, 3 for tls-full-ecdhe, 4 for tls-full-ecdsa, 0 otherwise. */
#define WL_TLS_FULL 1
#define WL_TLS_RESUMED 2
#define WL_TLS_FULL_ECDHE 3
#define WL_TLS_FULL_ECDSA 4
WL_STATIC int wl_tls_workload(const char *alg)
{
    if (strcmp(alg, "tls-full") == 0) {
        return WL_TLS_FULL;
    }
    if (strcmp(alg, "tls-resumed") == 0) {
        return WL_TLS_RESUMED;
    }
    if (strcmp(alg, "tls-full-ecdhe") == 0) {
        return WL_TLS_FULL_ECDHE;
    }
    if (strcmp(alg, "tls-full-ecdsa") == 0) {
        return WL_TLS_FULL_ECDSA;
    }
    return 0;
}

/* The one suite the client offers for a workload of wl_tls_workload(). */
WL_STATIC unsigned wl_tls_suite(int workload)
{
    if (workload == WL_TLS_FULL_ECDSA) {
        return WL_TLS_SUITE_ECDSA;
    }
    return workload == WL_TLS_FULL_ECDHE ? WL_TLS_SUITE_ECDHE : WL_TLS_SUITE;
}

/* The test file of a workload: "ca", "client" with ".pem", ".der" or ".key"; the -ec one
 * (ca-ec.pem, ...) for tls-full-ecdsa. Returns a static string. */
WL_STATIC const char *wl_tls_file(int workload, const char *stem, const char *ext)
{
    static char name[64];
    snprintf(name, sizeof name, "%s%s%s", stem, workload == WL_TLS_FULL_ECDSA ? "-ec" : "", ext);
    return name;
}

/* The path of a test file (PETREL_TLS_DIR/name) in out; 0 on success. */
WL_STATIC int wl_tls_path(char *out, size_t out_len, const char *name)
{
    const char *dir = getenv("PETREL_TLS_DIR");
    int n;
    if (dir == NULL || dir[0] == '\0') {
        dir = "bench/insn/tls";
    }
    n = snprintf(out, out_len, "%s/%s", dir, name);
    return n > 0 && (size_t)n < out_len ? 0 : -1;
}

/* A TCP connection to the workload's server on 127.0.0.1:$PETREL_TLS_PORT (tls-full-ecdsa:
 * $PETREL_TLS_PORT_ECDSA); the socket, or -1. */
WL_STATIC int wl_tls_connect(int workload)
{
    const char *var = workload == WL_TLS_FULL_ECDSA ? "PETREL_TLS_PORT_ECDSA" : "PETREL_TLS_PORT";
    const char *p = getenv(var);
    char *end = NULL;
    long port = p != NULL ? strtol(p, &end, 10) : 0;
    struct sockaddr_in a;
    int fd;
    if (p == NULL || end == p || *end != '\0' || port <= 0 || port > 65535) {
        fprintf(stderr, "%s is not set to a port\n", var);
        return -1;
    }
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        perror("socket");
        return -1;
    }
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(0x7f000001u);
    if (connect(fd, (const struct sockaddr *)&a, sizeof a) != 0) {
        perror("connect");
        close(fd);
        return -1;
    }
    return fd;
}

WL_STATIC void wl_tls_print_result(const char *alg, size_t n, unsigned version, unsigned suite,
                                int resumed)
{
    uint8_t r[5];
    r[0] = (uint8_t)(version >> 8);
    r[1] = (uint8_t)version;
    r[2] = (uint8_t)(suite >> 8);
    r[3] = (uint8_t)suite;
    r[4] = (uint8_t)(resumed ? 1 : 0);
    wl_print_result(alg, n, r, sizeof r);
}

#endif /* PETREL_BENCH_INSN_TLS_WORKLOAD_H */
