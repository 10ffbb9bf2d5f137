package io.aiplatform.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
 */
@Validated
@ConfigurationProperties("platform.worker")
public record WorkerProperties(
    @DefaultValue("platform") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}[a-z0-9]")
        String resourcePrefix,
    @DefaultValue("platform-provisioning-jobs.fifo") @NotBlank String jobsQueue,
    @DefaultValue("platform-provisioning-results") @NotBlank String resultsQueue) {}
