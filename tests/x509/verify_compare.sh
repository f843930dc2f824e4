#!/usr/bin/env bash
# Runs `openssl verify` and `petrel verify` with the same options on every chain of the corpus
# made by make_corpus.sh, and compares the verdicts: both OK, or both refusing with
# corresponding reasons at the same depth. Also checks that openssl's verdict is the one the
# corpus meant (EXPECT), so a case that went wrong while being generated fails too.
#
#   verify_compare.sh PETREL CORPUSDIR [EMULATOR ARGS...]
set -u

if [ $# -lt 2 ]; then
  echo "usage: $0 PETREL CORPUSDIR [EMULATOR...]" >&2
  exit 2
fi
PETREL=$1
DIR=$2
shift 2
EMU=("$@")
case "$PETREL" in
  /*) ;;
  *) PETREL=$PWD/$PETREL ;;
esac
cd "$DIR" || exit 2
ATTIME=$(cat attime.txt)

# openssl's X509_V_ERR_* number -> the Petrel reasons that correspond.
reasons_for() {
  case $1 in
    2|20|21) echo "unknown_issuer" ;;
    18|19) echo "untrusted_root" ;;
    7) echo "bad_signature" ;;
    9) echo "not_yet_valid" ;;
    10) echo "expired" ;;
    22) echo "chain_too_long" ;;
    24|79) echo "not_ca no_key_cert_sign" ;;
    32) echo "no_key_cert_sign" ;;
    25) echo "path_too_long" ;;
    26) echo "wrong_purpose" ;;
    34) echo "unknown_critical_extension" ;;
    47|48) echo "name_constraint" ;;
    62) echo "hostname_mismatch" ;;
    64) echo "ip_mismatch" ;;
    66|67) echo "weak_key" ;;
    68) echo "weak_algorithm" ;;
    *) echo "?" ;;
  esac
}

CASES=0
FAILURES=0
declare -A SEEN_REASON=()
while IFS=$'\t' read -r name expect ca untrusted leaf options; do
  CASES=$((CASES + 1))
  # shellcheck disable=SC2206
  opts=(-attime "$ATTIME" -auth_level 1 $options -CAfile "$ca")
  if [ "$untrusted" != - ]; then
    opts+=(-untrusted "$untrusted")
  fi
  o_out=$(openssl verify "${opts[@]}" "$leaf" 2>&1)
  o_rc=$?
  p_out=$("${EMU[@]}" "$PETREL" verify "${opts[@]}" "$leaf" 2>&1)
  p_rc=$?
  o_err=$(sed -n 's/^error \([0-9][0-9]*\) at \([0-9][0-9]*\) depth lookup.*/\1 \2/p' <<<"$o_out" | head -1)
  p_err=$(sed -n 's/^error \([a-z_]*\) at \([0-9][0-9]*\) depth lookup.*/\1 \2/p' <<<"$p_out" | head -1)
  verdict_o=OK
  [ $o_rc -eq 0 ] || verdict_o=${o_err%% *}
  problem=
  if [ "$verdict_o" != "$expect" ]; then
    problem="openssl gave '$verdict_o', the corpus expects '$expect'"
  elif [ $o_rc -eq 0 ]; then
    if [ $p_rc -ne 0 ] || ! grep -q "^$leaf: OK$" <<<"$p_out"; then
      problem="openssl OK, petrel refused (rc $p_rc)"
    fi
  elif [ $p_rc -ne 2 ]; then
    problem="openssl refused ($o_err), petrel rc $p_rc"
  else
    o_code=${o_err%% *}
    o_depth=${o_err##* }
    p_reason=${p_err%% *}
    p_depth=${p_err##* }
    ok_reason=0
    for r in $(reasons_for "$o_code"); do
      [ "$r" = "$p_reason" ] && ok_reason=1
    done
    if [ $ok_reason -eq 0 ]; then
      problem="reason: openssl $o_code ($(reasons_for "$o_code")), petrel $p_reason"
    elif [ "$o_depth" != "$p_depth" ]; then
      problem="depth: openssl $o_depth, petrel $p_depth"
    fi
    SEEN_REASON[$p_reason]=1
  fi
  if [ -n "$problem" ]; then
    FAILURES=$((FAILURES + 1))
    echo "FAIL $name: $problem"
    echo "  openssl: $(tr '\n' '|' <<<"$o_out")"
    echo "  petrel:  $(tr '\n' '|' <<<"$p_out")"
  else
    echo "ok   $name: ${p_err:-OK}"
  fi
done < cases.txt

echo "x509 openssl comparison: $CASES chains, $FAILURES failures; refusal reasons covered: ${!SEEN_REASON[*]}"
if [ $CASES -lt 40 ]; then
  echo "too few cases ($CASES < 40)"
  exit 1
fi
[ $FAILURES -eq 0 ]
