package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API's task role grants its registration pre-checks read calls only, each on the names the
 * systems get under the prefix (or the one resource it reads that no system names: the Glue
 * catalog, the bucket quota, the HTTP API's routes), except the calls AWS cannot scope to a
 * resource.
 */
class ApiPrecheckPermissionsTests {

  private static final Map<String, List<String>> READS =
      Map.of(
          "PrecheckBucketNames", List.of("s3:ListBucket"),
          "PrecheckBucketCount", List.of("s3:ListAllMyBuckets"),
          "PrecheckBucketQuota", List.of("servicequotas:GetServiceQuota"),
          "PrecheckGlueNames", List.of("glue:GetDatabase", "glue:GetCrawler"),
          "PrecheckRuleNames", List.of("events:DescribeRule"),
          "PrecheckFunctionNames", List.of("lambda:GetFunction"),
          "PrecheckRoutes", List.of("apigateway:GET"),
          "PrecheckDms", List.of("dms:DescribeReplicationTasks", "dms:DescribeEndpoints"));

  /** ListBuckets and DMS Describe* take no resource-level permissions. */
  private static final List<String> UNSCOPABLE = List.of("PrecheckBucketCount", "PrecheckDms");

  @Test
  void thePrechecksMayOnlyRead() {
    Map<String, Map<String, Object>> statements = apiStatements();

    READS.forEach(
        (sid, actions) ->
            assertThat(Hcl.strings(statements.get(sid).get("actions")))
                .as(sid)
                .containsExactlyInAnyOrderElementsOf(actions));
    assertThat(statements.keySet().stream().filter(sid -> sid.startsWith("Precheck")))
        .containsExactlyInAnyOrderElementsOf(READS.keySet());
  }

  @Test
  void eachScopableCheckIsLimitedToThePrefixAndThePartition() {
    apiStatements().entrySet().stream()
        .filter(e -> e.getKey().startsWith("Precheck") && !UNSCOPABLE.contains(e.getKey()))
        .forEach(
            e ->
                assertThat(Hcl.strings(e.getValue().get("resources")))
                    .as(e.getKey())
                    .isNotEmpty()
                    .allSatisfy(
                        arn -> {
                          assertThat(arn).startsWith("arn:data.aws_partition.current.partition:");
                          assertThat(arn).containsAnyOf("prefix", ":catalog", "s3/L-", "/routes");
                        }));
  }

  private static Map<String, Map<String, Object>> apiStatements() {
    TerraformModule iam = TerraformModule.load(Trees.terraformRoot().resolve("modules/iam"));
    Object document = iam.blocksOfType("data", "aws_iam_policy_document").get("api");
    return Hcl.blocks(Hcl.map(document).get("statement")).stream()
        .filter(statement -> statement.get("sid") != null)
        .collect(Collectors.toMap(s -> String.valueOf(s.get("sid")), s -> s));
  }
}
