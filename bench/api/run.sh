#!/usr/bin/env bash
# Control-plane benchmarks (issue 8, parts 1 and 2), in one command:
#
#   bench/api/run.sh
#
# Starts its own PostgreSQL + moto_server (scripts/backing-services.sh), the emulator's resources
# (local/init.py), platform-api and provisioner-worker from their jars on free ports; then
#   2. time to active: 1, 10 and 100 registrations posted at once (API + worker against moto), the
#      worker's AWS calls per system by operation, and 10 at once while a fault proxy in front of
#      the emulator refuses 15 % of the worker's calls and loses the answer of another 5 %;
#   1. GET /admin/systems with 10,000 systems stored; pgbench of a registration's writes and wrk
#      posting distinct registrations, at the same concurrency, on the same PostgreSQL;
# and stops everything it started, also on failure. Every measured step runs under
# `flock /tmp/bench.lock` (other benchmarks on this machine take the same lock) and prints its
# figure, the load average, and the exact command that produced it.
#
# A last, separate 10 s run records a JFR profile of the API (jcmd/jfr) to say where its CPU goes.
#
# Settings (environment): BENCH_CONCURRENCY (16), BENCH_SECONDS (20), BENCH_WARMUP (30, seconds of
# unmeasured load before each API run), BENCH_LIST_SYSTEMS (10000),
# BENCH_TTA_SIZES ("1 10 100"), BENCH_FAULT_SEEDS ("1 2 3": one fault run per seed),
# BENCH_LOCK (/tmp/bench.lock), BENCH_ONLY (time-to-active: part 2 alone; sweep: the reconcile sweep
# alone, below), BENCH_ENDPOINTS (1: each system has one endpoint, so it gets a route, an
# integration and a permission; 0: none).
#
# BENCH_ONLY=sweep (issue 17): provisions BENCH_SWEEP_SYSTEMS (1000) systems through the API and the
# worker (bench/api/sweep.py register: BENCH_SWEEP_POST_CONCURRENCY (4) posting threads, at most
# BENCH_SWEEP_IN_FLIGHT (40) systems not yet active), then, for each worker concurrency of
# BENCH_SWEEP_WORKER_CONCURRENCY ("10"; e.g. "10 20" for a second sweep with the worker restarted),
# restarts platform-api with PLATFORM_API_RECONCILE_INTERVAL=BENCH_SWEEP_INTERVAL (600s) and times
# ONE sweep of its scheduler: from the API's start until every active system's drift.checked_at is
# after it; the verify jobs per second, the worker's read calls per verify (fault proxy), the drift
# status counts and the CPU of moto_server, the worker, the API and PostgreSQL in that time.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
here="$root/bench/api"
version=0.1.0-SNAPSHOT
C=${BENCH_CONCURRENCY:-16}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
# Unmeasured load before each API run: the JIT compiler is still busy long after start-up.
WARMUP_SECONDS=${BENCH_WARMUP:-30}
LIST_SYSTEMS=${BENCH_LIST_SYSTEMS:-10000}
TTA_SIZES=${BENCH_TTA_SIZES-"1 10 100"}  # empty: skip part 2
FAULT_SEEDS=${BENCH_FAULT_SEEDS-"1 2 3"}
LOCK=${BENCH_LOCK:-/tmp/bench.lock}
state=$(mktemp -d "${TMPDIR:-/tmp}/bench-api.XXXXXX")

log() { printf '[bench-api] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Stops a process we started, by its recorded PID, only while it is still our jar.
stop_jar() {
  local name=$1 pidfile="$state/$1.pid" pid i
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$name-$version.jar"; then
    kill "$pid"
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

cleanup() {
  local rc=$?
  stop_jar provisioner-worker
  stop_jar platform-api
  [[ -f "$state/fault-proxy.pid" ]] && kill "$(cat "$state/fault-proxy.pid")" 2>/dev/null || true
  if [[ -f "$state/backing.env" ]]; then
    # shellcheck disable=SC1091
    source "$state/backing.env"
    scripts/backing-services.sh stop "$PLATFORM_BACKING_DIR" >/dev/null 2>&1 || true
  fi
  if (( rc != 0 )); then log "FAILED (exit $rc); logs kept in $state"; else rm -rf "$state"; fi
}
trap cleanup EXIT

# Builds the two jars when missing or older than their sources.
build_jars() {
  local s stale=0
  for s in platform-api provisioner-worker platform-contracts platform-test-support; do
    local jar="$root/${s}/target/${s}-$version.jar"
    [[ -f "$jar" ]] || { stale=1; continue; }
    [[ -n $(find "$root/$s/src/main" "$root/$s/pom.xml" -newer "$jar" -print -quit) ]] && stale=1
  done
  if (( stale )); then
    log "building the jars (./mvnw package, tests skipped)"
    ./mvnw -B -q package -DskipTests -pl platform-api,provisioner-worker,platform-test-support -am >&2
  fi
}

start_stack() {
  scripts/backing-services.sh start >"$state/backing.env"
  # shellcheck disable=SC1091
  source "$state/backing.env"
  PG_PORT=${PLATFORM_TEST_JDBC_URL##*:}; PG_PORT=${PG_PORT%%/*}
  MOTO_LOG="$PLATFORM_BACKING_DIR/moto.log"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE platform" >/dev/null
  AWS_ENDPOINT_URL=$PLATFORM_TEST_AWS_ENDPOINT AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
    AWS_REGION=us-east-1 PLATFORM_DEV_KEYS_DIR="$state/keys" python3 local/init.py \
    2>"$state/init.log" | sed 's/^/export /' >"$state/aws.env"
  # shellcheck disable=SC1091
  source "$state/aws.env"
  # Measured as before: a system without DMS replication (the figures compare with earlier runs).
  unset PLATFORM_WORKER_DMS_REPLICATION_INSTANCE_ARN PLATFORM_WORKER_DMS_SOURCE_ENDPOINT_ARN \
    PLATFORM_API_PRECHECKS_DMS_SOURCE_ENDPOINT_ARN
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/platform"
  export SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=
  export SPRING_CLOUD_AWS_ENDPOINT=$PLATFORM_TEST_AWS_ENDPOINT SPRING_CLOUD_AWS_REGION_STATIC=us-east-1
  export SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY=test SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY=test
  export SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED=true AWS_CBOR_ENABLED=false
  # The same worker poll timeout scripts/run-local.sh uses.
  export PLATFORM_WORKER_POLL_TIMEOUT=${PLATFORM_WORKER_POLL_TIMEOUT:-2s}
  API_PORT=$(free_port)
  API_URL=http://127.0.0.1:$API_PORT
  start_jar platform-api "$API_PORT"
  # The worker reaches the emulator through the fault proxy (pass-through until faults are asked).
  PROXY_URL=http://127.0.0.1:$(free_port)
  java -cp "$root/platform-test-support/target/classes" io.aiplatform.testsupport.faults.FaultProxy \
    "$PLATFORM_TEST_AWS_ENDPOINT" "${PROXY_URL##*:}" >"$state/fault-proxy.log" 2>&1 &
  echo $! >"$state/fault-proxy.pid"
  SPRING_CLOUD_AWS_ENDPOINT=$PROXY_URL start_jar provisioner-worker "$(free_port)"
  TOKEN=$(scripts/dev-token.sh token "$state/keys/dev-private.pem")
  export API_URL TOKEN MOTO_LOG
}

start_jar() {
  local name=$1 port=$2 i
  (SERVER_PORT=$port exec java -Daws.cborEnabled=false -jar "$root/$name/target/$name-$version.jar") \
    >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
  for i in $(seq 1 180); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" && { log "$name ready on $port"; return 0; }
    kill -0 "$(cat "$state/$name.pid")" 2>/dev/null || die "$name exited: see $state/$name.log"
    sleep 1
  done
  die "$name not ready after 180 s: see $state/$name.log"
}

sql() { psql -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d platform "$@"; }

# Runs a measured command under the shared lock; prints the command and the load before it.
measured() {
  local out=$1; shift
  printf 'COMMAND  %s\n' "$*"
  flock "$LOCK" bash -c 'printf "LOAD     %s (1/5/15 min, when the lock was taken)\n" "$(cut -d" " -f1-3 /proc/loadavg)"; exec "$@"' _ "$@" \
    | tee "$out"
}

# CPU seconds (user + system) used so far by the given PIDs; FIELDS 12-15 also counts their
# exited children (PostgreSQL backends of closed connections are children of the postmaster).
cpu_seconds() {
  local ticks=0 pid fields=${FIELDS:-12-13}
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    ticks=$((ticks + $(sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f"$fields" | tr ' ' '+')))
  done
  python3 -c "print(f'{$ticks / $(getconf CLK_TCK):.1f}')"
}

# CPU seconds used so far by the JIT compiler threads of a JVM.
jit_seconds() {
  local ticks=0 t
  for t in /proc/"$1"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ Compiler* ]] || continue
    ticks=$((ticks + $(sed 's/^.*) //' "$t/stat" | cut -d' ' -f12-13 | tr ' ' '+')))
  done
  python3 -c "print(f'{$ticks / $(getconf CLK_TCK):.1f}')"
}

# Where the CPU of a measured step went: the API JVM, moto_server, all PostgreSQL processes, and
# the API's JIT compiler threads (part of the first figure).
cpu_snapshot() {
  local pg_pids api_pid
  api_pid=$(cat "$state/platform-api.pid")
  pg_pids=$(pgrep -P "$(cat "$PLATFORM_BACKING_DIR/postgres.pid")" | tr '\n' ' ')
  # shellcheck disable=SC2086
  echo "$(cpu_seconds "$api_pid") $(cpu_seconds "$(cat "$PLATFORM_BACKING_DIR/moto.pid")") $(python3 -c "print($(FIELDS=12-15 cpu_seconds "$(cat "$PLATFORM_BACKING_DIR/postgres.pid")") + $(cpu_seconds $pg_pids))") $(jit_seconds "$api_pid")"
}

cpu_report() {
  local before=($1) after=($2)
  python3 -c "b=[float(x) for x in '${before[*]}'.split()]; a=[float(x) for x in '${after[*]}'.split()]
d=[y-x for x,y in zip(b,a)]
print(f'CPU      platform-api {d[0]:.1f} s (JIT compiler {d[3]:.1f} s of it), moto_server {d[1]:.1f} s, PostgreSQL {d[2]:.1f} s (CPU seconds used during the step)')"
}

field() { sed -n "s/.*\\b$1=\\([0-9.]*\\).*/\\1/p" "$2" | tail -n 1; }

time_to_active() {
  local n rounds
  printf '\n== time to active: the first registration after start-up (cold JVMs) ==\n'
  measured "$state/tta-cold.out" python3 "$here/time_to_active.py" 1
  for n in $TTA_SIZES; do
    # A single registration is repeated for a p50 over several samples.
    rounds=1; (( n == 1 )) && rounds=5
    printf '\n== time to active: %s registrations at once, %s round(s) ==\n' "$n" "$rounds"
    proxy reset >/dev/null
    measured "$state/tta-$n.out" python3 "$here/time_to_active.py" "$n" "$rounds"
    worker_calls "$((n * rounds))" | tee "$state/calls-$n.out"
  done
}

proxy() { curl -fsS -X POST "$PROXY_URL/fault-proxy/$1${2:+?$2}"; }

# The worker's AWS calls per system by operation, as the fault proxy counted them.
worker_calls() {
  proxy calls | python3 -c "
import sys
n = $1
rows = [line.split() for line in sys.stdin if line.strip()]
total = next(int(c) for op, c in rows if op == 'TOTAL')
print(f'WORKER   {total / n:.1f} AWS calls per system through the fault proxy (SQS included):')
for op, c in rows:
    if op != 'TOTAL':
        print(f'           {op:<36} {int(c) / n:5.2f}')
"
}

# Ten registrations at once while the proxy refuses 15 % of the worker's calls (503, nothing done)
# and answers another 5 % with a 503 after they took effect; one run per seed.
time_under_faults() {
  local seed
  for seed in $FAULT_SEEDS; do
    printf '\n== time to active: 10 at once, 15 %% of the worker calls refused, 5 %% answers lost (seed %s) ==\n' "$seed"
    proxy reset >/dev/null
    proxy faults "refuse=0.15&lose=0.05&seed=$seed" >/dev/null
    measured "$state/faults-$seed.out" python3 "$here/time_to_active.py" 10
    proxy faults "refuse=0&lose=0" >/dev/null
    proxy calls | awk '$1 == "TOTAL" {print "PROXY    " $2 " worker calls in the run"}'
  done
}

list_systems() {
  printf '\n== GET /admin/systems with %s systems stored, %s connections ==\n' "$LIST_SYSTEMS" "$C"
  sql -v target="$LIST_SYSTEMS" -f "$here/seed-systems.sql" >/dev/null
  printf 'SYSTEMS  %s stored\n' "$(sql -c 'SELECT count(*) FROM systems')"
  BENCH_TOKEN=$TOKEN flock "$LOCK" wrk -t2 -c"$C" -d"${WARMUP_SECONDS}s" -s "$here/list.lua" "$API_URL" >/dev/null
  local before; before=$(cpu_snapshot)
  measured "$state/list.out" env BENCH_TOKEN="$TOKEN" \
    wrk -t2 -c"$C" -d"${SECONDS_PER_RUN}s" --latency -s "$here/list.lua" "$API_URL"
  cpu_report "$before" "$(cpu_snapshot)"
}

pgbench_registrations() {
  printf '\n== pgbench: the writes of one registration, %s clients ==\n' "$C"
  local before; before=$(cpu_snapshot)
  measured "$state/pgbench.out" pgbench -n -M prepared -c "$C" -j 2 -T "$SECONDS_PER_RUN" \
    -f "$here/registration.sql" -h 127.0.0.1 -p "$PG_PORT" -U postgres platform
  cpu_report "$before" "$(cpu_snapshot)"
}

wrk_registrations() {
  printf '\n== wrk: POST /admin/systems, distinct registrations, %s connections ==\n' "$C"
  BENCH_TOKEN=$TOKEN BENCH_RUN=w$RANDOM flock "$LOCK" \
    wrk -t2 -c"$C" -d"${WARMUP_SECONDS}s" -s "$here/register.lua" "$API_URL" >/dev/null
  local before; before=$(cpu_snapshot)
  measured "$state/wrk.out" env BENCH_TOKEN="$TOKEN" BENCH_RUN="r$RANDOM" \
    wrk -t2 -c"$C" -d"${SECONDS_PER_RUN}s" --latency -s "$here/register.lua" "$API_URL"
  cpu_report "$before" "$(cpu_snapshot)" | tee "$state/wrk.cpu"
  printf 'OUTBOX   %s jobs not yet on SQS right after the run\n' \
    "$(sql -c 'SELECT count(*) FROM event_publication WHERE completion_date IS NULL')"
}

# Not a figure: a 10 s JFR profile of the API under the same load, to say where its CPU goes.
profile_registrations() {
  printf '\n== profile: where platform-api CPU goes while registering (JFR, 10 s) ==\n'
  local pid; pid=$(cat "$state/platform-api.pid")
  BENCH_TOKEN=$TOKEN BENCH_RUN=p$RANDOM flock "$LOCK" bash -c "
    jcmd $pid JFR.start name=bench settings=profile filename=$state/api.jfr >/dev/null &&
    wrk -t2 -c$C -d10s -s $here/register.lua $API_URL >/dev/null &&
    jcmd $pid JFR.stop name=bench >/dev/null"
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$state/api.jfr" | python3 "$here/jfr_shares.py"
}

# ---- BENCH_ONLY=sweep: one reconcile sweep over BENCH_SWEEP_SYSTEMS active systems (issue 17) ----

# Holds the shared lock on fd 9 for a step made of several commands (the API restart is part of
# the sweep's figure, so the lock must be held before it).
lock_take() { exec 9>"$LOCK"; flock 9; printf 'LOAD     %s (1/5/15 min, when the lock was taken)\n' "$(load)"; }
lock_release() { printf 'LOAD     %s (1/5/15 min, at the end of the step)\n' "$(load)"; flock -u 9; exec 9>&-; }

start_worker() {
  SPRING_CLOUD_AWS_ENDPOINT=$PROXY_URL PLATFORM_WORKER_CONCURRENCY=$1 \
    start_jar provisioner-worker "$(free_port)"
}

sweep_provision() {
  printf '\n== sweep: provisioning %s systems through the API and the worker (concurrency %s) ==\n' \
    "$SWEEP_SYSTEMS" "$PLATFORM_WORKER_CONCURRENCY"
  printf 'COMMAND  BENCH_SWEEP_POST_CONCURRENCY=%s BENCH_SWEEP_IN_FLIGHT=%s python3 %s register %s\n' \
    "${BENCH_SWEEP_POST_CONCURRENCY:-4}" "${BENCH_SWEEP_IN_FLIGHT:-40}" "$here/sweep.py" "$SWEEP_SYSTEMS"
  lock_take
  python3 "$here/sweep.py" register "$SWEEP_SYSTEMS" | tee "$state/sweep-register.out"
  lock_release
}

# The worker's calls through the fault proxy during one sweep: reads (the verifies), writes (there
# should be none under the report policy) and SQS (jobs and results), per verify job.
sweep_calls() {
  proxy calls | python3 -c "
import re, sys
jobs, systems = int(sys.argv[1]), int(sys.argv[2])
sqs = {'ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch', 'SendMessage', 'SendMessageBatch',
       'ChangeMessageVisibility', 'ChangeMessageVisibilityBatch', 'GetQueueUrl', 'GetQueueAttributes'}
rows = [line.split() for line in sys.stdin if line.strip()]
ops = {op: int(c) for op, c in rows if op != 'TOTAL'}
reads = sum(c for op, c in ops.items() if op not in sqs and re.match('(Get|List|Describe|Head)', op))
queue = sum(c for op, c in ops.items() if op in sqs)
writes = sum(ops.values()) - reads - queue
print(f'CALLS    reads_per_verify={reads / jobs:.1f} writes={writes} sqs_per_verify={queue / jobs:.2f} '
      f'reads={reads} verify_jobs={jobs} reads_per_system={reads / systems:.1f}')
for op, c in sorted(ops.items(), key=lambda kv: -kv[1]):
    print(f'           {op:<36} {c / jobs:6.2f} per verify job')
" "$1" "$2"
}

# One sweep: platform-api restarted with the short interval over systems that are not placed yet
# (next_verify_at NULL, as right after they turned active: the sweep places each at its point of
# the interval, then verifies it when the point comes), timed from the API's start until every
# active system has a check after it.
sweep_once() {
  local c=$1 since before_moto before_worker before_pg after_moto after_worker after_pg
  printf '\n== sweep: one sweep over %s active systems, PLATFORM_API_RECONCILE_INTERVAL=%s, PLATFORM_WORKER_CONCURRENCY=%s ==\n' \
    "$SWEEP_SYSTEMS" "$SWEEP_INTERVAL" "$c"
  printf 'COMMAND  BENCH_ONLY=sweep BENCH_SWEEP_SYSTEMS=%s BENCH_SWEEP_INTERVAL=%s BENCH_SWEEP_WORKER_CONCURRENCY="%s" bench/api/run.sh\n' \
    "$SWEEP_SYSTEMS" "$SWEEP_INTERVAL" "$SWEEP_CONCURRENCIES"
  stop_jar platform-api
  if [[ $c != "$WORKER_CONCURRENCY_NOW" ]]; then
    stop_jar provisioner-worker
    start_worker "$c"
    WORKER_CONCURRENCY_NOW=$c
  fi
  lock_take
  sql -c "UPDATE systems SET next_verify_at = NULL, verify_job_id = NULL, verify_requested_at = NULL
          WHERE status = 'active'" >/dev/null
  proxy reset >/dev/null
  before_moto=$(cpu_seconds "$(cat "$PLATFORM_BACKING_DIR/moto.pid")")
  before_worker=$(cpu_seconds "$(cat "$state/provisioner-worker.pid")")
  before_pg=$(FIELDS=12-15 cpu_seconds "$(cat "$PLATFORM_BACKING_DIR/postgres.pid")")
  since=$(date +%s.%N)
  PLATFORM_API_RECONCILE_INTERVAL=$SWEEP_INTERVAL start_jar platform-api "$API_PORT"
  printf 'API      ready %.1f s after its start (the sweep runs from its scheduler'"'"'s start)\n' \
    "$(python3 -c "import time; print(time.time() - $since)")"
  BENCH_SWEEP_INTERVAL_SECONDS=$(seconds_of "$SWEEP_INTERVAL") BENCH_CPU_PIDS="moto_server=$(cat "$PLATFORM_BACKING_DIR/moto.pid"),worker=$(cat "$state/provisioner-worker.pid"),api=$(cat "$state/platform-api.pid")" \
    python3 "$here/sweep.py" await-checked "$since" | tee "$state/sweep-$c.out"
  after_moto=$(cpu_seconds "$(cat "$PLATFORM_BACKING_DIR/moto.pid")")
  after_worker=$(cpu_seconds "$(cat "$state/provisioner-worker.pid")")
  after_pg=$(FIELDS=12-15 cpu_seconds "$(cat "$PLATFORM_BACKING_DIR/postgres.pid")")
  local api_cpu answered seconds first
  api_cpu=$(cpu_seconds "$(cat "$state/platform-api.pid")")
  # Results the worker sent (one SendMessage per finished job) while every system got its check.
  answered=$(proxy calls | awk '$1 == "SendMessage" {print $2}')
  seconds=$(field seconds "$state/sweep-$c.out")
  first=$(field first_request_s "$state/sweep-$c.out")
  # The sweep is over: stop the API so no further verify is requested, let the worker finish the
  # ones in flight (no call through the proxy for 6 s), then count reads per finished job exactly.
  stop_jar platform-api
  sweep_drain
  sweep_calls "$(proxy calls | awk '$1 == "SendMessage" {print $2}')" "$SWEEP_SYSTEMS" \
    | tee "$state/sweep-calls-$c.out"
  python3 -c "
s = $seconds
moto, worker, pg, api = $after_moto - $before_moto, $after_worker - $before_worker, $after_pg - $before_pg, $api_cpu
w = s - $first
print(f'RATE     verify_jobs_per_s={${answered:-0} / w:.2f} (verify jobs answered: ${answered:-0}, in the {w:.0f} s from the first request to the last check; systems per second {$SWEEP_SYSTEMS / w:.2f})')
print(f'CPU      seconds from the API start: moto_server {moto:.1f} s, provisioner-worker {worker:.1f} s, '
      f'platform-api {api:.1f} s (start-up included), PostgreSQL {pg:.1f} s, over {s:.0f} s')
" | tee "$state/sweep-rate-$c.out"
  lock_release
}

# A Spring duration of the simple form (90s, 10m, 1h, plain seconds) in seconds.
seconds_of() {
  python3 -c "import re, sys; n, u = re.fullmatch(r'([0-9.]+)([smhd]?)', sys.argv[1]).groups()
print(float(n) * {'': 1, 's': 1, 'm': 60, 'h': 3600, 'd': 86400}[u])" "$1"
}

# Waits until the worker made no call but its long polls for 6 s (3 looks 2 s apart).
sweep_drain() {
  local last="" now quiet=0
  while (( quiet < 3 )); do
    sleep 2
    now=$(proxy calls | awk '$1 != "ReceiveMessage" && $1 != "TOTAL" {n += $2} END {print n + 0}')
    if [[ $now == "$last" ]]; then quiet=$((quiet + 1)); else quiet=0; last=$now; fi
  done
}

sweep_summary() {
  local c
  printf '\n== summary (sweep) ==\n'
  printf 'provisioning %s systems        %s s (%s systems/s)\n' "$SWEEP_SYSTEMS" \
    "$(field seconds "$state/sweep-register.out")" "$(field systems_per_s "$state/sweep-register.out")"
  for c in $SWEEP_CONCURRENCIES; do
    printf 'one sweep, interval %s, worker concurrency %s: %s s from the API start (first verify requested at %s s); %s verify jobs/s; %s reads per verify; moto %s of a core; %s\n' \
      "$SWEEP_INTERVAL" "$c" "$(field seconds "$state/sweep-$c.out")" "$(field first_request_s "$state/sweep-$c.out")" \
      "$(field verify_jobs_per_s "$state/sweep-rate-$c.out")" \
      "$(field reads_per_verify "$state/sweep-calls-$c.out")" \
      "$(sed -n 's/.*cpu_moto_server=\([0-9]*%\).*/\1/p' "$state/sweep-$c.out")" \
      "$(grep -o 'drifted=[0-9]*\|in_sync=[0-9]*\|unknown=[0-9]*' "$state/sweep-$c.out" | tr '\n' ' ')"
  done
  printf 'machine                       nproc=%s load=%s date=%s\n' "$(nproc)" "$(load)" "$(date -u +%FT%TZ)"
}

sweep_bench() {
  SWEEP_SYSTEMS=${BENCH_SWEEP_SYSTEMS:-1000}
  SWEEP_INTERVAL=${BENCH_SWEEP_INTERVAL:-600s}
  SWEEP_CONCURRENCIES=${BENCH_SWEEP_WORKER_CONCURRENCY:-10}
  # While provisioning, the sweep places each system that turns active somewhere in ten years:
  # no verify runs before the measured sweep.
  export PLATFORM_API_RECONCILE_INTERVAL=3650d
  export PLATFORM_WORKER_CONCURRENCY=${SWEEP_CONCURRENCIES%% *}
  WORKER_CONCURRENCY_NOW=$PLATFORM_WORKER_CONCURRENCY
  start_stack
  export PG_PORT
  sweep_provision
  local c
  for c in $SWEEP_CONCURRENCIES; do sweep_once "$c"; done
  sweep_summary
}

summary() {
  local pg api ratio
  pg=$(sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p' "$state/pgbench.out")
  api=$(field ok_per_s "$state/wrk.out")
  ratio=$(python3 -c "print(f'{$api / $pg:.2f}')")
  printf '\n== summary (C=%s, %s s per run) ==\n' "$C" "$SECONDS_PER_RUN"
  printf 'pgbench registrations/s       %s\n' "$pg"
  printf 'API registrations/s (201)     %s   p50 %s ms   p99 %s ms\n' "$api" \
    "$(field p50_ms "$state/wrk.out")" "$(field p99_ms "$state/wrk.out")"
  printf 'ratio API/pgbench             %s   (target >= 0.7)\n' "$ratio"
  python3 - "$state/wrk.cpu" "$(field requests "$state/wrk.out")" <<'PY'
import re, sys
text, requests = open(sys.argv[1]).read(), int(sys.argv[2])
api, jit = (float(x) for x in re.search(r"platform-api ([0-9.]+) s \(JIT compiler ([0-9.]+) s", text).groups())
print(f"API CPU per registration      {1000 * api / requests:.1f} ms ({1000 * (api - jit) / requests:.1f} ms without the JIT compiler)")
PY
  printf 'GET /admin/systems            p50 %s ms   p99 %s ms   (%s req/s)\n' \
    "$(field p50_ms "$state/list.out")" "$(field p99_ms "$state/list.out")" "$(field ok_per_s "$state/list.out")"
  summary_time_to_active
}

summary_time_to_active() {
  local n
  printf 'time to active, first (cold)  %s s   AWS calls %s\n' \
    "$(field max_s "$state/tta-cold.out")" "$(field aws_calls_per_system "$state/tta-cold.out")"
  for n in $TTA_SIZES; do
    printf 'time to active, %3s at once   p50 %s s   p95 %s s   max %s s   AWS calls/system %s\n' "$n" \
      "$(field p50_s "$state/tta-$n.out")" "$(field p95_s "$state/tta-$n.out")" \
      "$(field max_s "$state/tta-$n.out")" "$(field aws_calls_per_system "$state/tta-$n.out")"
  done
  local seed
  for seed in $FAULT_SEEDS; do
    printf 'time to active, 10 under faults (seed %s)  p50 %s s   max %s s\n' "$seed" \
      "$(field p50_s "$state/faults-$seed.out")" "$(field max_s "$state/faults-$seed.out")"
  done
  printf 'machine                       nproc=%s load=%s date=%s\n' "$(nproc)" "$(load)" "$(date -u +%FT%TZ)"
}

main() {
  printf 'MACHINE  nproc=%s load=%s date=%s\n' "$(nproc)" "$(load)" "$(date -u +%FT%TZ)"
  build_jars
  if [[ ${BENCH_ONLY:-} == sweep ]]; then
    sweep_bench
    return
  fi
  start_stack
  time_to_active
  time_under_faults
  if [[ ${BENCH_ONLY:-} == time-to-active ]]; then
    printf '\n== summary ==\n'
    summary_time_to_active
    return
  fi
  # The write benchmarks measure the API alone: the worker would compete for the two cores.
  stop_jar provisioner-worker
  list_systems
  pgbench_registrations
  wrk_registrations
  profile_registrations || log "profiling failed (not a figure); continuing"
  summary
}

main "$@"; exit
