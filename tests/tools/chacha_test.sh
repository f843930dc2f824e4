#!/usr/bin/env bash
# petrel enc -chacha20-poly1305 (RFC 8439) on the published vector files of vectors/chacha20poly1305/:
# boringssl.txt (BoringSSL's chacha20_poly1305_tests.txt: RFC 7539/8439 examples and more; values
# in hex or as "quoted text") and openssl.txt (OpenSSL's evpciph.txt cases; a case with
# "Result = CIPHERFINAL_ERROR" must be refused). Each good case is sealed (ciphertext then tag
# must match) and opened (the plaintext must come back); each good case opened with its last tag
# bit flipped, and each refused case, must exit 1 with "authentication failed" and write nothing.
# openssl enc has no AEAD mode, so the known answers are the files' only.
# usage: chacha_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

DIR=$VECTORS/chacha20poly1305
REFUSED=0
TAMPERED=0

# A field's value as hex: "quoted text" is converted, hex is kept (lower case).
field_hex() {  # value
  local v=$1
  if [ "${v:0:1}" = '"' ]; then
    v=${v#\"}
    v=${v%\"}
    printf '%s' "$v" >"$TMP/field"
    to_hex_var "$TMP/field"
    printf '%s' "$HEX"
  else
    printf '%s' "${v,,}"
  fi
}

# Emits "key|nonce|pt|aad|ct|tag|fail" per case, every field read (an unknown field is an error).
cases_of() {  # file
  awk '
    function emit() {
      if (!inrec) return
      if (key == "" || nonce == "" || !have_pt || !have_ct || tag == "") {
        print "ERROR|incomplete case " count; inrec = 0; return
      }
      print key "|" nonce "|" pt "|" aad "|" ct "|" tag "|" fail
      inrec = 0
    }
    { sub(/\r$/, "") }
    /^#/ || /^[ \t]*$/ { emit(); next }
    {
      eq = index($0, "=")
      if (eq == 0) { print "ERROR|unparsed line: " $0; next }
      name = substr($0, 1, eq - 1); gsub(/[ \t]/, "", name)
      value = substr($0, eq + 1); sub(/^[ \t]+/, "", value); sub(/[ \t]+$/, "", value)
      if (name == "COUNT") { emit(); count = value; key = nonce = pt = aad = ct = tag = "";
                             have_pt = have_ct = 0; fail = 0; inrec = 1 }
      else if (name == "KEY" || name == "Key") key = value
      else if (name == "NONCE" || name == "IV") nonce = value
      else if (name == "IN" || name == "Plaintext") { pt = value; have_pt = 1 }
      else if (name == "AD" || name == "AAD") aad = value
      else if (name == "CT" || name == "Ciphertext") { ct = value; have_ct = 1 }
      else if (name == "TAG" || name == "Tag") tag = value
      else if (name == "Result" && value == "CIPHERFINAL_ERROR") fail = 1
      else print "ERROR|unknown field " name " in case " count
    }
    END { emit() }
  ' "$1"
}

# Opens $TMP/in with key/nonce/aad and expects the refusal.
expect_refused() {  # what key nonce aad
  local rc
  aead_args "$2" "$3" "$4"
  petrel "${ARGS[@]}" -d -in "$TMP/in" -out "$TMP/refused.out" 2>"$TMP/err"
  rc=$?
  if [ "$rc" -ne 1 ] || [ -e "$TMP/refused.out" ] ||
    [ "$(<"$TMP/err")" != "petrel enc: authentication failed" ]; then
    bad "$1 accepted or wrong error (key $2, rc $rc): $(cat "$TMP/err")"
  fi
  rm -f "$TMP/refused.out"
}

aead_args() {  # key nonce aad
  ARGS=(enc -chacha20-poly1305 -K "$1" -iv "$2")
  [ -n "$3" ] && ARGS+=(-aad "$3")
}

declare -A PER_FILE=()
for name in boringssl openssl; do
  file=$DIR/$name.txt
  [ -f "$file" ] || { bad "missing $file"; continue; }
  before=$CASES
  n=0
  while IFS='|' read -r key nonce pt aad ct tag fail; do
    if [ "$key" = ERROR ]; then
      bad "$name.txt: $nonce"
      continue
    fi
    n=$((n + 1))
    # Under qemu, every third case (the first ones are RFC 8439's) and every refused one.
    if [ "$LEVEL" = quick ] && [ "$fail" != 1 ] && [ $((n % 3)) -ne 1 ]; then
      continue
    fi
    CASES=$((CASES + 1))
    key=$(field_hex "$key")
    nonce=$(field_hex "$nonce")
    pt=$(field_hex "$pt")
    aad=$(field_hex "$aad")
    ct=$(field_hex "$ct")
    tag=$(field_hex "$tag")
    hex2bin "$ct$tag" >"$TMP/in"
    if [ "$fail" = 1 ]; then
      REFUSED=$((REFUSED + 1))
      expect_refused "$name.txt refused case" "$key" "$nonce" "$aad"
      continue
    fi
    hex2bin "$pt" >"$TMP/pt"
    aead_args "$key" "$nonce" "$aad"
    if ! petrel "${ARGS[@]}" -e -in "$TMP/pt" >"$TMP/out" 2>"$TMP/err"; then
      bad "$name.txt seal failed (key $key): $(cat "$TMP/err")"
    elif to_hex_var "$TMP/out" && [ "$HEX" != "$ct$tag" ]; then
      bad "$name.txt seal mismatch (key $key nonce $nonce)"
    fi
    if ! petrel "${ARGS[@]}" -d -in "$TMP/in" >"$TMP/out" 2>"$TMP/err"; then
      bad "$name.txt open failed (key $key): $(cat "$TMP/err")"
    elif to_hex_var "$TMP/out" && [ "$HEX" != "$pt" ]; then
      bad "$name.txt open mismatch (key $key nonce $nonce)"
    fi
    # The same record with the tag's last bit flipped.
    last=$((16#${tag: -2} ^ 1))
    hex2bin "$ct${tag:0:30}$(printf '%02x' "$last")" >"$TMP/in"
    TAMPERED=$((TAMPERED + 1))
    expect_refused "$name.txt tampered tag" "$key" "$nonce" "$aad"
  done < <(cases_of "$file")
  PER_FILE[$name]=$((CASES - before))
  [ "${PER_FILE[$name]}" -gt 0 ] || bad "no case of $name.txt was run"
done
echo "tools_chacha: cases per file: boringssl.txt ${PER_FILE[boringssl]:-0}, openssl.txt ${PER_FILE[openssl]:-0}"
[ "$REFUSED" -gt 0 ] || bad "no refused (CIPHERFINAL_ERROR) case was run"
[ "$TAMPERED" -gt 0 ] || bad "no tampered-tag case was run"
echo "tools_chacha: $REFUSED refused cases, $TAMPERED tampered tags refused"

# Usage errors name the problem.
petrel enc -chacha20-poly1305 -K "$(rand_hex 32)" -iv "$(rand_hex 16)" </dev/null >/dev/null 2>"$TMP/err"
CASES=$((CASES + 1))
grep -q -- "-iv must be 12 bytes" "$TMP/err" || bad "a 16-byte nonce: $(cat "$TMP/err")"
petrel enc -chacha20-poly1305 -impl ct -K "$(rand_hex 32)" -iv "$(rand_hex 12)" </dev/null >/dev/null 2>"$TMP/err"
CASES=$((CASES + 1))
grep -q -- "-impl selects an AES implementation" "$TMP/err" || bad "-impl with chacha: $(cat "$TMP/err")"
finish "tools_chacha ($LEVEL)"
