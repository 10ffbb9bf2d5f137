package io.aiplatform.worker.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/** DMS's tag list, in both directions. */
final class DmsTags {

  private DmsTags() {}

  static List<Tag> of(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  static Map<String, String> read(DatabaseMigrationClient dms, String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    dms.listTagsForResource(b -> b.resourceArn(arn))
        .tagList()
        .forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }
}
