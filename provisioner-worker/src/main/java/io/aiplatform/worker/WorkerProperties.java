package io.aiplatform.worker;

import io.aiplatform.contracts.QueueNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of provisioner-worker, bound from {@code platform.worker.*} (environment: {@code
 * PLATFORM_WORKER_*}).
 *
 * @param resourcePrefix prefix of every AWS resource name the worker manages
 * @param jobsQueue the SQS FIFO queue jobs arrive on
 * @param resultsQueue the SQS queue results are sent to
 * @param intentsTable the DynamoDB table where a job records the resources it is about to create
 *     without tags in the same call
 * @param concurrency how many jobs (of different systems) run at once
 * @param pollTimeout how long one receive call on the jobs queue waits for messages
 * @param visibilityExtension how far a running job pushes its message's visibility each time; it
 *     does so every half of this
 * @param retryBaseDelay delay before the second attempt of a job that hit a transient error; it
 *     doubles per attempt
 * @param retryMaxDelay upper bound of that delay
 * @param awsMaxAttempts attempts of one AWS call (the SDK's standard retry strategy) before the
 *     step fails with its error
 * @param buckets settings of the three data buckets
 * @param glue settings of the Glue crawler
 * @param eventbridge settings of the raw-to-curated rule
 * @param dms settings of the optional DMS replication; all four must be set to enable it
 * @param functions settings of each system's Lambda function and its log group
 * @param api the platform HTTP API the systems' routes go on; routes only when both ids are set
 * @param alarms settings of each system's CloudWatch alarms
 */
@Validated
@ConfigurationProperties("platform.worker")
public record WorkerProperties(
    @DefaultValue("platform") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}[a-z0-9]")
        String resourcePrefix,
    @DefaultValue(QueueNames.JOBS) @NotBlank String jobsQueue,
    @DefaultValue(QueueNames.RESULTS) @NotBlank String resultsQueue,
    @DefaultValue(DEFAULT_INTENTS_TABLE) @NotBlank String intentsTable,
    @DefaultValue("10") @Min(1) @Max(100) int concurrency,
    @DefaultValue("10s") @NotNull Duration pollTimeout,
    @DefaultValue("60s") @NotNull Duration visibilityExtension,
    @DefaultValue("10s") @NotNull Duration retryBaseDelay,
    @DefaultValue("15m") @NotNull Duration retryMaxDelay,
    @DefaultValue("5") @Min(1) @Max(10) int awsMaxAttempts,
    @DefaultValue @Valid Buckets buckets,
    @DefaultValue @Valid Glue glue,
    @DefaultValue @Valid EventBridge eventbridge,
    @DefaultValue @Valid Dms dms,
    @DefaultValue @Valid Functions functions,
    @DefaultValue @Valid Api api,
    @DefaultValue @Valid Alarms alarms) {

  /** The default create-intents table. */
  public static final String DEFAULT_INTENTS_TABLE = "platform-provisioning-intents";

  @AssertTrue(message = "poll-timeout must be between 1 and 20 seconds")
  boolean isPollTimeoutValid() {
    return pollTimeout.toMillis() >= 1000 && pollTimeout.toSeconds() <= 20;
  }

  @AssertTrue(message = "visibility-extension must be between 2 seconds and 12 hours")
  boolean isVisibilityExtensionValid() {
    return visibilityExtension.toSeconds() >= 2 && visibilityExtension.toHours() <= 12;
  }

  @AssertTrue(message = "retry delays must be between 0 and 12 hours, base <= max")
  boolean isRetryDelayValid() {
    return !retryBaseDelay.isNegative()
        && retryBaseDelay.compareTo(retryMaxDelay) <= 0
        && retryMaxDelay.toHours() < 12;
  }

  /**
   * Settings of the data buckets.
   *
   * @param kmsKeyId the KMS key (id, ARN or alias) for default SSE-KMS encryption
   * @param rawTransitionDays age in days after which raw objects move to a cheaper class
   * @param rawTransitionStorageClass the storage class raw objects move to
   * @param noncurrentVersionExpirationDays days after which noncurrent versions expire
   */
  public record Buckets(
      @DefaultValue("alias/platform-data") @NotBlank String kmsKeyId,
      @DefaultValue("30") @Min(1) int rawTransitionDays,
      @DefaultValue("STANDARD_IA")
          @Pattern(regexp = "STANDARD_IA|ONEZONE_IA|INTELLIGENT_TIERING|GLACIER_IR|GLACIER")
          String rawTransitionStorageClass,
      @DefaultValue("90") @Min(1) int noncurrentVersionExpirationDays) {}

  /**
   * Settings of the Glue crawler.
   *
   * @param crawlerRoleArn the IAM role the crawler runs as
   * @param crawlerSchedule when the crawler runs
   */
  public record Glue(
      @DefaultValue("arn:aws:iam::000000000000:role/platform-glue-crawler") @NotBlank
          String crawlerRoleArn,
      @DefaultValue("cron(0 */6 * * ? *)") @NotBlank String crawlerSchedule) {}

  /**
   * Settings of the raw-to-curated EventBridge rule.
   *
   * @param targetArn where matching events go; no target when blank
   */
  public record EventBridge(@DefaultValue("") String targetArn) {

    /** Whether a target is configured. */
    public boolean hasTarget() {
      return present(targetArn);
    }
  }

  /**
   * Settings of the optional DMS replication into the raw bucket.
   *
   * @param replicationInstanceArn the platform's replication instance
   * @param sourceEndpointArn the platform's source database endpoint
   * @param sourceSchema the schema the system's {@code data_sources} tables live in
   * @param s3ServiceRoleArn the role DMS uses to write to the raw bucket
   */
  public record Dms(
      @DefaultValue("") String replicationInstanceArn,
      @DefaultValue("") String sourceEndpointArn,
      @DefaultValue("") String sourceSchema,
      @DefaultValue("") String s3ServiceRoleArn) {

    /** Whether every DMS setting is present, which turns DMS replication on. */
    public boolean enabled() {
      return present(replicationInstanceArn)
          && present(sourceEndpointArn)
          && present(sourceSchema)
          && present(s3ServiceRoleArn);
    }
  }

  /**
   * Settings of each system's Lambda function {@code P-S-handler}.
   *
   * @param executionRoleArn the IAM role every system's function runs as
   * @param defaultMemory memory in MiB when {@code lambda_config} names none
   * @param defaultTimeout timeout in seconds when {@code lambda_config} names none
   * @param defaultRuntime runtime when {@code lambda_config} names none
   * @param logRetentionDays how long the function's log group keeps its logs
   * @param templates where each runtime family's code template lies
   */
  public record Functions(
      @DefaultValue("arn:aws:iam::000000000000:role/platform-system-function") @NotBlank
          String executionRoleArn,
      @DefaultValue("512") @Min(128) @Max(10240) int defaultMemory,
      @DefaultValue("30") @Min(1) @Max(900) int defaultTimeout,
      @DefaultValue("python3.12") @Pattern(regexp = "(python|nodejs|java)[0-9.x]+")
          String defaultRuntime,
      @DefaultValue("30") int logRetentionDays,
      @DefaultValue @Valid Templates templates) {

    /** The retention periods CloudWatch Logs accepts. */
    static final java.util.Set<Integer> RETENTIONS =
        java.util.Set.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
            2922, 3288, 3653);

    @AssertTrue(message = "functions.log-retention-days must be a period CloudWatch Logs accepts")
    boolean isLogRetentionValid() {
      return RETENTIONS.contains(logRetentionDays);
    }
  }

  /**
   * The code a new function gets, per runtime family: {@code s3://bucket/key} of a zip, or empty
   * for the small handler the worker ships (it answers each route with the system's name and the
   * route). A template must have the handler the built-in one has ({@code handler.handler}, {@code
   * index.handler}, {@code io.aiplatform.handler.Handler::handleRequest}).
   *
   * @param python for {@code python3.*} runtimes
   * @param nodejs for {@code nodejs*} runtimes
   * @param java for {@code java*} runtimes
   */
  public record Templates(
      @DefaultValue("") @Pattern(regexp = "|s3://[^/]+/.+") String python,
      @DefaultValue("") @Pattern(regexp = "|s3://[^/]+/.+") String nodejs,
      @DefaultValue("") @Pattern(regexp = "|s3://[^/]+/.+") String java) {}

  /**
   * The platform HTTP API that carries every system's routes.
   *
   * @param id the API's id
   * @param authorizerId the JWT authorizer every route uses
   * @param stage the stage whose metrics the dashboards and alarms show
   */
  public record Api(
      @DefaultValue("") String id,
      @DefaultValue("") String authorizerId,
      @DefaultValue("$default") @NotBlank String stage) {

    /** Whether the API and its authorizer are configured, which turns routes on. */
    public boolean enabled() {
      return present(id) && present(authorizerId);
    }
  }

  /**
   * Settings of the alarms {@code P-S-handler-errors} and {@code P-S-5xx}.
   *
   * @param topicArn the SNS topic the alarms notify; no actions when blank
   */
  public record Alarms(@DefaultValue("") String topicArn) {}

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
