package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every RDS instance or cluster says it is not publicly accessible and encrypts its storage. */
final class DatabaseCheck implements Check {

  @Override
  public List<String> violations(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    module
        .blocksOfType("resource", "aws_db_instance")
        .forEach(
            (name, instance) -> {
              Map<String, Object> body = Hcl.map(instance);
              String where = module.dir() + ": aws_db_instance." + name;
              if (!Boolean.FALSE.equals(body.get("publicly_accessible"))) {
                violations.add(where + " must set publicly_accessible = false");
              }
              if (!Hcl.isTrue(body, "storage_encrypted") || !body.containsKey("kms_key_id")) {
                violations.add(where + " must set storage_encrypted = true with a kms_key_id");
              }
            });
    module
        .blocksOfType("resource", "aws_rds_cluster")
        .forEach(
            (name, cluster) -> {
              if (!Hcl.isTrue(Hcl.map(cluster), "storage_encrypted")) {
                violations.add(
                    module.dir() + ": aws_rds_cluster." + name + " must set storage_encrypted");
              }
            });
    return violations;
  }
}
