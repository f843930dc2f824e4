#!/usr/bin/env bash
# petrel speed: -bytes N prints one line per algorithm with the last output bytes (ciphers) or
# the digest (hashes, HMAC) of processing N zero bytes with the fixed benchmark key; those values
# are checked against `openssl enc`/`openssl dgst` on the same input, so the benchmark is known
# to run the real algorithm over exactly N bytes. GCM (not in openssl enc) is checked against
# petrel enc. ChaCha20-Poly1305 (an AEAD, which openssl enc refuses) is checked against openssl's
# ChaCha20 (`enc -chacha20`) and Poly1305 (`mac Poly1305`) put together as RFC 8439 section 2.8
# says. The public-key algorithms' -ops N lines are checked against RFC 7748's iterated X25519
# results and against openssl deriving the same P-256 secret and verifying the ECDSA signature.
# A short time-boxed run must print the table.
# usage: speed_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

ALGS=(aes-128-cbc aes-256-cbc aes-128-ctr aes-256-ctr aes-128-gcm aes-256-gcm chacha20-poly1305 rc4 md5 sha1
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
    chacha20-poly1305)
      if [ "$dec" = 1 ]; then
        head -c $((n < 16 ? n : 16)) /dev/zero | bin2hex
        return 0
      fi
      [ "$HAVE_OPENSSL" = 1 ] || return 0
      local key=${KEY64:0:64} nonce=${IV16:0:24}
      # Ciphertext: ChaCha20 from block counter 1 (openssl's 16-byte IV is the little-endian
      # counter, then the nonce); the one-time Poly1305 key: block 0's first 32 bytes.
      openssl enc -chacha20 -K "$key" -iv "01000000$nonce" -in "$TMP/zeros" -out "$TMP/ct" || return 1
      head -c 32 /dev/zero >"$TMP/z32"
      local otk
      otk=$(openssl enc -chacha20 -K "$key" -iv "00000000$nonce" -in "$TMP/z32" | bin2hex) || return 1
      # MAC input, no AAD: ct, zero padding to 16, then le64(0) and le64(len(ct)).
      cp "$TMP/ct" "$TMP/macin"
      head -c $(((16 - n % 16) % 16)) /dev/zero >>"$TMP/macin"
      local le=""
      for ((i = 0; i < 8; ++i)); do le+=$(printf %02x $(((n >> (8 * i)) & 255))); done
      hex2bin "0000000000000000$le" >>"$TMP/macin"
      local tag
      tag=$(openssl mac -macopt "hexkey:$otk" -in "$TMP/macin" Poly1305 | tr A-F a-f) || return 1
      local tail_len=$((n < 16 ? n : 16))
      printf '%s tag=%s' "$(tail -c "$tail_len" "$TMP/ct" | bin2hex)" "$tag"
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
        case "$alg" in *-cbc | *-gcm | chacha20-poly1305) ;; *) ckey="$alg/$n" ;; esac  # -decrypt is the same op
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

# X25519: -ops N runs RFC 7748 section 5.2's iteration; after 1 and 1,000 iterations k is the
# RFC's published value (1,000 only on the full level: it is 1,000 scalar multiplications).
X25519_OPS=(1)
[ "$LEVEL" = full ] && X25519_OPS=(1 1000)
declare -A RFC7748=([1]=422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079
  [1000]=684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51)
for n in "${X25519_OPS[@]}"; do
  for name in x25519 ecdhx25519; do
    CASES=$((CASES + 1))
    line=$(petrel speed -ops "$n" "$name" 2>"$TMP/err") || { bad "speed -ops $n $name failed: $(cat "$TMP/err")"; continue; }
    [[ "$line" =~ ^x25519\ impl=[a-z0-9-]+\ ops=$n\ k=([0-9a-f]{64})$ ]] || { bad "speed -ops $n $name: malformed line '$line'"; continue; }
    [ "${BASH_REMATCH[1]}" = "${RFC7748[$n]}" ] || bad "speed -ops $n $name: k=${BASH_REMATCH[1]}, RFC 7748 says ${RFC7748[$n]}"
  done
done

if [ "$HAVE_OPENSSL" = 1 ]; then
  # DER framing of P-256 keys (RFC 5480 SubjectPublicKeyInfo, RFC 5915 ECPrivateKey): fixed
  # prefixes around the raw values the -ops lines print.
  SPKI_P256=3059301306072a8648ce3d020106082a8648ce3d030107034200
  # ECDH P-256: openssl derives the secret from the same private key and peer point.
  CASES=$((CASES + 1))
  line=$(petrel speed -ops 2 ecdhp256 2>"$TMP/err") || bad "speed -ops 2 ecdhp256 failed: $(cat "$TMP/err")"
  if [[ "$line" =~ ^ecdhp256\ ops=2\ d=([0-9a-f]{64})\ peer=(04[0-9a-f]{128})\ x=([0-9a-f]{64})$ ]]; then
    d=${BASH_REMATCH[1]} peer=${BASH_REMATCH[2]} x=${BASH_REMATCH[3]}
    hex2bin "30310201010420${d}a00a06082a8648ce3d030107" >"$TMP/ec_priv.der"
    hex2bin "$SPKI_P256$peer" >"$TMP/ec_peer.der"
    if openssl pkey -inform DER -in "$TMP/ec_priv.der" -out "$TMP/ec_priv.pem" 2>"$TMP/err" &&
      openssl pkey -pubin -inform DER -in "$TMP/ec_peer.der" -out "$TMP/ec_peer.pem" 2>>"$TMP/err" &&
      openssl pkeyutl -derive -inkey "$TMP/ec_priv.pem" -peerkey "$TMP/ec_peer.pem" -out "$TMP/x" 2>>"$TMP/err"; then
      want=$(bin2hex <"$TMP/x")
      [ "$x" = "$want" ] || bad "speed ecdhp256: x=$x, openssl derives $want"
    else
      bad "openssl cannot use speed's ecdhp256 keys: $(cat "$TMP/err")"
    fi
  else
    bad "speed -ops 2 ecdhp256: malformed line '$line'"
  fi
  # ECDSA P-256: openssl verifies the last signature over the digest; a changed digest fails.
  line=$(petrel speed -ops 2 ecdsap256 2>"$TMP/err") || bad "speed -ops 2 ecdsap256 failed: $(cat "$TMP/err")"
  if [[ "$line" =~ ^ecdsap256\ sign\+verify\ ops=2\ point=(04[0-9a-f]{128})\ digest=([0-9a-f]{64})\ sig=(30[0-9a-f]+)$ ]]; then
    point=${BASH_REMATCH[1]} digest=${BASH_REMATCH[2]} sig=${BASH_REMATCH[3]}
    hex2bin "$SPKI_P256$point" >"$TMP/ecdsa_pub.der"
    hex2bin "$sig" >"$TMP/ecdsa.sig"
    openssl pkey -pubin -inform DER -in "$TMP/ecdsa_pub.der" -out "$TMP/ecdsa_pub.pem" 2>"$TMP/err" ||
      bad "openssl cannot read speed's ecdsap256 key: $(cat "$TMP/err")"
    for flip in 0 1; do
      CASES=$((CASES + 1))
      dg=$digest
      [ "$flip" = 1 ] && dg=$(printf '%02x' $((0x${digest:0:2} ^ 1)))${digest:2}
      hex2bin "$dg" >"$TMP/digest"
      if openssl pkeyutl -verify -pubin -inkey "$TMP/ecdsa_pub.pem" -in "$TMP/digest" \
        -sigfile "$TMP/ecdsa.sig" >"$TMP/vout" 2>&1; then
        [ "$flip" = 0 ] || bad "openssl accepts speed's ecdsap256 signature over a changed digest"
      else
        [ "$flip" = 1 ] || bad "openssl rejects speed's ecdsap256 signature: $(cat "$TMP/vout")"
      fi
    done
  else
    bad "speed -ops 2 ecdsap256: malformed line '$line'"
  fi
fi

# The public-key options: -bytes is refused for them, and -ops for the symmetric algorithms.
for args in "-bytes 16 x25519" "-ops 1 sha256" "-ops 1 ecdsap256 sha256"; do
  CASES=$((CASES + 1))
  # shellcheck disable=SC2086
  if petrel speed $args >"$TMP/out" 2>"$TMP/err"; then
    bad "speed $args succeeded"
  elif ! grep -q -- "-bytes is not for\|-ops is for" "$TMP/err"; then
    bad "speed $args: no message naming the option: $(cat "$TMP/err")"
  fi
done

# A time-boxed EC run prints openssl speed's two tables.
CASES=$((CASES + 1))
if ! petrel speed -seconds 0.01 x25519 ecdsap256 >"$TMP/out" 2>"$TMP/err"; then
  bad "time-boxed EC speed failed: $(cat "$TMP/err")"
elif ! grep -qE '^253 bits ecdh \(X25519\) +[0-9.]+s +[0-9.]+$' "$TMP/out" ||
  ! grep -qE '^256 bits ecdsa \(nistp256\) +[0-9.]+s +[0-9.]+s +[0-9.]+ +[0-9.]+$' "$TMP/out"; then
  bad "time-boxed EC speed: unexpected table:"
  cat "$TMP/out" >&2
fi

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
