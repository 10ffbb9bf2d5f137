package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/**
 * One route {@code METHOD path} of the system on the platform HTTP API, targeting the system's
 * integration, behind the platform's JWT authorizer. Routes carry no tags: a route is this system's
 * when it targets an integration that invokes this system's function. A route of that key with
 * another target is somebody else's and is never touched.
 */
final class RouteStep implements Step<RouteStep.Observed> {

  private final PlatformApi api;
  private final SystemFunction function;
  private final String routeKey;
  private final String authorizerId;

  /**
   * The route now.
   *
   * @param id its id
   * @param target what it targets, {@code integrations/ID}
   * @param authorization its authorization type
   * @param authorizerId its authorizer
   */
  record Observed(String id, String target, String authorization, String authorizerId) {}

  RouteStep(PlatformApi api, SystemFunction function, String routeKey, String authorizerId) {
    this.api = api;
    this.function = function;
    this.routeKey = routeKey;
    this.authorizerId = authorizerId;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.API_ROUTE;
  }

  @Override
  public String name() {
    return routeKey;
  }

  @Override
  public Object desired() {
    return routeKey + " " + authorizerId;
  }

  @Override
  public Optional<Found<Observed>> find(RunContext context) {
    Optional<Route> found =
        api.routes(context).stream().filter(r -> routeKey.equals(r.routeKey())).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Route route = found.get();
    List<String> ours = api.integrationsOf(context, function.arn());
    boolean targetsOurs =
        route.target() != null
            && ours.stream().anyMatch(id -> route.target().equals("integrations/" + id));
    Map<String, String> tags = targetsOurs ? function.ownerTags(context) : Map.of();
    Observed observed =
        new Observed(
            route.routeId(),
            route.target(),
            route.authorizationTypeAsString(),
            route.authorizerId());
    return Optional.of(new Found<>(api.routeArn(route.routeId()), tags, observed));
  }

  @Override
  public Found<Observed> create(Map<String, String> tags, RunContext context) {
    String target = "integrations/" + integration(context);
    Route created;
    try {
      var response =
          api.client()
              .createRoute(
                  b ->
                      b.apiId(api.id())
                          .routeKey(routeKey)
                          .target(target)
                          .authorizationType(AuthorizationType.JWT)
                          .authorizerId(authorizerId)
                          .overrideConfiguration(Once::configure));
      created =
          Route.builder().routeId(response.routeId()).routeKey(routeKey).target(target).build();
    } catch (ConflictException e) {
      api.forget(context);
      throw new ResourceExistsException(kind().name(), routeKey, e);
    } catch (RuntimeException e) {
      api.forget(context);
      throw e;
    }
    api.routes(context).add(created);
    Observed observed = new Observed(created.routeId(), target, "JWT", authorizerId);
    return new Found<>(api.routeArn(created.routeId()), tags, observed);
  }

  @Override
  public boolean tagsOnCreate() {
    // Its ownership is its target's, which exists before the route is created.
    return true;
  }

  @Override
  public void tag(Found<Observed> found, Map<String, String> tags) {
    // Nothing to tag: the ownership lives on the function the route's integration invokes.
  }

  @Override
  public boolean converge(Found<Observed> found, RunContext context) {
    Observed current = found.observed();
    String target = "integrations/" + integration(context);
    if (target.equals(current.target())
        && "JWT".equals(current.authorization())
        && authorizerId.equals(current.authorizerId())) {
      return false;
    }
    api.client()
        .updateRoute(
            b ->
                b.apiId(api.id())
                    .routeId(current.id())
                    .target(target)
                    .authorizationType(AuthorizationType.JWT)
                    .authorizerId(authorizerId));
    api.forget(context);
    return true;
  }

  /** The route's target is the integration in use, as {@link #converge} points it. */
  @Override
  public Comparison compare(Found<Observed> found, RunContext context) {
    Observed now = found.observed();
    return Comparison.builder()
        .field("target", "integrations/" + integration(context), now.target())
        .field("authorizationType", "JWT", now.authorization())
        .field("authorizerId", authorizerId, now.authorizerId())
        .build();
  }

  @Override
  public boolean hasOwnTags() {
    return false;
  }

  @Override
  public void delete(Found<Observed> found, RunContext context) {
    try {
      api.client().deleteRoute(b -> b.apiId(api.id()).routeId(found.observed().id()));
    } catch (NotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    }
    api.routes(context).removeIf(r -> r.routeId().equals(found.observed().id()));
  }

  private String integration(RunContext context) {
    List<String> ours = api.integrationsOf(context, function.arn());
    if (ours.isEmpty()) {
      throw new IllegalStateException("the integration must be provisioned before " + routeKey);
    }
    return ours.get(0);
  }
}
