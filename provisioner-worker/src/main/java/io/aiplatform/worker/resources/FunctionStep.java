package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.ResourceSettlingException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The system's Lambda function {@code P-S-handler}: its settings come from {@code lambda_config}
 * (or the defaults), its environment names the system's buckets and Glue database, its code is the
 * runtime family's template. The code is written only when the function is created and when its
 * runtime family changes (the template of one family cannot run on another): after that the code is
 * the system's own.
 */
final class FunctionStep implements Step<FunctionStep.Settings> {

  private final LambdaClient lambda;
  private final SystemFunction function;
  private final Settings desired;
  private final FunctionCode code;

  /**
   * What the worker decides about the function.
   *
   * @param runtime its runtime
   * @param handler its handler, the runtime family's
   * @param memory memory in MiB
   * @param timeout timeout in seconds
   * @param role the execution role
   * @param environment its environment variables
   */
  record Settings(
      String runtime,
      String handler,
      int memory,
      int timeout,
      String role,
      Map<String, String> environment) {

    Settings {
      environment = Map.copyOf(environment);
    }

    static Settings of(FunctionConfiguration c) {
      Map<String, String> environment =
          c.environment() == null || c.environment().variables() == null
              ? Map.of()
              : c.environment().variables();
      return new Settings(
          c.runtimeAsString(), c.handler(), c.memorySize(), c.timeout(), c.role(), environment);
    }
  }

  FunctionStep(LambdaClient lambda, SystemFunction function, Settings desired, FunctionCode code) {
    this.lambda = lambda;
    this.function = function;
    this.desired = desired;
    this.code = code;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.LAMBDA_FUNCTION;
  }

  @Override
  public String name() {
    return function.name();
  }

  @Override
  public Object desired() {
    return desired;
  }

  @Override
  public Optional<Found<Settings>> find(RunContext context) {
    return function
        .view(context)
        .map(
            v ->
                new Found<>(
                    v.configuration().functionArn(), v.tags(), Settings.of(v.configuration())));
  }

  @Override
  public Found<Settings> create(Map<String, String> tags, RunContext context) {
    FunctionConfiguration created;
    try {
      var response =
          lambda.createFunction(
              b ->
                  b.functionName(function.name())
                      .runtime(desired.runtime())
                      .handler(desired.handler())
                      .memorySize(desired.memory())
                      .timeout(desired.timeout())
                      .role(desired.role())
                      .environment(e -> e.variables(desired.environment()))
                      .code(code.of(desired.runtime()).asFunctionCode())
                      .description("Managed by provisioner-worker")
                      .tags(tags));
      created = FunctionConfiguration.builder().functionArn(response.functionArn()).build();
    } catch (ResourceConflictException e) {
      throw new ResourceExistsException(kind().name(), function.name(), e);
    }
    function.known(context, new SystemFunction.View(created, tags));
    return new Found<>(created.functionArn(), tags, desired);
  }

  @Override
  public boolean tagsOnCreate() {
    return true;
  }

  @Override
  public boolean createRefusesTakenName() {
    return true;
  }

  @Override
  public void tag(Found<Settings> found, Map<String, String> tags) {
    lambda.tagResource(b -> b.resource(found.arn()).tags(tags));
  }

  @Override
  public boolean converge(Found<Settings> found, RunContext context) {
    Settings current = found.observed();
    if (desired.equals(current)) {
      return false;
    }
    try {
      lambda.updateFunctionConfiguration(
          b ->
              b.functionName(function.name())
                  .runtime(desired.runtime())
                  .handler(desired.handler())
                  .memorySize(desired.memory())
                  .timeout(desired.timeout())
                  .role(desired.role())
                  .environment(e -> e.variables(desired.environment())));
      if (!FunctionCode.family(desired.runtime()).equals(FunctionCode.family(current.runtime()))) {
        // Lambda takes one change at a time: the code waits until the settings are in place.
        lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(function.name()));
        FunctionCode.Location location = code.of(desired.runtime());
        lambda.updateFunctionCode(
            b ->
                b.functionName(function.name())
                    .zipFile(location.zip())
                    .s3Bucket(location.bucket())
                    .s3Key(location.key()));
      }
    } catch (ResourceConflictException e) {
      throw new ResourceSettlingException(
          "function " + function.name() + " is being updated; it is changed on the next attempt",
          e);
    } finally {
      function.forget(context);
    }
    return true;
  }

  /** Each setting on its own, and each environment variable. */
  @Override
  public Comparison compare(Found<Settings> found, RunContext context) {
    Settings now = found.observed();
    Comparison.Builder comparison =
        Comparison.builder()
            .field("runtime", desired.runtime(), now.runtime())
            .field("handler", desired.handler(), now.handler())
            .field("memory", desired.memory(), now.memory())
            .field("timeout", desired.timeout(), now.timeout())
            .field("role", desired.role(), now.role());
    SortedSet<String> names = new TreeSet<>(desired.environment().keySet());
    names.addAll(now.environment().keySet());
    for (String name : names) {
      comparison.field(
          "environment." + name, desired.environment().get(name), now.environment().get(name));
    }
    return comparison.build();
  }

  @Override
  public void delete(Found<Settings> found, RunContext context) {
    try {
      lambda.deleteFunction(b -> b.functionName(function.name()));
    } catch (ResourceNotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    }
    function.known(context, null);
  }

  /** The environment every system's function gets. */
  static Map<String, String> environment(
      String systemName, String raw, String curated, String prod, String database) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SYSTEM_NAME", systemName);
    environment.put("RAW_BUCKET", raw);
    environment.put("CURATED_BUCKET", curated);
    environment.put("PROD_BUCKET", prod);
    environment.put("GLUE_DATABASE", database);
    return environment;
  }
}
