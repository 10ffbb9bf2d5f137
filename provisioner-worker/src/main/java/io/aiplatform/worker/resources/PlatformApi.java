package io.aiplatform.worker.resources;

import io.aiplatform.worker.provisioning.RunContext;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationsResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/**
 * The platform HTTP API as one run sees it: its integrations and routes, each listed once per run
 * and kept up to date by the run's own creates and deletes, so that a system's integration and its
 * routes cost two listings between them, not one per route.
 */
final class PlatformApi {

  private static final RunContext.Key<List<Integration>> INTEGRATIONS =
      new RunContext.Key<>("api-integrations");
  private static final RunContext.Key<List<Route>> ROUTES = new RunContext.Key<>("api-routes");

  private final ApiGatewayV2Client api;
  private final String apiId;
  private final String region;
  private final String partition;

  PlatformApi(ApiGatewayV2Client api, String apiId, String partition) {
    this.api = api;
    this.apiId = apiId;
    this.region = api.serviceClientConfiguration().region().id();
    this.partition = partition;
  }

  ApiGatewayV2Client client() {
    return api;
  }

  String id() {
    return apiId;
  }

  List<Integration> integrations(RunContext context) {
    return context.shared(INTEGRATIONS, this::listIntegrations);
  }

  List<Route> routes(RunContext context) {
    return context.shared(ROUTES, this::listRoutes);
  }

  /** The ids of the integrations that invoke this function, oldest id order first. */
  List<String> integrationsOf(RunContext context, String functionArn) {
    return integrations(context).stream()
        .filter(i -> invokes(i, functionArn))
        .map(Integration::integrationId)
        .sorted()
        .toList();
  }

  /** After a call whose outcome is unknown, the next step reads the API afresh. */
  void forget(RunContext context) {
    context.forget(INTEGRATIONS);
    context.forget(ROUTES);
  }

  String integrationArn(String integrationId) {
    return "arn:%s:apigateway:%s::/apis/%s/integrations/%s"
        .formatted(partition, region, apiId, integrationId);
  }

  String routeArn(String routeId) {
    return "arn:%s:apigateway:%s::/apis/%s/routes/%s".formatted(partition, region, apiId, routeId);
  }

  static String integrationId(String integrationArn) {
    return integrationArn.substring(integrationArn.lastIndexOf('/') + 1);
  }

  /** An HTTP API names a Lambda integration's function by its ARN, or by its invocation URI. */
  private static boolean invokes(Integration integration, String functionArn) {
    String uri = integration.integrationUri();
    return uri != null
        && (uri.equals(functionArn) || uri.endsWith("/functions/" + functionArn + "/invocations"));
  }

  private List<Integration> listIntegrations() {
    List<Integration> all = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      GetIntegrationsResponse page =
          api.getIntegrations(b -> b.apiId(apiId).maxResults("500").nextToken(next));
      all.addAll(page.items());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return all;
  }

  private List<Route> listRoutes() {
    List<Route> all = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      GetRoutesResponse page = api.getRoutes(b -> b.apiId(apiId).maxResults("500").nextToken(next));
      all.addAll(page.items());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return all;
  }
}
