#!/usr/bin/env bash
# Made the fixed test material in this folder once (committed; re-running makes new keys and
# so new, slightly different instruction counts): an RSA-2048 CA, a server certificate for
# "localhost" and a client certificate, valid 2024-01-01 to 2049-12-31 (UTCTime), SHA-256.
# With the argument "ec" it makes only the all-P-256 set of the tls-full-ecdsa workload
# (ca-ec.pem/.der, server-ec.pem/.key, client-ec.pem/.der/.key: a P-256 CA signing with
# ecdsa-with-SHA256, the same names and extensions), leaving the RSA set alone.
# Test keys, public on purpose: never use them for anything but this benchmark.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/ca.cnf" <<CNF
[ca]
default_ca = bench
[bench]
dir = $tmp
database = $tmp/index.txt
new_certs_dir = $tmp
serial = $tmp/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_server]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
authorityKeyIdentifier = keyid
[v3_client]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid
CNF
: > "$tmp/index.txt"
echo 01 > "$tmp/serial"
dates=(-startdate 20240101000000Z -enddate 20491231235959Z)
if [[ "${1:-}" == ec ]]; then
  ec=(-algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve)
  openssl genpkey "${ec[@]}" -out "$tmp/ca-ec.key" 2>/dev/null
  openssl req -new -key "$tmp/ca-ec.key" -subj /CN=Petrel-Bench-EC-CA -out "$tmp/ca-ec.csr"
  openssl ca -batch -config "$tmp/ca.cnf" -selfsign -keyfile "$tmp/ca-ec.key" -extensions v3_ca \
    "${dates[@]}" -in "$tmp/ca-ec.csr" -out ca-ec.pem -notext 2>/dev/null
  for who in server client; do
    cn=localhost
    [[ $who == client ]] && cn=petrel-bench-phone-ec
    openssl genpkey "${ec[@]}" -out "$who-ec.key" 2>/dev/null
    openssl req -new -key "$who-ec.key" -subj "/CN=$cn" -out "$tmp/$who-ec.csr"
    openssl ca -batch -config "$tmp/ca.cnf" -cert ca-ec.pem -keyfile "$tmp/ca-ec.key" \
      -extensions "v3_$who" "${dates[@]}" -in "$tmp/$who-ec.csr" -out "$who-ec.pem" -notext 2>/dev/null
  done
  openssl x509 -in ca-ec.pem -outform DER -out ca-ec.der
  openssl x509 -in client-ec.pem -outform DER -out client-ec.der
  openssl verify -CAfile ca-ec.pem server-ec.pem client-ec.pem
  exit 0
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/ca.key" 2>/dev/null
openssl req -new -key "$tmp/ca.key" -subj /CN=Petrel-Bench-CA -out "$tmp/ca.csr"
openssl ca -batch -config "$tmp/ca.cnf" -selfsign -keyfile "$tmp/ca.key" -extensions v3_ca \
  "${dates[@]}" -in "$tmp/ca.csr" -out ca.pem -notext 2>/dev/null
for who in server client; do
  cn=localhost
  [[ $who == client ]] && cn=petrel-bench-phone
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$who.key" 2>/dev/null
  openssl req -new -key "$who.key" -subj "/CN=$cn" -out "$tmp/$who.csr"
  openssl ca -batch -config "$tmp/ca.cnf" -cert ca.pem -keyfile "$tmp/ca.key" -extensions "v3_$who" \
    "${dates[@]}" -in "$tmp/$who.csr" -out "$who.pem" -notext 2>/dev/null
done
openssl x509 -in ca.pem -outform DER -out ca.der
openssl x509 -in client.pem -outform DER -out client.der
openssl verify -CAfile ca.pem server.pem client.pem
