package io.aiplatform.worker.resources;

import io.aiplatform.worker.WorkerProperties;
import io.aiplatform.worker.provisioning.Comparison;
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
 * writing it, so converging writes them all, and only a verification reads them back.
 */
final class BucketSettings {

  static final String EVENTBRIDGE_SWITCH = "notifications.eventBridge";

  private final S3Client s3;
  private final boolean raw;
  private final WorkerProperties.Buckets settings;
  private final boolean eventBridgeSwitchReadable;

  /**
   * @param eventBridgeSwitchReadable whether GetBucketNotificationConfiguration answers the
   *     EventBridge switch (AWS does, moto does not), so that its absence means it is off
   */
  BucketSettings(
      S3Client s3,
      boolean raw,
      WorkerProperties.Buckets settings,
      boolean eventBridgeSwitchReadable) {
    this.s3 = s3;
    this.raw = raw;
    this.settings = settings;
    this.eventBridgeSwitchReadable = eventBridgeSwitchReadable;
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

  /**
   * How the bucket's configuration differs from {@link #apply}'s, one read per part: versioning,
   * default encryption with its key, the public access block (its four flags as one field),
   * lifecycle rules and, for the raw bucket, the EventBridge switch.
   */
  Comparison compare(String bucket) {
    BucketReads now = new BucketReads(s3, bucket);
    Comparison.Builder comparison =
        Comparison.builder()
            .field("versioning", BucketVersioningStatus.ENABLED.toString(), now.versioning())
            .field(
                "encryption",
                BucketReads.encryption(
                    ServerSideEncryption.AWS_KMS.toString(), settings.kmsKeyId(), true),
                now.encryption())
            .field(
                "publicAccessBlock",
                BucketReads.publicAccessBlock(true, true, true, true),
                now.publicAccessBlock())
            .field("lifecycleRules", BucketReads.lifecycle(lifecycleRules()), now.lifecycle());
    if (raw) {
      boolean on = now.eventBridgeNotifications();
      if (on || eventBridgeSwitchReadable) {
        comparison.field(EVENTBRIDGE_SWITCH, "on", on ? "on" : "off");
      } else {
        comparison.notCompared(EVENTBRIDGE_SWITCH);
      }
    }
    return comparison.build();
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
