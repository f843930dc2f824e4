#!/usr/bin/env bash
# Measures the memory of a TLS connection (tests/tls/handshake_memory.cpp) against a real
# `openssl s_server` on 127.0.0.1 that requires a client certificate: full records and
# max_fragment_length 512, a full and a resumed handshake each, RSA-2048 keys both sides.
# The budgets are today's measured figures plus a small margin (README "TLS client memory");
# a change that needs more memory fails here and must update the README.
#
#   memory_test.sh HANDSHAKE_MEMORY_BINARY WORKDIR
set -euo pipefail
BIN="$1"
WORK="$2"
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

openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj /CN=Memory-Test-CA \
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
  openssl s_server -accept "127.0.0.1:$p" -cert srv.pem -key srv.key -Verify 1 -CAfile ca.pem \
    -tls1_2 -www -naccept 4 >server.log 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do
    if grep -q ACCEPT server.log 2>/dev/null; then PORT=$p; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$PORT" ]] && break
  kill "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
done
[[ -n "$PORT" ]] || { echo "could not start openssl s_server"; exit 1; }

# Budgets in bytes: peak stack of a handshake, and context + buffers.
timeout 60 "$BIN" "$PORT" ca.der dev.der dev.key 0 18432 48128
timeout 60 "$BIN" "$PORT" ca.der dev.der dev.key 512 18432 16384
echo "memory_test: 2 configurations measured"
