#!/usr/bin/env bash
# petrel req -addext: a duplicate extension is refused (as openssl refuses it) with one line on
# stderr and no output file; a subjectAltName with many entries (short names that fit in a
# std::string's inline buffer, long ones on the heap, IPv4, IPv6, email, URI) comes out in the
# request, and with -x509 in the certificate, exactly as in the same request made by
# `openssl req`: the SAN line of `openssl req -text -noout` / `openssl x509 -text -noout` is
# compared. Under the host-asan preset this also checks the SAN storage's lifetime (the entries
# used to be views into a std::vector<std::string> that reallocated).
# usage: req_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "req_test: openssl not found" >&2
  exit 1
fi
openssl genrsa -out key.pem 2048 2>/dev/null || exit 1
SUBJ="/O=Petrel Test/CN=req.example.com"

# expect_error EXPECTED_TEXT ARGS...: exit 1, one "petrel req: ..." line with the text, no out.pem.
expect_error() {
  local expected=$1
  shift
  CASES=$((CASES + 1))
  local cmd="$*"
  [ ${#cmd} -gt 160 ] && cmd="${cmd:0:160}..."
  rm -f out.pem
  petrel "$@" </dev/null >out 2>err
  local rc=$?
  if [ "$rc" -ne 1 ]; then
    bad "exit status $rc (want 1): petrel $cmd: $(head -3 err)"
  elif [ "$(wc -l <err)" -ne 1 ]; then
    bad "stderr has $(wc -l <err) lines (want 1): petrel $cmd: $(head -5 err)"
  elif ! grep -q '^petrel req: ' err; then
    bad "stderr lacks the 'petrel req: ' prefix: petrel $cmd: $(cat err)"
  elif ! grep -qF -- "$expected" err; then
    bad "stderr lacks '$expected': petrel $cmd: $(cat err)"
  elif [ -e out.pem ]; then
    bad "out.pem written although the command failed: petrel $cmd"
  elif [ -s out ]; then
    bad "stdout written although the command failed: petrel $cmd"
  fi
}

# ---- duplicates are refused -----------------------------------------------------------------
R=(req -new -key key.pem -subj "$SUBJ" -out out.pem)
X=(req -x509 -new -key key.pem -subj "$SUBJ" -days 1 -out out.pem)
expect_error "duplicate extension subjectAltName" "${R[@]}" \
  -addext subjectAltName=DNS:a.example.com -addext subjectAltName=DNS:b.example.com
expect_error "duplicate extension subjectAltName" "${X[@]}" \
  -addext subjectAltName=DNS:a.example.com -addext subjectAltName=DNS:b.example.com
expect_error "duplicate extension subjectAltName" "${R[@]}" \
  -addext "subjectAltName=DNS:a" -addext " subjectAltName = IP:192.0.2.1"
# Many duplicates (the case that reallocated the name storage).
many=()
for i in $(seq 1 40); do
  many+=(-addext "subjectAltName=DNS:host$i.example.com,DNS:h$i")
done
expect_error "duplicate extension subjectAltName" "${R[@]}" "${many[@]}"
expect_error "duplicate extension subjectAltName" "${X[@]}" "${many[@]}"
# openssl refuses them too (a check that the expectation is openssl's).
CASES=$((CASES + 1))
if openssl req -new -key key.pem -subj "$SUBJ" -addext subjectAltName=DNS:a \
    -addext subjectAltName=DNS:b -out o.pem >/dev/null 2>&1; then
  bad "openssl req accepted a duplicate -addext (the test's premise is wrong)"
fi

# Extensions other than subjectAltName: refused by name, not ignored.
expect_error "-addext: only subjectAltName=... is supported" "${R[@]}" \
  -addext subjectAltName=DNS:a -addext basicConstraints=critical,CA:TRUE
expect_error "-addext: bad entry" "${R[@]}" -addext "subjectAltName=DNS:a,,DNS:b"

# ---- one -addext with many entries: the same SAN as openssl's ---------------------------------
# Short DNS names fit in std::string's inline (SSO) buffer, so a view into a moved string dangles.
san="DNS:req.example.com"
for i in $(seq 1 12); do
  san+=",DNS:s$i,DNS:a-much-longer-name-$i.subdomain.example.net,IP:192.0.2.$i"
done
san+=",IP:2001:db8::1,IP:2001:db8:0:1:2:3:4:5,email:user@example.com,URI:https://example.com/x"
san+=",DNS:*.wild.example.org,email:x@y"

# san_line FILE x509|req: the line after "X509v3 Subject Alternative Name:" of openssl -text.
san_line() {
  openssl "$2" -in "$1" -noout -text 2>/dev/null |
    sed -n '/X509v3 Subject Alternative Name:/{n;s/^ *//;p;}'
}

check_same_san() {  # check_same_san DESCRIPTION PETREL_FILE OPENSSL_FILE x509|req
  CASES=$((CASES + 1))
  local mine theirs
  mine=$(san_line "$2" "$4")
  theirs=$(san_line "$3" "$4")
  if [ -z "$theirs" ]; then
    bad "$1: openssl's own $4 has no SAN (test setup)"
  elif [ "$mine" != "$theirs" ]; then
    bad "$1: SAN differs from openssl's"$'\n'"  petrel:  $mine"$'\n'"  openssl: $theirs"
  fi
}

CASES=$((CASES + 1))
if ! petrel req -new -key key.pem -subj "$SUBJ" -addext "subjectAltName=$san" -out p.csr 2>err; then
  bad "petrel req -new with $(($(tr -cd , <<<"$san" | wc -c) + 1)) SAN entries: $(cat err)"
fi
openssl req -new -key key.pem -subj "$SUBJ" -addext "subjectAltName=$san" -out o.csr 2>/dev/null
check_same_san "req -new" p.csr o.csr req
CASES=$((CASES + 1))
openssl req -in p.csr -verify -noout >/dev/null 2>&1 || bad "openssl req -verify refuses the request"

CASES=$((CASES + 1))
if ! petrel req -x509 -new -key key.pem -subj "$SUBJ" -days 2 -addext "subjectAltName=$san" \
    -out p.crt 2>err; then
  bad "petrel req -x509 with the SAN list: $(cat err)"
fi
openssl req -x509 -new -key key.pem -subj "$SUBJ" -days 2 -addext "subjectAltName=$san" \
  -out o.crt 2>/dev/null
check_same_san "req -x509" p.crt o.crt x509

# The key=value spelling with spaces, as openssl accepts it.
CASES=$((CASES + 1))
petrel req -new -key key.pem -subj "$SUBJ" -addext "subjectAltName = DNS:sp.example.com, IP:10.0.0.1" \
  -out sp.csr 2>err || bad "petrel req -addext 'subjectAltName = ...': $(cat err)"
openssl req -new -key key.pem -subj "$SUBJ" -addext "subjectAltName = DNS:sp.example.com, IP:10.0.0.1" \
  -out osp.csr 2>/dev/null
check_same_san "req -new, spaces" sp.csr osp.csr req

finish req_test
