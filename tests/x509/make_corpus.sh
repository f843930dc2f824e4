#!/usr/bin/env bash
# Generates the certificate chain corpus for the x509 comparison test with the openssl command
# (an independent implementation): keys, CAs and leaves with fixed validity dates, and a
# manifest of cases. Run by CTest into the build directory.
#
#   make_corpus.sh OUTDIR
#
# OUTDIR/cases.txt has one case per line, tab-separated:
#   NAME  EXPECT  CAFILE  UNTRUSTED  LEAF  OPTIONS
# EXPECT is OK or the error number `openssl verify` gives (checked by verify_compare.sh, so a
# corpus that does not say what it means to say fails); UNTRUSTED is a bundle file or "-";
# OPTIONS are passed to both verifiers, after "-attime $ATTIME -auth_level 1".
# Every case has a single defect, so the first error reported is well defined.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
OUT=$1
# Pre-made keys (tests/x509/keys/corpus/NAME.key, made by this script's key() and eckey() with
# openssl genrsa / genpkey): about 100 RSA-2048 key generations were most of this test's time.
# A name without a file there gets a new key, as before.
KEYDIR="$(cd "$(dirname "$0")" && pwd)/keys/corpus"
rm -rf "$OUT"
mkdir -p "$OUT/new"
cd "$OUT"

ATTIME=1717200000  # 2024-06-01T00:00:00Z
echo "$ATTIME" > attime.txt
# Validity windows around ATTIME (UTCTime, and GeneralizedTime after 2049).
GOOD="200101000000Z 350101000000Z"
EXPIRED="200101000000Z 230101000000Z"
NOTYET="250101000000Z 350101000000Z"
LONG="200101000000Z 20550101000000Z"

cat > ca.cnf <<'EOF'
[ca]
default_ca = d
[d]
database = ./index.txt
new_certs_dir = ./new
serial = ./serial
policy = any
unique_subject = no
default_md = sha256
[any]
commonName = optional
EOF
touch index.txt
echo 1000 > serial

cat > ext.cnf <<'EOF'
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[root_nc]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
nameConstraints = critical,permitted;DNS:example.com
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ca_noaki]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ca_pl0]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ca_pl1]
basicConstraints = critical,CA:TRUE,pathlen:1
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ca_noca]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ca_nobc]
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[root_nobc]
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[root_nobc_noku]
subjectKeyIdentifier = hash
[root_nobc_ku_nosign]
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
[ca_noku]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ca_nc_dns]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
nameConstraints = critical,permitted;DNS:example.com
[ca_nc_excl]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
nameConstraints = critical,excluded;DNS:bad.example.com
[ca_nc_ip]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
nameConstraints = critical,permitted;IP:192.0.2.0/255.255.255.0
[ca_nc_email]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
nameConstraints = critical,permitted;email:example.com
[ca_nc_dir]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
nameConstraints = critical,permitted;dirName:dir_good
[dir_good]
C = US
O = Good
[ca_eku_client]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
extendedKeyUsage = clientAuth
[ca_crit]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
1.2.3.4 = critical,DER:05:00
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[server_noaki]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
[server_nokeyid]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = none
authorityKeyIdentifier = none
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[server_kucs]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyCertSign
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[server_crit]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
1.2.3.4 = critical,DER:05:00
[server_noncrit]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
1.2.3.4 = DER:05:00
[server_policies]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
certificatePolicies = 2.23.140.1.2.1,1.3.6.1.4.1.99999.1
crlDistributionPoints = URI:http://crl.example.com/ca.crl
authorityInfoAccess = OCSP;URI:http://ocsp.example.com/
[leaf_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature,keyEncipherment,keyCertSign
subjectAltName = $ENV::SAN
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF

export SAN="DNS:www.example.com,IP:192.0.2.1"

LOG=$OUT/openssl.log
run() {
  if ! "$@" >>"$LOG" 2>&1; then
    echo "make_corpus: failed: $*" >&2
    tail -20 "$LOG" >&2
    exit 1
  fi
}

# key NAME [BITS]: one key per entity (several certificates may share one).
key() {
  local bits=${2:-2048}
  if [ ! -f "$1.key" ] && [ -f "$KEYDIR/$1.key" ]; then
    cp "$KEYDIR/$1.key" "$1.key"
    # the stored key must still be what the corpus asks for
    if ! openssl rsa -in "$1.key" -noout -text 2>/dev/null | head -n1 | grep -q "($bits bit"; then
      echo "make_corpus: $KEYDIR/$1.key is not a $bits-bit RSA key" >&2
      exit 1
    fi
  fi
  if [ ! -f "$1.key" ]; then
    run openssl genrsa -out "$1.key" "$bits"
  fi
}

# cert NAME SUBJ ISSUER EXT START END [KEY] [extra openssl ca args...]
#   ISSUER "self" for a self-signed certificate; EXT "none" for a version 1 certificate.
cert() {
  local name=$1 subj=$2 issuer=$3 ext=$4 start=$5 end=$6 k=${7:-$1}
  shift 7 || shift $#
  key "$k"
  run openssl req -new -key "$k.key" -subj "$subj" -out "$name.csr"
  local args=(-batch -config ca.cnf -in "$name.csr" -out "$name.pem" -notext -preserveDN
              -startdate "$start" -enddate "$end")
  if [ "$ext" != none ]; then
    args+=(-extfile ext.cnf -extensions "$ext")
  fi
  if [ "$issuer" = self ]; then
    args+=(-selfsign -keyfile "$k.key")
  else
    args+=(-cert "$issuer.pem" -keyfile "$(keyof "$issuer").key")
  fi
  run openssl ca "${args[@]}" "$@"
  echo "$k" > "$name.keyname"
}
keyof() { cat "$1.keyname"; }

# eckey NAME CURVE: an EC key (P-256, P-384, or another curve openssl knows), made before the
# cert that uses it (cert's key() then finds the file).
eckey() {
  if [ ! -f "$1.key" ] && [ -f "$KEYDIR/$1.key" ]; then
    cp "$KEYDIR/$1.key" "$1.key"
    local want=$2
    case "$want" in P-256) want=prime256v1 ;; P-384) want=secp384r1 ;; esac
    if ! openssl pkey -in "$1.key" -noout -text 2>/dev/null | grep -q "ASN1 OID: $want"; then
      echo "make_corpus: $KEYDIR/$1.key is not a $2 key" >&2
      exit 1
    fi
  fi
  if [ ! -f "$1.key" ]; then
    run openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$2" -out "$1.key"
  fi
}

# Flips the last byte of a certificate's DER (inside the signature) and writes PEM.
tamper() {
  run openssl x509 -in "$1.pem" -outform DER -out "$2.der"
  local size last
  size=$(stat -c %s "$2.der")
  last=$(od -An -tu1 -j $((size - 1)) -N1 "$2.der" | tr -d ' ')
  head -c $((size - 1)) "$2.der" > "$2.tmp"
  printf "\\$(printf %03o $((last ^ 1)))" >> "$2.tmp"
  { echo "-----BEGIN CERTIFICATE-----"; base64 -w 64 "$2.tmp"; echo "-----END CERTIFICATE-----"; } > "$2.pem"
  rm -f "$2.tmp" "$2.der"
  echo "$(keyof "$1")" > "$2.keyname"
}

bundle() {  # bundle OUT FILES...
  local out=$1
  shift
  cat "$@" > "$out.pem"
}

CASES=$OUT/cases.txt
: > "$CASES"
add() {  # add NAME EXPECT CAFILE UNTRUSTED LEAF [OPTIONS...]
  local name=$1 expect=$2 ca=$3 un=$4 leaf=$5
  shift 5
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$expect" "$ca.pem" \
    "$([ "$un" = - ] && echo - || echo "$un.pem")" "$leaf.pem" "$*" >> "$CASES"
}

SRV="-purpose sslserver -verify_hostname www.example.com"
LEAF_SUBJ="/C=US/O=Good/CN=www.example.com"

# ---- the base PKI: root -> int -> leaf --------------------------------------------------------
cert root "/C=US/O=Petrel Test/CN=Petrel Root" self root $LONG
cert int "/C=US/O=Petrel Test/CN=Petrel Intermediate" root ca $GOOD
cert leaf "$LEAF_SUBJ" int server $GOOD
cert other_root "/C=US/O=Other/CN=Other Root" self root $LONG
cert other_leaf "/C=US/O=Other/CN=other.example.net" other_root server $GOOD
add good OK root int leaf $SRV
add good_no_options OK root int leaf
bundle mixed other_leaf.pem other_root.pem int.pem
add good_mixed_untrusted OK root mixed leaf $SRV
add good_two_anchors OK root int leaf $SRV
bundle two_roots other_root.pem root.pem
add good_anchor_bundle OK two_roots int leaf $SRV
add missing_intermediate 20 root - leaf $SRV
add wrong_root 20 other_root int leaf $SRV
add intermediate_as_anchor 2 int - leaf $SRV
add intermediate_as_anchor_partial OK int - leaf $SRV -partial_chain

# ---- time, at each depth -----------------------------------------------------------------------
cert leaf_expired "$LEAF_SUBJ" int server $EXPIRED
cert leaf_notyet "$LEAF_SUBJ" int server $NOTYET
add leaf_expired 10 root int leaf_expired $SRV
add leaf_not_yet_valid 9 root int leaf_notyet $SRV
cert int_expired "/C=US/O=Petrel Test/CN=Expired Intermediate" root ca $EXPIRED
cert leaf_u_int_expired "$LEAF_SUBJ" int_expired server $GOOD
add int_expired 10 root int_expired leaf_u_int_expired $SRV
cert int_notyet "/C=US/O=Petrel Test/CN=Future Intermediate" root ca $NOTYET
cert leaf_u_int_notyet "$LEAF_SUBJ" int_notyet server $GOOD
add int_not_yet_valid 9 root int_notyet leaf_u_int_notyet $SRV
cert root_expired "/C=US/O=Petrel Test/CN=Expired Root" self root $EXPIRED
cert int_u_root_expired "/C=US/O=Petrel Test/CN=Int Under Expired Root" root_expired ca $GOOD
cert leaf_u_root_expired "$LEAF_SUBJ" int_u_root_expired server $GOOD
add root_expired 10 root_expired int_u_root_expired leaf_u_root_expired $SRV
cert root_notyet "/C=US/O=Petrel Test/CN=Future Root" self root $NOTYET
cert int_u_root_notyet "/C=US/O=Petrel Test/CN=Int Under Future Root" root_notyet ca $GOOD
cert leaf_u_root_notyet "$LEAF_SUBJ" int_u_root_notyet server $GOOD
add root_not_yet_valid 9 root_notyet int_u_root_notyet leaf_u_root_notyet $SRV
cert leaf_gentime "$LEAF_SUBJ" int server $LONG
add leaf_generalized_time OK root int leaf_gentime $SRV

# ---- issuer and signature -------------------------------------------------------------------------
# A second key under the intermediate's name signs leaves.
cert int_fake "/C=US/O=Petrel Test/CN=Petrel Intermediate" root ca $GOOD int_fake
cert leaf_wrong_key_noaki "$LEAF_SUBJ" int_fake server_nokeyid $GOOD
add wrong_issuer_key 7 root int leaf_wrong_key_noaki $SRV
cert leaf_wrong_key_aki "$LEAF_SUBJ" int_fake server $GOOD
add wrong_issuer_key_id 20 root int leaf_wrong_key_aki $SRV
bundle both_ints int.pem int_fake.pem
add same_subject_two_candidates OK root both_ints leaf_wrong_key_aki $SRV
bundle both_ints_rev int_fake.pem int.pem
add same_subject_two_candidates_rev OK root both_ints_rev leaf $SRV
tamper leaf leaf_tampered
add tampered_leaf 7 root int leaf_tampered $SRV
tamper int int_tampered
add tampered_intermediate 7 root int_tampered leaf $SRV
tamper root root_tampered
add tampered_root_anchor OK root_tampered int leaf $SRV

# ---- CA flags and path length ---------------------------------------------------------------------
cert int_noca "/C=US/O=Petrel Test/CN=Not A CA" root ca_noca $GOOD
cert leaf_u_noca "$LEAF_SUBJ" int_noca server $GOOD
add int_not_ca 79 root int_noca leaf_u_noca $SRV
cert int_nobc "/C=US/O=Petrel Test/CN=No BC" root ca_nobc $GOOD
cert leaf_u_nobc "$LEAF_SUBJ" int_nobc server $GOOD
add int_no_basic_constraints 79 root int_nobc leaf_u_nobc $SRV
# A v3 self-signed root without basicConstraints (hardening item 13): trust anchor information
# (RFC 5280 6.1.1 (d)), accepted when its keyUsage has keyCertSign, as openssl verify accepts it;
# without keyUsage, or with keyUsage lacking keyCertSign, refused (openssl: invalid CA, 79).
cert root_nobc "/C=US/O=Petrel Test/CN=Root Without BC" self root_nobc $LONG
cert int_u_root_nobc "/C=US/O=Petrel Test/CN=Int Under Root Without BC" root_nobc ca $GOOD int
cert leaf_u_root_nobc "$LEAF_SUBJ" int_u_root_nobc server $GOOD leaf
add root_no_basic_constraints OK root_nobc int_u_root_nobc leaf_u_root_nobc $SRV
cert leaf_d_root_nobc "$LEAF_SUBJ" root_nobc server $GOOD leaf
add root_no_basic_constraints_direct OK root_nobc - leaf_d_root_nobc $SRV
cert root_nobc_noku "/C=US/O=Petrel Test/CN=Root Without BC or KU" self root_nobc_noku $LONG root_nobc
cert leaf_u_root_nobc_noku "$LEAF_SUBJ" root_nobc_noku server $GOOD leaf
add root_no_basic_constraints_no_key_usage 79 root_nobc_noku - leaf_u_root_nobc_noku $SRV
cert root_nobc_kuds "/C=US/O=Petrel Test/CN=Root Without BC KU digitalSignature" self root_nobc_ku_nosign $LONG root_nobc
cert leaf_u_root_nobc_kuds "$LEAF_SUBJ" root_nobc_kuds server $GOOD leaf
add root_no_basic_constraints_no_cert_sign 79 root_nobc_kuds - leaf_u_root_nobc_kuds $SRV
# ... but only as the anchor: the same certificate as an intermediate under a real root.
cert int_nobc_selfsub "/C=US/O=Petrel Test/CN=Root Without BC" root ca_nobc $GOOD root_nobc
add root_no_basic_constraints_as_intermediate 79 root int_nobc_selfsub leaf_d_root_nobc $SRV
cert int_noku "/C=US/O=Petrel Test/CN=No keyCertSign" root ca_noku $GOOD
cert leaf_u_noku "$LEAF_SUBJ" int_noku server $GOOD
add int_no_key_cert_sign 79 root int_noku leaf_u_noku $SRV
cert int_v1 "/C=US/O=Petrel Test/CN=Version 1 Intermediate" root none $GOOD
cert leaf_u_v1 "$LEAF_SUBJ" int_v1 server_nokeyid $GOOD
add int_version1 79 root int_v1 leaf_u_v1 $SRV
cert root_v1 "/C=US/O=Petrel Test/CN=Version 1 Root" self none $LONG
cert int_u_v1root "/C=US/O=Petrel Test/CN=Int Under V1 Root" root_v1 ca_noaki $GOOD
cert leaf_u_v1root "$LEAF_SUBJ" int_u_v1root server $GOOD
add root_version1 OK root_v1 int_u_v1root leaf_u_v1root $SRV
cert int_pl0 "/C=US/O=Petrel Test/CN=Pathlen 0" root ca_pl0 $GOOD
cert int2_u_pl0 "/C=US/O=Petrel Test/CN=Below Pathlen 0" int_pl0 ca $GOOD
cert leaf_u_pl0_2 "$LEAF_SUBJ" int2_u_pl0 server $GOOD
bundle chain_pl0 int2_u_pl0.pem int_pl0.pem
add pathlen_exceeded 25 root chain_pl0 leaf_u_pl0_2 $SRV
cert leaf_u_pl0 "$LEAF_SUBJ" int_pl0 server $GOOD
add pathlen0_honoured OK root int_pl0 leaf_u_pl0 $SRV
cert int_pl1 "/C=US/O=Petrel Test/CN=Pathlen 1" root ca_pl1 $GOOD
cert int2_u_pl1 "/C=US/O=Petrel Test/CN=Below Pathlen 1" int_pl1 ca $GOOD
cert leaf_u_pl1_2 "$LEAF_SUBJ" int2_u_pl1 server $GOOD
bundle chain_pl1 int_pl1.pem int2_u_pl1.pem
add pathlen1_honoured OK root chain_pl1 leaf_u_pl1_2 $SRV
# A longer chain: root -> i1 -> ... -> i5 -> leaf (7 certificates), untrusted in reverse order.
prev=root
chain_files=()
for i in 1 2 3 4 5; do
  cert "deep$i" "/C=US/O=Petrel Test/CN=Deep $i" "$prev" ca $GOOD
  chain_files=("deep$i.pem" "${chain_files[@]}")
  prev="deep$i"
done
cert leaf_deep "$LEAF_SUBJ" deep5 server $GOOD
bundle chain_deep "${chain_files[@]}"
add deep_chain OK root chain_deep leaf_deep $SRV
cert leaf_is_ca "$LEAF_SUBJ" int leaf_ca $GOOD
add leaf_with_ca_flag OK root int leaf_is_ca -verify_hostname www.example.com

# ---- name constraints ---------------------------------------------------------------------------------
cert int_nc_dns "/C=US/O=Petrel Test/CN=NC DNS" root ca_nc_dns $GOOD
SAN="DNS:www.other.com" cert leaf_nc_dns_bad "/C=US/O=Good/CN=www.other.com" int_nc_dns server $GOOD
add nc_dns_violated 47 root int_nc_dns leaf_nc_dns_bad -purpose sslserver
cert leaf_nc_dns_ok "$LEAF_SUBJ" int_nc_dns server $GOOD
add nc_dns_honoured OK root int_nc_dns leaf_nc_dns_ok $SRV
SAN="DNS:notexample.com" cert leaf_nc_dns_suffix "/C=US/O=Good/CN=notexample.com" int_nc_dns server $GOOD
add nc_dns_label_boundary 47 root int_nc_dns leaf_nc_dns_suffix -purpose sslserver
cert int_nc_excl "/C=US/O=Petrel Test/CN=NC Excluded" root ca_nc_excl $GOOD
SAN="DNS:host.bad.example.com" cert leaf_nc_excl_bad "/C=US/O=Good/CN=host.bad.example.com" int_nc_excl server $GOOD
add nc_excluded_violated 48 root int_nc_excl leaf_nc_excl_bad -purpose sslserver
cert leaf_nc_excl_ok "$LEAF_SUBJ" int_nc_excl server $GOOD
add nc_excluded_honoured OK root int_nc_excl leaf_nc_excl_ok $SRV
cert int_nc_ip "/C=US/O=Petrel Test/CN=NC IP" root ca_nc_ip $GOOD
SAN="DNS:www.example.com,IP:198.51.100.1" cert leaf_nc_ip_bad "$LEAF_SUBJ" int_nc_ip server $GOOD
add nc_ip_violated 47 root int_nc_ip leaf_nc_ip_bad $SRV
SAN="DNS:www.example.com,IP:192.0.2.77" cert leaf_nc_ip_ok "$LEAF_SUBJ" int_nc_ip server $GOOD
add nc_ip_honoured OK root int_nc_ip leaf_nc_ip_ok $SRV -verify_ip 192.0.2.77
cert int_nc_email "/C=US/O=Petrel Test/CN=NC Email" root ca_nc_email $GOOD
SAN="DNS:www.example.com,email:alice@other.com" cert leaf_nc_email_bad "$LEAF_SUBJ" int_nc_email server $GOOD
add nc_email_violated 47 root int_nc_email leaf_nc_email_bad $SRV
SAN="DNS:www.example.com,email:alice@example.com" cert leaf_nc_email_ok "$LEAF_SUBJ" int_nc_email server $GOOD
add nc_email_honoured OK root int_nc_email leaf_nc_email_ok $SRV
cert int_nc_dir "/C=US/O=Good/CN=NC DirName" root ca_nc_dir $GOOD
cert leaf_nc_dir_bad "/C=US/O=Bad/CN=www.example.com" int_nc_dir server $GOOD
add nc_dirname_violated 47 root int_nc_dir leaf_nc_dir_bad $SRV
cert leaf_nc_dir_ok "$LEAF_SUBJ" int_nc_dir server $GOOD
add nc_dirname_honoured OK root int_nc_dir leaf_nc_dir_ok $SRV
cert root_nc "/C=US/O=Petrel Test/CN=Constrained Root" self root_nc $LONG
cert int_u_root_nc "/C=US/O=Petrel Test/CN=Int Under Constrained Root" root_nc ca $GOOD
SAN="DNS:www.other.com" cert leaf_u_root_nc "/C=US/O=Good/CN=www.other.com" int_u_root_nc server $GOOD
add nc_on_anchor_violated 47 root_nc int_u_root_nc leaf_u_root_nc -purpose sslserver

# ---- purpose ------------------------------------------------------------------------------------------
cert leaf_client "$LEAF_SUBJ" int client $GOOD
add eku_client_for_server 26 root int leaf_client $SRV
add eku_client_for_client OK root int leaf_client -purpose sslclient
add eku_server_for_client 26 root int leaf -purpose sslclient
cert int_eku_client "/C=US/O=Petrel Test/CN=Client-only CA" root ca_eku_client $GOOD
cert leaf_u_eku_client "$LEAF_SUBJ" int_eku_client server $GOOD
add eku_intermediate_restricts 26 root int_eku_client leaf_u_eku_client $SRV
add eku_intermediate_no_purpose OK root int_eku_client leaf_u_eku_client -verify_hostname www.example.com
cert leaf_kucs "$LEAF_SUBJ" int server_kucs $GOOD
add leaf_key_usage_wrong 26 root int leaf_kucs $SRV

# ---- host names and addresses ---------------------------------------------------------------------
add hostname_mismatch 62 root int leaf -purpose sslserver -verify_hostname other.example.com
add hostname_case OK root int leaf -verify_hostname WWW.Example.COM
add ip_match OK root int leaf -verify_ip 192.0.2.1
add ip_mismatch 64 root int leaf -verify_ip 192.0.2.99
add ip_not_a_dns_name 62 root int leaf -verify_hostname 192.0.2.1
SAN="DNS:*.example.com" cert leaf_wild "/C=US/O=Good/CN=*.example.com" int server $GOOD
add wildcard_one_label OK root int leaf_wild -verify_hostname www.example.com
add wildcard_two_labels 62 root int leaf_wild -verify_hostname a.b.example.com
add wildcard_apex 62 root int leaf_wild -verify_hostname example.com
add wildcard_upper_case OK root int leaf_wild -verify_hostname MAIL.EXAMPLE.COM
SAN="DNS:*.com" cert leaf_wild_tld "/C=US/O=Good/CN=wild tld" int server $GOOD
add wildcard_tld 62 root int leaf_wild_tld -verify_hostname example.com
SAN="DNS:www.*.example.com" cert leaf_wild_mid "/C=US/O=Good/CN=wild middle" int server $GOOD
add wildcard_not_leftmost 62 root int leaf_wild_mid -verify_hostname www.x.example.com
SAN="IP:192.0.2.1" cert leaf_ip_only "/C=US/O=Good/CN=address only" int server $GOOD
add ip_only_hostname 62 root int leaf_ip_only -verify_hostname www.example.com
SAN="DNS:www.example.com,IP:2001:db8::1" cert leaf_ipv6 "$LEAF_SUBJ" int server $GOOD
add ipv6_match OK root int leaf_ipv6 -verify_ip 2001:db8:0:0::1
add ipv6_mismatch 64 root int leaf_ipv6 -verify_ip 2001:db8::2

# ---- extensions -------------------------------------------------------------------------------------
cert leaf_crit "$LEAF_SUBJ" int server_crit $GOOD
add unknown_critical_leaf 34 root int leaf_crit $SRV
cert leaf_noncrit "$LEAF_SUBJ" int server_noncrit $GOOD
add unknown_noncritical_leaf OK root int leaf_noncrit $SRV
cert int_crit "/C=US/O=Petrel Test/CN=Critical Ext CA" root ca_crit $GOOD
cert leaf_u_crit "$LEAF_SUBJ" int_crit server $GOOD
add unknown_critical_intermediate 34 root int_crit leaf_u_crit $SRV
cert leaf_policies "$LEAF_SUBJ" int server_policies $GOOD
add policies_cdp_aia OK root int leaf_policies $SRV

# ---- algorithms and keys ----------------------------------------------------------------------------
cert leaf_md5 "$LEAF_SUBJ" int server $GOOD leaf_md5 -md md5
add md5_signature 68 root int leaf_md5 $SRV
add md5_signature_level0 OK root int leaf_md5 $SRV -auth_level 0
cert leaf_sha1 "$LEAF_SUBJ" int server $GOOD leaf_sha1 -md sha1
add sha1_signature 68 root int leaf_sha1 $SRV
add sha1_signature_level0 OK root int leaf_sha1 $SRV -auth_level 0
for md in sha224 sha384 sha512; do
  cert "leaf_$md" "$LEAF_SUBJ" int server $GOOD "leaf_$md" -md "$md"
  add "${md}_signature" OK root int "leaf_$md" $SRV
done
cert leaf_pss "$LEAF_SUBJ" int server $GOOD leaf_pss -md sha256 -sigopt rsa_padding_mode:pss \
  -sigopt rsa_pss_saltlen:32
add pss_sha256_signature OK root int leaf_pss $SRV
cert leaf_pss384 "$LEAF_SUBJ" int server $GOOD leaf_pss384 -md sha384 -sigopt rsa_padding_mode:pss \
  -sigopt rsa_pss_saltlen:48
add pss_sha384_signature OK root int leaf_pss384 $SRV
key weak512 512
cert leaf_512 "$LEAF_SUBJ" int server $GOOD weak512
add leaf_512_bit_key 66 root int leaf_512 $SRV
add leaf_512_bit_key_level0 OK root int leaf_512 $SRV -auth_level 0
cert int_512 "/C=US/O=Petrel Test/CN=Weak CA" root ca $GOOD weak512
cert leaf_u_512 "$LEAF_SUBJ" int_512 server $GOOD
add intermediate_512_bit_key 67 root int_512 leaf_u_512 $SRV

# ---- self-signed leaves and cross-signing loops ------------------------------------------------------
cert selfsigned "$LEAF_SUBJ" self root $GOOD
add self_signed_untrusted 18 root - selfsigned
add self_signed_trusted OK selfsigned - selfsigned
bundle int_and_root int.pem root.pem
add root_only_in_untrusted 19 other_root int_and_root leaf $SRV
add root_in_untrusted_and_cafile OK root int_and_root leaf $SRV
# Two CAs A and B cross-signed in a loop with no way to a trusted root.
key xa
key xb
cert xa_by_xb "/C=US/O=Loop/CN=Loop A" self root $GOOD xa  # placeholder self-signed A
cert xb_by_xa "/C=US/O=Loop/CN=Loop B" xa_by_xb ca $GOOD xb
cert xa_by_xb "/C=US/O=Loop/CN=Loop A" xb_by_xa ca $GOOD xa
cert leaf_loop "$LEAF_SUBJ" xa_by_xb server $GOOD
bundle loop xa_by_xb.pem xb_by_xa.pem
add cross_signed_loop 20 root loop leaf_loop $SRV
# The same loop, plus B signed by the trusted root: a way out of the loop.
cert xb_by_root "/C=US/O=Loop/CN=Loop B" root ca $GOOD xb
bundle loop_exit xa_by_xb.pem xb_by_root.pem xb_by_xa.pem
add cross_signed_loop_with_exit OK root loop_exit leaf_loop $SRV

# ---- EC keys and ECDSA signatures (RFC 5480, RFC 5758) ------------------------------------------
# P-384 root -> P-256 intermediate -> RSA leaf, the reverse (RSA root -> P-256 intermediate ->
# P-384 leaf), all-EC chains with each ECDSA hash, tampered ECDSA signatures at each depth, and
# a second P-256 key under the intermediate's name.
eckey ec384_root P-384
eckey ec256_int P-256
eckey ec256_int2 P-256
eckey ec256_int_fake P-256
eckey ec256_leaf P-256
eckey ec384_leaf P-384
cert ec_root "/C=US/O=Petrel EC/CN=Petrel EC Root P-384" self root $LONG ec384_root -md sha384
cert ec_int "/C=US/O=Petrel EC/CN=Petrel EC Intermediate P-256" ec_root ca $GOOD ec256_int -md sha384
cert ec_rsa_leaf "$LEAF_SUBJ" ec_int server $GOOD
add ec_p384_root_p256_int_rsa_leaf OK ec_root ec_int ec_rsa_leaf $SRV
cert ec_int_u_rsa "/C=US/O=Petrel EC/CN=P-256 Intermediate Under RSA" root ca $GOOD ec256_int2
cert ec384_leaf_u_ec_int "$LEAF_SUBJ" ec_int_u_rsa server $GOOD ec384_leaf -md sha512
add rsa_root_p256_int_p384_leaf OK root ec_int_u_rsa ec384_leaf_u_ec_int $SRV
cert ec256_leaf_sha256 "$LEAF_SUBJ" ec_int server $GOOD ec256_leaf
add ec_all_p256_leaf_sha256 OK ec_root ec_int ec256_leaf_sha256 $SRV
cert ec256_leaf_sha224 "$LEAF_SUBJ" ec_int server $GOOD ec256_leaf -md sha224
add ec_leaf_ecdsa_sha224 OK ec_root ec_int ec256_leaf_sha224 $SRV
cert ec256_leaf_sha384 "$LEAF_SUBJ" ec_int server $GOOD ec256_leaf -md sha384
add ec_leaf_ecdsa_sha384 OK ec_root ec_int ec256_leaf_sha384 $SRV
cert ec256_leaf_sha512 "$LEAF_SUBJ" ec_int server $GOOD ec256_leaf -md sha512
add ec_leaf_ecdsa_sha512 OK ec_root ec_int ec256_leaf_sha512 $SRV
tamper ec_rsa_leaf ec_rsa_leaf_tampered
add ec_tampered_leaf_sig_by_p256 7 ec_root ec_int ec_rsa_leaf_tampered $SRV
tamper ec_int ec_int_tampered
add ec_tampered_int_sig_by_p384 7 ec_root ec_int_tampered ec_rsa_leaf $SRV
tamper ec384_leaf_u_ec_int ec384_leaf_tampered
add ec_tampered_p384_leaf 7 root ec_int_u_rsa ec384_leaf_tampered $SRV
tamper ec256_leaf_sha512 ec256_leaf_sha512_tampered
add ec_tampered_leaf_sha512 7 ec_root ec_int ec256_leaf_sha512_tampered $SRV
cert ec_int_fake "/C=US/O=Petrel EC/CN=Petrel EC Intermediate P-256" ec_root ca $GOOD ec256_int_fake
cert ec_leaf_wrong_key "$LEAF_SUBJ" ec_int_fake server_nokeyid $GOOD ec256_leaf
add ec_wrong_issuer_key 7 ec_root ec_int ec_leaf_wrong_key $SRV

echo "make_corpus: $(wc -l < "$CASES") cases in $CASES"

# DER copies of every single certificate, for the parser robustness test (x509_test reads
# PETREL_X509_CORPUS/*.der: truncations and byte flips of each).
mkdir -p der
for f in *.pem; do
  if [ "$(grep -c 'BEGIN CERTIFICATE' "$f")" = 1 ]; then
    openssl x509 -in "$f" -outform DER -out "der/${f%.pem}.der" 2>>"$LOG" || true
  fi
done
echo "make_corpus: $(ls der | wc -l) DER certificates in $OUT/der"
