#!/usr/bin/env bash
# No heap, no exceptions: fails if a static library references an allocator (malloc & co.,
# operator new/delete in any form), the C++ exception runtime (__cxa_throw,
# __cxa_allocate_exception, personality routines, _Unwind_Resume), the libstdc++ helpers that
# throw (std::__throw_*) or the guard of function-local statics (__cxa_guard_*). STYLE.md: "No exceptions and no heap in crypto/ and in the TLS engine".
#
#   check_no_heap.sh NM LIBRARY                 passes iff LIBRARY references none of them
#   check_no_heap.sh --expect-fail NM LIBRARY SYMBOL...
#                                               passes iff the check fails AND reports every
#                                               SYMBOL (the self-test over a library that
#                                               allocates and throws on purpose)
set -euo pipefail
export LC_ALL=C

expect_fail=0
if [[ "${1:-}" == "--expect-fail" ]]; then
  expect_fail=1
  shift
fi
if [[ $# -lt 2 ]]; then
  echo "usage: $0 [--expect-fail] NM LIBRARY [SYMBOL...]" >&2
  exit 2
fi
nm_tool="$1"
lib="$2"
shift 2

# shellcheck source=tests/packaging/nm_symbols.sh
source "$(dirname "$0")/nm_symbols.sh"
# A check that read nothing proves nothing: read_symbols fails if nm understood no symbol.
read_symbols "$nm_tool" "$lib"
undefined="$(awk '$3 == "U" || $3 == "w" || $3 == "v" { print $1, $2 }' <<<"$all" | sed 's/@.*//')"

forbidden_re='^(malloc|calloc|realloc|reallocarray|free|aligned_alloc|posix_memalign|memalign|valloc|pvalloc|strdup|strndup)$'
forbidden_re+='|^_Zn[wa][jmy]'        # operator new / new[] (size_t = unsigned int/long/long long)
forbidden_re+='|^_Zd[la]Pv'           # operator delete / delete[]
forbidden_re+='|^__cxa_(throw|rethrow|allocate_exception|free_exception|begin_catch|end_catch)$'
forbidden_re+='|^__gxx_personality|^_Unwind_Resume$'
forbidden_re+='|^_ZSt[0-9]+__throw_'  # std::__throw_length_error & co. (containers that throw)
# Guarded function-local statics: __cxa_guard_acquire pulls libstdc++'s exception runtime and
# demangler into a static link (35.8 KB on Thumb-2, README "Code size: the minimal client").
forbidden_re+='|^__cxa_guard_(acquire|release|abort)$'

hits="$(awk -v re="$forbidden_re" '$2 ~ re { print }' <<<"$undefined" | sort -u || true)"
hit_syms="$(awk '{ print $2 }' <<<"$hits" | sort -u | tr '\n' ' ')"

echo "checked $lib: $defined defined symbols, $(grep -c . <<<"$undefined" || true) undefined references"
if [[ -n "$hits" ]]; then
  echo "forbidden references (object: symbol):"
  sed 's/^/  /' <<<"$hits"
fi

if [[ $expect_fail -eq 0 ]]; then
  if [[ -n "$hits" ]]; then
    echo "FAIL: the library uses the heap or exceptions: $hit_syms"
    exit 1
  fi
  echo "PASS: no heap, no exceptions"
  exit 0
fi

# Self-test: the canary must be caught, with every symbol it was built to reference.
status=0
for want in "$@"; do
  if ! grep -Eq "(^| )$want" <<<"$hit_syms"; then
    echo "FAIL: the check did not report $want"
    status=1
  fi
done
if [[ -z "$hits" ]]; then
  echo "FAIL: the check passed a library that allocates and throws"
  status=1
fi
if [[ $status -eq 0 ]]; then
  echo "PASS: the canary was caught ($hit_syms)"
fi
exit $status
