package io.aiplatform.api.web;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that means "the database cannot be reached now" (rather than a bug or bad
 * data): no connection within the pool's timeout, a connection refused or broken mid-request, a
 * server shutting down or out of connections. Such a request is answered 503 with {@code
 * Retry-After}, never 500.
 */
public final class DatabaseFaults {

  /**
   * Request attribute set when the request failed because the database is unavailable, so that its
   * audit record goes straight to the audit buffer instead of waiting for a connection again.
   */
  public static final String UNAVAILABLE = DatabaseFaults.class.getName() + ".unavailable";

  private DatabaseFaults() {}

  /** Whether the failure, or anything that caused it, is the database being unavailable. */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SocketException
          || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException) {
        return true;
      }
      if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
        return true;
      }
      // A commit or rollback that failed on its connection: the connection broke under it. The
      // failure that made the transaction roll back is kept beside the cause, not in it.
      if (t instanceof TransactionSystemException tx
          && (tx.getCause() instanceof SQLException
              || isUnavailable(tx.getApplicationException()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * SQLSTATE classes 08 (connection exception), 53 (insufficient resources, such as too many
   * connections) and 57P01-57P03 (the server is shutting down or starting).
   */
  private static boolean unavailableState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
