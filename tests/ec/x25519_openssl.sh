#!/bin/bash
# Differential test: petrel's X25519 against OpenSSL (an independent implementation) on random
# keys from `openssl genpkey -algorithm X25519`. The raw keys are the last 32 bytes of the DER
# encodings (PKCS#8 PrivateKeyInfo, 48 bytes; SubjectPublicKeyInfo, 44 bytes). Checks the public
# key of each private key and the shared secret of `openssl pkeyutl -derive`, for every petrel
# implementation in the build.
# Usage: x25519_openssl.sh <petrel_x25519_cli> [pairs]
set -euo pipefail
cli="$1"
pairs="${2:-20}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hex() { od -An -tx1 -v | tr -d ' \n'; }
impls=""
for impl in fe32 fe64; do
  if "$cli" "$impl" pub "$(printf '%064d' 9)" > /dev/null 2>&1; then
    impls="$impls $impl"
  fi
done
[ -n "$impls" ] || { echo "no implementation answered" >&2; exit 1; }
n=0
for i in $(seq 1 "$pairs"); do
  openssl genpkey -algorithm X25519 -out "$tmp/a.pem" 2>/dev/null
  openssl genpkey -algorithm X25519 -out "$tmp/b.pem" 2>/dev/null
  openssl pkey -in "$tmp/b.pem" -pubout -out "$tmp/b.pub" 2>/dev/null
  a_priv=$(openssl pkey -in "$tmp/a.pem" -outform DER | tail -c 32 | hex)
  a_pub=$(openssl pkey -in "$tmp/a.pem" -pubout -outform DER | tail -c 32 | hex)
  b_pub=$(openssl pkey -in "$tmp/b.pem" -pubout -outform DER | tail -c 32 | hex)
  shared=$(openssl pkeyutl -derive -inkey "$tmp/a.pem" -peerkey "$tmp/b.pub" | hex)
  [ ${#a_priv} -eq 64 ] && [ ${#shared} -eq 64 ] || { echo "could not extract keys" >&2; exit 1; }
  for impl in $impls; do
    got=$("$cli" "$impl" pub "$a_priv")
    if [ "$got" != "$a_pub" ]; then
      echo "MISMATCH $impl public key of $a_priv: openssl=$a_pub petrel=$got" >&2
      exit 1
    fi
    got=$("$cli" "$impl" dh "$a_priv" "$b_pub")
    if [ "$got" != "$shared" ]; then
      echo "MISMATCH $impl shared secret $a_priv x $b_pub: openssl=$shared petrel=$got" >&2
      exit 1
    fi
    n=$((n + 2))
  done
done
echo "[ vectors  ] openssl X25519 differential (implementations:$impls): $n cases"
[ "$n" -gt 0 ]
