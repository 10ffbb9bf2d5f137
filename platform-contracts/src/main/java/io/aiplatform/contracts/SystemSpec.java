package io.aiplatform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A system as it was registered: what the provisioner builds resources for.
 *
 * @param systemName the name every resource name derives from
 * @param description free text, may be {@code null}
 * @param dataSources source tables to replicate with DMS; empty when none
 * @param endpoints the system's API endpoints; empty when none
 * @param lambdaConfig the system's compute settings, may be {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SystemSpec(
    String systemName,
    String description,
    List<String> dataSources,
    List<Endpoint> endpoints,
    LambdaConfig lambdaConfig) {

  public SystemSpec {
    dataSources = dataSources == null ? List.of() : List.copyOf(dataSources);
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  /**
   * One API endpoint of a system.
   *
   * @param path the request path
   * @param method the HTTP method
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Endpoint(String path, String method) {

    /** The route key on the platform HTTP API, {@code METHOD path}, e.g. {@code GET /orders}. */
    public String routeKey() {
      return method + " " + path;
    }
  }

  /**
   * Compute settings of a system.
   *
   * @param memory memory in MiB
   * @param timeout timeout in seconds
   * @param runtime runtime identifier, such as {@code python3.11}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LambdaConfig(Integer memory, Integer timeout, String runtime) {}
}
