#!/usr/bin/env bash
# `petrel s_client` and `petrel get` against servers that misbehave, all on 127.0.0.1:
# tests/tls/hostile_server.py (a scripted raw-socket server, alone or as a relay in front of a
# real openssl s_server) and openssl s_server -HTTP serving raw responses written here.
#
#   hostile.sh PETREL full|quick [EMULATOR ARGS...]
#     full   every case below (host presets)
#     quick  a few of them with the client under qemu-user (cross presets)
#
# Every failure case must exit non-zero with a message naming the problem, within a bounded
# wall time, and a `get -o FILE` must leave FILE as it was and no temporary file beside it.
set -u
export LC_ALL=C

if [ $# -lt 2 ]; then
  echo "usage: $0 PETREL full|quick [EMULATOR ARGS...]" >&2
  exit 2
fi
PETREL=$1
LEVEL=$2
shift 2
EMU=("$@")
case "$PETREL" in /*) ;; *) PETREL=$PWD/$PETREL ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
for tool in openssl timeout "$PY"; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done

SERVER_TIMEOUT=300
. "$HERE/servers.sh" hostile  # W, cleanup, free_port, listening, start_server

CASES=0
FAILURES=0
# Seconds a client may take on top of its -timeout before the case fails as unbounded: native,
# or under qemu-user (whose RSA-2048 signature alone takes a second or two).
SLACK=4
HOST=localhost
if [ ${#EMU[@]} -gt 0 ]; then
  SLACK=20
  HOST=127.0.0.1  # a static cross build's getaddrinfo cannot load NSS under qemu-user
fi
bad() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }

# ---- the PKI and the served files ---------------------------------------------------------------
q() { "$@" >/dev/null 2>&1 || { echo "setup failed: $*" >&2; exit 2; }; }
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
printf 'extendedKeyUsage=clientAuth\n' >client.ext
q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
  -subj "/CN=Hostile Test CA" -addext basicConstraints=critical,CA:TRUE \
  -addext keyUsage=critical,keyCertSign
for k in server device; do
  q openssl req -newkey rsa:2048 -nodes -keyout "$k.key" -out "$k.csr" -subj "/CN=$k"
done
q openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
  -extfile server.ext -out server.pem
q openssl x509 -req -in device.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
  -extfile client.ext -out device.pem
MUTUAL=(-CAfile ca.pem -cert device.pem -key device.key)

mkdir -p www
# A profile of about 200 KB: many application-data records, so a relay can cut it in the middle.
for i in $(seq 1 4000); do echo "  <line number=\"$i\" user=\"47$i\" auth=\"secret-$i\"/>"; done >www/profile.xml
crlf() { printf '%s\r\n' "$@"; }
{ crlf 'HTTP/1.1 200 OK' 'Content-Length: 100' ''; printf 'only twenty bytes...'; } >www/cl_long.http
{ crlf 'HTTP/1.1 200 OK' 'Content-Length: 5' ''; printf 'hello, and more than announced'; } >www/cl_short.http
{ crlf 'HTTP/1.1 200 OK' 'Transfer-Encoding: chunked' '' 'zz' 'hello' '0' ''; } >www/chunk_nonhex.http
{ crlf 'HTTP/1.1 200 OK' 'Transfer-Encoding: chunked' '' 'fffffffffffffffffffff' 'hello' '0' ''; } >www/chunk_overflow.http
{ crlf 'HTTP/1.1 200 OK' 'Transfer-Encoding: chunked' '' '5'; printf 'helloXY'; crlf '0' ''; } >www/chunk_nocrlf.http
{ crlf 'HTTP/1.1 200 OK' 'Transfer-Encoding: chunked' '' '5' 'hello'; } >www/chunk_nolast.http
{ crlf 'HTTP/1.1 200 OK' "X-Huge: $(head -c 20000 /dev/zero | tr '\0' a)" 'Content-Length: 5' ''; printf hello; } >www/huge_header.http
{ crlf 'HTTP/1.1 200 OK'; for i in $(seq 1 3000); do crlf "X-$i: v"; done; crlf 'Content-Length: 5' ''; printf hello; } >www/many_headers.http
{ crlf 'HTTP/1.1 200 OK'; for i in $(seq 1 300); do crlf "X-$i: v"; done; crlf 'Content-Length: 5' ''; printf hello; } >www/some_headers.http
echo "the previous profile" >previous.orig

# ---- servers ------------------------------------------------------------------------------------
# start_s_server NAME DIR ARGS...: openssl s_server on a free port ($PORT), requiring a client
# certificate (tests/tls/servers.sh start_server).
start_s_server() {
  local name=$1 dir=$2
  shift 2
  PORT=$(free_port)
  start_server "$name" "$dir" openssl s_server -accept "127.0.0.1:$PORT" -tls1_2 -Verify 1 \
    -CAfile "$W/ca.pem" -cert "$W/server.pem" -key "$W/server.key" -quiet "$@"
}
start_s_server www "$W/www" -WWW
P_WWW=$PORT
start_s_server http "$W/www" -HTTP
P_HTTP=$PORT

RAW_SCENARIOS=(silent close garbage sslv2 huge_record alert drip)
RELAY_SCENARIOS=(split1 cut_handshake alert_mid ccs_early hello_twice cut_body stall_body)
"$PY" "$HERE/hostile_server.py" "$W/ports" 280 --upstream "$P_WWW" \
  "${RAW_SCENARIOS[@]}" "${RELAY_SCENARIOS[@]}" 2>"$W/hostile.log" &
PIDS+=($!)
for ((i = 0; i < 100; i++)); do
  [ -f "$W/ports" ] && break
  sleep 0.1
done
[ -f "$W/ports" ] || { echo "hostile_server.py did not start:" >&2; cat "$W/hostile.log" >&2; exit 2; }
port_of() { awk -v n="$1" '$1 == n { print $2 }' "$W/ports"; }

# ---- running the client -------------------------------------------------------------------------
# run NAME TIMEOUT ARGS...: petrel ARGS with -timeout TIMEOUT; RC, SECS; output in NAME.out/.err.
RC=0
SECS=0
LIMIT=0
run() {
  local log=$1 t=$2 start end
  shift 2
  LIMIT=$((t + SLACK))
  start=$(date +%s%N)
  timeout $((LIMIT + 30)) "${EMU[@]}" "$PETREL" "$@" -timeout "$t" >"$log.out" 2>"$log.err" </dev/null
  RC=$?
  end=$(date +%s%N)
  SECS=$(( (end - start) / 1000000 ))
}
# expect_fail NAME LOG PATTERN...: non-zero exit (not killed by timeout(1)), within LIMIT
# seconds, and stderr has every PATTERN.
expect_fail() {
  local name=$1 log=$2 p
  shift 2
  CASES=$((CASES + 1))
  if [ "$RC" -eq 0 ]; then
    bad "$name: succeeded, should have failed"
    return
  fi
  if [ "$RC" -eq 124 ] || [ "$RC" -ge 128 ]; then
    bad "$name: killed or crashed (exit $RC): $(tr '\n' '|' <"$log.err")"
    return
  fi
  if [ "$SECS" -gt $((LIMIT * 1000)) ]; then
    bad "$name: took $SECS ms, more than ${LIMIT} s"
  fi
  for p in "$@"; do
    grep -qF -- "$p" "$log.err" || { bad "$name: no '$p' in: $(tr '\n' '|' <"$log.err")"; return; }
  done
  echo "ok: $name: exit $RC in $SECS ms: $(grep -v '^$' "$log.err" | tail -1)"
}
expect_ok() {
  local name=$1 log=$2 p
  shift 2
  CASES=$((CASES + 1))
  if [ "$RC" -ne 0 ]; then
    bad "$name: exit $RC: $(tr '\n' '|' <"$log.err")"
    return
  fi
  for p in "$@"; do
    grep -qF -- "$p" "$log.err" || { bad "$name: no '$p' in: $(tr '\n' '|' <"$log.err")"; return; }
  done
  echo "ok: $name: exit 0 in $SECS ms"
}
# get_refused NAME URL TIMEOUT PATTERN...: `get -o previous.xml` fails as expect_fail says and
# leaves previous.xml as it was, with no temporary file beside it.
get_refused() {
  local name=$1 url=$2 t=$3
  shift 3
  cp previous.orig previous.xml
  run "$name" "$t" get "$url" "${MUTUAL[@]}" -o previous.xml
  expect_fail "get $name" "$name" "$@"
  CASES=$((CASES + 1))
  cmp -s previous.xml previous.orig || bad "get $name: the previous file was touched"
  if ls previous.xml.tmp.* >/dev/null 2>&1; then
    bad "get $name: a temporary file was left behind"
    rm -f previous.xml.tmp.*
  fi
}
sclient_refused() {  # NAME SCENARIO TIMEOUT PATTERN...
  local name=$1 port
  port=$(port_of "$2")
  local t=$3
  shift 3
  run "$name" "$t" s_client -connect "127.0.0.1:$port" "${MUTUAL[@]}"
  expect_fail "s_client $name" "$name" "$@"
}
raw_url() { echo "https://$HOST:$(port_of "$1")/profile.xml"; }

# ---- raw scenarios: no TLS server behind --------------------------------------------------------
sclient_refused silent silent 2 "timed out after 2000 ms"
get_refused silent "$(raw_url silent)" 2 "timed out after 2000 ms"
sclient_refused huge_record huge_record 5 "record_overflow"
# One byte every 0.4 s: each wait is short, their sum is what -timeout bounds.
sclient_refused drip drip 2 "timed out: waited 2000 ms in all for the peer"
if [ "$LEVEL" = full ]; then
  sclient_refused close close 5 "the server closed the connection during the handshake"
  get_refused close "$(raw_url close)" 5 "the server closed the connection during the handshake"
  sclient_refused garbage garbage 5 "a record of an unknown content type (not TLS?)"
  sclient_refused sslv2 sslv2 5 "a record of an unknown content type (not TLS?)"
  sclient_refused alert alert 5 "alert" "handshake_failure"
  get_refused alert "$(raw_url alert)" 5 "handshake_failure"
fi

# ---- relays in front of openssl s_server -WWW ---------------------------------------------------
relay_url() { echo "https://$HOST:$(port_of "$1")/profile.xml"; }
# Every server handshake record split into 1-byte records: the handshake must still complete.
run split1 10 get "$(relay_url split1)" "${MUTUAL[@]}" -o split1.xml
expect_ok "get through 1-byte handshake records" split1 "HTTP 200"
CASES=$((CASES + 1))
cmp -s split1.xml www/profile.xml || bad "split1: the fetched profile differs from the served one"
CASES=$((CASES + 1))
sleep 0.2
split_line=$(grep "^split1:" "$W/hostile.log" | tail -1)
echo "    $split_line"
n_small=$(echo "$split_line" | awk '{print $8}')
[ "${n_small:-0}" -gt 1000 ] || bad "split1: the relay made only '${n_small:-none}' 1-byte records"

get_refused cut_body "$(relay_url cut_body)" 5 "ended without close_notify (TLS truncation)"
get_refused stall_body "$(relay_url stall_body)" 2 "timed out after 2000 ms"
if [ "$LEVEL" = full ]; then
  get_refused cut_handshake "$(relay_url cut_handshake)" 5 "the server closed the connection during the handshake"
  get_refused alert_mid "$(relay_url alert_mid)" 5 "unexpected_message"
  get_refused ccs_early "$(relay_url ccs_early)" 5 "unexpected_message"
  get_refused hello_twice "$(relay_url hello_twice)" 5 "unexpected_message"
fi

# ---- HTTP responses behind a real handshake (openssl s_server -HTTP) ----------------------------
http_url() { echo "https://$HOST:$P_HTTP/$1"; }
get_refused chunk_nonhex "$(http_url chunk_nonhex.http)" 5 "bad chunk size 'zz'"
if [ "$LEVEL" = full ]; then
  get_refused cl_long "$(http_url cl_long.http)" 5 "truncated body: 20 of 100 bytes"
  get_refused cl_short "$(http_url cl_short.http)" 5 "data after the end of the response"
  get_refused chunk_overflow "$(http_url chunk_overflow.http)" 5 "chunk size"
  get_refused chunk_nocrlf "$(http_url chunk_nocrlf.http)" 5 "CRLF"
  get_refused chunk_nolast "$(http_url chunk_nolast.http)" 5 "last chunk"
  get_refused huge_header "$(http_url huge_header.http)" 5 "16384"
  get_refused many_headers "$(http_url many_headers.http)" 5 "16384"
  run some_headers 5 get "$(http_url some_headers.http)" "${MUTUAL[@]}"
  expect_ok "get with 300 headers (within the limit)" some_headers "HTTP 200"
  CASES=$((CASES + 1))
  [ "$(cat some_headers.out)" = hello ] || bad "some_headers: body '$(cat some_headers.out)'"
fi

echo "tls hostile ($LEVEL): $CASES cases, $FAILURES failures"
[ "$CASES" -gt 0 ] && [ "$FAILURES" -eq 0 ]
