package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The enrichment consumer's role grants what the KCL documentation lists as the minimum for a KCL
 * 3.x application, table by table: KCL calls CreateTable (and UpdateTable for the lease table's
 * index) at start-up even when the tables exist, and stops on AccessDenied.
 */
class KclPermissionsTests {

  private static final List<String> STREAM =
      List.of(
          "kinesis:DescribeStream",
          "kinesis:DescribeStreamSummary",
          "kinesis:RegisterStreamConsumer",
          "kinesis:GetRecords",
          "kinesis:GetShardIterator",
          "kinesis:ListShards",
          "kinesis:SubscribeToShard",
          "kinesis:DescribeStreamConsumer");
  private static final List<String> LEASE_TABLE =
      List.of(
          "dynamodb:CreateTable",
          "dynamodb:DescribeTable",
          "dynamodb:UpdateTable",
          "dynamodb:Scan",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem");
  private static final List<String> STATE_TABLES =
      List.of(
          "dynamodb:CreateTable",
          "dynamodb:DescribeTable",
          "dynamodb:Scan",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem");

  @Test
  void consumerRoleGrantsKclsDocumentedMinimumPerTable() {
    Map<String, List<String>> statements = consumerStatements();

    assertThat(statements.get("ReadStream")).containsAll(STREAM);
    assertThat(statements.get("KclLeaseTable")).containsExactlyInAnyOrderElementsOf(LEASE_TABLE);
    assertThat(statements.get("KclLeaseTableIndex")).containsExactly("dynamodb:Query");
    assertThat(statements.get("KclWorkerMetricsAndCoordinatorState"))
        .containsExactlyInAnyOrderElementsOf(STATE_TABLES);
  }

  private static Map<String, List<String>> consumerStatements() {
    TerraformModule iam = TerraformModule.load(Trees.terraformRoot().resolve("modules/iam"));
    Object document = iam.blocksOfType("data", "aws_iam_policy_document").get("consumer");
    return Hcl.blocks(Hcl.map(document).get("statement")).stream()
        .collect(
            Collectors.toMap(
                statement -> String.valueOf(statement.get("sid")),
                statement -> Hcl.strings(statement.get("actions"))));
  }
}
