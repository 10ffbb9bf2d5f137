package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagingIntegrationTests extends ApiIntegrationTest {

  private final String token = TestTokens.admin();

  @Test
  void pagingNewestFirstNeitherSkipsNorRepeatsWhileSystemsAreAdded() {
    for (int i = 0; i < 7; i++) {
      register();
    }
    Set<String> existing =
        new HashSet<>(jdbc.queryForList("SELECT system_id::text FROM systems", String.class));
    List<String> seen = new ArrayList<>();
    List<String> addedMeanwhile = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get("/admin/systems?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), token)
              .json();
      page.get("items").forEach(item -> seen.add(item.get("system_id").asString()));
      assertThat(page.get("items").size()).isLessThanOrEqualTo(3);
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
      addedMeanwhile.add(register());
    } while (cursor != null);

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(existing);
    assertThat(seen).doesNotContainAnyElementsOf(addedMeanwhile);
    List<String> createdAt = new ArrayList<>();
    jdbc
        .queryForList(
            "SELECT system_id::text FROM systems ORDER BY created_at DESC, system_id DESC",
            String.class)
        .stream()
        .filter(existing::contains)
        .forEach(createdAt::add);
    assertThat(seen).containsExactlyElementsOf(createdAt);
  }

  @Test
  void statusFilterAnswersOnlyThatStatus() {
    register();

    JsonNode page = api.get("/admin/systems?status=pending_provisioning&limit=200", token).json();

    assertThat(page.get("items").size()).isPositive();
    page.get("items")
        .forEach(
            item -> assertThat(item.get("status").asString()).isEqualTo("pending_provisioning"));
    assertThat(
            api.get("/admin/systems?status=active&limit=200", token)
                .json()
                .get("items")
                .valueStream()
                .map(item -> item.get("status").asString()))
        .allMatch("active"::equals);
  }

  @Test
  void badPagingParametersAre400NamingTheParameter() {
    assertThat(field(api.get("/admin/systems?limit=0", token))).isEqualTo("limit");
    assertThat(field(api.get("/admin/systems?limit=201", token))).isEqualTo("limit");
    assertThat(field(api.get("/admin/systems?limit=many", token))).isEqualTo("limit");
    assertThat(field(api.get("/admin/systems?cursor=garbage", token))).isEqualTo("cursor");
    assertThat(field(api.get("/admin/systems?status=sleeping", token))).isEqualTo("status");
  }

  private static String field(Api.Response response) {
    assertThat(response.status()).isEqualTo(400);
    return response.json().get("errors").get(0).get("field").asString();
  }

  private String register() {
    return api.post("/admin/systems", token, registration(uniqueName("paged")))
        .json()
        .get("system_id")
        .asString();
  }
}
