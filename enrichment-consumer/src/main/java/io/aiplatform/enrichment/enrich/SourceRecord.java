package io.aiplatform.enrichment.enrich;

import java.time.Instant;

/**
 * One record as read from a shard, with the coordinates an error record needs to point back to it.
 *
 * @param shardId the shard it was read from
 * @param sequenceNumber its sequence number in that shard
 * @param partitionKey the key the producer gave it
 * @param arrivedAt when Kinesis accepted it (may be null)
 * @param data its payload, as the producer sent it
 */
public record SourceRecord(
    String shardId, String sequenceNumber, String partitionKey, Instant arrivedAt, byte[] data) {}
