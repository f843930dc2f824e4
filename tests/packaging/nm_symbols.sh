# Sourced by check_no_heap.sh and check_no_test_hooks.sh: the symbol table they both read.
#
#   read_symbols NM FILE   sets `all` to FILE's symbols in nm's POSIX format, one per line:
#                          "lib.a[obj.o]: name type [value size]" (mangled names), and
#                          `defined` to how many are defined; exits 2 if
#                          FILE is missing or NM finds no defined symbol in it (wrong nm).
read_symbols() {
  local nm_tool="$1" file="$2"
  if [[ ! -f "$file" ]]; then
    echo "FAIL: no such file: $file" >&2
    exit 2
  fi
  all="$("$nm_tool" -P -A "$file")"
  defined="$(awk '$3 != "U" && $3 != "w" && $3 != "v"' <<<"$all" | wc -l)"
  if [[ "$defined" -eq 0 ]]; then
    echo "FAIL: $nm_tool found no defined symbol in $file (wrong nm for this target?)" >&2
    exit 2
  fi
}
