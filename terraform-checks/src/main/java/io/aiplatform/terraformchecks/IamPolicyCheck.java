package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * No IAM policy allows every action, and no identity policy grants a write action on every
 * resource. Policies must be written as {@code aws_iam_policy_document} data sources so that this
 * check sees every statement; inline JSON policies are refused.
 *
 * <p>Resource-based policies (statements with {@code principals}, such as a KMS key policy) may use
 * {@code "*"} as resource: there it means the one resource the policy is attached to.
 */
final class IamPolicyCheck implements Check {

  private static final Pattern READ_ONLY =
      Pattern.compile(
          "^[a-z0-9-]+:(Get|List|Describe|BatchGet|Query|Scan|Head|Search|Lookup)\\w*\\*?$");
  private static final List<String> POLICY_HOLDERS =
      List.of("aws_iam_role_policy", "aws_iam_policy", "aws_iam_role");

  @Override
  public List<String> violations(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    module
        .blocksOfType("data", "aws_iam_policy_document")
        .forEach(
            (name, document) -> {
              if (Hcl.map(document).get("dynamic") != null) {
                violations.add(
                    module.dir()
                        + ": data.aws_iam_policy_document."
                        + name
                        + " builds statements dynamically, which this check cannot read");
              }
              for (Map<String, Object> statement : Hcl.blocks(Hcl.map(document).get("statement"))) {
                statementViolations(statement)
                    .forEach(
                        problem ->
                            violations.add(
                                module.dir()
                                    + ": data.aws_iam_policy_document."
                                    + name
                                    + " "
                                    + problem));
              }
            });
    violations.addAll(inlinePolicies(module));
    return violations;
  }

  private static List<String> statementViolations(Map<String, Object> statement) {
    if ("Deny".equals(statement.get("effect"))) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    List<String> actions = Hcl.strings(statement.get("actions"));
    if (actions.contains("*") || statement.containsKey("not_actions")) {
      problems.add("allows every action (\"*\" or not_actions)");
    }
    boolean identityPolicy = !statement.containsKey("principals");
    boolean anyResource = Hcl.strings(statement.get("resources")).contains("*");
    List<String> writes = actions.stream().filter(a -> !READ_ONLY.matcher(a).matches()).toList();
    if (identityPolicy && anyResource && !writes.isEmpty()) {
      problems.add("grants write actions " + writes + " on resource \"*\"");
    }
    return problems;
  }

  private static List<String> inlinePolicies(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    for (String type : POLICY_HOLDERS) {
      module
          .blocksOfType("resource", type)
          .forEach(
              (name, body) -> {
                Map<String, Object> block = Hcl.map(body);
                String attribute = type.equals("aws_iam_role") ? "assume_role_policy" : "policy";
                boolean fromDocument =
                    Hcl.expression(block.get(attribute))
                        .startsWith("data.aws_iam_policy_document.");
                if (!fromDocument || block.containsKey("inline_policy")) {
                  violations.add(
                      module.dir()
                          + ": "
                          + type
                          + "."
                          + name
                          + " must take its policy from a data.aws_iam_policy_document");
                }
              });
    }
    return violations;
  }
}
