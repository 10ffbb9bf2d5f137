package io.aiplatform.api.prechecks;

import io.aiplatform.api.prechecks.Probe.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import tools.jackson.databind.JsonNode;

/**
 * The checks of the platform's DMS source when a registration names {@code data_sources}: the
 * source endpoint is there and {@code active}, and each table exists in the source schema. The
 * endpoint is described once and the database asked once, for every table together; the probes
 * share both answers.
 *
 * <p>The tables are read from the database itself (DMS has no read call that lists them), through
 * the endpoint's own Secrets Manager secret: see {@link SourceTables}. Where that cannot be done
 * (another engine than PostgreSQL, or an endpoint that keeps its password inline rather than in a
 * secret), the table checks pass and say that they were not made; an endpoint that is missing or
 * not active fails them, since nothing could be replicated.
 */
final class DmsSourceProbes {

  /** What the endpoint says about the source: how to reach it, or why it cannot be asked. */
  private record Described(Optional<Endpoint> endpoint, SourceTables.Source source, String why) {

    boolean active() {
      return endpoint.isPresent() && "active".equalsIgnoreCase(endpoint.get().status());
    }
  }

  private final AwsLookups aws;
  private final PrecheckProperties properties;
  private final List<String> tables;
  private final Supplier<Described> described;
  private final Supplier<Set<String>> existing;

  private DmsSourceProbes(AwsLookups aws, PrecheckProperties properties, List<String> tables) {
    this.aws = aws;
    this.properties = properties;
    this.tables = tables;
    this.described = Once.of(this::describe);
    this.existing = Once.of(this::readTables);
  }

  /** The endpoint check and one check per table, named {@code schema.table}. */
  static List<Probe> of(AwsLookups aws, PrecheckProperties properties, List<String> tables) {
    DmsSourceProbes source = new DmsSourceProbes(aws, properties, tables);
    List<Probe> probes = new ArrayList<>();
    String arn = properties.dmsSourceEndpointArn();
    probes.add(new Probe("dms-source-endpoint", arn, null, source::endpointFinding));
    for (String table : tables) {
      String resource = properties.dmsSourceSchema() + "." + table;
      probes.add(new Probe("dms-source-table", resource, null, () -> source.tableFinding(table)));
    }
    return probes;
  }

  private Finding endpointFinding() {
    Described source = described.get();
    if (source.endpoint().isEmpty()) {
      return Finding.taken("the platform's DMS source endpoint does not exist");
    }
    String status = source.endpoint().get().status();
    String detail = "the source endpoint is " + status;
    if (source.why() != null) {
      detail += "; its tables are not checked: " + source.why();
    }
    return new Finding(source.active(), detail);
  }

  private Finding tableFinding(String table) {
    Described source = described.get();
    if (!source.active()) {
      return Finding.taken(
          "not checked: the source endpoint is "
              + source.endpoint().map(Endpoint::status).orElse("missing"));
    }
    if (source.why() != null) {
      return new Finding(true, "not checked: " + source.why());
    }
    String where =
        " in schema " + properties.dmsSourceSchema() + " of database " + source.source().database();
    return existing.get().contains(table)
        ? new Finding(true, "the table exists" + where)
        : Finding.taken("no table " + table + where + " that the source endpoint's user can read");
  }

  private Described describe() {
    Optional<Endpoint> endpoint = aws.dmsEndpoint(properties.dmsSourceEndpointArn());
    if (endpoint.isEmpty() || !"active".equalsIgnoreCase(endpoint.get().status())) {
      return new Described(endpoint, null, null);
    }
    Endpoint found = endpoint.get();
    if (!SourceTables.ENGINES.contains(found.engineName())) {
      return new Described(
          endpoint, null, "the API reads PostgreSQL sources only, this is " + found.engineName());
    }
    String secret =
        found.postgreSQLSettings() == null
            ? null
            : found.postgreSQLSettings().secretsManagerSecretId();
    if (secret == null || secret.isBlank()) {
      return new Described(endpoint, null, "the endpoint keeps no Secrets Manager secret");
    }
    return new Described(endpoint, source(found, aws.secretFields(secret)), null);
  }

  private Set<String> readTables() {
    return SourceTables.existing(
        described.get().source(), properties.dmsSourceSchema(), tables, properties.timeout());
  }

  /** The connection as DMS makes it: the secret's host, port and user, the endpoint's database. */
  private static SourceTables.Source source(Endpoint endpoint, JsonNode secret) {
    return new SourceTables.Source(
        text(secret, "host"),
        port(secret.path("port"), endpoint.port()),
        endpoint.databaseName(),
        text(secret, "username"),
        secret.path("password").asString(""),
        endpoint.sslModeAsString());
  }

  private static String text(JsonNode secret, String field) {
    JsonNode value = secret.path(field);
    if (!value.isString() || value.asString().isBlank()) {
      throw new SourceTables.Unavailable("the DMS source endpoint's secret has no " + field);
    }
    return value.asString();
  }

  /** The secret's port, a number or a string of digits as RDS writes it; else the endpoint's. */
  private static int port(JsonNode port, Integer endpointPort) {
    if (port.isNumber()) {
      return port.intValue();
    }
    if (port.isString() && port.asString().matches("\\d{1,5}")) {
      return Integer.parseInt(port.asString());
    }
    if (endpointPort != null) {
      return endpointPort;
    }
    throw new SourceTables.Unavailable("the DMS source endpoint's secret has no port");
  }
}
