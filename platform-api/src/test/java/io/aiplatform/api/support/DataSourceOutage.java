package io.aiplatform.api.support;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a data source so that, while the outage lasts, it answers as an unreachable database does
 * (no connection: {@link SQLTransientConnectionException}), for code that must survive one.
 */
public final class DataSourceOutage {
  private volatile boolean down;

  public void begin() {
    down = true;
  }

  public void end() {
    down = false;
  }

  public DataSource around(DataSource real) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        if (down) {
          throw new SQLTransientConnectionException("Connection is not available (outage)");
        }
        return real.getConnection();
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> type) {
        return false;
      }
    };
  }
}
