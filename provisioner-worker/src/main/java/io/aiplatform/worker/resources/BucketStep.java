package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.ForeignResourceException;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.ResourceSettlingException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * One data bucket. Found through one listing of the system's buckets that the three bucket steps of
 * a run share; created with its tags in the CreateBucket call, and tagged again right after where
 * S3 (or an emulator) ignores create-time tags; configured by {@link BucketSettings}.
 */
final class BucketStep implements Step<Void> {

  /** When the worker created the bucket. */
  static final String CREATED_AT = "platform:created-at";

  /** The names of this account's buckets under the system's prefix, listed once per run. */
  private static final RunContext.Key<Set<String>> LISTING = new RunContext.Key<>("s3-buckets");

  private final S3Client s3;
  private final String bucket;
  private final String partition;
  private final String systemPrefix;
  private final BucketSettings settings;
  private final CreateTimeTags createTimeTags;
  private final Clock clock;

  BucketStep(
      S3Client s3,
      String bucket,
      String partition,
      String systemPrefix,
      BucketSettings settings,
      CreateTimeTags createTimeTags,
      Clock clock) {
    this.s3 = s3;
    this.bucket = bucket;
    this.partition = partition;
    this.systemPrefix = systemPrefix;
    this.settings = settings;
    this.createTimeTags = createTimeTags;
    this.clock = clock;
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
  public boolean absent(RunContext context) {
    return !listing(context).contains(bucket);
  }

  @Override
  public Optional<Found<Void>> find(RunContext context) {
    if (absent(context)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Found<>(arn(), readTags(), null));
    } catch (S3Exception e) {
      if (!(e instanceof NoSuchBucketException) && !"NoSuchBucket".equals(code(e))) {
        throw e;
      }
      // Deleted since the listing.
      context.forget(LISTING);
      return Optional.empty();
    }
  }

  @Override
  public Found<Void> create(Map<String, String> ownerTags, RunContext context) {
    // The creation time makes these tags unique: tags read back equal only if S3 applied them now
    // (moto, for one, hands a re-created bucket the tags of the deleted one).
    Map<String, String> tags = new LinkedHashMap<>(ownerTags);
    tags.put(CREATED_AT, clock.instant().toString());
    try {
      s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(configuration(tags)));
    } catch (RuntimeException e) {
      // Whatever happened, the listing no longer says what exists.
      context.forget(LISTING);
      throw e instanceof S3Exception s3Error ? refusal(s3Error) : e;
    }
    context.known(LISTING).ifPresent(names -> names.add(bucket));
    if (!createTimeTags.honoured()) {
      boolean honoured = createTimeTags.unknown() && readTags().equals(tags);
      createTimeTags.learn(honoured, bucket);
      if (!honoured) {
        putTags(tags);
      }
    }
    return new Found<>(arn(), tags, null);
  }

  @Override
  public boolean tagsOnCreate() {
    return createTimeTags.honoured();
  }

  @Override
  public void tag(Found<Void> found, Map<String, String> tags) {
    Map<String, String> merged = new LinkedHashMap<>(found.tags());
    merged.putAll(tags);
    putTags(merged);
  }

  @Override
  public boolean converge(Found<Void> found, RunContext context) {
    settings.apply(bucket);
    return true;
  }

  @Override
  public Comparison compare(Found<Void> found, RunContext context) {
    return settings.compare(bucket);
  }

  @Override
  public void delete(Found<Void> found, RunContext context) {
    try {
      new BucketEmptier(s3, bucket).deleteEveryVersion();
      s3.deleteBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code(e))) {
        return; // Already gone: an earlier attempt's answer was lost.
      }
      if ("BucketNotEmpty".equals(code(e))) {
        throw new ResourceSettlingException("objects still arrive in " + bucket, e);
      }
      throw e;
    }
  }

  @Override
  public boolean pristine(Found<Void> found) {
    ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(1));
    return page.versions().isEmpty() && page.deleteMarkers().isEmpty();
  }

  private Set<String> listing(RunContext context) {
    return context.shared(
        LISTING,
        () -> {
          Set<String> names = new HashSet<>();
          s3.listBucketsPaginator(b -> b.prefix(systemPrefix)).buckets().stream()
              .map(Bucket::name)
              .forEach(names::add);
          return names;
        });
  }

  private CreateBucketConfiguration configuration(Map<String, String> tags) {
    Region region = s3.serviceClientConfiguration().region();
    CreateBucketConfiguration.Builder configuration =
        CreateBucketConfiguration.builder().tags(tagSet(tags));
    // us-east-1 is the one region that refuses an explicit location constraint.
    if (!Region.US_EAST_1.equals(region)) {
      configuration.locationConstraint(region.id());
    }
    return configuration.build();
  }

  private RuntimeException refusal(S3Exception e) {
    return switch (String.valueOf(code(e))) {
      case "BucketAlreadyOwnedByYou" -> new ResourceExistsException(kind().name(), bucket, e);
      // Bucket names are global: this one belongs to another AWS account.
      case "BucketAlreadyExists" ->
          new ForeignResourceException(kind().name(), bucket, "another AWS account");
      default -> e;
    };
  }

  private Map<String, String> readTags() {
    try {
      Map<String, String> tags = new LinkedHashMap<>();
      s3.getBucketTagging(b -> b.bucket(bucket))
          .tagSet()
          .forEach(t -> tags.put(t.key(), t.value()));
      return tags;
    } catch (S3Exception e) {
      if ("NoSuchTagSet".equals(code(e))) {
        return Map.of();
      }
      throw e;
    }
  }

  private void putTags(Map<String, String> tags) {
    s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tagSet(tags))));
  }

  private static List<Tag> tagSet(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private String arn() {
    return "arn:" + partition + ":s3:::" + bucket;
  }
}
