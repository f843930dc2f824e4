/* Instruction-count driver for OpenSSL's libcrypto (Debian bookworm's libssl-dev, statically
 * linked for the cross target): the workloads of workload.h through the EVP API
 * (EVP_CIPHER_CTX, EVP_MD_CTX, EVP_MAC "HMAC", EVP_PKEY_sign/verify).
 *
 * OpenSSL picks its assembly paths at run time (on ARM from AT_HWCAP: NEON on Cortex-A7, none
 * on ARM926); set OPENSSL_armcap=0 in the environment to force the plain ARMv4 code. With
 * PETREL_INSN_VERBOSE=1 the driver prints the capability word it ran with to stderr. */
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "rsa2048_test_key.h"
#include "workload.h"

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

int main(int argc, char **argv)
{
    const char *alg = NULL;
    size_t n = 0;
    const char *verbose = getenv("PETREL_INSN_VERBOSE");
    if (wl_parse_args(argc, argv, &alg, &n) != 0) {
        return wl_usage(argv[0]);
    }
    wl_init();
    if (!OPENSSL_init_crypto(0, NULL)) {
        return fail("OPENSSL_init_crypto");
    }
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
    if (strcmp(alg, "rsa2048-sign") == 0) {
        return run_rsa(alg, 1, n);
    }
    if (strcmp(alg, "rsa2048-verify") == 0) {
        return run_rsa(alg, 0, n);
    }
    return wl_usage(argv[0]);
}
