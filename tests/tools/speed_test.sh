#!/usr/bin/env bash
# petrel speed: -bytes N prints one line per algorithm with the last output bytes (ciphers) or
# the digest (hashes, HMAC) of processing N zero bytes with the fixed benchmark key; those values
# are checked against `openssl enc`/`openssl dgst` on the same input, so the benchmark is known
# to run the real algorithm over exactly N bytes. GCM (not in openssl enc) is checked against
# petrel enc. A short time-boxed run must print the table.
# usage: speed_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

ALGS=(aes-128-cbc aes-256-cbc aes-128-ctr aes-256-ctr aes-128-gcm aes-256-gcm rc4 md5 sha1
  sha224 sha256 sha384 sha512 hmac-md5 hmac-sha1 hmac-sha256 hmac-sha384 hmac-sha512)
if [ "$LEVEL" = full ]; then
  SIZES=(0 40000)
else
  SIZES=(40000)
fi
HAVE_OPENSSL=0
command -v openssl >/dev/null && HAVE_OPENSSL=1

# The benchmark's key material: byte i is (seed + 37 i) mod 256.
pattern() {  # seed bytes
  local i
  for ((i = 0; i < $2; ++i)); do printf %02x $((($1 + 37 * i) & 255)); done
}
KEY64=$(pattern $((0x5a)) 64)
IV16=$(pattern $((0xa5)) 16)

# The expected "last=" value for alg over n zero bytes, or "" when there is no independent check.
expected() {  # alg n decrypt(0/1)
  local alg=$1 n=$2 dec=$3
  head -c "$n" /dev/zero >"$TMP/zeros"
  local ossl_d=()
  [ "$dec" = 1 ] && ossl_d=(-d)
  case "$alg" in
    aes-*-cbc | aes-*-ctr | rc4)
      [ "$HAVE_OPENSSL" = 1 ] || return 0
      local bits=128 prov=()
      [ "${alg:4:3}" = 256 ] && bits=256
      [ "$alg" = rc4 ] && prov=(-provider legacy -provider default)
      local ivarg=(-iv "$IV16")
      [ "$alg" = rc4 ] && ivarg=()
      local keyhex=${KEY64:0:$((bits / 4))}
      openssl enc "-$alg" "${prov[@]}" "${ossl_d[@]}" -nopad -K "$keyhex" "${ivarg[@]}" \
        -in "$TMP/zeros" -out "$TMP/ct" || return 1
      # The tool prints the last 16 bytes of its last 16 KiB chunk.
      local last=$((n == 0 ? 0 : (n - 1) % 16384 + 1))
      [ "$last" -gt 16 ] && last=16
      tail -c "$last" "$TMP/ct" | bin2hex
      ;;
    aes-*-gcm)
      if [ "$dec" = 1 ]; then  # opening a sealed all-zero message gives zeros back
        head -c $((n < 16 ? n : 16)) /dev/zero | bin2hex
        return 0
      fi
      local bits=${alg:4:3}
      petrel enc -e "-$alg" -K "${KEY64:0:$((bits / 4))}" -iv "${IV16:0:24}" -in "$TMP/zeros" \
        -out "$TMP/ct" || return 1
      local tail_len=$((n < 16 ? n : 16))
      printf '%s tag=%s' "$(head -c "$n" "$TMP/ct" | tail -c "$tail_len" | bin2hex)" \
        "$(tail -c 16 "$TMP/ct" | bin2hex)"
      ;;
    md5 | sha*)
      [ "$HAVE_OPENSSL" = 1 ] || return 0
      openssl dgst "-$alg" -r "$TMP/zeros" | cut -d' ' -f1
      ;;
    hmac-*)
      [ "$HAVE_OPENSSL" = 1 ] || return 0
      local h=${alg#hmac-} klen
      case "$h" in md5) klen=16 ;; sha1) klen=20 ;; sha256) klen=32 ;; sha384) klen=48 ;; sha512) klen=64 ;; esac
      openssl dgst "-$h" -mac HMAC -macopt "hexkey:${KEY64:0:$((klen * 2))}" -r "$TMP/zeros" | cut -d' ' -f1
      ;;
  esac
}

declare -A WANT
for impl in ct table; do
  for dec in 0 1; do
    dflag=()
    [ "$dec" = 1 ] && dflag=(-decrypt)
    for n in "${SIZES[@]}"; do
      if ! petrel speed -impl "$impl" "${dflag[@]}" -bytes "$n" "${ALGS[@]}" >"$TMP/out" 2>"$TMP/err"; then
        bad "speed -impl $impl ${dflag[*]} -bytes $n failed: $(cat "$TMP/err")"
        continue
      fi
      if [ "$(wc -l <"$TMP/out")" -ne "${#ALGS[@]}" ]; then
        bad "speed -bytes $n: want ${#ALGS[@]} lines, got $(wc -l <"$TMP/out")"
      fi
      for alg in "${ALGS[@]}"; do
        CASES=$((CASES + 1))
        line=$(grep "^$alg " "$TMP/out")
        if ! [[ "$line" =~ ^$alg\ .*bytes=$n\ last=([0-9a-f]*( tag=[0-9a-f]{32})?)$ ]]; then
          bad "speed -impl $impl -bytes $n $alg: malformed line '$line'"
          continue
        fi
        got=${BASH_REMATCH[1]}
        case "$alg" in aes-*) [[ "$line" == *" impl=$impl "* ]] || bad "$alg: impl not shown: $line" ;; esac
        # The expected value does not depend on -impl: compute it once.
        ckey="$alg/$n/$dec"
        case "$alg" in *-cbc | *-gcm) ;; *) ckey="$alg/$n" ;; esac  # -decrypt is the same op
        if [ -z "${WANT[$ckey]+set}" ]; then
          WANT[$ckey]=$(expected "$alg" "$n" "$dec") || { bad "no expected value for $alg"; continue; }
        fi
        want=${WANT[$ckey]}
        if [ -n "$want" ] && [ "$got" != "$want" ]; then
          bad "speed -impl $impl ${dflag[*]} -bytes $n $alg: last=$got, independent result $want"
        fi
      done
    done
  done
done

# A short time-boxed run prints the table: a header and one row of six figures per algorithm.
CASES=$((CASES + 1))
if ! petrel speed -seconds 0.01 sha256 aes-128-gcm >"$TMP/out" 2>"$TMP/err"; then
  bad "time-boxed speed failed: $(cat "$TMP/err")"
elif ! grep -q "^type .*16 bytes .*16384 bytes$" "$TMP/out" ||
  [ "$(grep -cE '^(sha256|aes-128-gcm) .*( +[0-9]+\.[0-9]{2}k){6}$' "$TMP/out")" -ne 2 ]; then
  bad "time-boxed speed: unexpected table:"
  cat "$TMP/out" >&2
fi

finish "tools_speed ($LEVEL)"
