package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statement in the system's function policy that lets the platform HTTP API invoke it. A
 * permission carries no tags: it is recognised by its fixed statement id on this system's function,
 * whose ownership it shares.
 */
final class PermissionStep implements Step<String> {

  /** The statement id; fixed, so that the statement is found again after any interruption. */
  static final String STATEMENT_ID = "platform-api-invoke";

  private final LambdaClient lambda;
  private final SystemFunction function;
  private final String sourceArn;
  private final JsonMapper json;

  /**
   * @param sourceArn the API's execute-api ARN pattern the statement allows
   */
  PermissionStep(LambdaClient lambda, SystemFunction function, String sourceArn, JsonMapper json) {
    this.lambda = lambda;
    this.function = function;
    this.sourceArn = sourceArn;
    this.json = json;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.LAMBDA_PERMISSION;
  }

  @Override
  public String name() {
    return function.name() + "/" + STATEMENT_ID;
  }

  @Override
  public Optional<Found<String>> find(RunContext context) {
    Map<String, String> owner = function.ownerTags(context);
    if (function.view(context).isEmpty()) {
      return Optional.empty();
    }
    String policy;
    try {
      policy = lambda.getPolicy(b -> b.functionName(function.name())).policy();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    for (JsonNode statement : json.readTree(policy).path("Statement")) {
      if (STATEMENT_ID.equals(statement.path("Sid").asString(""))) {
        String allowed = statement.at("/Condition/ArnLike/AWS:SourceArn").asString("");
        return Optional.of(new Found<>(null, owner, allowed));
      }
    }
    return Optional.empty();
  }

  @Override
  public Found<String> create(Map<String, String> tags, RunContext context) {
    try {
      lambda.addPermission(
          b ->
              b.functionName(function.name())
                  .statementId(STATEMENT_ID)
                  .action("lambda:InvokeFunction")
                  .principal("apigateway.amazonaws.com")
                  .sourceArn(sourceArn)
                  .overrideConfiguration(Once::configure));
    } catch (ResourceConflictException e) {
      throw new ResourceExistsException(kind().name(), name(), e);
    }
    return new Found<>(null, tags, sourceArn);
  }

  @Override
  public boolean tagsOnCreate() {
    // Its ownership is its function's, which is tagged in the call that creates it.
    return true;
  }

  @Override
  public void tag(Found<String> found, Map<String, String> tags) {
    // Nothing to tag: the ownership lives on the function.
  }

  @Override
  public boolean converge(Found<String> found, RunContext context) {
    if (sourceArn.equals(found.observed())) {
      return false;
    }
    // A statement cannot be changed in place; a crash between the two leaves none, which the next
    // delivery adds.
    delete(found, context);
    create(Map.of(), context);
    return true;
  }

  @Override
  public Comparison compare(Found<String> found, RunContext context) {
    return Comparison.builder().field("sourceArn", sourceArn, found.observed()).build();
  }

  @Override
  public boolean hasOwnTags() {
    return false;
  }

  @Override
  public void delete(Found<String> found, RunContext context) {
    try {
      lambda.removePermission(b -> b.functionName(function.name()).statementId(STATEMENT_ID));
    } catch (ResourceNotFoundException e) {
      // Already gone, or the function with it.
    }
  }
}
