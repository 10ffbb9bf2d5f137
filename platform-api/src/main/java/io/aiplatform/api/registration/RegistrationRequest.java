package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aiplatform.api.reconcile.ReconcilePolicy;
import io.aiplatform.contracts.SystemSpec;
import java.util.List;

/**
 * The body of {@code POST /admin/systems} (seed 000, "Request Format"). Unknown fields are refused.
 *
 * @param systemName the name every resource name derives from
 * @param description free text
 * @param dataSources source tables to replicate
 * @param endpoints the system's API endpoints
 * @param lambdaConfig the system's compute settings
 * @param reconcilePolicy {@code report} or {@code repair}; {@code null}: the platform's setting
 */
record RegistrationRequest(
    @JsonProperty("system_name") String systemName,
    @JsonProperty("description") String description,
    @JsonProperty("data_sources") List<String> dataSources,
    @JsonProperty("endpoints") List<EndpointBody> endpoints,
    @JsonProperty("lambda_config") LambdaConfigBody lambdaConfig,
    @JsonProperty("reconcile_policy") String reconcilePolicy) {

  /** One endpoint of the system. */
  record EndpointBody(@JsonProperty("path") String path, @JsonProperty("method") String method) {}

  /** Compute settings: memory in MiB, timeout in seconds, a runtime identifier. */
  record LambdaConfigBody(
      @JsonProperty("memory") Integer memory,
      @JsonProperty("timeout") Integer timeout,
      @JsonProperty("runtime") String runtime) {}

  /** The policy of a valid request; {@code null}: the platform's. */
  ReconcilePolicy policy() {
    return ReconcilePolicy.fromWire(reconcilePolicy).orElse(null);
  }

  /** The spec a valid request registers. */
  SystemSpec toSpec() {
    return new SystemSpec(
        systemName,
        description,
        dataSources,
        endpoints == null
            ? List.of()
            : endpoints.stream().map(e -> new SystemSpec.Endpoint(e.path(), e.method())).toList(),
        lambdaConfig == null
            ? null
            : new SystemSpec.LambdaConfig(
                lambdaConfig.memory(), lambdaConfig.timeout(), lambdaConfig.runtime()));
  }
}
