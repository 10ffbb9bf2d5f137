#!/usr/bin/env bash
# The whole product on this machine without Docker: PostgreSQL and moto_server (through
# backing-services.sh), the emulator's resources (local/init.py, the same init compose runs),
# a development key pair, and the three services from their jars.
#
#   scripts/run-local.sh start    # checks prerequisites, builds the jars if needed, starts
#                                 # everything, prints the API URL and a token
#   scripts/run-local.sh stop     # stops exactly what start started; keeps logs and keys
#   scripts/run-local.sh env      # prints the variables a shell needs to talk to the stack
#
# Ports: API_PORT (8080; SERVER_PORT is taken as the API's port when API_PORT is unset),
# WORKER_PORT (8081), CONSUMER_PORT (8082), UI_PORT (8083, the admin console, served by
# node admin-ui/scripts/serve.mjs); PostgreSQL and moto_server take free ports.
# State in .run-local/: logs/ (kept by stop; the run before is in logs/previous/), keys/ (the
# development key pair, kept across restarts so earlier tokens stay valid).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
state="$root/.run-local"
logs="$state/logs"
version=0.1.0-SNAPSHOT
services=(platform-api provisioner-worker enrichment-consumer)

log() { printf '[run-local] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

api_port() {
  if [[ -n "${SERVER_PORT:-}" && -n "${API_PORT:-}" && "$SERVER_PORT" != "$API_PORT" ]]; then
    die "SERVER_PORT=$SERVER_PORT and API_PORT=$API_PORT disagree; set only one (the API's port)"
  fi
  echo "${API_PORT:-${SERVER_PORT:-8080}}"
}

port_of() {
  case $1 in
    platform-api) api_port ;;
    provisioner-worker) echo "${WORKER_PORT:-8081}" ;;
    enrichment-consumer) echo "${CONSUMER_PORT:-8082}" ;;
  esac
}

has_pg_server() {
  command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

# Everything start needs, checked before anything starts; all that is missing is named at once.
check_prerequisites() {
  local missing=() tool java_major
  for tool in curl psql xxd openssl python3 moto_server node npm; do
    command -v "$tool" >/dev/null 2>&1 || case $tool in
      curl) missing+=("curl (apt-get install curl)") ;;
      psql) missing+=("psql, the PostgreSQL client (apt-get install postgresql-client)") ;;
      xxd) missing+=("xxd, used by scripts/dev-token.sh (apt-get install xxd)") ;;
      openssl) missing+=("openssl, used by scripts/dev-token.sh (apt-get install openssl)") ;;
      python3) missing+=("python3 (apt-get install python3)") ;;
      moto_server) missing+=("moto_server, moto's server extra (pip install 'moto[server]')") ;;
      node) missing+=("Node.js 20 or later, which serves the admin console (apt-get install nodejs)") ;;
      npm) missing+=("npm, which builds the admin console (apt-get install npm)") ;;
    esac
  done
  if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import boto3, cryptography' 2>/dev/null; then
    missing+=("the Python packages boto3 and cryptography (pip install boto3 cryptography)")
  fi
  has_pg_server || missing+=("PostgreSQL server binaries, initdb and pg_ctl (apt-get install postgresql)")
  if ! command -v java >/dev/null 2>&1; then
    missing+=("a JDK 17 or later (apt-get install openjdk-17-jdk-headless)")
  else
    java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    (( ${java_major:-0} >= 17 )) || missing+=("a JDK 17 or later (found Java ${java_major:-unknown})")
  fi
  if [[ $(id -u) -eq 0 ]]; then
    # initdb refuses root, so backing-services.sh runs PostgreSQL as the postgres user.
    command -v runuser >/dev/null 2>&1 || missing+=("runuser, to run PostgreSQL as the postgres user (apt-get install util-linux)")
    id postgres >/dev/null 2>&1 || missing+=("a postgres user, as root (installed with the postgresql package, or: useradd -r postgres)")
  fi
  if (( ${#missing[@]} )); then
    log "missing prerequisites:"
    printf '  - %s\n' "${missing[@]}" >&2
    exit 1
  fi
}

check_ports() {
  local s port
  for s in "${services[@]}"; do
    port=$(port_of "$s")
    if ! python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then
      die "port $port for $s is in use; choose another with $(port_variable "$s")=PORT"
    fi
  done
  port=${UI_PORT:-8083}
  if ! python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$port" 2>/dev/null; then
    die "port $port for the admin console is in use; choose another with UI_PORT=PORT"
  fi
}

port_variable() {
  case $1 in
    platform-api) echo API_PORT ;;
    provisioner-worker) echo WORKER_PORT ;;
    enrichment-consumer) echo CONSUMER_PORT ;;
  esac
}

# The first build takes a minute or two: show which module Maven is on, keep the full log.
build_jars() {
  local missing=0 s
  for s in "${services[@]}"; do [[ -f "$s/target/$s-$version.jar" ]] || missing=1; done
  [[ -f admin-ui/dist/index.html ]] || missing=1
  if (( missing )); then
    log "building the service jars (./mvnw package, tests skipped; first time about 2 minutes)"
    log "full build log: $logs/build.log"
    if ! ./mvnw -B package -DskipTests 2>&1 | tee "$logs/build.log" \
      | grep --line-buffered -E '^\[INFO\] Building .*\[[0-9]+/[0-9]+\]|BUILD (SUCCESS|FAILURE)' \
      | sed -u 's/^\[INFO\] /[run-local]   /' >&2; then
      die "the build failed: see $logs/build.log"
    fi
    grep -q 'BUILD SUCCESS' "$logs/build.log" || die "the build failed: see $logs/build.log"
  fi
}

# A new run starts with empty logs; the last run's logs move to logs/previous/.
rotate_logs() {
  mkdir -p "$logs"
  if compgen -G "$logs/*.log" >/dev/null; then
    rm -rf "$logs/previous"
    mkdir -p "$logs/previous"
    mv "$logs"/*.log "$logs/previous/"
  fi
}

start_backing() {
  scripts/backing-services.sh start >"$state/backing.env"
  # shellcheck disable=SC1091
  source "$state/backing.env"
  local port=${PLATFORM_TEST_JDBC_URL##*:}; port=${port%%/*}
  psql -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE platform" >/dev/null
  {
    echo "export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$port/platform"
    echo "export SPRING_DATASOURCE_USERNAME=postgres"
    echo "export SPRING_DATASOURCE_PASSWORD="
    echo "export AWS_ENDPOINT=$PLATFORM_TEST_AWS_ENDPOINT"
  } >"$state/stack.env"
}

init_aws() {
  AWS_ENDPOINT_URL=$PLATFORM_TEST_AWS_ENDPOINT AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
    AWS_REGION=us-east-1 PLATFORM_DEV_KEYS_DIR="$state/keys" python3 local/init.py \
    2> >(tee "$logs/init.log" >&2) | sed 's/^/export /' >>"$state/stack.env"
}

# The settings every service gets; the same values compose sets in docker-compose.yml.
service_env() {
  # shellcheck disable=SC1091
  source "$state/stack.env"
  export SPRING_CLOUD_AWS_ENDPOINT=$AWS_ENDPOINT SPRING_CLOUD_AWS_REGION_STATIC=us-east-1
  export SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY=test SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY=test
  export SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED=true AWS_CBOR_ENABLED=false
  export PLATFORM_WORKER_POLL_TIMEOUT=${PLATFORM_WORKER_POLL_TIMEOUT:-2s}
  # Short KCL timers for the emulator (enrichment-consumer's application-local.yaml).
  export SPRING_PROFILES_ACTIVE=local
  local ui="${UI_PORT:-8083}"
  export PLATFORM_API_CORS_ALLOWED_ORIGINS=${PLATFORM_API_CORS_ALLOWED_ORIGINS:-http://127.0.0.1:$ui,http://localhost:$ui}
}

# The admin console with its runtime config (development sign-in: page and API on loopback).
start_ui() {
  local ui="${UI_PORT:-8083}"
  printf '{"apiUrl":"http://127.0.0.1:%s","resourcePrefix":"%s","auth":{"mode":"development"}}\n' \
    "$(port_of platform-api)" "${PLATFORM_API_RESOURCE_PREFIX:-platform}" >"$state/admin-ui-config.json"
  (exec node admin-ui/scripts/serve.mjs --port "$ui" --config "$state/admin-ui-config.json") \
    >"$logs/admin-ui.log" 2>&1 &
  echo $! >"$state/admin-ui.pid"
}

start_service() {
  local s=$1 port
  port=$(port_of "$s")
  (SERVER_PORT=$port exec java -Daws.cborEnabled=false -jar "$s/target/$s-$version.jar") \
    >"$logs/$s.log" 2>&1 &
  echo $! >"$state/$s.pid"
}

await_ready() {
  local s=$1 port i
  port=$(port_of "$s")
  for i in $(seq 1 180); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" && return 0
    kill -0 "$(cat "$state/$s.pid")" 2>/dev/null || die "$s exited: see $logs/$s.log"
    sleep 1
  done
  die "$s not ready after 180 s: see $logs/$s.log"
}

start() {
  [[ -f "$state/backing.env" ]] && die "already running (scripts/run-local.sh stop first)"
  check_prerequisites
  api_port >/dev/null
  check_ports
  rotate_logs
  build_jars
  trap 'rc=$?; if (( rc != 0 )); then log "start failed; stopping what was started"; stop; fi' EXIT
  start_backing
  init_aws
  service_env
  local s
  for s in "${services[@]}"; do start_service "$s"; done
  for s in "${services[@]}"; do await_ready "$s"; log "$s ready on port $(port_of "$s")"; done
  start_ui
  trap - EXIT
  {
    echo "export API_URL=http://127.0.0.1:$(port_of platform-api)"
    echo "export DEV_PRIVATE_KEY=$state/keys/dev-private.pem"
    echo "export UI_URL=http://127.0.0.1:${UI_PORT:-8083}"
  } >>"$state/stack.env"
  local ui_token
  ui_token=$(DEV_TOKEN_CLIENT_ID=platform-admin-ui scripts/dev-token.sh token "$state/keys/dev-private.pem")
  cat <<DONE
API:    http://127.0.0.1:$(port_of platform-api)   (OpenAPI: /v3/api-docs, Swagger UI: /swagger-ui.html)
UI:     http://127.0.0.1:${UI_PORT:-8083}/systems#dev-token=$ui_token
        (development sign-in link; or open http://127.0.0.1:${UI_PORT:-8083} and paste the token below)
Token:  $(scripts/dev-token.sh token "$state/keys/dev-private.pem")
Demo:   scripts/demo.sh        Stop: scripts/run-local.sh stop        Logs: $logs/
DONE
}

stop_service() {
  local pidfile="$state/$1.pid" pid i
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$1-$version.jar"; then
    kill "$pid"
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop_ui() {
  local pidfile="$state/admin-ui.pid" pid
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "admin-ui/scripts/serve.mjs"; then
    kill "$pid"
  fi
  rm -f "$pidfile"
}

# Stops what start started and removes its run-time files; logs and keys stay.
stop() {
  [[ -d "$state" ]] || { log "nothing to stop"; return 0; }
  local s
  stop_ui
  for s in "${services[@]}"; do stop_service "$s"; done
  if [[ -f "$state/backing.env" ]]; then
    # shellcheck disable=SC1091
    source "$state/backing.env"
    mkdir -p "$logs"
    cp "$PLATFORM_BACKING_DIR/postgres.log" "$logs/postgres.log" 2>/dev/null || true
    cp "$PLATFORM_BACKING_DIR/moto.log" "$logs/moto.log" 2>/dev/null || true
    scripts/backing-services.sh stop "$PLATFORM_BACKING_DIR" || true
  fi
  rm -f "$state/backing.env" "$state/stack.env"
  log "stopped; logs kept in $logs/, the development key pair in $state/keys/"
}

print_env() {
  [[ -f "$state/stack.env" ]] || die "not running"
  cat "$state/stack.env"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) die "usage: $0 start | stop | env" ;;
esac
