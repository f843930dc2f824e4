# shellcheck shell=bash
# Sourced by scripts/insn-sysroot and scripts/insn-check-header: runs apt-get with a private
# state directory (build/apt/) so that Debian packages for other architectures, and source
# packages, can be downloaded without touching the system's apt configuration or dpkg's
# architecture list. Nothing is ever installed.
#
# Needs: $root (the repository root). Provides: insn_apt ARGS... (apt-get with the private
# configuration, after a one-time "update").

insn_aptdir="${root:?}/build/apt"
insn_mirror="${PETREL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
insn_suite="${PETREL_DEBIAN_SUITE:-bookworm}"
insn_keyring=/usr/share/keyrings/debian-archive-keyring.gpg

insn_apt_opts=(
  -o "Dir::Etc::SourceList=$insn_aptdir/sources.list"
  -o "Dir::Etc::SourceParts=$insn_aptdir/sources.list.d"
  -o "Dir::State::Lists=$insn_aptdir/lists"
  -o "Dir::Cache=$insn_aptdir/cache"
  -o "APT::Architectures::=armhf" -o "APT::Architectures::=armel" -o "APT::Architectures::=mipsel"
  -o "APT::Sandbox::User=$(id -un)"
  -o "Debug::NoLocking=1"
)

insn_apt() {
  if [[ ! -f "$insn_aptdir/lists/.updated" ]]; then
    mkdir -p "$insn_aptdir/lists/partial" "$insn_aptdir/cache/archives/partial" \
      "$insn_aptdir/sources.list.d"
    {
      echo "deb [arch=armhf,armel,mipsel signed-by=$insn_keyring] $insn_mirror $insn_suite main"
      echo "deb-src [signed-by=$insn_keyring] $insn_mirror $insn_suite main"
    } > "$insn_aptdir/sources.list"
    echo "insn-apt: apt-get update (private state in build/apt)" >&2
    apt-get "${insn_apt_opts[@]}" -q update >&2
    touch "$insn_aptdir/lists/.updated"
  fi
  apt-get "${insn_apt_opts[@]}" -q "$@"
}
