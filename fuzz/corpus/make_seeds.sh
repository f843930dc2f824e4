#!/bin/bash
# Regenerates the seed corpora in fuzz/corpus/<target>/ with the openssl command (how the
# committed seeds were made; the keys are throwaway test keys). Run from the repository root.
# genconf_types.der is gen.der from tests/asn1/openssl_check.sh (copy it from the build tree).
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
D=$PWD/fuzz/corpus
cd "$tmp"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:512 -out rsa.pem
openssl req -x509 -key ec.pem -subj "/CN=seed.example/O=Petrel/C=DE" -days 30 \
  -addext "subjectAltName=DNS:seed.example" -addext "extendedKeyUsage=serverAuth" -out cert_ec.pem
openssl req -x509 -key rsa.pem -subj "/CN=rsa.example" -days 20000 -out cert_rsa.pem
openssl req -new -key ec.pem -subj "/CN=csr.example/OU=Phones" -out csr.pem
openssl pkey -in rsa.pem -pubout -out pub.pem
openssl rsa -in rsa.pem -traditional -aes128 -passout pass:seed -out legacy.pem
openssl x509 -in cert_ec.pem -outform DER -out "$D/der/cert_ec.der"
openssl x509 -in cert_rsa.pem -outform DER -out "$D/der/cert_rsa_gentime.der"
openssl req -in csr.pem -outform DER -out "$D/der/csr.der"
openssl pkey -pubin -in pub.pem -outform DER -out "$D/der/pub_rsa.der"
openssl pkcs8 -topk8 -nocrypt -in rsa.pem -outform DER -out "$D/der/throwaway_key_pkcs8.der"
printf '\x30\x80\x02\x01\x01\x00\x00' > "$D/der/ber_indefinite.der"
printf '\x1f\x81\x00\x00' > "$D/der/high_tag.der"
cp cert_ec.pem csr.pem pub.pem legacy.pem "$D/pem/"
{ echo "text before"; cat cert_rsa.pem; echo "between"; cat pub.pem; } > "$D/pem/bundle.pem"
sed 's/$/\r/' cert_ec.pem > "$D/pem/crlf.pem"
printf 'Zm9vYmFy' > "$D/base64/foobar.txt"
printf 'Zg==' > "$D/base64/pad2.txt"
printf 'Zm8=' > "$D/base64/pad1.txt"
head -c 100 /dev/urandom | openssl base64 > "$D/base64/lines.txt"
head -c 48 /dev/urandom | openssl base64 -A > "$D/base64/one_line.txt"
printf 'Zh==' > "$D/base64/bad_padbits.txt"
# fuzz/corpus/x509/: DER copies of certificates made by tests/x509/make_corpus.sh (run it into a
# scratch directory, then `openssl x509 -outform DER` root int leaf leaf_pss int_nc_dns int_nc_dir
# leaf_wild leaf_crit root_v1 leaf_md5 leaf_policies leaf_ipv6 leaf_gentime leaf_nc_email_ok
# int_pl0), of the requests and server certificate of tests/x509/issue_interop.sh (srv.csr as
# petrel_req_san.csr.der, opss.csr as openssl_req_pss.csr.der, srv.pem as petrel_server.der),
# and cert_ec.der / cert_rsa_gentime.der from fuzz/corpus/der/. tests/x509/x509_test.cpp checks
# fields of these files against values printed by `openssl x509` / `openssl req`.
# fuzz/corpus/tls_client/: the first byte is the feeding step minus one, the second's bit 0 turns
# certificate verification off; then the bytes a real server sent to Petrel's client, recorded
# off the socket: openssl s_server -tls1_2 -Verify 1 -www (AES128-GCM-SHA256, the whole
# connection; and its first 3000 bytes fed one byte at a time) and gnutls-serv
# --require-client-cert --http with ARCFOUR-128 allowed (RC4-SHA). fatal_alert.bin: a
# handshake_failure alert as the first record.

# ---- corpora of the targets added with the hardening issue -------------------------------------
# (this part alone: `sed -n '/^# ---- corpora of the targets added/,$p'` after the set-up lines;
# run from the repository root like the part above; needs the openssl command and python3 with
# the `cryptography` package, an independent implementation, for the record and RSA seeds)
R=$(cd "$D/../.." && pwd)
K=$R/tests/rsa/keys
mkdir -p "$D"/{rsa_keys,csr,rsa_padding,tls_record,http,diff_cipher,diff_hash,diff_rsa,diff_x509}
# rsa_keys: every file of tests/rsa/keys/ (k1024 in PKCS#1/PKCS#8/SPKI, DER and PEM; EC, PSS and
# encrypted keys that must be refused), the 512-bit throwaway key above, and a 2048-bit key
# with e = 3 made here in every form.
cp "$K"/*.der "$K"/*.pem "$D/rsa_keys/"
cp "$D/der/pub_rsa.der" "$D/der/throwaway_key_pkcs8.der" "$D/pem/legacy.pem" "$D/rsa_keys/"
openssl pkey -inform DER -in "$D/der/throwaway_key_pkcs8.der" -out "$D/rsa_keys/throwaway512.pkcs8.pem"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_keygen_pubexp:3 -out k2048e3.pem
openssl rsa -in k2048e3.pem -traditional -outform DER -out "$D/rsa_keys/k2048e3.pkcs1.der"
openssl rsa -in k2048e3.pem -RSAPublicKey_out -out "$D/rsa_keys/k2048e3.pkcs1pub.pem"
openssl rsa -in k2048e3.pem -pubout -outform DER -out "$D/rsa_keys/k2048e3.spki.der"
# csr: requests made by openssl req with the k1024 key (PKCS#1 v1.5 SHA-256 with a SAN and key
# usage request; PSS; SHA-1; no attributes), the EC request of der/, and the two of x509/.
openssl req -new -key "$K/k1024.pkcs8.pem" -subj "/CN=phone.example/O=Petrel/C=DE" \
  -addext "subjectAltName=DNS:phone.example,IP:192.0.2.1,email:a@example.com" \
  -addext "keyUsage=digitalSignature" -outform DER -out "$D/csr/rsa_san.der"
openssl req -new -key "$K/k1024.pkcs8.pem" -subj "/CN=pss.example" -sigopt rsa_padding_mode:pss \
  -sigopt rsa_pss_saltlen:32 -sha256 -outform DER -out "$D/csr/rsa_pss.der"
openssl req -new -key "$K/k1024.pkcs8.pem" -subj "/CN=sha1.example" -sha1 -outform DER \
  -out "$D/csr/rsa_sha1.der"
openssl req -new -key "$K/k1024.pkcs8.pem" -subj "/" -outform DER -out "$D/csr/rsa_empty_subject.der"
cp "$D/der/csr.der" "$D/csr/ec.der"
cp "$D/x509/openssl_req_pss.csr.der" "$D/x509/petrel_req_san.csr.der" "$D/csr/"
# rsa_padding: byte 0 the mode, then a ciphertext / signature made by openssl pkeyutl under the
# k1024 key (fuzz/test_key.h); modes 4 and 5 take an XOR mask over the target's own valid
# signature (empty mask: verifies; one bit: must not).
msg="petrel rsa_padding fuzz target"
printf '%s' "$msg" > msg.txt
openssl dgst -sha256 -binary msg.txt > msg.sha256
head -c 20 /dev/urandom > m20.bin
printf '\x03\x03' > pms.bin; head -c 46 /dev/urandom >> pms.bin
seed() { { printf "\\x$1"; cat "$2"; } > "$D/rsa_padding/$3"; }
openssl pkeyutl -encrypt -pubin -inkey "$K/k1024.spki.pem" -in m20.bin -out c.bin
seed 00 c.bin pkcs1_encrypted.bin
openssl pkeyutl -encrypt -pubin -inkey "$K/k1024.spki.pem" -in pms.bin -out c.bin
seed 01 c.bin premaster_0303.bin
seed 00 c.bin pkcs1_encrypted_48.bin
openssl pkeyutl -encrypt -pubin -inkey "$K/k1024.spki.pem" -in m20.bin -pkeyopt rsa_padding_mode:oaep -out c.bin
seed 02 c.bin oaep_sha1.bin
openssl pkeyutl -encrypt -pubin -inkey "$K/k1024.spki.pem" -in m20.bin -pkeyopt rsa_padding_mode:oaep \
  -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256 -out c.bin
seed 03 c.bin oaep_sha256.bin
openssl pkeyutl -sign -inkey "$K/k1024.pkcs8.pem" -in msg.sha256 -pkeyopt digest:sha256 -out s.bin
seed 06 s.bin v15_sha256_sig.bin
openssl pkeyutl -sign -inkey "$K/k1024.pkcs8.pem" -in msg.sha256 -pkeyopt digest:sha256 \
  -pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:32 -out s.bin
seed 07 s.bin pss_sha256_sig.bin
printf '\x04' > "$D/rsa_padding/v15_zero_mask.bin"
printf '\x05' > "$D/rsa_padding/pss_zero_mask.bin"
printf '\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01' > "$D/rsa_padding/v15_one_bit.bin"
printf '\x05\x00\x00\x00\x00\x00\x00\x00\x00\x80' > "$D/rsa_padding/pss_one_bit.bin"
# diff_rsa: byte 0 the mode; modes 0-2 take the encoded message (the openssl signatures and
# ciphertexts above, opened with the key by python's cryptography: EM = s^e, m^d mod n), 3-5 the
# signature/ciphertext itself.
python3 "$R/fuzz/corpus/make_seeds_py.py" rsa "$K/k1024.pkcs8.pem" "$D/rsa_padding" "$D/diff_rsa"
# tls_record: records sealed by python's cryptography (AES-GCM, ChaCha20-Poly1305, AES-CBC + HMAC MtE and EtM,
# RC4 + HMAC) under the target's fixed keys and sequence numbers, for every configuration of
# the target's table, each also as a round-trip seed (byte 1 bit 0 set) of its plaintext; and
# CBC records with longer than minimal padding (as GnuTLS sends).
python3 "$R/fuzz/corpus/make_seeds_py.py" record "$D/tls_record"
# http: hand-written responses (Content-Length, chunked with extensions and trailers, until the
# close, 100-continue, 204, conflicting lengths, smuggling shapes, a 20 KiB header), each with
# the two control bytes (chunking, header limit) in front, one of them shaped like what
# `openssl s_server -WWW` sends (HTTP/1.0, no length: the body runs until the close).
python3 "$R/fuzz/corpus/make_seeds_py.py" http "$D/http"
# diff_cipher / diff_hash: FIPS-197 / SP 800-38A keys and NIST-like lengths around block
# boundaries, generated (they only seed the structure: the oracle is libcrypto).
python3 "$R/fuzz/corpus/make_seeds_py.py" sym "$D/diff_cipher" "$D/diff_hash"
# diff_x509: the certificates of fuzz/corpus/x509/ (not the requests).
for f in "$D"/x509/*.der; do
  case "$f" in *.csr.der) ;; *) cp "$f" "$D/diff_x509/" ;; esac
done
