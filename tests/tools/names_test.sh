#!/usr/bin/env bash
# Name printing against openssl: for certificates made by `openssl req -x509 -subj` with tricky
# attribute values, `petrel x509 -noout -subject` / `-issuer`, the Subject:/Issuer: lines of
# `petrel x509 -text` and the subject line `petrel verify` prints for a failure must equal
# openssl's own output (`openssl x509 -noout -subject`, `openssl x509 -text`, `openssl verify`)
# byte for byte. The values: every ASCII byte 0x01..0x7f at the start, the middle and the end of
# a value (commas, plus, quotes, backslash, '#', leading/trailing spaces, controls, DEL), a value
# that reads like a second attribute ("Evil, CN = www.bank.com"), UTF-8, C1 controls (U+009B),
# a TeletexString and a BMPString (string_mask = default), a multi-valued RDN.
# usage: names_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "names_test: openssl not found" >&2
  exit 1
fi
openssl genrsa -out key.pem 1024 2>/dev/null || exit 1
printf '[req]\ndistinguished_name = dn\nstring_mask = default\n[dn]\n' >mask.cnf

# same WHAT EXPECTED ACTUAL
same() {
  CASES=$((CASES + 1))
  if [ "$2" != "$3" ]; then
    bad "$1: openssl '$(printf '%s' "$2" | od -An -c | tr -s ' ' | head -c 300)'" \
        "petrel '$(printf '%s' "$3" | od -An -c | tr -s ' ' | head -c 300)'"
  fi
}

# check SUBJ [REQ OPTIONS...]: makes a self-signed certificate and compares the outputs.
check() {
  local subj=$1
  shift
  rm -f c.pem
  if ! openssl req -x509 -new -key key.pem -days 30 -out c.pem -subj "$subj" "$@" 2>err; then
    bad "openssl req -subj '$subj' failed: $(head -2 err)"
    return
  fi
  same "x509 -subject ($subj)" "$(openssl x509 -in c.pem -noout -subject)" \
       "$(petrel x509 -in c.pem -noout -subject)"
  if [ "$LEVEL" = quick ]; then
    return
  fi
  same "x509 -issuer ($subj)" "$(openssl x509 -in c.pem -noout -issuer)" \
       "$(petrel x509 -in c.pem -noout -issuer)"
  same "x509 -text ($subj)" "$(openssl x509 -in c.pem -noout -text | grep -E '^ +(Subject|Issuer): ')" \
       "$(petrel x509 -in c.pem -noout -text | grep -E '^ +(Subject|Issuer): ')"
  # verify: the certificate is not in the trust store; the first stderr line is its subject.
  same "verify ($subj)" "$(openssl verify -CAfile other.pem c.pem 2>&1 | head -1)" \
       "$(petrel verify -CAfile other.pem c.pem 2>&1 | head -1)"
}

openssl req -x509 -new -key key.pem -days 30 -out other.pem -subj /CN=other 2>/dev/null || exit 1

check '/C=US/O=Evil, CN = www.bank.com/CN=real.example'
check '/O=Trustwave Holdings, Inc./CN=a'
check '/O=q"uo\\te/OU= lead/L=trail /CN=#hash'
check '/CN= /O=#/OU=\\/ST="'
check "/O=$(printf 'a\x01b\x7fc')/CN=$(printf 'x\x9by')"  # Latin-1 input: U+009B, a C1 control
check $'/O=caf\xc3\xa9/CN=\xe2\x82\xac/OU=\xf0\x9f\x94\x92' -utf8
check $'/O=caf\xc3\xa9/CN=\xe2\x82\xac/L=plain' -utf8 -config mask.cnf  # T61String, BMPString
check '/O=b+CN=a/OU=x \+ y/L=a+L=b+L=a'
check '/DC=com/DC=example/emailAddress=a+b@example.com/CN=<tag>; x'

# Every ASCII byte but NUL (not passable in an argument) at the start, middle and end of a
# value, 16 bytes to a certificate.
step=1
[ "$LEVEL" = quick ] && step=7
subj=""
n=0
for ((i = 1; i < 128; i += step)); do
  c=$(printf "\\x$(printf %02x "$i")")
  [ "$i" -eq 10 ] && c=$'\n'
  subj+="/CN=\\${c}ab/CN=a\\${c}b/CN=ab\\${c}"
  n=$((n + 1))
  if [ "$n" -eq 16 ]; then
    check "$subj"
    subj=""
    n=0
  fi
done
[ -n "$subj" ] && check "$subj"

finish names_test
