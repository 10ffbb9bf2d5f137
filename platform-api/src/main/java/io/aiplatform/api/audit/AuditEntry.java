package io.aiplatform.api.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One audited request.
 *
 * @param id position in the log
 * @param at when it finished
 * @param subject the token's subject; {@code null} when no valid token was presented
 * @param clientId the token's client
 * @param method the HTTP method
 * @param path the request path
 * @param systemId the system the request was about, when there was one
 * @param status the HTTP status answered
 * @param requestId the request id (the {@code X-Request-Id} header)
 * @param sourceAddress the caller's address
 */
record AuditEntry(
    @JsonProperty("id") Long id,
    @JsonProperty("at") Instant at,
    @JsonProperty("subject") String subject,
    @JsonProperty("client_id") String clientId,
    @JsonProperty("method") String method,
    @JsonProperty("path") String path,
    @JsonProperty("system_id") UUID systemId,
    @JsonProperty("status") int status,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("source_address") String sourceAddress) {}
