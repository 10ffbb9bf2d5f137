package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;

/**
 * The Lambda proxy integration (payload format 2.0) on the platform HTTP API that the system's
 * routes target. Integrations carry no tags and no name: an integration is this system's when it
 * invokes this system's function, which is tagged as the system's, and its ownership is the
 * function's. CreateIntegration makes a new integration every time it is called, so it is sent once
 * ({@link Once}) and the step looks for the function's integration before it creates one; an
 * integration made twice anyway (by two deliveries at once) is removed again when no route uses it.
 */
final class IntegrationStep implements Step<IntegrationStep.Observed> {

  private static final String PAYLOAD = "2.0";

  private final PlatformApi api;
  private final SystemFunction function;

  /**
   * The integration in use and its settings.
   *
   * @param id its id
   * @param type its integration type
   * @param payloadFormatVersion its payload format
   * @param duplicates other integrations that invoke the same function
   */
  record Observed(String id, String type, String payloadFormatVersion, List<String> duplicates) {}

  IntegrationStep(PlatformApi api, SystemFunction function) {
    this.api = api;
    this.function = function;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.API_INTEGRATION;
  }

  /** Named after the function it invokes: the integration itself has no name. */
  @Override
  public String name() {
    return function.name() + "/integration";
  }

  @Override
  public Optional<Found<Observed>> find(RunContext context) {
    List<String> ids = api.integrationsOf(context, function.arn());
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    Integration chosen =
        api.integrations(context).stream()
            .filter(i -> i.integrationId().equals(ids.get(0)))
            .findFirst()
            .orElseThrow();
    Observed observed =
        new Observed(
            chosen.integrationId(),
            chosen.integrationTypeAsString(),
            chosen.payloadFormatVersion(),
            ids.subList(1, ids.size()));
    String arn = api.integrationArn(chosen.integrationId());
    return Optional.of(new Found<>(arn, function.ownerTags(context), observed));
  }

  @Override
  public Found<Observed> create(Map<String, String> tags, RunContext context) {
    Integration created;
    try {
      var response =
          api.client()
              .createIntegration(
                  b ->
                      b.apiId(api.id())
                          .integrationType(IntegrationType.AWS_PROXY)
                          .integrationUri(function.arn())
                          .payloadFormatVersion(PAYLOAD)
                          .description("Managed by provisioner-worker")
                          .overrideConfiguration(Once::configure));
      created =
          Integration.builder()
              .integrationId(response.integrationId())
              .integrationType(IntegrationType.AWS_PROXY)
              .integrationUri(function.arn())
              .payloadFormatVersion(PAYLOAD)
              .build();
    } catch (RuntimeException e) {
      api.forget(context);
      throw e;
    }
    api.integrations(context).add(created);
    Observed observed =
        new Observed(
            created.integrationId(), IntegrationType.AWS_PROXY.toString(), PAYLOAD, List.of());
    return new Found<>(api.integrationArn(created.integrationId()), tags, observed);
  }

  @Override
  public boolean tagsOnCreate() {
    // Its ownership is its function's, which is tagged in the call that creates it.
    return true;
  }

  @Override
  public void tag(Found<Observed> found, Map<String, String> tags) {
    // Nothing to tag: the ownership lives on the function, which its own step tags.
  }

  @Override
  public boolean converge(Found<Observed> found, RunContext context) {
    Observed current = found.observed();
    boolean wrote = false;
    if (!IntegrationType.AWS_PROXY.toString().equals(current.type())
        || !PAYLOAD.equals(current.payloadFormatVersion())) {
      api.client()
          .updateIntegration(
              b ->
                  b.apiId(api.id())
                      .integrationId(current.id())
                      .integrationType(IntegrationType.AWS_PROXY)
                      .payloadFormatVersion(PAYLOAD));
      api.forget(context);
      wrote = true;
    }
    Set<String> targeted =
        api.routes(context).stream()
            .map(r -> r.target() == null ? "" : r.target())
            .collect(Collectors.toSet());
    for (String duplicate : current.duplicates()) {
      if (!targeted.contains("integrations/" + duplicate)) {
        deleteIntegration(duplicate, context);
        wrote = true;
      }
    }
    return wrote;
  }

  @Override
  public Comparison compare(Found<Observed> found, RunContext context) {
    return Comparison.builder()
        .field("integrationType", IntegrationType.AWS_PROXY.toString(), found.observed().type())
        .field("payloadFormatVersion", PAYLOAD, found.observed().payloadFormatVersion())
        .build();
  }

  @Override
  public boolean hasOwnTags() {
    return false;
  }

  @Override
  public void delete(Found<Observed> found, RunContext context) {
    for (String id : api.integrationsOf(context, function.arn())) {
      deleteIntegration(id, context);
    }
  }

  private void deleteIntegration(String id, RunContext context) {
    try {
      api.client().deleteIntegration(b -> b.apiId(api.id()).integrationId(id));
    } catch (NotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    }
    api.integrations(context).removeIf(i -> i.integrationId().equals(id));
  }
}
