package io.aiplatform.worker.jobs;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per system while some delivery of it runs or waits here, and none after: a worker sees
 * every system once in a while, so locks kept forever would grow without bound.
 */
final class SystemLocks {

  private static final class Entry {
    private final ReentrantLock lock = new ReentrantLock();
    private int users;
  }

  private final Map<UUID, Entry> locks = new ConcurrentHashMap<>();

  <T> T withLock(UUID systemId, Supplier<T> work) {
    Entry entry =
        locks.compute(
            systemId,
            (id, current) -> {
              Entry next = current == null ? new Entry() : current;
              next.users++;
              return next;
            });
    entry.lock.lock();
    try {
      return work.get();
    } finally {
      entry.lock.unlock();
      locks.computeIfPresent(systemId, (id, current) -> --current.users == 0 ? null : current);
    }
  }

  /** Systems with a delivery running or waiting here now. */
  int held() {
    return locks.size();
  }
}
