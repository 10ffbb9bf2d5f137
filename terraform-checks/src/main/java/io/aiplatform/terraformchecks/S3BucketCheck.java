package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every S3 bucket has SSE-KMS, all four public access block settings and versioning. */
final class S3BucketCheck implements Check {

  private static final List<String> PUBLIC_ACCESS_SETTINGS =
      List.of(
          "block_public_acls",
          "block_public_policy",
          "ignore_public_acls",
          "restrict_public_buckets");

  @Override
  public List<String> violations(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    for (String bucket : module.blocksOfType("resource", "aws_s3_bucket").keySet()) {
      String ref = "aws_s3_bucket." + bucket;
      String where = module.dir() + ": " + ref;
      if (module
          .attachedTo("aws_s3_bucket_server_side_encryption_configuration", "bucket", ref)
          .stream()
          .noneMatch(S3BucketCheck::usesKms)) {
        violations.add(where + " has no SSE-KMS encryption configuration");
      }
      if (module.attachedTo("aws_s3_bucket_public_access_block", "bucket", ref).stream()
          .noneMatch(S3BucketCheck::blocksAllPublicAccess)) {
        violations.add(where + " has no public access block with all four settings true");
      }
      if (module.attachedTo("aws_s3_bucket_versioning", "bucket", ref).stream()
          .noneMatch(S3BucketCheck::versioned)) {
        violations.add(where + " has no versioning configuration with status Enabled");
      }
    }
    return violations;
  }

  private static boolean usesKms(Map<String, Object> config) {
    return Hcl.blocks(config.get("rule")).stream()
        .flatMap(rule -> Hcl.blocks(rule.get("apply_server_side_encryption_by_default")).stream())
        .anyMatch(
            sse ->
                String.valueOf(sse.get("sse_algorithm")).startsWith("aws:kms")
                    && sse.containsKey("kms_master_key_id"));
  }

  private static boolean blocksAllPublicAccess(Map<String, Object> block) {
    return PUBLIC_ACCESS_SETTINGS.stream().allMatch(setting -> Hcl.isTrue(block, setting));
  }

  private static boolean versioned(Map<String, Object> versioning) {
    return Hcl.blocks(versioning.get("versioning_configuration")).stream()
        .anyMatch(config -> "Enabled".equals(config.get("status")));
  }
}
