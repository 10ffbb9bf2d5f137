#!/usr/bin/env bash
# Enrichment benchmarks (issue 8, part 3): one command, not part of the test command.
#
#   bench/enrichment/run.sh            # a, b and c
#   bench/enrichment/run.sh a c        # only some of them
#
#   a  JMH: the consumer's per-event transform against a bare Jackson parse + serialize (no AWS)
#   b  DynamoDB and Firehose calls per 1,000 one-kilobyte events, warm cache, real clients on moto
#   c  end-to-end events/s through moto (Kinesis -> consumer -> Firehose -> S3), share of time
#      spent waiting on the emulator
#
# Builds what it needs, starts moto (scripts/backing-services.sh) unless PLATFORM_TEST_AWS_ENDPOINT
# is set, runs every measured step under `flock $BENCH_LOCK` (other benchmarks on this machine take
# the same lock), prints each figure with the command that reproduces it and the machine's load,
# and stops what it started, also on failure.
#
# Environment: BENCH_LOCK (default /tmp/bench.lock); MOTO_PID (CPU share of an emulator you
# started yourself); BENCH_FULL_MILLION=0 replaces the 1,000,000-product case (its loading takes
# 10-15 min and 3 GB of emulator memory at 1,200-1,800 items/s here) by a 1:10 stand-in of
# 100,000 products and a 10,000-entry cache.
set -euo pipefail
cd "$(dirname "$0")/../.."

LOCK=${BENCH_LOCK:-/tmp/bench.lock}
OUT=enrichment-benchmarks/target/bench
STEPS=("$@")
[[ ${#STEPS[@]} -gt 0 ]] || STEPS=(a b c)

log() { printf '[bench/enrichment] %s\n' "$*" >&2; }

started=""
cleanup() {
  if [[ -n "$started" ]]; then
    scripts/backing-services.sh stop "$started" >/dev/null 2>&1 || true
    log "stopped the backing services it started"
    started=""
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

machine() {
  printf 'nproc=%s load(1/5/15m)=%s date=%s' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(date -u +%FT%TZ)"
}

# measured NAME CMD...: runs CMD under the lock, prints the command and the load before and after.
measured() {
  local name=$1
  shift
  local shown="$*"
  printf '\n== %s\ncommand: %s\n' "$name" "${shown//"$CP"/\"\$CP\"}"
  flock "$LOCK" bash -c 'printf "machine at start: %s\n" "$1"; shift; "$@"' _ \
    "$(machine)" "$@" 2>&1 | grep -v -E '^\s*$| DEBUG ' | tee "$OUT/$name.log"
  printf 'machine at end:   %s\n' "$(machine)"
}

log "building enrichment-benchmarks (and what it depends on), tests skipped"
./mvnw -B -q -pl enrichment-benchmarks -am package -DskipTests
rm -rf "$OUT"
mkdir -p "$OUT"
CP="enrichment-benchmarks/target/classes:$(cat enrichment-benchmarks/target/classpath.txt)"
JAVA=(java -Daws.cborEnabled=false -cp "$CP")
printf 'classpath: CP="enrichment-benchmarks/target/classes:$(cat enrichment-benchmarks/target/classpath.txt)"\n'
printf 'machine: %s, %s\n' "$(machine)" "$(java -version 2>&1 | head -n 1)"

needs_moto() { [[ " ${STEPS[*]} " == *" b "* || " ${STEPS[*]} " == *" c "* ]]; }
if needs_moto && [[ -z "${PLATFORM_TEST_AWS_ENDPOINT:-}" ]]; then
  eval "$(scripts/backing-services.sh start)"
  started=$PLATFORM_BACKING_DIR
  MOTO_PID=$(cat "$PLATFORM_BACKING_DIR/moto.pid")
fi
ENDPOINT=${PLATFORM_TEST_AWS_ENDPOINT:-}

run_a() {
  measured a-transform "${JAVA[@]}" org.openjdk.jmh.Main TransformBenchmark \
    -f 2 -wi 4 -w 2s -i 3 -r 2s -rf json -rff "$OUT/jmh.json"
  python3 - "$OUT/jmh.json" <<'PY' | tee -a "$OUT/a-transform.log"
import json, sys
scores = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
e, b = scores["enrich"], scores["bareJackson"]
print("RESULT a enrich=%.0f±%.0f events/s bareJackson=%.0f±%.0f events/s ratio=%.2f (target >= 0.5)"
      % (e["score"], e["scoreError"], b["score"], b["scoreError"], e["score"] / b["score"]))
PY
}

run_b() {
  local cases=(
    "100 100000 1000 50000"      # 100 products, default cache (100,000)
    "10000 100000 1000 50000"    # 10,000 products, default cache
    "100 100000 100 20000"       # small batches: what a quiet shard hands over
  )
  if [[ "${BENCH_FULL_MILLION:-1}" == 1 ]]; then
    cases+=("1000000 100000 1000 50000")  # 1,000,000 products, default cache
  else
    cases+=("100000 10000 1000 20000")    # quick stand-in: the same 1:10 cache:products
  fi
  local c
  for c in "${cases[@]}"; do
    # shellcheck disable=SC2086
    measured "b-calls-${c// /-}" "${JAVA[@]}" io.aiplatform.enrichment.bench.CallsPerThousand \
      "$ENDPOINT" $c
  done
}

run_c() {
  measured c-end-to-end "${JAVA[@]}" io.aiplatform.enrichment.bench.EndToEnd \
    "$ENDPOINT" 2 1000 40000 ${MOTO_PID:-}
}

# c runs before b, on an emulator not yet holding b's 100,000-item tables.
for step in a c b; do
  [[ " ${STEPS[*]} " == *" $step "* ]] && "run_$step"
done

printf '\n== summary (each figure also in %s/*.log, with the load when it was measured)\n' "$OUT"
grep -h '^RESULT' "$OUT"/*.log || true
printf 'reproduce: bench/enrichment/run.sh %s\n' "${STEPS[*]}"
