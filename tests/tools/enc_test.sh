#!/usr/bin/env bash
# petrel enc against `openssl enc` (an independent implementation): every AES-ECB/CBC/CTR key
# size and RC4 (through OpenSSL's legacy provider), random keys, IVs and data, lengths 0..4096
# plus lengths that cross the tool's 64 KiB read chunks, both directions, with and without
# -nopad, for every -impl. Outputs must be byte-identical (cmp).
# usage: enc_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

if ! command -v openssl >/dev/null; then
  echo "enc_test: the openssl command is required" >&2
  exit 1
fi

# name key_bytes iv_bytes block(1)/stream(0)
CIPHERS=(
  "aes-128-ecb 16 0 1" "aes-192-ecb 24 0 1" "aes-256-ecb 32 0 1"
  "aes-128-cbc 16 16 1" "aes-192-cbc 24 16 1" "aes-256-cbc 32 16 1"
  "aes-128-ctr 16 16 0" "aes-192-ctr 24 16 0" "aes-256-ctr 32 16 0"
  "rc4 16 0 0" "rc4-40 5 0 0"
)

# Every implementation of the build; "default" (no -impl) runs on the first length only.
IMPLS=(ct table)
if [ "$LEVEL" = full ]; then
  LENGTHS=(0 1 15 16 17 4095 4096 65536 65552 131071)
  NRANDOM=3
else
  LENGTHS=(0 1 15 16 17 4096 65552)
  NRANDOM=0
fi

run_case() {  # cipher key iv pt expected_ct nopad(0/1) impl
  local cipher=$1 key=$2 iv=$3 pt=$4 exp=$5 nopad=$6 impl=$7
  local args=(enc "-$cipher" -K "$key")
  [ -n "$iv" ] && args+=(-iv "$iv")
  [ "$nopad" = 1 ] && args+=(-nopad)
  [ "$impl" != default ] && [ "${cipher:0:3}" = aes ] && args+=(-impl "$impl")
  local what="$cipher impl=$impl nopad=$nopad len=$len key=$key iv=$iv"

  # Encrypt through -in/-out, decrypt through stdin/stdout.
  CASES=$((CASES + 1))
  if ! petrel "${args[@]}" -e -in "$pt" -out "$TMP/got" 2>"$TMP/err"; then
    bad "encrypt failed: $what: $(cat "$TMP/err")"
  elif ! cmp -s "$exp" "$TMP/got"; then
    bad "ciphertext differs from openssl: $what"
  fi
  CASES=$((CASES + 1))
  if ! petrel "${args[@]}" -d <"$exp" >"$TMP/dec" 2>"$TMP/err"; then
    bad "decrypt failed: $what: $(cat "$TMP/err")"
  elif ! cmp -s "$pt" "$TMP/dec"; then
    bad "decryption differs from the plaintext: $what"
  fi
}

lengths_for_cipher() {
  local l
  for l in "${LENGTHS[@]}"; do echo "$l"; done
  for ((l = 0; l < NRANDOM; ++l)); do echo $((RANDOM % 4097)); done
}

for spec in "${CIPHERS[@]}"; do
  read -r cipher klen ivlen block <<<"$spec"
  ossl=(openssl enc "-$cipher")
  [ "${cipher:0:3}" = rc4 ] && ossl+=(-provider legacy -provider default)
  first=1
  for len in $(lengths_for_cipher); do
    key=$(rand_hex "$klen")
    iv=$(rand_hex "$ivlen")
    head -c "$len" /dev/urandom >"$TMP/pt"
    ivarg=()
    [ -n "$iv" ] && ivarg=(-iv "$iv")
    if ! "${ossl[@]}" -e -K "$key" "${ivarg[@]}" -in "$TMP/pt" -out "$TMP/exp" 2>"$TMP/oerr"; then
      bad "openssl enc failed for $cipher: $(cat "$TMP/oerr")"
      continue
    fi
    nopad_ok=0
    if [ "$block" = 1 ] && [ $((len % 16)) -eq 0 ]; then
      nopad_ok=1
      "${ossl[@]}" -e -nopad -K "$key" "${ivarg[@]}" -in "$TMP/pt" -out "$TMP/exp_nopad" ||
        bad "openssl enc -nopad failed for $cipher"
    fi
    impls=("${IMPLS[@]}")
    [ "$first" = 1 ] && impls+=(default)
    first=0
    [ "${cipher:0:3}" = rc4 ] && impls=(default)  # -impl is AES only
    for impl in "${impls[@]}"; do
      run_case "$cipher" "$key" "$iv" "$TMP/pt" "$TMP/exp" 0 "$impl"
      if [ "$nopad_ok" = 1 ]; then
        run_case "$cipher" "$key" "$iv" "$TMP/pt" "$TMP/exp_nopad" 1 "$impl"
      fi
    done
  done
done

finish "tools_enc ($LEVEL)"
