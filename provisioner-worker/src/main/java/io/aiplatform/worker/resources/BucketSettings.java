package io.aiplatform.worker.resources;

import io.aiplatform.worker.WorkerProperties;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The desired configuration of a data bucket: versioned, SSE-KMS with the platform key, no public
 * access, lifecycle rules, and for the raw bucket a storage-class transition and EventBridge
 * notifications. Every part is its own idempotent S3 call; reading a part back costs as much as
 * writing it, so converging writes them all.
 */
final class BucketSettings {

  private final S3Client s3;
  private final boolean raw;
  private final WorkerProperties.Buckets settings;

  BucketSettings(S3Client s3, boolean raw, WorkerProperties.Buckets settings) {
    this.s3 = s3;
    this.raw = raw;
    this.settings = settings;
  }

  void apply(String bucket) {
    s3.putBucketVersioning(
        b ->
            b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putBucketEncryption(
        b ->
            b.bucket(bucket)
                .serverSideEncryptionConfiguration(
                    c ->
                        c.rules(
                            r ->
                                r.bucketKeyEnabled(true)
                                    .applyServerSideEncryptionByDefault(
                                        d ->
                                            d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                                                .kmsMasterKeyID(settings.kmsKeyId())))));
    s3.putPublicAccessBlock(
        b ->
            b.bucket(bucket)
                .publicAccessBlockConfiguration(
                    p ->
                        p.blockPublicAcls(true)
                            .ignorePublicAcls(true)
                            .blockPublicPolicy(true)
                            .restrictPublicBuckets(true)));
    s3.putBucketLifecycleConfiguration(
        b -> b.bucket(bucket).lifecycleConfiguration(l -> l.rules(lifecycleRules())));
    if (raw) {
      s3.putBucketNotificationConfiguration(
          b ->
              b.bucket(bucket)
                  .notificationConfiguration(
                      n -> n.eventBridgeConfiguration(EventBridgeConfiguration.builder().build())));
    }
  }

  private List<LifecycleRule> lifecycleRules() {
    List<LifecycleRule> rules = new ArrayList<>();
    rules.add(
        LifecycleRule.builder()
            .id("expire-noncurrent-versions")
            .status(ExpirationStatus.ENABLED)
            .filter(f -> f.prefix(""))
            .noncurrentVersionExpiration(
                e -> e.noncurrentDays(settings.noncurrentVersionExpirationDays()))
            .build());
    if (raw) {
      rules.add(
          LifecycleRule.builder()
              .id("transition-raw-objects")
              .status(ExpirationStatus.ENABLED)
              .filter(f -> f.prefix(""))
              .transitions(
                  t ->
                      t.days(settings.rawTransitionDays())
                          .storageClass(
                              TransitionStorageClass.fromValue(
                                  settings.rawTransitionStorageClass())))
              .build());
    }
    return rules;
  }
}
