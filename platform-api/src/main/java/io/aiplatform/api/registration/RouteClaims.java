package io.aiplatform.api.registration;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code system_routes} table: which system owns each route ({@code METHOD path}) of the
 * platform's HTTP API. The route is the primary key, so PostgreSQL lets one system own it however
 * many requests race for it.
 */
@Repository
class RouteClaims {

  /** A route another system owns. */
  record Taken(String route, UUID owner) {}

  private final JdbcClient jdbc;

  RouteClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the routes for the system; answers those other systems own, which it did not take. A
   * concurrent claim of a route waits for the other transaction. Routes are taken in sorted order,
   * so that two claims of overlapping routes cannot deadlock.
   */
  List<Taken> claim(UUID systemId, Collection<String> routes) {
    if (routes.isEmpty()) {
      return List.of();
    }
    String[] sorted = routes.stream().sorted().toArray(String[]::new);
    jdbc.sql(
            """
            INSERT INTO system_routes (route, system_id)
            SELECT route, ? FROM unnest(?::text[]) WITH ORDINALITY AS r(route, n) ORDER BY n
            ON CONFLICT (route) DO NOTHING
            """)
        .params(systemId, sorted)
        .update();
    return jdbc.sql(
            """
            SELECT route, system_id FROM system_routes
            WHERE route = ANY (?::text[]) AND system_id <> ? ORDER BY route
            """)
        .params(sorted, systemId)
        .query((rs, n) -> new Taken(rs.getString("route"), rs.getObject("system_id", UUID.class)))
        .list();
  }

  /** Gives up the system's claim on the routes (those it does not own are left alone). */
  void release(UUID systemId, Collection<String> routes) {
    if (routes.isEmpty()) {
      return;
    }
    jdbc.sql("DELETE FROM system_routes WHERE system_id = ? AND route = ANY (?::text[])")
        .params(systemId, routes.toArray(String[]::new))
        .update();
  }
}
