package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the steps of one run hand to each other, explicitly: the ARN of every resource found or
 * created so far (the DMS task needs its target endpoint's), and reads that several steps share
 * (one bucket listing serves the three bucket steps). Lives exactly as long as the run.
 */
public final class RunContext {

  private final Map<String, String> arns = new HashMap<>();
  private final Map<Key<?>, Object> shared = new HashMap<>();

  /**
   * A named value the steps of a run share.
   *
   * @param name what it is
   * @param <T> its type
   */
  public record Key<T>(String name) {}

  void recordArn(ResourceKind kind, String name, String arn) {
    arns.put(kind + "/" + name, arn);
  }

  /**
   * The ARN of a resource an earlier step of this run found or created.
   *
   * @throws IllegalStateException when no earlier step did, i.e. the plan's order is wrong
   */
  public String arnOf(ResourceKind kind, String name) {
    String arn = arns.get(kind + "/" + name);
    if (arn == null) {
      throw new IllegalStateException(kind + " " + name + " must be provisioned before this step");
    }
    return arn;
  }

  /** The ARN of a resource if an earlier step of this run found or created it. */
  public Optional<String> knownArn(ResourceKind kind, String name) {
    return Optional.ofNullable(arns.get(kind + "/" + name));
  }

  /** The shared value, computed by the first step that asks for it. */
  @SuppressWarnings("unchecked")
  public <T> T shared(Key<T> key, Supplier<T> compute) {
    return (T) shared.computeIfAbsent(key, k -> compute.get());
  }

  /** The shared value if some step computed it already. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> known(Key<T> key) {
    return Optional.ofNullable((T) shared.get(key));
  }

  /** Drops a shared value, so that the next step asking reads it afresh. */
  public void forget(Key<?> key) {
    shared.remove(key);
  }
}
