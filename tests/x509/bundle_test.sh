#!/usr/bin/env bash
# petrel verify with certificate bundles that hold blocks Petrel cannot use (hardening issue
# item 3): a trust store or -untrusted file with a block that is not a certificate, a legacy
# encrypted key (RFC 1421 "Proc-Type: 4,ENCRYPTED"), a certificate that does not parse, base64
# garbage, and a real deployed root with a non-minimal keyUsage (Trustwave Global ECC P256)
# still verifies a chain made by openssl, with one warning per skipped block on stderr; and the
# system bundle (/etc/ssl/certs/ca-certificates.crt, when present) gives the same verdict as
# `openssl verify` instead of refusing the whole file.
#
#   bundle_test.sh PETREL OUTDIR
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 PETREL OUTDIR" >&2
  exit 2
fi
PETREL=$1
OUT=$2
FIXTURES=$(cd "$(dirname "$0")" && pwd)/fixtures
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT" || exit 2

FAILURES=0
CASES=0
bad() {
  echo "FAIL: $*" >&2
  FAILURES=$((FAILURES + 1))
}
# expect_in FILE TEXT WHAT: FILE contains TEXT.
expect_in() {
  CASES=$((CASES + 1))
  grep -qF -- "$2" "$1" || bad "$3: '$2' not in $1: $(cat "$1")"
}

ossl() { openssl "$@" 2>/dev/null || { echo "openssl $* failed" >&2; exit 2; }; }

# A root, an intermediate and a leaf, as openssl makes them.
cat > ext.cnf <<'EOC'
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:www.example.com
EOC
ossl req -x509 -newkey rsa:2048 -nodes -keyout root.key -subj "/O=Bundle Test/CN=Bundle Root" \
  -days 30 -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" -out root.pem
ossl req -new -newkey rsa:2048 -nodes -keyout int.key -subj "/O=Bundle Test/CN=Bundle Int" -out int.csr
ossl x509 -req -in int.csr -CA root.pem -CAkey root.key -set_serial 2 -days 30 \
  -extfile ext.cnf -extensions ca -out int.pem
ossl req -new -newkey rsa:2048 -nodes -keyout leaf.key -subj "/CN=www.example.com" -out leaf.csr
ossl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -set_serial 3 -days 30 \
  -extfile ext.cnf -extensions leaf -out leaf.pem

# Blocks Petrel cannot use.
ossl genrsa -out plain.key 1024
ossl rsa -in plain.key -aes128 -traditional -passout pass:secret -out encrypted.key
grep -q "Proc-Type: 4,ENCRYPTED" encrypted.key || { echo "no RFC 1421 headers" >&2; exit 2; }
{
  echo "-----BEGIN CERTIFICATE-----"
  printf '\x30\x03\x02\x01\x05' | base64
  echo "-----END CERTIFICATE-----"
} > notcert.pem
{
  echo "-----BEGIN CERTIFICATE-----"
  echo "!!!! not base64 !!!!"
  echo "-----END CERTIFICATE-----"
} > badb64.pem
# The intermediate with its version changed to 5 (a0 03 02 01 02 -> ... 04): unparseable, but
# the subject is still readable for the warning.
hex=$(openssl x509 -in int.pem -outform der | od -An -v -tx1 | tr -d ' \n')
badhex=${hex/a003020102/a003020104}
[ "$badhex" != "$hex" ] || { echo "no version field found" >&2; exit 2; }
printf "$(echo "$badhex" | sed 's/../\\x&/g')" > badversion.der
{
  echo "-----BEGIN CERTIFICATE-----"
  base64 -w 64 badversion.der
  echo "-----END CERTIFICATE-----"
} > badversion.pem
# A real deployed root with keyUsage 03 03 07 06 00 (tests/x509/fixtures/README.md).
openssl x509 -inform der -in "$FIXTURES/trustwave_global_ecc_p256.der" -out trustwave.pem

cat notcert.pem encrypted.key plain.key badb64.pem badversion.pem trustwave.pem root.pem > store.pem
cat badversion.pem encrypted.key notcert.pem int.pem > untrusted.pem

# 1. The chain verifies through the messy store and untrusted bundles; the warnings name every
#    skipped block.
"$PETREL" verify -CAfile store.pem -untrusted untrusted.pem leaf.pem > out.txt 2> err.txt
rc=$?
CASES=$((CASES + 1))
[ $rc -eq 0 ] || bad "verify through messy bundles: exit $rc"
expect_in out.txt "leaf.pem: OK" "verdict"
expect_in err.txt "store.pem: PEM block 1 (line 1) is not a certificate Petrel can parse; skipped" \
  "garbage certificate"
expect_in err.txt "store.pem: PEM block 2 (line 4) (RSA PRIVATE KEY) has RFC 1421 headers" \
  "encrypted key"
expect_in err.txt "is a PRIVATE KEY, not a CERTIFICATE; skipped" "non-certificate block"
expect_in err.txt "has bad base64; skipped" "bad base64"
expect_in err.txt "(subject O = Bundle Test, CN = Bundle Int) is not a certificate Petrel can parse" \
  "unparseable certificate with its subject"
expect_in err.txt "untrusted.pem: PEM block 1 (line 1) (subject O = Bundle Test, CN = Bundle Int)" \
  "untrusted bundle warning"
CASES=$((CASES + 1))
if grep -q "Trustwave" err.txt; then
  bad "the Trustwave root was skipped: $(cat err.txt)"
fi
# openssl refuses such a store file as a whole, so the verdict is compared on the usable part:
# the Trustwave root and the chain's root, the intermediate as untrusted.
cat trustwave.pem root.pem > clean_store.pem
CASES=$((CASES + 1))
openssl verify -CAfile clean_store.pem -untrusted int.pem leaf.pem < /dev/null > /dev/null 2>&1 ||
  bad "openssl verify refuses the chain with the clean store"
"$PETREL" verify -CAfile clean_store.pem -untrusted int.pem leaf.pem > out1.txt 2> err1.txt
expect_in out1.txt "leaf.pem: OK" "clean store"
CASES=$((CASES + 1))
[ ! -s err1.txt ] || bad "warnings for a clean store: $(cat err1.txt)"

# 2. A bundle with nothing usable is still an error.
cat notcert.pem encrypted.key > nothing.pem
"$PETREL" verify -CAfile nothing.pem leaf.pem > out2.txt 2> err2.txt
rc=$?
CASES=$((CASES + 1))
[ $rc -ne 0 ] || bad "a store without a usable certificate was accepted"
expect_in err2.txt "no usable CERTIFICATE found" "empty store"

# 3. The system bundle: the verdict openssl gives (unknown issuer for a private root; OK with it
#    appended), not a refusal of the file.
SYSTEM=/etc/ssl/certs/ca-certificates.crt
if [ -r "$SYSTEM" ]; then
  "$PETREL" verify -CAfile "$SYSTEM" -untrusted int.pem leaf.pem > out3.txt 2> err3.txt
  rc=$?
  CASES=$((CASES + 1))
  [ $rc -eq 2 ] || bad "system bundle: exit $rc, want 2 (verification failed)"
  expect_in err3.txt "error unknown_issuer at 1 depth lookup" "system bundle verdict"
  CASES=$((CASES + 1))
  if grep -q "malformed" err3.txt; then
    bad "system bundle reported malformed: $(cat err3.txt)"
  fi
  CASES=$((CASES + 1))
  openssl verify -CAfile "$SYSTEM" -untrusted int.pem leaf.pem 2>&1 | grep -q "error 20 at 1" ||
    bad "openssl does not say unknown issuer at depth 1 for the system bundle"
  cat "$SYSTEM" root.pem > system_plus.pem
  "$PETREL" verify -CAfile system_plus.pem -untrusted int.pem leaf.pem > out4.txt 2> err4.txt
  rc=$?
  CASES=$((CASES + 1))
  [ $rc -eq 0 ] || bad "system bundle plus root: exit $rc: $(cat err4.txt)"
  expect_in out4.txt "leaf.pem: OK" "system bundle plus root"
else
  echo "bundle_test: $SYSTEM absent, system bundle cases skipped"
fi

echo "bundle_test: $CASES checks, $FAILURES failures"
[ "$FAILURES" -eq 0 ]
