#!/usr/bin/env python3
"""Where platform-api's CPU goes: reads `jfr print --events jdk.ExecutionSample` output on stdin
and prints the share of samples whose stack contains each of a few markers (not exclusive: one
sample can count for several)."""
import sys

# Library code only runs inside these calls; wrapping filters (security, audit, Tomcat's
# processor) sit under every request's stack and would match everything, so none is a marker.
MARKERS = [
    ("bearer token: Nimbus JOSE decode + RSA verify", ("com.nimbusds", "NimbusJwtDecoder")),
    ("database: JDBC driver + Hikari", ("org.postgresql", "com.zaxxer")),
    ("audit write (AuditLog.append)", ("AuditLog.append",)),
    ("outbox relay: AWS SDK, Netty (SQS send)", ("software.amazon.awssdk", "io.netty")),
    ("JSON: Jackson", ("tools.jackson",)),
    ("registration rules (validation)", ("RegistrationRules",)),
    ("logging: Logback", ("ch.qos.logback",)),
]

samples, counts, stack = 0, {name: 0 for name, _ in MARKERS}, []
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack = []
    elif line.strip() == "]" and stack is not None:
        samples += 1
        text = "\n".join(stack)
        for name, needles in MARKERS:
            if any(n in text for n in needles):
                counts[name] += 1
        stack = None
    elif stack is not None:
        stack.append(line)
if not samples:
    sys.exit("no execution samples")
print(f"PROFILE  {samples} CPU samples of platform-api (JFR) during a registration run:")
for name, _ in MARKERS:
    print(f"PROFILE  {100 * counts[name] / samples:5.1f} %  {name}")
print("PROFILE  (share of samples whose stack contains the marker; one sample may count twice)")
