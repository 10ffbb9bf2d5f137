package io.aiplatform.api.registration;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code idempotency_keys} table: first responses to POSTs that carried a key. */
@Repository
class IdempotencyKeys {

  /** A stored first response and the fingerprint of the request that produced it. */
  record Stored(String requestHash, RegistrationResponse response) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;

  IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<Stored> find(String subject, String key) {
    return jdbc.sql(
            "SELECT request_hash, response FROM idempotency_keys WHERE subject = ? AND key = ?")
        .params(subject, key)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString("request_hash"),
                    json.readValue(rs.getString("response"), RegistrationResponse.class)))
        .optional();
  }

  /** Raises {@code DuplicateKeyException} when a concurrent request stored the key first. */
  void insert(String subject, String key, String requestHash, RegistrationResponse response) {
    jdbc.sql(
            """
            INSERT INTO idempotency_keys (subject, key, request_hash, system_id, response)
            VALUES (?, ?, ?, ?, ?::jsonb)
            """)
        .params(subject, key, requestHash, response.systemId(), json.writeValueAsString(response))
        .update();
  }
}
