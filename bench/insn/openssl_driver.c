/* Instruction-count driver for OpenSSL's libcrypto and libssl (Debian bookworm's libssl-dev,
 * statically linked for the cross target): the workloads of workload.h through the EVP API
 * (EVP_CIPHER_CTX, EVP_MD_CTX, EVP_MAC "HMAC", EVP_PKEY_sign/verify), and those of
 * tls_workload.h through libssl's client (one SSL_CTX, an SSL per connection, SSL_connect).
 *
 * OpenSSL picks its assembly paths at run time (on ARM from AT_HWCAP: NEON on Cortex-A7, none
 * on ARM926); set OPENSSL_armcap=0 in the environment to force the plain ARMv4 code. With
 * PETREL_INSN_VERBOSE=1 the driver prints the capability word it ran with to stderr. */
#define _POSIX_C_SOURCE 200809L /* sockets (tls_workload.h) under -std=c11 */

#include <signal.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>

#include "rsa2048_test_key.h"
#include "workload.h"
#include "tls_workload.h"

#if defined(__arm__)
/* libcrypto's capability word (crypto/arm_arch.h), set by OPENSSL_cpuid_setup(). Weak: a
 * shared libcrypto does not export it. */
extern unsigned int OPENSSL_armcap_P __attribute__((weak));
#endif

static int fail(const char *what)
{
    fprintf(stderr, "openssl_driver: %s failed\n", what);
    ERR_print_errors_fp(stderr);
    return WL_EXIT_FAIL;
}

static int run_cipher(const char *alg, const EVP_CIPHER *cipher, size_t n)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    size_t done = 0;
    int outl = 0;
    if (ctx == NULL || !EVP_EncryptInit_ex(ctx, cipher, NULL, wl_key, wl_iv) ||
        !EVP_CIPHER_CTX_set_padding(ctx, 0)) {
        return fail("cipher init");
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        if (!EVP_EncryptUpdate(ctx, wl_out, &outl, wl_in, (int)len) || (size_t)outl != len) {
            return fail("EVP_EncryptUpdate");
        }
        done += len;
    }
    wl_print_result(alg, n, wl_out + (outl >= 16 ? outl - 16 : 0), outl >= 16 ? 16 : (size_t)outl);
    EVP_CIPHER_CTX_free(ctx);
    return WL_EXIT_OK;
}

static int run_gcm(const char *alg, size_t n)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    uint8_t nonce[12];
    uint8_t aad[13];
    uint8_t tag[16] = {0};
    uint64_t seq = 0;
    size_t done = 0;
    int outl = 0;
    if (ctx == NULL || !EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, wl_key, NULL)) {
        return fail("gcm init");
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        wl_record_nonce(nonce, seq);
        wl_record_aad(aad, seq, len);
        if (!EVP_EncryptInit_ex(ctx, NULL, NULL, NULL, nonce) ||
            !EVP_EncryptUpdate(ctx, NULL, &outl, aad, (int)sizeof aad) ||
            !EVP_EncryptUpdate(ctx, wl_out, &outl, wl_in, (int)len) ||
            !EVP_EncryptFinal_ex(ctx, wl_out + outl, &outl) ||
            !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, (int)sizeof tag, tag)) {
            return fail("gcm seal");
        }
        done += len;
        seq++;
    }
    wl_print_result(alg, n, tag, sizeof tag);
    EVP_CIPHER_CTX_free(ctx);
    return WL_EXIT_OK;
}

/* As run_gcm, with EVP_chacha20_poly1305 (the ChaCha20 and Poly1305 assembly of OpenSSL:
 * ARMv4 and NEON on ARM; C on MIPS). */
static int run_chacha20_poly1305(const char *alg, size_t n)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    uint8_t nonce[12];
    uint8_t aad[13];
    uint8_t tag[16] = {0};
    uint64_t seq = 0;
    size_t done = 0;
    int outl = 0;
    if (ctx == NULL || !EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), NULL, wl_key, NULL)) {
        return fail("chacha20-poly1305 init");
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        wl_record_nonce(nonce, seq);
        wl_record_aad(aad, seq, len);
        if (!EVP_EncryptInit_ex(ctx, NULL, NULL, NULL, nonce) ||
            !EVP_EncryptUpdate(ctx, NULL, &outl, aad, (int)sizeof aad) ||
            !EVP_EncryptUpdate(ctx, wl_out, &outl, wl_in, (int)len) ||
            !EVP_EncryptFinal_ex(ctx, wl_out + outl, &outl) ||
            !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, (int)sizeof tag, tag)) {
            return fail("chacha20-poly1305 seal");
        }
        done += len;
        seq++;
    }
    wl_print_result(alg, n, tag, sizeof tag);
    EVP_CIPHER_CTX_free(ctx);
    return WL_EXIT_OK;
}

/* N X25519 derivations with one EVP_PKEY_CTX: our key from the raw bytes wl_key, the peer's
 * from the raw point u = 9, both made once (set-up). */
static int run_x25519(const char *alg, size_t n)
{
    EVP_PKEY *priv = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, wl_key, sizeof wl_key);
    EVP_PKEY *peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, wl_x25519_point,
                                                 sizeof wl_x25519_point);
    EVP_PKEY_CTX *ctx = priv != NULL ? EVP_PKEY_CTX_new(priv, NULL) : NULL;
    uint8_t shared[32] = {0};
    size_t len = 0;
    size_t i;
    if (peer == NULL || ctx == NULL || EVP_PKEY_derive_init(ctx) <= 0 ||
        EVP_PKEY_derive_set_peer(ctx, peer) <= 0) {
        return fail("x25519 set-up");
    }
    for (i = 0; i < n; i++) {
        len = sizeof shared;
        if (EVP_PKEY_derive(ctx, shared, &len) <= 0 || len != sizeof shared) {
            return fail("EVP_PKEY_derive");
        }
    }
    wl_print_result(alg, n, shared, sizeof shared);
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(peer);
    EVP_PKEY_free(priv);
    return WL_EXIT_OK;
}

/* P-256: the key pairs from DER (an ECPrivateKey without the public key, which d2i computes
 * once; a SubjectPublicKeyInfo), made in set-up. ECDH: EVP_PKEY_derive; signing:
 * EVP_PKEY_sign of the raw digest (OpenSSL's random nonce); verification: EVP_PKEY_verify. */
static EVP_PKEY *p256_public(const uint8_t point[65])
{
    static const uint8_t prefix[26] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48,
                                       0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                       0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};
    uint8_t der[26 + 65];
    const unsigned char *p = der;
    memcpy(der, prefix, sizeof prefix);
    memcpy(der + sizeof prefix, point, 65);
    return d2i_PUBKEY(NULL, &p, sizeof der);
}

static int run_p256(const char *alg, int what, size_t n)
{
    static const uint8_t prefix[7] = {0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20};
    static const uint8_t suffix[12] = {0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86,
                                       0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
    uint8_t der[7 + 32 + 12];
    const unsigned char *p = der;
    EVP_PKEY *priv;
    EVP_PKEY *peer = p256_public(wl_p256_peer);
    EVP_PKEY_CTX *ctx;
    uint8_t out[80] = {0};
    size_t len = 0;
    size_t i;
    memcpy(der, prefix, sizeof prefix);
    memcpy(der + 7, wl_key, 32);
    memcpy(der + 39, suffix, sizeof suffix);
    priv = d2i_PrivateKey(EVP_PKEY_EC, NULL, &p, sizeof der);
    if (priv == NULL || peer == NULL) {
        return fail("p256 keys");
    }
    ctx = EVP_PKEY_CTX_new(what == 2 ? peer : priv, NULL);
    if (ctx == NULL ||
        (what == 0 && (EVP_PKEY_derive_init(ctx) <= 0 || EVP_PKEY_derive_set_peer(ctx, peer) <= 0)) ||
        (what == 1 && EVP_PKEY_sign_init(ctx) <= 0) ||
        (what == 2 && EVP_PKEY_verify_init(ctx) <= 0)) {
        return fail("p256 set-up");
    }
    for (i = 0; i < n; i++) {
        len = sizeof out;
        if (what == 0) {
            if (EVP_PKEY_derive(ctx, out, &len) <= 0 || len != 32) {
                return fail("EVP_PKEY_derive");
            }
        } else if (what == 1) {
            if (EVP_PKEY_sign(ctx, out, &len, wl_rsa_digest, sizeof wl_rsa_digest) <= 0) {
                return fail("EVP_PKEY_sign");
            }
        } else if (EVP_PKEY_verify(ctx, wl_p256_sig, sizeof wl_p256_sig, wl_p256_sample,
                                   sizeof wl_p256_sample) != 1) {
            return fail("EVP_PKEY_verify");
        }
    }
    if (what == 0) {
        wl_print_result(alg, n, out, 32);
    } else if (what == 1) {
        EVP_PKEY *pub = p256_public(wl_p256_pub);
        EVP_PKEY_CTX *vctx = pub != NULL ? EVP_PKEY_CTX_new(pub, NULL) : NULL;
        if (vctx == NULL || EVP_PKEY_verify_init(vctx) <= 0 ||
            EVP_PKEY_verify(vctx, out, len, wl_rsa_digest, sizeof wl_rsa_digest) != 1) {
            return fail("verification of the last signature");
        }
        wl_print_result(alg, n, wl_p256_pub, 16);
        EVP_PKEY_CTX_free(vctx);
        EVP_PKEY_free(pub);
    } else {
        wl_print_result(alg, n, wl_p256_sig + 5, 16);
    }
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(peer);
    EVP_PKEY_free(priv);
    return WL_EXIT_OK;
}

static int run_hash(const char *alg, const EVP_MD *md, size_t n)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    size_t done = 0;
    if (ctx == NULL || !EVP_DigestInit_ex(ctx, md, NULL)) {
        return fail("digest init");
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        if (!EVP_DigestUpdate(ctx, wl_in, len)) {
            return fail("EVP_DigestUpdate");
        }
        done += len;
    }
    if (!EVP_DigestFinal_ex(ctx, digest, &dlen)) {
        return fail("EVP_DigestFinal_ex");
    }
    wl_print_result(alg, n, digest, dlen);
    EVP_MD_CTX_free(ctx);
    return WL_EXIT_OK;
}

static int run_hmac(const char *alg, size_t n)
{
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *ctx = mac != NULL ? EVP_MAC_CTX_new(mac) : NULL;
    OSSL_PARAM params[2];
    uint8_t hdr[13];
    uint8_t tag[32] = {0};
    size_t tlen = 0;
    uint64_t seq = 0;
    size_t done = 0;
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SHA256", 0);
    params[1] = OSSL_PARAM_construct_end();
    if (ctx == NULL || !EVP_MAC_init(ctx, wl_key, 32, params)) {
        return fail("hmac init");
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        wl_record_aad(hdr, seq, len);
        /* A NULL key re-initialises with the key already set, as a TLS record layer would. */
        if (!EVP_MAC_init(ctx, NULL, 0, NULL) || !EVP_MAC_update(ctx, hdr, sizeof hdr) ||
            !EVP_MAC_update(ctx, wl_in, len) || !EVP_MAC_final(ctx, tag, &tlen, sizeof tag)) {
            return fail("hmac record");
        }
        done += len;
        seq++;
    }
    wl_print_result(alg, n, tag, sizeof tag);
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    return WL_EXIT_OK;
}

static EVP_PKEY *load_key(void)
{
    BIO *bio = BIO_new_mem_buf(kRsa2048TestKeyPem, -1);
    EVP_PKEY *pkey = bio != NULL ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
    BIO_free(bio);
    return pkey;
}

static int run_rsa(const char *alg, int sign, size_t n)
{
    EVP_PKEY *pkey = load_key();
    EVP_PKEY_CTX *sctx = pkey != NULL ? EVP_PKEY_CTX_new(pkey, NULL) : NULL;
    EVP_PKEY_CTX *vctx = pkey != NULL ? EVP_PKEY_CTX_new(pkey, NULL) : NULL;
    uint8_t sig[256];
    size_t siglen = sizeof sig;
    size_t i;
    if (sctx == NULL || vctx == NULL || EVP_PKEY_sign_init(sctx) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(sctx, RSA_PKCS1_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_signature_md(sctx, EVP_sha256()) <= 0 || EVP_PKEY_verify_init(vctx) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(vctx, RSA_PKCS1_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_signature_md(vctx, EVP_sha256()) <= 0) {
        return fail("rsa set-up");
    }
    if (sign) {
        for (i = 0; i < n; i++) {
            siglen = sizeof sig;
            if (EVP_PKEY_sign(sctx, sig, &siglen, wl_rsa_digest, sizeof wl_rsa_digest) <= 0) {
                return fail("EVP_PKEY_sign");
            }
        }
        if (siglen != sizeof kRsa2048TestSig || memcmp(sig, kRsa2048TestSig, siglen) != 0) {
            return fail("signature check against kRsa2048TestSig");
        }
    } else {
        /* The known signature: signing here would add blinding's random cost to the set-up. */
        memcpy(sig, kRsa2048TestSig, sizeof sig);
        for (i = 0; i < n; i++) {
            if (EVP_PKEY_verify(vctx, sig, sizeof sig, wl_rsa_digest, sizeof wl_rsa_digest) != 1) {
                return fail("EVP_PKEY_verify");
            }
        }
    }
    wl_print_result(alg, n, sig, 16);
    EVP_PKEY_CTX_free(sctx);
    EVP_PKEY_CTX_free(vctx);
    EVP_PKEY_free(pkey);
    return WL_EXIT_OK;
}

/* One connection: a new SSL on the shared context, the handshake (resuming sess if given),
 * the checks, close_notify, close. Returns the SSL's session when keep is set. */
static int tls_connection(SSL_CTX *ctx, int workload, unsigned suite, SSL_SESSION *sess, int keep,
                          SSL_SESSION **kept)
{
    int fd = wl_tls_connect(workload);
    SSL *ssl = fd >= 0 ? SSL_new(ctx) : NULL;
    const SSL_CIPHER *cipher;
    EVP_PKEY *tmp = NULL;
    int ok = 0;
    if (ssl == NULL || !SSL_set_fd(ssl, fd) || !SSL_set_tlsext_host_name(ssl, WL_TLS_HOST) ||
        !SSL_set1_host(ssl, WL_TLS_HOST) || (sess != NULL && !SSL_set_session(ssl, sess))) {
        fprintf(stderr, "openssl_driver: connection set-up failed\n");
    } else if (SSL_connect(ssl) != 1) {
        fprintf(stderr, "openssl_driver: SSL_connect failed\n");
    } else if (SSL_version(ssl) != (int)WL_TLS_VERSION ||
               (cipher = SSL_get_current_cipher(ssl)) == NULL ||
               SSL_CIPHER_get_protocol_id(cipher) != suite ||
               SSL_get_verify_result(ssl) != X509_V_OK) {
        fprintf(stderr, "openssl_driver: wrong version, suite or verification result\n");
    } else if (suite == WL_TLS_SUITE_ECDHE &&
               (!SSL_get_peer_tmp_key(ssl, &tmp) || EVP_PKEY_get_id(tmp) != EVP_PKEY_X25519)) {
        fprintf(stderr, "openssl_driver: the server's ECDHE share is not X25519\n");
    } else if (suite == WL_TLS_SUITE_ECDSA &&
               (!SSL_get_peer_tmp_key(ssl, &tmp) || !EVP_PKEY_is_a(tmp, "EC") ||
                EVP_PKEY_get_bits(tmp) != 256)) {
        fprintf(stderr, "openssl_driver: the server's ECDHE share is not P-256\n");
    } else if (SSL_session_reused(ssl) != (sess != NULL)) {
        fprintf(stderr, "openssl_driver: the handshake %s resumed\n",
                SSL_session_reused(ssl) ? "was" : "was not");
    } else {
        ok = 1;
        if (keep) {
            *kept = SSL_get1_session(ssl);
            ok = *kept != NULL && SSL_SESSION_is_resumable(*kept);
            if (!ok) {
                fprintf(stderr, "openssl_driver: the server did not make the session resumable\n");
            }
        }
        /* Sends close_notify; does not wait for the server's. */
        if (SSL_shutdown(ssl) < 0) {
            ok = 0;
        }
    }
    if (!ok) {
        ERR_print_errors_fp(stderr);
    }
    EVP_PKEY_free(tmp);
    SSL_free(ssl);
    if (fd >= 0) {
        close(fd);
    }
    return ok;
}

static int run_tls(const char *alg, int workload, size_t n)
{
    const int resume = workload == WL_TLS_RESUMED;
    const unsigned suite = wl_tls_suite(workload);
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_SESSION *sess = NULL;
    char ca[512], cert[512], key[512];
    size_t i;
    const char *list = suite == WL_TLS_SUITE_ECDHE   ? "ECDHE-RSA-AES128-GCM-SHA256"
                       : suite == WL_TLS_SUITE_ECDSA ? "ECDHE-ECDSA-AES128-GCM-SHA256"
                                                     : "AES128-GCM-SHA256";
    if (ctx == NULL || wl_tls_path(ca, sizeof ca, wl_tls_file(workload, "ca", ".pem")) != 0 ||
        wl_tls_path(cert, sizeof cert, wl_tls_file(workload, "client", ".pem")) != 0 ||
        wl_tls_path(key, sizeof key, wl_tls_file(workload, "client", ".key")) != 0 ||
        !SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) ||
        !SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION) ||
        !SSL_CTX_set_cipher_list(ctx, list) ||
        (suite == WL_TLS_SUITE_ECDHE && !SSL_CTX_set1_groups_list(ctx, "X25519")) ||
        (suite == WL_TLS_SUITE_ECDSA && !SSL_CTX_set1_groups_list(ctx, "P-256")) ||
        SSL_CTX_use_certificate_file(ctx, cert, SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1 ||
        !SSL_CTX_check_private_key(ctx) || !SSL_CTX_load_verify_locations(ctx, ca, NULL)) {
        return fail("SSL_CTX set-up");
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    if (resume && !tls_connection(ctx, workload, suite, NULL, 1, &sess)) {
        return WL_EXIT_FAIL;
    }
    for (i = 0; i < n; i++) {
        if (!tls_connection(ctx, workload, suite, sess, 0, NULL)) {
            return WL_EXIT_FAIL;
        }
    }
    wl_tls_print_result(alg, n, WL_TLS_VERSION, suite, resume);
    SSL_SESSION_free(sess);
    SSL_CTX_free(ctx);
    return WL_EXIT_OK;
}

int main(int argc, char **argv)
{
    const char *alg = NULL;
    size_t n = 0;
    const char *verbose = getenv("PETREL_INSN_VERBOSE");
    if (wl_parse_args(argc, argv, &alg, &n) != 0) {
        return wl_usage(argv[0]);
    }
    wl_init();
    /* No configuration file: the host's openssl.cnf must not change what the guest runs. */
    if (!OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, NULL) ||
        !OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG, NULL)) {
        return fail("OPENSSL_init_crypto");
    }
    signal(SIGPIPE, SIG_IGN);
    if (verbose != NULL && strcmp(verbose, "1") == 0) {
        fprintf(stderr, "openssl_driver: %s\n", OpenSSL_version(OPENSSL_VERSION));
#if defined(__arm__)
        if (&OPENSSL_armcap_P != NULL) {
            fprintf(stderr, "openssl_driver: OPENSSL_armcap_P=0x%x (1 NEON, 2 ARMv7 tick, 4 AES, "
                            "8 SHA1, 16 SHA256, 32 PMULL)\n", OPENSSL_armcap_P);
        }
#endif
    }
    if (strcmp(alg, "aes-128-cbc") == 0) {
        return n % 16 == 0 ? run_cipher(alg, EVP_aes_128_cbc(), n) : wl_usage(argv[0]);
    }
    if (strcmp(alg, "aes-256-cbc") == 0) {
        return n % 16 == 0 ? run_cipher(alg, EVP_aes_256_cbc(), n) : wl_usage(argv[0]);
    }
    if (strcmp(alg, "aes-256-ctr") == 0) {
        return run_cipher(alg, EVP_aes_256_ctr(), n);
    }
    if (strcmp(alg, "aes-256-gcm") == 0) {
        return run_gcm(alg, n);
    }
    if (strcmp(alg, "rc4") == 0) {
        /* RC4 lives in OpenSSL 3's legacy provider, which a static libcrypto cannot load
         * as a module: EVP_rc4() then fails at init. */
        EVP_CIPHER *rc4 = EVP_CIPHER_fetch(NULL, "RC4", NULL);
        if (rc4 == NULL) {
            fprintf(stderr, "openssl_driver: RC4 not available (legacy provider)\n");
            return WL_EXIT_UNAVAILABLE;
        }
        return run_cipher(alg, rc4, n);
    }
    if (strcmp(alg, "sha1") == 0) {
        return run_hash(alg, EVP_sha1(), n);
    }
    if (strcmp(alg, "sha256") == 0) {
        return run_hash(alg, EVP_sha256(), n);
    }
    if (strcmp(alg, "sha512") == 0) {
        return run_hash(alg, EVP_sha512(), n);
    }
    if (strcmp(alg, "md5") == 0) {
        return run_hash(alg, EVP_md5(), n);
    }
    if (strcmp(alg, "hmac-sha256") == 0) {
        return run_hmac(alg, n);
    }
    if (strcmp(alg, "chacha20-poly1305") == 0) {
        return run_chacha20_poly1305(alg, n);
    }
    if (strcmp(alg, "x25519") == 0) {
        return run_x25519(alg, n);
    }
    if (strcmp(alg, "ecdhp256") == 0) {
        return run_p256(alg, 0, n);
    }
    if (strcmp(alg, "ecdsap256-sign") == 0) {
        return run_p256(alg, 1, n);
    }
    if (strcmp(alg, "ecdsap256-verify") == 0) {
        return run_p256(alg, 2, n);
    }
    if (strcmp(alg, "rsa2048-sign") == 0) {
        return run_rsa(alg, 1, n);
    }
    if (strcmp(alg, "rsa2048-verify") == 0) {
        return run_rsa(alg, 0, n);
    }
    if (wl_tls_workload(alg) != 0) {
        return run_tls(alg, wl_tls_workload(alg), n);
    }
    return wl_usage(argv[0]);
}
