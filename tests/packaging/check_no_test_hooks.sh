#!/usr/bin/env bash
# No test hooks in the release library: fails if a static library defines or references a test
# hook, that is a symbol named *_for_testing or one of the private-access structs the hooks use
# (RsaPrivateKeyAccess, HmacDrbgAccess, RecordProtectionAccess, AesKeyAccess). The hooks'
# definitions (*_test_hooks.cpp) are the petrel_test_hooks library, which only tests link.
#
#   check_no_test_hooks.sh NM LIBRARY        passes iff LIBRARY has none of them
#   check_no_test_hooks.sh --expect-fail NM LIBRARY SYMBOL...
#                                            passes iff the check fails AND reports every SYMBOL
#                                            (the self-test over petrel_test_hooks)
#   check_no_test_hooks.sh --defined NM FILE SYMBOL...
#                                            passes iff FILE (a test program) defines every
#                                            SYMBOL (the tests still link and use the hooks)
set -euo pipefail
export LC_ALL=C

mode=check
case "${1:-}" in
  --expect-fail) mode=expect_fail; shift ;;
  --defined) mode=defined; shift ;;
esac
if [[ $# -lt 2 ]]; then
  echo "usage: $0 [--expect-fail|--defined] NM FILE [SYMBOL...]" >&2
  exit 2
fi
nm_tool="$1"
file="$2"
shift 2
# shellcheck source=tests/packaging/nm_symbols.sh
source "$(dirname "$0")/nm_symbols.sh"
read_symbols "$nm_tool" "$file"

if [[ $mode == defined ]]; then
  status=0
  for want in "$@"; do
    if ! awk -v w="$want" '$3 ~ /^[TtWw]$/ && index($2, w) { found = 1 } END { exit !found }' \
         <<<"$all"; then
      echo "FAIL: $file does not define $want"
      status=1
    else
      echo "$file defines $want"
    fi
  done
  exit $status
fi

hook_re='for_testing|(RsaPrivateKey|HmacDrbg|RecordProtection|AesKey)Access'
hits="$(awk -v re="$hook_re" '$2 ~ re { print $1, $2, $3 }' <<<"$all" | sort -u || true)"
echo "checked $file: $defined defined symbols"
if [[ -n "$hits" ]]; then
  echo "test hooks (object: symbol type):"
  sed 's/^/  /' <<<"$hits"
fi

if [[ $mode == check ]]; then
  if [[ -n "$hits" ]]; then
    echo "FAIL: the release library holds test hooks (above)"
    exit 1
  fi
  echo "PASS: no test hooks"
  exit 0
fi

status=0
for want in "$@"; do
  if ! grep -Fq "$want" <<<"$hits"; then
    echo "FAIL: the check did not report $want"
    status=1
  fi
done
if [[ -z "$hits" ]]; then
  echo "FAIL: the check passed a library of test hooks"
  status=1
fi
[[ $status -eq 0 ]] && echo "PASS: the hooks library was caught"
exit $status
