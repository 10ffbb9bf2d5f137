package io.aiplatform.api.prechecks;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.prechecks.Assessment.Action;
import io.aiplatform.api.prechecks.Assessment.Check;
import io.aiplatform.api.prechecks.Assessment.PlannedResource;
import io.aiplatform.api.prechecks.PrecheckRefusals.ChecksFailed;
import io.aiplatform.api.prechecks.PrecheckRefusals.ChecksUnavailable;
import io.aiplatform.api.prechecks.Probe.Finding;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.SystemSpec;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The plan of a registration and its checks against AWS, with read calls only: every name the
 * system would get must be free, the account must have room for its buckets, and the DMS source
 * must be there when the platform replicates. The calls run at once, each on a thread of its own,
 * so a registration waits for the slowest call rather than their sum.
 *
 * <p>When AWS cannot answer (unreachable, 5xx after the SDK's retries, the timeout), the checks
 * fail closed: {@link ChecksUnavailable}, answered 503, and nothing is stored.
 */
@Component
public class Prechecks {

  private static final Logger log = LoggerFactory.getLogger(Prechecks.class);

  private final AwsLookups aws;
  private final PrecheckProperties properties;
  private final String prefix;
  private final ExecutorService threads = Executors.newCachedThreadPool(Prechecks::daemon);

  Prechecks(PrecheckClients.Clients clients, PrecheckProperties properties, ApiProperties api) {
    this.aws = new AwsLookups(clients);
    this.properties = properties;
    this.prefix = api.resourcePrefix();
  }

  /** Whether registrations are checked (PLATFORM_API_PRECHECKS_ENABLED). */
  public boolean enabled() {
    return properties.enabled();
  }

  /** The plan and the checks of a valid registration; nothing is changed anywhere. */
  public Assessment assess(SystemSpec spec) {
    List<Probe> probes =
        PlanProbes.of(aws, properties, ResourceNames.of(prefix, spec.systemName()), spec);
    if (!properties.enabled()) {
      List<PlannedResource> plan =
          probes.stream().map(Probe::planned).filter(p -> p != null).toList();
      return new Assessment(true, plan, List.of());
    }
    List<Finding> findings = run(probes);
    List<PlannedResource> plan = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      Probe probe = probes.get(i);
      Finding finding = findings.get(i);
      checks.add(new Check(probe.check(), probe.resource(), finding.passed(), finding.detail()));
      PlannedResource planned = probe.planned();
      if (planned != null) {
        Action action = finding.passed() ? Action.CREATE : Action.CONFLICT;
        plan.add(new PlannedResource(planned.kind(), planned.name(), action, planned.settings()));
      }
    }
    return new Assessment(checks.stream().allMatch(Check::passed), plan, checks);
  }

  /** Refuses a registration that cannot succeed, naming each failed check. */
  public void require(SystemSpec spec) {
    if (!properties.enabled()) {
      return;
    }
    List<Check> failed = assess(spec).failed();
    if (!failed.isEmpty()) {
      throw new ChecksFailed(failed);
    }
  }

  private List<Finding> run(List<Probe> probes) {
    try {
      List<Future<Finding>> futures =
          threads.invokeAll(
              probes.stream()
                  .map(p -> (java.util.concurrent.Callable<Finding>) p.lookup()::get)
                  .toList(),
              properties.timeout().toMillis(),
              TimeUnit.MILLISECONDS);
      List<Finding> findings = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        findings.add(answer(probes.get(i), futures.get(i)));
      }
      return findings;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChecksUnavailable("interrupted");
    }
  }

  @PreDestroy
  void stop() {
    threads.shutdownNow();
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "prechecks");
    thread.setDaemon(true);
    return thread;
  }

  private static Finding answer(Probe probe, Future<Finding> future) throws InterruptedException {
    try {
      return future.get();
    } catch (CancellationException e) {
      log.warn("Pre-check {} of {} timed out", probe.check(), probe.resource());
      throw new ChecksUnavailable("no answer in time");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SourceTables.Unavailable source) {
        log.warn(
            "Pre-check {} of {} failed: {}", probe.check(), probe.resource(), source.toString());
        throw new ChecksUnavailable(source.getMessage());
      }
      log.warn(
          "Pre-check {} of {} failed: {}",
          probe.check(),
          probe.resource(),
          e.getCause().toString());
      throw new ChecksUnavailable("AWS did not answer " + probe.check());
    }
  }
}
