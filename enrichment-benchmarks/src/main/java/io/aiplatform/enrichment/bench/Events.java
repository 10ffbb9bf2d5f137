package io.aiplatform.enrichment.bench;

import java.time.Instant;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sales events of exactly {@link #SIZE} bytes, shaped like seed 002's test event with the fields a
 * real producer adds (customer, store, channel, line prices), padded by a free-text note.
 */
public final class Events {

  /** Bytes per event: the "1 KB events" of the benchmarks. */
  public static final int SIZE = 1024;

  private static final JsonMapper JSON = new JsonMapper();
  private static final String[] CHANNELS = {"web", "store", "mobile", "partner"};
  private static final String[] SEGMENTS = {"new", "regular", "loyal", "business"};

  private final Random random;

  /** Events drawn from a generator seeded with {@code seed}, so runs are repeatable. */
  public Events(long seed) {
    this.random = new Random(seed);
  }

  /** The product id of product number {@code n}, as the benchmarks' reference tables hold it. */
  public static String productId(int n) {
    return "PROD-%07d".formatted(n);
  }

  /** Event number {@code sequence} about {@code productId}, exactly {@link #SIZE} bytes. */
  public byte[] event(long sequence, String productId) {
    ObjectNode event = JSON.createObjectNode();
    event.put("eventId", "evt-%012d".formatted(sequence));
    event.put("productId", productId);
    event.put("eventType", "purchase");
    event.put("quantity", 1 + random.nextInt(9));
    event.put("unitPrice", new java.math.BigDecimal(random.nextInt(100_000)).movePointLeft(2));
    event.put("currency", "EUR");
    event.put("timestamp", Instant.ofEpochSecond(1_767_225_600L + sequence).toString());
    event.put("storeId", "store-%03d".formatted(random.nextInt(500)));
    event.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
    ObjectNode customer = event.putObject("customer");
    customer.put("customerId", "cust-%08d".formatted(random.nextInt(10_000_000)));
    customer.put("segment", SEGMENTS[random.nextInt(SEGMENTS.length)]);
    customer.put("country", "DE");
    customer.put("loyaltyPoints", random.nextInt(20_000));
    event
        .putArray("tags")
        .add("promo-spring")
        .add("bundle")
        .add("campaign-%02d".formatted(sequence % 40));
    event.put("note", "");
    int padding = SIZE - JSON.writeValueAsBytes(event).length;
    if (padding < 0) {
      throw new IllegalStateException("event larger than " + SIZE + " bytes before padding");
    }
    event.put("note", pad(padding));
    byte[] bytes = JSON.writeValueAsBytes(event);
    if (bytes.length != SIZE) {
      throw new IllegalStateException("event of " + bytes.length + " bytes");
    }
    return bytes;
  }

  private String pad(int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append((char) ('a' + random.nextInt(26)));
      if (text.length() % 9 == 0 && text.length() < length) {
        text.append(' ');
      }
    }
    text.setLength(length);
    return text.toString();
  }
}
