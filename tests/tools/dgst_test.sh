#!/usr/bin/env bash
# petrel dgst against `openssl dgst`: every digest, plain, -hmac KEY and -mac HMAC -macopt
# hexkey:HEX, with and without -r, over random files of lengths 0..4096 (several files in one
# call) and over stdin. The output lines must be identical.
# usage: dgst_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

if ! command -v openssl >/dev/null; then
  echo "dgst_test: the openssl command is required" >&2
  exit 1
fi

DIGESTS=(md5 sha1 sha224 sha256 sha384 sha512)
if [ "$LEVEL" = full ]; then
  LENGTHS=(0 1 55 56 63 64 111 112 127 128 129 4095 4096 100000)
  NRANDOM=6
else
  LENGTHS=(0 1 56 64 112 128 4096)
  NRANDOM=1
fi

cd "$TMP" || exit 1
files=()
i=0
for len in "${LENGTHS[@]}"; do
  head -c "$len" /dev/urandom >"f$i.bin"
  files+=("f$i.bin")
  i=$((i + 1))
done
for ((r = 0; r < NRANDOM; ++r)); do
  head -c $((RANDOM % 4097)) /dev/urandom >"f$i.bin"
  files+=("f$i.bin")
  i=$((i + 1))
done

# A random printable key for -hmac (no shell-special characters needed: it is passed as one
# argument), of 1..200 characters so that keys longer than the hash block are covered.
rand_text_key() {
  head -c 300 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9._+=' | head -c $((1 + RANDOM % 200))
}

compare() {  # description, then the shared arguments
  local what=$1
  shift
  CASES=$((CASES + 1))
  openssl dgst "$@" >expected 2>oerr || { bad "openssl dgst failed: $what: $(cat oerr)"; return; }
  if ! petrel dgst "$@" >got 2>err; then
    bad "petrel dgst failed: $what: $(cat err)"
  elif ! cmp -s expected got; then
    bad "output differs from openssl: $what"
    diff expected got | head -4 >&2
  fi
}

compare_stdin() {  # file, description, then the shared arguments
  local file=$1 what=$2
  shift 2
  CASES=$((CASES + 1))
  openssl dgst "$@" <"$file" >expected 2>oerr || { bad "openssl dgst failed: $what"; return; }
  if ! petrel dgst "$@" <"$file" >got 2>err; then
    bad "petrel dgst failed on stdin: $what: $(cat err)"
  elif ! cmp -s expected got; then
    bad "stdin output differs from openssl: $what"
    diff expected got | head -4 >&2
  fi
}

for d in "${DIGESTS[@]}"; do
  text_key=$(rand_text_key)
  hex_key=$(rand_hex $((1 + RANDOM % 200)))
  for r in "" "-r"; do
    ropt=()
    [ -n "$r" ] && ropt=(-r)
    compare "-$d $r files" "-$d" "${ropt[@]}" "${files[@]}"
    compare "-$d $r -hmac files" "-$d" "${ropt[@]}" -hmac "$text_key" "${files[@]}"
    compare "-$d $r -mac HMAC -macopt hexkey files" "-$d" "${ropt[@]}" -mac HMAC \
      -macopt "hexkey:$hex_key" "${files[@]}"
    stdin_file=${files[$((RANDOM % ${#files[@]}))]}
    compare_stdin "$stdin_file" "-$d $r stdin" "-$d" "${ropt[@]}"
    compare_stdin "$stdin_file" "-$d $r -hmac stdin" "-$d" "${ropt[@]}" -hmac "$text_key"
    compare_stdin "$stdin_file" "-$d $r -macopt hexkey stdin" "-$d" "${ropt[@]}" -mac HMAC \
      -macopt "hexkey:$hex_key"
  done
  # An empty -hmac key and a -macopt key:STRING.
  compare "-$d -hmac ''" "-$d" -hmac "" "${files[0]}" "${files[1]}"
  compare "-$d -macopt key:" "-$d" -mac HMAC -macopt "key:$text_key" "${files[2]}"
done
# No digest option: both default to SHA-256.
compare "default digest" "${files[@]}"
compare "default digest -r" -r "${files[@]}"
compare "default digest -hmac" -hmac "$text_key" "${files[@]}"
compare_stdin "${files[1]}" "default digest stdin"
compare_stdin "${files[1]}" "default digest -hmac stdin" -hmac "$text_key"

finish "tools_dgst ($LEVEL, ${#files[@]} files per call)"
