#!/usr/bin/env bash
# Runs the demo (local/demo.py) against the running stack: scripts/run-local.sh by default, or
# compose with COMPOSE=1. Exit status is non-zero if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
if [[ "${COMPOSE:-0}" == 1 ]]; then
  export API_URL=${API_URL:-http://127.0.0.1:8080}
  export AWS_ENDPOINT_URL=${AWS_ENDPOINT_URL:-http://127.0.0.1:5000}
  key=.compose/keys/dev-private.pem
else
  eval "$(scripts/run-local.sh env)"
  export AWS_ENDPOINT_URL=$AWS_ENDPOINT
  key=$DEV_PRIVATE_KEY
fi
TOKEN=$(scripts/dev-token.sh token "$key")
export TOKEN
exec python3 local/demo.py
