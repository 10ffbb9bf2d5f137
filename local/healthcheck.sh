#!/usr/bin/env bash
# Container health check without curl or wget: asks one of the service's probes over bash's
# /dev/tcp and succeeds only on HTTP 200.   healthcheck [PATH]   (default: the liveness probe)
set -euo pipefail
path=${1:-/actuator/health/liveness}
exec 3<>"/dev/tcp/127.0.0.1/${SERVER_PORT:-8080}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
read -r -t 3 status_line <&3
[[ "$status_line" == *" 200 "* ]]
