#!/usr/bin/env bash
# Input caps of the whole-file readers: 200 MB on stdin to x509, rsa, req, pkeyutl, verify and
# GCM enc must end in exit 1 with "input larger than N bytes" (not std::bad_alloc and SIGABRT,
# exit 134), under `ulimit -v 300000` where the tool runs under one (not under ASan, whose shadow
# memory needs more address space: there the caps are checked without the ulimit). Inputs of
# exactly the cap are accepted. An allocation that fails anyway is reported, not an abort.
# usage: limits_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "limits_test: openssl not found" >&2
  exit 1
fi
K16=000102030405060708090a0b0c0d0e0f
IV12=cafebabefacedbaddecaf888
MIB=1048576
openssl genrsa -out key.pem 1024 2>/dev/null || exit 1
openssl rsa -in key.pem -pubout -out pub.pem 2>/dev/null || exit 1
openssl req -x509 -new -key key.pem -subj /CN=limits -days 1 -out cert.pem 2>/dev/null || exit 1
openssl req -new -key key.pem -subj /CN=leaf -out leaf.csr 2>/dev/null || exit 1

VMEM=300000
if (ulimit -v $VMEM && petrel version) >/dev/null 2>&1; then
  LIMIT=(ulimit -v $VMEM)
else
  echo "limits_test: petrel does not start under ulimit -v $VMEM (ASan?): caps checked without it"
  LIMIT=(true)
fi

# capped CAP ARGS...: 200 MB of zeros on stdin; exit 1, one line naming the cap.
capped() {
  local cap=$1
  shift
  CASES=$((CASES + 1))
  (
    "${LIMIT[@]}"
    head -c 200000000 /dev/zero | petrel "$@" >out 2>err
    exit "${PIPESTATUS[1]}"
  )
  local rc=$?
  if [ "$rc" -ne 1 ]; then
    bad "200 MB to petrel $*: exit status $rc (want 1): $(head -c 300 err)"
  elif [ "$(wc -l <err)" -ne 1 ]; then
    bad "200 MB to petrel $*: $(wc -l <err) lines on stderr (want 1): $(head -c 300 err)"
  elif ! grep -q "^petrel [a-z0-9]*: stdin: input larger than $cap bytes (" err; then
    bad "200 MB to petrel $*: the message does not name the $cap-byte cap: $(head -c 300 err)"
  fi
}

capped $MIB x509 -noout -subject
capped $MIB x509 -in - -noout -text
capped $MIB rsa -noout
capped $MIB rsa -in - -pubin -pubout
capped $MIB req -in - -verify -noout
capped $MIB req -new -key - -subj /CN=x
capped $MIB x509 -req -in - -CA cert.pem -CAkey key.pem -days 1
capped $MIB x509 -req -in leaf.csr -CA cert.pem -CAkey - -days 1
capped $MIB pkeyutl -encrypt -pubin -inkey pub.pem
capped $MIB pkeyutl -decrypt -inkey -
capped $MIB dgst -sha256 -verify pub.pem -signature - pub.pem
capped $((16 * MIB)) verify -CAfile - cert.pem
capped $((64 * MIB)) enc -e -aes-128-gcm -K $K16 -iv $IV12
capped $((64 * MIB + 16)) enc -d -aes-128-gcm -K $K16 -iv $IV12 -out gcm.out
CASES=$((CASES + 1))
[ -e gcm.out ] && bad "enc -d GCM over the cap created its -out file"

# A verify CERT operand over the cap: verify's own failure report, exit 2 (as for a bad file).
CASES=$((CASES + 1))
(
  "${LIMIT[@]}"
  head -c 200000000 /dev/zero | petrel verify -CAfile cert.pem - >out 2>err
  exit "${PIPESTATUS[1]}"
)
rc=$?
if [ "$rc" -ne 2 ] || ! grep -q "input larger than $MIB bytes" err; then
  bad "200 MB as verify's CERT: exit $rc (want 2): $(head -c 300 err)"
fi

# Exactly at the cap: accepted (PEM ignores the trailing newlines).
pad_to() {  # pad_to SIZE IN OUT
  cp "$2" "$3"
  head -c $(($1 - $(stat -c %s "$2"))) /dev/zero | tr '\0' '\n' >>"$3"
}
pad_to $MIB key.pem key1m.pem
pad_to $MIB cert.pem cert1m.pem
pad_to $((MIB + 1)) key.pem key1m1.pem
CASES=$((CASES + 1))
petrel rsa -in key1m.pem -check -noout >out 2>err || bad "rsa: a key file of exactly 1 MiB refused: $(cat err)"
CASES=$((CASES + 1))
petrel x509 -in cert1m.pem -noout -subject >out 2>err || bad "x509: a certificate file of exactly 1 MiB refused: $(cat err)"
CASES=$((CASES + 1))
petrel rsa -in key1m1.pem -check -noout >out 2>err
rc=$?
if [ "$rc" -ne 1 ] || ! grep -qF "key1m1.pem: input larger than $MIB bytes" err; then
  bad "rsa: a key file of 1 MiB + 1 byte: exit $rc: $(cat err)"
fi

# GCM at the caps, so the decryption cap is not off by the tag: 64 MiB + 16 bytes of sealed
# input get as far as the tag check; 64 MiB + 1 of plaintext is refused (under the ulimit only:
# ASan and qemu are slow for 64 MiB; tools_gcm compares GCM output with openssl).
if [ "${LIMIT[0]}" = ulimit ] && [ "$LEVEL" = full ]; then
  CASES=$((CASES + 1))
  (
    "${LIMIT[@]}"
    head -c $((64 * MIB + 16)) /dev/zero |
      petrel enc -d -aes-128-gcm -impl table -K $K16 -iv $IV12 -out gcm.out >out 2>err
    exit "${PIPESTATUS[1]}"
  )
  rc=$?
  if [ "$rc" -ne 1 ] || ! grep -qx "petrel enc: authentication failed" err; then
    bad "enc -d GCM of exactly 64 MiB + tag: exit $rc, want the tag check: $(head -c 300 err)"
  fi
  [ -e gcm.out ] && bad "enc -d GCM with a bad tag created its -out file"
  capped_size=$((64 * MIB + 1))
  CASES=$((CASES + 1))
  (
    "${LIMIT[@]}"
    head -c $capped_size /dev/zero | petrel enc -e -aes-128-gcm -K $K16 -iv $IV12 >out 2>err
    exit "${PIPESTATUS[1]}"
  )
  rc=$?
  if [ "$rc" -ne 1 ] || ! grep -q "input larger than $((64 * MIB)) bytes" err; then
    bad "enc -e GCM of 64 MiB + 1: exit $rc: $(head -c 300 err)"
  fi
fi

# An allocation that fails below the cap (a tighter ulimit): "out of memory", exit 1, no abort.
if [ "${LIMIT[0]}" = ulimit ]; then
  CASES=$((CASES + 1))
  (
    ulimit -v 60000
    head -c 40000000 /dev/zero | petrel enc -e -aes-128-gcm -K $K16 -iv $IV12 >out 2>err
    exit "${PIPESTATUS[1]}"
  )
  rc=$?
  if [ "$rc" -ne 1 ] || ! grep -qx "petrel enc: out of memory" err; then
    bad "GCM enc of 40 MB under ulimit -v 60000: exit $rc (want 1, 'out of memory'): $(head -c 300 err)"
  fi
fi

finish limits_test
