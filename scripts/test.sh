#!/usr/bin/env bash
# The one test command: unit, integration and end-to-end tests against real PostgreSQL and a
# real AWS emulator. Starts the backing services unless PLATFORM_TEST_JDBC_URL and
# PLATFORM_TEST_AWS_ENDPOINT are already set, and stops what it started, also on failure.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl platform-api -am
set -euo pipefail
cd "$(dirname "$0")/.."

started=""
cleanup() {
  if [[ -n "$started" ]]; then
    scripts/backing-services.sh stop "$started" || true
    started=""
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${PLATFORM_TEST_JDBC_URL:-}" || -z "${PLATFORM_TEST_AWS_ENDPOINT:-}" ]]; then
  vars=$(scripts/backing-services.sh start)
  eval "$vars"
  started=$PLATFORM_BACKING_DIR
fi

./mvnw -B verify "$@"
