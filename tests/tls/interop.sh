#!/usr/bin/env bash
# Interop of petrel s_client / petrel get with real TLS servers on 127.0.0.1: openssl s_server
# (TLS 1.2, client certificates required, -WWW and -HTTP for the profile fetch) and gnutls-serv
# (RC4 and TLS 1.0/1.1, which OpenSSL 3 no longer serves). The provisioning PKI is made with
# openssl at test time: a CA, an intermediate CA, server certificates (good, via the
# intermediate, expired, from a foreign CA), device certificates (direct, via the intermediate).
#
#   interop.sh PETREL full|quick [EMULATOR ARGS...]
#     full   every suite, EMS/EtM on and off, each max_fragment_length, resumption by session ID
#            and by ticket, intermediates on both sides, gnutls-serv legacy cases, the HTTP
#            fetch and its refusals, and the TLS refusals with their reasons
#     quick  a reduced set for qemu-user (cross builds): AES128-GCM and AES256-SHA with mutual
#            authentication, ticket resumption, one fetch, one refusal
# Every server runs under `timeout`, every client too; the servers are killed on exit.
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
for tool in openssl timeout; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done

HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/servers.sh" interop  # W, cleanup, free_port, listening, start_server

CASES=0
FAILURES=0
CLIENT_TIMEOUT=30
# The server's name. A static cross build's getaddrinfo cannot load NSS under qemu-user, so
# there the client connects to the address (the certificate carries IP:127.0.0.1 too).
HOST=localhost
if [ ${#EMU[@]} -gt 0 ]; then
  CLIENT_TIMEOUT=90
  HOST=127.0.0.1
fi
bad() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
petrel() { timeout "$CLIENT_TIMEOUT" "${EMU[@]}" "$PETREL" "$@"; }

# ---- the PKI ------------------------------------------------------------------------------------
q() { "$@" >/dev/null 2>&1 || { echo "setup failed: $*" >&2; exit 2; }; }
ext_server='subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth
keyUsage=critical,digitalSignature,keyEncipherment'
ext_client='extendedKeyUsage=clientAuth
keyUsage=critical,digitalSignature'
ext_ca='basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign'
printf '%s\n' "$ext_server" >server.ext
printf '%s\n' "$ext_client" >client.ext
printf '%s\n' "$ext_ca" >ca.ext
q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 \
  -subj "/O=Example Telecom/CN=Provisioning CA" -addext basicConstraints=critical,CA:TRUE \
  -addext keyUsage=critical,keyCertSign,cRLSign
q openssl req -x509 -newkey rsa:2048 -nodes -keyout foreign.key -out foreign-ca.pem -days 30 \
  -subj "/CN=Foreign CA"
for k in server device int; do q openssl genrsa -out "$k.key" 2048; done
issue() {  # issue NAME KEY SUBJECT EXTFILE CA CAKEY [openssl x509 args]
  local name=$1 key=$2 subj=$3 ext=$4 ca=$5 cakey=$6
  shift 6
  q openssl req -new -key "$key" -subj "$subj" -out "$name.csr"
  q openssl x509 -req -in "$name.csr" -CA "$ca" -CAkey "$cakey" -CAcreateserial -days 30 \
    -extfile "$ext" -out "$name.pem" "$@"
}
issue server server.key "/CN=localhost" server.ext ca.pem ca.key
issue device device.key "/CN=SEP001122334455" client.ext ca.pem ca.key
issue int int.key "/CN=Provisioning Intermediate" ca.ext ca.pem ca.key
issue server-int server.key "/CN=localhost" server.ext int.pem int.key
issue device-int device.key "/CN=SEP00AABBCCDDEE" client.ext int.pem int.key
issue server-foreign server.key "/CN=localhost" server.ext foreign-ca.pem foreign.key
# EC: a P-256 and a P-384 server key and a P-256 device key, under the RSA CA (ECDSA server
# certificates, an EC device certificate).
q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out server-ec.key
q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out server-ec384.key
q openssl ecparam -name prime256v1 -genkey -noout -out device-ec.key
issue server-ec server-ec.key "/CN=localhost" server.ext ca.pem ca.key
issue server-ec384 server-ec384.key "/CN=localhost" server.ext ca.pem ca.key
issue device-ec device-ec.key "/CN=SEP0000EC000256" client.ext ca.pem ca.key
# Expired: openssl ca can back-date.
mkdir -p newcerts && : >index.txt && echo 1000 >serial
cat >ca.cnf <<CNF
[ca]
default_ca = d
[d]
database = $W/index.txt
new_certs_dir = $W/newcerts
serial = $W/serial
default_md = sha256
policy = p
[p]
commonName = supplied
CNF
q openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -in server.csr -out server-expired.pem \
  -startdate 20200101000000Z -enddate 20200201000000Z -extfile server.ext -notext
# An OpenSSL configuration for a server without extended_master_secret (s_server has no flag).
cat >noems.cnf <<'CNF'
openssl_conf = oc
[oc]
ssl_conf = sc
[sc]
system_default = sd
[sd]
Options = -ExtendedMasterSecret
CNF
mkdir -p www
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<profile device="SEP001122334455">'
  for i in $(seq 1 400); do echo "  <line number=\"$i\" user=\"47$i\" auth=\"secret-$i\"/>"; done
  echo '</profile>'
} >www/profile.xml
head -c 300 www/profile.xml >www/small.xml
printf 'HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found' >www/404.http
printf 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly twenty bytes...' >www/short.http
printf 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n' >www/chunked.http
printf 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n' >www/badchunk.http
printf 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello' >www/twolengths.http

# ---- servers ------------------------------------------------------------------------------------
S_SERVER=(openssl s_server -accept)
AUTH=(-Verify 1 -CAfile "$W/ca.pem" -cert "$W/server.pem" -key "$W/server.key")
MUTUAL=(-CAfile ca.pem -cert device.pem -key device.key)
MUTUAL_EC=(-CAfile ca.pem -cert device-ec.pem -key device-ec.key)
AUTH_EC=(-Verify 1 -CAfile "$W/ca.pem" -cert "$W/server-ec.pem" -key "$W/server-ec.key")

PORT=$(free_port); P_MAIN=$PORT
start_server main "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}"
PORT=$(free_port); P_WWW=$PORT
start_server www "$W/www" "${S_SERVER[@]}" "127.0.0.1:$PORT" -WWW "${AUTH[@]}"

# expect_ok NAME LOGFILE PATTERN... : the last petrel run succeeded and its stderr has them all.
RC=0
run() { local log=$1; shift; petrel "$@" >"$log.out" 2>"$log.err" </dev/null; RC=$?; }
run_in() { local log=$1 input=$2; shift 2; petrel "$@" >"$log.out" 2>"$log.err" <"$input"; RC=$?; }
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
}
expect_fail() {
  local name=$1 log=$2 p
  shift 2
  CASES=$((CASES + 1))
  if [ "$RC" -eq 0 ]; then
    bad "$name: succeeded, should have failed"
    return
  fi
  for p in "$@"; do
    grep -qF -- "$p" "$log.err" || { bad "$name: no '$p' in: $(tr '\n' '|' <"$log.err")"; return; }
  done
}
in_log() {  # in_log NAME SERVER PATTERN: the server's log shows PATTERN (waits up to 3 s)
  local i
  CASES=$((CASES + 1))
  for ((i = 0; i < 30; i++)); do
    grep -qF -- "$3" "$W/$2.log" && return 0
    sleep 0.1
  done
  bad "$1: server $2 did not log '$3'"
}

# ---- TLS 1.2 with openssl s_server, mutual authentication ---------------------------------------
if [ "$LEVEL" = full ]; then
  SUITES=(AES256-GCM-SHA384 AES128-GCM-SHA256 AES256-SHA256 AES128-SHA256 AES256-SHA AES128-SHA
          ECDHE-RSA-CHACHA20-POLY1305 ECDHE-RSA-AES128-GCM-SHA256 ECDHE-RSA-AES256-GCM-SHA384
          ECDHE-RSA-AES128-SHA256 ECDHE-RSA-AES256-SHA384 ECDHE-RSA-AES128-SHA ECDHE-RSA-AES256-SHA)
else
  SUITES=(AES128-GCM-SHA256 AES256-SHA ECDHE-RSA-CHACHA20-POLY1305)
fi
# The default offer: forward secrecy first, and with the default (constant-time) AES,
# ChaCha20-Poly1305 before AES-GCM.
echo "ping over the default offer" >ping-default
run_in suite-default ping-default s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}"
expect_ok "default offer" suite-default "New, TLSv1.2, Cipher is ECDHE-RSA-CHACHA20-POLY1305"
in_log "default offer: data reached the server" main "ping over the default offer"

for s in "${SUITES[@]}"; do
  echo "ping over $s" >"ping-$s"
  run_in "suite-$s" "ping-$s" s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -cipher "$s"
  expect_ok "suite $s" "suite-$s" "New, TLSv1.2, Cipher is $s" "Verification: OK" \
    "Client certificate: requested, sent" "Extended master secret: yes"
  in_log "suite $s: data reached the server" main "ping over $s"
done

# A server of ECDHE-RSA-AES256-SHA384 only (RFC 5289: HMAC-SHA384 MAC-then-encrypt CBC records,
# PRF SHA-384), reached by the default offer, without and (full) with encrypt_then_mac; the
# server's log shows the data and the suite.
CASES=$((CASES + 1))
petrel s_client -help 2>&1 | grep -qw -- ECDHE-RSA-AES256-SHA384 ||
  bad "s_client -help does not list ECDHE-RSA-AES256-SHA384"
PORT=$(free_port); P_CBC384=$PORT
start_server cbc384 "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}" -tls1_2 \
  -cipher ECDHE-RSA-AES256-SHA384
echo "ping over HMAC-SHA384 records" >ping-cbc384
run_in cbc384 ping-cbc384 s_client -connect "$HOST:$P_CBC384" "${MUTUAL[@]}" -no_etm
expect_ok "SHA-384 CBC server, default offer, MAC-then-encrypt" cbc384 \
  "New, TLSv1.2, Cipher is ECDHE-RSA-AES256-SHA384" "Encrypt-then-MAC: no" \
  "Client certificate: requested, sent"
in_log "SHA-384 CBC: data reached the server" cbc384 "ping over HMAC-SHA384 records"
in_log "SHA-384 CBC: the server's suite" cbc384 "ECDHE-RSA-AES256-SHA384"
if [ "$LEVEL" = full ]; then
  run cbc384-etm s_client -connect "$HOST:$P_CBC384" "${MUTUAL[@]}"
  expect_ok "SHA-384 CBC server, encrypt_then_mac" cbc384-etm \
    "Cipher is ECDHE-RSA-AES256-SHA384" "Encrypt-then-MAC: yes"
  run cbc384-get get "https://$HOST:$P_WWW/profile.xml" "${MUTUAL[@]}" -no_etm \
    -cipher ECDHE-RSA-AES256-SHA384 -o cbc384.xml
  expect_ok "get over ECDHE-RSA-AES256-SHA384" cbc384-get "Cipher is ECDHE-RSA-AES256-SHA384"
  CASES=$((CASES + 1))
  cmp -s cbc384.xml www/profile.xml || bad "get over ECDHE-RSA-AES256-SHA384: the profile differs"
fi

if [ "$LEVEL" = full ]; then
  # Servers of ECDHE only (the usual "intermediate" configuration): on X25519 and on P-256.
  PORT=$(free_port); P_X25519=$PORT
  start_server x25519 "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}" -tls1_2 -groups X25519 \
    -cipher ECDHE
  run ecdhe-x25519 s_client -connect "$HOST:$P_X25519" "${MUTUAL[@]}"
  expect_ok "ECDHE-only server on X25519" ecdhe-x25519 "Cipher is ECDHE-RSA-CHACHA20-POLY1305" \
    "Client certificate: requested, sent"
  PORT=$(free_port); P_P256=$PORT
  start_server p256 "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}" -tls1_2 -groups P-256 \
    -cipher ECDHE
  run ecdhe-p256 s_client -connect "$HOST:$P_P256" "${MUTUAL[@]}"
  expect_ok "ECDHE-only server on P-256" ecdhe-p256 "Cipher is ECDHE-RSA-CHACHA20-POLY1305" \
    "Client certificate: requested, sent"
  in_log "ECDHE-only server on P-256: P-256 was the group" p256 "Shared groups: secp256r1"
  run ecdhe-p256-ecdev s_client -connect "$HOST:$P_P256" "${MUTUAL_EC[@]}" -cipher ECDHE-RSA-AES128-GCM-SHA256
  expect_ok "P-256 device certificate, RSA server" ecdhe-p256-ecdev "Cipher is ECDHE-RSA-AES128-GCM-SHA256" \
    "Client certificate: requested, sent"
  in_log "the RSA server verified the P-256 device certificate" p256 "CN = SEP0000EC000256"

  # EtM on CBC suites, and off with -no_etm; never on AEAD.
  run etm s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -cipher AES128-SHA256
  expect_ok "EtM negotiated" etm "Encrypt-then-MAC: yes"
  run noetm s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -cipher AES128-SHA -no_etm
  expect_ok "-no_etm" noetm "Encrypt-then-MAC: no"
  # max_fragment_length: negotiated, and 20 KB of data cut into records that small.
  head -c 20000 /dev/urandom | od -An -tx1 -v | tr -d ' \n' | head -c 20000 >bulk.txt
  echo >>bulk.txt
  for n in 512 1024 2048 4096; do
    run_in "mfl-$n" bulk.txt s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -maxfraglen "$n" \
      -cipher AES256-SHA256
    expect_ok "maxfraglen $n" "mfl-$n" "Max fragment length: $n"
    in_log "maxfraglen $n: 20 KB reached the server" main "$(tail -c 41 bulk.txt | head -c 40)"
    run "get-mfl-$n" get "https://$HOST:$P_WWW/profile.xml" "${MUTUAL[@]}" -maxfraglen "$n" \
      -o "mfl-$n.xml"
    expect_ok "get with maxfraglen $n" "get-mfl-$n" "Max fragment length: $n"
    cmp -s "mfl-$n.xml" www/profile.xml || bad "get with maxfraglen $n: the profile differs"
  done
  # A server without extended_master_secret: accepted by default, refused with -require_ems.
  PORT=$(free_port); P_NOEMS=$PORT
  OPENSSL_CONF=$W/noems.cnf start_server noems "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}"
  run noems s_client -connect "$HOST:$P_NOEMS" "${MUTUAL[@]}"
  expect_ok "server without EMS" noems "Extended master secret: no"
  run reqems s_client -connect "$HOST:$P_NOEMS" "${MUTUAL[@]}" -require_ems
  expect_fail "-require_ems against a server without EMS" reqems "ems_required"
  # An intermediate sent by the server, and one sent by the client (the server trusts the root).
  PORT=$(free_port); P_INT=$PORT
  start_server int "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" -Verify 2 -CAfile "$W/ca.pem" \
    -cert "$W/server-int.pem" -key "$W/server.key" -cert_chain "$W/int.pem"
  run int-server s_client -connect "$HOST:$P_INT" "${MUTUAL[@]}"
  expect_ok "intermediate sent by the server" int-server "Verification: OK"
  run int-client s_client -connect "$HOST:$P_INT" -CAfile ca.pem -cert device-int.pem \
    -key device.key -cert_chain int.pem
  expect_ok "intermediate sent by the client" int-client "Client certificate: requested, sent"
  in_log "the server verified the client's intermediate" int "CN = SEP00AABBCCDDEE"
fi

# ---- ECDHE-ECDSA: ECDSA server certificates (P-256, P-384), P-256 and X25519 --------------------
# openssl s_server -tls1_2 with only ECDHE suites and an ECDSA certificate, one server per group;
# RSA and P-256 device certificates (client certificates required).
PORT=$(free_port); P_ECP256=$PORT
start_server ec_p256 "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH_EC[@]}" -tls1_2 -groups P-256 \
  -cipher ECDHE
if [ "$LEVEL" = full ]; then
  EC_SUITES=(ECDHE-ECDSA-CHACHA20-POLY1305 ECDHE-ECDSA-AES128-GCM-SHA256 ECDHE-ECDSA-AES256-GCM-SHA384
             ECDHE-ECDSA-AES256-SHA384 ECDHE-ECDSA-AES128-SHA ECDHE-ECDSA-AES256-SHA)
else
  EC_SUITES=(ECDHE-ECDSA-AES128-GCM-SHA256)
fi
for s in "${EC_SUITES[@]}"; do
  for dev in rsa ec; do
    creds=("${MUTUAL[@]}")
    [ "$dev" = ec ] && creds=("${MUTUAL_EC[@]}")
    echo "ping over $s with the $dev device" >"ping-ec-$s-$dev"
    run_in "ecsuite-$s-$dev" "ping-ec-$s-$dev" s_client -connect "$HOST:$P_ECP256" "${creds[@]}" -cipher "$s"
    expect_ok "ECDSA server, P-256, $s, $dev device" "ecsuite-$s-$dev" "New, TLSv1.2, Cipher is $s" \
      "Verification: OK" "Client certificate: requested, sent"
    in_log "$s ($dev device): data reached the server" ec_p256 "ping over $s with the $dev device"
  done
done
in_log "ECDSA server: the group was P-256" ec_p256 "Shared groups: secp256r1"
run ec-default s_client -connect "$HOST:$P_ECP256" "${MUTUAL_EC[@]}"
expect_ok "ECDSA server, default offer" ec-default "Cipher is ECDHE-ECDSA-"
if [ "$LEVEL" = full ]; then
  PORT=$(free_port); P_ECX=$PORT
  start_server ec_x25519 "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH_EC[@]}" -tls1_2 -groups X25519 \
    -cipher ECDHE
  # (RSA device: OpenSSL refuses an ECDSA client certificate on a curve outside its -groups.)
  run ec-x25519 s_client -connect "$HOST:$P_ECX" "${MUTUAL[@]}" -cipher ECDHE-ECDSA-CHACHA20-POLY1305
  expect_ok "ECDSA server on X25519" ec-x25519 "Cipher is ECDHE-ECDSA-CHACHA20-POLY1305" \
    "Client certificate: requested, sent"
  # A P-384 server key signing with ecdsa_secp384r1_sha384.
  PORT=$(free_port); P_EC384=$PORT
  start_server ec_p384 "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" -Verify 1 -CAfile "$W/ca.pem" \
    -cert "$W/server-ec384.pem" -key "$W/server-ec384.key" -tls1_2 -cipher ECDHE \
    -sigalgs ECDSA+SHA384
  run ec-p384 s_client -connect "$HOST:$P_EC384" "${MUTUAL_EC[@]}"
  expect_ok "P-384 ECDSA server (ecdsa_secp384r1_sha384)" ec-p384 "Cipher is ECDHE-ECDSA-" \
    "Verification: OK" "Client certificate: requested, sent"
  in_log "P-384 server: ECDHE on X25519" ec_p384 "Shared groups: x25519"
  # ECDHE over P-384 when the server allows only that group.
  PORT=$(free_port); P_EC384G=$PORT
  start_server ec_p384g "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" -Verify 1 -CAfile "$W/ca.pem" \
    -cert "$W/server-ec384.pem" -key "$W/server-ec384.key" -tls1_2 -cipher ECDHE -groups P-384
  run ec-p384g s_client -connect "$HOST:$P_EC384G" "${MUTUAL[@]}"
  expect_ok "ECDHE over P-384" ec-p384g "Cipher is ECDHE-ECDSA-" "Client certificate: requested, sent"
  in_log "ECDHE over P-384: the group" ec_p384g "Shared groups: secp384r1"
  # Refusals: ECDSA suites only against an RSA server; RSA suites only against an ECDSA one.
  run ec-vs-rsa s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -cipher ECDHE-ECDSA-AES128-GCM-SHA256
  expect_fail "ECDSA suites only, RSA server" ec-vs-rsa "handshake_failure"
  run rsa-vs-ec s_client -connect "$HOST:$P_ECP256" "${MUTUAL[@]}" -cipher ECDHE-RSA-AES128-GCM-SHA256
  expect_fail "RSA suites only, ECDSA server" rsa-vs-ec "handshake_failure"
fi
# petrel get with the P-256 device key.
PORT=$(free_port); P_ECWWW=$PORT
start_server ec_www "$W/www" "${S_SERVER[@]}" "127.0.0.1:$PORT" -WWW "${AUTH_EC[@]}" -tls1_2 -cipher ECDHE
run ec-get get "https://$HOST:$P_ECWWW/profile.xml" "${MUTUAL_EC[@]}" -o ec-profile.xml
expect_ok "get over ECDHE-ECDSA with a P-256 device key" ec-get
cmp -s ec-profile.xml www/profile.xml || bad "get over ECDHE-ECDSA: the profile differs"

# ---- resumption ---------------------------------------------------------------------------------
# By ticket (the main server issues tickets), and by session ID (a server with -no_ticket).
run tk1 s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -sess_out tk.sess
expect_ok "ticket: first handshake" tk1 "Resumed: no"
CASES=$((CASES + 1))
[ "$(stat -c %a tk.sess 2>/dev/null)" = 600 ] || bad "-sess_out file mode is not 0600"
run tk2 s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -sess_in tk.sess
expect_ok "ticket: resumed" tk2 "Reused, TLSv1.2" "Resumed: yes" "0 RSA private-key operation"
in_log "ticket: the server reports the reuse" main "Reused session-id"
if [ "$LEVEL" = full ]; then
  PORT=$(free_port); P_NOTK=$PORT
  start_server noticket "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}" -no_ticket
  run id1 s_client -connect "$HOST:$P_NOTK" "${MUTUAL[@]}" -sess_out id.sess -no_ticket
  expect_ok "session ID: first handshake" id1 "Resumed: no"
  run id2 s_client -connect "$HOST:$P_NOTK" "${MUTUAL[@]}" -sess_in id.sess -no_ticket
  expect_ok "session ID: resumed" id2 "Reused, TLSv1.2" "Resumed: yes"
  in_log "session ID: the server reports the reuse" noticket "Reused session-id"
  # A session is only offered to the server it came from.
  run idx s_client -connect "127.0.0.1:$P_NOTK" "${MUTUAL[@]}" -sess_in id.sess -no_ticket
  expect_ok "session for another name not resumed" idx "Resumed: no"
fi

# ---- the profile fetch --------------------------------------------------------------------------
run get get "https://$HOST:$P_WWW/profile.xml" "${MUTUAL[@]}" -o fetched.xml
expect_ok "get profile.xml" get "Client certificate: requested, sent" "HTTP 200"
CASES=$((CASES + 1))
cmp -s fetched.xml www/profile.xml || bad "get: the fetched profile differs from the served one"
if [ "$LEVEL" = full ]; then
  run get-stdout get "https://$HOST:$P_WWW/small.xml" "${MUTUAL[@]}"
  CASES=$((CASES + 1))
  cmp -s get-stdout.out www/small.xml || bad "get to stdout differs"
  # Refused responses (served raw by s_server -HTTP): each fails and leaves the old file alone.
  PORT=$(free_port); P_HTTP=$PORT
  start_server http "$W/www" "${S_SERVER[@]}" "127.0.0.1:$PORT" -HTTP "${AUTH[@]}"
  run chunked get "https://$HOST:$P_HTTP/chunked.http" "${MUTUAL[@]}"
  expect_ok "chunked body" chunked "HTTP 200"
  CASES=$((CASES + 1))
  [ "$(cat chunked.out)" = hello ] || bad "chunked body: got '$(cat chunked.out)'"
  cp www/small.xml previous.xml
  check_refused() {  # NAME PATH REASON [ARGS...]
    local name=$1 path=$2 reason=$3
    shift 3
    run "$name" get "https://$HOST:$P_HTTP/$path" "${MUTUAL[@]}" -o previous.xml "$@"
    expect_fail "get $path $*" "$name" "$reason"
    CASES=$((CASES + 1))
    cmp -s previous.xml www/small.xml || bad "get $path: the previous file was touched"
    ls previous.xml.tmp.* >/dev/null 2>&1 && bad "get $path: a temporary file was left behind"
  }
  check_refused g404 404.http "the server answered 404 Not Found"
  check_refused gshort short.http "truncated body: 20 of 100 bytes"
  check_refused gbadchunk badchunk.http "bad chunk size '-5'"
  check_refused gtwo twolengths.http "conflicting Content-Length values (5 and 7)"
  check_refused gtls profile.xml "hostname_mismatch" -servername wrong.example.net
fi

# ---- refusals -----------------------------------------------------------------------------------
PORT=$(free_port); P_FOREIGN=$PORT
start_server foreign "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" -Verify 1 -CAfile "$W/ca.pem" \
  -cert "$W/server-foreign.pem" -key "$W/server.key"
echo "secret-request" >secret.txt
run_in foreign secret.txt s_client -connect "$HOST:$P_FOREIGN" "${MUTUAL[@]}"
expect_fail "server certificate from a foreign CA" foreign "unknown_issuer" "depth 0"
CASES=$((CASES + 1))
grep -q "secret-request" "$W/foreign.log" && bad "data was sent to a server that failed verification"
if [ "$LEVEL" = full ]; then
  PORT=$(free_port); P_EXP=$PORT
  start_server expired "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" -Verify 1 -CAfile "$W/ca.pem" \
    -cert "$W/server-expired.pem" -key "$W/server.key"
  run expired s_client -connect "$HOST:$P_EXP" "${MUTUAL[@]}"
  expect_fail "expired server certificate" expired "expired"
  run name s_client -connect "$HOST:$P_MAIN" "${MUTUAL[@]}" -verify_hostname prov.example.net
  expect_fail "host name mismatch" name "hostname_mismatch"
  run nocert s_client -connect "$HOST:$P_MAIN" -CAfile ca.pem
  expect_fail "client certificate required, none configured" nocert \
    "client certificate" "handshake_failure"
  run notrust s_client -connect "$HOST:$P_MAIN" -cert device.pem -key device.key
  expect_fail "no -CAfile" notrust "no trust store (-CAfile) given"
  run noverify s_client -connect "$HOST:$P_FOREIGN" -noverify "${MUTUAL[@]}"
  expect_ok "-noverify (diagnostics) connects, loudly" noverify "WARNING: -noverify" \
    "Verification: NOT DONE"
  # A server of another version only (TLS 1.1, which Petrel offers only with -tls1_1).
  PORT=$(free_port); P_V11=$PORT
  start_server tls11 "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}" -tls1_1 \
    -cipher 'DEFAULT:@SECLEVEL=0'
  run tls11 s_client -connect "$HOST:$P_V11" "${MUTUAL[@]}"
  expect_fail "server of TLS 1.1 only, client TLS 1.2 only" tls11 "protocol_version"
  # Renegotiation: 'R' on s_server's stdin sends a HelloRequest; Petrel refuses it.
  PORT=$(free_port); P_RENEG=$PORT
  start_server reneg "$W" "${S_SERVER[@]}" "127.0.0.1:$PORT" "${AUTH[@]}"
  mkfifo reneg-client.in
  (petrel s_client -connect "$HOST:$P_RENEG" "${MUTUAL[@]}" <reneg-client.in \
     >reneg.out 2>reneg.err; echo $? >reneg.rc) &
  exec {cfd}>reneg-client.in
  for ((i = 0; i < 100; i++)); do grep -q "Cipher is" reneg.err 2>/dev/null && break; sleep 0.1; done
  eval "echo R >&\$SRV_FD_reneg"
  for ((i = 0; i < 100; i++)); do [ -s reneg.rc ] && break; sleep 0.1; done
  exec {cfd}>&-
  wait $! 2>/dev/null
  RC=$(cat reneg.rc 2>/dev/null || echo 0)
  expect_fail "renegotiation refused" reneg "asked to renegotiate"
fi

# ---- gnutls-serv: RC4 and TLS 1.0/1.1 -----------------------------------------------------------
if [ "$LEVEL" = full ] && command -v gnutls-serv >/dev/null; then
  GNUTLS=(gnutls-serv --require-client-cert --verify-client-cert --x509cafile "$W/ca.pem"
          --x509certfile "$W/server.pem" --x509keyfile "$W/server.key")
  PORT=$(free_port); P_GNU=$PORT
  start_server gnutls "$W" "${GNUTLS[@]}" -p "$PORT" \
    --priority 'NORMAL:+ARCFOUR-128:+MD5:+SHA384:+RSA:+VERS-TLS1.0:+VERS-TLS1.1'
  for c in RC4-SHA RC4-MD5; do
    run "gnu-$c" s_client -connect "$HOST:$P_GNU" "${MUTUAL[@]}" -cipher "$c"
    expect_ok "gnutls $c" "gnu-$c" "Cipher is $c" "WARNING: $c is weak and legacy" \
      "Client certificate: requested, sent"
  done
  for v in tls1:TLSv1:AES128-SHA tls1:TLSv1:AES256-SHA tls1_1:TLSv1.1:AES128-SHA tls1_1:TLSv1.1:AES256-SHA; do
    IFS=: read -r flag name suite <<<"$v"
    run "gnu-$flag-$suite" s_client -connect "$HOST:$P_GNU" "${MUTUAL[@]}" "-$flag" -cipher "$suite"
    expect_ok "gnutls $name $suite" "gnu-$flag-$suite" "New, $name, Cipher is $suite"
  done
  run gnu-noems s_client -connect "$HOST:$P_GNU" "${MUTUAL[@]}" -cipher AES128-SHA -no_etm
  expect_ok "gnutls TLS 1.2 CBC without EtM" gnu-noems "Encrypt-then-MAC: no"
  # ECDHE with gnutls: X25519 and ChaCha20-Poly1305, and ECDHE in TLS 1.0.
  # ECDHE-RSA-AES256-SHA384 (HMAC-SHA384 CBC records; gnutls-serv offers it with +SHA384).
  for v in tls1_2:TLSv1.2:ECDHE-RSA-CHACHA20-POLY1305 tls1_2:TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384 \
           tls1_2:TLSv1.2:ECDHE-RSA-AES256-SHA384 tls1:TLSv1:ECDHE-RSA-AES128-SHA; do
    IFS=: read -r flag name suite <<<"$v"
    run "gnu-$flag-$suite" s_client -connect "$HOST:$P_GNU" "${MUTUAL[@]}" "-$flag" -cipher "$suite"
    expect_ok "gnutls $name $suite" "gnu-$flag-$suite" "New, $name, Cipher is $suite"
  done
  # ECDHE-ECDSA with gnutls: ChaCha20-Poly1305 and AES-GCM, an ECDSA certificate, P-256 and
  # X25519, RSA and P-256 device certificates.
  PORT=$(free_port); P_GNUEC=$PORT
  start_server gnutls_ec "$W" gnutls-serv --require-client-cert --verify-client-cert \
    --x509cafile "$W/ca.pem" --x509certfile "$W/server-ec.pem" --x509keyfile "$W/server-ec.key" \
    -p "$PORT" --priority 'NORMAL:-KX-ALL:+ECDHE-ECDSA:-VERS-ALL:+VERS-TLS1.2:+SHA384'
  for suite in ECDHE-ECDSA-CHACHA20-POLY1305 ECDHE-ECDSA-AES256-GCM-SHA384 ECDHE-ECDSA-AES128-SHA \
               ECDHE-ECDSA-AES256-SHA384; do
    run "gnu-ec-$suite" s_client -connect "$HOST:$P_GNUEC" "${MUTUAL_EC[@]}" -cipher "$suite"
    expect_ok "gnutls ECDSA $suite (P-256 device)" "gnu-ec-$suite" "New, TLSv1.2, Cipher is $suite" \
      "Client certificate: requested, sent"
  done
  run gnu-ec-rsadev s_client -connect "$HOST:$P_GNUEC" "${MUTUAL[@]}" -cipher ECDHE-ECDSA-CHACHA20-POLY1305
  expect_ok "gnutls ECDSA ChaCha20 (RSA device)" gnu-ec-rsadev "Cipher is ECDHE-ECDSA-CHACHA20-POLY1305"
  # A server of RC4 only, and a client that does not offer it.
  PORT=$(free_port); P_GRC4=$PORT
  start_server gnutls_rc4 "$W" "${GNUTLS[@]}" -p "$PORT" \
    --priority 'NONE:+VERS-TLS1.2:+ARCFOUR-128:+RSA:+SHA1:+MD5:+COMP-NULL:+SIGN-ALL'
  run gnu-rc4only s_client -connect "$HOST:$P_GRC4" "${MUTUAL[@]}"
  expect_fail "server of RC4 only, client without RC4" gnu-rc4only "handshake_failure"
fi

echo "tls interop ($LEVEL): $CASES cases, $FAILURES failures"
[ "$CASES" -gt 0 ] && [ "$FAILURES" -eq 0 ]
