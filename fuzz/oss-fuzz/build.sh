#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build of Petrel's fuzz targets (fuzz/README in ../../README.md,
# section Fuzzing). Uses only what the OSS-Fuzz base-builder sets: $CC, $CXX, $CFLAGS,
# $CXXFLAGS (sanitizer and coverage flags), $LIB_FUZZING_ENGINE, $OUT, $SRC (and $WORK if set).
#   - the library is built with CMake with those flags only (a build type without flags of its
#     own) and PETREL_FUZZING=1 (the deterministic
#     random_bytes() of crypto/rand/random.h);
#   - every fuzz/<target>.cpp is linked with fuzz/driver.cpp, its fuzz/<target>.sources and
#     $LIB_FUZZING_ENGINE into $OUT/<target>; diff_* targets also with libcrypto when it is
#     installed (not under MemorySanitizer: the system libcrypto is not instrumented);
#   - fuzz/corpus/<target>/ is packed as $OUT/<target>_seed_corpus.zip and an
#     $OUT/<target>.options written (fuzz/<target>.options, else max_len = 4096).
# Local extras: PETREL_SRC (the checkout, default $SRC/petrel), PETREL_FUZZ_ONLY (space-separated
# target names to build), JOBS (build parallelism, default 2).
PETREL_SRC=${PETREL_SRC:-$SRC/petrel}
WORK=${WORK:-/tmp}
BUILD=$WORK/petrel-oss-fuzz-build
SANITIZER=${SANITIZER:-address}

cmake -S "$PETREL_SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=OssFuzz \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS -DPETREL_FUZZING=1" -DCMAKE_CXX_FLAGS="$CXXFLAGS -DPETREL_FUZZING=1" \
  -DPETREL_BUILD_TESTS=OFF -DPETREL_BUILD_TOOLS=OFF -DPETREL_BUILD_BENCH=OFF \
  -DPETREL_BUILD_FUZZ=OFF -DPETREL_INSTALL=OFF
cmake --build "$BUILD" --target petrel -j "${JOBS:-2}"

have_crypto=0
if [ "$SANITIZER" != memory ] && printf '#include <openssl/evp.h>\nint main(){return EVP_sha256()==0;}\n' |
    $CXX -x c++ - -o "$WORK/petrel-crypto-probe" -lcrypto 2>/dev/null; then
  have_crypto=1
fi

for src in "$PETREL_SRC"/fuzz/*.cpp; do
  t=$(basename "$src" .cpp)
  case "$t" in driver|replay_main) continue ;; esac
  if [ -n "${PETREL_FUZZ_ONLY:-}" ] && [[ " $PETREL_FUZZ_ONLY " != *" $t "* ]]; then
    continue
  fi
  extra=()
  libs=()
  skip=""
  if [ -f "$PETREL_SRC/fuzz/$t.sources" ]; then
    while read -r line; do
      case "$line" in ''|'#'*) continue ;; esac
      if [ -f "$PETREL_SRC/$line" ]; then extra+=("$PETREL_SRC/$line"); else skip="missing $line"; fi
    done < "$PETREL_SRC/fuzz/$t.sources"
  fi
  if [[ $t == diff_* ]]; then
    if [ $have_crypto -eq 1 ]; then libs+=(-lcrypto); else skip="no libcrypto"; fi
  fi
  if [ -n "$skip" ]; then
    echo "skipping fuzz target $t ($skip)"
    continue
  fi
  $CXX $CXXFLAGS -std=c++17 -DPETREL_FUZZING=1 -DPETREL_FUZZ_TARGET="\"$t\"" -I"$PETREL_SRC" \
    "$src" "$PETREL_SRC/fuzz/driver.cpp" "${extra[@]+"${extra[@]}"}" \
    -o "$OUT/$t" $LIB_FUZZING_ENGINE "$BUILD/libpetrel.a" "${libs[@]+"${libs[@]}"}"
  rm -f "$OUT/${t}_seed_corpus.zip"
  if [ -d "$PETREL_SRC/fuzz/corpus/$t" ]; then
    (cd "$PETREL_SRC/fuzz/corpus/$t" && zip -q -r "$OUT/${t}_seed_corpus.zip" .)
  fi
  if [ -f "$PETREL_SRC/fuzz/$t.options" ]; then
    cp "$PETREL_SRC/fuzz/$t.options" "$OUT/$t.options"
  else
    printf '[libfuzzer]\nmax_len = 4096\n' > "$OUT/$t.options"
  fi
done
