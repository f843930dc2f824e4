# Shared helpers for the petrel tool's shell tests (sourced, not run).
#
# Every script is called as:  SCRIPT PETREL VECTOR_DIR LEVEL [EMULATOR ARGS...]
#   PETREL      the petrel binary
#   VECTOR_DIR  the repository's vectors/ folder
#   LEVEL       "full" (host) or "quick" (a reduced set, e.g. under qemu-user)
#   EMULATOR    optional command that runs PETREL (CMAKE_CROSSCOMPILING_EMULATOR)
# Needs bash, coreutils (od, head, cmp, mktemp) and, for the differential tests, openssl.

set -u

if [ $# -lt 3 ]; then
  echo "usage: $0 PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]" >&2
  exit 2
fi
PETREL=$1
VECTORS=$2
LEVEL=$3
shift 3
EMU=("$@")
case "$PETREL" in
  /*) ;;
  *) PETREL=$PWD/$PETREL ;;
esac
case "$LEVEL" in
  full|quick) ;;
  *) echo "$0: LEVEL must be full or quick, not '$LEVEL'" >&2; exit 2 ;;
esac

TMP=$(mktemp -d "${TMPDIR:-/tmp}/petrel-tools.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

CASES=0
FAILURES=0

# Runs the petrel binary (through the emulator, if any).
petrel() {
  "${EMU[@]}" "$PETREL" "$@"
}

# Records a failure with a message; the script goes on, to report every mismatch.
bad() {
  echo "FAIL: $*" >&2
  FAILURES=$((FAILURES + 1))
}

# n random bytes as lower-case hex.
rand_hex() {
  if [ "$1" -eq 0 ]; then
    return 0
  fi
  head -c "$1" /dev/urandom | od -An -v -tx1 | tr -d ' \n'
}

# Hex (no separators) to binary on stdout; handles NUL bytes. Pure bash (no forks).
hex2bin() {
  local hex=$1 esc="" i
  for ((i = 0; i < ${#hex}; i += 2)); do
    esc+="\\x${hex:i:2}"
  done
  # shellcheck disable=SC2059
  printf "$esc"
}

# Binary (a file, or stdin) to lower-case hex, into the variable HEX.
to_hex_var() {
  HEX=$(od -An -v -tx1 "$@" | tr -d ' \n')
}

bin2hex() {
  to_hex_var "$@"
  printf '%s' "$HEX"
}

# Prints the summary line and exits: non-zero on any failure or when nothing ran.
finish() {
  local label=$1
  echo "$label: $CASES cases, $FAILURES failures"
  if [ "$CASES" -eq 0 ]; then
    echo "$label: no cases ran" >&2
    exit 1
  fi
  [ "$FAILURES" -eq 0 ]
  exit $?
}
