#!/usr/bin/env bash
# RSA padding options as OpenSSL users pass them (hardening item 14), differential with the
# openssl command both ways:
#  - OAEP with -pkeyopt rsa_oaep_label:HEX and an MGF1 hash other than the OAEP digest
#    (-pkeyopt rsa_mgf1_md:ALG): openssl pkeyutl encrypts, petrel pkeyutl decrypts to the same
#    bytes, and the reverse; a wrong label or a wrong MGF1 hash fails to decrypt;
#  - PSS with rsa_mgf1_md other than the digest, through pkeyutl (-sign/-verify of a digest) and
#    dgst (-sigopt): each tool verifies the other's signature; a wrong MGF1 hash is refused;
#  - options that do not apply (rsa_mgf1_md with PKCS#1 v1.5, a label without OAEP, bad hex)
#    exit 1 with one message.
# No published known answers exist in /work/shared/vectors for OAEP labels or PSS/OAEP with
# another MGF1 hash (its RSA files are PKCS#1 v1.5 only), so openssl is the reference here.
# usage: rsa_opts_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "rsa_opts_test: openssl not found" >&2
  exit 1
fi
openssl genrsa -out key.pem 2048 2>/dev/null || exit 1
openssl rsa -in key.pem -pubout -out pub.pem 2>/dev/null || exit 1

OAEP_CASES=0
PSS_CASES=0

# oaep_case OAEP_MD MGF1_MD|- LABEL_HEX|- MSG_LEN
oaep_case() {
  local md=$1 mgf=$2 label=$3 len=$4 opts=(-pkeyopt rsa_padding_mode:oaep -pkeyopt "rsa_oaep_md:$1")
  [ "$mgf" != - ] && opts+=(-pkeyopt "rsa_mgf1_md:$mgf")
  [ "$label" != - ] && opts+=(-pkeyopt "rsa_oaep_label:$label")
  local what="OAEP $md mgf1 $mgf label $label ($len bytes)"
  OAEP_CASES=$((OAEP_CASES + 1))
  CASES=$((CASES + 1))
  head -c "$len" /dev/urandom > msg
  rm -f o.enc p.enc o.dec p.dec
  # openssl encrypts, petrel decrypts
  if ! openssl pkeyutl -encrypt -pubin -inkey pub.pem "${opts[@]}" -in msg -out o.enc 2>oerr; then
    bad "$what: openssl could not encrypt: $(head -2 oerr)"
    return
  fi
  if ! petrel pkeyutl -decrypt -inkey key.pem "${opts[@]}" -in o.enc -out p.dec 2>perr; then
    bad "$what: petrel could not decrypt openssl's ciphertext: $(head -2 perr)"
  elif ! cmp -s msg p.dec; then
    bad "$what: petrel decrypted openssl's ciphertext to other bytes"
  fi
  # petrel encrypts, openssl decrypts
  CASES=$((CASES + 1))
  if ! petrel pkeyutl -encrypt -pubin -inkey pub.pem "${opts[@]}" -in msg -out p.enc 2>perr; then
    bad "$what: petrel could not encrypt: $(head -2 perr)"
  elif ! openssl pkeyutl -decrypt -inkey key.pem "${opts[@]}" -in p.enc -out o.dec 2>oerr; then
    bad "$what: openssl could not decrypt petrel's ciphertext: $(head -2 oerr)"
  elif ! cmp -s msg o.dec; then
    bad "$what: openssl decrypted petrel's ciphertext to other bytes"
  fi
  # the same ciphertext under another label or another MGF1 hash must not decrypt
  CASES=$((CASES + 1))
  local wrong=(-pkeyopt rsa_padding_mode:oaep -pkeyopt "rsa_oaep_md:$md")
  if [ "$label" != - ]; then
    [ "$mgf" != - ] && wrong+=(-pkeyopt "rsa_mgf1_md:$mgf")
    wrong+=(-pkeyopt "rsa_oaep_label:${label}00")
  else
    wrong+=(-pkeyopt "rsa_mgf1_md:$([ "${mgf:-}" = sha512 ] && echo sha224 || echo sha512)")
  fi
  rm -f p.dec
  if petrel pkeyutl -decrypt -inkey key.pem "${wrong[@]}" -in o.enc -out p.dec 2>perr; then
    bad "$what: decrypted with the wrong label or MGF1 hash (${wrong[*]})"
  elif [ -s p.dec ] || ! grep -q 'decryption failed' perr; then
    bad "$what: a failed decryption wrote output or said something else: $(head -2 perr)"
  fi
}

# pss_case DIGEST MGF1_MD: pkeyutl over the digest, and dgst over the file, both ways.
pss_case() {
  local md=$1 mgf=$2
  local opts=(-pkeyopt rsa_padding_mode:pss -pkeyopt "digest:$md" -pkeyopt "rsa_mgf1_md:$mgf")
  local sopts=(-sigopt rsa_padding_mode:pss -sigopt "rsa_mgf1_md:$mgf")
  local what="PSS $md mgf1 $mgf"
  PSS_CASES=$((PSS_CASES + 1))
  head -c 1000 /dev/urandom > data
  openssl dgst "-$md" -binary -out dig data || { bad "$what: openssl dgst"; return; }
  # pkeyutl: openssl signs, petrel verifies; petrel signs, openssl verifies
  CASES=$((CASES + 2))
  openssl pkeyutl -sign -inkey key.pem "${opts[@]}" -in dig -out o.sig 2>oerr ||
    { bad "$what: openssl pkeyutl -sign: $(head -2 oerr)"; return; }
  petrel pkeyutl -verify -pubin -inkey pub.pem "${opts[@]}" -in dig -sigfile o.sig >pout 2>perr ||
    bad "$what: petrel pkeyutl refused openssl's signature: $(cat pout perr | head -3)"
  if ! petrel pkeyutl -sign -inkey key.pem "${opts[@]}" -in dig -out p.sig 2>perr; then
    bad "$what: petrel pkeyutl -sign: $(head -2 perr)"
  elif ! openssl pkeyutl -verify -pubin -inkey pub.pem "${opts[@]}" -in dig -sigfile p.sig \
      >oout 2>&1; then
    bad "$what: openssl pkeyutl refused petrel's signature: $(head -3 oout)"
  fi
  # the same signature under the digest as MGF1 hash (the default) must fail
  CASES=$((CASES + 1))
  if petrel pkeyutl -verify -pubin -inkey pub.pem -pkeyopt rsa_padding_mode:pss \
      -pkeyopt "digest:$md" -in dig -sigfile o.sig >pout 2>&1; then
    bad "$what: verified with MGF1 over $md instead of $mgf"
  fi
  # dgst: openssl signs, petrel verifies; petrel signs, openssl verifies
  CASES=$((CASES + 2))
  openssl dgst "-$md" -sign key.pem "${sopts[@]}" -out od.sig data 2>oerr ||
    { bad "$what: openssl dgst -sign: $(head -2 oerr)"; return; }
  if [ "$(petrel dgst "-$md" -verify pub.pem "${sopts[@]}" -signature od.sig data 2>&1)" != \
      "Verified OK" ]; then
    bad "$what: petrel dgst -verify refused openssl's signature"
  fi
  if ! petrel dgst "-$md" -sign key.pem "${sopts[@]}" -out pd.sig data 2>perr; then
    bad "$what: petrel dgst -sign: $(head -2 perr)"
  elif [ "$(openssl dgst "-$md" -verify pub.pem "${sopts[@]}" -signature pd.sig data 2>&1)" != \
      "Verified OK" ]; then
    bad "$what: openssl dgst -verify refused petrel's signature"
  fi
}

# expect_fail TEXT ARGS...: exit 1, one line containing TEXT.
expect_fail() {
  local want=$1
  shift
  CASES=$((CASES + 1))
  rm -f x.out
  petrel "$1" -out x.out "${@:2}" </dev/null >pout 2>perr
  local rc=$?
  if [ $rc -ne 1 ] || [ "$(wc -l <perr)" -ne 1 ] || ! grep -qF -- "$want" perr || [ -s x.out ]; then
    bad "petrel $* : rc $rc, want 1 and one line with '$want': $(head -3 perr)"
  fi
}

oaep_case sha256 sha1 - 32
oaep_case sha256 - 00112233445566778899aabbccddeeff 32
oaep_case sha1 sha256 deadbeef 40
pss_case sha256 sha1
pss_case sha1 sha256
if [ "$LEVEL" = full ]; then
  oaep_case sha1 - - 0
  oaep_case sha512 sha256 "$(rand_hex 64)" 100
  oaep_case sha384 sha512 - 1
  oaep_case sha224 sha384 "$(rand_hex 1)" 7
  oaep_case sha256 sha256 "$(rand_hex 300)" 190
  pss_case sha512 sha256
  pss_case sha384 sha1
  pss_case sha224 sha512
fi

head -c 20 /dev/urandom > m20
expect_fail "rsa_mgf1_md needs rsa_padding_mode:pss or rsa_padding_mode:oaep" \
  pkeyutl -encrypt -pubin -inkey pub.pem -pkeyopt rsa_mgf1_md:sha1 -in m20
expect_fail "rsa_oaep_label needs rsa_padding_mode:oaep" \
  pkeyutl -encrypt -pubin -inkey pub.pem -pkeyopt rsa_oaep_label:00 -in m20
expect_fail "bad rsa_oaep_label" \
  pkeyutl -encrypt -pubin -inkey pub.pem -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_label:0g -in m20
expect_fail "rsa_mgf1_md needs rsa_padding_mode:pss or rsa_padding_mode:oaep" \
  dgst -sha256 -sign key.pem -sigopt rsa_mgf1_md:sha1 m20
expect_fail "md5 as the MGF1 hash" \
  pkeyutl -encrypt -pubin -inkey pub.pem -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_mgf1_md:md5 -in m20

echo "rsa_opts_test: $OAEP_CASES OAEP and $PSS_CASES PSS parameter sets"
[ "$OAEP_CASES" -gt 0 ] && [ "$PSS_CASES" -gt 0 ] || bad "no case ran"
finish "tools_rsa_opts ($LEVEL)"
