package io.aiplatform.api.audit;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.web.DatabaseFaults;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the audit records of reads and refusals go, so that none is lost while the database is
 * away. A request reserves room before it is served ({@link #admit}); when it ends, its record is
 * handed to a writer thread that stores it at once, in batches under load. A record that cannot be
 * stored is kept in memory, logged as a structured line, and stored once the database is back. Room
 * is bounded: when none is left, a request is refused instead of served unaudited.
 *
 * <p>Hand-written because the record must be kept before the request is answered, and the request
 * must never wait for the database a second time, which no async appender guarantees.
 */
@Component
class AuditTrail {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final int BATCH = 500;

  /** A record waiting for the database; logged once when it first cannot be written. */
  private static final class Kept {
    final AuditEntry entry;
    boolean logged;

    Kept(AuditEntry entry) {
      this.entry = entry;
    }
  }

  private final AuditLog auditLog;
  private final JsonMapper json;
  private final long retryMillis;
  private final Semaphore room;
  private final Queue<Kept> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingCount = new AtomicInteger();
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final Counter refused;
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "audit-writer");
            t.setDaemon(true);
            return t;
          });
  private volatile long quietUntil;

  AuditTrail(AuditLog auditLog, JsonMapper json, ApiProperties properties, MeterRegistry registry) {
    this.auditLog = auditLog;
    this.json = json;
    this.retryMillis = properties.audit().flushInterval().toMillis();
    this.room = new Semaphore(properties.audit().bufferCapacity());
    Gauge.builder("platform.audit.pending", pendingCount, AtomicInteger::get)
        .description("Audit records handed over but not yet stored")
        .register(registry);
    this.refused =
        Counter.builder("platform.audit.refused")
            .description("Requests refused with 503 because no audit record could be kept")
            .register(registry);
  }

  @PostConstruct
  void start() {
    writer.scheduleWithFixedDelay(this::drain, retryMillis, retryMillis, TimeUnit.MILLISECONDS);
  }

  /** Reserves room for one request's record; false when none is left (refuse the request). */
  boolean admit() {
    if (room.tryAcquire()) {
      return true;
    }
    refused.increment();
    return false;
  }

  /** Gives back the room of a request whose record was written with its change. */
  void release() {
    room.release();
  }

  /**
   * Hands over the record of an admitted request. The caller never waits for the database: a
   * request that found the database unavailable has waited once already.
   */
  void record(AuditEntry entry, boolean databaseUnavailable) {
    Kept kept = new Kept(entry);
    if (databaseUnavailable) {
      logKept(kept, "the request found the database unavailable");
    }
    pending.add(kept);
    pendingCount.incrementAndGet();
    if (System.currentTimeMillis() >= quietUntil && drainQueued.compareAndSet(false, true)) {
      writer.execute(
          () -> {
            drainQueued.set(false);
            drain();
          });
    }
  }

  /**
   * The record of a request that was never admitted, because the HTTP server refused it before any
   * filter ran: handed over like the others while room is left, else only logged.
   */
  void recordUnadmitted(AuditEntry entry) {
    if (room.tryAcquire()) {
      record(entry, false);
    } else {
      line(entry).log("No room left to keep an audit record; it exists only in this line: {}");
    }
  }

  /** Stores what waits, oldest first, while the database takes it; else waits for the retry. */
  synchronized void drain() {
    List<Kept> batch;
    while (!(batch = oldest()).isEmpty()) {
      try {
        auditLog.appendAll(batch.stream().map(k -> k.entry).toList());
        stored(batch.size());
      } catch (RuntimeException e) {
        if (DatabaseFaults.isUnavailable(e) || !isolate(batch)) {
          quietUntil = System.currentTimeMillis() + retryMillis;
          pending.forEach(k -> logKept(k, e.getMessage()));
          return;
        }
      }
    }
  }

  /** Stores a batch that failed for another reason one by one, dropping only what cannot be. */
  private boolean isolate(List<Kept> batch) {
    for (Kept kept : batch) {
      try {
        auditLog.append(kept.entry);
      } catch (RuntimeException e) {
        if (DatabaseFaults.isUnavailable(e)) {
          return false;
        }
        line(kept.entry)
            .setCause(e)
            .log("The database refused an audit record; it exists only in this line: {}");
      }
      stored(1);
    }
    return true;
  }

  private List<Kept> oldest() {
    List<Kept> batch = new ArrayList<>(BATCH);
    Iterator<Kept> entries = pending.iterator();
    while (entries.hasNext() && batch.size() < BATCH) {
      batch.add(entries.next());
    }
    return batch;
  }

  /** Only the writer removes, so the head of the queue is what it just stored. */
  private void stored(int count) {
    for (int i = 0; i < count; i++) {
      pending.poll();
    }
    pendingCount.addAndGet(-count);
    room.release(count);
  }

  private void logKept(Kept kept, String why) {
    if (kept.logged) {
      return;
    }
    kept.logged = true;
    String record = json.writeValueAsString(kept.entry);
    log.atWarn()
        .addKeyValue("audit", record)
        .log("Audit record kept in memory until the database takes it ({}): {}", why, record);
  }

  /** An error line carrying the record both as a structured field and in its message. */
  private LoggingEventBuilder line(AuditEntry entry) {
    String record = json.writeValueAsString(entry);
    return log.atError().addKeyValue("audit", record).addArgument(record);
  }

  /** Records handed over and not yet stored. */
  int pending() {
    return pendingCount.get();
  }

  /** A last attempt to store what waits; what the database does not take is in the log. */
  @PreDestroy
  void stop() throws InterruptedException {
    writer.shutdown();
    writer.awaitTermination(10, TimeUnit.SECONDS);
    drain();
  }
}
