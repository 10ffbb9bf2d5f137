package io.aiplatform.enrichment.enrich;

import io.aiplatform.enrichment.delivery.FirehoseBatches;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON lines of the error destination: the reason, the original payload and where it
 * came from. A payload too large for one Firehose record is split into base64 parts, so nothing is
 * lost even then.
 */
final class ErrorRecords {

  /** Raw bytes per part: base64 makes 800 KiB of them, leaving room for the other fields. */
  static final int PART_BYTES = 600 * 1024;

  private static final int MAX_DETAIL_CHARS = 500;

  private final JsonMapper json;

  ErrorRecords(JsonMapper json) {
    this.json = json;
  }

  List<byte[]> lines(SourceRecord source, ErrorReason reason, String detail, Instant failedAt) {
    ObjectNode base = json.createObjectNode();
    base.put("reason", reason.code());
    base.put("detail", truncate(detail));
    base.put("shardId", source.shardId());
    base.put("sequenceNumber", source.sequenceNumber());
    base.put("partitionKey", source.partitionKey());
    base.put("arrivedAt", source.arrivedAt() == null ? null : source.arrivedAt().toString());
    base.put("failedAt", failedAt.toString());
    String text = utf8(source.data());
    if (text != null) {
      ObjectNode whole = base.deepCopy().put("payloadEncoding", "utf-8").put("payload", text);
      byte[] line = line(whole);
      if (line.length <= FirehoseBatches.MAX_RECORD_BYTES) {
        return List.of(line);
      }
    }
    return parts(base, source.data());
  }

  private List<byte[]> parts(ObjectNode base, byte[] data) {
    int parts = Math.max(1, (data.length + PART_BYTES - 1) / PART_BYTES);
    List<byte[]> lines = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      byte[] slice =
          Arrays.copyOfRange(
              data, part * PART_BYTES, Math.min(data.length, (part + 1) * PART_BYTES));
      ObjectNode node = base.deepCopy();
      node.put("payloadEncoding", "base64");
      node.put("payload", Base64.getEncoder().encodeToString(slice));
      node.put("part", part + 1);
      node.put("parts", parts);
      lines.add(line(node));
    }
    return lines;
  }

  private byte[] line(ObjectNode node) {
    byte[] body = json.writeValueAsBytes(node);
    byte[] line = Arrays.copyOf(body, body.length + 1);
    line[body.length] = '\n';
    return line;
  }

  private static String utf8(byte[] data) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String truncate(String detail) {
    return detail.length() <= MAX_DETAIL_CHARS ? detail : detail.substring(0, MAX_DETAIL_CHARS);
  }
}
