package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.WorkerProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.EventBridgeConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * One data bucket: versioned, SSE-KMS with the platform key, no public access, lifecycle rules, and
 * for the raw bucket a storage-class transition and EventBridge notifications.
 */
final class BucketStep implements Step {

  private final S3Client s3;
  private final String bucket;
  private final boolean raw;
  private final WorkerProperties.Buckets settings;

  BucketStep(S3Client s3, String bucket, boolean raw, WorkerProperties.Buckets settings) {
    this.s3 = s3;
    this.bucket = bucket;
    this.raw = raw;
    this.settings = settings;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.S3_BUCKET;
  }

  @Override
  public String name() {
    return bucket;
  }

  @Override
  public boolean holdsData() {
    return true;
  }

  @Override
  public Optional<Found> find() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 403) {
        // Bucket names are global: 403 here means another account owns this name.
        throw new ForeignResourceException(kind().name(), bucket, "another AWS account");
      }
      throw e;
    }
    return Optional.of(new Found(arn(), tags()));
  }

  @Override
  public String create(Map<String, String> tags) {
    Region region = s3.serviceClientConfiguration().region();
    s3.createBucket(
        b -> {
          b.bucket(bucket);
          // us-east-1 is the one region that refuses an explicit location constraint.
          if (!Region.US_EAST_1.equals(region)) {
            b.createBucketConfiguration(c -> c.locationConstraint(region.id()));
          }
        });
    try {
      putTags(tags);
    } catch (RuntimeException e) {
      // An untagged bucket would look foreign to every later attempt: remove it while it is empty.
      s3.deleteBucket(b -> b.bucket(bucket));
      throw e;
    }
    return arn();
  }

  @Override
  public void tag(Found found, Map<String, String> tags) {
    Map<String, String> merged = new LinkedHashMap<>(found.tags());
    merged.putAll(tags);
    putTags(merged);
  }

  @Override
  public void converge(Found found) {
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

  @Override
  public void delete(Found found) {
    new BucketEmptier(s3, bucket).deleteEveryVersion();
    s3.deleteBucket(b -> b.bucket(bucket));
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

  private Map<String, String> tags() {
    try {
      Map<String, String> tags = new LinkedHashMap<>();
      s3.getBucketTagging(b -> b.bucket(bucket))
          .tagSet()
          .forEach(t -> tags.put(t.key(), t.value()));
      return tags;
    } catch (S3Exception e) {
      if ("NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
        return Map.of();
      }
      throw e;
    }
  }

  private void putTags(Map<String, String> tags) {
    List<Tag> tagSet =
        tags.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tagSet)));
  }

  private String arn() {
    return "arn:aws:s3:::" + bucket;
  }
}
