package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * An in-memory account for {@link ProvisioningRun}'s unit tests: resources with tags and contents,
 * steps over them, create intents, and faults and crashes at chosen calls. A crash is an {@link
 * Error}, so it leaves the run the way {@code kill -9} leaves the process: at once, mid-call.
 */
final class FakeCloud {

  /** What {@code kill -9} does to a run: nothing after it happens. */
  static final class Crash extends Error {
    Crash(String where) {
      super("crashed at " + where);
    }
  }

  /** One resource in the account. */
  static final class Resource {
    final Map<String, String> tags = new LinkedHashMap<>();
    boolean holdsObjects;

    /** For a resource that cannot carry tags: the resource it points at, which owns it. */
    String pointsAt;

    /** Its settings, as converging last left them. */
    Object settings;
  }

  final Map<String, Resource> resources = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();
  final Map<String, RuntimeException> failures = new HashMap<>();
  final Map<String, Integer> failuresLeft = new HashMap<>();
  final Map<String, Boolean> crashAfter = new HashMap<>();
  final Map<String, Boolean> loseAnswer = new HashMap<>();
  final Intents intents = new Intents();

  /** The step for resource {@code name}; {@code atomicTags} says whether create tags at once. */
  FakeStep step(String name, boolean atomicTags) {
    return new FakeStep(this, name, atomicTags, null, null);
  }

  /** The same, wanting these settings. */
  FakeStep step(String name, boolean atomicTags, Object desired) {
    return new FakeStep(this, name, atomicTags, null, desired);
  }

  /**
   * A step whose resource cannot carry tags (a route, an integration): it points at {@code anchor}
   * and is this system's when the anchor is.
   */
  FakeStep derived(String name, String anchor) {
    return new FakeStep(this, name, true, anchor, null);
  }

  /** Makes the next call {@code operation} on {@code name} fail with this error. */
  void failNext(String operation, String name, RuntimeException error) {
    failNext(operation, name, error, 1);
  }

  /** Makes the next {@code times} calls {@code operation} on {@code name} fail with this error. */
  void failNext(String operation, String name, RuntimeException error, int times) {
    failures.put(operation + " " + name, error);
    failuresLeft.put(operation + " " + name, times);
  }

  /** The call takes effect, then the process dies before it hears the answer. */
  void crashAfterNext(String operation, String name) {
    crashAfter.put(operation + " " + name, true);
  }

  /** The call takes effect, then its answer is lost (a 503 reaches the caller). */
  void loseNextAnswer(String operation, String name) {
    loseAnswer.put(operation + " " + name, true);
  }

  void put(String name, Map<String, String> tags, boolean holdsObjects) {
    Resource resource = new Resource();
    resource.tags.putAll(tags);
    resource.holdsObjects = holdsObjects;
    resources.put(name, resource);
  }

  /** Runs one call: injected failure first, then the effect, then a crash or a lost answer. */
  void call(String operation, String name, Runnable effect) {
    String key = operation + " " + name;
    calls.add(key);
    RuntimeException failure = failures.get(key);
    if (failure != null) {
      if (failuresLeft.merge(key, -1, Integer::sum) <= 0) {
        failures.remove(key);
        failuresLeft.remove(key);
      }
      throw failure;
    }
    effect.run();
    if (crashAfter.remove(key) != null) {
      throw new Crash(key);
    }
    if (loseAnswer.remove(key) != null) {
      throw awsError(503, "ServiceUnavailable");
    }
  }

  /** A resource without tags of its own that points at {@code anchor}. */
  void pointing(String name, String anchor, Object settings) {
    Resource resource = new Resource();
    resource.pointsAt = anchor;
    resource.settings = settings;
    resources.put(name, resource);
  }

  long count(String operation) {
    return calls.stream().filter(c -> c.startsWith(operation + " ")).count();
  }

  static AwsServiceException awsError(int status, String code) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(
            AwsErrorDetails.builder().errorCode(code).errorMessage(code + " (fake)").build())
        .build();
  }

  /** Intents kept like the DynamoDB table keeps them: one per resource, last writer wins. */
  final class Intents implements CreateIntents {
    final Map<String, OwnerTags> recorded = new HashMap<>();
    int writes;

    @Override
    public void record(OwnerTags owner, Collection<String> keys) {
      if (keys.isEmpty()) {
        return;
      }
      call("RecordIntents", String.join(",", keys), () -> {});
      writes++;
      keys.forEach(k -> recorded.put(k, owner));
    }

    @Override
    public Optional<UUID> recordedBy(OwnerTags owner, String key) {
      OwnerTags by = recorded.get(key);
      return by != null && by.systemId().equals(owner.systemId())
          ? Optional.of(by.jobId())
          : Optional.empty();
    }
  }

  /** A step over one resource of the fake account. */
  static final class FakeStep implements Step<Void> {
    private final FakeCloud cloud;
    private final String name;
    private final boolean atomicTags;
    private final String anchor;
    private final Object desired;

    FakeStep(FakeCloud cloud, String name, boolean atomicTags, String anchor, Object desired) {
      this.cloud = cloud;
      this.name = name;
      this.atomicTags = atomicTags;
      this.anchor = anchor;
      this.desired = desired;
    }

    @Override
    public ResourceKind kind() {
      if (anchor != null) {
        return ResourceKind.API_ROUTE;
      }
      return atomicTags ? ResourceKind.GLUE_DATABASE : ResourceKind.S3_BUCKET;
    }

    @Override
    public Object desired() {
      return desired;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Optional<Found<Void>> find(RunContext context) {
      cloud.call("Find", name, () -> {});
      Resource resource = cloud.resources.get(name);
      if (resource == null) {
        return Optional.empty();
      }
      if (anchor == null) {
        return Optional.of(new Found<>("arn:" + name, resource.tags, null));
      }
      Resource owner = cloud.resources.get(resource.pointsAt);
      boolean ours = anchor.equals(resource.pointsAt) && owner != null;
      return Optional.of(new Found<>("arn:" + name, ours ? owner.tags : Map.of(), null));
    }

    @Override
    public Found<Void> create(Map<String, String> tags, RunContext context) {
      if (cloud.resources.containsKey(name)) {
        cloud.calls.add("Create " + name);
        throw new ResourceExistsException(kind().name(), name, null);
      }
      if (anchor != null) {
        cloud.call("Create", name, () -> cloud.pointing(name, anchor, desired));
        return new Found<>("arn:" + name, tags, null);
      }
      cloud.call(
          "Create",
          name,
          () -> {
            cloud.put(name, atomicTags ? tags : Map.of(), false);
            cloud.resources.get(name).settings = desired;
          });
      if (!atomicTags) {
        cloud.call("Tag", name, () -> cloud.resources.get(name).tags.putAll(tags));
      }
      return new Found<>("arn:" + name, tags, null);
    }

    @Override
    public boolean tagsOnCreate() {
      return atomicTags;
    }

    @Override
    public void tag(Found<Void> found, Map<String, String> tags) {
      if (anchor != null) {
        return; // Its ownership is the anchor's.
      }
      cloud.call("Tag", name, () -> cloud.resources.get(name).tags.putAll(tags));
    }

    @Override
    public boolean converge(Found<Void> found, RunContext context) {
      Resource resource = cloud.resources.get(name);
      boolean differs = resource != null && !java.util.Objects.equals(resource.settings, desired);
      cloud.call(
          "Converge",
          name,
          () -> {
            if (resource != null) {
              resource.settings = desired;
            }
          });
      return differs;
    }

    /** A read, like the real steps' comparisons: its settings against the desired ones. */
    @Override
    public Comparison compare(Found<Void> found, RunContext context) {
      cloud.call("Compare", name, () -> {});
      Resource resource = cloud.resources.get(name);
      Object now = resource == null ? null : resource.settings;
      return Comparison.builder().field("settings", desired, now).build();
    }

    @Override
    public boolean hasOwnTags() {
      return anchor == null;
    }

    @Override
    public void delete(Found<Void> found, RunContext context) {
      cloud.call("Delete", name, () -> cloud.resources.remove(name));
    }

    @Override
    public boolean holdsData() {
      return !atomicTags;
    }

    @Override
    public boolean pristine(Found<Void> found) {
      Resource resource = cloud.resources.get(name);
      return resource != null && !resource.holdsObjects;
    }
  }
}
