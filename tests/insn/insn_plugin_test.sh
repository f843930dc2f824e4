#!/usr/bin/env bash
# Checks the instruction-count plugin (bench/insn/insn_plugin.c) through scripts/insn-count:
# tests/insn/spin.c, cross-built statically for each available target, runs a loop of exactly
# two guest instructions per unit, so I(2N) - I(N) must be exactly 2N, and insn-count must see
# identical counts on repeated runs. Targets whose cross gcc or qemu is missing are
# skipped; with none available the test reports SKIP (exit 77).
#
#   insn_plugin_test.sh PLUGIN WORKDIR
set -euo pipefail

plugin="$1"
work="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$work"

ran=0
failed=0
for target in armhf mipsel; do
  case "$target" in
    armhf) cc="arm-linux-gnueabihf-gcc"; qemu="qemu-arm" ;;
    mipsel) cc="mipsel-linux-gnu-gcc"; qemu="qemu-mipsel" ;;
  esac
  if ! command -v "$cc" > /dev/null || ! command -v "$qemu" > /dev/null; then
    echo "insn_plugin_test: $target: $cc or $qemu missing, skipped"
    continue
  fi
  exe="$work/spin-$target"
  "$cc" -O2 -static -o "$exe" "$root/tests/insn/spin.c"
  # Sizes whose decimal strings (N and 2N) have the same length, so that argument parsing
  # costs the same in both runs and the difference is exactly the loop: 2 * N instructions.
  for n in 1000 3000; do
    if ! got="$("$root/scripts/insn-count" --target "$target" --plugin "$plugin" --n "$n" \
                 --repeat 3 --counts -- "$exe" '{N}')"; then
      echo "insn_plugin_test: $target: insn-count failed"
      failed=1
      continue
    fi
    read -r i1 i2 <<< "$got"
    if [[ $((i2 - i1)) -eq $((2 * n)) ]]; then
      echo "insn_plugin_test: $target N=$n: I(N)=$i1 I(2N)=$i2, difference 2N as expected," \
           "deterministic over 3 runs"
    else
      echo "insn_plugin_test: $target N=$n: I(N)=$i1 I(2N)=$i2, difference $((i2 - i1)), expected $((2 * n))"
      failed=1
    fi
  done
  # The plugin must refuse an unknown argument rather than count silently.
  if "$qemu" -plugin "$plugin,bogus=1" "$exe" 1 2> /dev/null; then
    echo "insn_plugin_test: $target: the plugin accepted an unknown argument"
    failed=1
  fi
  ran=$((ran + 1))
done
if [[ $failed -ne 0 ]]; then
  exit 1
fi
if [[ $ran -eq 0 ]]; then
  echo "insn_plugin_test: no cross toolchain: SKIP"
  exit 77
fi
echo "insn_plugin_test: $ran targets ok"
