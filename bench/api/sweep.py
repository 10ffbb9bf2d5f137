#!/usr/bin/env python3
"""The reconcile-sweep benchmark's two halves (bench/api/run.sh, BENCH_ONLY=sweep, drives them):

    API_URL=... TOKEN=... PG_PORT=... python3 sweep.py register N
    PG_PORT=... python3 sweep.py await-checked SINCE_EPOCH_SECONDS

register: posts N registrations (one endpoint each unless BENCH_ENDPOINTS=0) from
BENCH_SWEEP_POST_CONCURRENCY threads (4), never more than BENCH_SWEEP_IN_FLIGHT (40) of them not
yet `active` (so that the emulator's FIFO jobs queue stays short: moto's FIFO operations slow down
with every queued message), then waits until every one is `active`. Prints the time from the
first POST to the last `active` and the systems per second. A 503 (nothing stored: the
pre-checks got no answer in time on a loaded machine) is retried after its Retry-After, 5 times.

await-checked: waits until every `active` system's `drift.checked_at` (the worker's clock, same
machine) is after SINCE, printing the progress every 30 s; then prints the time from SINCE to the
moment all were (polled once a second), the time from SINCE to the first verify the sweep
requested, the drift status counts and the verify jobs the API requested since SINCE (its outbox
rows: re-verifies of systems whose next turn came while others waited are counted), and the CPU
share of each process in BENCH_CPU_PIDS ("name=pid,...") from the first request to the last check.

State is read with SQL against the bench's PostgreSQL (psql), not polled through the API, so that
polling 1,000 systems does not load the API being measured.
"""
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

TIMEOUT = float(os.environ.get("BENCH_SWEEP_TIMEOUT_SECONDS", "5400"))
ENDPOINTS = os.environ.get("BENCH_ENDPOINTS", "1") != "0"
VERIFY_EVENT = "io.aiplatform.api.reconcile.VerifyRequested"
RETRIES = 5


def sql(query):
    out = subprocess.run(
        ["psql", "-qtA", "-F", " ", "-h", "127.0.0.1", "-p", os.environ["PG_PORT"], "-U",
         "postgres", "-d", "platform", "-c", query],
        check=True, capture_output=True, text=True).stdout
    return [line.split(" ") for line in out.splitlines() if line.strip()]


def post(body):
    request = urllib.request.Request(
        os.environ["API_URL"] + "/admin/systems", data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": f"Bearer {os.environ['TOKEN']}",
                 "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status


def counts(run):
    rows = sql(f"SELECT status, count(*) FROM systems WHERE system_name LIKE 'sw-{run}-%' "
               "GROUP BY status")
    return {status: int(n) for status, n in rows}


def register(n):
    threads_n = int(os.environ.get("BENCH_SWEEP_POST_CONCURRENCY", "4"))
    in_flight = int(os.environ.get("BENCH_SWEEP_IN_FLIGHT", "40"))
    run = uuid.uuid4().hex[:6]
    lock = threading.Lock()
    state = {"next": 0, "posted": 0, "active": 0, "errors": [], "retries": 0}

    def worker():
        while True:
            with lock:
                i = state["next"]
                if i >= n or state["errors"]:
                    return
                if state["posted"] - state["active"] >= in_flight:
                    i = None
                else:
                    state["next"] += 1
                    state["posted"] += 1
            if i is None:
                time.sleep(0.2)
                continue
            name = f"sw-{run}-{i}"
            body = {"system_name": name, "data_sources": ["inventory", "orders"],
                    "endpoints": [{"path": f"/{name}/optimize", "method": "POST"}]
                    if ENDPOINTS else []}
            for attempt in range(RETRIES + 1):
                try:
                    status = post(body)
                    if status != 201:
                        state["errors"].append(f"{name}: {status}")
                    break
                except urllib.error.HTTPError as e:
                    # 503 `unavailable` (pre-checks without an answer in time on a loaded
                    # machine): nothing was stored; the API asks to retry after Retry-After.
                    if e.code == 503 and attempt < RETRIES:
                        state["retries"] += 1
                        time.sleep(float(e.headers.get("Retry-After") or 1))
                        continue
                    state["errors"].append(f"{name}: {e.code} {e.read()[:300]!r}")
                except Exception as e:  # noqa: BLE001 - reported below
                    state["errors"].append(f"{name}: {e!r}")
                    break

    start = time.time()
    deadline, last_print = start + TIMEOUT, start
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(threads_n)]
    for t in threads:
        t.start()
    while True:
        time.sleep(1)
        seen = counts(run)
        with lock:
            state["active"] = seen.get("active", 0)
        if state["errors"]:
            sys.exit(f"registrations refused: {state['errors'][:5]}")
        if seen.get("provisioning_failed"):
            sys.exit(f"{seen['provisioning_failed']} systems provisioning_failed: {seen}")
        if state["active"] == n:
            break
        if time.time() > deadline:
            sys.exit(f"only {state['active']} of {n} systems active after {TIMEOUT} s")
        if time.time() - last_print >= 30:
            last_print = time.time()
            print(f"PROGRESS {time.time() - start:7.1f} s: {state['posted']} posted, "
                  f"{state['active']} active", flush=True)
    elapsed = time.time() - start
    print(f"RESULT register n={n} seconds={elapsed:.1f} systems_per_s={n / elapsed:.2f} "
          f"post_concurrency={threads_n} in_flight={in_flight} retried_503={state['retries']} "
          f"run=sw-{run}", flush=True)


def cpu_seconds(pid):
    """User + system CPU seconds a process used so far (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot():
    """CPU seconds of the processes named in BENCH_CPU_PIDS ("name=pid,name=pid")."""
    pids = [kv.split("=") for kv in os.environ.get("BENCH_CPU_PIDS", "").split(",") if kv]
    return {name: cpu_seconds(pid) for name, pid in pids}


def await_checked(since):
    start, last_print = time.time(), 0.0
    deadline = start + TIMEOUT
    cpu_from = None
    while True:
        if cpu_from is None and int(sql(
                f"SELECT count(*) FROM event_publication WHERE event_type = '{VERIFY_EVENT}' "
                f"AND publication_date > to_timestamp({since})")[0][0]) > 0:
            # CPU is counted from the first verify request: the API's start-up is not the sweep's.
            cpu_from, cpu_at = cpu_snapshot(), time.time()
        (total, checked), = sql(
            "SELECT count(*), count(*) FILTER (WHERE drift_checked_at > to_timestamp("
            f"{since})) FROM systems WHERE status = 'active'")
        total, checked = int(total), int(checked)
        if checked == total:
            break
        if time.time() > deadline:
            sys.exit(f"only {checked} of {total} active systems checked after {TIMEOUT} s")
        if time.time() - last_print >= 30:
            last_print = time.time()
            print(f"PROGRESS {time.time() - since:7.1f} s: {checked} of {total} checked",
                  flush=True)
        time.sleep(1)
    observed = time.time()
    cpu_to = cpu_snapshot()
    window = observed - cpu_at
    shares = " ".join(f"cpu_{name}={100 * (cpu_to[name] - cpu_from[name]) / window:.0f}%"
                      for name in cpu_to)
    status = " ".join(f"{s}={n}" for s, n in sql(
        "SELECT drift_status, count(*) FROM systems WHERE status = 'active' GROUP BY 1 ORDER BY 1"))
    (requested, first), = sql(
        "SELECT count(*), coalesce(extract(epoch FROM min(publication_date)), 0) "
        f"FROM event_publication WHERE event_type = '{VERIFY_EVENT}' "
        f"AND publication_date > to_timestamp({since})")
    # Each system's wait from its turn to its check: its turn is next_verify_at minus one interval
    # (the sweep moved it one interval on when it asked for the verify). Small waits: the stack
    # keeps up with the interval's spread; growing waits: the verifies queue up. Systems with a
    # second turn still unanswered are left out (their turn moved on, their check did not).
    interval = float(os.environ.get("BENCH_SWEEP_INTERVAL_SECONDS", "0"))
    lag = sql(
        "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY w)::numeric, 1), "
        "round(percentile_cont(0.95) WITHIN GROUP (ORDER BY w)::numeric, 1), round(max(w)::numeric, 1) "
        "FROM (SELECT extract(epoch FROM drift_checked_at - next_verify_at) + "
        f"{interval} AS w FROM systems WHERE status = 'active' AND verify_job_id IS NULL) t")[0] \
        if interval else ["-"] * 3
    (outstanding,), = sql("SELECT count(*) FROM systems WHERE status = 'active' "
                          "AND verify_job_id IS NOT NULL")
    print(f"RESULT sweep systems={total} seconds={observed - since:.1f} "
          f"first_request_s={float(first) - since:.1f} "
          f"verifies_requested={requested} outstanding={outstanding} {status}", flush=True)
    print(f"WAIT     turn_to_check_p50_s={lag[0]} p95_s={lag[1]} max_s={lag[2]} (from each "
          "system's turn in the interval to its check; after a re-verify, of the re-verify)",
          flush=True)
    print(f"CPU      {shares} (of one core, from the first verify request to the last check, "
          f"{window:.0f} s)", flush=True)


def main():
    if sys.argv[1] == "register":
        register(int(sys.argv[2]))
    elif sys.argv[1] == "await-checked":
        await_checked(float(sys.argv[2]))
    else:
        sys.exit(f"unknown command {sys.argv[1]}")


if __name__ == "__main__":
    main()
