#!/usr/bin/env bash
# Bad input to every petrel command: each case must exit 1 (not crash, not 0) with exactly one
# line on stderr, "petrel <cmd>: ..." containing the expected text. Also: a bad PKCS#7 padding
# gives "bad decrypt" and withholds the final block; a bad GCM tag writes nothing at all.
# Ciphertexts with chosen (bad) paddings are made with `openssl enc -nopad`.
# usage: errors_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
K16=000102030405060708090a0b0c0d0e0f
K32=${K16}101112131415161718191a1b1c1d1e1f
IV16=f0e0d0c0b0a090807060504030201000
printf 'seventeen bytes!!' >in17
printf 'hello' >hello.txt
mkdir adir

# expect_error EXPECTED_TEXT ARGS...   (stdin: $STDIN_FILE or /dev/null)
expect_error() {
  local expected=$1
  shift
  CASES=$((CASES + 1))
  petrel "$@" <"${STDIN_FILE:-/dev/null}" >out 2>err
  local rc=$?
  local lines
  lines=$(wc -l <err)
  if [ "$rc" -ne 1 ]; then
    bad "exit status $rc (want 1): petrel $*: $(head -3 err)"
  elif [ "$lines" -ne 1 ]; then
    bad "stderr has $lines lines (want 1): petrel $*: $(head -5 err)"
  elif ! grep -q '^petrel [a-z]*: ' err && ! grep -q '^petrel: ' err; then
    bad "stderr lacks the 'petrel <cmd>: ' prefix: petrel $*: $(cat err)"
  elif ! grep -qF -- "$expected" err; then
    bad "stderr lacks '$expected': petrel $*: $(cat err)"
  fi
}

expect_empty_out() {
  if [ -s out ]; then
    bad "output written although the command failed: $*"
  fi
}

# ---- enc: keys, IVs, options ---------------------------------------------------------------
E=(enc -e -in in17)
expect_error "odd number of hex digits" "${E[@]}" -aes-128-cbc -K 000 -iv $IV16
expect_error "non-hex character 'g'" "${E[@]}" -aes-128-cbc -K 0g0102030405060708090a0b0c0d0e0f -iv $IV16
expect_error "-K must be 16 bytes (32 hex digits) for aes-128-cbc, got 15 bytes" "${E[@]}" -aes-128-cbc -K ${K16:2} -iv $IV16
expect_error "-K must be 16 bytes (32 hex digits) for aes-128-ecb, got 17 bytes" "${E[@]}" -aes-128-ecb -K ${K16}00
expect_error "-K must be 32 bytes (64 hex digits) for aes-256-ctr, got 16 bytes" "${E[@]}" -aes-256-ctr -K $K16 -iv $IV16
expect_error "-K must be 24 bytes" "${E[@]}" -aes-192-cbc -K $K32 -iv $IV16
expect_error "-K must be 16 bytes (32 hex digits) for aes-128-cbc, got 0 bytes" "${E[@]}" -aes-128-cbc -K "" -iv $IV16
expect_error "-K must be 16 bytes (32 hex digits) for rc4" "${E[@]}" -rc4 -K 0102030405
expect_error "-K must be 5 bytes" "${E[@]}" -rc4-40 -K $K16
expect_error "-K is required" "${E[@]}" -aes-128-cbc -iv $IV16
expect_error "-iv must be 16 bytes (32 hex digits) for aes-128-cbc, got 15 bytes" "${E[@]}" -aes-128-cbc -K $K16 -iv ${IV16:2}
expect_error "-iv must be 16 bytes" "${E[@]}" -aes-128-ctr -K $K16 -iv ${IV16}00
expect_error "bad -iv: odd number of hex digits" "${E[@]}" -aes-128-cbc -K $K16 -iv 123
expect_error "bad -iv: non-hex character" "${E[@]}" -aes-128-cbc -K $K16 -iv "00 11"
expect_error "-iv is required for aes-128-cbc" "${E[@]}" -aes-128-cbc -K $K16
expect_error "-iv is not used by aes-128-ecb" "${E[@]}" -aes-128-ecb -K $K16 -iv $IV16
expect_error "-iv is not used by rc4" "${E[@]}" -rc4 -K $K16 -iv $IV16
expect_error "-iv is required for aes-128-gcm" "${E[@]}" -aes-128-gcm -K $K16
expect_error "-iv must not be empty" "${E[@]}" -aes-128-gcm -K $K16 -iv ""
expect_error "-aad is only used by GCM" "${E[@]}" -aes-128-cbc -K $K16 -iv $IV16 -aad 00
expect_error "bad -aad: odd number" "${E[@]}" -aes-128-gcm -K $K16 -iv 000102030405060708090a0b -aad 0
expect_error "unknown option -foo" "${E[@]}" -aes-128-cbc -K $K16 -iv $IV16 -foo
expect_error "unknown option -aes-128-xts" "${E[@]}" -aes-128-xts -K $K16
expect_error "unknown option -pass" "${E[@]}" -aes-128-cbc -pass pass:x
expect_error "option -K needs an argument" "${E[@]}" -aes-128-cbc -K
expect_error "option -in needs an argument" enc -aes-128-ecb -K $K16 -in
expect_error "no cipher given" "${E[@]}" -K $K16
expect_error "two ciphers given" "${E[@]}" -aes-128-cbc -aes-256-cbc -K $K16
expect_error "unexpected argument 'extra'" "${E[@]}" -aes-128-ecb -K $K16 extra
expect_error "unknown AES implementation 'fast'" "${E[@]}" -aes-128-ecb -K $K16 -impl fast
# A variant the library lists but this build lacks is "not available", not "unknown" (the
# first of `petrel version -a`'s "not available:" AES names; every target lacks one).
MISSING_AES=$(petrel version -a 2>/dev/null | sed -n 's/^aes implementations:.*; not available: \([a-z0-9-]*\).*/\1/p')
if [ -n "$MISSING_AES" ]; then
  expect_error "AES implementation '$MISSING_AES' is not available in this build (available: " \
    "${E[@]}" -aes-128-ecb -K $K16 -impl "$MISSING_AES"
  expect_error "AES implementation '$MISSING_AES' is not available in this build" \
    speed -impl "$MISSING_AES" -bytes 16 aes-128-cbc
else
  bad "petrel version -a lists no AES variant as not available (every target lacks one)"
fi
expect_error "-impl selects an AES implementation; rc4 is not AES" "${E[@]}" -rc4 -K $K16 -impl ct
expect_error "cannot open no-such-file: No such file or directory" enc -aes-128-ecb -K $K16 -in no-such-file
expect_error "cannot read adir" enc -aes-128-ecb -K $K16 -in adir
expect_error "cannot open no-such-dir/x for writing" enc -aes-128-ecb -K $K16 -in in17 -out no-such-dir/x
if [ -w /dev/full ]; then
  expect_error "cannot write" enc -aes-128-ctr -K $K16 -iv $IV16 -in in17 -out /dev/full
  CASES=$((CASES + 1))
  petrel enc -aes-128-ecb -K $K16 -in in17 >/dev/full 2>err
  rc=$?
  if [ "$rc" -ne 1 ] || ! grep -q "^petrel enc: cannot write stdout" err; then
    bad "write to a full stdout not reported (rc $rc): $(cat err)"
  fi
fi
expect_error "-nopad: input length 17 is not a multiple of the 16-byte block size" "${E[@]}" -aes-128-cbc -nopad -K $K16 -iv $IV16
expect_error "not a multiple of the 16-byte block size" enc -d -aes-256-ecb -nopad -K $K32 -in in17

# ---- enc: bad padding and bad tags -------------------------------------------------------
if command -v openssl >/dev/null; then
  # Three blocks whose last block ends in 00 (never a valid PKCS#7 pad), and one block ending
  # in ...0a0b05 (claims 5 bytes of 05, but they are not all 05).
  { head -c 32 /dev/urandom; head -c 15 /dev/zero | tr '\0' 'A'; printf '\0'; } >badpad3
  openssl enc -e -aes-128-cbc -nopad -K $K16 -iv $IV16 -in badpad3 -out badpad3.enc
  { head -c 11 /dev/urandom; printf '\x05\x05\x05\x0a\x05'; } >badpad1
  openssl enc -e -aes-256-ecb -nopad -K $K32 -in badpad1 -out badpad1.enc
  { head -c 16 /dev/zero | tr '\0' 'B'; printf '\x11%.0s' $(seq 16); } >badpad17
  openssl enc -e -aes-128-ecb -nopad -K $K16 -in badpad17 -out badpad17.enc

  STDIN_FILE=badpad3.enc expect_error "bad decrypt" enc -d -aes-128-cbc -K $K16 -iv $IV16
  CASES=$((CASES + 1))
  if ! head -c 32 badpad3 | cmp -s - out; then
    bad "bad decrypt: want exactly the first two (good) blocks written, got $(stat -c %s out) bytes"
  fi
  STDIN_FILE=badpad3.enc expect_error "bad decrypt" enc -d -aes-128-cbc -K $K16 -iv $IV16 -impl table
  STDIN_FILE=badpad1.enc expect_error "bad decrypt" enc -d -aes-256-ecb -K $K32
  expect_empty_out "bad padding, one block"
  STDIN_FILE=badpad17.enc expect_error "bad decrypt" enc -d -aes-128-ecb -K $K16 -impl ct
  CASES=$((CASES + 1))
  if ! head -c 16 badpad17 | cmp -s - out; then
    bad "pad byte 0x11: want only the first block written"
  fi
else
  echo "errors_test: no openssl command; skipping the chosen-padding cases" >&2
fi
STDIN_FILE=in17 expect_error "bad decrypt: ciphertext length 17 is not a non-zero multiple of 16" enc -d -aes-128-cbc -K $K16 -iv $IV16
expect_error "bad decrypt: ciphertext length 0" enc -d -aes-128-ecb -K $K16

# GCM: flip one bit of the tag, then of the ciphertext; nothing may be written, and a -out file
# must not even be created.
GIV=000102030405060708090a0b
petrel enc -e -aes-128-gcm -K $K16 -iv $GIV -aad abcd -in in17 -out gcm.enc 2>err ||
  bad "gcm encrypt failed: $(cat err)"
size=$(stat -c %s gcm.enc)
for pos in $((size - 1)) 0; do
  {
    head -c "$pos" gcm.enc
    printf "\\x$(printf %02x $((0x$(bin2hex -j "$pos" -N 1 gcm.enc) ^ 1)))"
    tail -c +$((pos + 2)) gcm.enc
  } >gcm.bad
  STDIN_FILE=gcm.bad expect_error "authentication failed" enc -d -aes-128-gcm -K $K16 -iv $GIV -aad abcd
  expect_empty_out "gcm bad tag"
  STDIN_FILE=gcm.bad expect_error "authentication failed" enc -d -aes-128-gcm -K $K16 -iv $GIV -aad abcd -out gcm.plain
  CASES=$((CASES + 1))
  [ -e gcm.plain ] && bad "gcm: -out file created although the tag did not verify"
done
STDIN_FILE=gcm.enc expect_error "authentication failed" enc -d -aes-128-gcm -K $K16 -iv $GIV -aad abce
STDIN_FILE=gcm.enc expect_error "authentication failed" enc -d -aes-128-gcm -K $K16 -iv $GIV
STDIN_FILE=in17 expect_error "authentication failed" enc -d -aes-128-gcm -K $K16 -iv $GIV
expect_error "input of 5 bytes is shorter than the 16-byte tag" enc -d -aes-256-gcm -K $K32 -iv $GIV -in hello.txt
# ...and the untouched message still opens.
CASES=$((CASES + 1))
if ! petrel enc -d -aes-128-gcm -K $K16 -iv $GIV -aad abcd -in gcm.enc -out gcm.plain 2>err ||
  ! cmp -s gcm.plain in17; then
  bad "gcm: the genuine message does not open: $(cat err)"
fi

# ---- dgst ----------------------------------------------------------------------------------
expect_error "cannot open no-such-file: No such file or directory" dgst -sha256 hello.txt no-such-file in17
CASES=$((CASES + 1))
if [ "$(wc -l <out)" -ne 2 ] || ! grep -q '^SHA2-256(in17)= ' out; then
  bad "dgst: the files after an unreadable one were not all digested: $(cat out)"
fi
expect_error "cannot read adir" dgst -md5 adir
expect_error "unknown option -sha3-256" dgst -sha3-256 hello.txt
expect_error "unknown option -foo" dgst -foo hello.txt
expect_error "option -hmac needs an argument" dgst -sha1 -hmac
expect_error "option -macopt needs an argument" dgst -sha1 -mac HMAC -macopt
expect_error "bad -macopt hexkey: odd number of hex digits" dgst -sha1 -mac HMAC -macopt hexkey:0 hello.txt
expect_error "bad -macopt hexkey: non-hex character 'z'" dgst -sha1 -mac HMAC -macopt hexkey:zz hello.txt
expect_error "bad -macopt hexkey: empty key" dgst -sha1 -mac HMAC -macopt hexkey: hello.txt
expect_error "unsupported -macopt 'digest:sha1'" dgst -sha1 -mac HMAC -macopt digest:sha1 hello.txt
expect_error "unsupported MAC 'CMAC'" dgst -mac CMAC -macopt hexkey:00 hello.txt
expect_error "-mac HMAC needs a key" dgst -sha1 -mac HMAC hello.txt
expect_error "-macopt needs -mac HMAC" dgst -sha1 -macopt hexkey:00 hello.txt
expect_error "the MAC key is given twice" dgst -sha1 -hmac a -hmac b hello.txt
expect_error "two digests given" dgst -sha1 -sha256 hello.txt
expect_error "cannot open no-such-dir/x for writing" dgst -out no-such-dir/x hello.txt
if [ -w /dev/full ]; then
  CASES=$((CASES + 1))
  petrel dgst -sha256 hello.txt >/dev/full 2>err
  rc=$?
  if [ "$rc" -ne 1 ] || ! grep -q "^petrel dgst: cannot write stdout" err; then
    bad "dgst: write to a full stdout not reported (rc $rc): $(cat err)"
  fi
fi

# ---- speed ---------------------------------------------------------------------------------
expect_error "unknown algorithm 'aes-128-xyz'" speed -bytes 16 aes-128-xyz
expect_error "-bytes is not for the public-key algorithms (use -ops N)" speed -bytes 16 rsa2048
expect_error "-bytes is not for the public-key algorithms (use -ops N)" speed -bytes 16 ecdhp256
expect_error "rsa512 is not yet supported" speed rsa512
expect_error "-ops is for the public-key algorithms only" speed -ops 2 sha256
expect_error "ecdsap384 is not yet supported" speed ecdsap384
expect_error "ed25519 is not yet supported" speed ed25519
expect_error "unknown AES implementation 'fast'" speed -impl fast -bytes 16 aes-128-cbc
expect_error "bad -bytes 'lots'" speed -bytes lots aes-128-cbc
expect_error "bad -bytes '-1'" speed -bytes -1 aes-128-cbc
expect_error "bad -bytes '99999999999999999999'" speed -bytes 99999999999999999999 sha256
expect_error "-bytes 17 is not a multiple of 16, as aes-128-cbc needs" speed -bytes 17 aes-128-cbc
expect_error "bad -seconds '0'" speed -seconds 0 sha256
expect_error "bad -seconds 'x'" speed -seconds x sha256
expect_error "option -bytes needs an argument" speed -bytes
expect_error "unknown option -multi" speed -multi 2 sha256

# ---- the command itself ----------------------------------------------------------------------
expect_error "unknown command 'frobnicate'" frobnicate
expect_error "unknown command 'nope'" help nope
expect_error "unknown option -x" version -x
CASES=$((CASES + 1))
petrel >out 2>err
rc=$?
if [ "$rc" -ne 1 ] || ! grep -q '^usage: petrel' err || [ -s out ]; then
  bad "petrel without a command: want the usage on stderr and exit 1 (rc $rc)"
fi
CASES=$((CASES + 1))
if ! petrel help >out 2>err || ! grep -q '^  enc ' out || ! grep -q '^  dgst ' out ||
  ! grep -q '^  speed ' out || ! grep -q '^  version ' out; then
  bad "petrel help: want the command list on stdout and exit 0"
fi
for c in enc dgst speed version; do
  CASES=$((CASES + 1))
  if ! petrel help "$c" >out 2>err || ! grep -q "^usage: petrel $c" out; then
    bad "petrel help $c: want its usage on stdout and exit 0"
  fi
done
CASES=$((CASES + 1))
if ! petrel version >out 2>err || ! grep -qE '^petrel [0-9]+\.[0-9]+\.[0-9]+$' out; then
  bad "petrel version: want 'petrel X.Y.Z': $(cat out err)"
fi
CASES=$((CASES + 1))
if ! petrel version -a >out 2>err || ! grep -q '^aes implementations:.* ct' out; then
  bad "petrel version -a: want the AES implementations: $(cat out err)"
fi
CASES=$((CASES + 1))
if ! grep -qE '^bignum kernels: [a-z0-9-]+ \(constant-time, default\).*c(32|64)' out; then
  bad "petrel version -a: want the bignum kernels, the default first and marked, the portable one listed: $(cat out)"
fi
CASES=$((CASES + 1))
if ! grep -qE '^rc4 implementations: [a-z0-9]+ \(default\)(, c)?(; not available: [a-z0-9]+(, [a-z0-9]+)*)?$' out; then
  bad "petrel version -a: want the RC4 implementations, the default first and marked, c listed: $(cat out)"
fi
CASES=$((CASES + 1))
if ! grep -qE '^chacha20 implementations: portable \(constant-time' out; then
  bad "petrel version -a: want the ChaCha20 implementations, portable first: $(cat out)"
fi

finish "tools_errors ($LEVEL)"
