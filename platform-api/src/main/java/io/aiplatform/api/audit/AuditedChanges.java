package io.aiplatform.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A change made under {@code /admin} and its audit record commit together or not at all: the record
 * is written in the change's transaction, so no change exists without its record. A change that
 * fails is refused, and its refusal is recorded by the audit filter like any other.
 */
@Component
public class AuditedChanges {

  private final AuditLog auditLog;
  private final TransactionTemplate transactions;
  private final Clock clock;

  AuditedChanges(AuditLog auditLog, TransactionTemplate transactions, Clock clock) {
    this.auditLog = auditLog;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Runs the change of the current request in a transaction that also writes its audit record.
   *
   * @param status the status the request is answered with when the change succeeds
   * @param systemId the system the change is about, from its result
   * @param change the change; it joins this transaction
   * @return what the change returned
   */
  public <T> T commit(HttpStatus status, Function<T, UUID> systemId, Supplier<T> change) {
    HttpServletRequest request =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    T result =
        transactions.execute(
            tx -> {
              T changed = change.get();
              auditLog.append(
                  AuditedRequest.entry(
                      request, clock.instant(), status.value(), systemId.apply(changed)));
              return changed;
            });
    request.setAttribute(AuditFilter.AUDITED, Boolean.TRUE);
    return result;
  }
}
