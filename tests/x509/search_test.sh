#!/usr/bin/env bash
# Path search bounds of petrel verify (hardening issue item 5): the issuer is found among 180
# untrusted certificates (it was cut off at 16 before), a store of 150 unrelated roots without
# key identifiers does not use up the search budget, and a search that does hit the budget says
# search_limit instead of unknown_issuer. Certificates made by openssl; the OK verdicts are
# compared with `openssl verify` on the same files.
#
#   search_test.sh PETREL OUTDIR
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 PETREL OUTDIR" >&2
  exit 2
fi
PETREL=$1
OUT=$2
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT" || exit 2

FAILURES=0
CASES=0
bad() {
  echo "FAIL: $*" >&2
  FAILURES=$((FAILURES + 1))
}
ossl() { openssl "$@" 2>/dev/null || { echo "openssl $* failed" >&2; exit 2; }; }
# check NAME WANT_RC WANT_TEXT_FILE WANT_TEXT petrel-args...
check() {
  local name=$1 want_rc=$2 file=$3 text=$4
  shift 4
  "$PETREL" verify "$@" > out.txt 2> err.txt
  local rc=$?
  CASES=$((CASES + 1))
  [ "$rc" -eq "$want_rc" ] || bad "$name: exit $rc, want $want_rc: $(cat out.txt err.txt)"
  grep -qF -- "$text" "$file" || bad "$name: '$text' not in $file: $(cat "$file")"
}

NOKID=(-addext "subjectKeyIdentifier=none" -addext "authorityKeyIdentifier=none")
ossl genrsa -out root.key 2048
ossl genrsa -out int.key 2048
ossl genrsa -out leaf.key 2048
ossl genrsa -out decoy.key 2048
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n' > ca_nokid.ext
printf 'basicConstraints=critical,CA:FALSE\nsubjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n' > leaf_nokid.ext

# A chain without key identifiers: root -> int -> leaf.
ossl req -x509 -key root.key -subj "/CN=Search Root" -days 30 "${NOKID[@]}" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out root.pem
ossl req -new -key int.key -subj "/CN=Search Int" -out int.csr
ossl x509 -req -in int.csr -CA root.pem -CAkey root.key -set_serial 2 -days 30 \
  -extfile ca_nokid.ext -out int.pem
ossl req -new -key leaf.key -subj "/CN=Search Leaf" -out leaf.csr
ossl x509 -req -in leaf.csr -CA int.pem -CAkey int.key -set_serial 3 -days 30 \
  -extfile leaf_nokid.ext -out leaf.pem

# 1. The intermediate is the 170th of 180 untrusted certificates.
: > untrusted180.pem
for i in $(seq 1 180); do
  if [ "$i" -eq 170 ]; then
    cat int.pem >> untrusted180.pem
  else
    ossl req -x509 -key decoy.key -subj "/CN=Untrusted Decoy $i" -days 30 "${NOKID[@]}" \
      -addext "basicConstraints=critical,CA:TRUE" >> untrusted180.pem
  fi
done
check "issuer at 170 of 180 untrusted" 0 out.txt "leaf.pem: OK" \
  -CAfile root.pem -untrusted untrusted180.pem leaf.pem
CASES=$((CASES + 1))
openssl verify -CAfile root.pem -untrusted untrusted180.pem leaf.pem > /dev/null 2>&1 ||
  bad "openssl verify refuses the 180-untrusted case"

# 2. 150 unrelated roots without key identifiers in the store, before the real root.
: > store150.pem
for i in $(seq 1 150); do
  ossl req -x509 -key decoy.key -subj "/CN=Store Decoy $i" -days 30 "${NOKID[@]}" \
    -addext "basicConstraints=critical,CA:TRUE" >> store150.pem
done
cat root.pem >> store150.pem
check "150 store roots without key identifiers" 0 out.txt "leaf.pem: OK" \
  -CAfile store150.pem -untrusted int.pem leaf.pem
CASES=$((CASES + 1))
openssl verify -CAfile store150.pem -untrusted int.pem leaf.pem > /dev/null 2>&1 ||
  bad "openssl verify refuses the 150-root case"

# 3. A search that hits the budget: 40 self-issued certificates named like the leaf's issuer
#    (none of them its real issuer, which is absent) make more than kMaxSearchSteps candidate
#    paths; the verdict is search_limit, not unknown_issuer.
: > sameName40.pem
for i in $(seq 1 40); do
  ossl req -x509 -key decoy.key -subj "/CN=Search Int" -set_serial $((1000 + i)) -days 30 \
    "${NOKID[@]}" -addext "basicConstraints=critical,CA:TRUE" >> sameName40.pem
done
check "search budget exhausted" 2 err.txt "error search_limit at" \
  -CAfile root.pem -untrusted sameName40.pem leaf.pem
# Without the decoys the verdict is the plain one.
check "no issuer at all" 2 err.txt "error unknown_issuer at 0" -CAfile root.pem leaf.pem

echo "search_test: $CASES checks, $FAILURES failures"
[ "$FAILURES" -eq 0 ]
