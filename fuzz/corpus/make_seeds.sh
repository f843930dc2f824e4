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
