package io.aiplatform.api.security;

import io.aiplatform.api.ApiProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/** The settings' defaults with a chosen key source, for decoder tests without Spring. */
final class SecuritySettings {

  static final String ISSUER = "https://issuer.platform.local";

  private SecuritySettings() {}

  static ApiProperties withKeySource(String jwkSetUri, Resource publicKey) {
    return new ApiProperties(
        "platform",
        "jobs.fifo",
        "results",
        "dlq.fifo",
        DataSize.ofKilobytes(64),
        List.of("python3.11"),
        List.of(),
        Duration.ofHours(2),
        Duration.ofMinutes(1),
        new ApiProperties.Security(
            ISSUER,
            jwkSetUri,
            publicKey,
            List.of("platform-admin-ui", "platform-cli"),
            "platform-api/systems.read",
            "platform-api/systems.write",
            new ApiProperties.TokenCache(1000, Duration.ofMinutes(5))),
        new ApiProperties.Outbox(
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofDays(7),
            Duration.ofMillis(20)),
        new ApiProperties.Audit(10_000, Duration.ofSeconds(1)),
        new ApiProperties.Reconcile(Duration.ofMinutes(30), "report", Duration.ofHours(2)));
  }
}
