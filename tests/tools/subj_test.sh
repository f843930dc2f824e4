#!/usr/bin/env bash
# petrel req -subj against `openssl req -utf8 -subj` (hardening item 11), case by case:
#  - a subject openssl refuses (C not exactly 2 PrintableString characters, a value over the
#    X.520 upper bound openssl enforces: CN, O, OU, serialNumber 64; L, ST, emailAddress 128;
#    a character outside the attribute's string type) petrel refuses too, exit 1, with one
#    stderr line naming the attribute and the bound ("C must be exactly 2 characters",
#    "CN must be at most 64 characters"), and writes no request;
#  - a subject openssl accepts petrel accepts, and the subject Name of the two requests is the
#    same DER, byte for byte: in particular a multi-valued RDN ("/O=b+CN=a") comes out sorted
#    as DER sorts a SET OF, whatever the order in the text.
# Lengths count characters (UTF-8 code points), as `openssl req -utf8` counts them.
# usage: subj_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "subj_test: openssl not found" >&2
  exit 1
fi
openssl genrsa -out key.pem 2048 2>/dev/null || exit 1

rep() {  # rep CHAR N: CHAR repeated N times
  local s="" i
  for ((i = 0; i < $2; i++)); do
    s+=$1
  done
  printf '%s' "$s"
}

# The subject Name of a DER request, as hex: the third element of the CertificationRequestInfo.
subject_hex() {
  local line off hl l
  line=$(openssl asn1parse -inform DER -in "$1" | sed -n 4p)
  off=$(sed -n 's/^ *\([0-9]*\):.*/\1/p' <<<"$line")
  hl=$(sed -n 's/.*hl= *\([0-9]*\).*/\1/p' <<<"$line")
  l=$(sed -n 's/.* l= *\([0-9]*\).*/\1/p' <<<"$line")
  if [ -z "$off" ] || [ -z "$hl" ] || [ -z "$l" ] || ! grep -q 'SEQUENCE' <<<"$line"; then
    echo "unparsable:$line"
    return
  fi
  tail -c +$((off + 1)) "$1" | head -c $((hl + l)) | od -An -v -tx1 | tr -d ' \n'
}

ACCEPTED=0
REFUSED=0
# check SUBJ [EXPECTED_MESSAGE]: openssl's verdict decides; a refusal must carry the message.
check() {
  local subj=$1 want=${2:-}
  CASES=$((CASES + 1))
  local shown=$subj
  [ ${#shown} -gt 60 ] && shown="${shown:0:60}... (${#subj} bytes)"
  rm -f o.der p.der
  openssl req -utf8 -new -key key.pem -subj "$subj" -outform DER -out o.der >/dev/null 2>oerr
  local o_rc=$?
  petrel req -new -key key.pem -subj "$subj" -outform DER -out p.der </dev/null >pout 2>perr
  local p_rc=$?
  if [ $o_rc -ne 0 ]; then
    REFUSED=$((REFUSED + 1))
    if [ $p_rc -ne 1 ]; then
      bad "openssl refused '$shown' ($(grep -m1 -o 'ASN1_mbstring_ncopy:[^:]*:' oerr)), petrel exit $p_rc"
    elif [ "$(wc -l <perr)" -ne 1 ] || ! grep -q '^petrel req: ' perr; then
      bad "petrel refused '$shown' without one 'petrel req:' line: $(head -3 perr)"
    elif [ -n "$want" ] && ! grep -qF -- "$want" perr; then
      bad "petrel's message for '$shown' lacks '$want': $(cat perr)"
    elif [ -e p.der ] || [ -s pout ]; then
      bad "petrel wrote output although it refused '$shown'"
    fi
    return
  fi
  ACCEPTED=$((ACCEPTED + 1))
  if [ -n "$want" ]; then
    bad "openssl accepted '$shown', which the test expects refused ($want)"
  elif [ $p_rc -ne 0 ]; then
    bad "openssl accepted '$shown', petrel exit $p_rc: $(head -c 200 perr)"
  elif [ "$(subject_hex o.der)" != "$(subject_hex p.der)" ]; then
    bad "subject of '$shown' differs: openssl $(subject_hex o.der), petrel $(subject_hex p.der)"
  fi
}

# ---- countryName: exactly 2 PrintableString characters --------------------------------------
check "/C=USA" "C must be exactly 2 characters (got 3)"
check "/C=U" "C must be exactly 2 characters (got 1)"
check "/C=US"
check "/C=u*" "C must be a PrintableString"
# ---- upper bounds, at the bound and one over ------------------------------------------------
check "/CN=$(rep a 200)" "CN must be at most 64 characters (got 200)"
check "/CN=$(rep a 64)"
check "/O=$(rep b 65)" "O must be at most 64 characters (got 65)"
check "/OU=$(rep c 65)" "OU must be at most 64 characters (got 65)"
check "/L=$(rep d 129)" "L must be at most 128 characters (got 129)"
check "/ST=$(rep e 129)" "ST must be at most 128 characters (got 129)"
check "/emailAddress=$(rep f 129)" "emailAddress must be at most 128 characters (got 129)"
check "/serialNumber=$(rep 1 65)" "serialNumber must be at most 64 characters (got 65)"
# characters, not bytes: 64 two-byte characters fit in CN, 65 do not
check "/CN=$(rep é 64)"
check "/CN=$(rep é 65)" "CN must be at most 64 characters (got 65)"
check "/emailAddress=é@example.com" "emailAddress must be ASCII"
# ---- multi-valued RDNs: written in DER order -------------------------------------------------
check "/O=b+CN=a"
check "/CN=a+O=b"
check "/C=US/OU=unit+O=Example Org+CN=host.example.com"
if [ "$LEVEL" = full ]; then
  check "/O=$(rep b 64)"
  check "/OU=$(rep c 64)"
  check "/L=$(rep d 128)"
  check "/ST=$(rep e 128)"
  check "/emailAddress=$(rep f 128)"
  check "/serialNumber=$(rep 1 64)"
  check "/L=$(rep ü 128)"
  check "/L=$(rep ü 129)" "L must be at most 128 characters (got 129)"
  # bounds openssl does not have (title, DC, street, UID ...) are not invented
  check "/title=$(rep t 200)"
  check "/DC=$(rep d 300)"
  check "/street=$(rep s 300)"
  # a GN longer than any fixed value buffer (the writer used to stop at 1024 bytes)
  check "/GN=$(rep g 2000)"
  check "/C=US+ST=California+L=San Francisco"
  check "/DC=com/DC=example+CN=Alice+emailAddress=alice@example.com"
  check "/CN=b+CN=a+CN=c"
  check "/CN=z+C=DE"
fi

echo "subj_test: $CASES cases ($ACCEPTED accepted by both with the same DER, $REFUSED refused by openssl), $FAILURES failures"
[ "$CASES" -gt 0 ] && [ "$ACCEPTED" -gt 0 ] && [ "$REFUSED" -gt 0 ] && [ "$FAILURES" -eq 0 ]
