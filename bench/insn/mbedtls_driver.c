/* Instruction-count driver for mbedTLS 2.28 (Debian bookworm's libmbedtls-dev, statically
 * linked for the cross target): the workloads of workload.h through the generic cipher
 * (mbedtls_cipher_*), message-digest (mbedtls_md_*, mbedtls_md_hmac_*) and public-key
 * (mbedtls_pk_sign/verify) APIs, as mbedTLS's own TLS layer uses them (ChaCha20-Poly1305 through
 * mbedtls_chachapoly_*, X25519 through mbedtls_ecdh_compute_shared), and the workloads of
 * tls_workload.h through its TLS client (mbedtls_ssl_*, one mbedtls_ssl_config, a new
 * mbedtls_ssl_context per connection).
 *
 * RSA signing runs with blinding, fed by a deterministic generator (a benchmark stand-in for
 * a DRBG, so that instruction counts repeat exactly); the TLS client draws from it too. */
#define _POSIX_C_SOURCE 200809L /* sockets (tls_workload.h) under -std=c11 */

#include <signal.h>

#include <mbedtls/chachapoly.h>
#include <mbedtls/cipher.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/md.h>
#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>
#include <mbedtls/ssl.h>
#include <mbedtls/ssl_ciphersuites.h>
#include <mbedtls/ssl_internal.h> /* mbedtls_ssl_handshake_params::resume: 2.28 has no getter */
#include <mbedtls/version.h>
#include <mbedtls/x509_crt.h>

#include "rsa2048_test_key.h"
#include "workload.h"
#include "tls_workload.h"

static int fail(const char *what, int ret)
{
    fprintf(stderr, "mbedtls_driver: %s failed (-0x%04x)\n", what, (unsigned)-ret);
    return WL_EXIT_FAIL;
}

static int run_cipher(const char *alg, mbedtls_cipher_type_t type, unsigned key_bits, size_t n)
{
    mbedtls_cipher_context_t ctx;
    const mbedtls_cipher_info_t *info = mbedtls_cipher_info_from_type(type);
    size_t done = 0;
    size_t outl = 0;
    int ret;
    mbedtls_cipher_init(&ctx);
    if (info == NULL) {
        return WL_EXIT_UNAVAILABLE;
    }
    if ((ret = mbedtls_cipher_setup(&ctx, info)) != 0 ||
        (ret = mbedtls_cipher_setkey(&ctx, wl_key, (int)key_bits, MBEDTLS_ENCRYPT)) != 0) {
        return fail("cipher set-up", ret);
    }
    if (type == MBEDTLS_CIPHER_AES_128_CBC || type == MBEDTLS_CIPHER_AES_256_CBC) {
        if ((ret = mbedtls_cipher_set_padding_mode(&ctx, MBEDTLS_PADDING_NONE)) != 0) {
            return fail("mbedtls_cipher_set_padding_mode", ret);
        }
    }
    if (type != MBEDTLS_CIPHER_ARC4_128) {
        if ((ret = mbedtls_cipher_set_iv(&ctx, wl_iv, 16)) != 0) {
            return fail("mbedtls_cipher_set_iv", ret);
        }
    }
    if ((ret = mbedtls_cipher_reset(&ctx)) != 0) {
        return fail("mbedtls_cipher_reset", ret);
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        if ((ret = mbedtls_cipher_update(&ctx, wl_in, len, wl_out, &outl)) != 0) {
            return fail("mbedtls_cipher_update", ret);
        }
        if (outl != len) {
            return fail("mbedtls_cipher_update length", 0);
        }
        done += len;
    }
    wl_print_result(alg, n, wl_out + (outl >= 16 ? outl - 16 : 0), outl >= 16 ? 16 : outl);
    mbedtls_cipher_free(&ctx);
    return WL_EXIT_OK;
}

static int run_gcm(const char *alg, size_t n)
{
    mbedtls_cipher_context_t ctx;
    uint8_t nonce[12];
    uint8_t aad[13];
    uint64_t seq = 0;
    size_t done = 0;
    size_t outl = 0;
    size_t len = 0;
    int ret;
    mbedtls_cipher_init(&ctx);
    if ((ret = mbedtls_cipher_setup(&ctx, mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_256_GCM))) != 0 ||
        (ret = mbedtls_cipher_setkey(&ctx, wl_key, 256, MBEDTLS_ENCRYPT)) != 0) {
        return fail("gcm set-up", ret);
    }
    while (done < n) {
        len = wl_chunk(n - done);
        wl_record_nonce(nonce, seq);
        wl_record_aad(aad, seq, len);
        /* The call mbedTLS's record layer makes: ciphertext followed by the 16-byte tag. */
        ret = mbedtls_cipher_auth_encrypt_ext(&ctx, nonce, sizeof nonce, aad, sizeof aad, wl_in,
                                              len, wl_out, sizeof wl_out, &outl, 16);
        if (ret != 0) {
            return fail("mbedtls_cipher_auth_encrypt_ext", ret);
        }
        done += len;
        seq++;
    }
    wl_print_result(alg, n, wl_out + len, 16);
    mbedtls_cipher_free(&ctx);
    return WL_EXIT_OK;
}

/* As run_gcm, with mbedtls_chachapoly_encrypt_and_tag per record. */
static int run_chacha20_poly1305(const char *alg, size_t n)
{
    mbedtls_chachapoly_context ctx;
    uint8_t nonce[12];
    uint8_t aad[13];
    uint8_t tag[16] = {0};
    uint64_t seq = 0;
    size_t done = 0;
    int ret;
    mbedtls_chachapoly_init(&ctx);
    if ((ret = mbedtls_chachapoly_setkey(&ctx, wl_key)) != 0) {
        return fail("mbedtls_chachapoly_setkey", ret);
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        wl_record_nonce(nonce, seq);
        wl_record_aad(aad, seq, len);
        ret = mbedtls_chachapoly_encrypt_and_tag(&ctx, len, nonce, aad, sizeof aad, wl_in, wl_out, tag);
        if (ret != 0) {
            return fail("mbedtls_chachapoly_encrypt_and_tag", ret);
        }
        done += len;
        seq++;
    }
    wl_print_result(alg, n, tag, sizeof tag);
    mbedtls_chachapoly_free(&ctx);
    return WL_EXIT_OK;
}

static int run_hash(const char *alg, mbedtls_md_type_t type, size_t n)
{
    mbedtls_md_context_t ctx;
    const mbedtls_md_info_t *info = mbedtls_md_info_from_type(type);
    uint8_t digest[MBEDTLS_MD_MAX_SIZE];
    size_t done = 0;
    int ret;
    mbedtls_md_init(&ctx);
    if (info == NULL) {
        return WL_EXIT_UNAVAILABLE;
    }
    if ((ret = mbedtls_md_setup(&ctx, info, 0)) != 0 || (ret = mbedtls_md_starts(&ctx)) != 0) {
        return fail("md set-up", ret);
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        if ((ret = mbedtls_md_update(&ctx, wl_in, len)) != 0) {
            return fail("mbedtls_md_update", ret);
        }
        done += len;
    }
    if ((ret = mbedtls_md_finish(&ctx, digest)) != 0) {
        return fail("mbedtls_md_finish", ret);
    }
    wl_print_result(alg, n, digest, mbedtls_md_get_size(info));
    mbedtls_md_free(&ctx);
    return WL_EXIT_OK;
}

static int run_hmac(const char *alg, size_t n)
{
    mbedtls_md_context_t ctx;
    uint8_t hdr[13];
    uint8_t tag[32] = {0};
    uint64_t seq = 0;
    size_t done = 0;
    int ret;
    mbedtls_md_init(&ctx);
    if ((ret = mbedtls_md_setup(&ctx, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 1)) != 0 ||
        (ret = mbedtls_md_hmac_starts(&ctx, wl_key, 32)) != 0) {
        return fail("hmac set-up", ret);
    }
    while (done < n) {
        size_t len = wl_chunk(n - done);
        wl_record_aad(hdr, seq, len);
        /* hmac_reset restarts with the key already set, as mbedTLS's record layer does. */
        if ((ret = mbedtls_md_hmac_reset(&ctx)) != 0 ||
            (ret = mbedtls_md_hmac_update(&ctx, hdr, sizeof hdr)) != 0 ||
            (ret = mbedtls_md_hmac_update(&ctx, wl_in, len)) != 0 ||
            (ret = mbedtls_md_hmac_finish(&ctx, tag)) != 0) {
            return fail("hmac record", ret);
        }
        done += len;
        seq++;
    }
    wl_print_result(alg, n, tag, sizeof tag);
    mbedtls_md_free(&ctx);
    return WL_EXIT_OK;
}

/* Deterministic byte generator for RSA blinding (xorshift64*): NOT a DRBG, benchmarks only. */
static int bench_rng(void *state, unsigned char *out, size_t len)
{
    uint64_t *s = (uint64_t *)state;
    size_t i;
    for (i = 0; i < len; i++) {
        *s ^= *s >> 12;
        *s ^= *s << 25;
        *s ^= *s >> 27;
        out[i] = (unsigned char)((*s * 0x2545F4914F6CDD1DULL) >> 56);
    }
    return 0;
}

/* N X25519 shared secrets (mbedtls_ecdh_compute_shared on MBEDTLS_ECP_DP_CURVE25519, the call
 * its ECDH context and TLS client make) of the fixed point u = 9 and the fixed private key
 * wl_key (mbedtls_ecp_read_key clamps it). mbedTLS randomises the ladder's projective
 * coordinates from the RNG it is given: bench_rng, deterministic. */
static int run_x25519(const char *alg, size_t n)
{
    mbedtls_ecp_keypair key;
    mbedtls_ecp_point peer;
    mbedtls_mpi z;
    uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
    uint8_t shared[32] = {0};
    size_t i;
    int ret;
    mbedtls_ecp_keypair_init(&key);
    mbedtls_ecp_point_init(&peer);
    mbedtls_mpi_init(&z);
    if ((ret = mbedtls_ecp_read_key(MBEDTLS_ECP_DP_CURVE25519, &key, wl_key, sizeof wl_key)) != 0 ||
        (ret = mbedtls_ecp_point_read_binary(&key.grp, &peer, wl_x25519_point,
                                             sizeof wl_x25519_point)) != 0) {
        return ret == MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE ? WL_EXIT_UNAVAILABLE
                                                          : fail("x25519 set-up", ret);
    }
    for (i = 0; i < n; i++) {
        ret = mbedtls_ecdh_compute_shared(&key.grp, &z, &peer, &key.d, bench_rng, &rng_state);
        if (ret != 0) {
            return fail("mbedtls_ecdh_compute_shared", ret);
        }
    }
    if ((ret = mbedtls_mpi_write_binary_le(&z, shared, sizeof shared)) != 0) {
        return fail("mbedtls_mpi_write_binary_le", ret);
    }
    wl_print_result(alg, n, shared, sizeof shared);
    mbedtls_mpi_free(&z);
    mbedtls_ecp_point_free(&peer);
    mbedtls_ecp_keypair_free(&key);
    return WL_EXIT_OK;
}

/* P-256 on MBEDTLS_ECP_DP_SECP256R1: mbedtls_ecdh_compute_shared (as for X25519), deterministic
 * signing with mbedtls_ecdsa_sign_det_ext (RFC 6979 with SHA-256, blinded from bench_rng) and
 * mbedtls_ecdsa_verify, on r and s as MPIs (the DER step of mbedtls_ecdsa_write_signature is
 * left out on both sides: signing writes nothing, verification reads r and s once in set-up). */
static int run_p256(const char *alg, int what, size_t n)
{
    mbedtls_ecp_group grp;
    mbedtls_ecp_point peer, pub;
    mbedtls_mpi d, z, r, s;
    uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
    uint8_t out[32] = {0};
    size_t i;
    int ret;
    mbedtls_ecp_group_init(&grp);
    mbedtls_ecp_point_init(&peer);
    mbedtls_ecp_point_init(&pub);
    mbedtls_mpi_init(&d);
    mbedtls_mpi_init(&z);
    mbedtls_mpi_init(&r);
    mbedtls_mpi_init(&s);
    if ((ret = mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1)) != 0 ||
        (ret = mbedtls_mpi_read_binary(&d, wl_key, 32)) != 0 ||
        (ret = mbedtls_ecp_point_read_binary(&grp, &peer, wl_p256_peer, sizeof wl_p256_peer)) != 0 ||
        (ret = mbedtls_ecp_point_read_binary(&grp, &pub, wl_p256_pub, sizeof wl_p256_pub)) != 0 ||
        (ret = mbedtls_mpi_read_binary(&r, wl_p256_sig + 5, 32)) != 0 ||
        (ret = mbedtls_mpi_read_binary(&s, wl_p256_sig + 40, 32)) != 0) {
        return ret == MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE ? WL_EXIT_UNAVAILABLE
                                                          : fail("p256 set-up", ret);
    }
    for (i = 0; i < n; i++) {
        if (what == 0) {
            ret = mbedtls_ecdh_compute_shared(&grp, &z, &peer, &d, bench_rng, &rng_state);
        } else if (what == 1) {
            ret = mbedtls_ecdsa_sign_det_ext(&grp, &r, &s, &d, wl_rsa_digest, sizeof wl_rsa_digest,
                                             MBEDTLS_MD_SHA256, bench_rng, &rng_state);
        } else {
            ret = mbedtls_ecdsa_verify(&grp, wl_p256_sample, sizeof wl_p256_sample, &peer, &r, &s);
        }
        if (ret != 0) {
            return fail(alg, ret);
        }
    }
    if (what == 0) {
        if ((ret = mbedtls_mpi_write_binary(&z, out, sizeof out)) != 0) {
            return fail("mbedtls_mpi_write_binary", ret);
        }
        wl_print_result(alg, n, out, 32);
    } else if (what == 1) {
        if ((ret = mbedtls_ecdsa_verify(&grp, wl_rsa_digest, sizeof wl_rsa_digest, &pub, &r, &s)) != 0) {
            return fail("verification of the last signature", ret);
        }
        wl_print_result(alg, n, wl_p256_pub, 16);
    } else {
        wl_print_result(alg, n, wl_p256_sig + 5, 16);
    }
    mbedtls_mpi_free(&s);
    mbedtls_mpi_free(&r);
    mbedtls_mpi_free(&z);
    mbedtls_mpi_free(&d);
    mbedtls_ecp_point_free(&pub);
    mbedtls_ecp_point_free(&peer);
    mbedtls_ecp_group_free(&grp);
    return WL_EXIT_OK;
}

static int run_rsa(const char *alg, int sign, size_t n)
{
    mbedtls_pk_context pk;
    uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
    uint8_t sig[MBEDTLS_MPI_MAX_SIZE];
    size_t siglen = 0;
    size_t i;
    int ret;
    mbedtls_pk_init(&pk);
    ret = mbedtls_pk_parse_key(&pk, (const unsigned char *)kRsa2048TestKeyPem,
                               sizeof kRsa2048TestKeyPem, NULL, 0);
    if (ret != 0) {
        return fail("mbedtls_pk_parse_key", ret);
    }
    mbedtls_rsa_set_padding(mbedtls_pk_rsa(pk), MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
    if (sign) {
        for (i = 0; i < n; i++) {
            ret = mbedtls_pk_sign(&pk, MBEDTLS_MD_SHA256, wl_rsa_digest, sizeof wl_rsa_digest, sig,
                                  &siglen, bench_rng, &rng_state);
            if (ret != 0) {
                return fail("mbedtls_pk_sign", ret);
            }
        }
        if (siglen != sizeof kRsa2048TestSig || memcmp(sig, kRsa2048TestSig, siglen) != 0) {
            return fail("signature check against kRsa2048TestSig", 0);
        }
    } else {
        memcpy(sig, kRsa2048TestSig, sizeof kRsa2048TestSig);
        for (i = 0; i < n; i++) {
            ret = mbedtls_pk_verify(&pk, MBEDTLS_MD_SHA256, wl_rsa_digest, sizeof wl_rsa_digest,
                                    sig, sizeof kRsa2048TestSig);
            if (ret != 0) {
                return fail("mbedtls_pk_verify", ret);
            }
        }
    }
    wl_print_result(alg, n, sig, 16);
    mbedtls_pk_free(&pk);
    return WL_EXIT_OK;
}

/* The BIO callbacks on a blocking socket (what mbedtls_net_send/recv do, without net_sockets). */
static int tls_send(void *ctx, const unsigned char *buf, size_t len)
{
    ssize_t r = send(*(int *)ctx, buf, len, 0);
    return r < 0 ? MBEDTLS_ERR_SSL_INTERNAL_ERROR : (int)r;
}
static int tls_recv(void *ctx, unsigned char *buf, size_t len)
{
    ssize_t r = recv(*(int *)ctx, buf, len, 0);
    return r < 0 ? MBEDTLS_ERR_SSL_INTERNAL_ERROR : (int)r;
}

/* One connection: a new context, the handshake (resuming sess if given) step by step so that
 * the resume flag can be read before the handshake state is freed, the checks, close_notify,
 * close. With keep, the session is saved into sess. */
static int tls_connection(const mbedtls_ssl_config *conf, int workload, unsigned suite,
                          mbedtls_ssl_session *sess, int resume, int keep)
{
    mbedtls_ecp_group_id group = MBEDTLS_ECP_DP_NONE;
    const mbedtls_ecp_group_id want = suite == WL_TLS_SUITE_ECDHE   ? MBEDTLS_ECP_DP_CURVE25519
                                      : suite == WL_TLS_SUITE_ECDSA ? MBEDTLS_ECP_DP_SECP256R1
                                                                    : MBEDTLS_ECP_DP_NONE;
    mbedtls_ssl_context ssl;
    int fd = wl_tls_connect(workload);
    int resumed = 0;
    int ok = 0;
    int ret = 0;
    mbedtls_ssl_init(&ssl);
    if (fd < 0) {
        return 0;
    }
    if ((ret = mbedtls_ssl_setup(&ssl, conf)) != 0 ||
        (ret = mbedtls_ssl_set_hostname(&ssl, WL_TLS_HOST)) != 0 ||
        (resume && (ret = mbedtls_ssl_set_session(&ssl, sess)) != 0)) {
        fail("connection set-up", ret);
    } else {
        mbedtls_ssl_set_bio(&ssl, &fd, tls_send, tls_recv, NULL);
        while (ssl.state != MBEDTLS_SSL_HANDSHAKE_OVER) {
            if ((ret = mbedtls_ssl_handshake_step(&ssl)) != 0) {
                break;
            }
            if (ssl.handshake != NULL && ssl.handshake->resume) {
                resumed = 1;
            }
            if (ssl.handshake != NULL && ssl.handshake->ecdh_ctx.grp.id != MBEDTLS_ECP_DP_NONE) {
                group = ssl.handshake->ecdh_ctx.grp.id; /* the server's ECDHE group */
            }
        }
        if (ret != 0) {
            fail("mbedtls_ssl_handshake", ret);
        } else if (ssl.minor_ver != MBEDTLS_SSL_MINOR_VERSION_3 ||
                   mbedtls_ssl_get_ciphersuite_id(mbedtls_ssl_get_ciphersuite(&ssl)) != (int)suite ||
                   mbedtls_ssl_get_verify_result(&ssl) != 0) {
            fprintf(stderr, "mbedtls_driver: wrong version, suite or verification result\n");
        } else if (group != want) {
            fprintf(stderr, "mbedtls_driver: ECDHE group %d\n", (int)group);
        } else if (resumed != resume) {
            fprintf(stderr, "mbedtls_driver: the handshake %s resumed\n", resumed ? "was" : "was not");
        } else if (keep && ((ret = mbedtls_ssl_get_session(&ssl, sess)) != 0 || sess->id_len == 0)) {
            fail("mbedtls_ssl_get_session (a session ID)", ret);
        } else if ((ret = mbedtls_ssl_close_notify(&ssl)) != 0) {
            fail("mbedtls_ssl_close_notify", ret);
        } else {
            ok = 1;
        }
    }
    close(fd);
    mbedtls_ssl_free(&ssl);
    return ok;
}

static int run_tls(const char *alg, int workload, size_t n)
{
    const int resume = workload == WL_TLS_RESUMED;
    const unsigned suite = wl_tls_suite(workload);
    static const int rsa_suites[] = {MBEDTLS_TLS_RSA_WITH_AES_128_GCM_SHA256, 0};
    static const int ecdhe_suites[] = {MBEDTLS_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, 0};
    static const int ecdsa_suites[] = {MBEDTLS_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 0};
    static const mbedtls_ecp_group_id groups[] = {MBEDTLS_ECP_DP_CURVE25519, MBEDTLS_ECP_DP_NONE};
    static const mbedtls_ecp_group_id groups_p256[] = {MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_ECP_DP_NONE};
    mbedtls_ssl_config conf;
    mbedtls_x509_crt ca, cert;
    mbedtls_pk_context key;
    mbedtls_ssl_session sess;
    uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
    char ca_path[512], cert_path[512], key_path[512];
    size_t i;
    int ret;
    mbedtls_ssl_config_init(&conf);
    mbedtls_x509_crt_init(&ca);
    mbedtls_x509_crt_init(&cert);
    mbedtls_pk_init(&key);
    mbedtls_ssl_session_init(&sess);
    if (wl_tls_path(ca_path, sizeof ca_path, wl_tls_file(workload, "ca", ".pem")) != 0 ||
        wl_tls_path(cert_path, sizeof cert_path, wl_tls_file(workload, "client", ".pem")) != 0 ||
        wl_tls_path(key_path, sizeof key_path, wl_tls_file(workload, "client", ".key")) != 0) {
        return fail("PETREL_TLS_DIR", 0);
    }
    if ((ret = mbedtls_x509_crt_parse_file(&ca, ca_path)) != 0 ||
        (ret = mbedtls_x509_crt_parse_file(&cert, cert_path)) != 0 ||
        (ret = mbedtls_pk_parse_keyfile(&key, key_path, NULL)) != 0) {
        return fail("loading the test certificates and key", ret);
    }
    if ((ret = mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                           MBEDTLS_SSL_PRESET_DEFAULT)) != 0 ||
        (ret = mbedtls_ssl_conf_own_cert(&conf, &cert, &key)) != 0) {
        return fail("mbedtls_ssl_config", ret);
    }
    mbedtls_ssl_conf_min_version(&conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_max_version(&conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_ciphersuites(&conf, suite == WL_TLS_SUITE_ECDHE   ? ecdhe_suites
                                         : suite == WL_TLS_SUITE_ECDSA ? ecdsa_suites
                                                                       : rsa_suites);
    if (suite == WL_TLS_SUITE_ECDHE) {
        mbedtls_ssl_conf_curves(&conf, groups);
    } else if (suite == WL_TLS_SUITE_ECDSA) {
        mbedtls_ssl_conf_curves(&conf, groups_p256);
    }
    mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_ssl_conf_ca_chain(&conf, &ca, NULL);
    mbedtls_ssl_conf_rng(&conf, bench_rng, &rng_state);
    if (resume && !tls_connection(&conf, workload, suite, &sess, 0, 1)) {
        return WL_EXIT_FAIL;
    }
    for (i = 0; i < n; i++) {
        if (!tls_connection(&conf, workload, suite, &sess, resume, 0)) {
            return WL_EXIT_FAIL;
        }
    }
    wl_tls_print_result(alg, n, WL_TLS_VERSION, suite, resume);
    mbedtls_ssl_session_free(&sess);
    mbedtls_ssl_config_free(&conf);
    mbedtls_x509_crt_free(&ca);
    mbedtls_x509_crt_free(&cert);
    mbedtls_pk_free(&key);
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
    if (verbose != NULL && strcmp(verbose, "1") == 0) {
        fprintf(stderr, "mbedtls_driver: %s\n", MBEDTLS_VERSION_STRING_FULL);
    }
    if (strcmp(alg, "aes-128-cbc") == 0) {
        return n % 16 == 0 ? run_cipher(alg, MBEDTLS_CIPHER_AES_128_CBC, 128, n) : wl_usage(argv[0]);
    }
    if (strcmp(alg, "aes-256-cbc") == 0) {
        return n % 16 == 0 ? run_cipher(alg, MBEDTLS_CIPHER_AES_256_CBC, 256, n) : wl_usage(argv[0]);
    }
    if (strcmp(alg, "aes-256-ctr") == 0) {
        return run_cipher(alg, MBEDTLS_CIPHER_AES_256_CTR, 256, n);
    }
    if (strcmp(alg, "aes-256-gcm") == 0) {
        return run_gcm(alg, n);
    }
    if (strcmp(alg, "rc4") == 0) {
        return run_cipher(alg, MBEDTLS_CIPHER_ARC4_128, 128, n);
    }
    if (strcmp(alg, "sha1") == 0) {
        return run_hash(alg, MBEDTLS_MD_SHA1, n);
    }
    if (strcmp(alg, "sha256") == 0) {
        return run_hash(alg, MBEDTLS_MD_SHA256, n);
    }
    if (strcmp(alg, "sha512") == 0) {
        return run_hash(alg, MBEDTLS_MD_SHA512, n);
    }
    if (strcmp(alg, "md5") == 0) {
        return run_hash(alg, MBEDTLS_MD_MD5, n);
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
        signal(SIGPIPE, SIG_IGN);
        return run_tls(alg, wl_tls_workload(alg), n);
    }
    return wl_usage(argv[0]);
}
