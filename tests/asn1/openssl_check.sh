#!/bin/bash
# Cross-checks of crypto/asn1 against the openssl command (an independent implementation):
#  1. every oid.h constant equals `openssl asn1parse -genstr OID:<dotted>`;
#  2. the writer's output (der_tool mkder) is byte-identical to `openssl asn1parse -genconf` of
#     the same structure;
#  3. DER made by openssl (a genconf structure, certificates, a CSR, keys) walks element by
#     element exactly as `openssl asn1parse` lists it (offset, depth, header length, length,
#     constructed/primitive), and its times convert to the same epoch seconds as date(1);
#  4. truncated and BER-ified copies are rejected.
# Usage: openssl_check.sh <der_tool> <scratch dir>
set -u
tool=$1
work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 3
checks=0
fails=0
ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*"; }
hexof() { od -An -tx1 -v "$1" | tr -d ' \n'; }

# 1. OID constants.
oids=0
while read -r dotted hex; do
  if ! openssl asn1parse -genstr "OID:$dotted" -out oid.der >/dev/null 2>&1; then
    bad "openssl rejects OID $dotted"
    continue
  fi
  want=$(hexof oid.der | cut -c5-)
  if [ "$want" = "$hex" ]; then ok; else bad "OID $dotted: petrel $hex, openssl $want"; fi
  oids=$((oids + 1))
done < <("$tool" oids)
[ "$oids" -gt 50 ] || bad "only $oids OIDs listed"
echo "[ openssl  ] OID constants vs openssl: $oids cases"

# 2. Writer output vs openssl's encoder.
big=$(printf '5a%.0s' $(seq 1 200))
cat > mk.cnf <<CNF
asn1=SEQUENCE:top
[top]
a=INTEGER:0x80000001
b=INTEGER:65537
c=BOOLEAN:TRUE
d=NULL
e=OID:1.2.840.113549.1.1.11
f=FORMAT:HEX,BITSTRING:DEADBEEF
g=FORMAT:HEX,OCTETSTRING:DEADBEEF
h=PRINTABLESTRING:Petrel
i=FORMAT:UTF8,UTF8String:caf$(printf '\xc3\xa9')
j=UTCTIME:231114221320Z
k=GENTIME:20510101000000Z
l=EXPLICIT:0,INTEGER:2
m=FORMAT:HEX,OCTETSTRING:$big
CNF
openssl asn1parse -genconf mk.cnf -out mk_openssl.der >/dev/null || bad "openssl genconf mk.cnf"
"$tool" mkder > mk_petrel.der || bad "der_tool mkder"
if cmp -s mk_openssl.der mk_petrel.der; then ok; else
  bad "writer output differs from openssl -genconf"
  echo "petrel:  $(hexof mk_petrel.der)"
  echo "openssl: $(hexof mk_openssl.der)"
fi

# 3. Structures made by openssl, walked and compared with asn1parse's listing.
cat > gen.cnf <<CNF
asn1=SEQUENCE:top
[top]
a=INTEGER:0
b=INTEGER:-129
c=INTEGER:0x0123456789ABCDEF0123456789ABCDEF
d=BOOLEAN:FALSE
e=NULL
f=OID:2.999.1
g=UTCTIME:491231235959Z
h=UTCTIME:500101000000Z
i=GENTIME:20500101000000Z
j=GENTIME:19491231235959Z
k=IA5STRING:a@b.example
l=FORMAT:UTF8,BMPSTRING:ABé
m=FORMAT:UTF8,UNIVERSALSTRING:A€
n=T61STRING:teletex
o=NUMERICSTRING:0123 456
p=VISIBLESTRING:visible
q=IMPLICIT:1,OCTETSTRING:implicit
r=EXPLICIT:2,SEQUENCE:inner
s=SET:inner
t=FORMAT:HEX,OCTETSTRING:$big$big
u=ENUMERATED:3
[inner]
x=INTEGER:1
y=SEQUENCE:deeper
[deeper]
z=BOOLEAN:TRUE
CNF
openssl asn1parse -genconf gen.cnf -out gen.der >/dev/null || bad "openssl genconf gen.cnf"

openssl req -x509 -newkey rsa:1024 -nodes -keyout key.pem -subj "/CN=petrel.example/O=Petrel/C=DE/emailAddress=a@b.example" \
  -days 10000 -addext "subjectAltName=DNS:a.example,IP:192.0.2.1" -addext "keyUsage=critical,digitalSignature" \
  -addext "extendedKeyUsage=serverAuth,clientAuth" -out cert.pem 2>/dev/null || bad "openssl req -x509"
openssl x509 -in cert.pem -outform DER -out cert.der || bad "openssl x509 -outform DER"
openssl req -new -key key.pem -subj "/CN=csr.example/OU=Phones" -addext "subjectAltName=DNS:csr.example" \
  -outform DER -out csr.der 2>/dev/null || bad "openssl req -new"
openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER -out pkcs8.der || bad "openssl pkcs8 -nocrypt"
openssl rsa -in key.pem -traditional -outform DER -out rsa.der 2>/dev/null || bad "openssl rsa -traditional"
openssl pkey -in key.pem -pubout -outform DER -out pub.der || bad "openssl pkey -pubout"
openssl pkcs8 -topk8 -in key.pem -passout pass:petrel -outform DER -out enc8.der 2>/dev/null || bad "openssl pkcs8"

walked=0
for f in gen.der mk_petrel.der cert.der csr.der pkcs8.der rsa.der pub.der enc8.der; do
  [ -s "$f" ] || { bad "$f missing"; continue; }
  openssl asn1parse -inform DER -in "$f" > "$f.osl" 2>/dev/null || { bad "openssl asn1parse $f"; continue; }
  sed -E 's/^ *([0-9]+):d=([0-9]+) +hl=([0-9]+) l= *([0-9]+) (cons|prim):.*/\1 \2 \3 \4 \5/' "$f.osl" > "$f.want"
  if "$tool" walk "$f" > "$f.got"; then
    if cmp -s "$f.want" "$f.got"; then ok; else bad "$f: walk differs from openssl asn1parse"; diff "$f.want" "$f.got" | head -5; fi
  else
    bad "$f: walk rejected it"
  fi
  walked=$((walked + $(wc -l < "$f.got")))
done
echo "[ openssl  ] DER elements walked in step with openssl asn1parse: $walked cases"
[ "$walked" -gt 100 ] || bad "only $walked elements walked"

# Times: petrel's epoch seconds vs date(1) on openssl's own text.
times_checked=0
for f in gen.der cert.der mk_petrel.der; do
  "$tool" times "$f" > "$f.times" || bad "$f: times"
  grep -E 'UTCTIME|GENERALIZEDTIME' "$f.osl" | sed -E 's/.*:([0-9]+Z)$/\1/' > "$f.tstr"
  while read -r t && read -r epoch <&3; do
    if [ ${#t} -eq 13 ]; then
      yy=${t:0:2}; if [ "$yy" -ge 50 ]; then cc=19; else cc=20; fi; t="$cc$t"
    fi
    want=$(date -u -d "${t:0:4}-${t:4:2}-${t:6:2} ${t:8:2}:${t:10:2}:${t:12:2}" +%s)
    if [ "$want" = "$epoch" ]; then ok; else bad "$f: time $t: petrel $epoch, date $want"; fi
    times_checked=$((times_checked + 1))
  done < "$f.tstr" 3< "$f.times"
  [ "$(wc -l < "$f.tstr")" = "$(wc -l < "$f.times")" ] || bad "$f: time count differs"
done
echo "[ openssl  ] times vs date(1): $times_checked cases"
[ "$times_checked" -ge 8 ] || bad "only $times_checked times"

# 4. Damaged copies must be rejected: every truncation of the certificate, and BER forms.
size=$(stat -c %s cert.der)
cut=0
truncs=0
while [ "$cut" -lt "$size" ]; do
  head -c "$cut" cert.der > trunc.der
  if [ "$cut" -gt 0 ] && "$tool" walk trunc.der > /dev/null 2>&1; then bad "truncation at $cut accepted"; else ok; fi
  truncs=$((truncs + 1))
  cut=$((cut + 7))
done
echo "[ openssl  ] certificate truncations rejected: $truncs cases"
# Indefinite length: 30 80 <contents> 00 00.
{ printf '\x30\x80'; tail -c +5 cert.der; printf '\x00\x00'; } > ber.der
if "$tool" walk ber.der > /dev/null 2>&1; then bad "indefinite length accepted"; else ok; fi
# Non-minimal length: re-encode the outer length with one more (leading zero) octet.
{ printf '\x30\x83\x00'; tail -c +3 cert.der; } > long.der
if "$tool" walk long.der > /dev/null 2>&1; then bad "non-minimal length accepted"; else ok; fi

echo "[ openssl  ] asn1 openssl checks: $checks run, $fails failed"
[ "$fails" -eq 0 ] && [ "$checks" -gt 0 ]
