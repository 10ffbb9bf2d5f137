package io.aiplatform.api.registration;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Storable;
import io.aiplatform.api.reconcile.ReconcilePolicy;
import io.aiplatform.contracts.ResourceNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a registration before anything is stored or queued: the name must yield a valid name for
 * every resource it becomes, and the rest must be in the ranges AWS allows.
 */
@Component
class RegistrationRules {

  static final int MAX_RESOURCE_NAME = 63;
  private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_SHAPED = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern GLUE_DATABASE = Pattern.compile("[a-z0-9_]{1,255}");
  private static final Pattern EVENTBRIDGE_RULE = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%{}/-]{0,254}");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
  private static final int MAX_DESCRIPTION = 1024;
  private static final int MAX_ITEMS = 100;

  private final ApiProperties properties;

  RegistrationRules(ApiProperties properties) {
    this.properties = properties;
  }

  /** Refuses the request, naming every bad field, unless it is valid. */
  void validate(RegistrationRequest request) {
    List<FieldViolation> violations = check(request);
    if (!violations.isEmpty()) {
      throw new Refusals.InvalidRequest(violations);
    }
  }

  /** Every problem with the request; empty when it is valid. */
  List<FieldViolation> check(RegistrationRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    checkName(request.systemName(), violations);
    checkDescription(request.description(), violations);
    checkDataSources(request.dataSources(), violations);
    checkEndpoints(request.endpoints(), violations);
    checkLambdaConfig(request.lambdaConfig(), violations);
    if (request.reconcilePolicy() != null
        && ReconcilePolicy.fromWire(request.reconcilePolicy()).isEmpty()) {
      violations.add(new FieldViolation("reconcile_policy", "must be report or repair"));
    }
    return violations;
  }

  /** Free text reaches PostgreSQL and the job on SQS: it must be text both can carry. */
  private static void checkDescription(String description, List<FieldViolation> violations) {
    if (description == null) {
      return;
    }
    if (description.length() > MAX_DESCRIPTION) {
      violations.add(
          new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    Storable.textProblem(description)
        .ifPresent(problem -> violations.add(new FieldViolation("description", problem)));
  }

  private void checkName(String name, List<FieldViolation> violations) {
    String field = "system_name";
    if (name == null || name.isEmpty()) {
      violations.add(new FieldViolation(field, "is required"));
      return;
    }
    if (!NAME.matcher(name).matches()) {
      violations.add(
          new FieldViolation(
              field,
              "must be lowercase letters, digits and hyphens, starting and ending with a letter"
                  + " or digit"));
      return;
    }
    if (name.contains("--")) {
      violations.add(new FieldViolation(field, "must not contain two hyphens in a row"));
    }
    RESERVED_PREFIXES.stream()
        .filter(name::startsWith)
        .forEach(p -> violations.add(new FieldViolation(field, "must not start with " + p)));
    checkResourceNames(ResourceNames.of(properties.resourcePrefix(), name), violations);
  }

  private static void checkResourceNames(ResourceNames names, List<FieldViolation> violations) {
    String field = "system_name";
    for (String name : names.all()) {
      if (name.length() > MAX_RESOURCE_NAME) {
        violations.add(
            new FieldViolation(
                field,
                "is too long: resource name "
                    + name
                    + " would exceed "
                    + MAX_RESOURCE_NAME
                    + " characters"));
        return;
      }
    }
    for (String bucket : names.buckets()) {
      if (!BUCKET.matcher(bucket).matches() || IP_SHAPED.matcher(bucket).matches()) {
        violations.add(new FieldViolation(field, "yields an invalid S3 bucket name " + bucket));
      }
    }
    if (!GLUE_DATABASE.matcher(names.glueDatabase()).matches()) {
      violations.add(new FieldViolation(field, "yields an invalid Glue database name"));
    }
    if (!EVENTBRIDGE_RULE.matcher(names.rule()).matches()) {
      violations.add(new FieldViolation(field, "yields an invalid EventBridge rule name"));
    }
  }

  private static void checkDataSources(List<String> sources, List<FieldViolation> violations) {
    if (sources == null) {
      return;
    }
    if (sources.size() > MAX_ITEMS) {
      violations.add(
          new FieldViolation("data_sources", "must have at most " + MAX_ITEMS + " items"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      String table = sources.get(i);
      String field = "data_sources[" + i + "]";
      if (table == null || !TABLE.matcher(table).matches()) {
        violations.add(
            new FieldViolation(
                field,
                "must be a table name: letters, digits, _ and $, not starting with a digit"));
      } else if (!seen.add(table)) {
        violations.add(new FieldViolation(field, "is listed twice"));
      }
    }
  }

  private static void checkEndpoints(
      List<RegistrationRequest.EndpointBody> endpoints, List<FieldViolation> violations) {
    if (endpoints == null) {
      return;
    }
    if (endpoints.size() > MAX_ITEMS) {
      violations.add(new FieldViolation("endpoints", "must have at most " + MAX_ITEMS + " items"));
      return;
    }
    Set<String> routes = new HashSet<>();
    for (int i = 0; i < endpoints.size(); i++) {
      RegistrationRequest.EndpointBody endpoint = endpoints.get(i);
      String field = "endpoints[" + i + "]";
      if (endpoint == null) {
        violations.add(new FieldViolation(field, "is required"));
        continue;
      }
      if (endpoint.path() == null || !PATH.matcher(endpoint.path()).matches()) {
        violations.add(
            new FieldViolation(
                field + ".path", "must start with / and hold only URL path characters"));
      }
      if (endpoint.method() == null || !METHODS.contains(endpoint.method())) {
        violations.add(new FieldViolation(field + ".method", "must be one of " + sorted(METHODS)));
      } else if (endpoint.path() != null
          && !routes.add(endpoint.method() + " " + endpoint.path())) {
        // One route of the platform API per METHOD path; ANY is a route of its own.
        violations.add(
            new FieldViolation(
                field, "is listed twice: " + endpoint.method() + " " + endpoint.path()));
      }
    }
  }

  private void checkLambdaConfig(
      RegistrationRequest.LambdaConfigBody config, List<FieldViolation> violations) {
    if (config == null) {
      return;
    }
    Integer memory = config.memory();
    if (memory != null && (memory < 128 || memory > 10240)) {
      violations.add(new FieldViolation("lambda_config.memory", "must be between 128 and 10240"));
    }
    Integer timeout = config.timeout();
    if (timeout != null && (timeout < 1 || timeout > 900)) {
      violations.add(new FieldViolation("lambda_config.timeout", "must be between 1 and 900"));
    }
    String runtime = config.runtime();
    if (runtime != null && !properties.lambdaRuntimes().contains(runtime)) {
      violations.add(
          new FieldViolation(
              "lambda_config.runtime", "must be one of " + properties.lambdaRuntimes()));
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
