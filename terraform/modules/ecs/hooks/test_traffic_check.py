"""CodeDeploy AfterAllowTestTraffic hook for platform-api's blue/green deployments.

CodeDeploy calls it once the test listener points at the new (green) task set and waits for
its verdict before any production traffic moves. It checks, on the test listener only:

- GET /actuator/health/readiness answers 200 (the database and the queues are reachable);
- GET /admin/systems without a token answers 401 as application/problem+json (the
  application, not a default page, answers, and it refuses anonymous calls).

Any other outcome reports Failed, and CodeDeploy rolls the deployment back.
"""
import json
import os
import urllib.error
import urllib.request

import boto3

TIMEOUT_SECONDS = 10
ATTEMPTS = int(os.environ.get("CHECK_ATTEMPTS", "6"))


def fetch(url):
    """(status, content type, body) of a GET; HTTP errors are answers too."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def problems(base_url):
    """What is wrong with the green task set, empty when nothing is."""
    found = []
    status, _, _ = fetch(base_url + "/actuator/health/readiness")
    if status != 200:
        found.append(f"readiness answered {status}")
    status, content_type, body = fetch(base_url + "/admin/systems")
    if status != 401 or not content_type.startswith("application/problem+json"):
        found.append(f"anonymous GET /admin/systems answered {status} {content_type}")
    elif json.loads(body or b"{}").get("status") != 401:
        found.append("the 401 body is not a problem with status 401")
    return found


def verdict(base_url, attempts=ATTEMPTS, pause=lambda: None):
    """Succeeded when one of a few attempts finds nothing wrong, else Failed with the reasons."""
    found = []
    for _ in range(attempts):
        try:
            found = problems(base_url)
        except (OSError, ValueError) as error:
            found = [f"test listener unreachable: {error}"]
        if not found:
            return "Succeeded", []
        pause()
    return "Failed", found


def handler(event, _context):
    import time

    status, found = verdict(os.environ["TEST_LISTENER_URL"], pause=lambda: time.sleep(5))
    print(json.dumps({"deploymentId": event["DeploymentId"], "status": status, "problems": found}))
    boto3.client("codedeploy").put_lifecycle_event_hook_execution_status(
        deploymentId=event["DeploymentId"],
        lifecycleEventHookExecutionId=event["LifecycleEventHookExecutionId"],
        status=status,
    )
    return status
