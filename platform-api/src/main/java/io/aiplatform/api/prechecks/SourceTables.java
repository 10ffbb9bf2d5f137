package io.aiplatform.api.prechecks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The tables of the platform's DMS source database, asked of the database itself: DMS has no read
 * call that lists a source's tables. The API connects as the source endpoint's user (from the
 * endpoint's Secrets Manager secret), read-only, and reads {@code information_schema.tables}, which
 * lists exactly the tables that user may read, so a table DMS could not replicate is missing here
 * too. PostgreSQL sources only: the API carries no other engine's driver.
 */
final class SourceTables {

  /** The DMS engine names this check reads (the PostgreSQL driver answers both). */
  static final Set<String> ENGINES = Set.of("postgres", "aurora-postgresql");

  /** DMS SSL modes as the PostgreSQL driver names them; no mode: the driver's default. */
  private static final Map<String, String> SSL_MODES =
      Map.of(
          "none", "disable",
          "require", "require",
          "verify-ca", "verify-ca",
          "verify-full", "verify-full");

  private static final String QUERY =
      "SELECT table_name FROM information_schema.tables"
          + " WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name = ANY (?)";

  /**
   * Where the source database is and who to connect as.
   *
   * @param host its host name
   * @param port its port
   * @param database the database the endpoint names
   * @param username the endpoint's user
   * @param password that user's password
   * @param sslMode the endpoint's DMS SSL mode, or {@code null}
   */
  record Source(
      String host, int port, String database, String username, String password, String sslMode) {

    @Override
    public String toString() {
      return "Source[" + host + ":" + port + "/" + database + " as " + username + "]";
    }
  }

  /** The source database could not be asked: unreachable, refused, or no answer in time. */
  static final class Unavailable extends RuntimeException {
    Unavailable(String why) {
      super(why);
    }

    Unavailable(Source source, SQLException cause) {
      super(
          "the DMS source database "
              + source.host()
              + ":"
              + source.port()
              + "/"
              + source.database()
              + " did not answer (SQLState "
              + cause.getSQLState()
              + ")",
          cause);
    }
  }

  private SourceTables() {}

  /** Which of {@code tables} exist in {@code schema}; throws {@link Unavailable} otherwise. */
  static Set<String> existing(Source source, String schema, List<String> tables, Duration timeout) {
    try (Connection connection = dataSource(source, timeout).getConnection();
        PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setString(1, schema);
      query.setArray(2, connection.createArrayOf("text", tables.toArray()));
      query.setQueryTimeout(seconds(timeout));
      Set<String> found = new HashSet<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new Unavailable(source, e);
    }
  }

  private static PGSimpleDataSource dataSource(Source source, Duration timeout) {
    int seconds = seconds(timeout);
    PGSimpleDataSource data = new PGSimpleDataSource();
    data.setServerNames(new String[] {source.host()});
    data.setPortNumbers(new int[] {source.port()});
    data.setDatabaseName(source.database());
    data.setUser(source.username());
    data.setPassword(source.password() == null ? "" : source.password());
    data.setConnectTimeout(seconds);
    data.setLoginTimeout(seconds);
    data.setSocketTimeout(seconds);
    data.setReadOnly(true);
    data.setApplicationName("platform-api pre-checks");
    String sslMode = source.sslMode() == null ? null : SSL_MODES.get(source.sslMode());
    if (sslMode != null) {
      data.setSslMode(sslMode);
    }
    return data;
  }

  private static int seconds(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
  }
}
