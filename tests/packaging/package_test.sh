#!/usr/bin/env bash
# Packaging test: builds and runs tests/packaging/consumer/ against Petrel, the way a firmware build
# would consume it.
#
#   package_test.sh package      SOURCE_DIR BUILD_DIR WORK_DIR [cmake -D options...]
#       cmake --install BUILD_DIR into WORK_DIR/prefix, then find_package(petrel) from there
#   package_test.sh subdirectory SOURCE_DIR BUILD_DIR WORK_DIR [cmake -D options...]
#       add_subdirectory(SOURCE_DIR) from the consumer
#
# The cmake -D options carry the generator's and compilers' settings of the build under test.
# CMAKE_COMMAND in the environment names the cmake to use (the one running ctest).
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: $0 package|subdirectory SOURCE_DIR BUILD_DIR WORK_DIR [-D...]" >&2
  exit 2
fi
mode="$1"
src="$2"
bld="$3"
work="$4"
shift 4
cmake_cmd="${CMAKE_COMMAND:-cmake}"

rm -rf "$work"
mkdir -p "$work"

config_args=(--no-warn-unused-cli -S "$src/tests/packaging/consumer" -B "$work/consumer"
             "-DPETREL_CONSUMER_MODE=$mode" "$@")
case "$mode" in
  package)
    echo "== cmake --install $bld --prefix $work/prefix"
    "$cmake_cmd" --install "$bld" --prefix "$work/prefix"
    for f in "petrelConfig.cmake" "petrelConfigVersion.cmake" "petrelTargets.cmake" "libpetrel.a" \
             "crypto/util/status.h"; do
      if [[ -z "$(find "$work/prefix" -path "*/$f" -print -quit)" ]]; then
        echo "FAIL: the install lacks $f; it holds:" >&2
        find "$work/prefix" -type f | sed 's/^/  /' >&2
        exit 1
      fi
    done
    # No internal header or test hook is installed, and every installed header's own includes
    # ("crypto/...", "tls/...") are installed too, so each one compiles from the prefix alone.
    inc=$(find "$work/prefix" -type d -path "*/include/petrel" -print -quit)
    leaked=$(find "$inc" -name "*_internal.h" -o -name "*_test_hooks.h" -o -name internal.h \
      -o -name md_common.h -o -name ec_curves.h -o -name p256_comb.h -o -name aes_bitslice.h \
      -o -name aes_sbox_circuit.h -o -name bn_kernel.h -o -name variant.h -o -name messages.h)
    if [[ -n "$leaked" ]]; then
      echo "FAIL: internal headers or test hooks installed:" >&2
      echo "$leaked" | sed 's/^/  /' >&2
      exit 1
    fi
    # The installed library holds no test hook either (tests/packaging/check_no_test_hooks.sh).
    bash "$src/tests/packaging/check_no_test_hooks.sh" nm \
      "$(find "$work/prefix" -name libpetrel.a -print -quit)"
    headers=0
    while IFS= read -r h; do
      headers=$((headers + 1))
      while IFS= read -r dep; do
        if [[ ! -f "$inc/$dep" ]]; then
          echo "FAIL: ${h#"$inc"/} includes $dep, which is not installed" >&2
          exit 1
        fi
      done < <(sed -n 's/^#include "\(\(crypto\|tls\)\/[^"]*\)".*/\1/p' "$h")
      if grep -n "for_testing" "$h" >&2; then
        echo "FAIL: ${h#"$inc"/} declares a test hook (above)" >&2
        exit 1
      fi
      # The head comment (the lines before the include guard) says what in it is stable.
      if ! sed -n '/^#ifndef /q;p' "$h" | grep -q "Public API (installed)"; then
        echo "FAIL: ${h#"$inc"/} does not say in its head comment what is stable" \
             "(\"Public API (installed): ...\")" >&2
        exit 1
      fi
    done < <(find "$inc" -name "*.h")
    echo "installed headers: $headers, none internal, every include installed, each says what is stable"
    [[ "$headers" -gt 0 ]] || { echo "FAIL: no headers installed" >&2; exit 1; }
    # Only the installed prefix, never the build tree or a user package registry.
    config_args+=("-DCMAKE_PREFIX_PATH=$work/prefix"
                  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
                  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
    ;;
  subdirectory)
    config_args+=("-DPETREL_SOURCE_DIR=$src")
    ;;
  *)
    echo "unknown mode: $mode" >&2
    exit 2
    ;;
esac

echo "== configure the consumer ($mode)"
"$cmake_cmd" "${config_args[@]}"
echo "== build the consumer"
"$cmake_cmd" --build "$work/consumer"
echo "== run the consumer"
out="$("$work/consumer/petrel_consumer")"
echo "$out"
if ! grep -q "^petrel consumer OK ($mode)" <<<"$out"; then
  echo "FAIL: the consumer did not report success" >&2
  exit 1
fi
echo "PASS: $mode consumer built and ran"
