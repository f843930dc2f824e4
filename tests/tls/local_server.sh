#!/usr/bin/env bash
# Runs commands beside a real `openssl s_server` on 127.0.0.1 that requires a client
# certificate, with a throwaway PKI made here (RSA-2048: a CA, a server certificate for
# localhost, a device certificate): for the memory and soak measurements of the TLS client.
#
#   local_server.sh WORKDIR "S_SERVER OPTIONS" -- COMMAND ARGS...
#
# In COMMAND ARGS, {PORT} is the server's port and {DIR} the WORKDIR holding ca.der, dev.der
# and dev.key. Several commands may be given, separated by "--"; each must succeed. The server
# is stopped at the end.
set -euo pipefail
WORK="$1"
SERVER_OPTS="$2"
shift 2
[[ "${1:-}" == "--" ]] || { echo "usage: $0 WORKDIR 'S_SERVER OPTIONS' -- COMMAND..." >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  return 0
}
trap stop_server EXIT

openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj /CN=Local-Test-CA \
  -days 2 -addext basicConstraints=critical,CA:true -addext keyUsage=keyCertSign 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout srv.key -out srv.csr -subj /CN=localhost 2>/dev/null
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' >srv.ext
openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out srv.pem -days 2 \
  -extfile srv.ext 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout dev.key -out dev.csr -subj /CN=device 2>/dev/null
printf 'extendedKeyUsage=clientAuth\n' >dev.ext
openssl x509 -req -in dev.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out dev.pem -days 2 \
  -extfile dev.ext 2>/dev/null
openssl x509 -in ca.pem -outform DER -out ca.der
openssl x509 -in dev.pem -outform DER -out dev.der

PORT=""
for _ in $(seq 1 20); do
  p=$(( 20000 + RANDOM % 30000 ))
  # shellcheck disable=SC2086
  timeout 600 openssl s_server -accept "127.0.0.1:$p" -cert srv.pem -key srv.key -Verify 1 \
    -CAfile ca.pem -tls1_2 $SERVER_OPTS >server.log 2>&1 </dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 50); do
    if grep -q ACCEPT server.log 2>/dev/null; then PORT=$p; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$PORT" ]] && break
  stop_server; SERVER_PID=""
done
[[ -n "$PORT" ]] || { echo "could not start openssl s_server"; cat server.log; exit 1; }

while [[ $# -gt 0 ]]; do
  shift  # the "--"
  cmd=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    a="${1//\{PORT\}/$PORT}"
    cmd+=("${a//\{DIR\}/$WORK}")
    shift
  done
  timeout 300 "${cmd[@]}"
done
