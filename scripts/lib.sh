# Shared helpers for scripts/test and scripts/demo (sourced, not run).
#
# petrel_ensure_packages PKG...   checks each Debian package with dpkg-query; as root it runs
#                                 apt-get update and installs the missing ones (each one alone
#                                 if the batch fails, to learn exactly which could not be got);
#                                 as another user it prints the apt-get command to run.
#                                 Afterwards PETREL_MISSING holds the packages still missing.
# petrel_missing_of PKG...        prints those of PKG... that are in PETREL_MISSING.
# petrel_now                      seconds since the epoch.

PETREL_MISSING=()

petrel_say() { printf '%s\n' "$*"; }
petrel_warn() { printf '\n!!!!! %s\n\n' "$*" >&2; }
petrel_now() { date +%s; }

petrel_pkg_installed() {
  local status
  status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]]
}

petrel_ensure_packages() {
  local wanted=("$@") missing=() pkg
  PETREL_MISSING=()
  if ! command -v dpkg-query >/dev/null 2>&1; then
    petrel_warn "dpkg-query not found: not a Debian system? Not checking packages; wanted: ${wanted[*]}"
    return 0
  fi
  for pkg in "${wanted[@]}"; do
    if ! petrel_pkg_installed "$pkg"; then
      missing+=("$pkg")
    fi
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    petrel_say "All ${#wanted[@]} required packages are installed."
    return 0
  fi
  petrel_say "Missing packages: ${missing[*]}"
  if [[ "$(id -u)" -ne 0 ]]; then
    petrel_warn "Not root, so not installing. Run as root:
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    PETREL_MISSING=("${missing[@]}")
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  petrel_say "Running apt-get update"
  if ! apt-get update </dev/null; then
    petrel_warn "apt-get update failed; trying to install from the existing package lists"
  fi
  local apt_opts=(-y --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  petrel_say "Installing: ${missing[*]}"
  if ! apt-get install "${apt_opts[@]}" "${missing[@]}" </dev/null; then
    petrel_warn "apt-get install of the whole set failed; trying each package alone"
    for pkg in "${missing[@]}"; do
      apt-get install "${apt_opts[@]}" "$pkg" </dev/null || true
    done
  fi
  for pkg in "${missing[@]}"; do
    if ! petrel_pkg_installed "$pkg"; then
      PETREL_MISSING+=("$pkg")
    fi
  done
  if [[ ${#PETREL_MISSING[@]} -gt 0 ]]; then
    petrel_warn "COULD NOT INSTALL: ${PETREL_MISSING[*]}"
  fi
}

petrel_missing_of() {
  local want have out=()
  for want in "$@"; do
    for have in "${PETREL_MISSING[@]+"${PETREL_MISSING[@]}"}"; do
      if [[ "$want" == "$have" ]]; then
        out+=("$want")
      fi
    done
  done
  printf '%s' "${out[*]+"${out[*]}"}"
}

# Packages every build needs (compiler, CMake, Ninja, GoogleTest sources, binutils' nm).
PETREL_PKGS_COMMON=(build-essential g++ cmake ninja-build googletest libgtest-dev)
# Tools used by tests (differential tests against openssl/gnutls, valgrind constant-time checks)
# and by the scripts (git, certificates for https mirrors); libssl-dev: libcrypto as a test-only
# reference for the TLS record layer (tests/tls/openssl/); python3: the scripted hostile server
# of tests/tls/hostile_server.py (standard library only).
PETREL_PKGS_SUPPORT=(git ca-certificates openssl gnutls-bin valgrind libssl-dev python3)
# The fuzz step of scripts/test (scripts/fuzz): clang with libFuzzer's runtime, zip/unzip for the
# OSS-Fuzz build check (fuzz/oss-fuzz/build.sh).
PETREL_PKGS_FUZZ=(clang libclang-rt-14-dev zip unzip)

# Packages a given preset needs beyond PETREL_PKGS_COMMON, to build and to run its tests.
petrel_preset_packages() {
  case "$1" in
    host) echo "libbenchmark-dev" ;;
    host-asan) echo "" ;;
    host-clang) echo "clang libbenchmark-dev" ;;
    armhf) echo "g++-arm-linux-gnueabihf qemu-user" ;;
    armel) echo "g++-arm-linux-gnueabi qemu-user" ;;
    mipsel) echo "g++-mipsel-linux-gnu qemu-user" ;;
    mips) echo "g++-mips-linux-gnu qemu-user" ;;
    *) return 1 ;;
  esac
}

# Of those, the packages needed only to run the tests (the preset still builds without them).
petrel_preset_test_packages() {
  case "$1" in
    armhf|armel|mipsel|mips) echo "qemu-user" ;;
    *) echo "" ;;
  esac
}
