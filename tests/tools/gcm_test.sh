#!/usr/bin/env bash
# petrel enc -aes-{128,192,256}-gcm on NIST CAVP vectors (SP 800-38D, gcmEncryptExtIV*.rsp and
# gcmDecrypt*.rsp), parsed straight from the published files. The 96-bit-IV, 128-bit-tag cases
# (the tool always writes a 16-byte tag); the full level also samples the 8- and 1024-bit IVs.
# Decrypt cases marked FAIL must exit 1 with "authentication failed" and write nothing.
# usage: gcm_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

GCM_DIR=$VECTORS/nist/aes/GCM
FAIL_CASES=0

# Emits "key|iv|pt|aad|ct|tag|fail" for each selected case of a .rsp file.
cases_of() {  # file
  local max_per_section
  # Every section (PT, AAD lengths) contributes its first cases; 15 would be all of them.
  if [ "$LEVEL" = full ]; then max_per_section=4; else max_per_section=2; fi
  awk -v max="$max_per_section" -v full="$([ "$LEVEL" = full ] && echo 1 || echo 0)" '
    function emit() {
      if (taglen != 128) return
      if (ivlen == 96 && count < max) {
        print key "|" iv "|" pt "|" aad "|" ct "|" tag "|" fail
      } else if (ivlen != 96 && full && count < 2) {
        print key "|" iv "|" pt "|" aad "|" ct "|" tag "|" fail
      }
    }
    { sub(/\r$/, "") }
    /^\[IVlen = /  { ivlen = $3 + 0 }
    /^\[Taglen = / { taglen = $3 + 0 }
    /^Count = / { count = $3 + 0; key = iv = pt = aad = ct = tag = ""; fail = 0; inrec = 1 }
    /^Key = / { key = $3 }
    /^IV = /  { iv = $3 }
    /^PT = /  { pt = $3 }
    /^AAD = / { aad = $3 }
    /^CT = /  { ct = $3 }
    /^Tag = / { tag = $3 }
    /^FAIL/   { fail = 1 }
    /^$/ { if (inrec) emit(); inrec = 0 }
    END { if (inrec) emit() }
  ' "$1"
}

gcm_args() {  # cipher key iv aad
  GCM_ARGS=(enc "-$1" -K "$2" -iv "$3")
  [ -n "$4" ] && GCM_ARGS+=(-aad "$4")
}

declare -A PER_SIZE=()
for bits in 128 192 256; do
  cipher=aes-$bits-gcm
  before=$CASES
  file=$GCM_DIR/gcmEncryptExtIV$bits.rsp
  [ -f "$file" ] || { bad "missing $file"; continue; }
  while IFS='|' read -r key iv pt aad ct tag fail; do
    CASES=$((CASES + 1))
    hex2bin "$pt" >"$TMP/pt"
    gcm_args "$cipher" "$key" "$iv" "$aad"
    if ! petrel "${GCM_ARGS[@]}" -e -in "$TMP/pt" >"$TMP/out" 2>"$TMP/err"; then
      bad "$cipher encrypt failed (key $key iv $iv): $(cat "$TMP/err")"
    elif to_hex_var "$TMP/out" && [ "$HEX" != "$ct$tag" ]; then
      bad "$cipher encrypt mismatch (key $key iv $iv)"
    fi
  done < <(cases_of "$file")

  file=$GCM_DIR/gcmDecrypt$bits.rsp
  [ -f "$file" ] || { bad "missing $file"; continue; }
  while IFS='|' read -r key iv pt aad ct tag fail; do
    CASES=$((CASES + 1))
    hex2bin "$ct$tag" >"$TMP/in"
    gcm_args "$cipher" "$key" "$iv" "$aad"
    petrel "${GCM_ARGS[@]}" -d <"$TMP/in" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    if [ "$fail" = 1 ]; then
      FAIL_CASES=$((FAIL_CASES + 1))
      if [ "$rc" -ne 1 ] || [ -s "$TMP/out" ] ||
        [ "$(<"$TMP/err")" != "petrel enc: authentication failed" ]; then
        bad "$cipher FAIL case accepted or wrong error (key $key, rc $rc): $(cat "$TMP/err")"
      fi
    elif [ "$rc" -ne 0 ]; then
      bad "$cipher decrypt failed (key $key iv $iv): $(cat "$TMP/err")"
    elif to_hex_var "$TMP/out" && [ "$HEX" != "$pt" ]; then
      bad "$cipher decrypt mismatch (key $key iv $iv)"
    fi
  done < <(cases_of "$file")
  PER_SIZE[$bits]=$((CASES - before))
  [ "${PER_SIZE[$bits]}" -gt 0 ] || bad "no $cipher case was run"
done
echo "tools_gcm: cases per key size: 128: ${PER_SIZE[128]:-0}, 192: ${PER_SIZE[192]:-0}, 256: ${PER_SIZE[256]:-0}"

if [ "$FAIL_CASES" -eq 0 ]; then
  bad "no FAIL (tag must be rejected) case was run"
fi
echo "tools_gcm: $FAIL_CASES of the cases must be rejected"
finish "tools_gcm ($LEVEL)"
