#!/usr/bin/env bash
# Option tables: for the commands whose options are declared once (tools/petrel/options.h),
# every option the help lists is accepted by the parser (never "unknown option"), an option the
# help does not list is refused in the one form "unknown option -x (see 'petrel help CMD')",
# and a missing argument is "option -x needs an argument" (-out, or the first option with an
# argument where a command has no -out).
# usage: options_test.sh PETREL VECTOR_DIR full|quick [EMULATOR ARGS...]
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
for cmd in ec rsa genrsa genpkey ecparam dgst enc pkeyutl req x509 verify s_client get speed \
    version; do
  CASES=$((CASES + 1))
  if ! petrel "$cmd" -help >help 2>err || ! grep -q "^usage: petrel $cmd " help; then
    bad "$cmd -help: want the usage on stdout and exit 0: $(cat err)"
    continue
  fi
  # "  -name ARG   text" rows; -help itself and the -DIGEST/-CIPHER families aside.
  opts=$(sed -n 's/^  -\([A-Za-z0-9_]*\)\( .*\)\{0,1\}$/\1/p' help | grep -v '^help$' |
    grep -v -x -e DIGEST -e CIPHER)
  n=0
  for o in $opts; do
    n=$((n + 1))
    CASES=$((CASES + 1))
    # An option with an argument gets one that is (mostly) wrong: only "unknown option" counts.
    petrel "$cmd" "-$o" no-such-value </dev/null >out 2>err
    if grep -q "unknown option -$o\b" err; then
      bad "$cmd: the help lists -$o but the parser refuses it"
    fi
  done
  CASES=$((CASES + 1))
  min=3
  [ "$cmd" = version ] && min=1  # version has -a only
  [ "$n" -ge "$min" ] || bad "$cmd -help: only $n option rows read"
  CASES=$((CASES + 1))
  petrel "$cmd" -no-such-option </dev/null >out 2>err
  if [ $? -ne 1 ] || ! grep -qF "petrel $cmd: unknown option -no-such-option (see 'petrel help $cmd')" err; then
    bad "$cmd -no-such-option: $(cat err)"
  fi
  # The option whose argument is left out: -out, else the first one with an argument.
  arg=$(sed -n 's/^  -\([A-Za-z0-9_]*\) [^ ].*$/\1/p' help | grep -v -x -e DIGEST -e CIPHER)
  if printf '%s\n' $arg | grep -q -x out; then
    arg=out
  else
    arg=$(printf '%s\n' $arg | head -n 1)
  fi
  [ -n "$arg" ] || continue  # only flags (version -a)
  CASES=$((CASES + 1))
  petrel "$cmd" "-$arg" </dev/null >out 2>err
  if [ $? -ne 1 ] || ! grep -qF "petrel $cmd: option -$arg needs an argument" err; then
    bad "$cmd -$arg (no argument): $(cat err)"
  fi
done
finish "tools_options ($LEVEL)"
