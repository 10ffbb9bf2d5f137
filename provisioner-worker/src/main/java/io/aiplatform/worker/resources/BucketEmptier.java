package io.aiplatform.worker.resources;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/** Removes every object version and delete marker of a versioned bucket, so it can be deleted. */
final class BucketEmptier {

  private final S3Client s3;
  private final String bucket;

  BucketEmptier(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  void deleteEveryVersion() {
    for (ListObjectVersionsResponse page :
        s3.listObjectVersionsPaginator(b -> b.bucket(bucket).maxKeys(1000))) {
      List<ObjectIdentifier> ids = new ArrayList<>();
      page.versions().forEach(v -> ids.add(id(v.key(), v.versionId())));
      page.deleteMarkers().forEach(m -> ids.add(id(m.key(), m.versionId())));
      if (!ids.isEmpty()) {
        deleteBatch(ids);
      }
    }
  }

  private void deleteBatch(List<ObjectIdentifier> ids) {
    List<S3Error> errors =
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true))).errors();
    if (!errors.isEmpty()) {
      S3Error first = errors.get(0);
      throw new IllegalStateException(
          "could not delete %d object versions of %s, first: %s %s (%s)"
              .formatted(errors.size(), bucket, first.key(), first.code(), first.message()));
    }
  }

  private static ObjectIdentifier id(String key, String versionId) {
    return ObjectIdentifier.builder().key(key).versionId(versionId).build();
  }
}
