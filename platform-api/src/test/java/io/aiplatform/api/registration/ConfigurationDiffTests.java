package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.registration.TimelineEvent.FieldChange;
import io.aiplatform.contracts.SystemSpec;
import io.aiplatform.contracts.SystemSpec.Endpoint;
import io.aiplatform.contracts.SystemSpec.LambdaConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff a change shows on the timeline: each changed field, before and after. */
class ConfigurationDiffTests {

  private static final SystemSpec BEFORE =
      new SystemSpec(
          "s",
          "old",
          List.of("a"),
          List.of(new Endpoint("/s", "GET")),
          new LambdaConfig(512, 30, "python3.12"));

  @Test
  void anUnchangedConfigurationHasNoDiff() {
    assertThat(ConfigurationDiff.between(BEFORE, BEFORE)).isEmpty();
  }

  @Test
  void aRemovedDescriptionAndARemovedLambdaConfigBecomeNull() {
    SystemSpec after = new SystemSpec("s", null, List.of("a"), BEFORE.endpoints(), null);

    assertThat(ConfigurationDiff.between(BEFORE, after))
        .containsExactly(
            new FieldChange("description", "old", null),
            new FieldChange("lambda_config.memory", 512, null),
            new FieldChange("lambda_config.timeout", 30, null),
            new FieldChange("lambda_config.runtime", "python3.12", null));
  }

  @Test
  void listsAreComparedWhole() {
    SystemSpec after =
        new SystemSpec(
            "s", "old", List.of(), List.of(new Endpoint("/s", "ANY")), BEFORE.lambdaConfig());

    assertThat(ConfigurationDiff.between(BEFORE, after))
        .containsExactly(
            new FieldChange("data_sources", List.of("a"), List.of()),
            new FieldChange("endpoints", endpoints(BEFORE), endpoints(after)));
  }

  /** Endpoints as the diff holds them: as the API writes them. */
  static List<Map<String, String>> endpoints(SystemSpec spec) {
    return spec.endpoints().stream()
        .map(
            e -> {
              Map<String, String> m = new LinkedHashMap<>();
              m.put("path", e.path());
              m.put("method", e.method());
              return m;
            })
        .toList();
  }
}
