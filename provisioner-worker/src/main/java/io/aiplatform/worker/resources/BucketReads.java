package io.aiplatform.worker.resources;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * One bucket's configuration read back, one call per part, each as a text that a desired part
 * renders the same way; {@code null} where the part is not configured at all.
 */
final class BucketReads {

  private final S3Client s3;
  private final String bucket;

  BucketReads(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  String versioning() {
    return s3.getBucketVersioning(b -> b.bucket(bucket)).statusAsString();
  }

  String encryption() {
    List<ServerSideEncryptionRule> rules;
    try {
      rules =
          s3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules();
    } catch (S3Exception e) {
      return absent(e, "ServerSideEncryptionConfigurationNotFoundError");
    }
    if (rules.isEmpty()) {
      return null;
    }
    ServerSideEncryptionByDefault sse = rules.get(0).applyServerSideEncryptionByDefault();
    return encryption(
        sse == null ? null : sse.sseAlgorithmAsString(),
        sse == null ? null : sse.kmsMasterKeyID(),
        Boolean.TRUE.equals(rules.get(0).bucketKeyEnabled()));
  }

  String publicAccessBlock() {
    PublicAccessBlockConfiguration block;
    try {
      block = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
    } catch (S3Exception e) {
      return absent(e, "NoSuchPublicAccessBlockConfiguration");
    }
    return publicAccessBlock(
        Boolean.TRUE.equals(block.blockPublicAcls()),
        Boolean.TRUE.equals(block.ignorePublicAcls()),
        Boolean.TRUE.equals(block.blockPublicPolicy()),
        Boolean.TRUE.equals(block.restrictPublicBuckets()));
  }

  String lifecycle() {
    try {
      return lifecycle(s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules());
    } catch (S3Exception e) {
      return absent(e, "NoSuchLifecycleConfiguration");
    }
  }

  boolean eventBridgeNotifications() {
    return s3.getBucketNotificationConfiguration(b -> b.bucket(bucket)).eventBridgeConfiguration()
        != null;
  }

  static String encryption(String algorithm, String key, boolean bucketKey) {
    return "%s with key %s, bucket key %s".formatted(algorithm, key, bucketKey ? "on" : "off");
  }

  static String publicAccessBlock(
      boolean blockAcls, boolean ignoreAcls, boolean blockPolicy, boolean restrictBuckets) {
    return "BlockPublicAcls=%s IgnorePublicAcls=%s BlockPublicPolicy=%s RestrictPublicBuckets=%s"
        .formatted(blockAcls, ignoreAcls, blockPolicy, restrictBuckets);
  }

  /** The rules by id, each with what it filters and does. */
  static String lifecycle(List<LifecycleRule> rules) {
    return rules.stream()
        .sorted(Comparator.comparing(r -> String.valueOf(r.id())))
        .map(BucketReads::rule)
        .collect(Collectors.joining("; "));
  }

  private static String rule(LifecycleRule rule) {
    StringBuilder text = new StringBuilder(rule.id() + " " + rule.statusAsString());
    String prefix = rule.filter() == null ? rule.prefix() : rule.filter().prefix();
    if (prefix != null && !prefix.isEmpty()) {
      text.append(" prefix ").append(prefix);
    }
    NoncurrentVersionExpiration noncurrent = rule.noncurrentVersionExpiration();
    if (noncurrent != null) {
      text.append(", noncurrent versions expire after ").append(noncurrent.noncurrentDays());
    }
    for (Transition transition : rule.transitions()) {
      text.append(", to ")
          .append(transition.storageClassAsString())
          .append(" after ")
          .append(transition.days());
    }
    if (rule.expiration() != null) {
      text.append(", objects expire after ").append(rule.expiration().days());
    }
    return text.toString();
  }

  /** A part that is not configured reads as {@code null}; any other error is the check's. */
  private static String absent(S3Exception e, String notConfigured) {
    if (e.awsErrorDetails() != null && notConfigured.equals(e.awsErrorDetails().errorCode())) {
      return null;
    }
    throw e;
  }
}
