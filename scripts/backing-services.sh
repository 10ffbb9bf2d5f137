#!/usr/bin/env bash
# Throwaway backing services for tests and local runs, without Docker: a PostgreSQL cluster
# (trust auth, 127.0.0.1, free port) and moto_server (free port; through local/emulator.py).
#
#   eval "$(scripts/backing-services.sh start)"     # prints the variables the build reads
#   scripts/backing-services.sh stop [STATE_DIR]    # defaults to $PLATFORM_BACKING_DIR
#
# `stop` stops exactly what `start` started, by the PIDs it recorded, never by name.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

log() { printf '[backing-services] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_bin() {
  local name=$1 dir
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/$name" ]] && { echo "$dir/$name"; return; }
  done
  die "PostgreSQL server binaries not found ($name): apt-get install postgresql"
}

# initdb refuses root, so a root caller runs the cluster as the postgres user.
as_db_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local state=$1 port=$2 data="$1/pgdata"
  mkdir -p "$data"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$state"; fi
  as_db_owner "$(pg_bin initdb)" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$state/initdb.log" 2>&1 || die "initdb failed: see $state/initdb.log"
  as_db_owner "$(pg_bin pg_ctl)" -D "$data" -l "$state/postgres.log" -w -t 30 \
    -o "-p $port -k $state -c listen_addresses=127.0.0.1" start >/dev/null \
    || die "PostgreSQL did not start: see $state/postgres.log"
  head -n 1 "$data/postmaster.pid" >"$state/postgres.pid"
}

start_moto() {
  local state=$1 port=$2 i
  command -v moto_server >/dev/null 2>&1 || die "moto_server not found on PATH"
  # AWS managed policies exist in every account; Terraform's iam module attaches some of them.
  # local/emulator.py is moto_server plus the DMS call moto lacks (ModifyReplicationTask).
  MOTO_IAM_LOAD_MANAGED_POLICIES=true python3 "$root/local/emulator.py" -H 127.0.0.1 -p "$port" \
    >"$state/moto.log" 2>&1 &
  echo $! >"$state/moto.pid"
  for i in $(seq 1 150); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/moto-api/" && return 0
    kill -0 "$(cat "$state/moto.pid")" 2>/dev/null || die "moto_server exited: see $state/moto.log"
    sleep 0.2
  done
  die "moto_server did not answer on port $port within 30 s: see $state/moto.log"
}

# Stops a recorded PID only while it is still the process we started.
stop_pid() {
  local pidfile=$1 expect=$2 pid i
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$expect"; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop() {
  local state=${1:-${PLATFORM_BACKING_DIR:-}}
  [[ -n "$state" && -d "$state" ]] || die "usage: $0 stop STATE_DIR (or set PLATFORM_BACKING_DIR)"
  [[ -f "$state/.platform-backing-services" ]] || die "$state was not made by $0 start"
  if [[ -f "$state/postgres.pid" ]]; then
    as_db_owner "$(pg_bin pg_ctl)" -D "$state/pgdata" -m fast -w stop >/dev/null 2>&1 || true
    stop_pid "$state/postgres.pid" postgres
  fi
  stop_pid "$state/moto.pid" local/emulator.py
  rm -rf "$state"
  log "stopped and removed $state"
}

start() {
  local state pg_port moto_port
  state=$(mktemp -d "${TMPDIR:-/tmp}/platform-backing.XXXXXX")
  chmod 755 "$state"
  touch "$state/.platform-backing-services"
  # A half-started stack is torn down rather than left behind.
  trap 'rc=$?; if (( rc != 0 )); then log "start failed; cleaning up"; stop "$state" >/dev/null 2>&1 || true; fi' EXIT
  pg_port=$(free_port)
  moto_port=$(free_port)
  start_postgres "$state" "$pg_port"
  start_moto "$state" "$moto_port"
  trap - EXIT
  log "PostgreSQL on 127.0.0.1:$pg_port, moto_server on 127.0.0.1:$moto_port (state in $state)"
  cat <<VARS
export PLATFORM_BACKING_DIR=$state
export PLATFORM_TEST_JDBC_URL=jdbc:postgresql://127.0.0.1:$pg_port/postgres
export PLATFORM_TEST_DB_USER=postgres
export PLATFORM_TEST_DB_PASSWORD=
export PLATFORM_TEST_AWS_ENDPOINT=http://127.0.0.1:$moto_port
VARS
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) die "usage: $0 start | stop [STATE_DIR]" ;;
esac
