package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aiplatform.api.reconcile.DriftView;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.SystemSpec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A system record as seed 000's "System Record", plus the generation and each resource's status.
 */
record SystemView(
    @JsonProperty("system_id") UUID systemId,
    @JsonProperty("system_name") String systemName,
    @JsonProperty("description") String description,
    @JsonProperty("data_sources") List<String> dataSources,
    @JsonProperty("endpoints") List<RegistrationRequest.EndpointBody> endpoints,
    @JsonProperty("lambda_config") RegistrationRequest.LambdaConfigBody lambdaConfig,
    @JsonProperty("status") Status status,
    @JsonProperty("generation") long generation,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("infrastructure") InfrastructureView infrastructure,
    @JsonProperty("resources") List<ResourceView> resources,
    @JsonProperty("error_message") @JsonInclude(JsonInclude.Include.NON_NULL) String errorMessage,
    @JsonProperty("reconcile_policy") @JsonInclude(JsonInclude.Include.ALWAYS)
        String reconcilePolicy,
    @JsonProperty("drift") DriftView drift) {

  static SystemView of(SystemRow row) {
    SystemSpec spec = row.shown();
    return new SystemView(
        row.systemId(),
        spec.systemName(),
        spec.description(),
        spec.dataSources(),
        spec.endpoints().stream()
            .map(e -> new RegistrationRequest.EndpointBody(e.path(), e.method()))
            .toList(),
        spec.lambdaConfig() == null
            ? null
            : new RegistrationRequest.LambdaConfigBody(
                spec.lambdaConfig().memory(),
                spec.lambdaConfig().timeout(),
                spec.lambdaConfig().runtime()),
        row.status(),
        row.job().generation(),
        row.stamp().createdAt(),
        row.stamp().updatedAt(),
        InfrastructureView.of(row.provisioned().infrastructure()),
        row.provisioned().resources().stream().map(ResourceView::of).toList(),
        row.provisioned().errorMessage(),
        row.oversight().policy() == null ? null : row.oversight().policy().wire(),
        row.oversight().drift());
  }

  /**
   * Seed 000's "infrastructure" object, plus the system's runtime: its Lambda function, its routes
   * on the platform HTTP API ({@code METHOD path}) and its CloudWatch dashboard.
   */
  record InfrastructureView(
      @JsonProperty("s3_buckets") Buckets s3Buckets,
      @JsonProperty("glue_database") String glueDatabase,
      @JsonProperty("glue_crawler") String glueCrawler,
      @JsonProperty("dms_task") String dmsTask,
      @JsonProperty("eventbridge_rules") List<String> eventbridgeRules,
      @JsonProperty("lambda_function") String lambdaFunction,
      @JsonProperty("api_routes") List<String> apiRoutes,
      @JsonProperty("dashboard") String dashboard) {

    static InfrastructureView of(Infrastructure infrastructure) {
      if (infrastructure == null) {
        return new InfrastructureView(
            new Buckets(null, null, null), null, null, null, List.of(), null, List.of(), null);
      }
      Infrastructure.Buckets b = infrastructure.s3Buckets();
      return new InfrastructureView(
          b == null ? new Buckets(null, null, null) : new Buckets(b.raw(), b.curated(), b.prod()),
          infrastructure.glueDatabase(),
          infrastructure.glueCrawler(),
          infrastructure.dmsTask(),
          infrastructure.eventbridgeRules(),
          infrastructure.lambdaFunction(),
          infrastructure.apiRoutes(),
          infrastructure.dashboard());
    }
  }

  /** The data buckets. */
  record Buckets(
      @JsonProperty("raw") String raw,
      @JsonProperty("curated") String curated,
      @JsonProperty("prod") String prod) {}

  /** What the last job did to one resource. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ResourceView(
      @JsonProperty("kind") String kind,
      @JsonProperty("name") String name,
      @JsonProperty("arn") String arn,
      @JsonProperty("action") String action,
      @JsonProperty("status") String status,
      @JsonProperty("error") String error,
      @JsonProperty("at") Instant at) {

    static ResourceView of(ResourceResult r) {
      return new ResourceView(
          lower(r.kind()),
          r.name(),
          r.arn(),
          lower(r.action()),
          lower(r.status()),
          ResourceErrors.describe(r.error()),
          r.at());
    }
  }

  static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }
}
