#!/usr/bin/env python3
"""Time to active: posts N registrations at once, then reports p50, p95 and max of the time from
each POST to its system turning `active`, and the AWS calls made per system.

    API_URL=... TOKEN=... MOTO_LOG=.../moto.log python3 time_to_active.py N [ROUNDS]

ROUNDS (default 1) repeats the N-at-once round that many times, one after the other, and pools
the times (so that a single registration gets a p50 over several samples).

Timing: the POST's send time (this machine's clock) to the system's `updated_at` as written by
platform-api when it applied the worker's PROVISION/SUCCEEDED result (same machine, same clock).
The API is polled once a second per system only to know when to stop; the poll interval does not
enter the figure.

AWS calls: moto_server logs one access line per request. The lines added during the run, minus
the lines of an idle baseline of the same duration measured just before (the listeners' and the
worker's long polls), divided by N. This counts every call to the emulator: SQS sends, receives
and deletes of jobs and results included, not only the provisioning calls.
"""
import json
import os
import statistics
import sys
import threading
import time
import urllib.request
import uuid
from datetime import datetime

API = os.environ["API_URL"]
TOKEN = os.environ["TOKEN"]
MOTO_LOG = os.environ["MOTO_LOG"]
TIMEOUT = float(os.environ.get("BENCH_ACTIVE_TIMEOUT_SECONDS", "600"))
# BENCH_ENDPOINTS=0 registers systems without endpoints: no routes, integration or permission.
ENDPOINTS = os.environ.get("BENCH_ENDPOINTS", "1") != "0"


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(API + path, data=data, method=method, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read())


def moto_lines():
    with open(MOTO_LOG, "rb") as f:
        return sum(1 for line in f if b'" ' in line and b"HTTP/1.1" in line)


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def register_all(n):
    run = uuid.uuid4().hex[:6]
    barrier = threading.Barrier(n)
    sent, ids, errors = [0.0] * n, [None] * n, []

    def one(i):
        # Routes are unique on the platform API: each system's path starts with its name.
        endpoints = [{"path": f"/tta-{run}-{i}/optimize", "method": "POST"}] if ENDPOINTS else []
        body = {"system_name": f"tta-{run}-{i}", "data_sources": ["inventory", "orders"],
                "endpoints": endpoints}
        barrier.wait()
        sent[i] = time.time()
        try:
            status, answer = call("POST", "/admin/systems", body)
            ids[i] = answer["system_id"] if status == 201 else errors.append(status)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(repr(e))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        sys.exit(f"registrations refused: {errors[:5]}")
    return sent, ids


def await_active(ids):
    active, deadline = {}, time.time() + TIMEOUT
    while len(active) < len(ids):
        if time.time() > deadline:
            sys.exit(f"only {len(active)} of {len(ids)} systems active after {TIMEOUT} s")
        time.sleep(1)
        for system_id in ids:
            if system_id not in active:
                _, view = call("GET", f"/admin/systems/{system_id}")
                if view["status"] == "provisioning_failed":
                    sys.exit(f"{system_id} failed: {view.get('error_message')}")
                if view["status"] == "active":
                    active[system_id] = instant(view["updated_at"])
    return active


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main():
    n = int(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    start_lines, start = moto_lines(), time.time()
    times = []
    for _ in range(rounds):
        sent, ids = register_all(n)
        active = await_active(ids)
        times += [active[ids[i]] - sent[i] for i in range(n)]
    elapsed, run_lines = time.time() - start, moto_lines() - start_lines
    # Idle baseline right after, for the same duration (capped at 30 s): the stack's own
    # background calls (long polls), which the run's count includes too.
    baseline_seconds = min(max(elapsed, 2.0), 30.0)
    before = moto_lines()
    time.sleep(baseline_seconds)
    idle_rate = (moto_lines() - before) / baseline_seconds
    calls = run_lines - idle_rate * elapsed
    print(f"RESULT n={n} rounds={rounds} p50_s={statistics.median(times):.2f} "
          f"p95_s={percentile(times, 95):.2f} max_s={max(times):.2f} "
          f"aws_calls_per_system={calls / (n * rounds):.1f} moto_lines={run_lines} "
          f"over_s={elapsed:.1f} idle_lines_per_s={idle_rate:.2f}")


if __name__ == "__main__":
    main()
