#!/usr/bin/env bash
# petrel x509 -req -purpose server on a request without subjectAltName (what
# `openssl req -subj /CN=host` makes): the CN goes into subjectAltName as a dNSName, or as an
# iPAddress when it parses as one, and petrel says so on stderr; `openssl x509 -text` shows the
# SAN, and `openssl verify` and `petrel verify` accept the certificate for that host name (or
# address) and refuse another. A request with a SAN keeps exactly its SAN; -purpose client adds
# none; a CN that is not a host name gets no SAN and a warning. The CA and the requests are made
# by openssl.
# usage: cn_san_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "cn_san_test: openssl not found" >&2
  exit 1
fi
openssl genrsa -out ca.key 2048 2>/dev/null || exit 1
openssl genrsa -out leaf.key 2048 2>/dev/null || exit 1
openssl req -x509 -new -key ca.key -subj "/CN=CN-SAN Test CA" -days 30 -out ca.pem 2>/dev/null ||
  exit 1

# issue NAME PURPOSE OPENSSL-REQ-ARGS...: a request by openssl, a certificate by petrel.
issue() {
  local name=$1 purpose=$2
  shift 2
  rm -f "$name.pem"
  openssl req -new -key leaf.key "$@" -out "$name.csr" 2>/dev/null ||
    { bad "$name: openssl req $*"; return 1; }
  petrel x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -days 10 -purpose "$purpose" \
    -out "$name.pem" >"$name.out" 2>"$name.err" ||
    { bad "$name: petrel x509 -req failed: $(cat "$name.err")"; return 1; }
}

# The SAN line of openssl x509 -text ("" when there is none).
san_of() {
  openssl x509 -in "$1" -noout -text | sed -n '/X509v3 Subject Alternative Name/{n;s/^ *//;p}'
}

# expect NAME WANT_SAN WANT_STDERR_TEXT
expect() {
  CASES=$((CASES + 1))
  local got
  got=$(san_of "$1.pem")
  if [ "$got" != "$2" ]; then
    bad "$1: openssl x509 -text shows SAN '$got', want '$2'"
  fi
  if [ -n "$3" ]; then
    grep -qF -- "$3" "$1.err" || bad "$1: stderr lacks '$3': $(cat "$1.err")"
  elif [ -s "$1.err" ]; then
    bad "$1: unexpected stderr: $(cat "$1.err")"
  fi
}

# accepts NAME OPTION VALUE / refuses NAME OPTION VALUE: both verifiers agree.
accepts() {
  CASES=$((CASES + 2))
  openssl verify -CAfile ca.pem "$2" "$3" "$1.pem" >o.out 2>&1 ||
    bad "$1: openssl verify $2 $3 refused: $(cat o.out)"
  petrel verify -CAfile ca.pem "$2" "$3" "$1.pem" >p.out 2>&1 ||
    bad "$1: petrel verify $2 $3 refused: $(cat p.out)"
}
refuses() {
  CASES=$((CASES + 2))
  openssl verify -CAfile ca.pem "$2" "$3" "$1.pem" >o.out 2>&1 &&
    bad "$1: openssl verify $2 $3 accepted"
  petrel verify -CAfile ca.pem "$2" "$3" "$1.pem" >p.out 2>&1 &&
    bad "$1: petrel verify $2 $3 accepted"
}

issue dns server -subj "/O=Example/CN=host.example.com" &&
  expect dns "DNS:host.example.com" "added subjectAltName=DNS:host.example.com from its CN" &&
  accepts dns -verify_hostname host.example.com &&
  refuses dns -verify_hostname other.example.com
issue ip4 server -subj "/CN=192.0.2.7" &&
  expect ip4 "IP Address:192.0.2.7" "added subjectAltName=IP:192.0.2.7 from its CN" &&
  accepts ip4 -verify_ip 192.0.2.7 &&
  refuses ip4 -verify_ip 192.0.2.8
issue has_san server -subj "/CN=host.example.com" -addext "subjectAltName=DNS:other.example.com" &&
  expect has_san "DNS:other.example.com" "" &&
  refuses has_san -verify_hostname host.example.com
issue client client -subj "/CN=host.example.com" &&
  expect client "" ""
issue not_host server -subj "/CN=Provisioning Server" &&
  expect not_host "" "is neither a DNS name nor an IP address"
if [ "$LEVEL" = full ]; then
  issue ip6 server -subj "/CN=2001:db8::1" &&
    expect ip6 "IP Address:2001:DB8:0:0:0:0:0:1" "added subjectAltName=IP:2001:db8::1" &&
    accepts ip6 -verify_ip 2001:db8::1
  issue wild server -subj "/CN=*.example.com" &&
    expect wild "DNS:*.example.com" "added subjectAltName=DNS:*.example.com" &&
    accepts wild -verify_hostname www.example.com &&
    refuses wild -verify_hostname a.b.example.com
  issue two_cn server -subj "/CN=a.example.com/CN=b.example.com" &&
    expect two_cn "" "the subject has several CNs"
  issue no_cn server -subj "/O=Example" &&
    expect no_cn "" "the subject has no CN"
fi
finish "tools_cn_san ($LEVEL)"
