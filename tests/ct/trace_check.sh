#!/usr/bin/env bash
# One case of the constant-time trace check (tests/ct/trace.cmake): runs `ct_trace CASE 0` and
# `ct_trace CASE 1` (different keys and data, same lengths) under qemu-user with the trace plugin
# (bench/insn/trace_plugin.c) and compares the two traces window by window.
#
#   trace_check.sh same|differ PLUGIN PROGRAM CASE EMULATOR [EMULATOR ARGS...]
#
# same:   every window must have the same instruction-address and data-address traces (counts
#         and hashes) in both runs: the routine is constant-time as the trace sees it.
# differ: a must-leak case: every window's traces must differ, or the check is blind.
# Either way there must be at least one window, each with a non-empty trace, the two runs must
# name the same windows, and the program must report its functional checks passed.
set -uo pipefail

mode="${1:?}"; plugin="${2:?}"; prog="${3:?}"; case_name="${4:?}"; shift 4
[[ $# -ge 1 ]] || { echo "trace_check: no emulator given" >&2; exit 2; }
[[ "$mode" == same || "$mode" == differ ]] || { echo "trace_check: mode same|differ" >&2; exit 2; }
[[ -f "$plugin" ]] || { echo "trace_check: no plugin at $plugin" >&2; exit 1; }
# A full path: the guest's environment, and so env's PATH, is emptied below.
emulator="$(command -v "$1")" || { echo "trace_check: $1 not found (apt-get install qemu-user)" >&2; exit 1; }
shift
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for seed in 0 1; do
  # An empty environment, so that the guest's stack (and so every stack address) is placed the
  # same way in both runs.
  if ! env -i "$emulator" "$@" -plugin "$plugin,outfile=$tmp/trace.$seed" "$prog" "$case_name" "$seed" \
      > "$tmp/out.$seed" 2> "$tmp/err.$seed"; then
    echo "trace_check: $case_name seed $seed: the program failed:" >&2
    cat "$tmp/out.$seed" "$tmp/err.$seed" >&2
    exit 1
  fi
  if ! grep -q "^ok: " "$tmp/out.$seed"; then
    echo "trace_check: $case_name seed $seed: no functional verdict" >&2
    exit 1
  fi
done

names0="$(grep '^window ' "$tmp/out.0")"
names1="$(grep '^window ' "$tmp/out.1")"
if [[ "$names0" != "$names1" ]]; then
  echo "trace_check: the two runs opened different windows:" >&2
  diff <(echo "$names0") <(echo "$names1") >&2
  exit 1
fi
nwin="$(grep -c '^window ' "$tmp/out.0")"
for seed in 0 1; do
  if ! grep -qx "windows $nwin" "$tmp/trace.$seed"; then
    echo "trace_check: seed $seed: the plugin saw $(tail -n 1 "$tmp/trace.$seed"), the program opened $nwin" >&2
    exit 1
  fi
done
if [[ "$nwin" -eq 0 ]]; then
  echo "trace_check: $case_name: no window, nothing was checked" >&2
  exit 1
fi

fail=0
for ((w = 1; w <= nwin; w++)); do
  name="$(sed -n "s/^window $w: //p" "$tmp/out.0")"
  t0="$(sed -n "s/^window $w //p" "$tmp/trace.0")"
  t1="$(sed -n "s/^window $w //p" "$tmp/trace.1")"
  read -r _ tbs0 _ insns0 _ code0 _ mem0 _ data0 <<< "$t0"
  read -r _ tbs1 _ insns1 _ code1 _ mem1 _ data1 <<< "$t1"
  if [[ -z "$t0" || -z "$t1" || "${insns0:-0}" -eq 0 || "${insns1:-0}" -eq 0 ]]; then
    echo "window $w ($name): empty trace" >&2
    fail=1
    continue
  fi
  if [[ "$t0" == "$t1" ]]; then
    verdict="identical"
    [[ "$mode" == same ]] || fail=1
  else
    what=""
    [[ "$tbs0 $insns0 $code0" == "$tbs1 $insns1 $code1" ]] || what="code"
    [[ "$mem0 $data0" == "$mem1 $data1" ]] || what="${what:+$what+}data"
    verdict="DIFFERENT ($what)"
    [[ "$mode" == differ ]] || fail=1
  fi
  echo "window $w ($name): $verdict"
  echo "  seed 0: $insns0 insns in $tbs0 TBs, code $code0; $mem0 accesses, data $data0"
  echo "  seed 1: $insns1 insns in $tbs1 TBs, code $code1; $mem1 accesses, data $data1"
done
if [[ $fail -ne 0 ]]; then
  if [[ "$mode" == same ]]; then
    echo "trace_check: $case_name: FAIL: the traces depend on the secret inputs"
  else
    echo "trace_check: $case_name: FAIL: a must-leak case gave identical traces: the check is blind"
  fi
  exit 1
fi
if [[ "$mode" == same ]]; then
  echo "trace_check: $case_name: $nwin window(s), traces identical under different keys and data"
else
  echo "trace_check: $case_name: $nwin window(s), leak seen as expected"
fi
