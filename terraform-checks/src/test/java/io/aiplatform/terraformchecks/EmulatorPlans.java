package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans of the roots against the AWS emulator ({@code PLATFORM_TEST_AWS_ENDPOINT}), made once per
 * JVM. Every AWS call of the provider goes to the emulator ({@code AWS_ENDPOINT_URL}) with fake
 * credentials. For the dev root, the Cognito clients are applied first (a targeted apply into a
 * throwaway state), so that the plan knows the client ids the API task must be given, and so is the
 * HTTP API, so that it knows the API's URL the admin console's CSP and config.json name.
 */
final class EmulatorPlans {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static PlanJson dev;
  private static PlanJson bootstrap;

  private EmulatorPlans() {}

  static synchronized PlanJson dev() {
    if (dev == null) {
      String prefix = "plan" + UUID.randomUUID().toString().substring(0, 6);
      String vars =
          """
          region                = "us-east-1"
          prefix                = "%s"
          cognito_domain_prefix = "%s-platform"
          admin_ui_url          = "https://admin.dev.example.com"
          admin_ui_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0e4d7c1a-5b2f-4a8e-9c3d-2f6b8a1e7d90"
          image_tags            = { "platform-api" = "0.1.0", "provisioner-worker" = "0.1.0", "enrichment-consumer" = "0.1.0" }
          dms_source = {
            engine        = "postgres"
            port          = 5432
            database_name = "operations"
            secret_arn    = "arn:aws:secretsmanager:us-east-1:123456789012:secret:operations-dms-AbCdEf"
          }
          """
              .formatted(prefix, prefix);
      dev =
          plan(
              "environments/dev",
              vars,
              List.of(
                  "module.platform.module.api_gateway.aws_cognito_user_pool_client.admin_ui",
                  "module.platform.module.api_gateway.aws_cognito_user_pool_client.machine",
                  "module.platform.module.api_gateway.aws_apigatewayv2_api.this"));
    }
    return dev;
  }

  static synchronized PlanJson bootstrap() {
    if (bootstrap == null) {
      bootstrap = plan("bootstrap", "region = \"us-east-1\"\n", List.of());
    }
    return bootstrap;
  }

  private static PlanJson plan(String root, String vars, List<String> applyFirst) {
    TerraformCli cli = Terraform.cli();
    Path dir = Trees.terraformRoot().resolve(root);
    String data = "plan-" + root.replace('/', '-');
    Path work =
        Path.of(System.getProperty("basedir", "."), "target/terraform", data).toAbsolutePath();
    Map<String, String> env = emulatorEnvironment();
    try {
      Files.createDirectories(work);
      Path varFile = Files.writeString(work.resolve("test.tfvars"), vars);
      String state = "-state=" + work.resolve("terraform.tfstate");
      String varArg = "-var-file=" + varFile;
      ok(
          cli.run(
              dir,
              data,
              env,
              TIMEOUT,
              "init",
              "-backend=false",
              "-lockfile=readonly",
              "-no-color"));
      if (!applyFirst.isEmpty()) {
        List<String> apply =
            new ArrayList<>(
                List.of("apply", "-auto-approve", "-no-color", "-lock=false", state, varArg));
        applyFirst.forEach(target -> apply.add("-target=" + target));
        ok(cli.run(dir, data, env, TIMEOUT, apply.toArray(String[]::new)));
      }
      Path planFile = work.resolve("plan.tfplan");
      ok(
          cli.run(
              dir,
              data,
              env,
              TIMEOUT,
              "plan",
              "-no-color",
              "-lock=false",
              state,
              varArg,
              "-out=" + planFile));
      TerraformCli.Result show =
          cli.run(dir, data, env, TIMEOUT, "show", "-json", planFile.toString());
      ok(show);
      return new PlanJson(show.output());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider's environment for the emulator: every service endpoint, fake credentials. */
  static Map<String, String> emulatorEnvironment() {
    String endpoint = System.getenv("PLATFORM_TEST_AWS_ENDPOINT");
    assertThat(endpoint)
        .as("PLATFORM_TEST_AWS_ENDPOINT (scripts/test.sh starts moto_server and sets it)")
        .isNotBlank();
    return Map.of(
        "AWS_ENDPOINT_URL", endpoint,
        "AWS_ACCESS_KEY_ID", "emulator",
        "AWS_SECRET_ACCESS_KEY", "emulator",
        "AWS_REGION", "us-east-1",
        "AWS_EC2_METADATA_DISABLED", "true");
  }

  private static void ok(TerraformCli.Result result) {
    assertThat(result.ok()).as("terraform:%n%s", result.output()).isTrue();
  }
}
