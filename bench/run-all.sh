#!/usr/bin/env bash
# Every benchmark of docs/performance.md in one command (it takes a while; it is not part of
# the test command):
#   1-2. the control plane: registrations vs pgbench, list p99, time to active (bench/api/run.sh)
#   3.   the data plane: the per-event transform (JMH), calls per 1,000 events, end-to-end
#        events per second through the emulator (bench/enrichment/run.sh)
# Each prints its figures, the machine and the exact command that reproduces each figure.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(date -u +%FT%TZ)"
bench/api/run.sh
bench/enrichment/run.sh
