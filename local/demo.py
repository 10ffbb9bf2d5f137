#!/usr/bin/env python3
"""The product in one run, against a running local stack (scripts/run-local.sh or compose).

Registers a system through the API, follows it to `active` and prints its resources, puts
1,000 events on the stream, and prints how many enriched events reached S3 and a few of them.
One product in six, PROD-999, is deliberately missing from the reference table: its events show
that an unknown product is still delivered, with status reference_not_found. Exits non-zero as
soon as a step fails.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

import boto3

API = os.environ.get("API_URL", "http://127.0.0.1:8080")
TOKEN = os.environ["TOKEN"]
PREFIX = os.environ.get("PLATFORM_PREFIX", "platform")
BUCKET = os.environ.get("PLATFORM_DELIVERY_BUCKET", f"{PREFIX}-enriched-data-123456789012")
REGION = os.environ.get("AWS_REGION", "us-east-1")
EVENTS = int(os.environ.get("DEMO_EVENTS", "1000"))
# Not in the reference table local/init.py loads, on purpose (see the docstring).
UNKNOWN_PRODUCT = "PROD-999"
TIMEOUT = float(os.environ.get("DEMO_TIMEOUT_SECONDS", "180"))


def fail(message):
    print(f"DEMO FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(API + path, data=data, method=method, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")
    except urllib.error.URLError as e:
        fail(f"cannot reach the API at {API}: {e.reason}")


def wait_for(what, check):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(1)
    fail(f"timed out after {TIMEOUT:.0f} s waiting for {what}")


def register():
    name = f"demo-{uuid.uuid4().hex[:8]}"
    status, body = call("POST", "/admin/systems", {
        "system_name": name, "description": "demand forecasting demo",
        "data_sources": ["orders", "inventory"],
        "endpoints": [{"path": f"/{name}/forecast", "method": "GET"}],
        "lambda_config": {"memory": 1024, "timeout": 60, "runtime": "python3.11"}})
    if status != 201:
        fail(f"registration answered {status}: {body}")
    print(f"1. registered {name} as {body['system_id']} ({body['status']})")
    started = time.monotonic()

    def active():
        _, system = call("GET", f"/admin/systems/{body['system_id']}")
        if system["status"] in ("provisioning_failed", "deprovisioning_failed"):
            fail(f"provisioning failed: {system.get('error_message')}")
        return system if system["status"] == "active" else None

    system = wait_for("the system to become active", active)
    print(f"2. active after {time.monotonic() - started:.1f} s; resources:")
    print(json.dumps(system["infrastructure"], indent=2))


def send_events(run):
    kinesis = boto3.client("kinesis", region_name=REGION)
    products = ["PROD-001", "PROD-002", "PROD-003", "PROD-004", "PROD-005", UNKNOWN_PRODUCT]
    records = [{"PartitionKey": str(uuid.uuid4()), "Data": json.dumps({
        "eventId": f"{run}-{i}", "productId": products[i % len(products)], "quantity": i % 7 + 1,
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}).encode()}
        for i in range(EVENTS)]
    for start in range(0, len(records), 500):
        answer = kinesis.put_records(StreamName=f"{PREFIX}-events", Records=records[start:start + 500])
        if answer.get("FailedRecordCount"):
            fail(f"{answer['FailedRecordCount']} events were refused by Kinesis")
    print(f"3. put {EVENTS} events on {PREFIX}-events (run {run}); one in six is for "
          f"{UNKNOWN_PRODUCT}, which is deliberately not in the reference table")


def enriched_lines(s3, run):
    lines = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="enriched/"):
        for item in page.get("Contents", []):
            body = s3.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read().decode()
            lines += [line for line in body.splitlines() if f'"{run}-' in line]
    return lines


def main():
    register()
    run = uuid.uuid4().hex[:8]
    send_events(run)
    s3 = boto3.client("s3", region_name=REGION)
    started = time.monotonic()
    lines = wait_for(f"{EVENTS} enriched events in s3://{BUCKET}/enriched/",
                     lambda: (found := enriched_lines(s3, run)) and len(found) >= EVENTS and found)
    print(f"4. {len(lines)} enriched events reached s3://{BUCKET}/enriched/ "
          f"within {time.monotonic() - started:.1f} s; three of them:")
    for line in lines[:3]:
        print("   " + line)
    statuses = {}
    for line in lines:
        status = json.loads(line)["enrichmentStatus"]
        statuses[status] = statuses.get(status, 0) + 1
    print(f"   by status: {statuses}")
    unknown = statuses.get("reference_not_found", 0)
    if unknown:
        print(f"   the {unknown} reference_not_found events are the {UNKNOWN_PRODUCT} ones, as intended: "
              "an unknown product is delivered, not dropped")
    if len(lines) != EVENTS:
        fail(f"expected {EVENTS} enriched events, found {len(lines)}")
    print("DEMO PASSED")


if __name__ == "__main__":
    main()
