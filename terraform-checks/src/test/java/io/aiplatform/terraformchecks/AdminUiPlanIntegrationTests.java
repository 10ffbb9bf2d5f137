package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dev root's plan against the emulator, for the admin console's hosting: a private bucket read
 * by CloudFront through origin access control, the SPA fallback, the security headers, the CORS
 * origin of the API and the gateway, and the config.json written at deploy time. The bucket's
 * encryption, public access block and versioning: {@link DevPlanIntegrationTests}.
 */
class AdminUiPlanIntegrationTests {

  private static final String CONSOLE = "module.admin_ui.";
  private static final String GATEWAY = "module.platform.module.api_gateway.";

  @Test
  void theBucketIsReadOnlyByTheDistributionThroughOriginAccessControl() {
    PlanJson plan = EmulatorPlans.dev();
    PlanJson.Resource oac = plan.resource(CONSOLE + "aws_cloudfront_origin_access_control.console");
    assertThat(oac.at("origin_access_control_origin_type").asString()).isEqualTo("s3");
    assertThat(oac.at("signing_behavior").asString()).isEqualTo("always");
    assertThat(oac.at("signing_protocol").asString()).isEqualTo("sigv4");

    PlanJson.Resource distribution = distribution(plan);
    assertThat(distribution.at("origin")).hasSize(1);
    assertThat(plan.references(distribution, "origin", "0", "origin_access_control_id"))
        .contains("aws_cloudfront_origin_access_control.console.id");
    assertThat(plan.references(distribution, "origin", "0", "domain_name"))
        .contains("aws_s3_bucket.console.bucket_regional_domain_name");
    assertThat(distribution.at("origin", "0", "s3_origin_config")).as("no legacy OAI").isEmpty();
    assertThat(distribution.at("default_cache_behavior", "0", "viewer_protocol_policy").asString())
        .isEqualTo("redirect-to-https");

    PlanJson.Resource policy = plan.resource(CONSOLE + "aws_s3_bucket_policy.console");
    assertThat(plan.references(policy, "policy")).contains("data.aws_iam_policy_document.bucket");
    PlanJson.Resource document = plan.resource(CONSOLE + "data.aws_iam_policy_document.bucket");
    JsonNode read = document.at("statement", "0");
    assertThat(read.path("effect").isNull() || read.path("effect").asString().equals("Allow"))
        .isTrue();
    assertThat(PlanJson.strings(read.path("actions"))).containsExactly("s3:GetObject");
    assertThat(read.path("principals").path(0).path("type").asString()).isEqualTo("Service");
    assertThat(PlanJson.strings(read.path("principals").path(0).path("identifiers")))
        .containsExactly("cloudfront.amazonaws.com");
    assertThat(read.path("condition").path(0).path("variable").asString())
        .isEqualTo("AWS:SourceArn");
    assertThat(plan.references(document, "statement", "0", "condition", "0", "values"))
        .contains("aws_cloudfront_distribution.console.arn");
    JsonNode tls = document.at("statement", "1");
    assertThat(tls.path("effect").asString()).isEqualTo("Deny");
    assertThat(tls.path("condition").path(0).path("variable").asString())
        .isEqualTo("aws:SecureTransport");
    assertThat(document.at("statement")).as("nothing else is allowed").hasSize(2);

    PlanJson.Resource ownership =
        plan.resource(CONSOLE + "aws_s3_bucket_ownership_controls.console");
    assertThat(ownership.at("rule", "0", "object_ownership").asString())
        .isEqualTo("BucketOwnerEnforced");
  }

  @Test
  void pathsThatAreNoFileFallBackToIndexHtml() {
    PlanJson.Resource distribution = distribution(EmulatorPlans.dev());
    assertThat(distribution.at("default_root_object").asString()).isEqualTo("index.html");
    Map<Integer, String> fallback = new LinkedHashMap<>();
    for (JsonNode response : distribution.at("custom_error_response")) {
      assertThat(response.path("response_code").asInt()).isEqualTo(200);
      fallback.put(
          response.path("error_code").asInt(), response.path("response_page_path").asString());
    }
    assertThat(fallback).containsOnly(Map.entry(403, "/index.html"), Map.entry(404, "/index.html"));
  }

  @Test
  void theCspNamesExactlyTheApiAndCognitoOrigins() {
    PlanJson plan = EmulatorPlans.dev();
    Map<String, List<String>> csp = csp(plan);
    String api = plan.resource(GATEWAY + "aws_apigatewayv2_api.this").at("api_endpoint").asString();
    String domain =
        plan.resource(GATEWAY + "aws_cognito_user_pool_domain.this").at("domain").asString();

    assertThat(api).startsWith("https://").contains(".execute-api.us-east-1.amazonaws.com");
    assertThat(csp.get("connect-src"))
        .containsExactlyInAnyOrder(
            "'self'",
            api,
            "https://cognito-idp.us-east-1.amazonaws.com",
            "https://" + domain + ".auth.us-east-1.amazoncognito.com");
    assertThat(csp.get("default-src")).containsExactly("'self'");
    assertThat(csp.get("frame-ancestors")).containsExactly("'none'");
    List<String> sources = csp.values().stream().flatMap(List::stream).toList();
    assertThat(sources).noneMatch(source -> source.contains("unsafe") || source.contains("*"));
  }

  @Test
  void theConsoleIsServedWithHstsFrameDenialNosniffAndNoReferrer() {
    PlanJson plan = EmulatorPlans.dev();
    PlanJson.Resource headers = headersPolicy(plan);
    String[] security = {"security_headers_config", "0"};
    assertThat(
            headers
                .at(path(security, "strict_transport_security", "0", "access_control_max_age_sec"))
                .asInt())
        .isGreaterThanOrEqualTo(31536000);
    assertThat(
            headers
                .at(path(security, "strict_transport_security", "0", "include_subdomains"))
                .asBoolean(false))
        .isTrue();
    assertThat(headers.at(path(security, "frame_options", "0", "frame_option")).asString())
        .isEqualTo("DENY");
    assertThat(headers.at(path(security, "content_type_options", "0", "override")).asBoolean(false))
        .isTrue();
    assertThat(headers.at(path(security, "referrer_policy", "0", "referrer_policy")).asString())
        .isEqualTo("no-referrer");
    for (String header :
        List.of("content_security_policy", "strict_transport_security", "frame_options")) {
      assertThat(headers.at(path(security, header, "0", "override")).asBoolean(false))
          .as("%s overrides what the origin sends", header)
          .isTrue();
    }
    assertThat(
            plan.references(
                distribution(plan), "default_cache_behavior", "0", "response_headers_policy_id"))
        .contains("aws_cloudfront_response_headers_policy.security.id");
  }

  /** dev also admits Vite's origin (npm run dev against the dev API); prod only the console's. */
  @Test
  void theApiTaskTheGatewayAndCognitoAllowTheConsolesCloudFrontOrigin() {
    PlanJson plan = EmulatorPlans.dev();
    String origin = origin(plan);
    assertThat(origin).isEqualTo("https://admin.dev.example.com");

    String taskCors =
        plan.output("service_environment")
            .path("platform-api")
            .path("PLATFORM_API_CORS_ALLOWED_ORIGINS")
            .asString();
    assertThat(taskCors.split(",")).containsExactly(origin, "http://localhost:5173");
    PlanJson.Resource api = plan.resource(GATEWAY + "aws_apigatewayv2_api.this");
    assertThat(PlanJson.strings(api.at("cors_configuration", "0", "allow_origins")))
        .containsExactlyInAnyOrder(origin, "http://localhost:5173");

    PlanJson.Resource client = plan.resource(GATEWAY + "aws_cognito_user_pool_client.admin_ui");
    assertThat(PlanJson.strings(client.at("callback_urls")))
        .contains(origin + "/auth/callback", origin + "/auth/popup-callback")
        .allMatch(url -> url.startsWith(origin + "/") || url.startsWith("http://localhost:5173/"));
    assertThat(PlanJson.strings(client.at("logout_urls"))).contains(origin + "/");
  }

  @Test
  void configJsonIsWrittenAtDeployTimeForCognitoSignInWithThePlatformsValues() {
    PlanJson plan = EmulatorPlans.dev();
    PlanJson.Resource object = plan.resource(CONSOLE + "aws_s3_object.config");
    assertThat(object.at("key").asString()).isEqualTo("config.json");
    assertThat(object.at("content_type").asString()).isEqualTo("application/json");
    assertThat(object.at("cache_control").asString()).isEqualTo("no-cache");
    assertThat(object.at("server_side_encryption").asString()).isEqualTo("aws:kms");
    assertThat(plan.references(object, "bucket")).contains("aws_s3_bucket.console.id");

    JsonNode config = JsonMapper.builder().build().readTree(object.at("content").asString());
    JsonNode auth = config.path("auth");
    JsonNode environment = plan.output("service_environment").path("platform-api");
    PlanJson.Resource client = plan.resource(GATEWAY + "aws_cognito_user_pool_client.admin_ui");
    assertThat(auth.path("mode").asString()).isEqualTo("cognito");
    assertThat(config.path("apiUrl").asString())
        .isEqualTo(
            plan.resource(GATEWAY + "aws_apigatewayv2_api.this").at("api_endpoint").asString());
    assertThat(config.path("resourcePrefix").asString()).isEqualTo(PlanJson.prefix(plan));
    assertThat(auth.path("authority").asString())
        .isEqualTo(environment.path("PLATFORM_API_SECURITY_ISSUER").asString());
    assertThat(auth.path("clientId").asString()).isEqualTo(client.at("id").asString()).isNotBlank();
    assertThat(auth.path("scopes").asString().split(" "))
        .containsExactlyInAnyOrder("platform-api/systems.read", "platform-api/systems.write");
    assertThat(PlanJson.strings(client.at("callback_urls")))
        .contains(auth.path("redirectUri").asString(), auth.path("popupRedirectUri").asString());
    assertThat(PlanJson.strings(client.at("logout_urls")))
        .contains(auth.path("postLogoutRedirectUri").asString());
    assertThat(auth.path("redirectUri").asString()).isEqualTo(origin(plan) + "/auth/callback");
    assertThat(auth.path("logoutUrl").asString()).endsWith(".amazoncognito.com/logout");
  }

  private static PlanJson.Resource distribution(PlanJson plan) {
    return plan.resource(CONSOLE + "aws_cloudfront_distribution.console");
  }

  private static PlanJson.Resource headersPolicy(PlanJson plan) {
    return plan.resource(CONSOLE + "aws_cloudfront_response_headers_policy.security");
  }

  /** The console's origin: https:// and the distribution's alternate domain name. */
  private static String origin(PlanJson plan) {
    List<String> aliases = PlanJson.strings(distribution(plan).at("aliases"));
    assertThat(aliases).hasSize(1);
    return "https://" + aliases.get(0);
  }

  /** The Content-Security-Policy as directive to sources. */
  private static Map<String, List<String>> csp(PlanJson plan) {
    String[] at = {"security_headers_config", "0", "content_security_policy", "0"};
    String value = headersPolicy(plan).at(path(at, "content_security_policy")).asString();
    Map<String, List<String>> directives = new LinkedHashMap<>();
    for (String directive : value.split(";")) {
      List<String> parts = Arrays.asList(directive.trim().split("\\s+"));
      directives.put(parts.get(0), parts.subList(1, parts.size()));
    }
    return directives;
  }

  private static String[] path(String[] prefix, String... rest) {
    String[] joined = Arrays.copyOf(prefix, prefix.length + rest.length);
    System.arraycopy(rest, 0, joined, prefix.length, rest.length);
    return joined;
  }
}
