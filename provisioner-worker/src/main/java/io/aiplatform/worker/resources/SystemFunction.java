package io.aiplatform.worker.resources;

import io.aiplatform.worker.provisioning.RunContext;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The system's function as a run sees it, read once per run (GetFunction answers settings and tags
 * in one call) and shared by the steps whose resources cannot carry tags: an integration, a route
 * or a permission is this system's when what it points at is this function and the function is
 * tagged as this system's, so their ownership is the function's.
 */
final class SystemFunction {

  /**
   * The function now.
   *
   * @param configuration its settings
   * @param tags its tags
   */
  record View(FunctionConfiguration configuration, Map<String, String> tags) {}

  private final LambdaClient lambda;
  private final String name;
  private final String arn;
  private final RunContext.Key<Optional<View>> key;

  SystemFunction(LambdaClient lambda, String name, String arn) {
    this.lambda = lambda;
    this.name = name;
    this.arn = arn;
    this.key = new RunContext.Key<>("lambda-function/" + name);
  }

  String name() {
    return name;
  }

  /** Its ARN, known from its name without a call. */
  String arn() {
    return arn;
  }

  Optional<View> view(RunContext context) {
    return context.shared(key, this::read);
  }

  /** The function's tags, which the resources pointing at it inherit; empty when it is absent. */
  Map<String, String> ownerTags(RunContext context) {
    return view(context).map(View::tags).orElse(Map.of());
  }

  /** What the run now knows the function to be, after it created, tagged or deleted it. */
  void known(RunContext context, View view) {
    context.forget(key);
    context.shared(key, () -> Optional.ofNullable(view));
  }

  /** The function was changed: the next step that asks reads it again. */
  void forget(RunContext context) {
    context.forget(key);
  }

  private Optional<View> read() {
    try {
      var found = lambda.getFunction(b -> b.functionName(name));
      Map<String, String> tags = found.tags() == null ? Map.of() : found.tags();
      return Optional.of(new View(found.configuration(), tags));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }
}
