#!/usr/bin/env bash
# Digest names against openssl: every spelling of a digest that `openssl dgst -NAME` takes must
# be taken by `petrel dgst -NAME` with the same output line, and every spelling openssl refuses
# must be refused ("unknown option -NAME"). The names are the library's one table
# (crypto/hash hash_from_name); the same table serves -pkeyopt digest:NAME, -sigopt
# rsa_mgf1_md:NAME and the x509/req digest options, checked here for their verdicts and for the
# one "unknown digest" message. Left out on purpose (hash.h): openssl's legacy signature aliases
# (RSA-SHA256, sha256WithRSAEncryption), which it labels differently, and the digests the library
# lacks (SHA-3, SHA-512/224, SHA-512/256); petrel refuses them.
# usage: digest_names_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
if ! command -v openssl >/dev/null 2>&1; then
  echo "digest_names_test: openssl not found" >&2
  exit 1
fi
printf 'abc' >abc.txt

names=(md5 MD5 Md5 ssl3-md5 SSL3-MD5 1.2.840.113549.2.5
  sha1 SHA1 sha-1 SHA-1 ssl3-sha1 1.3.14.3.2.26
  sha224 SHA2-224 sha-224 2.16.840.1.101.3.4.2.4
  sha256 SHA256 sha2-256 SHA-256 Sha2-256 2.16.840.1.101.3.4.2.1
  sha384 sha2-384 SHA-384 2.16.840.1.101.3.4.2.2
  sha512 SHA2-512 sha-512 2.16.840.1.101.3.4.2.3
  sha_256 sha2_256 SHA-2-256 md-5 s-h-a256 sha256- sha--256 sha2 md4 sha 256)
for n in "${names[@]}"; do
  CASES=$((CASES + 1))
  if openssl dgst "-$n" abc.txt >want 2>/dev/null; then
    if ! petrel dgst "-$n" abc.txt >got 2>err; then
      bad "dgst -$n: openssl takes it, petrel refuses: $(cat err)"
    elif ! cmp -s want got; then
      bad "dgst -$n: petrel '$(cat got)', openssl '$(cat want)'"
    fi
  elif petrel dgst "-$n" abc.txt >got 2>err; then
    bad "dgst -$n: openssl refuses it, petrel takes it: $(cat got)"
  elif ! grep -qF -- "unknown option -$n (see 'petrel help dgst')" err; then
    bad "dgst -$n: want 'unknown option -$n', got: $(cat err)"
  fi
done

# What openssl takes and petrel leaves out: the legacy aliases, and digests the library lacks
# (SHA-3, SHA-512/t; README "What is absent").
for n in RSA-SHA256 sha256WithRSAEncryption sha3-256 SHA3-512 sha512-224 SHA2-512/256; do
  CASES=$((CASES + 1))
  if petrel dgst "-$n" abc.txt >got 2>err || ! grep -qF "unknown option -$n" err; then
    bad "dgst -$n: want it refused as an unknown option: $(cat got err)"
  fi
done

# One message for an unknown digest in an option's value, whichever command reads it.
want_unknown="unknown digest 'sha3-256' for digest (md5, sha1, sha224, sha256, sha384, sha512)"
openssl genrsa -out key.pem 1024 2>/dev/null || exit 1
CASES=$((CASES + 1))
petrel pkeyutl -sign -inkey key.pem -in abc.txt -pkeyopt digest:sha3-256 >got 2>err
if [ $? -ne 1 ] || ! grep -qF "petrel pkeyutl: $want_unknown" err; then
  bad "pkeyutl -pkeyopt digest:sha3-256: $(cat err)"
fi
CASES=$((CASES + 1))
petrel dgst -sha256 -sign key.pem -sigopt rsa_padding_mode:pss -sigopt rsa_mgf1_md:sha_256 \
  -out sig abc.txt >got 2>err
if [ $? -ne 1 ] || ! grep -qF "petrel dgst: unknown digest 'sha_256' for rsa_mgf1_md (md5," err; then
  bad "dgst -sigopt rsa_mgf1_md:sha_256: $(cat err)"
fi
# Every spelling openssl takes for the digest works in a value too.
for n in SHA2-256 sha-256 2.16.840.1.101.3.4.2.1; do
  CASES=$((CASES + 1))
  openssl dgst -sha256 -binary abc.txt >abc.dgst
  if ! petrel pkeyutl -sign -inkey key.pem -in abc.dgst -pkeyopt "digest:$n" -out s.bin 2>err ||
    ! openssl pkeyutl -verify -inkey key.pem -in abc.dgst -sigfile s.bin \
      -pkeyopt digest:sha256 >/dev/null 2>&1; then
    bad "pkeyutl -pkeyopt digest:$n: $(cat err)"
  fi
done

# x509 -fingerprint -NAME: openssl labels it with the option as spelled.
openssl req -x509 -new -key key.pem -subj /CN=names -days 2 -out cert.pem 2>/dev/null || exit 1
for n in sha1 SHA256 sha2-256 SHA-384 md5 sha224; do
  CASES=$((CASES + 1))
  openssl x509 -in cert.pem -noout -fingerprint "-$n" >want 2>&1
  if ! petrel x509 -in cert.pem -noout -fingerprint "-$n" >got 2>err || ! cmp -s want got; then
    bad "x509 -fingerprint -$n: petrel '$(cat got err)', openssl '$(cat want)'"
  fi
done
CASES=$((CASES + 1))
petrel req -new -key key.pem -subj /CN=x -md5 -out r.pem >got 2>err
if [ $? -ne 1 ] || ! grep -qF "petrel req: -md5: MD5 does not sign requests" err; then
  bad "req -md5: want a refusal naming the option: $(cat err)"
fi

finish "tools_digest_names ($LEVEL)"
