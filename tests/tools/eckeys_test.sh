#!/usr/bin/env bash
# EC and X25519 key files and operations, differential with the openssl command both ways:
#  - keys made by openssl (ecparam -genkey, genpkey; PEM and DER; P-256, P-384, X25519) read by
#    `petrel ec` and written again byte for byte as `openssl ec` writes them (SEC 1, SPKI, -text);
#  - keys made by petrel (genpkey EC/X25519, ecparam -genkey) accepted by `openssl pkey -check`
#    / `openssl ec -check`, re-encoded by openssl to the same bytes, files created 0600;
#  - pkeyutl -derive: petrel and openssl derive the same secret from mixed key pairs (X25519,
#    P-256, P-384), and a peer key of another curve is refused;
#  - dgst -sign/-verify with EC keys: petrel's ECDSA signatures verify in openssl and the reverse,
#    a tampered signature fails in both;
#  - keys petrel refuses with a clear message: explicit parameters, P-521, encrypted PKCS#8, an
#    RSA key given to ec, a public key where a private one is needed.
# LEVEL quick (cross presets, under qemu-user) runs P-256 and X25519 only.
. "$(dirname "$0")/lib.sh"
command -v openssl >/dev/null || { echo "eckeys_test: openssl not found" >&2; exit 1; }
cd "$TMP" || exit 2
mode_of() { stat -c %a "$1"; }

same() {  # same DESC FILE1 FILE2
  CASES=$((CASES + 1))
  cmp -s "$2" "$3" || bad "$1: $2 and $3 differ"
}
ok() {  # ok DESC CMD...
  CASES=$((CASES + 1))
  local desc=$1
  shift
  "$@" >out.txt 2>err.txt || bad "$desc: failed: $(head -3 err.txt)"
}
refuses() {  # refuses DESC TEXT CMD...
  CASES=$((CASES + 1))
  local desc=$1 text=$2
  shift 2
  if "$@" >out.txt 2>err.txt; then
    bad "$desc: accepted"
  elif ! grep -q -- "$text" err.txt; then
    bad "$desc: message '$(head -1 err.txt)' lacks '$text'"
  fi
}

CURVES="P-256 P-384"
[ "$LEVEL" = quick ] && CURVES="P-256"

# ---- openssl -> petrel ----------------------------------------------------------------------
for c in $CURVES; do
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$c -out o_$c.p8.pem 2>/dev/null
  openssl ec -in o_$c.p8.pem -out o_$c.sec1.pem 2>/dev/null
  openssl ec -in o_$c.p8.pem -outform DER -out o_$c.sec1.der 2>/dev/null
  openssl pkey -in o_$c.p8.pem -outform DER -out o_$c.p8.der
  openssl pkey -in o_$c.p8.pem -pubout -out o_$c.pub.pem
  openssl pkey -in o_$c.p8.pem -pubout -outform DER -out o_$c.pub.der
  openssl ec -in o_$c.p8.pem -text -noout >o_$c.txt 2>/dev/null
  for f in o_$c.p8.pem o_$c.p8.der o_$c.sec1.pem o_$c.sec1.der; do
    ok "ec -in $f" petrel ec -in $f -out p.pem
    same "ec -in $f (SEC 1 out)" p.pem o_$c.sec1.pem
    ok "ec -in $f -pubout" petrel ec -in $f -pubout -out p.pub.pem
    same "ec -in $f -pubout" p.pub.pem o_$c.pub.pem
    ok "ec -in $f -text" petrel ec -in $f -text -noout -out p.txt
    same "ec -in $f -text" p.txt o_$c.txt
  done
  ok "ec -pubin DER -outform DER" petrel ec -pubin -in o_$c.pub.der -outform DER -out p.pub.der
  same "ec -pubin $c" p.pub.der o_$c.pub.der
  ok "ec -outform DER" petrel ec -in o_$c.sec1.pem -outform DER -out p.der
  same "ec -outform DER $c" p.der o_$c.sec1.der
  CASES=$((CASES + 1))
  [ "$(mode_of p.der)" = 600 ] || bad "ec private key output mode $(mode_of p.der)"
done
# ecparam -genkey output (EC PARAMETERS block first).
openssl ecparam -name prime256v1 -genkey -out o_ecparam.pem
ok "ec -in ecparam output" petrel ec -in o_ecparam.pem -out p.pem
openssl ec -in o_ecparam.pem -out o_ecparam.sec1.pem 2>/dev/null
same "ec of ecparam -genkey" p.pem o_ecparam.sec1.pem

# ---- petrel -> openssl ----------------------------------------------------------------------
for c in $CURVES; do
  ok "genpkey EC $c" petrel genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$c -out g_$c.pem
  CASES=$((CASES + 1))
  [ "$(mode_of g_$c.pem)" = 600 ] || bad "genpkey $c mode $(mode_of g_$c.pem)"
  ok "openssl pkey -check genpkey $c" openssl pkey -in g_$c.pem -check -noout
  openssl pkey -in g_$c.pem -out g_$c.o.pem
  same "genpkey $c re-encoded by openssl" g_$c.pem g_$c.o.pem
  ok "genpkey -outform DER $c" petrel genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$c -outform DER -out g_$c.der
  ok "openssl pkey DER $c" openssl pkey -inform DER -in g_$c.der -check -noout
done
ok "genpkey X25519" petrel genpkey -algorithm X25519 -out g_x.pem
ok "openssl pkey -check X25519" openssl pkey -in g_x.pem -check -noout
openssl pkey -in g_x.pem -out g_x.o.pem
same "genpkey X25519 re-encoded by openssl" g_x.pem g_x.o.pem
ok "ecparam -genkey" petrel ecparam -name prime256v1 -genkey -out e.pem
CASES=$((CASES + 1))
[ "$(mode_of e.pem)" = 600 ] || bad "ecparam -genkey mode $(mode_of e.pem)"
ok "openssl ec -check ecparam" openssl ec -in e.pem -check -noout
head -1 e.pem | grep -q "BEGIN EC PARAMETERS" || bad "ecparam: no EC PARAMETERS block"
ok "ecparam -genkey -noout" petrel ecparam -name prime256v1 -genkey -noout -out e2.pem
head -1 e2.pem | grep -q "BEGIN EC PRIVATE KEY" || bad "ecparam -noout: $(head -1 e2.pem)"
ok "ecparam (parameters only)" petrel ecparam -name prime256v1 -out ep.pem
openssl ecparam -name prime256v1 -out ep.o.pem
same "ecparam parameters" ep.pem ep.o.pem

# ---- pkeyutl -derive, both ways ---------------------------------------------------------------
openssl genpkey -algorithm X25519 -out o_x.pem 2>/dev/null
openssl pkey -in o_x.pem -pubout -out o_x.pub.pem
openssl pkey -in g_x.pem -pubout -out g_x.pub.pem
derive_pair() {  # derive_pair NAME MINE_PETREL PEER_OPENSSL_PUB MINE_PUB PEER_OPENSSL_PRIV
  ok "derive $1 (petrel)" petrel pkeyutl -derive -inkey "$2" -peerkey "$3" -out d_p.bin
  openssl pkeyutl -derive -inkey "$5" -peerkey "$4" -out d_o.bin 2>/dev/null
  same "derive $1: petrel and openssl agree" d_p.bin d_o.bin
  CASES=$((CASES + 1))
  [ -s d_p.bin ] || bad "derive $1: empty secret"
}
derive_pair X25519 g_x.pem o_x.pub.pem g_x.pub.pem o_x.pem
for c in $CURVES; do
  openssl pkey -in g_$c.pem -pubout -out g_$c.pub.pem
  derive_pair "ECDH $c" g_$c.pem o_$c.pub.pem g_$c.pub.pem o_$c.p8.pem
  # petrel with openssl's private key and a SEC 1 key file as the peer
  ok "derive $c (openssl key in petrel)" petrel pkeyutl -derive -inkey o_$c.sec1.pem -peerkey g_$c.pub.pem -out d2.bin
  same "derive $c reversed" d2.bin d_o.bin
done
refuses "derive with a peer of another curve" "same curve" \
  petrel pkeyutl -derive -inkey g_P-256.pem -peerkey o_x.pub.pem -out d.bin
refuses "derive without -peerkey" "peerkey" petrel pkeyutl -derive -inkey g_P-256.pem

# ---- dgst -sign/-verify, both ways --------------------------------------------------------------
head -c 1000 /dev/urandom >msg.bin
for c in $CURVES; do
  for h in sha256 sha384; do
    ok "dgst -$h -sign $c" petrel dgst -$h -sign g_$c.pem -out s_p.der msg.bin
    ok "openssl verifies petrel's $c $h" openssl dgst -$h -verify g_$c.pub.pem -signature s_p.der msg.bin
    openssl dgst -$h -sign o_$c.p8.pem -out s_o.der msg.bin
    ok "petrel verifies openssl's $c $h" petrel dgst -$h -verify o_$c.pub.pem -signature s_o.der msg.bin
    ok "petrel -prverify $c $h" petrel dgst -$h -prverify o_$c.sec1.pem -signature s_o.der msg.bin
    cp s_o.der s_t.der
    # Flip the last byte's low bit (setting it to 0x01 left 1 signature in 256 untouched).
    last=$(tail -c 1 s_t.der | od -An -tu1 | tr -d ' ')
    printf "\\x$(printf %02x $((last ^ 1)))" |
      dd of=s_t.der bs=1 seek=$(($(stat -c %s s_t.der) - 1)) conv=notrunc 2>/dev/null
    CASES=$((CASES + 1))
    if petrel dgst -$h -verify o_$c.pub.pem -signature s_t.der msg.bin >out.txt 2>&1; then
      bad "tampered signature $c $h accepted"
    fi
    grep -q "Verification failure" out.txt || bad "tampered $c $h: $(cat out.txt)"
    CASES=$((CASES + 1))
    if openssl dgst -$h -verify o_$c.pub.pem -signature s_t.der msg.bin >/dev/null 2>&1; then
      bad "openssl accepted the tampered signature $c $h (the test is wrong)"
    fi
  done
done
refuses "X25519 cannot sign" "cannot sign" petrel dgst -sha256 -sign g_x.pem -out s.der msg.bin

# ---- requests and certificates with EC keys, both ways ------------------------------------------
ok "req -x509 with a P-384 key" petrel req -x509 -new -key g_${CURVES##* }.pem -subj "/CN=Petrel EC Root" -days 30 -sha384 -out p_root.pem
ok "openssl checks the self-signature" openssl verify -check_ss_sig -CAfile p_root.pem p_root.pem
ok "req -new with a P-256 key" petrel req -new -key g_P-256.pem -subj "/CN=leaf.example" -addext subjectAltName=DNS:leaf.example -out p_leaf.csr
ok "openssl req -verify" openssl req -in p_leaf.csr -verify -noout
ok "x509 -req signed by the EC root" petrel x509 -req -in p_leaf.csr -CA p_root.pem -CAkey g_${CURVES##* }.pem -days 10 -purpose server -out p_leaf.pem
ok "openssl verifies petrel's EC chain" openssl verify -CAfile p_root.pem -purpose sslserver p_leaf.pem
ok "petrel verifies its EC chain" petrel verify -CAfile p_root.pem -purpose sslserver p_leaf.pem
openssl x509 -in p_leaf.pem -noout -text >o_cert.txt
petrel x509 -in p_leaf.pem -noout -text >p_cert.txt
CASES=$((CASES + 1))
grep -A8 "Public-Key: (256 bit)" o_cert.txt | tail -8 >o_pub.txt
grep -A8 "Public-Key: (256 bit)" p_cert.txt | tail -8 >p_pub.txt
cmp -s o_pub.txt p_pub.txt || bad "x509 -text public key lines differ from openssl's"
# An RSA leaf under the EC root, and an EC leaf from an openssl CSR.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa.pem 2>/dev/null
openssl req -new -key rsa.pem -subj "/CN=rsa.example" -out o_rsa.csr
ok "x509 -req RSA request, EC CA" petrel x509 -req -in o_rsa.csr -CA p_root.pem -CAkey g_${CURVES##* }.pem -days 10 -purpose client -out p_rsa_leaf.pem
ok "openssl verifies the RSA leaf under the EC root" openssl verify -CAfile p_root.pem p_rsa_leaf.pem
openssl req -new -key o_P-256.p8.pem -subj "/CN=o.example" -out o_ec.csr
ok "x509 -req openssl EC request" petrel x509 -req -in o_ec.csr -CA p_root.pem -CAkey g_${CURVES##* }.pem -days 10 -purpose server -out p_o_leaf.pem
ok "openssl verifies it" openssl verify -CAfile p_root.pem p_o_leaf.pem
# openssl's EC CA issuing for petrel's request; petrel verifies.
openssl req -x509 -new -key o_P-256.p8.pem -subj "/CN=OpenSSL EC Root" -days 30 -out o_root.pem
openssl x509 -req -in p_leaf.csr -CA o_root.pem -CAkey o_P-256.p8.pem -days 10 -out o_leaf.pem 2>/dev/null
ok "petrel verifies openssl's EC chain" petrel verify -CAfile o_root.pem o_leaf.pem
ok "x509 -req with openssl's EC CA key" petrel x509 -req -in p_leaf.csr -CA o_root.pem -CAkey o_P-256.sec1.pem -days 10 -purpose server -out p_leaf2.pem
ok "openssl verifies petrel's signature with openssl's key" openssl verify -CAfile o_root.pem p_leaf2.pem
refuses "CA key of another certificate" "does not match" petrel x509 -req -in p_leaf.csr -CA o_root.pem -CAkey g_P-256.pem -days 10 -purpose server -out bad.pem
# A tampered EC request is refused.
openssl req -in p_leaf.csr -outform DER -out p_leaf.csr.der
# Flip the last byte's low bit (the signature's; writing 0x01 left 1 request in 256 untouched).
last=$(tail -c 1 p_leaf.csr.der | od -An -tu1 | tr -d ' ')
printf "\\x$(printf %02x $((last ^ 1)))" |
  dd of=p_leaf.csr.der bs=1 seek=$(($(stat -c %s p_leaf.csr.der) - 1)) conv=notrunc 2>/dev/null
refuses "tampered EC request" "does not verify" petrel x509 -req -in p_leaf.csr.der -CA o_root.pem -CAkey o_P-256.sec1.pem -days 10 -purpose server -out bad.pem

# ---- refused keys -------------------------------------------------------------------------------
openssl ecparam -name prime256v1 -param_enc explicit -genkey -noout -out explicit.pem
refuses "explicit parameters" "explicit EC parameters" petrel ec -in explicit.pem -noout
openssl ec -in explicit.pem -pubout -out explicit.pub.pem 2>/dev/null
refuses "explicit parameters (public)" "explicit EC parameters" petrel ec -pubin -in explicit.pub.pem -noout
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-521 -out p521.pem 2>/dev/null
refuses "P-521" "unsupported curve" petrel ec -in p521.pem -noout
openssl pkey -in g_P-256.pem -aes128 -passout pass:x -out enc.pem 2>/dev/null
refuses "encrypted PKCS#8" "encrypted" petrel ec -in enc.pem -noout
refuses "RSA key to ec" "not an EC" petrel ec -in rsa.pem -noout
openssl rsa -in rsa.pem -traditional -out rsa1.pem 2>/dev/null
refuses "PKCS#1 RSA key to ec" "not an EC" petrel ec -in rsa1.pem -noout
refuses "public key as private" "public key where a private" petrel ec -in o_P-256.pub.pem -noout
refuses "X25519 key to ec" "X25519" petrel ec -in g_x.pem -noout
refuses "genpkey unknown curve" "unknown curve" petrel genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-521
refuses "ecparam explicit" "not supported" petrel ecparam -name prime256v1 -param_enc explicit -genkey
# a truncated key file
head -c 60 o_P-256.sec1.der >trunc.der
refuses "truncated SEC 1 DER" "malformed" petrel ec -in trunc.der -noout

finish eckeys_test
