# shellcheck shell=bash
# Sourced by scripts/perf-table and scripts/insn-tls-server: the peer of the tls-full,
# tls-resumed and tls-full-ecdhe workloads (bench/insn/tls_workload.h), a native
#   openssl s_server -tls1_2 -Verify 1 -no_ticket -www
#     -cipher AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256 -groups X25519
# on 127.0.0.1 with the test material of bench/insn/tls/, on a free port. It requires a client
# certificate (-Verify 1) and, without tickets, resumes by session ID from its internal cache.
# The clients offer one suite each, so each workload gets the suite it asks for.
# tls-full-ecdsa gets a second server on its own port,
#   openssl s_server -tls1_2 -Verify 1 -no_ticket -www -cipher ECDHE-ECDSA-AES128-GCM-SHA256
#     -groups P-256
# with the all-P-256 material (server-ec.pem, ca-ec.pem): of P-256 only, since Petrel's client
# offers X25519 first and has no group setting.
# They stop by themselves after an hour at the latest (timeout), and at insn_tls_stop.
#
# Needs: $root. Provides: insn_tls_start LOGFILE (sets insn_tls_port, insn_tls_port_ecdsa,
# insn_tls_pid, insn_tls_pid_ecdsa; the second server logs to LOGFILE.ecdsa), insn_tls_stop.

# shellcheck disable=SC2034 # read by the scripts that source this file
insn_tls_port=""
insn_tls_pid=""
insn_tls_port_ecdsa=""
insn_tls_pid_ecdsa=""

insn_tls_start() {
  local log="$1" dir="${root:?}/bench/insn/tls" p _
  command -v openssl > /dev/null || { echo "insn-tls: no openssl command (apt-get install openssl)" >&2; return 1; }
  for _ in $(seq 1 20); do
    p=$(( 20000 + RANDOM % 30000 ))
    timeout 3600 openssl s_server -accept "127.0.0.1:$p" -tls1_2 \
      -cipher AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256 -groups X25519 \
      -cert "$dir/server.pem" -key "$dir/server.key" -Verify 1 -CAfile "$dir/ca.pem" \
      -no_ticket -www < /dev/null > "$log" 2>&1 &
    insn_tls_pid=$!
    for _ in $(seq 1 50); do
      if grep -q '^ACCEPT' "$log" 2> /dev/null; then
        insn_tls_port=$p
        break
      fi
      kill -0 "$insn_tls_pid" 2> /dev/null || break
      sleep 0.1
    done
    [[ -n "$insn_tls_port" ]] && break
    insn_tls_stop
  done
  [[ -n "$insn_tls_port" ]] || { echo "insn-tls: could not start openssl s_server (see $log)" >&2; return 1; }
  for _ in $(seq 1 20); do
    p=$(( 20000 + RANDOM % 30000 ))
    [[ "$p" == "$insn_tls_port" ]] && continue
    timeout 3600 openssl s_server -accept "127.0.0.1:$p" -tls1_2 \
      -cipher ECDHE-ECDSA-AES128-GCM-SHA256 -groups P-256 \
      -cert "$dir/server-ec.pem" -key "$dir/server-ec.key" -Verify 1 -CAfile "$dir/ca-ec.pem" \
      -no_ticket -www < /dev/null > "$log.ecdsa" 2>&1 &
    insn_tls_pid_ecdsa=$!
    for _ in $(seq 1 50); do
      if grep -q '^ACCEPT' "$log.ecdsa" 2> /dev/null; then
        insn_tls_port_ecdsa=$p
        return 0
      fi
      kill -0 "$insn_tls_pid_ecdsa" 2> /dev/null || break
      sleep 0.1
    done
    kill "$insn_tls_pid_ecdsa" 2> /dev/null || true
    wait "$insn_tls_pid_ecdsa" 2> /dev/null || true
    insn_tls_pid_ecdsa=""
  done
  echo "insn-tls: could not start the ECDSA openssl s_server (see $log.ecdsa)" >&2
  insn_tls_stop
  return 1
}

insn_tls_stop() {
  if [[ -n "$insn_tls_pid" ]]; then
    kill "$insn_tls_pid" 2> /dev/null || true
    wait "$insn_tls_pid" 2> /dev/null || true
  fi
  insn_tls_pid=""
  if [[ -n "$insn_tls_pid_ecdsa" ]]; then
    kill "$insn_tls_pid_ecdsa" 2> /dev/null || true
    wait "$insn_tls_pid_ecdsa" 2> /dev/null || true
  fi
  insn_tls_pid_ecdsa=""
  # shellcheck disable=SC2034 # read by the scripts that source this file
  insn_tls_port=""
  # shellcheck disable=SC2034
  insn_tls_port_ecdsa=""
  return 0
}
