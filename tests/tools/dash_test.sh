#!/usr/bin/env bash
# "-" is stdin for every input and stdout for every output, as in openssl: enc -in/-out, dgst's
# FILE operands, -out and -signature, genrsa/rsa/pkeyutl/req/x509 -in/-out/-key/-CAkey, verify's
# CERT. Each case runs in an empty directory and must leave no file named "-" behind; outputs are
# compared with openssl's for the same command where openssl accepts it.
# usage: dash_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "dash_test: openssl not found" >&2
  exit 1
fi
K16=000102030405060708090a0b0c0d0e0f
IV16=f0e0d0c0b0a090807060504030201000
IV12=cafebabefacedbaddecaf888
openssl genrsa -out key.pem 1024 2>/dev/null || exit 1
openssl rsa -in key.pem -pubout -out pub.pem 2>/dev/null || exit 1
openssl req -x509 -new -key key.pem -subj /CN=dash -days 1 -out cert.pem 2>/dev/null || exit 1
openssl req -new -key key.pem -subj /CN=leaf -out leaf.csr 2>/dev/null || exit 1
head -c 1000 /dev/urandom >data
mkdir run
D=$TMP

# in_run CMD...: runs CMD inside the empty directory run/ (stdin and stdout as given); fails the
# case if a file named "-" appears there.
exec 3>&2  # the script's stderr, for reports from inside in_run (whose stderr is redirected)
in_run() {
  (cd "$D/run" && "$@")
  local rc=$?
  CASES=$((CASES + 1))
  if [ -e "$D/run/-" ]; then
    bad "a file named '-' was written by: $*" 2>&3
    rm -f "$D/run/-"
  fi
  return $rc
}

# same WHAT EXPECTED_FILE: compares got (the command's stdout) with the expected file.
same() {
  CASES=$((CASES + 1))
  if ! cmp -s "$D/got" "$2"; then
    bad "$1: output differs from the expected (openssl's) one: $(head -c 200 "$D/err")"
  fi
}

# ---- enc ------------------------------------------------------------------------------------
openssl enc -aes-128-cbc -K $K16 -iv $IV16 -in data -out want.cbc
in_run petrel enc -e -aes-128-cbc -K $K16 -iv $IV16 -in - -out - <data >got 2>err
same "enc -in - -out -" want.cbc
in_run petrel enc -e -aes-128-cbc -K $K16 -iv $IV16 -in - <data >got 2>err
same "enc -in -" want.cbc
in_run petrel enc -d -aes-128-cbc -K $K16 -iv $IV16 -in - -out - <want.cbc >got 2>err
same "enc -d -in - -out -" data
in_run petrel enc -e -aes-128-gcm -K $K16 -iv $IV12 -in - -out - <data >got 2>err
petrel enc -e -aes-128-gcm -K $K16 -iv $IV12 -in data -out want.gcm
same "enc GCM -in - -out -" want.gcm
in_run petrel enc -d -aes-128-gcm -K $K16 -iv $IV12 -in - -out - <want.gcm >got 2>err
same "enc -d GCM -in - -out -" data

# ---- dgst -----------------------------------------------------------------------------------
openssl dgst -sha256 - <data >want.dgst   # openssl: (stdin)
in_run petrel dgst -sha256 - <data >got 2>err
same "dgst -sha256 -" want.dgst
in_run petrel dgst -sha256 -out - - <data >got 2>err
same "dgst -out - -" want.dgst
openssl dgst -sha256 -out - "$D/data" >want.dgst2
in_run petrel dgst -sha256 -out - "$D/data" >got 2>err
same "dgst -out - FILE" want.dgst2
openssl dgst -sha256 -hmac key -r - <data >want.hmac
in_run petrel dgst -sha256 -hmac key -r - <data >got 2>err
same "dgst -hmac -r -" want.hmac
openssl dgst -sha256 -sign key.pem -out want.sig data
in_run petrel dgst -sha256 -sign "$D/key.pem" -out - - <data >got 2>err
same "dgst -sign -out - -" want.sig
printf 'Verified OK\n' >want.ok
in_run petrel dgst -sha256 -verify "$D/pub.pem" -signature - "$D/data" <want.sig >got 2>err
same "dgst -verify -signature -" want.ok
in_run petrel dgst -sha256 -verify "$D/pub.pem" -signature "$D/want.sig" - <data >got 2>err
same "dgst -verify ... -" want.ok

# ---- keys -----------------------------------------------------------------------------------
CASES=$((CASES + 1))
in_run petrel genrsa -out - 1024 >got 2>err
openssl rsa -in got -check -noout >/dev/null 2>&1 || bad "genrsa -out -: no key on stdout: $(cat err)"
openssl rsa -in key.pem -out want.key 2>/dev/null
in_run petrel rsa -in "$D/key.pem" -out - >got 2>err
same "rsa -out -" want.key
in_run petrel rsa -in - -out - <key.pem >got 2>err
same "rsa -in - -out -" want.key
openssl rsa -in key.pem -pubout -out want.pub 2>/dev/null
in_run petrel rsa -in - -pubout -out - <key.pem >got 2>err
same "rsa -in - -pubout -out -" want.pub
in_run petrel pkeyutl -encrypt -pubin -inkey "$D/pub.pem" -in - -out - <want.ok >got 2>err
CASES=$((CASES + 1))
openssl pkeyutl -decrypt -inkey key.pem -in got -out dec 2>/dev/null && cmp -s dec want.ok ||
  bad "pkeyutl -encrypt -in - -out -: openssl cannot decrypt it: $(cat err)"
in_run petrel pkeyutl -decrypt -inkey "$D/key.pem" -in - -out - <got >got2 2>err
mv got2 got
same "pkeyutl -decrypt -in - -out -" want.ok

# ---- certificates ---------------------------------------------------------------------------
CASES=$((CASES + 1))
in_run petrel req -new -key - -subj /CN=dash -out - <key.pem >got 2>err
openssl req -in got -verify -noout >/dev/null 2>&1 || bad "req -new -key - -out -: $(cat err)"
openssl x509 -in cert.pem -out want.crt
in_run petrel x509 -in - -out - <cert.pem >got 2>err
same "x509 -in - -out -" want.crt
CASES=$((CASES + 1))
in_run petrel x509 -req -in - -CA "$D/cert.pem" -CAkey "$D/key.pem" -days 1 -purpose server \
  -out - <leaf.csr >got 2>err
openssl x509 -in got -noout -subject 2>/dev/null | grep -qx 'subject=CN = leaf' ||
  bad "x509 -req -in - -out -: $(cat err)"
CASES=$((CASES + 1))
in_run petrel x509 -req -in "$D/leaf.csr" -CA "$D/cert.pem" -CAkey - -days 1 -purpose server \
  -out "$D/issued.pem" <key.pem >/dev/null 2>err || bad "x509 -req -CAkey -: $(cat err)"
CASES=$((CASES + 1))
in_run petrel verify -CAfile "$D/cert.pem" - <cert.pem >got 2>err || bad "verify CERT=-: $(cat err)"
CASES=$((CASES + 1))
in_run petrel req -in - -verify -noout <leaf.csr >got 2>err || bad "req -in - -verify: $(cat err)"

# Messages name stdin, not "-".
CASES=$((CASES + 1))
printf 'junk' | in_run petrel x509 -in - -noout >got 2>err
grep -qx 'petrel x509: stdin: neither PEM nor DER' err || bad "x509 junk on -in -: $(cat err)"
CASES=$((CASES + 1))
printf 'junk' | in_run petrel rsa -in - -noout >got 2>err
grep -q '^petrel rsa: stdin: ' err || bad "rsa junk on -in -: $(cat err)"

finish dash_test
