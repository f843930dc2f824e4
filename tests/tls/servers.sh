# Sourced by tests/tls/interop.sh and tests/tls/hostile.sh: the scratch directory, the servers
# they start on 127.0.0.1 and their cleanup.
#
#   . servers.sh NAME      makes W=$TMPDIR/petrel-NAME.XXXXXX and cds there; at EXIT every
#                          started server is stopped and W removed (kept if KEEP is set)
#   free_port              prints a free TCP port of 127.0.0.1
#   listening PORT         true once something listens on PORT
#   start_server NAME DIR CMD...
#                          runs CMD (its port in $PORT) in DIR under `timeout $SERVER_TIMEOUT`
#                          (default 170 s), its stdin on the fifo NAME.in (kept open in
#                          SRV_FD_<NAME>, so a test can write to the server), its output in
#                          NAME.log; waits at most 10 s for the port, else prints the log and
#                          exits 2
# PIDS holds every background process to stop at exit (a caller may add its own).
W=$(mktemp -d "${TMPDIR:-/tmp}/petrel-$1.XXXXXX") || exit 2
PIDS=()
FIFO_FDS=()
SERVER_TIMEOUT=${SERVER_TIMEOUT:-170}
cleanup() {
  local fd pid
  for fd in "${FIFO_FDS[@]}"; do eval "exec $fd>&-" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  [ -n "${KEEP:-}" ] && { echo "kept $W" >&2; return; }
  rm -rf "$W"
}
trap cleanup EXIT
cd "$W" || exit 2

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
  else
    echo $((20000 + RANDOM % 20000))
  fi
}
listening() {
  if command -v ss >/dev/null; then
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
start_server() {
  local name=$1 dir=$2 i fd
  shift 2
  mkfifo "$W/$name.in"
  (cd "$dir" && exec timeout "$SERVER_TIMEOUT" "$@" <"$W/$name.in" >"$W/$name.log" 2>&1) &
  PIDS+=($!)
  exec {fd}>"$W/$name.in"
  FIFO_FDS+=("$fd")
  eval "SRV_FD_$name=$fd"
  for ((i = 0; i < 100; i++)); do
    listening "$PORT" && return 0
    sleep 0.1
  done
  echo "server $name did not start on port $PORT:" >&2
  cat "$W/$name.log" >&2
  exit 2
}
