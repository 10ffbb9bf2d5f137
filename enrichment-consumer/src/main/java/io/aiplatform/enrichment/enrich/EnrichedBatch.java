package io.aiplatform.enrichment.enrich;

import java.util.List;

/**
 * The outcome of enriching a batch of records: every record is in exactly one of the lists.
 *
 * @param lines enriched events, one JSON line each, for the delivery stream
 * @param errors error records, one JSON line each, for the error delivery stream
 */
public record EnrichedBatch(List<byte[]> lines, List<byte[]> errors) {

  public EnrichedBatch {
    lines = List.copyOf(lines);
    errors = List.copyOf(errors);
  }
}
