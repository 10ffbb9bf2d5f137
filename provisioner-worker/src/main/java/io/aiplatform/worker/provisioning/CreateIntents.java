package io.aiplatform.worker.provisioning;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable records of resources a job is about to create without tags in the same call (S3 buckets
 * where create-time tags are not honoured). A crash between the create and the tagging leaves an
 * untagged resource; its intent, written before the create, is how a later attempt tells it from
 * one somebody else made.
 */
public interface CreateIntents {

  /**
   * Records, before any of them is created, that this job is about to create these resources of its
   * system. Each was seen absent just now.
   *
   * @param resources keys as {@link #key} builds them
   */
  void record(OwnerTags owner, Collection<String> resources);

  /** The job of this owner's system that recorded an intent to create the resource, if any. */
  Optional<UUID> recordedBy(OwnerTags owner, String resource);

  /** The key an intent is recorded under. */
  static String key(Step<?> step) {
    return step.kind() + "/" + step.name();
  }
}
