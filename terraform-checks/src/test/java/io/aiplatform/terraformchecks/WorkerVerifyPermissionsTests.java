package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A verify (issue 17) reads each resource of a system with read calls only: the worker's role
 * grants each of those calls' IAM actions, in the statement that scopes the resource kind to the
 * platform's names (the runtime resources' reads: {@link SystemRuntimePlanIntegrationTests}).
 */
class WorkerVerifyPermissionsTests {

  /** Statement Sid to the IAM actions of the SDK calls a verify makes on that kind. */
  private static final Map<String, List<String>> VERIFY_READS =
      Map.of(
          // GetBucketVersioning, GetBucketEncryption, GetPublicAccessBlock,
          // GetBucketLifecycleConfiguration, GetBucketNotificationConfiguration, GetBucketTagging
          "ManageSystemBuckets",
          List.of(
              "s3:GetBucketVersioning",
              "s3:GetEncryptionConfiguration",
              "s3:GetBucketPublicAccessBlock",
              "s3:GetLifecycleConfiguration",
              "s3:GetBucketNotification",
              "s3:GetBucketTagging"),
          "ManageGlueDatabasesAndCrawlers",
          List.of("glue:GetDatabase", "glue:GetCrawler", "glue:GetTags"),
          "ManageRawToCuratedRules",
          List.of("events:DescribeRule", "events:ListTargetsByRule", "events:ListTagsForResource"),
          "FindDmsResources",
          List.of(
              "dms:DescribeEndpoints", "dms:DescribeReplicationTasks", "dms:ListTagsForResource"));

  @Test
  void workerRoleGrantsEveryReadAVerifyMakes() {
    Map<String, List<String>> statements = workerStatements();
    VERIFY_READS.forEach(
        (sid, actions) -> assertThat(statements.get(sid)).as(sid).containsAll(actions));
  }

  @Test
  void runtimeStatementsCarryTheVerifyReadsOfFunctionsRoutesDashboardsAndAlarms() {
    TerraformModule iam = TerraformModule.load(Trees.terraformRoot().resolve("modules/iam"));
    Map<String, List<String>> runtime =
        statements(
            iam.blocksOfType("data", "aws_iam_policy_document").get("worker_system_runtime"));
    assertThat(runtime.get("ManageSystemFunctions"))
        .contains("lambda:GetFunction", "lambda:ListTags", "lambda:GetPolicy");
    assertThat(runtime.get("ManageSystemRoutesOnThePlatformApi")).contains("apigateway:GET");
    assertThat(runtime.get("ManageSystemDashboardsAndAlarms"))
        .contains("cloudwatch:GetDashboard", "cloudwatch:ListTagsForResource");
    assertThat(runtime.get("DescribeAlarms")).containsExactly("cloudwatch:DescribeAlarms");
    assertThat(runtime.get("ManageSystemLogGroups")).contains("logs:ListTagsForResource");
    assertThat(runtime.get("ListLogGroups")).containsExactly("logs:DescribeLogGroups");
  }

  private static Map<String, List<String>> workerStatements() {
    TerraformModule iam = TerraformModule.load(Trees.terraformRoot().resolve("modules/iam"));
    return statements(iam.blocksOfType("data", "aws_iam_policy_document").get("worker"));
  }

  private static Map<String, List<String>> statements(Object document) {
    return Hcl.blocks(Hcl.map(document).get("statement")).stream()
        .collect(
            Collectors.toMap(
                statement -> String.valueOf(statement.get("sid")),
                statement -> Hcl.strings(statement.get("actions"))));
  }
}
