package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * SQS queues, SNS topics, Kinesis streams, DynamoDB tables, Firehose delivery streams, log groups,
 * ECR repositories and secrets are encrypted with KMS.
 */
final class EncryptionAtRestCheck implements Check {

  private record Rule(String type, String requirement, Predicate<Map<String, Object>> holds) {

    /** The key attribute a rule needs set, or null when the rule checks a nested block. */
    String keyAttribute() {
      return requirement.matches("\\w+") ? requirement : null;
    }
  }

  private static final List<Rule> RULES =
      List.of(
          new Rule("aws_sqs_queue", "kms_master_key_id", has("kms_master_key_id")),
          new Rule("aws_sns_topic", "kms_master_key_id", has("kms_master_key_id")),
          new Rule(
              "aws_kinesis_stream",
              "encryption_type = \"KMS\" with a kms_key_id",
              b -> "KMS".equals(b.get("encryption_type")) && b.containsKey("kms_key_id")),
          new Rule(
              "aws_dynamodb_table",
              "server_side_encryption { enabled = true }",
              enabledBlock("server_side_encryption")),
          new Rule(
              "aws_kinesis_firehose_delivery_stream",
              "server_side_encryption { enabled = true }",
              enabledBlock("server_side_encryption")),
          new Rule("aws_cloudwatch_log_group", "kms_key_id", has("kms_key_id")),
          new Rule(
              "aws_ecr_repository",
              "encryption_configuration { encryption_type = \"KMS\" }",
              b ->
                  Hcl.blocks(b.get("encryption_configuration")).stream()
                      .anyMatch(c -> "KMS".equals(c.get("encryption_type")))),
          new Rule("aws_secretsmanager_secret", "kms_key_id", has("kms_key_id")));

  @Override
  public List<String> violations(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    for (Rule rule : RULES) {
      module
          .blocksOfType("resource", rule.type())
          .forEach(
              (name, body) -> {
                if (!rule.holds().test(Hcl.map(body)) || setToNull(module, rule, name)) {
                  violations.add(
                      module.dir()
                          + ": "
                          + rule.type()
                          + "."
                          + name
                          + " is not encrypted: needs "
                          + rule.requirement());
                }
              });
    }
    return violations;
  }

  private static boolean setToNull(TerraformModule module, Rule rule, String name) {
    return rule.keyAttribute() != null
        && module.ownExpression(rule.type(), name, rule.keyAttribute()).orElse("").equals("null");
  }

  // hcl4j evaluates `var.x` to null when it has no default, so presence is what can be checked.
  private static Predicate<Map<String, Object>> has(String attribute) {
    return block -> block.containsKey(attribute);
  }

  private static Predicate<Map<String, Object>> enabledBlock(String nested) {
    return block -> Hcl.blocks(block.get(nested)).stream().anyMatch(b -> Hcl.isTrue(b, "enabled"));
  }
}
