package io.aiplatform.api.registration;

import io.aiplatform.contracts.SystemSpec;
import java.util.Set;
import java.util.stream.Collectors;

/** The routes ({@code METHOD path}) a configuration has on the platform HTTP API. */
final class Routes {

  private Routes() {}

  static Set<String> of(SystemSpec spec) {
    return spec == null
        ? Set.of()
        : spec.endpoints().stream()
            .map(SystemSpec.Endpoint::routeKey)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The routes of {@code a} that {@code b} lacks. */
  static Set<String> minus(Set<String> a, Set<String> b) {
    return a.stream().filter(r -> !b.contains(r)).collect(Collectors.toUnmodifiableSet());
  }
}
