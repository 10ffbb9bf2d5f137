package io.aiplatform.enrichment;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of enrichment-consumer, bound from {@code platform.enrichment.*} (environment: {@code
 * PLATFORM_ENRICHMENT_*}).
 *
 * @param streamName the Kinesis data stream to consume
 * @param applicationName the KCL application name; also the name of its lease table
 * @param referenceTable the DynamoDB table of product reference data, keyed by {@code productId}
 * @param deliveryStream the Firehose delivery stream enriched events go to
 */
@Validated
@ConfigurationProperties("platform.enrichment")
public record EnrichmentProperties(
    @DefaultValue("platform-events") @NotBlank String streamName,
    @DefaultValue("platform-enrichment") @NotBlank String applicationName,
    @DefaultValue("platform-product-reference") @NotBlank String referenceTable,
    @DefaultValue("platform-enriched-events") @NotBlank String deliveryStream) {}
