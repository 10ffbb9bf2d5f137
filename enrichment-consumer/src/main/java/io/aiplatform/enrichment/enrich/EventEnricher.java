package io.aiplatform.enrichment.enrich;

import io.aiplatform.enrichment.delivery.FirehoseBatches;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a batch of stream records into enriched JSON lines and error records. Every input field is
 * kept; the product's reference attributes go under one field, with {@code enrichmentStatus} and
 * {@code enrichedAt} beside them (those three names overwrite input fields of the same name).
 */
public final class EventEnricher {

  static final String STATUS_ENRICHED = "enriched";
  static final String STATUS_NOT_FOUND = "reference_not_found";

  /** DynamoDB refuses partition keys longer than this, which would fail the whole batch. */
  private static final int MAX_KEY_BYTES = 2048;

  private final JsonMapper json =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private final ErrorRecords errorRecords = new ErrorRecords(json);
  private final ReferenceData references;
  private final String referenceField;
  private final Clock clock;
  private final EnrichmentMetrics metrics;

  /** An enricher that looks products up in {@code references}. */
  public EventEnricher(
      ReferenceData references, String referenceField, Clock clock, MeterRegistry registry) {
    this.references = references;
    this.referenceField = referenceField;
    this.clock = clock;
    this.metrics = new EnrichmentMetrics(registry);
  }

  /**
   * Enriches the records; each one ends up either as a line or as error records.
   *
   * @throws RuntimeException when the reference data cannot be read; nothing was counted then, and
   *     the caller retries the whole batch
   */
  public EnrichedBatch enrich(List<SourceRecord> records) {
    Instant now = clock.instant();
    List<Parsed> parsed = new ArrayList<>(records.size());
    List<Failed> failed = new ArrayList<>();
    for (SourceRecord record : records) {
      parse(record, parsed, failed);
    }
    Set<String> ids = new LinkedHashSet<>();
    parsed.forEach(p -> ids.add(p.productId()));
    Map<String, JsonNode> found = references.lookup(ids);

    List<byte[]> lines = new ArrayList<>(parsed.size());
    for (Parsed p : parsed) {
      enrich(p, found.get(p.productId()), now, lines, failed);
    }
    List<byte[]> errors = new ArrayList<>();
    for (Failed f : failed) {
      errors.addAll(errorRecords.lines(f.source(), f.reason(), f.detail(), now));
      metrics.failed(f.reason());
    }
    metrics.received(records.size());
    return new EnrichedBatch(lines, errors);
  }

  private void enrich(
      Parsed p, JsonNode reference, Instant now, List<byte[]> lines, List<Failed> failed) {
    ObjectNode event = p.event();
    event.set(referenceField, reference);
    event.put("enrichmentStatus", reference == null ? STATUS_NOT_FOUND : STATUS_ENRICHED);
    event.put("enrichedAt", now.toString());
    byte[] line = line(event);
    if (line.length > FirehoseBatches.MAX_RECORD_BYTES) {
      failed.add(new Failed(p.source(), ErrorReason.RECORD_TOO_LARGE, tooLarge(line.length)));
    } else {
      lines.add(line);
      metrics.delivered(reference != null);
    }
  }

  private void parse(SourceRecord record, List<Parsed> parsed, List<Failed> failed) {
    JsonNode node;
    try {
      node = json.readTree(record.data());
    } catch (JacksonException e) {
      failed.add(new Failed(record, ErrorReason.INVALID_JSON, e.getOriginalMessage()));
      return;
    }
    if (node == null || !node.isObject()) {
      failed.add(new Failed(record, ErrorReason.INVALID_JSON, "not a JSON object"));
      return;
    }
    JsonNode id = node.get(ReferenceData.KEY);
    if (id == null || id.isNull() || (id.isString() && id.asString().isBlank())) {
      failed.add(new Failed(record, ErrorReason.MISSING_PRODUCT_ID, "no productId"));
    } else if (!id.isString()) {
      failed.add(new Failed(record, ErrorReason.INVALID_PRODUCT_ID, "productId is not a string"));
    } else if (id.asString().getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      failed.add(
          new Failed(record, ErrorReason.INVALID_PRODUCT_ID, "productId exceeds 2048 bytes"));
    } else {
      parsed.add(new Parsed(record, (ObjectNode) node, id.asString()));
    }
  }

  private byte[] line(ObjectNode event) {
    byte[] body = json.writeValueAsBytes(event);
    byte[] line = Arrays.copyOf(body, body.length + 1);
    line[body.length] = '\n';
    return line;
  }

  private static String tooLarge(int bytes) {
    return "enriched event of "
        + bytes
        + " bytes exceeds Firehose's record limit of "
        + FirehoseBatches.MAX_RECORD_BYTES;
  }

  private record Parsed(SourceRecord source, ObjectNode event, String productId) {}

  private record Failed(SourceRecord source, ErrorReason reason, String detail) {}
}
