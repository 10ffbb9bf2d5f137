package io.aiplatform.api;

import io.aiplatform.contracts.QueueNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of platform-api, bound from {@code platform.api.*} (environment: {@code
 * PLATFORM_API_*}). Every setting is listed in {@code docs/api.md}.
 *
 * @param resourcePrefix prefix of every AWS resource name a system gets; registrations are
 *     validated against the names it yields
 * @param jobsQueue the SQS FIFO queue provisioning jobs are sent to
 * @param resultsQueue the SQS queue provisioner-worker reports results on
 * @param jobsDlq the SQS FIFO dead-letter queue of the jobs queue
 * @param maxRequestBody the largest request body accepted; larger ones are answered 413
 * @param lambdaRuntimes the runtimes {@code lambda_config.runtime} may name
 * @param corsAllowedOrigins browser origins (the admin UI) allowed to call the API
 * @param pendingTimeout how long a system may wait for its job's result before it is marked failed,
 *     so that none stays pending forever (well above the worker's retry budget)
 * @param pendingCheckInterval how often systems are checked against {@code pendingTimeout}
 * @param security how bearer tokens are checked
 * @param outbox how unsent provisioning jobs are retried
 * @param audit how audit records are kept while the database cannot take them
 * @param reconcile how active systems are checked for drift
 */
@Validated
@ConfigurationProperties("platform.api")
public record ApiProperties(
    @DefaultValue("platform") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}[a-z0-9]")
        String resourcePrefix,
    @DefaultValue(QueueNames.JOBS) @NotBlank String jobsQueue,
    @DefaultValue(QueueNames.RESULTS) @NotBlank String resultsQueue,
    @DefaultValue(QueueNames.JOBS_DLQ) @NotBlank String jobsDlq,
    @DefaultValue("64KB") @NotNull DataSize maxRequestBody,
    @DefaultValue({
          "python3.10",
          "python3.11",
          "python3.12",
          "python3.13",
          "nodejs18.x",
          "nodejs20.x",
          "nodejs22.x",
          "java17",
          "java21"
        })
        @NotEmpty
        List<String> lambdaRuntimes,
    @DefaultValue({}) List<String> corsAllowedOrigins,
    @DefaultValue("2h") @NotNull Duration pendingTimeout,
    @DefaultValue("1m") @NotNull Duration pendingCheckInterval,
    @DefaultValue @Valid Security security,
    @DefaultValue @Valid Outbox outbox,
    @DefaultValue @Valid Audit audit,
    @DefaultValue @Valid Reconcile reconcile) {

  /**
   * Bearer token checks. Exactly one key source should be set; with none, every token is refused.
   *
   * @param issuer the required {@code iss} claim
   * @param jwkSetUri where the signing keys are published (Cognito: {@code
   *     <issuer>/.well-known/jwks.json})
   * @param publicKeyLocation a PEM public key, for local development and tests
   * @param allowedClientIds the {@code client_id} claims accepted
   * @param readScope the scope needed to read
   * @param writeScope the scope needed to register, delete and retry
   * @param tokenCache how accepted tokens are remembered between requests
   */
  public record Security(
      @DefaultValue("https://issuer.platform.local") @NotBlank String issuer,
      String jwkSetUri,
      Resource publicKeyLocation,
      @DefaultValue({"platform-admin-ui", "platform-cli"}) @NotEmpty List<String> allowedClientIds,
      @DefaultValue("platform-api/systems.read") @NotBlank String readScope,
      @DefaultValue("platform-api/systems.write") @NotBlank String writeScope,
      @DefaultValue @Valid TokenCache tokenCache) {}

  /**
   * Accepted bearer tokens, remembered so that a client's repeated token is verified once.
   *
   * @param size how many distinct tokens are remembered; 0 verifies every request's token
   * @param ttl how long a token is remembered, at most; also how long a signing key withdrawn from
   *     the JWK set keeps its tokens accepted
   */
  public record TokenCache(
      @DefaultValue("1000") @Min(0) int size, @DefaultValue("5m") @NotNull Duration ttl) {}

  /**
   * The transactional outbox relay.
   *
   * @param resubmitInterval how often unsent jobs are looked for
   * @param resubmitOlderThan how old an unsent job must be before it is sent again
   * @param retainCompleted how long sent jobs stay in the outbox table before they are purged
   * @param batchWindow how long the relay waits for more jobs to fill a SendMessageBatch call (ten
   *     jobs) before it sends what it has: the most a job's send is delayed
   */
  public record Outbox(
      @DefaultValue("30s") @NotNull Duration resubmitInterval,
      @DefaultValue("30s") @NotNull Duration resubmitOlderThan,
      @DefaultValue("7d") @NotNull Duration retainCompleted,
      @DefaultValue("20ms") @NotNull @DurationMin(millis = 1) Duration batchWindow) {}

  /**
   * Audit records of reads and refusals that could not be written when their request ended (the
   * database was unreachable) are kept in memory, and written once the database is back.
   *
   * @param bufferCapacity how many records may wait in memory, counting requests in flight; when
   *     none is left, requests under {@code /admin} are refused with 503 rather than served
   *     unaudited
   * @param flushInterval how often kept records are written to the database
   */
  public record Audit(
      @DefaultValue("10000") @Min(1) int bufferCapacity,
      @DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration flushInterval) {}

  /**
   * Drift detection: the periodic sweep that asks the worker to verify every active system.
   *
   * @param interval how often each active system is verified; systems are spread over it
   * @param policy what a verify does with drift unless the system names its own policy: {@code
   *     report} (record only) or {@code repair} (also converge)
   * @param verifyTimeout how long a verify may stay unanswered before the sweep sends another;
   *     until then the system's turns are skipped, so a slow worker gets no pile of verifies
   */
  public record Reconcile(
      @DefaultValue("30m") @NotNull @DurationMin(seconds = 1) Duration interval,
      @DefaultValue("report") @NotNull @Pattern(regexp = "report|repair") String policy,
      @DefaultValue("2h") @NotNull @DurationMin(seconds = 1) Duration verifyTimeout) {}
}
