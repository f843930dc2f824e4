#!/usr/bin/env bash
# Key loading and its error messages.
#  - RSA public exponents over 64 bits are refused (crypto/rsa/rsa.h kRsaMaxPublicExponentBits):
#    SPKI / PKCS#1 public keys built by `openssl asn1parse -genconf` from a real modulus with
#    e = 2^64 + 1 and e = n - 2 are refused by `petrel rsa -pubin` and `pkeyutl -verify` with a
#    message naming the exponent, e = 2^64 - 1 is accepted; a certificate made by openssl with
#    -force_pubkey of such a key fails `petrel verify` with unsupported_key.
#  - A PEM file whose PUBLIC KEY block comes before the private key serves as a private key
#    (the signature equals `openssl dgst -sign` on the same file); wrong-kind, EC, encrypted
#    (PKCS#8 and legacy Proc-Type), key-less and too-large key files name their real cause.
# usage: keyload_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "keyload_test: openssl not found" >&2
  exit 1
fi
openssl genrsa -out key.pem 2048 2>/dev/null || exit 1
openssl rsa -in key.pem -pubout -out pub.pem 2>/dev/null || exit 1
N=$(openssl rsa -in key.pem -noout -modulus 2>/dev/null | sed 's/^Modulus=//')

# expect_fail TEXT ARGS...: petrel exits 1 with one stderr line containing TEXT.
expect_fail() {
  local text=$1
  shift
  CASES=$((CASES + 1))
  petrel "$@" </dev/null >out 2>err
  local rc=$?
  if [ "$rc" -ne 1 ]; then
    bad "petrel $*: exit $rc (want 1): $(head -3 err)"
  elif ! grep -qF -- "$text" err; then
    bad "petrel $*: stderr lacks '$text': $(head -3 err)"
  fi
}
expect_ok() {
  CASES=$((CASES + 1))
  petrel "$@" </dev/null >out 2>err || bad "petrel $* failed: $(head -3 err)"
}

# spki HEX_E OUT: an RSA SubjectPublicKeyInfo (PEM) with the real modulus and exponent HEX_E.
spki() {
  printf 'asn1=SEQUENCE:spki\n[spki]\nalg=SEQUENCE:alg\nkey=BITWRAP,SEQUENCE:pub\n' >g.cnf
  printf '[alg]\noid=OID:rsaEncryption\nnull=NULL\n[pub]\nn=INTEGER:0x%s\ne=INTEGER:0x%s\n' \
    "$N" "$1" >>g.cnf
  openssl asn1parse -genconf g.cnf -out g.der >/dev/null || exit 1
  { echo "-----BEGIN PUBLIC KEY-----"; base64 -w 64 g.der; echo "-----END PUBLIC KEY-----"; } >"$2"
}

# ---- item 8: exponent bound -----------------------------------------------------------------
spki 010000000000000001 e65.pem                       # 2^64 + 1
# n - 2 (n is odd, its last hex digit >= 2 after subtracting: compute with bc-free bash on the tail)
nm2=$(printf '%s' "$N" | sed 's/.$//')$(printf '%X' $((0x${N: -1} - 2 & 15)))
[ $((0x${N: -1})) -ge 2 ] || nm2=""
[ -n "$nm2" ] && spki "$nm2" enm2.pem
spki FFFFFFFFFFFFFFFF e64.pem                         # 2^64 - 1: the largest accepted
spki 010001 e17.pem
expect_fail "RSA public exponent over 64 bits is not supported" rsa -pubin -in e65.pem -noout
[ -n "$nm2" ] && expect_fail "RSA public exponent over 64 bits is not supported" \
  rsa -pubin -in enm2.pem -noout
openssl rsa -pubin -in e65.pem -RSAPublicKey_out -outform DER -out e65.der 2>/dev/null &&
  expect_fail "RSA public exponent over 64 bits is not supported" \
    rsa -RSAPublicKey_in -in e65.der -noout
expect_ok rsa -pubin -in e64.pem -noout
expect_ok rsa -pubin -in e17.pem -noout
echo hello >msg.txt
openssl dgst -sha256 -sign key.pem -out sig msg.txt
expect_fail "RSA public exponent over 64 bits is not supported" \
  dgst -sha256 -verify e65.pem -signature sig msg.txt
# A certificate carrying such a key (openssl signs it with -force_pubkey).
openssl req -x509 -new -key key.pem -subj /CN=ca -days 30 -out ca.pem \
  -addext basicConstraints=critical,CA:true -addext keyUsage=keyCertSign 2>/dev/null
if openssl x509 -new -subj /CN=huge-e -force_pubkey e65.pem -CA ca.pem -CAkey key.pem \
     -days 30 -out leaf.pem 2>/dev/null ||
   { openssl req -new -key key.pem -subj /CN=huge-e -out r.csr 2>/dev/null &&
     openssl x509 -req -in r.csr -force_pubkey e65.pem -CA ca.pem -CAkey key.pem -days 30 \
       -out leaf.pem 2>/dev/null; }; then
  CASES=$((CASES + 1))
  petrel verify -CAfile ca.pem leaf.pem >out 2>err
  rc=$?
  [ "$rc" -eq 2 ] && grep -q "unsupported_key" err ||
    bad "verify of a huge-e leaf: exit $rc, $(cat err)"
else
  bad "openssl could not make the huge-e certificate"
fi

# ---- item 9: private key blocks anywhere, errors naming the cause -------------------------
cat pub.pem key.pem >pub_then_key.pem
expect_ok rsa -in pub_then_key.pem -noout
CASES=$((CASES + 1))
openssl dgst -sha256 -sign pub_then_key.pem -out sig.o msg.txt 2>/dev/null
petrel dgst -sha256 -sign pub_then_key.pem -out sig.p msg.txt 2>err
cmp -s sig.o sig.p || bad "dgst -sign with a PUBLIC KEY block first: $(cat err)"
expect_ok rsa -pubin -in pub_then_key.pem -noout   # the public block serves as a public key
expect_fail "no private key in file (found a SubjectPublicKeyInfo public key)" \
  rsa -in pub.pem -noout
expect_fail "no public key in file (found a PKCS#8 private key)" rsa -pubin -in key.pem -noout
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pem 2>/dev/null
openssl ec -in ec.pem -out ec_trad.pem 2>/dev/null
openssl ecparam -name prime256v1 -genkey -out ec_param.pem 2>/dev/null
openssl pkey -in ec.pem -pubout -out ec_pub.pem 2>/dev/null
expect_fail "not an RSA key (EC)" rsa -in ec.pem -noout
expect_fail "not an RSA key (EC)" rsa -in ec_trad.pem -noout
expect_fail "not an RSA key (EC)" rsa -in ec_param.pem -noout
expect_fail "not an RSA key (EC)" rsa -pubin -in ec_pub.pem -noout
openssl pkcs8 -topk8 -in key.pem -passout pass:x -out enc8.pem 2>/dev/null
openssl rsa -in key.pem -aes128 -traditional -passout pass:x -out enc_trad.pem 2>/dev/null
expect_fail "encrypted keys are not supported" rsa -in enc8.pem -noout
expect_fail "encrypted keys are not supported" rsa -in enc_trad.pem -noout
expect_fail "no private key in file" rsa -in ca.pem -noout
# An 8192-bit private key (its values built by asn1parse: the refusal comes before any check).
big=$(head -c 1024 /dev/urandom | od -An -v -tx1 | tr -d ' \n' | sed 's/^./F/; s/.$/1/')
printf 'asn1=SEQUENCE:k\n[k]\nv=INTEGER:0\nn=INTEGER:0x%s\ne=INTEGER:65537\nd=INTEGER:0x%s\n' \
  "$big" "$big" >k.cnf
printf 'p=INTEGER:0x%s\nq=INTEGER:0x%s\ndp=INTEGER:3\ndq=INTEGER:3\nqi=INTEGER:3\n' \
  "${big:0:1024}" "${big:1024:1024}" >>k.cnf
openssl asn1parse -genconf k.cnf -out k8192.der >/dev/null || exit 1
{ echo "-----BEGIN RSA PRIVATE KEY-----"; base64 -w 64 k8192.der
  echo "-----END RSA PRIVATE KEY-----"; } >k8192.pem
expect_fail "private keys up to 4096 bits are supported" rsa -in k8192.pem -noout
expect_fail "private keys up to 4096 bits are supported" rsa -in k8192.der -noout

finish keyload_test
