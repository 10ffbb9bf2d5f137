package io.aiplatform.worker.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.BackingServices;
import io.aiplatform.worker.WorkerProperties;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.RunContext;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The bucket step against the emulator as it is (create-time tags ignored) and as AWS behaves
 * (create-time tags applied, emulated here by an interceptor that tags right after CreateBucket).
 */
class BucketStepIntegrationTests {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final S3Client plain = s3(false);
  private final S3Client likeAws = s3(true);
  private final RunContext context = new RunContext();

  @Test
  void whereS3AppliesCreateTimeTagsANewBucketIsOursInTheCreateCallAlone() {
    CreateTimeTags createTimeTags = new CreateTimeTags();
    BucketStep first = step(likeAws, "b" + UUID.randomUUID(), createTimeTags);
    BucketStep second = step(likeAws, "b" + UUID.randomUUID(), createTimeTags);

    first.create(tags(), context);
    calls.clear();
    Found<Void> made = second.create(tags(), context);

    assertThat(createTimeTags.honoured()).isTrue();
    assertThat(second.tagsOnCreate()).isTrue();
    assertThat(calls).containsExactly("CreateBucket");
    assertThat(second.find(new RunContext()).orElseThrow().tags()).isEqualTo(made.tags());
  }

  @Test
  void whereS3IgnoresCreateTimeTagsANewBucketIsTaggedByASecondCall() {
    CreateTimeTags createTimeTags = new CreateTimeTags();
    BucketStep step = step(plain, "b" + UUID.randomUUID(), createTimeTags);

    Found<Void> made = step.create(tags(), context);

    assertThat(createTimeTags.honoured()).isFalse();
    assertThat(step.tagsOnCreate()).isFalse();
    assertThat(calls).containsExactly("CreateBucket", "GetBucketTagging", "PutBucketTagging");
    assertThat(step.find(new RunContext()).orElseThrow().tags()).isEqualTo(made.tags());
  }

  @Test
  void aBucketCreatedAgainUnderADeletedOnesNameIsNotMistakenForCreateTimeTagsApplied() {
    String name = "b" + UUID.randomUUID();
    CreateTimeTags earlier = new CreateTimeTags();
    BucketStep step = step(plain, name, earlier);
    Found<Void> made = step.create(tags(), context);
    step.delete(made, context);

    CreateTimeTags now = new CreateTimeTags();
    step(plain, name, now).create(tags(), new RunContext());

    assertThat(now.honoured()).isFalse();
  }

  @Test
  void threeBucketsOfASystemAreFoundWithOneListing() {
    String system = "s" + UUID.randomUUID().toString().substring(0, 8) + "-";
    CreateTimeTags createTimeTags = new CreateTimeTags();
    for (String tier : List.of("raw", "curated", "prod")) {
      step(plain, system + tier, createTimeTags).create(tags(), context);
    }
    calls.clear();

    RunContext fresh = new RunContext();
    for (String tier : List.of("raw", "curated", "prod")) {
      assertThat(step(plain, system + tier, createTimeTags).find(fresh)).isPresent();
    }

    assertThat(calls).filteredOn("ListBuckets"::equals).hasSize(1);
  }

  private BucketStep step(S3Client s3, String bucket, CreateTimeTags createTimeTags) {
    String prefix = bucket.substring(0, bucket.lastIndexOf('-') + 1);
    WorkerProperties.Buckets defaults =
        new WorkerProperties.Buckets("alias/k", 30, "STANDARD_IA", 90);
    return new BucketStep(
        s3,
        bucket,
        "aws",
        prefix.isEmpty() ? bucket : prefix,
        new BucketSettings(s3, false, defaults, false),
        createTimeTags,
        Clock.systemUTC());
  }

  private static Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("platform:system-id", UUID.randomUUID().toString());
    tags.put("platform:managed-by", "provisioner-worker");
    return tags;
  }

  private S3Client s3(boolean appliesCreateTimeTags) {
    S3ClientBuilder builder =
        base().overrideConfiguration(c -> c.addExecutionInterceptor(new Recorder()));
    if (appliesCreateTimeTags) {
      S3Client tagger = base().build();
      builder.overrideConfiguration(
          c ->
              c.addExecutionInterceptor(new Recorder())
                  .addExecutionInterceptor(new TagsOnCreate(tagger)));
    }
    return builder.build();
  }

  private static S3ClientBuilder base() {
    return S3Client.builder()
        .endpointOverride(URI.create(BackingServices.awsEndpoint()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    BackingServices.EMULATOR_CREDENTIAL, BackingServices.EMULATOR_CREDENTIAL)));
  }

  private final class Recorder implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  /** What AWS does and moto does not: applies the tags CreateBucket carries. */
  private record TagsOnCreate(S3Client tagger) implements ExecutionInterceptor {
    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof CreateBucketRequest create
          && create.createBucketConfiguration() != null
          && create.createBucketConfiguration().hasTags()) {
        List<Tag> tags = create.createBucketConfiguration().tags();
        tagger.putBucketTagging(b -> b.bucket(create.bucket()).tagging(t -> t.tagSet(tags)));
      }
    }
  }
}
