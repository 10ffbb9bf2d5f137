package io.aiplatform.api.reconcile;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.reconcile.VerifySchedule.Decision;
import io.aiplatform.api.reconcile.VerifyTargets.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic sweep: every tick, claims the active systems that are due in small batches (each
 * batch one transaction, its rows locked with {@code SKIP LOCKED}, so that several API instances
 * share the work instead of doubling it) and asks for their verifies ({@link VerifySchedule} says
 * which and when). The tick follows from {@code PLATFORM_API_RECONCILE_INTERVAL} (a thirtieth of
 * it, 1 s to 30 s) rather than being one more setting: it only bounds how late a turn can be.
 */
@Component
class ReconcileSweep implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ReconcileSweep.class);

  /** Small batches keep the locks short; the sweep goes on until no due system is left. */
  static final int BATCH = 50;

  /** How many systems one sweep handled. */
  record Swept(int verified, int skipped, int placed) {
    Swept plus(Swept other) {
      return new Swept(verified + other.verified, skipped + other.skipped, placed + other.placed);
    }

    int total() {
      return verified + skipped + placed;
    }
  }

  private final VerifyTargets targets;
  private final VerifyJobs jobs;
  private final VerifySchedule schedule;
  private final TransactionTemplate transactions;
  private final Clock clock;

  @Autowired
  ReconcileSweep(
      VerifyTargets targets,
      VerifyJobs jobs,
      TransactionTemplate transactions,
      Clock clock,
      ApiProperties properties) {
    this(
        targets,
        jobs,
        new VerifySchedule(
            properties.reconcile().interval(), properties.reconcile().verifyTimeout()),
        transactions,
        clock);
  }

  ReconcileSweep(
      VerifyTargets targets,
      VerifyJobs jobs,
      VerifySchedule schedule,
      TransactionTemplate transactions,
      Clock clock) {
    this.targets = targets;
    this.jobs = jobs;
    this.schedule = schedule;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::sweep, schedule.tick());
  }

  /** One sweep: every system due now, batch by batch. */
  Swept sweep() {
    Instant now = clock.instant();
    Swept all = new Swept(0, 0, 0);
    Swept batch;
    do {
      batch = transactions.execute(tx -> batch(now));
      all = all.plus(batch);
    } while (batch.total() == BATCH);
    if (all.verified() > 0 || all.skipped() > 0) {
      log.info(
          "Reconcile sweep: {} verifies requested, {} skipped (a verify outstanding)",
          all.verified(),
          all.skipped());
    }
    return all;
  }

  private Swept batch(Instant now) {
    List<Target> due = targets.claimDue(now, BATCH);
    int verified = 0;
    int skipped = 0;
    int placed = 0;
    for (Target target : due) {
      Decision decision = schedule.decide(target, now);
      if (decision.verify()) {
        jobs.request(target, false, VerifyJobs.SWEEP, decision.next());
        verified++;
      } else {
        targets.schedule(target.systemId(), decision.next());
        if (schedule.outstanding(target, now)) {
          skipped++;
        } else {
          placed++;
        }
      }
    }
    return new Swept(verified, skipped, placed);
  }
}
