#!/bin/bash
# Cross-checks of crypto/pem against the openssl command (an independent implementation):
# base64 both ways against `openssl base64` at lengths around the 3-byte and 48-byte (one PEM
# line) boundaries; PEM made by openssl (genpkey, req -x509, req -new, pkey -pubout, pkcs8)
# decoded to the same DER that openssl writes; our PEM output byte-identical to openssl's;
# several blocks in one file; legacy encrypted PEM refused as unsupported.
# Usage: openssl_check.sh <der_tool> <scratch dir>
set -u
tool=$1
work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 3
checks=0
fails=0
ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*"; }

b64=0
for n in 0 1 2 3 4 5 47 48 49 50 95 96 97 1000 4099; do
  head -c "$n" /dev/urandom > r.bin
  openssl base64 -A -in r.bin > want.txt; [ "$n" -gt 0 ] && echo >> want.txt
  [ "$n" -eq 0 ] && echo > want.txt
  "$tool" b64enc r.bin > got.txt || bad "b64enc $n"
  if cmp -s want.txt got.txt; then ok; else bad "b64enc differs at length $n"; fi
  openssl base64 -in r.bin > lines.txt            # 64-column lines
  "$tool" b64dec lines.txt > back.bin || bad "b64dec $n"
  if cmp -s r.bin back.bin; then ok; else bad "b64dec of openssl lines differs at length $n"; fi
  openssl base64 -d -A -in got.txt > back2.bin 2>/dev/null
  if cmp -s r.bin back2.bin; then ok; else bad "openssl cannot decode our base64 at length $n"; fi
  b64=$((b64 + 1))
done
echo "[ openssl  ] base64 lengths vs openssl base64: $b64 cases"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out key.pem 2>/dev/null || bad "genpkey"
openssl req -x509 -key key.pem -subj "/CN=pem.example" -days 30 -out cert.pem 2>/dev/null || bad "req -x509"
openssl req -new -key key.pem -subj "/CN=csr.example" -out csr.pem 2>/dev/null || bad "req -new"
openssl pkey -in key.pem -pubout -out pub.pem || bad "pkey -pubout"
openssl pkcs8 -topk8 -in key.pem -passout pass:petrel -out enc8.pem 2>/dev/null || bad "pkcs8 -topk8"
openssl rsa -in key.pem -traditional -out rsa.pem 2>/dev/null || bad "rsa -traditional"
openssl rsa -in key.pem -traditional -aes128 -passout pass:petrel -out legacy_enc.pem 2>/dev/null || bad "rsa -aes128"

openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER -out key.der
openssl x509 -in cert.pem -outform DER -out cert.der
openssl req -in csr.pem -outform DER -out csr.der
openssl pkey -pubin -in pub.pem -outform DER -out pub.der
openssl asn1parse -in enc8.pem -out enc8.der > /dev/null
openssl rsa -in key.pem -traditional -outform DER -out rsa.der 2>/dev/null

blocks=0
for pair in "key PRIVATE KEY" "cert CERTIFICATE" "csr CERTIFICATE REQUEST" "pub PUBLIC KEY" \
            "enc8 ENCRYPTED PRIVATE KEY" "rsa RSA PRIVATE KEY"; do
  base=${pair%% *}
  label=${pair#* }
  if "$tool" pem2der "$base.pem" "$label" > "$base.got"; then
    if cmp -s "$base.der" "$base.got"; then ok; else bad "$base.pem: DER differs from openssl's"; fi
  else
    bad "$base.pem: pem2der failed"
  fi
  "$tool" walk "$base.got" > /dev/null || bad "$base.pem: decoded DER does not walk"
  # Writing: byte-identical to openssl's own PEM.
  "$tool" der2pem "$base.der" "$label" > "$base.repem" || bad "$base: der2pem"
  if cmp -s "$base.pem" "$base.repem"; then ok; else bad "$base: our PEM differs from openssl's"; fi
  # openssl reads our PEM back.
  if openssl asn1parse -in "$base.repem" > /dev/null 2>&1; then ok; else bad "$base: openssl cannot read our PEM"; fi
  blocks=$((blocks + 1))
done
echo "[ openssl  ] PEM files vs openssl: $blocks cases"

# A bundle with several blocks and text between them; pick by label.
{ echo "bundle made by openssl_check.sh"; cat cert.pem; echo "note"; cat csr.pem key.pem; } > bundle.pem
"$tool" pem2der bundle.pem "PRIVATE KEY" > b_key.der && cmp -s b_key.der key.der && ok || bad "bundle: PRIVATE KEY"
"$tool" pem2der bundle.pem "CERTIFICATE REQUEST" > b_csr.der && cmp -s b_csr.der csr.der && ok || bad "bundle: CSR"
"$tool" pem2der bundle.pem - > b_any.der && cmp -s b_any.der cert.der && ok || bad "bundle: first block"
if "$tool" pem2der bundle.pem "X509 CRL" > /dev/null 2>&1; then bad "bundle: absent label accepted"; else ok; fi
# CRLF line endings (openssl reads them too).
sed 's/$/\r/' cert.pem > crlf.pem
"$tool" pem2der crlf.pem CERTIFICATE > crlf.der && cmp -s crlf.der cert.der && ok || bad "CRLF PEM"

# Legacy encrypted PEM (RFC 1421 headers): unsupported (exit 2), not garbage.
"$tool" pem2der legacy_enc.pem "RSA PRIVATE KEY" > /dev/null 2>&1
rc=$?
if [ "$rc" -eq 2 ]; then ok; else bad "legacy encrypted PEM: exit $rc, want 2 (unsupported)"; fi
grep -q "Proc-Type: 4,ENCRYPTED" legacy_enc.pem && ok || bad "legacy_enc.pem has no Proc-Type header"
# Corrupted body: one base64 character replaced by '!'.
sed '2s/^./!/' cert.pem > broken.pem
if "$tool" pem2der broken.pem CERTIFICATE > /dev/null 2>&1; then bad "corrupted PEM accepted"; else ok; fi

echo "[ openssl  ] pem openssl checks: $checks run, $fails failed"
[ "$fails" -eq 0 ] && [ "$checks" -gt 0 ]
