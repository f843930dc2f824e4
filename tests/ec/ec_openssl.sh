#!/bin/bash
# Differential test: petrel's P-256 / P-384 against OpenSSL (an independent implementation).
# For each curve and round:
#  - openssl makes key A (`openssl ecparam -genkey`); petrel's d*G must equal its public key;
#  - openssl signs a random message (`openssl dgst -sign`) and petrel verifies it; petrel signs
#    it (deterministic and hedged) and `openssl dgst -verify` accepts both; a tampered digest
#    is refused by petrel;
#  - petrel makes key B (ec_generate_key); openssl derives Z from A and B's public key
#    (`openssl pkeyutl -derive`) and petrel derives it both ways (d_A*Q_B, d_B*Q_A);
#  - openssl verifies a signature made with petrel's key B.
# The hashes rotate through SHA-1..SHA-512, so digests shorter and longer than the order occur.
# Usage: ec_openssl.sh <petrel_ec_cli> [rounds]
set -euo pipefail
cli="$1"
rounds="${2:-8}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hex() { od -An -tx1 -v | tr -d ' \n'; }
unhex() { xxd -r -p; }
die() { echo "MISMATCH: $*" >&2; exit 1; }
n=0
for curve in p256 p384; do
  case $curve in
    p256) name=prime256v1; dlen=32; plen=65; hashes="sha256 sha1 sha384 sha512 sha224"
          spki=3059301306072a8648ce3d020106082a8648ce3d030107034200 ;;
    p384) name=secp384r1; dlen=48; plen=97; hashes="sha384 sha256 sha512 sha1 sha224"
          spki=3076301006072a8648ce3d020106052b81040022036200 ;;
  esac
  set -- $hashes
  for i in $(seq 1 "$rounds"); do
    h=$1; shift; set -- "$@" "$h"
    openssl ecparam -name $name -genkey -noout -out "$tmp/a.pem" 2>/dev/null
    openssl ec -in "$tmp/a.pem" -pubout -out "$tmp/a.pub" 2>/dev/null
    # SEC 1 ECPrivateKey DER: the private key OCTET STRING (dlen bytes after the 02 01 01 04 xx
    # header) and the public key BIT STRING at the very end.
    der=$(openssl ec -in "$tmp/a.pem" -outform DER 2>/dev/null | hex)
    a_d=$(echo "$der" | grep -o "02010104$(printf '%02x' $dlen)[0-9a-f]\{$((2 * dlen))\}" | head -1 | cut -c11-)
    a_q=$(openssl ec -in "$tmp/a.pem" -pubout -outform DER 2>/dev/null | hex | tail -c $((2 * plen)))
    [ ${#a_d} -eq $((2 * dlen)) ] && [ ${#a_q} -eq $((2 * plen)) ] || die "cannot extract key"
    got=$("$cli" pub $curve "$a_d"); [ "$got" = "$a_q" ] || die "$curve pub $a_d: openssl=$a_q petrel=$got"
    n=$((n + 1))
    head -c $((RANDOM % 200 + 1)) /dev/urandom > "$tmp/msg"
    dig=$(openssl dgst -$h -binary "$tmp/msg" | hex)
    # openssl signs, petrel verifies (and refuses a changed digest).
    openssl dgst -$h -sign "$tmp/a.pem" -out "$tmp/sig" "$tmp/msg"
    sig=$(hex < "$tmp/sig")
    "$cli" verify $curve "$a_q" "$dig" "$sig" > /dev/null || die "$curve $h petrel refused openssl's signature $sig"
    bad=$(printf '%02x' $(( (0x${dig:0:2} ^ 1) )))${dig:2}
    if "$cli" verify $curve "$a_q" "$bad" "$sig" > /dev/null 2>&1; then die "$curve $h tampered digest accepted"; fi
    n=$((n + 2))
    # petrel signs (deterministic, hedged), openssl verifies.
    for mode in sign hsign; do
      "$cli" $mode $curve $h "$a_d" "$dig" | unhex > "$tmp/psig"
      openssl dgst -$h -verify "$tmp/a.pub" -signature "$tmp/psig" "$tmp/msg" > /dev/null \
        || die "$curve $h openssl refused petrel's $mode signature $(hex < "$tmp/psig")"
      n=$((n + 1))
    done
    # petrel's key B; ECDH both ways against openssl.
    read -r b_d b_q < <("$cli" gen $curve)
    echo "$spki$b_q" | unhex > "$tmp/b.der"
    openssl pkey -pubin -inform DER -in "$tmp/b.der" -out "$tmp/b.pub" 2>/dev/null || die "openssl refused petrel's point $b_q"
    z=$(openssl pkeyutl -derive -inkey "$tmp/a.pem" -peerkey "$tmp/b.pub" | hex)
    got=$("$cli" dh $curve "$a_d" "$b_q"); [ "$got" = "$z" ] || die "$curve dh A*B openssl=$z petrel=$got"
    got=$("$cli" dh $curve "$b_d" "$a_q"); [ "$got" = "$z" ] || die "$curve dh B*A openssl=$z petrel=$got"
    n=$((n + 2))
    # A signature with petrel's generated key, verified by openssl.
    "$cli" sign $curve $h "$b_d" "$dig" | unhex > "$tmp/psig"
    openssl dgst -$h -verify "$tmp/b.pub" -signature "$tmp/psig" "$tmp/msg" > /dev/null \
      || die "$curve $h openssl refused a signature by petrel's generated key"
    n=$((n + 1))
  done
done
echo "[ vectors  ] openssl P-256/P-384 differential: $n cases"
[ "$n" -gt 0 ]
