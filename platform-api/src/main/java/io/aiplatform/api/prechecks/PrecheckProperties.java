package io.aiplatform.api.prechecks;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the read-only checks a registration and a dry run make against AWS, bound from {@code
 * platform.api.prechecks.*} (environment: {@code PLATFORM_API_PRECHECKS_*}). They live beside the
 * checks rather than in {@code ApiProperties} because only this package reads them.
 *
 * @param enabled whether registrations are checked; off, a dry run answers its plan with every
 *     action {@code create} and no checks
 * @param timeout how long all checks of one request may take together; past it, or when AWS cannot
 *     be reached, the request is answered 503
 * @param awsMaxAttempts attempts of one read call (the SDK's standard retries) within that time
 * @param bucketQuota the account's general purpose bucket quota when Service Quotas does not answer
 *     for S3 (AWS documents 10,000 by default)
 * @param apiId the platform HTTP API the systems' routes go on; no route check when blank
 * @param dmsSourceEndpointArn the platform's DMS source endpoint; blank: the platform does not
 *     replicate, and there is no DMS check
 * @param dmsSourceSchema the schema of the source database the systems' {@code data_sources} tables
 *     live in (as the worker's {@code PLATFORM_WORKER_DMS_SOURCE_SCHEMA})
 */
@Validated
@ConfigurationProperties("platform.api.prechecks")
public record PrecheckProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("5s") @NotNull @DurationMin(millis = 100) Duration timeout,
    @DefaultValue("2") @Min(1) int awsMaxAttempts,
    @DefaultValue("10000") @Min(1) int bucketQuota,
    @DefaultValue("") String apiId,
    @DefaultValue("") String dmsSourceEndpointArn,
    @DefaultValue("public") @NotBlank String dmsSourceSchema) {

  /** Whether the systems' routes are checked on the platform HTTP API. */
  boolean checksRoutes() {
    return apiId != null && !apiId.isBlank();
  }

  /** Whether the platform replicates with DMS. */
  boolean replicates() {
    return dmsSourceEndpointArn != null && !dmsSourceEndpointArn.isBlank();
  }
}
