#!/usr/bin/env bash
# Interop of Petrel's requests and certificates with the openssl command (both directions):
#  - petrel req -new: openssl req -verify accepts the request, with its subject and SAN;
#  - petrel req -x509 and petrel x509 -req (ca, server, client): openssl verify accepts the chain
#    with the right -purpose and refuses the wrong one; openssl reads the extensions;
#  - openssl req / openssl x509 output: petrel req -verify and petrel verify accept it;
#  - petrel x509 -subject/-issuer/-dates/-fingerprint print what openssl x509 prints.
#
#   issue_interop.sh PETREL WORKDIR [EMULATOR ARGS...]
set -u
PETREL=$1
WORK=$2
shift 2
EMU=("$@")
case "$PETREL" in
  /*) ;;
  *) PETREL=$PWD/$PETREL ;;
esac
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK" || exit 2
petrel() { "${EMU[@]}" "$PETREL" "$@"; }

CASES=0
FAILURES=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  CASES=$((CASES + 1))
  if "$@" > out.txt 2>&1; then
    echo "ok   $what"
  else
    FAILURES=$((FAILURES + 1))
    echo "FAIL $what"
    sed 's/^/    /' out.txt
  fi
}
fails() { ! "$@"; }
same_output() {  # same_output "CMD1" "CMD2"
  local a b
  a=$(eval "$1" 2>&1) || return 1
  b=$(eval "$2" 2>&1) || return 1
  [ "$a" = "$b" ] || { echo "differ:"; echo "$a"; echo "$b"; return 1; }
}

openssl genrsa -out ca.key 2048 2>/dev/null
openssl genrsa -out int.key 2048 2>/dev/null
openssl genrsa -out srv.key 2048 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out cli.key 2>/dev/null  # PKCS#8

# ---- Petrel-made requests and certificates, checked by openssl ----------------------------------
check "petrel req -x509 root" petrel req -x509 -new -key ca.key -subj "/C=US/O=Petrel Interop/CN=Petrel Root" -days 3650 -out ca.pem
check "openssl parses the root" openssl x509 -in ca.pem -noout -text
check "root is a CA for openssl" bash -c "openssl x509 -in ca.pem -noout -ext basicConstraints | grep -q 'CA:TRUE'"
check "root self-signature (openssl verify -CAfile itself)" openssl verify -CAfile ca.pem -check_ss_sig ca.pem
check "petrel req -new (intermediate)" petrel req -new -key int.key -subj "/C=US/O=Petrel Interop/CN=Petrel Intermediate" -out int.csr
check "openssl req -verify (intermediate request)" openssl req -in int.csr -verify -noout
check "petrel x509 -req -purpose ca" petrel x509 -req -in int.csr -CA ca.pem -CAkey ca.key -days 365 -purpose ca -set_serial 4096 -out int.pem
check "openssl verify intermediate" openssl verify -CAfile ca.pem int.pem
check "serial as set" bash -c "openssl x509 -in int.pem -noout -serial | grep -qx 'serial=1000'"
check "petrel req -new with SAN" petrel req -new -key srv.key -subj "/C=US/ST=Some State/O=Petrel Interop/OU=Servers/CN=www.example.com" -addext "subjectAltName=DNS:www.example.com,DNS:example.com,IP:192.0.2.10,IP:2001:db8::10" -sha384 -out srv.csr
check "openssl req -verify (server request)" openssl req -in srv.csr -verify -noout
check "openssl sees the SAN in the request" bash -c "openssl req -in srv.csr -noout -text | grep -q 'DNS:www.example.com, DNS:example.com, IP Address:192.0.2.10, IP Address:2001:DB8:0:0:0:0:0:10'"
check "openssl sees the subject" bash -c "openssl req -in srv.csr -noout -subject | grep -qx 'subject=C = US, ST = Some State, O = Petrel Interop, OU = Servers, CN = www.example.com'"
check "petrel x509 -req -purpose server" petrel x509 -req -in srv.csr -CA int.pem -CAkey int.key -days 30 -purpose server -out srv.pem
check "openssl verify server (sslserver, hostname, ip)" openssl verify -CAfile ca.pem -untrusted int.pem -purpose sslserver -verify_hostname example.com -verify_ip 2001:db8::10 srv.pem
check "openssl refuses server as sslclient" fails openssl verify -CAfile ca.pem -untrusted int.pem -purpose sslclient srv.pem
check "petrel verify server" petrel verify -CAfile ca.pem -untrusted int.pem -purpose sslserver -verify_hostname www.example.com srv.pem
check "petrel req -new client (PKCS#8 key)" petrel req -new -key cli.key -subj "/CN=client 1/emailAddress=client@example.com" -addext "subjectAltName=email:client@example.com" -out cli.csr
check "openssl req -verify (client request)" openssl req -in cli.csr -verify -noout
check "petrel x509 -req -purpose client" petrel x509 -req -in cli.csr -CA int.pem -CAkey int.key -days 30 -purpose client -sha512 -out cli.pem
check "openssl verify client (sslclient)" openssl verify -CAfile ca.pem -untrusted int.pem -purpose sslclient cli.pem
check "openssl refuses client as sslserver" fails openssl verify -CAfile ca.pem -untrusted int.pem -purpose sslserver cli.pem
check "openssl: key identifiers chain" bash -c "[ \"\$(openssl x509 -in int.pem -noout -ext subjectKeyIdentifier | tail -1 | tr -d ' ')\" = \"\$(openssl x509 -in srv.pem -noout -ext authorityKeyIdentifier | sed -n 2p | tr -d ' ' | sed 's/^keyid://')\" ]"
check "petrel refuses a CA key that does not match" fails petrel x509 -req -in srv.csr -CA int.pem -CAkey ca.key -days 30 -purpose server -out bad.pem
printf 'garbage' > junk.csr
check "petrel refuses a malformed request" fails petrel x509 -req -in junk.csr -CA int.pem -CAkey int.key -days 30 -purpose server -out bad.pem

# ---- openssl-made requests and certificates, checked by petrel ----------------------------------
openssl req -new -key srv.key -subj "/C=DE/O=OpenSSL Made/CN=host.example.org" -addext "subjectAltName=DNS:host.example.org" -out o.csr 2>/dev/null
check "petrel req -in openssl request -verify" petrel req -in o.csr -verify -noout
openssl req -new -key srv.key -subj "/CN=pss request" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -out opss.csr 2>/dev/null
check "petrel req -verify (PSS-signed request)" petrel req -in opss.csr -verify -noout
openssl req -x509 -new -key ca.key -subj "/CN=OpenSSL Root" -days 30 -out oroot.pem 2>/dev/null
openssl x509 -req -in o.csr -CA oroot.pem -CAkey ca.key -days 30 -out o.pem -copy_extensions copy -extfile <(printf 'basicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:host.example.org\n') 2>/dev/null
check "petrel verify openssl chain" petrel verify -CAfile oroot.pem -purpose sslserver -verify_hostname host.example.org o.pem
check "petrel verify openssl chain, wrong host" fails petrel verify -CAfile oroot.pem -verify_hostname other.example.org o.pem
check "petrel x509 -req from an openssl request" petrel x509 -req -in o.csr -CA ca.pem -CAkey ca.key -days 10 -purpose server -out po.pem
check "openssl verify it" openssl verify -CAfile ca.pem -purpose sslserver -verify_hostname host.example.org po.pem
openssl x509 -in srv.pem -outform DER -out srv.der
check "petrel verify DER input" petrel verify -CAfile ca.pem -untrusted int.pem srv.der
for f in subject issuer dates; do
  check "x509 -$f as openssl (petrel-made)" same_output "openssl x509 -in srv.pem -noout -$f" "petrel x509 -in srv.pem -noout -$f"
  check "x509 -$f as openssl (openssl-made)" same_output "openssl x509 -in o.pem -noout -$f" "petrel x509 -in o.pem -noout -$f"
done
check "x509 -fingerprint (SHA-1) as openssl" same_output "openssl x509 -in srv.der -inform DER -noout -fingerprint" "petrel x509 -in srv.der -noout -fingerprint"
check "x509 -fingerprint -sha256 as openssl" same_output "openssl x509 -in o.pem -noout -fingerprint -sha256" "petrel x509 -in o.pem -noout -fingerprint -sha256"
check "x509 re-encodes the certificate as openssl" same_output "openssl x509 -in o.pem" "petrel x509 -in o.pem"
check "x509 -text" bash -c "$(printf '%q ' "${EMU[@]}" "$PETREL") x509 -in srv.pem -noout -text | grep -q 'DNS:www.example.com, DNS:example.com, IP Address:192.0.2.10'"
# SPKI pin as the trust anchor.
PIN=$(openssl x509 -in int.pem -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1)
check "petrel verify with a pinned intermediate key" petrel verify -spki_sha256 "$PIN" -untrusted int.pem srv.pem
check "petrel verify with a wrong pin" fails petrel verify -spki_sha256 "$(printf '%064d' 0)" -untrusted int.pem srv.pem

echo "x509 issue/interop: $CASES checks, $FAILURES failures"
[ $CASES -gt 0 ] && [ $FAILURES -eq 0 ]
