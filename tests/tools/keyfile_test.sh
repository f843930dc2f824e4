#!/usr/bin/env bash
# Modes of the files petrel writes private keys to: genrsa -out and rsa -out (a private key, or
# -text of one) create the file 0600 whatever the umask, as openssl does; public output (rsa
# -pubout, -RSAPublicKey_out) follows the umask, as openssl's. Every new-file case is compared
# with the mode `openssl` gives the same command. An existing group- or world-readable file loses
# those bits before the key is written (openssl keeps the mode there; Petrel is stricter).
# usage: keyfile_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "keyfile_test: openssl not found" >&2
  exit 1
fi
openssl genrsa -out key.pem 1024 2>/dev/null || exit 1
openssl rsa -in key.pem -pubout -out pub.pem 2>/dev/null || exit 1

mode_of() { stat -c %a "$1"; }

# expect_mode WANT UMASK FILE ARGS...: petrel ARGS (which write FILE, removed first) under UMASK
# gives FILE mode WANT, a key openssl can read.
expect_mode() {
  local want=$1 mask=$2 file=$3
  shift 3
  CASES=$((CASES + 1))
  rm -f "$file"
  if ! (umask "$mask" && petrel "$@") >out 2>err; then
    bad "petrel $* (umask $mask) failed: $(head -3 err)"
    return
  fi
  local got
  got=$(mode_of "$file")
  if [ "$got" != "$want" ]; then
    bad "petrel $* (umask $mask): $file has mode $got, want $want"
  fi
}

# same_mode_as_openssl UMASK FILE ARGS...: petrel ARGS and openssl ARGS give FILE the same mode.
same_mode_as_openssl() {
  local mask=$1 file=$2
  shift 2
  CASES=$((CASES + 1))
  rm -f "$file"
  (umask "$mask" && openssl "$@") >/dev/null 2>&1 || { bad "openssl $* failed"; return; }
  local theirs mine
  theirs=$(mode_of "$file")
  rm -f "$file"
  (umask "$mask" && petrel "$@") >/dev/null 2>err || { bad "petrel $* failed: $(head -3 err)"; return; }
  mine=$(mode_of "$file")
  if [ "$mine" != "$theirs" ]; then
    bad "$* (umask $mask): petrel's $file has mode $mine, openssl's $theirs"
  fi
}

# genrsa_here MASK_OR_MODE: whether this case also runs genrsa. Every case on the host ("full");
# under qemu ("quick") each genrsa case once, with umask 000 and over a mode 666 file (where a
# missing restriction shows): a 1024-bit key generation takes seconds there, and it writes its
# file through the same code as `rsa -out`, which every case still runs.
genrsa_here() {
  [ "$LEVEL" = full ] || [ "$1" = 000 ] || [ "$1" = 666 ]
}

for mask in 022 000 077 002; do
  if genrsa_here $mask; then
    expect_mode 600 $mask g.pem genrsa -out g.pem 1024
    expect_mode 600 $mask g.pem genrsa -traditional -out g.pem 1024
  fi
  expect_mode 600 $mask r.pem rsa -in key.pem -out r.pem
  expect_mode 600 $mask r.der rsa -in key.pem -traditional -outform DER -out r.der
  expect_mode 600 $mask t.txt rsa -in key.pem -text -noout -out t.txt
  if genrsa_here $mask; then
    same_mode_as_openssl $mask g.pem genrsa -out g.pem 1024
  fi
  same_mode_as_openssl $mask r.pem rsa -in key.pem -out r.pem
  same_mode_as_openssl $mask t.txt rsa -in key.pem -text -noout -out t.txt
  same_mode_as_openssl $mask p.pem rsa -in key.pem -pubout -out p.pem
  same_mode_as_openssl $mask p.pem rsa -in key.pem -RSAPublicKey_out -out p.pem
  same_mode_as_openssl $mask p.pem rsa -pubin -in pub.pem -pubout -out p.pem
  same_mode_as_openssl $mask p.pem rsa -pubin -in pub.pem -out p.pem
done

# The written key is the key (the mode change did not cost the content).
CASES=$((CASES + 1))
petrel rsa -in key.pem -traditional -out r.pem 2>/dev/null
openssl rsa -in key.pem -traditional -out o.pem 2>/dev/null
cmp -s r.pem o.pem || bad "rsa -traditional -out: not openssl's PKCS#1 PEM"

# An existing file that others may read: restricted before the key goes in.
for m in 644 666 640 604 755; do
  cmds=("rsa -in key.pem -out ex.pem")
  if genrsa_here $m; then
    cmds+=("genrsa -out ex.pem 1024")
  fi
  for cmd in "${cmds[@]}"; do
    CASES=$((CASES + 1))
    rm -f ex.pem
    printf 'an old, longer file that must be replaced entirely by the key ...%4096s\n' "" >ex.pem
    chmod "$m" ex.pem
    # shellcheck disable=SC2086
    if ! petrel $cmd >/dev/null 2>err; then
      bad "petrel $cmd over a mode $m file failed: $(head -3 err)"
      continue
    fi
    got=$(mode_of ex.pem)
    want=$(printf '%o' $((8#$m & 8#700)))
    [ "$got" = "$want" ] || bad "petrel $cmd over a mode $m file: mode $got, want $want"
    openssl rsa -in ex.pem -noout -check >/dev/null 2>&1 ||
      bad "petrel $cmd over an existing file: not a valid key (old content left?)"
  done
done
# An existing 0600 file stays 0600; public output does not change an existing file's mode.
CASES=$((CASES + 1))
rm -f ex.pem && : >ex.pem && chmod 600 ex.pem
petrel genrsa -out ex.pem 1024 2>/dev/null
[ "$(mode_of ex.pem)" = 600 ] || bad "genrsa over a 0600 file: mode $(mode_of ex.pem)"
CASES=$((CASES + 1))
rm -f ex.pem && : >ex.pem && chmod 644 ex.pem
petrel rsa -in key.pem -pubout -out ex.pem 2>/dev/null
[ "$(mode_of ex.pem)" = 644 ] || bad "rsa -pubout over a 0644 file: mode $(mode_of ex.pem)"

# Output to a FIFO (as to /dev/stdout): not chmod-ed, not truncated, the key goes through.
CASES=$((CASES + 1))
mkfifo fifo && chmod 644 fifo
cat fifo >from_fifo.pem &
reader=$!
petrel genrsa -out fifo 1024 2>err || bad "genrsa -out FIFO failed: $(cat err)"
wait "$reader"
[ "$(mode_of fifo)" = 644 ] || bad "genrsa -out FIFO changed its mode to $(mode_of fifo)"
openssl rsa -in from_fifo.pem -noout -check >/dev/null 2>&1 || bad "genrsa -out FIFO: no key read"

finish keyfile_test
