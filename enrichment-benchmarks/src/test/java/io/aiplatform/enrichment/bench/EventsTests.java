package io.aiplatform.enrichment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventsTests {

  @Test
  void everyEventIsOneKilobyteOfJsonAboutTheProductAskedFor() {
    Events events = new Events(1);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      byte[] event = events.event(i, Events.productId(i % 7));
      JsonNode node = new JsonMapper().readTree(event);

      assertThat(event).hasSize(Events.SIZE);
      assertThat(node.get("productId").asString()).isEqualTo(Events.productId(i % 7));
      ids.add(node.get("eventId").asString());
    }
    assertThat(ids).hasSize(2_000);
  }
}
