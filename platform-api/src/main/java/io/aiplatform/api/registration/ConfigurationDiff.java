package io.aiplatform.api.registration;

import io.aiplatform.api.registration.TimelineEvent.FieldChange;
import io.aiplatform.contracts.SystemSpec;
import io.aiplatform.contracts.SystemSpec.LambdaConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a change changes, field by field, in the API's terms: {@code description}, {@code
 * data_sources} and {@code endpoints} as wholes, {@code lambda_config} member by member.
 */
final class ConfigurationDiff {

  private ConfigurationDiff() {}

  static List<FieldChange> between(SystemSpec before, SystemSpec after) {
    List<FieldChange> changes = new ArrayList<>();
    add(changes, "description", before.description(), after.description());
    add(changes, "data_sources", before.dataSources(), after.dataSources());
    add(changes, "endpoints", endpoints(before), endpoints(after));
    lambda(changes, "memory", before, after, LambdaConfig::memory);
    lambda(changes, "timeout", before, after, LambdaConfig::timeout);
    lambda(changes, "runtime", before, after, LambdaConfig::runtime);
    return changes;
  }

  private static void lambda(
      List<FieldChange> changes,
      String member,
      SystemSpec before,
      SystemSpec after,
      Function<LambdaConfig, Object> value) {
    add(
        changes,
        "lambda_config." + member,
        before.lambdaConfig() == null ? null : value.apply(before.lambdaConfig()),
        after.lambdaConfig() == null ? null : value.apply(after.lambdaConfig()));
  }

  /** Endpoints as the API writes them: {@code {"path": ..., "method": ...}}. */
  private static List<Map<String, String>> endpoints(SystemSpec spec) {
    return spec.endpoints().stream()
        .map(
            e -> {
              Map<String, String> endpoint = new LinkedHashMap<>();
              endpoint.put("path", e.path());
              endpoint.put("method", e.method());
              return endpoint;
            })
        .toList();
  }

  private static void add(List<FieldChange> changes, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(new FieldChange(field, before, after));
    }
  }
}
